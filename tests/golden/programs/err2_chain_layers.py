# A three-layer config loader: a KeyError deep in a parser is handled, the
# handler itself fails (implicit context), and the final layer wraps it with
# "raise ... from". The uncaught traceback shows both chain separators.
class ConfigError(Exception):
    pass


RAW = {"port": "8080", "host": "localhost", "retries": "three"}


def lookup(table, key):
    return table[key]


def parse_int(table, key):
    text = lookup(table, key)
    return int(text)


def load_setting(table, key, default_key):
    try:
        return parse_int(table, key)
    except KeyError:
        print("missing", key, "- falling back to", default_key)
        return parse_int(table, default_key)


def load_all(table):
    out = {}
    for key, fallback in [("port", "port"), ("timeout", "port"), ("retries", "port"), ("limit", "mode")]:
        try:
            out[key] = load_setting(table, key, fallback)
        except ValueError as exc:
            raise ConfigError(f"bad setting {key!r}") from exc
        print("loaded", key, "=", out[key])
    return out


try:
    load_all(RAW)
except ConfigError as e:
    print("first failure:", e, "| cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__, "context is cause:", e.__context__ is e.__cause__)

# Final run: "limit" is missing (KeyError), its fallback "mode" is not a
# number (ValueError while handling it), wrapped as a ConfigError from it.
load_all({"port": "1", "timeout": "30", "retries": "4", "mode": "fast"})
