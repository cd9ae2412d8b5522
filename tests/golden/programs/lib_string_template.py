# string.Template and string.Formatter: substitution, $$ and ${name},
# invalid placeholders (line/column in the message), missing keys, safe
# substitution, get_identifiers/is_valid, subclasses with their own
# delimiter and id pattern; Formatter.format/vformat, parse's tuples and
# errors, get_field and the overridable hooks.
import string
from string import Formatter, Template

t = Template("$who likes $what; ${who}'s price is $$${price}.")
print(t.substitute(who="tim", what="kung pao", price=3))
print(t.substitute({"who": "ann", "what": "tea", "price": 1}, what="coffee"))
print(t.safe_substitute(who="bob"), t.get_identifiers(), t.is_valid(), t.template[:4])
for s, kw in [("abc $!", {}), ("line1\nab $ x", {}), ("${unclosed", {}), ("$1", {}), ("x $", {}),
              ("$missing", {}), ("${a}", {}), ("$a$b", {"a": 1}), ("\n\n  $9", {})]:
    try:
        print(repr(Template(s).substitute(**kw)))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
    print(" safe:", repr(Template(s).safe_substitute(**kw)), Template(s).is_valid(), Template(s).get_identifiers())
print(Template("$a_1 $_b $Cc ${d}e $a_1").get_identifiers(), Template("$éx").safe_substitute(), Template("$x.y").substitute(x=5))
print(Template("$$$$ $$x").substitute(), Template("").substitute(), Template("$n").substitute(n=[1, 2]))


class Percent(Template):
    delimiter = "%"


class Dotted(Template):
    idpattern = r"[_a-z][_a-z0-9.]*"


class CaseSensitive(Template):
    flags = 0
    idpattern = r"[a-z]+"
    braceidpattern = r"[^}]+"


class Long(Template):
    delimiter = "#!"


print(Percent("%name costs %%%cost, not $x").substitute(name="pie", cost=4))
print(Dotted("$user.name and ${user.id}!").substitute({"user.name": "Ann", "user.id": 7}))
print(CaseSensitive("$abcDEF ${any thing} $X").safe_substitute(abc="lower", **{"any thing": "ok"}))
print(Long("#!a #!#! #!{b}").substitute(a=1, b=2), Long("x #!").is_valid())
try:
    Percent("100% sure").substitute()
except ValueError as e:
    print("ValueError", e)

f = Formatter()
print(f.format("{0}-{1}-{0}", "a", "b"), f.format("{} {}", 1, 2), f.format("{x!r:>8}|{y:.2f}", x="hi", y=3.14159))
print(f.format("{0[1]} {p.real} {d[k]} {d[k][0]}", [5, 6], p=3, d={"k": "val"}))
print(f.format("{:{w}.{p}f}|{:>{w}}", 2.5, "r", w=8, p=3), f.vformat("{a}{b}", (), {"a": 1, "b": 2}))
print(f.format("{{literal}} {0!s} {0!a}", "é"), f.format("{:%}", 0.25), f.format("{0:x} {0:b}", 10))
for s in ["a{{b}}c", "{}", "x{a:{b}}y", "{0!r:>{1}}", "{a!x}", "{0[a}b]}", "{a.}", "", "plain", "{!r}",
          "}", "{", "ab{", "{a!r", "{a:", "{a!", "{a!rx}", "{a{", "{a[}", "a}}b"]:
    try:
        print(repr(s), list(f.parse(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for s, args in [("{0}{}", (1, 2)), ("{}{0}", (1, 2)), ("{a!z}", ()), ("{2}", (1,)), ("{a[}", ()),
                ("{0.}", (1,)), ("{0[0]x}", ([1],)), ("{0:{1:{2}}}", (1, 2, 3)), ("{missing}", ())]:
    try:
        print(repr(f.format(s, *args, a=1)))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
print(f.get_field("0.real", (7,), {}), f.get_field("k[2]", (), {"k": "abcd"}), f.get_value(0, ("z",), {}))
print(f.convert_field(3, "r"), f.convert_field("é", "a"), f.convert_field(1, None), f.format_field(3.5, "08.2f"))


class Defaulting(Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, "<%s?>" % key)
        return super().get_value(key, args, kwargs)

    def check_unused_args(self, used_args, args, kwargs):
        unused = set(kwargs) - used_args
        if unused:
            print("unused:", sorted(unused))

    def format_field(self, value, format_spec):
        return super().format_field(value, format_spec).upper()


print(Defaulting().format("{name} is {age} ({0})", "x", name="zed", extra=1, more=2))
print(string.capwords("hello   big world"), string.capwords("a-b c-d", "-"), string.ascii_letters[20:30])
