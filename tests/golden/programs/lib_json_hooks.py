# json decoding hooks and classes: object_pairs_hook (order, duplicates,
# precedence over object_hook), parse_float/parse_int/parse_constant,
# NaN/Infinity, JSONDecoder with decode/raw_decode/strict, a JSONDecoder
# subclass through cls=, load with hooks from StringIO, and
# JSONDecodeError's module, attributes and pickling arguments.
import io
import json
from collections import OrderedDict

doc = '{"b": 1, "a": [1.5, {"c": 2, "c": 3}], "n": null}'
print(json.loads(doc, object_pairs_hook=OrderedDict))
print(json.loads(doc, object_pairs_hook=lambda pairs: pairs))
print(json.loads(doc, object_pairs_hook=lambda pairs: len(pairs), object_hook=lambda d: "never"))
print(json.loads("{}", object_pairs_hook=lambda pairs: ("empty", pairs)), json.loads("[{}, {}]", object_hook=lambda d: 0))
print(json.loads("[1.5, 2, -0, 1e3, 10E-1, 123456789012345678901]", parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads("[0.1, 7]", parse_float=str, parse_int=float), json.loads("3", parse_int=lambda s: int(s) * 2))
print(json.loads("[NaN, Infinity, -Infinity]", parse_constant=lambda s: "<" + s + ">"))
vals = json.loads("[NaN, Infinity, -Infinity, 1e999, -1e999]")
print(vals[0] != vals[0], vals[1:], json.dumps(vals))
try:
    json.loads("[NaN]", parse_constant=lambda s: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

dec = json.JSONDecoder()
print(dec.decode(' [1, "two", {"3": false}] '), dec.raw_decode('{"a": 1} trailing'), dec.raw_decode("[1, 2]xyz", 0))
print(dec.raw_decode('xx"at"', 2), dec.raw_decode("12 34"))
for text in ("", " 1", "[1", "@"):
    try:
        print(dec.raw_decode(text))
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e)
strict_doc = '["tab\there", "nl\nx"]'
try:
    json.loads(strict_doc)
except json.JSONDecodeError as e:
    print("JSONDecodeError", e.msg, e.pos)
print(json.loads(strict_doc, strict=False), json.JSONDecoder(strict=False).decode('"\x00\x1f"') == "\x00\x1f")


class TaggedDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        kw.setdefault("object_hook", self.revive)
        super().__init__(**kw)

    def revive(self, d):
        if "__set__" in d:
            return set(d["__set__"])
        return d


print(json.loads('{"s": {"__set__": [3, 1, 3]}, "x": 1}', cls=TaggedDecoder))
print(json.loads('{"k": 1}', cls=TaggedDecoder, object_hook=lambda d: list(d)))
print(isinstance(TaggedDecoder(), json.JSONDecoder), json.load(io.StringIO('{"v": [1, 2.5]}'), cls=TaggedDecoder))
buf = io.StringIO('{"z": 1, "y": [true, 1.25]}')
print(json.load(buf, object_pairs_hook=lambda p: [k for k, _ in p], parse_float=lambda s: s))
print(json.loads(b'{"bytes": "\xc3\xa9"}'), json.loads(b'\xef\xbb\xbf[1]'))

try:
    json.loads('{"a": 1,\n  "b" 2}')
except ValueError as e:
    print(type(e).__module__, type(e).__name__, e.msg, e.lineno, e.colno, e.pos, e.args)
    print(e.__reduce__()[1], repr(e), isinstance(e, json.decoder.JSONDecodeError))
print(json.JSONDecodeError.__module__, json.JSONDecodeError.__mro__[1].__name__)
err = json.JSONDecodeError("Custom", "line1\nline2\nline3", 14)
print(err, err.lineno, err.colno, err.doc[err.pos])
for bad in ("\ufeff{}", 12, None, "[1,]", '{"a":1,}', '{"a"}', "[1 2]", '"\\x"', '"\\u12G4"', "[]]", "tru", "1.5.2"):
    try:
        print(json.loads(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
