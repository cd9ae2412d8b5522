# json encoding through JSONEncoder: circular references (lists, dicts,
# default() returning its argument, check_circular=False on shared values),
# a subclass's default() and its super() error, encode/iterencode chunks,
# the encoder's attributes from its options, dump's partial output before an
# error, and ensure_ascii/skipkeys/sort_keys/allow_nan through cls=.
import io
import json


def attempt(make):
    try:
        print(repr(make()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


loop = [1]
loop.append(loop)
table = {"rows": []}
table["rows"].append({"parent": table})
shared = [1, 2]
attempt(lambda: json.dumps(loop))
attempt(lambda: json.dumps(table))
attempt(lambda: json.dumps({"a": shared, "b": [shared, shared]}))
attempt(lambda: json.dumps([shared, shared], check_circular=False))
attempt(lambda: json.dumps([loop], indent=2))


class Thing:
    def __init__(self, name):
        self.name = name


attempt(lambda: json.dumps(Thing("t"), default=lambda o: o))
attempt(lambda: json.dumps([Thing("a"), Thing("b")], default=lambda o: o.name))
attempt(lambda: json.dumps(Thing("x"), default=lambda o: [o.name, Thing("y")] if o.name == "x" else {"y": o.name}))


class RichEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, Thing):
            return {"thing": o.name}
        return super().default(o)


attempt(lambda: json.dumps({"s": {3, 1, 2}, "t": Thing("n")}, cls=RichEncoder))
attempt(lambda: json.dumps({"b": frozenset("yx"), "a": [Thing("m")]}, cls=RichEncoder, indent=2, sort_keys=True))
attempt(lambda: json.dumps(object, cls=RichEncoder))
attempt(lambda: json.dumps({"k": b"raw"}, cls=RichEncoder))
attempt(lambda: json.dumps([Thing("d")], cls=RichEncoder, default=lambda o: "via default="))
enc = RichEncoder(sort_keys=True, separators=(",", ":"))
print(enc.encode({"z": {1}, "a": Thing("q")}), enc.encode("plain"), enc.encode(None), enc.encode(1.5))
print(list(enc.iterencode([1, {"a": [2, "x"]}, [], {}])))
print(list(json.JSONEncoder().iterencode({"a": [1, None], "b": "s"})))
print(list(json.JSONEncoder(indent=1).iterencode([1, [2]])))
print(list(json.JSONEncoder().iterencode("top")), list(json.JSONEncoder().iterencode(3)))
for options in ({}, {"indent": 2}, {"indent": 0, "separators": (";", "=")}, {"indent": "--"}):
    e = json.JSONEncoder(**options)
    print(repr(e.item_separator), repr(e.key_separator), repr(e.indent), e.sort_keys, e.skipkeys, e.check_circular)
    print(e.encode({"a": [1, {"b": 2}], "c": []}))
attempt(lambda: json.JSONEncoder().default(1))

buf = io.StringIO()
try:
    json.dump({"ok": [1, 2], "bad": Thing("z"), "later": 3}, buf)
except TypeError as e:
    print("TypeError", e)
print(repr(buf.getvalue()))
buf = io.StringIO()
try:
    json.dump([1, [2, loop]], buf, indent=1)
except ValueError as e:
    print("ValueError", e)
print(repr(buf.getvalue()))
buf = io.StringIO()
json.dump({"set": {2, 1}}, buf, cls=RichEncoder, indent="\t")
print(repr(buf.getvalue()))

text = "caf\u00e9 \U0001f600 \u2028 \x7f \x01 \"q\" \\ /"
print(json.dumps(text), json.dumps(text, ensure_ascii=False))
print(json.dumps({text: 1}), json.dumps({text: 1}, ensure_ascii=False))
print(json.loads(json.dumps(text)) == text, json.loads(json.dumps(text, ensure_ascii=False)) == text)
attempt(lambda: json.dumps({(1, 2): "tuple", "a": 1, frozenset(): 2, 3: "c"}, skipkeys=True))
attempt(lambda: json.dumps({(1, 2): "tuple"}))
attempt(lambda: json.dumps({1: "int", 1.5: "float", True: "bool", None: "none", "s": "str"}))
attempt(lambda: json.dumps({2: "b", 10: "a", 1: "c"}, sort_keys=True))
attempt(lambda: json.dumps({"b": 1, 2: 3}, sort_keys=True))
attempt(lambda: json.dumps({"x": [float("nan")]}, allow_nan=False))
attempt(lambda: json.dumps({float("inf"): 1}, allow_nan=False))
attempt(lambda: json.dumps([float("-inf"), float("nan"), 1e300, 1e-300, 2.0 ** 60, -0.0]))
attempt(lambda: json.dumps([[], {}, [[]], [{}]], indent=3))
attempt(lambda: json.dumps({"a": {"b": {"c": []}}}, indent="  ", sort_keys=True, separators=(" ,", " : ")))
