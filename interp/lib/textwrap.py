"""textwrap: TextWrapper, wrap, fill, shorten, dedent, indent (gillab's
frozen library, following CPython 3.11's Lib/textwrap.py behaviour).

gillab has no `re` module, so the splitting of text into chunks is a
hand-written scanner that reproduces CPython's `wordsep_re`: runs of the
ASCII whitespace characters, em-dashes ("--" or longer) between words, and
words that break after a hyphen when letters stand on both sides
("goof-ball" -> "goof-", "ball"; "a-b-c" after the second hyphen only as
CPython does). A "letter" is a word character that is not a decimal digit
and a word character is what `str.isalnum()` accepts plus "_", which is how
`re` reads `\\w` for ordinary text; characters where the two disagree (a few
combining marks) may split differently. The compiled patterns
(`wordsep_re`, `wordsep_simple_re`, `sentence_end_re`) and
`unicode_whitespace_trans` are not provided, so a subclass that replaces
them has no effect; subclasses overriding the methods `_split`,
`_munge_whitespace`, `_wrap_chunks`, `_handle_long_word` and
`_fix_sentence_endings` work as in CPython.
"""

__all__ = ["TextWrapper", "wrap", "fill", "dedent", "indent", "shorten"]

# The whitespace textwrap knows about: ASCII only, as in CPython (a
# non-breaking space stays inside a word).
_whitespace = "\t\n\x0b\x0c\r "


def _is_word(c):
    return c.isalnum() or c == "_"


def _is_letter(c):
    return (c.isalnum() or c == "_") and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in "!\"'&.,?"


def _expand_tabs(text, tabsize):
    # str.expandtabs: the column restarts after "\n" and "\r".
    if "\t" not in text:
        return text
    out = []
    col = 0
    for c in text:
        if c == "\t":
            if tabsize > 0:
                n = tabsize - col % tabsize
                out.append(" " * n)
                col += n
        else:
            out.append(c)
            col = 0 if c in "\n\r" else col + 1
    return "".join(out)


def _em_dash_at(text, i):
    """Length of an em-dash starting at i: two or more hyphens followed by
    a word character (0 if there is none)."""
    j = i
    n = len(text)
    while j < n and text[j] == "-":
        j += 1
    if j - i >= 2 and j < n and _is_word(text[j]):
        return j - i
    return 0


def _hyphen_break(text, e):
    """True when the hyphen at e ends a chunk: two letters before it (or
    letter-hyphen-letter) and letter, optional hyphen, letter after it."""
    if text[e] != "-":
        return False
    before = ((e >= 2 and _is_letter(text[e - 2]) and _is_letter(text[e - 1]))
              or (e >= 3 and _is_letter(text[e - 3]) and text[e - 2] == "-" and _is_letter(text[e - 1])))
    if not before:
        return False
    n = len(text)
    if e + 1 >= n or not _is_letter(text[e + 1]):
        return False
    if e + 2 < n and _is_letter(text[e + 2]):
        return True
    return e + 3 < n and text[e + 2] == "-" and _is_letter(text[e + 3])


def _split_words(text):
    """The chunks CPython's wordsep_re.split() gives, empty ones dropped."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c in _whitespace:
            j = i + 1
            while j < n and text[j] in _whitespace:
                j += 1
            chunks.append(text[i:j])
            i = j
            continue
        # An em-dash right after a word ("yes--no") is a chunk of its own.
        if c == "-" and i > 0 and _is_word_punct(text[i - 1]):
            dash = _em_dash_at(text, i)
            if dash:
                chunks.append(text[i:i + dash])
                i += dash
                continue
        # A word: the shortest run of non-whitespace that ends at a hyphen
        # break (taking the hyphen), before whitespace or the end, or
        # before an em-dash.
        e = i + 1
        while True:
            if e < n and _hyphen_break(text, e):
                e += 1
                break
            if e >= n or text[e] in _whitespace:
                break
            if text[e] == "-" and _is_word_punct(text[e - 1]) and _em_dash_at(text, e):
                break
            e += 1
        chunks.append(text[i:e])
        i = e
    return chunks


def _split_simple(text):
    """Words and the runs of whitespace between them."""
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        space = text[i] in _whitespace
        j = i + 1
        while j < n and (text[j] in _whitespace) == space:
            j += 1
        chunks.append(text[i:j])
        i = j
    return chunks


def _ends_sentence(chunk):
    # A lowercase ASCII letter, then ".", "!" or "?", then an optional
    # closing quote, at the end of the chunk.
    if chunk[-1:] in ("'", '"'):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in ".!?" and "a" <= chunk[-2] <= "z"


class TextWrapper:
    """Wraps paragraphs of text to lines of at most `width` characters.

    The attributes are those of the constructor's arguments and may be
    changed between calls; see the module docstring for what differs from
    CPython."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="", expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=" [...]"):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = _expand_tabs(text, self.tabsize)
        if self.replace_whitespace:
            # Every whitespace character becomes one space (after tab
            # expansion, so tabs only remain if expand_tabs is off).
            text = "".join(" " if c in _whitespace else c for c in text)
        return text

    def _split(self, text):
        # CPython checks `is True`: break_on_hyphens=1 splits on spaces only.
        if self.break_on_hyphens is True:
            return _split_words(text)
        return _split_simple(text)

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        # At least one character goes on each line, even when the indent
        # leaves no room.
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            chunk = reversed_chunks[-1]
            end = space_left
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer breaking after the last hyphen that fits, unless
                # only hyphens precede it.
                hyphen = chunk.rfind("-", 0, space_left)
                if hyphen > 0 and any(c != "-" for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            # An unbreakable word gets a line of its own, too long.
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()  # a stack: the next chunk is at the end
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # Leading whitespace is kept only on the first line.
            if self.drop_whitespace and chunks[-1].strip() == "" and lines:
                del chunks[-1]
            while chunks:
                size = len(chunks[-1])
                if cur_len + size > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += size
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == "":
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            rest_is_blank = not chunks or (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip())
            if (self.max_lines is None or len(lines) + 1 < self.max_lines
                    or (rest_is_blank and cur_len <= width)):
                lines.append(indent + "".join(cur_line))
                continue
            # The last line allowed: cut words until the placeholder fits.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + "".join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        """The lines of the wrapped paragraph, without final newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """The wrapped paragraph as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text and cut it to one line of at most
    width characters, ending in the placeholder when words were dropped."""
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(" ".join(text.strip().split()))


def dedent(text):
    """Remove the longest run of spaces and tabs that every non-blank line
    starts with; lines of only spaces and tabs become empty. " " and "\\t"
    are different characters here, as in CPython."""
    lines = text.split("\n")
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        if not stripped:
            lines[i] = ""
            continue
        lead = line[:len(line) - len(stripped)]
        if margin is None or lead.startswith(margin):
            if margin is None:
                margin = lead
        elif margin.startswith(lead):
            margin = lead
        else:
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        cut = len(margin)
        lines = [line[cut:] if line.startswith(margin) else line for line in lines]
    return "\n".join(lines)


def indent(text, prefix, predicate=None):
    """Put prefix before each line for which predicate(line) is true (by
    default: the lines that are not only whitespace)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))
