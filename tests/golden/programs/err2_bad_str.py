# Exceptions whose text cannot be computed: __str__ that raises, __str__
# that returns a non-str, an empty __str__, and a __repr__-only override.
# str()/repr()/format() of them when caught, then an uncaught chain where
# the original error's __str__ returns an int and the final error's __str__
# raises: CPython prints "<exception str() failed>" for both.
class Validation(Exception):
    def __init__(self, field, problems):
        super().__init__(field, problems)
        self.field = field
        self.problems = problems

    def __str__(self):
        return f"{self.field}: " + "; ".join(self.problems)


class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no text for you")


class Numeric(Exception):
    def __str__(self):
        return len(self.args)


class Silent(Exception):
    def __str__(self):
        return ""


def validate(record):
    problems = []
    if not record.get("name"):
        problems.append("name is empty")
    if record.get("age", 0) < 0:
        problems.append("age is negative")
    if problems:
        raise Validation("record", problems)
    return record["name"].title()


print(validate({"name": "ada lovelace", "age": 36}))
for rec in ({"name": "", "age": -1}, {"age": 3}):
    try:
        validate(rec)
    except Validation as e:
        print("invalid ->", e, "|", e.args)

for exc in (Broken("a"), Numeric("a", "b"), Silent("hidden")):
    print(type(exc).__name__, repr(exc), exc.args)
    for conv in (str, format):
        try:
            print("  ", repr(conv(exc)))
        except Exception as err:
            print("  ", conv.__name__, "failed:", type(err).__name__, err)


def load(rows):
    total = 0
    for row in rows:
        try:
            total += int(row)
        except ValueError:
            raise Numeric(row, total)
    return total


def run(rows):
    try:
        return load(rows)
    except Numeric as e:
        raise Broken("while loading") from e


print(run(["1", "2", "3"]))
run(["4", "five", "6"])
