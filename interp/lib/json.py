"""json: dumps/dump and loads/load, with CPython's output and messages.

Written for gillab after the JSON specification (RFC 8259) and CPython's
Lib/json (the same encoder choices: ", " and ": " separators, or "," with an
indent; ensure_ascii escaping with surrogate pairs; NaN and Infinity
allowed by default; keys that are int, float, bool or None turned into
strings; JSONDecodeError's "msg: line L column C (char N)"). A pure-Python
scanner, so slower than CPython's C accelerator. Absent: JSONEncoder and
JSONDecoder subclassing (cls=), object_pairs_hook, parse_float/parse_int,
check_circular (a cycle raises RecursionError instead of ValueError).
"""

__all__ = ["dump", "dumps", "load", "loads", "JSONDecodeError"]


class JSONDecodeError(ValueError):
    """A document that is not JSON: msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# ---- encoding ----

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_string(s, ensure_ascii):
    out = ['"']
    for ch in s:
        escaped = _ESCAPES.get(ch)
        if escaped is not None:
            out.append(escaped)
            continue
        code = ord(ch)
        if code < 0x20 or (ensure_ascii and code > 0x7E):
            if code > 0xFFFF:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _encode_float(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == -float("inf"):
        text = "-Infinity"
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class _Encoder:
    def __init__(self, skipkeys, ensure_ascii, allow_nan, indent, separators, default, sort_keys):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.allow_nan = allow_nan
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is None:
            separators = (",", ": ") if indent is not None else (", ", ": ")
        self.item_separator, self.key_separator = separators
        self.default = default
        self.sort_keys = sort_keys

    def encode(self, o, level, out):
        if isinstance(o, str):
            out.append(_encode_string(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_encode_float(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level, out)
        elif isinstance(o, dict):
            self.encode_dict(o, level, out)
        else:
            if self.default is None:
                raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)
            self.encode(self.default(o), level, out)

    def newline(self, level):
        return "\n" + self.indent * level

    def encode_list(self, items, level, out):
        if not items:
            out.append("[]")
            return
        out.append("[")
        separator = self.item_separator
        if self.indent is not None:
            level += 1
            out.append(self.newline(level))
            separator += self.newline(level)
        first = True
        for item in items:
            if not first:
                out.append(separator)
            first = False
            self.encode(item, level, out)
        if self.indent is not None:
            out.append(self.newline(level - 1))
        out.append("]")

    def key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _encode_float(key, self.allow_nan)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s" % type(key).__name__)

    def encode_dict(self, d, level, out):
        if not d:
            out.append("{}")
            return
        out.append("{")
        separator = self.item_separator
        if self.indent is not None:
            level += 1
            out.append(self.newline(level))
            separator += self.newline(level)
        items = sorted(d.items()) if self.sort_keys else d.items()
        first = True
        for key, value in items:
            text = self.key_text(key)
            if text is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(_encode_string(text, self.ensure_ascii))
            out.append(self.key_separator)
            self.encode(value, level, out)
        if self.indent is not None:
            out.append(self.newline(level - 1))
        out.append("}")


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None,
          separators=None, default=None, sort_keys=False, **kw):
    """The JSON text of obj."""
    if cls is not None or kw:
        raise NotImplementedError("json.dumps: cls= and encoder keywords are not supported by gillab")
    out = []
    _Encoder(skipkeys, ensure_ascii, allow_nan, indent, separators, default, sort_keys).encode(obj, 0, out)
    return "".join(out)


def dump(obj, fp, **kw):
    """Writes the JSON text of obj to fp."""
    fp.write(dumps(obj, **kw))


# ---- decoding ----

_WHITESPACE = " \t\n\r"
_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_CONSTANTS = (("NaN", float("nan")), ("Infinity", float("inf")), ("-Infinity", -float("inf")),
              ("true", True), ("false", False), ("null", None))
_DIGITS = "0123456789"


class _Scanner:
    def __init__(self, doc, object_hook):
        self.doc = doc
        self.object_hook = object_hook

    def skip(self, i):
        doc = self.doc
        n = len(doc)
        while i < n and doc[i] in _WHITESPACE:
            i += 1
        return i

    def value(self, i):
        doc = self.doc
        if i >= len(doc):
            raise JSONDecodeError("Expecting value", doc, i)
        ch = doc[i]
        if ch == '"':
            return self.string(i + 1)
        if ch == "{":
            return self.object(i + 1)
        if ch == "[":
            return self.array(i + 1)
        if ch == "-" or ch in _DIGITS:
            number = self.number(i)
            if number is not None:
                return number
        for text, constant in _CONSTANTS:
            if doc.startswith(text, i):
                return constant, i + len(text)
        raise JSONDecodeError("Expecting value", doc, i)

    def number(self, i):
        doc = self.doc
        n = len(doc)
        start = i
        if doc[i] == "-":
            i += 1
            if i >= n or doc[i] not in _DIGITS:
                return None
        if doc[i] == "0":
            i += 1
        else:
            while i < n and doc[i] in _DIGITS:
                i += 1
        is_float = False
        if i + 1 < n and doc[i] == "." and doc[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and doc[i] in _DIGITS:
                i += 1
        if i < n and doc[i] in "eE":
            j = i + 1
            if j < n and doc[j] in "+-":
                j += 1
            if j < n and doc[j] in _DIGITS:
                is_float = True
                i = j + 1
                while i < n and doc[i] in _DIGITS:
                    i += 1
        text = doc[start:i]
        return (float(text) if is_float else int(text)), i

    def string(self, i):
        doc = self.doc
        n = len(doc)
        begin = i - 1
        chunks = []
        while True:
            j = i
            while j < n and doc[j] != '"' and doc[j] != "\\" and doc[j] >= " ":
                j += 1
            chunks.append(doc[i:j])
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", doc, begin)
            ch = doc[j]
            if ch == '"':
                return "".join(chunks), j + 1
            if ch != "\\":
                raise JSONDecodeError("Invalid control character at", doc, j)
            if j + 1 >= n:
                raise JSONDecodeError("Unterminated string starting at", doc, begin)
            esc = doc[j + 1]
            if esc != "u":
                if esc not in _BACKSLASH:
                    raise JSONDecodeError("Invalid \\escape", doc, j)
                chunks.append(_BACKSLASH[esc])
                i = j + 2
                continue
            code = self.hex4(j + 2, j + 1)
            i = j + 6
            if 0xD800 <= code <= 0xDBFF and doc.startswith("\\u", i):
                low = self.hex4(i + 2, i + 1)
                if 0xDC00 <= low <= 0xDFFF:
                    code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                    i += 6
            chunks.append(chr(code))

    def hex4(self, i, u_at):
        digits = self.doc[i:i + 4]
        if len(digits) == 4 and all(c in "0123456789abcdefABCDEF" for c in digits):
            return int(digits, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", self.doc, u_at)

    def object(self, i):
        doc = self.doc
        result = {}
        i = self.skip(i)
        if i < len(doc) and doc[i] == "}":
            return self.hooked(result), i + 1
        while True:
            if i >= len(doc) or doc[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", doc, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(doc) or doc[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", doc, i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            result[key] = value
            i = self.skip(i)
            if i < len(doc) and doc[i] == "}":
                return self.hooked(result), i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.skip(i + 1)

    def hooked(self, d):
        return d if self.object_hook is None else self.object_hook(d)

    def array(self, i):
        doc = self.doc
        result = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == "]":
            return result, i + 1
        while True:
            value, i = self.value(i)
            result.append(value)
            i = self.skip(i)
            if i < len(doc) and doc[i] == "]":
                return result, i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.skip(i + 1)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    """The Python value of the JSON document s (str or bytes in UTF-8)."""
    if cls is not None or parse_float or parse_int or parse_constant or object_pairs_hook or kw:
        raise NotImplementedError("json.loads: cls= and parse hooks are not supported by gillab")
    if isinstance(s, bytes):  # (gillab has no bytearray)
        s = s.decode("utf-8")
    elif not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s" % type(s).__name__)
    if s.startswith("\ufeff"):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    scanner = _Scanner(s, object_hook)
    value, end = scanner.value(scanner.skip(0))
    end = scanner.skip(end)
    if end != len(s):
        raise JSONDecodeError("Extra data", s, end)
    return value


def load(fp, **kw):
    """The Python value of the JSON document read from fp."""
    return loads(fp.read(), **kw)
