# json: CPython's text for every kind of value and option, round trips,
# and JSONDecodeError's messages and positions for malformed documents.
import io
import json

doc = {"name": "gillab", "threads": [1, 2, 4, 8], "ratio": 0.1 + 0.2, "big": 2**70, "ok": True,
       "none": None, "nested": {"b": [], "a": {}}, "tuple": (1, "two"), "neg": -0.0, "e": 1e100}
print(json.dumps(doc))
print(json.dumps(doc, sort_keys=True, indent=2))
print(json.dumps([1, [2, [3, {}]]], indent="\t"))
print(json.dumps({"a": 1, "b": 2}, separators=(",", ":")), json.dumps([1, 2], indent=0))
print(json.dumps("quote \" backslash \\ newline \n tab \t bell \x07 é 😀 \u2028"))
print(json.dumps("é 😀", ensure_ascii=False))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True), json.dumps({1, 2}, default=sorted))
for bad, kw in ((float("nan"), {"allow_nan": False}), ({1, 2}, {}), ({(1,): 2}, {})):
    try:
        json.dumps(bad, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

text = json.dumps(doc)
back = json.loads(text)
print(back == {**doc, "tuple": [1, "two"]}, back["ratio"] == 0.1 + 0.2, type(back["big"]).__name__)
print(json.loads('  {"a" : [1, 2.0, -3, 4e2, -0.5E-1, true, false, null, "x\\u00e9\\ud83d\\ude00\\n\\/"]}  '))
print(json.loads("[NaN, Infinity, -Infinity]"), json.loads(b'{"bytes": 1}'), json.loads('"\\ud800"') == "\ud800")
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads("1"), json.loads("-0"), json.loads('""'), json.loads("[]"), json.loads("{}"))
buffer = io.StringIO()
json.dump({"z": [1]}, buffer, indent=1)
print(buffer.getvalue())
print(json.load(io.StringIO('[1, {"x": null}]')))

for bad in ("", "   ", "[1, 2", '{"a" 1}', "{'a': 1}", '{"a": 1,}', "[1,]", "[1 2]", "tru", '"abc',
            '"a\\qb"', '"a\nb"', "[1] x", "01", "1.", "-", '{"a": }', '"\\u12g4"', "[", "{", '{"a"'):
    try:
        json.loads(bad)
        print(repr(bad), "parsed?")
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, (e.msg, e.pos, e.lineno, e.colno))
try:
    json.loads('{\n  "a": 1\n  "b": 2\n}')
except ValueError as e:
    print(type(e).__name__, e, isinstance(e, json.JSONDecodeError))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)
