# keyword: 3.11's kwlist and softkwlist, iskeyword and issoftkeyword.
import keyword
print(keyword.kwlist)
print(keyword.softkwlist, len(keyword.kwlist), keyword.__all__)
for w in ["if", "If", "match", "case", "_", "type", "print", "None", "async", "", "nonlocal", "__peg_parser__"]:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
print(sorted(keyword.kwlist) == keyword.kwlist, keyword.iskeyword.__name__)
try:
    keyword.iskeyword([])
except Exception as e:
    print(type(e).__name__, e)
print([w for w in ["def", "class", "self", "yield", "await", "print", "exec"] if keyword.iskeyword(w)])
