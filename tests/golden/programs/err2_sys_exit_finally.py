# SystemExit as an exception: sys.exit with an int, a string, a bool and an
# object, caught and inspected (code, args, repr), its passage through
# finally blocks and a with-statement's __exit__, "except Exception" not
# catching it, and a finally clause overriding it with return. The program
# ends with an uncaught sys.exit(message) raised three calls deep, after
# finally blocks in every frame have printed.
import sys


class Tracker:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print(f"  {self.name}.__exit__ saw {kind.__name__ if kind else None}")
        return False


for arg in (3, "bad config", ["x", 1], 0, True):
    try:
        with Tracker("ctx"):
            sys.exit(arg)
    except SystemExit as e:
        print(f"exit({arg!r}): code={e.code!r} args={e.args!r} repr={e!r} str={str(e)!r}")

try:
    sys.exit()
except SystemExit as e:
    print(f"exit(): code={e.code!r} args={e.args!r}")

try:
    try:
        sys.exit(2)
    except Exception:
        print("not reached: SystemExit is not an Exception")
except BaseException as e:
    print("BaseException caught", type(e).__name__, isinstance(e, Exception))


def swallowed():
    try:
        sys.exit("ignored")
    finally:
        return "finally's return wins"


print(swallowed())
print(SystemExit().code, SystemExit(1, 2).code, issubclass(SystemExit, BaseException))


def level3(stage):
    try:
        if stage == "abort":
            sys.exit(f"aborting at stage {stage!r}")
        return stage.upper()
    finally:
        print("level3 finally", stage)


def level2(stage):
    try:
        return level3(stage)
    finally:
        print("level2 finally")


def level1(stages):
    done = []
    try:
        for s in stages:
            done.append(level2(s))
    finally:
        print("level1 finally, done:", done)
    return done


print(level1(["load", "check"]))
level1(["load", "abort", "never"])
print("not reached")
