# textwrap: wrap/fill with every TextWrapper option, the word splitting
# (hyphens, em-dashes, punctuation), long words, sentence endings,
# max_lines with placeholders, shorten, dedent and indent.
import textwrap
from textwrap import TextWrapper, dedent, fill, indent, shorten, wrap

text = ("The quick brown fox jumps over the lazy dog. It was a well-known "
        "state-of-the-art fox -- faster than the rest!  Really? Yes.")
for width in (10, 15, 25, 40, 70):
    print(width, wrap(text, width))
print(fill(text, 30))
print(fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(wrap(text, 20, break_on_hyphens=False))
print(wrap(text, 12, break_long_words=False))
print(wrap(text, 20, fix_sentence_endings=True))
print(wrap("a  b   c\td\ne", 6, drop_whitespace=False))
print(wrap("  leading and trailing  ", 10), wrap("  leading and trailing  ", 10, drop_whitespace=False))
print(wrap("col1\tcol2\tcol3", 40), wrap("col1\tcol2\tcol3", 40, tabsize=4))
print(wrap("col1\tcol2\nx", 40, replace_whitespace=False), wrap("a\tb", 40, expand_tabs=False))
print(wrap("supercalifragilisticexpialidocious is long", 10))
print(wrap("anti-establishment-arianism and more", 12))
print(wrap("x" * 25, 10), wrap("x" * 25, 10, break_long_words=False))
print(wrap("well-- known and em--dash--here, plus -- alone and ---x", 12))
print(wrap("e-mail a-b-c ab-cd 12-34 x-ray self-driving", 8))
print(wrap(text, 25, max_lines=2), wrap(text, 25, max_lines=3, placeholder="..."))
print(wrap(text, 15, max_lines=1), wrap("short text", 20, max_lines=1))
print(wrap("Hello world, this is long", 12, max_lines=2, placeholder=" ~"))
print(shorten(text, 40), "|", shorten("Hello  world!", 12), "|", shorten("Hello world!", 11))
print(shorten(text, 30, placeholder=" (more)"), "|", shorten("  lots   of\n\nspace  ", 50))
print(wrap("", 10), wrap("   ", 10), fill("one", 10), repr(fill("", 5)))
w = TextWrapper(width=18, initial_indent="> ", subsequent_indent=">> ")
print(w.wrap(text)[:3], w.width, w.placeholder, w.tabsize, w.max_lines)
w.width = 30
print(w.fill("Attributes can change between calls to the same wrapper."))
for bad in (lambda: wrap("x", 0), lambda: wrap("x y", 5, max_lines=1, placeholder=" [long placeholder]"),
            lambda: TextWrapper(width=-1).wrap("abc")):
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
print(wrap("unicode café naïve über straße", 10))
print(wrap("Mr. Smith went to Washington. He said \"hi.\" Then left!", 25, fix_sentence_endings=True))

block = """
    def f():
        return 1

    # comment
\t
"""
print(repr(dedent(block)))
print(repr(dedent("  a\n    b\n  c")), repr(dedent("\ta\n\t\tb")), repr(dedent(" \ta\n  b")))
print(repr(dedent("no indent\n  x")), repr(dedent("    \n  x\n   \n  y  ")), repr(dedent("")))
print(repr(indent("a\nb\n\nc\n", "+ ")), repr(indent("a\n  \nb", "> ")))
print(repr(indent("a\nb\r\nc", "# ", lambda line: line.startswith("b"))))
print(repr(indent("x\n\ny", "  ", predicate=lambda line: True)))
print(textwrap.__all__ if hasattr(textwrap, "__all__") else None)
