# JSON document store: nested project data with custom objects encoded via
# json.dumps(default=...) into tagged dicts and decoded back with
# object_hook, a round-trip equality check, pretty and compact output,
# a file save/load through /tmp/gillab-app-json-<pid>.json (removed at the
# end), and decode error reports.
import json
import os
from dataclasses import dataclass, field, asdict
from enum import Enum


class Priority(Enum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


@dataclass
class Task:
    title: str
    priority: Priority
    tags: frozenset = frozenset()
    done: bool = False
    estimate: float = 1.0


@dataclass
class Project:
    name: str
    owner: str
    tasks: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    def progress(self):
        if not self.tasks:
            return 0.0
        return sum(t.estimate for t in self.tasks if t.done) / sum(t.estimate for t in self.tasks)


def encode(obj):
    if isinstance(obj, Priority):
        return {"__enum__": "Priority", "name": obj.name}
    if isinstance(obj, (set, frozenset)):
        return {"__set__": sorted(obj)}
    if isinstance(obj, Task):
        d = {"__task__": True}
        d.update((k, v) for k, v in vars(obj).items())
        return d
    if isinstance(obj, Project):
        return {"__project__": True, "name": obj.name, "owner": obj.owner,
                "tasks": obj.tasks, "meta": obj.meta}
    raise TypeError(f"cannot encode {type(obj).__name__}")


def decode(d):
    if "__enum__" in d:
        return Priority[d["name"]]
    if "__set__" in d:
        return frozenset(d["__set__"])
    if d.pop("__task__", False):
        return Task(**d)
    if d.pop("__project__", False):
        return Project(**d)
    return d


projects = [
    Project("compiler", "ada", [
        Task("lexer", Priority.HIGH, frozenset({"frontend", "core"}), True, 2.0),
        Task("parser", Priority.HIGH, frozenset({"frontend"}), True, 5.0),
        Task("optimizer", Priority.MEDIUM, frozenset({"backend", "perf"}), False, 8.5),
        Task("docs", Priority.LOW),
    ], {"repo": "git://example/compiler", "stars": 1234, "ratio": 0.125, "langs": ["C++", "Python"]}),
    Project("website", "bob", [
        Task("landing page \u2013 draft", Priority.MEDIUM, frozenset({"ui"}), True, 1.5),
        Task("i18n: \u65e5\u672c\u8a9e", Priority.LOW, frozenset({"ui", "text"}), False, 3.0),
    ], {"nested": {"deep": {"deeper": [1, [2, [3, None]]]}}, "empty": {}, "flags": [True, False]}),
    Project("empty", "cyd"),
]

compact = json.dumps(projects, default=encode, separators=(",", ":"), sort_keys=True)
pretty = json.dumps(projects[1], default=encode, indent=2, sort_keys=True)
utf8 = json.dumps(projects[1].tasks[1].title, ensure_ascii=False)
print("compact length:", len(compact))
print(compact[:150])
print(pretty)
print("ascii:", json.dumps(projects[1].tasks[1].title), "utf8:", utf8)

restored = json.loads(compact, object_hook=decode)
print("round trip equal:", restored == projects)
print("types:", [type(p).__name__ for p in restored], type(restored[0].tasks[0].tags).__name__,
      restored[0].tasks[2].priority)
for p in restored:
    open_tasks = sorted((t for t in p.tasks if not t.done), key=lambda t: (-t.priority.value, t.title))
    print(f"{p.name:<9} owner={p.owner:<4} progress={p.progress():6.1%} open={[t.title for t in open_tasks]}")

plain = [asdict(p) for p in projects]
try:
    json.dumps(plain)
except TypeError as e:
    print("plain asdict fails:", e)
print("with default=:", len(json.dumps(plain, default=encode)) > 0)

path = "/tmp/gillab-app-json-%d.json" % os.getpid()
try:
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"version": 2, "projects": projects}, f, default=encode, indent=1)
    with open(path, "rb") as f:
        size = f.seek(0, 2)
    with open(path, encoding="utf-8") as f:
        loaded = json.load(f, object_hook=decode)
    print("file bytes:", size, "version:", loaded["version"], "same:", loaded["projects"] == projects)
    with open(path, encoding="utf-8") as f:
        first_lines = [next(f).rstrip("\n") for _ in range(4)]
    print(first_lines)
finally:
    os.remove(path)
print("removed:", not os.path.exists(path))

tally = {}
for p in restored:
    for t in p.tasks:
        for tag in t.tags:
            tally[tag] = tally.get(tag, 0) + 1
print(json.dumps(tally, sort_keys=True), json.dumps({"k": [1.5, -0.0, 1e100, 10**20]}))
print(json.dumps({1: "int key", "z": None, 2.5: "float key", False: 0}))

BAD = ['{"a": 1,}', '[1, 2', '{"a" 1}', '"unterminated', '[1, 2] extra', '{"x": tru}', '']
for doc in BAD:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(f"{doc!r:<16} {e.msg} at line {e.lineno} col {e.colno}")
try:
    print(json.dumps([object.__new__(Project), b"x"], default=lambda o: type(o).__name__))
    json.dumps({"when": b"\x00raw"}, default=encode)
except TypeError as e:
    print("TypeError:", e)
