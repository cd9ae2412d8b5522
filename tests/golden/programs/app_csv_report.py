# CSV-like data pipeline: a hand-written quoted-field parser (a character
# state machine with escaped quotes and embedded separators/newlines), column
# type inference, validation errors with row numbers, aggregation and a
# writer that re-quotes fields for a round trip.
from collections import defaultdict
import math

DATA = '''id,name,city,joined,score,active
1,"Lovelace, Ada",London,1843-07-10,98.5,true
2,Grace Hopper,"New York",1944-03-01,95,true
3,"Alan ""Bombe"" Turing",Manchester,1936-11-12,99.25,false
4,Edsger Dijkstra,Rotterdam,1959-01-01,,true
5,"Barbara
Liskov",Boston,1987-10-04,91,TRUE
6,Ken Thompson,"New York",1969-08-15,88.0,no
7,Donald Knuth,Milwaukee,1962-05-30,97,true
'''


class ParseError(Exception):
    def __init__(self, row, msg):
        super().__init__(f"row {row}: {msg}")


def parse(text, sep=","):
    rows, field, row = [], [], []
    state = "start"
    line = 1
    row_line = 1
    i = 0
    while i < len(text):
        ch = text[i]
        if state == "quoted":
            if ch == '"':
                if text[i + 1:i + 2] == '"':
                    field.append('"')
                    i += 1
                else:
                    state = "after_quote"
            else:
                if ch == "\n":
                    line += 1
                field.append(ch)
        elif ch == '"' and state == "start":
            state = "quoted"
        elif ch == '"':
            raise ParseError(row_line, f"stray quote in field {len(row) + 1}")
        elif ch == sep:
            row.append("".join(field))
            field, state = [], "start"
        elif ch == "\n":
            row.append("".join(field))
            rows.append((row_line, row))
            field, row, state = [], [], "start"
            line += 1
            row_line = line
        elif state == "after_quote":
            raise ParseError(row_line, f"text after closing quote: {ch!r}")
        else:
            field.append(ch)
            state = "plain"
        i += 1
    if state == "quoted":
        raise ParseError(row_line, "unterminated quoted field")
    if field or row:
        row.append("".join(field))
        rows.append((row_line, row))
    return rows


BOOLS = {"true": True, "yes": True, "false": False, "no": False}


def infer(values):
    present = [v for v in values if v != ""]
    for kind, conv in (("int", int), ("float", float)):
        try:
            for v in present:
                conv(v)
            return kind
        except ValueError:
            pass
    if all(v.lower() in BOOLS for v in present):
        return "bool"
    if all(len(v) == 10 and v[4] == v[7] == "-" and (v[:4] + v[5:7] + v[8:]).isdigit() for v in present):
        return "date"
    return "str"


def convert(kind, v):
    if v == "":
        return None
    if kind == "int":
        return int(v)
    if kind == "float":
        return float(v)
    if kind == "bool":
        return BOOLS[v.lower()]
    if kind == "date":
        return tuple(int(p) for p in v.split("-"))
    return v


def quote(value, sep=","):
    s = "" if value is None else str(value)
    if any(c in s for c in (sep, '"', "\n")):
        return '"' + s.replace('"', '""') + '"'
    return s


rows = parse(DATA)
(_, header), body = rows[0], rows[1:]
for lineno, r in body:
    if len(r) != len(header):
        raise ParseError(lineno, f"expected {len(header)} fields, got {len(r)}")
columns = list(zip(*(r for _, r in body)))
kinds = {name: infer(col) for name, col in zip(header, columns)}
print("schema:", kinds)
records = [{name: convert(kinds[name], v) for name, v in zip(header, r)} for _, r in body]
print("source lines:", [lineno for lineno, _ in body])

widths = {h: max(len(h), *(len(repr(rec[h])) for rec in records)) for h in header}
print(" | ".join(h.ljust(widths[h]) for h in header))
print("-+-".join("-" * widths[h] for h in header))
for rec in records:
    print(" | ".join((repr(rec[h]).rjust if kinds[h] in ("int", "float") else repr(rec[h]).ljust)(widths[h]) for h in header))

scores = [r["score"] for r in records if r["score"] is not None]
mean = sum(scores) / len(scores)
sd = math.sqrt(sum((s - mean) ** 2 for s in scores) / (len(scores) - 1))
print(f"\nscore: n={len(scores)} mean={mean:.3f} sd={sd:.3f} min={min(scores)} max={max(scores)}")
by_city = defaultdict(list)
for r in records:
    by_city[r["city"]].append(r["name"].split()[-1])
for city, names in sorted(by_city.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"  {city:<11}{len(names)}  {', '.join(names)}")
decades = defaultdict(int)
for r in records:
    decades[r["joined"][0] // 10 * 10] += 1
print("by decade:", dict(sorted(decades.items())))
active = [r["id"] for r in records if r["active"]]
print("active ids:", active, "earliest:", min(records, key=lambda r: r["joined"])["name"])

out_lines = [",".join(header)]
for r in records:
    fields = []
    for h in header:
        v = r[h]
        if kinds[h] == "date":
            v = "%04d-%02d-%02d" % v
        elif kinds[h] == "bool":
            v = "true" if v else "false"
        fields.append(quote(v))
    out_lines.append(",".join(fields))
written = "\n".join(out_lines) + "\n"
print("\nrewritten:")
print(written, end="")
again = [r for _, r in parse(written)]
print("round trip stable:", again == [r for _, r in parse("\n".join(out_lines) + "\n")],
      "names equal:", [a[1] for a in again[1:]] == [r["name"] for r in records])

for bad in ['a,b\n1,"x\n', 'a,b\n1,x"y"\n', 'a,b\n"q"z,1\n', 'a,b\n1,2,3\n']:
    try:
        got = parse(bad)
        for lineno, r in got[1:]:
            if len(r) != len(got[0][1]):
                raise ParseError(lineno, f"expected {len(got[0][1])} fields, got {len(r)}")
        print("parsed", got)
    except ParseError as e:
        print(f"{bad!r:<18} -> {e}")
