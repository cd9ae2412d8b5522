# weakref's containers and helpers as programs use them: a cache that
# forgets unused objects, per-object metadata, observer sets, finalizers
# and weak bound methods.
import gc
import weakref


class Image:
    loads = 0

    def __init__(self, name):
        Image.loads += 1
        self.name = name

    def __repr__(self):
        return "Image(%r)" % self.name


_cache = weakref.WeakValueDictionary()


def load(name):
    img = _cache.get(name)
    if img is None:
        img = Image(name)
        _cache[name] = img
    return img


a = load("a.png")
b = load("b.png")
a2 = load("a.png")
print(a is a2, Image.loads, sorted(_cache.keys()), len(_cache), "a.png" in _cache)
del a, a2
print(sorted(_cache), len(_cache), "a.png" in _cache, Image.loads)
load("a.png")  # dropped at once: loaded again next time
print(sorted(_cache), Image.loads)
print(_cache.setdefault("b.png", None) is b, _cache.pop("b.png") is b, len(_cache))
try:
    _cache["missing"]
except KeyError as e:
    print("KeyError:", e)


class Widget:
    def __init__(self, label):
        self.label = label


meta = weakref.WeakKeyDictionary()
w1, w2 = Widget("ok"), Widget("cancel")
meta[w1] = {"clicks": 0}
meta[w2] = {"clicks": 5}
meta[w1]["clicks"] += 1
print(len(meta), meta[w1], w2 in meta, sorted(w.label for w in meta))
del w2
print(len(meta), [w.label for w in meta.keys()], list(meta.values()))


class Listener:
    def __init__(self, name):
        self.name = name
        self.seen = []

    def notify(self, event):
        self.seen.append(event)


class Subject:
    def __init__(self):
        self.listeners = weakref.WeakSet()

    def emit(self, event):
        for listener in sorted(self.listeners, key=lambda l: l.name):
            listener.notify(event)


subject = Subject()
l1, l2 = Listener("one"), Listener("two")
subject.listeners.add(l1)
subject.listeners.add(l2)
subject.listeners.add(l1)
subject.emit("start")
print(len(subject.listeners), l1 in subject.listeners, l1.seen, l2.seen)
del l2
subject.emit("stop")
print(len(subject.listeners), [l.name for l in subject.listeners], l1.seen)

# finalize: runs once, at death or when called.
log = []


class Resource:
    pass


res = Resource()
fin = weakref.finalize(res, log.append, "closed")
print(fin.alive, log)
del res
print(fin.alive, log, fin())
other = Resource()
fin2 = weakref.finalize(other, lambda *a, **k: log.append((a, k)) or "result", 1, 2, key="v")
print(fin2(), fin2(), fin2.alive, log[-1])
third = Resource()
fin3 = weakref.finalize(third, log.append, "never")
print(fin3.detach()[1:] == (log.append, ("never",), {}), fin3.alive, fin3.peek())
del third
print(log[-1])

# A cycle holding a finalized object: collected, finalizer called.
cyc = Resource()
cyc.me = cyc
weakref.finalize(cyc, log.append, "cycle gone")
del cyc
gc.collect()
print(log[-1])


# WeakMethod: a weak reference to a bound method.
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


c = Counter()
wm = weakref.WeakMethod(c.bump)
print(wm()(), wm()(), c.n, wm == weakref.WeakMethod(c.bump))
dead = []
wm2 = weakref.WeakMethod(c.bump, lambda r: dead.append(r is wm2))
del c
print(wm(), wm2(), dead)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", str(e).split(",")[0])
