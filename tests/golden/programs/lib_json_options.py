# json's encoder options in combination (indent as int/str/0/negative with
# nested empty containers, separators, sort_keys at every level, default=
# returning containers, ensure_ascii on control and DEL characters, the
# key types), a config round trip through StringIO with object_hook, and
# decoding edge cases with JSONDecodeError's msg/pos/lineno/colno.
import io
import json
from collections import Counter, OrderedDict, namedtuple

data = {"name": "demo", "tags": [], "meta": {}, "nested": [[]], "matrix": [[1, 2], [3, 4]], "z": None, "a": {"y": 1, "x": [True]}}
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent=-1))
print(json.dumps({"a": [1, {"b": 2}]}, indent=""))
print(json.dumps({"a": [1, 2]}, indent=1, separators=(",", ":")))
print(json.dumps({"a": [1, 2], "b": {"c": None}}, separators=(",", ":"), sort_keys=True), json.dumps([1, 2], separators=(";", "=")))
print(json.dumps([1], indent=True), json.dumps({}, indent=4), json.dumps([], indent=4), json.dumps("x", indent=4))
print(json.dumps("\x7f\x1f\x00\u00ff"), json.dumps("\x7f\x1f\u00ff", ensure_ascii=False), json.dumps("\ud800"), json.dumps("\U0001f600\u20ac"))
print(json.dumps({True: 1, False: 2}, sort_keys=True), json.dumps({1.5: 1, float("inf"): 2, -0.0: 3, None: 4, 10**20: 5}))
print(json.dumps({"b": {"z": 1, "y": 2}, "a": 0}, sort_keys=True), json.dumps([1e16, 1e-7, 0.1, 3.0, 1e300 * 10, 2**100, -0.0]))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode(o):
    if isinstance(o, Point):
        return {"__point__": [o.x, o.y]}
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    raise TypeError("cannot encode %s" % type(o).__name__)


shapes = {"poly": [Point(0, 0), Point(1, 2)], "ids": {3, 1, 2}, "frozen": frozenset("ba")}
text = json.dumps(shapes, default=encode, sort_keys=True)
print(text)


def decode(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d


back = json.loads(text, object_hook=decode)
print([(p.x, p.y) for p in back["poly"]], back["ids"], json.loads('{"a": {"b": {}}}', object_hook=len))
print(json.dumps(OrderedDict(b=1, a=2)), json.dumps(Counter("aab")), json.dumps(namedtuple("N", "a b")(1, 2)), json.dumps((1, (2,))))
for bad, kw in ((object(), {"default": encode}), (b"x", {}), ({(1,): 1}, {}), (float("inf"), {"allow_nan": False}),
                ({float("nan"): 1}, {"allow_nan": False}), ({"b": 1, 2: 3}, {"sort_keys": True}), ((x for x in []), {})):
    try:
        json.dumps(bad, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

buf = io.StringIO()
config = {"server": {"host": "localhost", "ports": [80, 443]}, "debug": False, "ratio": 0.25}
print(json.dump(config, buf, indent=3), buf.tell())
buf.seek(0)
print(json.load(buf) == config, buf.getvalue().count("\n"))

print(json.loads('{"a": 1, "a": 2}'), json.loads("123456789012345678901234567890"), json.loads("[1E400, -1e-400, 1e5, 2E+2, 0.5e-1]"))
print(json.loads("[-0, -0.0]"), json.loads(" \t\n\r[ 1 ,\n2 ] \n"), json.loads("[" * 50 + "]" * 50) == [[[]]] or "deep",
      json.loads('"\\u00e9\\u4e2d\\/"'), json.loads('"\\udc00"') == "\udc00", json.loads("1 "))


def attrs(doc):
    try:
        return json.loads(doc)
    except json.JSONDecodeError as e:
        return (e.msg, e.pos, e.lineno, e.colno, e.doc == doc, str(e), e.args, isinstance(e, ValueError))


for doc in ('{\n"a": [\n1, ]}', "\n\n  nul", '["a\\u12"]', '{"a":1 "b":2}', "[1, 2", '{"a"', '{"a":', '"\t"', "[-]",
            "[1.]", "-Infinityx", '{"a":1}}', "\ufeff[]", "\u00a01", "\f1", "+1", ".5", "0x10", "infinity", "-NaN",
            "[1,\n 2,\n 3 4]", '{"a": 1, "b"}', "[true, fals]", "nulll"):
    print(repr(doc), attrs(doc))
print(json.JSONDecodeError("m", "doc", 1).args, json.JSONDecodeError("oops", "ab\ncd", 4).colno)
