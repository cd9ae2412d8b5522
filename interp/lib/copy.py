"""copy: shallow and deep copies (CPython's copy API: __copy__,
__deepcopy__(memo), and a memo dict so shared and cyclic structure is
copied once)."""


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, bytes, type, range,
           type(len), type(lambda: 0), type(Ellipsis), type(NotImplemented))


def copy(x):
    cls = type(x)
    if cls in _atomic:
        return x
    if cls in (list, dict, set):
        return cls.copy(x)
    if cls in (tuple, frozenset):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo):
    """An instance of a class: a new object of the same class with the
    (deep-)copied __dict__ and slots; list/dict subclasses keep their items."""
    cls = type(x)
    if isinstance(x, tuple):
        items = tuple(x) if memo is None else tuple(deepcopy(a, memo) for a in x)
        return cls.__new__(cls, *items) if hasattr(cls, "_fields") else tuple.__new__(cls, items)
    y = object.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, "__dict__", None)
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        y.__dict__.update(state)
    for klass in cls.__mro__:
        for name in klass.__dict__.get("__slots__", ()):
            if hasattr(x, name):
                value = getattr(x, name)
                object.__setattr__(y, name, value if memo is None else deepcopy(value, memo))
    if isinstance(x, list):
        y.extend(x if memo is None else [deepcopy(a, memo) for a in x])
    elif isinstance(x, dict):
        for key, value in x.items():
            y[key if memo is None else deepcopy(key, memo)] = value if memo is None else deepcopy(value, memo)
    return y
