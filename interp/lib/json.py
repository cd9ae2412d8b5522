"""json: dumps/dump, loads/load, JSONEncoder, JSONDecoder, JSONDecodeError,
with CPython's output and messages.

Written for gillab after the JSON specification (RFC 8259) and the Python
3.11 documentation of json: the same encoder choices (", " and ": "
separators, or "," with an indent; ensure_ascii escaping with surrogate
pairs; NaN and Infinity allowed by default; keys that are int, float, bool
or None turned into strings; "Circular reference detected"), the same
chunks from JSONEncoder.iterencode, subclassing through cls= (an encoder's
default(), a decoder's hooks), object_hook, object_pairs_hook, parse_float,
parse_int, parse_constant, strict=False, and JSONDecodeError's "msg: line L
column C (char N)" (its module is json.decoder, as CPython's).
A pure-Python scanner and encoder, so slower than CPython's C accelerator.
Lacks: json.decoder and json.encoder are plain namespaces holding the
classes (gillab cannot make module objects); iterencode() encodes the whole
value before it hands out the first chunk (dump() still writes the chunks
made before an error); bytes input is decoded as UTF-8 only (no UTF-16/32
detection).
"""
import sys

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]


class JSONDecodeError(ValueError):
    """A document that is not JSON: msg, doc, pos, lineno, colno."""
    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ---- encoding ----

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _encode_string(s, ensure_ascii):
    # Most strings need no escape at all: printable ASCII without " and \.
    if s.isascii() and s.isprintable() and '"' not in s and "\\" not in s:
        return '"' + s + '"'
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
        return float.__repr__(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    """Turns Python values into JSON text; override default() to encode
    other types (return something encodable, or call the base to raise)."""
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable" % o.__class__.__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        return "".join(self._chunks(o))

    def iterencode(self, o, _one_shot=False):
        return iter(self._chunks(o))

    def _chunks(self, o, out=None):
        out = [] if out is None else out
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        _Encoding(self, indent, out).value(o, 0)
        return out


class _Encoding:
    """One encoding run: appends the chunks CPython's pure-Python encoder
    would yield, in the same pieces, to out."""

    def __init__(self, encoder, indent, out):
        self.markers = {} if encoder.check_circular else None
        self.ensure_ascii = encoder.ensure_ascii
        self.allow_nan = encoder.allow_nan
        self.skipkeys = encoder.skipkeys
        self.sort_keys = encoder.sort_keys
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator
        self.default = encoder.default
        self.indent = indent
        self.out = out

    def scalar(self, o):
        """The text of a str, None, bool, int or float; None for others."""
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _encode_float(o, self.allow_nan)
        return None

    def mark(self, o):
        if self.markers is not None:
            key = id(o)
            if key in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[key] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def value(self, o, level):
        text = self.scalar(o)
        if text is not None:
            self.out.append(text)
        elif isinstance(o, (list, tuple)):
            self.list(o, level)
        elif isinstance(o, dict):
            self.dict(o, level)
        else:
            self.mark(o)  # a default() that returns its argument is a cycle too
            self.value(self.default(o), level)
            self.unmark(o)

    def list(self, items, level):
        out = self.out
        if not items:
            out.append("[]")
            return
        self.mark(items)
        buf = "["
        separator = self.item_separator
        if self.indent is not None:
            level += 1
            newline = "\n" + self.indent * level
            separator += newline
            buf += newline
        first = True
        for item in items:
            if first:
                first = False
            else:
                buf = separator
            text = self.scalar(item)
            if text is not None:
                out.append(buf + text)
            else:
                out.append(buf)
                self.value(item, level)
        if self.indent is not None:
            out.append("\n" + self.indent * (level - 1))
        out.append("]")
        self.unmark(items)

    def dict(self, d, level):
        out = self.out
        if not d:
            out.append("{}")
            return
        self.mark(d)
        out.append("{")
        separator = self.item_separator
        if self.indent is not None:
            level += 1
            newline = "\n" + self.indent * level
            separator += newline
            out.append(newline)
        first = True
        for key, value in (sorted(d.items()) if self.sort_keys else d.items()):
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _encode_float(key, self.allow_nan)
            elif key is True:
                key = "true"
            elif key is False:
                key = "false"
            elif key is None:
                key = "null"
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError("keys must be str, int, float, bool or None, not %s" % key.__class__.__name__)
            if first:
                first = False
            else:
                out.append(separator)
            out.append(_encode_string(key, self.ensure_ascii))
            out.append(self.key_separator)
            text = self.scalar(value)
            if text is not None:
                out.append(text)
            else:
                self.value(value, level)
        if self.indent is not None:
            out.append("\n" + self.indent * (level - 1))
        out.append("}")
        self.unmark(d)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None,
          separators=None, default=None, sort_keys=False, **kw):
    """The JSON text of obj."""
    if cls is None:
        if (not skipkeys and ensure_ascii and check_circular and allow_nan and indent is None and separators is None
                and default is None and not sort_keys and not kw):
            return _default_encoder.encode(obj)
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular, allow_nan=allow_nan,
               indent=indent, separators=separators, default=default, sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None,
         separators=None, default=None, sort_keys=False, **kw):
    """Writes the JSON text of obj to fp, chunk by chunk."""
    if cls is None:
        cls = JSONEncoder
    encoder = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular, allow_nan=allow_nan,
                  indent=indent, separators=separators, default=default, sort_keys=sort_keys, **kw)
    if type(encoder).iterencode is not JSONEncoder.iterencode:
        for chunk in encoder.iterencode(obj):
            fp.write(chunk)
        return
    chunks = []
    try:
        encoder._chunks(obj, chunks)
    finally:
        # CPython writes each chunk as it is made: on an error, those before it.
        for chunk in chunks:
            fp.write(chunk)


# ---- decoding ----

_WHITESPACE = " \t\n\r"
_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": -float("inf")}
_LITERALS = (("true", True), ("false", False), ("null", None))
_DIGITS = "0123456789"


class _Scanner:
    def __init__(self, decoder, doc):
        self.doc = doc
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant
        self.strict = decoder.strict

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
        for text, constant in _LITERALS:
            if doc.startswith(text, i):
                return constant, i + len(text)
        for text in _CONSTANTS:
            if doc.startswith(text, i):
                return self.parse_constant(text), i + len(text)
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
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    def string(self, i):
        doc = self.doc
        n = len(doc)
        begin = i - 1
        chunks = []
        strict = self.strict
        while True:
            j = i
            while j < n and doc[j] != '"' and doc[j] != "\\" and (doc[j] >= " " or not strict):
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
        pairs = []
        i = self.skip(i)
        if i < len(doc) and doc[i] == "}":
            return self.hooked(pairs), i + 1
        while True:
            if i >= len(doc) or doc[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", doc, i)
            key, i = self.string(i + 1)
            i = self.skip(i)
            if i >= len(doc) or doc[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", doc, i)
            i = self.skip(i + 1)
            value, i = self.value(i)
            pairs.append((key, value))
            i = self.skip(i)
            if i < len(doc) and doc[i] == "}":
                return self.hooked(pairs), i + 1
            if i >= len(doc) or doc[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", doc, i)
            i = self.skip(i + 1)

    def hooked(self, pairs):
        # object_pairs_hook sees the pairs in order (duplicates kept) and wins
        # over object_hook, which sees the dict.
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        result = dict(pairs)
        return result if self.object_hook is None else self.object_hook(result)

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


class JSONDecoder:
    """Turns JSON text into Python values, through the given hooks."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        scanner = _Scanner(self, s)
        value, end = self.raw_decode(s, scanner.skip(0))
        end = scanner.skip(end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return value

    def raw_decode(self, s, idx=0):
        """The value that starts at s[idx] and the index where it ends."""
        return _Scanner(self, s).value(idx)


_default_decoder = JSONDecoder()
try:
    _BINARY = (bytes, bytearray)
except NameError:  # gillab has no bytearray
    _BINARY = (bytes,)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    """The Python value of the JSON document s (str, or bytes in UTF-8)."""
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    elif isinstance(s, _BINARY):
        s = bytes(s)
        if s.startswith(b"\xef\xbb\xbf"):  # as CPython's utf-8-sig, which gillab's codecs lack
            s = s[3:]
        s = s.decode("utf-8")
    else:
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s" % s.__class__.__name__)
    if (cls is None and object_hook is None and parse_int is None and parse_float is None and parse_constant is None
            and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    for name, hook in (("object_hook", object_hook), ("object_pairs_hook", object_pairs_hook),
                       ("parse_float", parse_float), ("parse_int", parse_int), ("parse_constant", parse_constant)):
        if hook is not None:
            kw[name] = hook
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
         object_pairs_hook=None, **kw):
    """The Python value of the JSON document read from fp."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)


class _Namespace:
    # Stands in for the submodules json.decoder and json.encoder.
    def __init__(self, name, **attrs):
        self.__name__ = name
        self.__dict__.update(attrs)

    def __repr__(self):
        return "<module %r>" % self.__name__


decoder = _Namespace("json.decoder", JSONDecoder=JSONDecoder, JSONDecodeError=JSONDecodeError)
encoder = _Namespace("json.encoder", JSONEncoder=JSONEncoder)
sys.modules.setdefault("json.decoder", decoder)
sys.modules.setdefault("json.encoder", encoder)
