"""string: the constants, capwords, Template and Formatter of CPython 3.11's
string module (gillab's frozen library).

gillab has no `re` module. Template therefore scans templates by hand, and a
subclass's `idpattern` / `braceidpattern` (and `flags`, re.IGNORECASE by
default, given as the number 2) are read by a small matcher that knows a
sequence of single-character atoms -- `[...]` classes with ranges and `^`,
`\\w \\d \\s` and their capitals, `.`, literal or escaped characters -- each
with an optional greedy `*`, `+`, `?` or `{m,n}`, optionally wrapped in one
inline-flag group such as `(?a:...)` or `(?-i:...)`. That covers the
patterns in CPython's documentation; anything else (alternation, groups,
lookarounds, lazy repeats) raises ValueError when the subclass is created, as
does a subclass that defines the whole `pattern` (which needs `re`).
`Template.pattern` is not provided. Formatter follows CPython, with `parse`
and the field-name splitting of the C `_string` module written in Python.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits", "hexdigits",
           "octdigits", "printable", "punctuation", "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or " ").join(word.capitalize() for word in s.split(sep))


# ---------------------------------------------------------------- Template

_IGNORECASE = 2  # re.IGNORECASE's value, so `flags = re.I`-style numbers work
_ASCII = 256


class _Atom:
    """One character class of an identifier pattern with its repeat range."""

    def __init__(self, items, negated, lo, hi):
        self.items = items  # ("char", c) / ("range", a, b) / ("cls", "w"...)
        self.negated = negated
        self.lo = lo
        self.hi = hi  # None: unbounded


def _class_has(kind, c, ascii_only):
    if kind in "WDS":
        return not _class_has(kind.lower(), c, ascii_only)
    if ascii_only and ord(c) > 127:
        return False
    if kind == "w":
        return c.isalnum() or c == "_"
    if kind == "d":
        return c.isdecimal()
    if kind == "s":
        return c in " \t\n\r\x0b\x0c" or (not ascii_only and c.isspace())
    return c != "\n"  # "." without DOTALL


class _IdMatcher:
    """A compiled idpattern: match(text, pos) -> end of the longest greedy
    match at pos (with backtracking, as `re` finds it) or -1."""

    def __init__(self, pattern, flags):
        self.ignorecase = bool(flags & _IGNORECASE)
        self.ascii = bool(flags & _ASCII)
        self.atoms = self._compile(pattern)

    def _unsupported(self, pattern):
        raise ValueError("string.Template: idpattern %r is beyond what gillab's re-free matcher reads "
                         "(character classes with repeats only)" % (pattern,))

    def _compile(self, pattern):
        p = pattern
        if p.startswith("(?") and p.endswith(")") and ":" in p:
            flags, _, inner = p[2:-1].partition(":")
            on, _, off = flags.partition("-")
            if not all(f in "aiLmsux" for f in on + off):
                self._unsupported(pattern)
            if "i" in on:
                self.ignorecase = True
            if "i" in off:
                self.ignorecase = False
            if "a" in on:
                self.ascii = True
            p = inner
        atoms = []
        i = 0
        n = len(p)
        while i < n:
            c = p[i]
            negated = False
            if c == "[":
                i += 1
                items = []
                if i < n and p[i] == "^":
                    negated = True
                    i += 1
                first = True
                while i < n and (p[i] != "]" or first):
                    first = False
                    if p[i] == "\\" and i + 1 < n:
                        e = p[i + 1]
                        i += 2
                        if e in "wdsWDS":
                            items.append(("cls", e))
                            continue
                        lo_c = e
                    else:
                        lo_c = p[i]
                        i += 1
                    if i + 1 < n and p[i] == "-" and p[i + 1] != "]":
                        hi_c = p[i + 1]
                        i += 2
                        if hi_c == "\\" and i < n:
                            hi_c = p[i]
                            i += 1
                        items.append(("range", lo_c, hi_c))
                    else:
                        items.append(("char", lo_c))
                if i >= n:
                    self._unsupported(pattern)
                i += 1  # the "]"
            elif c == "\\" and i + 1 < n:
                e = p[i + 1]
                i += 2
                items = [("cls", e)] if e in "wdsWDS" else [("char", e)]
            elif c == ".":
                items = [("cls", ".")]
                i += 1
            elif c in "()|*+?{}^$":
                self._unsupported(pattern)
            else:
                items = [("char", c)]
                i += 1
            lo = hi = 1
            if i < n and p[i] in "*+?":
                lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[p[i]]
                i += 1
            elif i < n and p[i] == "{":
                close = p.find("}", i)
                if close < 0:
                    self._unsupported(pattern)
                body = p[i + 1:close]
                lo_s, comma, hi_s = body.partition(",")
                if not (lo_s or comma) or not (lo_s.isdigit() or lo_s == "") or not (hi_s.isdigit() or hi_s == ""):
                    self._unsupported(pattern)
                lo = int(lo_s) if lo_s else 0
                hi = (int(hi_s) if hi_s else None) if comma else lo
                i = close + 1
            if i < n and p[i] in "?+":
                self._unsupported(pattern)  # lazy or possessive repeats
            atoms.append(_Atom(items, negated, lo, hi))
        return atoms

    def _one(self, atom, c):
        if self.ignorecase and (not self.ascii or ord(c) < 128):
            # re folds case both ways ("ı".upper().lower() is "i").
            candidates = (c, c.lower(), c.upper(), c.upper().lower(), c.lower().upper())
        else:
            candidates = (c,)
        hit = False
        for item in atom.items:
            kind = item[0]
            for x in candidates:
                if kind == "char":
                    ok = x == item[1]
                elif kind == "range":
                    ok = item[1] <= x <= item[2]
                else:
                    ok = _class_has(item[1], x, self.ascii)
                if ok:
                    hit = True
                    break
            if hit:
                break
        return hit != atom.negated

    def match(self, text, pos):
        return self._match_from(text, pos, 0)

    def _match_from(self, text, pos, k):
        if k == len(self.atoms):
            return pos
        atom = self.atoms[k]
        n = len(text)
        end = pos
        while end < n and (atom.hi is None or end - pos < atom.hi) and self._one(atom, text[end]):
            end += 1
        # Greedy: try the longest run first, then give characters back.
        while end - pos >= atom.lo:
            r = self._match_from(text, end, k + 1)
            if r >= 0:
                return r
            end -= 1
        return -1


class _Chain:
    """Lookups in the keyword arguments first, then in the mapping."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            pass
        return self.second[key]


_no_mapping = {}


class Template:
    """$-substitution: `$name` and `${name}` are replaced from a mapping,
    `$$` gives one `$`."""

    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = _IGNORECASE

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "pattern" in cls.__dict__:
            raise ValueError("string.Template: a subclass's own 'pattern' needs the re module, "
                             "which gillab does not have")
        cls._id_matcher = _IdMatcher(cls.idpattern, cls.flags)
        cls._brace_matcher = _IdMatcher(cls.braceidpattern or cls.idpattern, cls.flags)

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """The template's pieces: ("text", s) and, for each delimiter,
        ("escaped", start, end) / ("named", name, start, end) /
        ("invalid", start, end)."""
        t = self.template
        delim = self.delimiter
        dl = len(delim)
        cls = type(self)
        id_m = cls._id_matcher
        brace_m = cls._brace_matcher
        pieces = []
        i = 0
        n = len(t)
        while i < n:
            j = t.find(delim, i) if dl else -1
            if j < 0:
                pieces.append(("text", t[i:]))
                break
            if j > i:
                pieces.append(("text", t[i:j]))
            k = j + dl
            if t.startswith(delim, k):
                pieces.append(("escaped", j, k + dl))
                i = k + dl
                continue
            end = id_m.match(t, k)
            if end > k:
                pieces.append(("named", t[k:end], j, end))
                i = end
                continue
            if t.startswith("{", k):
                end = brace_m.match(t, k + 1)
                if end > k + 1 and t.startswith("}", end):
                    pieces.append(("named", t[k + 1:end], j, end + 1))
                    i = end + 1
                    continue
            pieces.append(("invalid", j, k))
            i = k
        return pieces

    def _invalid(self, pos):
        # pos: just after the delimiter; the column counts from 1 at the
        # line's start, so it names the delimiter's last character.
        lines = self.template[:pos].splitlines(True)
        if not lines:
            lineno = colno = 1
        else:
            colno = pos - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError("Invalid placeholder in string: line %d, col %d" % (lineno, colno))

    def substitute(self, mapping=_no_mapping, /, **kws):
        if mapping is _no_mapping:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        out = []
        for piece in self._scan():
            kind = piece[0]
            if kind == "text":
                out.append(piece[1])
            elif kind == "named":
                out.append(str(mapping[piece[1]]))
            elif kind == "escaped":
                out.append(self.delimiter)
            else:
                self._invalid(piece[2])
        return "".join(out)

    def safe_substitute(self, mapping=_no_mapping, /, **kws):
        if mapping is _no_mapping:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        t = self.template
        out = []
        for piece in self._scan():
            kind = piece[0]
            if kind == "text":
                out.append(piece[1])
            elif kind == "named":
                try:
                    out.append(str(mapping[piece[1]]))
                except KeyError:
                    out.append(t[piece[2]:piece[3]])
            elif kind == "escaped":
                out.append(self.delimiter)
            else:
                out.append(t[piece[1]:piece[2]])
        return "".join(out)

    def is_valid(self):
        return all(piece[0] != "invalid" for piece in self._scan())

    def get_identifiers(self):
        ids = []
        for piece in self._scan():
            if piece[0] == "named" and piece[1] not in ids:
                ids.append(piece[1])
        return ids


Template._id_matcher = _IdMatcher(Template.idpattern, Template.flags)
Template._brace_matcher = Template._id_matcher


# ---------------------------------------------------------------- Formatter

def _decimal_index(s):
    """int(s) when s is a non-empty run of decimal digits, else None."""
    if s and s.isdecimal():
        return int(s)
    return None


def _parse_format(s):
    """(literal, field_name, format_spec, conversion) tuples, as
    _string.formatter_parser gives them."""
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ""
        while i < n:
            c = s[i]
            i += 1
            if c == "{" or c == "}":
                break
        else:
            yield (s[start:i], None, None, None)
            return
        at_end = i >= n
        if c == "}" and (at_end or s[i] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if c == "{" and at_end:
            raise ValueError("Single '{' encountered in format string")
        if s[i] == c:
            # A doubled brace: one of it ends this piece of literal text.
            i += 1
            yield (s[start:i - 1], None, None, None)
            continue
        literal = s[start:i - 1]
        # A field: the name runs to "}", ":" or "!" (not inside [...]).
        name_start = i
        c = ""
        while i < n:
            c = s[i]
            i += 1
            if c == "{":
                raise ValueError("unexpected '{' in field name")
            if c == "[":
                while i < n and s[i] != "]":
                    i += 1
                c = "["
                continue
            if c in "}:!":
                break
        name = s[name_start:i - 1]
        conversion = None
        if c == "!" or c == ":":
            if c == "!":
                if i >= n:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = s[i]
                i += 1
                if i < n:
                    c = s[i]
                    i += 1
                    if c == "}":
                        yield (literal, name, "", conversion)
                        continue
                    if c != ":":
                        raise ValueError("expected ':' after conversion specifier")
            spec_start = i
            depth = 1
            while i < n:
                c = s[i]
                i += 1
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                    if depth == 0:
                        break
            if depth:
                raise ValueError("unmatched '{' in format spec")
            yield (literal, name, s[spec_start:i - 1], conversion)
        elif c != "}":
            raise ValueError("expected '}' before end of string")
        else:
            yield (literal, name, "", None)


def _field_rest(name, i):
    n = len(name)
    while i < n:
        c = name[i]
        i += 1
        if c == ".":
            j = i
            while j < n and name[j] not in ".[":
                j += 1
            key = name[i:j]
            i = j
            if not key:
                raise ValueError("Empty attribute in format string")
            yield (True, key)
        elif c == "[":
            j = name.find("]", i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i:j]
            i = j + 1
            if not key:
                raise ValueError("Empty attribute in format string")
            index = _decimal_index(key)
            yield (False, key if index is None else index)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


def _field_name_split(name):
    """(first, iterator of (is_attribute, key)), as
    _string.formatter_field_name_split gives them."""
    i = 0
    while i < len(name) and name[i] not in ".[":
        i += 1
    first = name[:i]
    index = _decimal_index(first)
    return (first if index is None else index), _field_rest(name, i)


class Formatter:
    """str.format's machinery with hooks to override: parse, get_field,
    get_value, check_unused_args, convert_field, format_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # auto_arg_index: the next automatic number, or False once an
            # explicit number was seen (0 counts as "none used yet", as in
            # CPython).
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError("cannot switch from manual field specification to automatic field numbering")
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(format_spec, args, kwargs, used_args,
                                                        recursion_depth - 1, auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError("Unknown conversion specifier %s" % (conversion,))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
