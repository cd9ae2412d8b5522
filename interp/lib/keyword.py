"""keyword: Python 3.11's keywords, as CPython 3.11's keyword module.

kwlist and softkwlist are the lists of 3.11's grammar (the soft keywords
'_', 'case' and 'match'; 'type' is one from 3.12 on). iskeyword and
issoftkeyword are the membership tests of frozensets, as in CPython.
Written for gillab; nothing is left out.
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False',
    'None',
    'True',
    'and',
    'as',
    'assert',
    'async',
    'await',
    'break',
    'class',
    'continue',
    'def',
    'del',
    'elif',
    'else',
    'except',
    'finally',
    'for',
    'from',
    'global',
    'if',
    'import',
    'in',
    'is',
    'lambda',
    'nonlocal',
    'not',
    'or',
    'pass',
    'raise',
    'return',
    'try',
    'while',
    'with',
    'yield',
]

softkwlist = [
    '_',
    'case',
    'match',
]

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
