"""itertools: CPython 3.11's iterator building blocks (written for gillab;
the results, their order, the argument errors and the reprs of count and
repeat are CPython's).

Each public callable checks its arguments and calls iter() on its inputs at
once, as CPython does, and then hands back a generator that does the lazy
part.  count and repeat are small classes so that they can have CPython's
repr (and repeat its __length_hint__); tee returns _tee objects, which can
be copied.  What is missing: the iterators other than count, repeat and
_tee are plain generators (type() says 'generator', not 'itertools.chain'),
pickling, and tee's "cannot re-enter" check.  batched is 3.12 and absent.
"""


def _index(value):
    # The integer a C "n" argument accepts: ints and __index__ types only.
    if isinstance(value, int):
        return value
    method = getattr(type(value), "__index__", None)
    if method is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return method(value)


def _is_number(value):
    if isinstance(value, (int, float)):  # (gillab has no complex)
        return True
    t = type(value)
    return (hasattr(t, "__index__") or hasattr(t, "__float__") or hasattr(t, "__int__")
            or hasattr(t, "__complex__"))


class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""
    __slots__ = ("_it", "_peek", "_step")

    def __init__(self, start=0, step=1):
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        state = [start, False]  # current value, started?

        # Iteration goes straight to this generator (a for loop never calls
        # __next__); the closure cell is how repr sees the current value.
        def gen():
            nonlocal start
            state[1] = True
            while True:
                yield start
                start += step

        def peek():
            return start + step if state[1] else start

        self._it = gen()
        self._peek = peek
        self._step = step

    def __iter__(self):
        return self._it

    def __next__(self):
        return next(self._it)

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and step == 1:
            return "count(%r)" % (self._peek(),)
        return "count(%r, %r)" % (self._peek(), step)


def _repeat_forever(obj):
    while True:
        yield obj


class repeat:
    """repeat(object[, times]): object, times times or forever."""
    __slots__ = ("_obj", "_it", "_left")

    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._left = None
            self._it = _repeat_forever(object)
            return
        times = _index(times)
        left = [max(times, 0)]
        self._left = left

        def gen():
            while left[0] > 0:
                left[0] -= 1
                yield object
        self._it = gen()

    def __iter__(self):
        return self._it

    def __next__(self):
        return next(self._it)

    def __length_hint__(self):
        if self._left is None:
            raise TypeError("len() of unsized object")
        return self._left[0]

    def __repr__(self):
        if self._left is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._left[0])


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def cycle(iterable):
    return _cycle(iter(iterable))


def _accumulate(it, func, total):
    if total is None:
        for total in it:
            break
        else:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _chain(iterables):
    # CPython calls iter() on each argument only when it gets to it.
    for it in iterables:
        yield from it


def chain(*iterables, **kwargs):
    if kwargs:
        raise TypeError("chain() takes no keyword arguments")
    return _chain(iterables)


def _from_iterable(iterables):
    return _chain(iter(iterables))


chain.from_iterable = _from_iterable


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _filterfalse(predicate, it):
    if predicate is None:
        for x in it:
            if not x:
                yield x
    else:
        for x in it:
            if not predicate(x):
                yield x


def filterfalse(predicate, iterable):
    return _filterfalse(predicate, iter(iterable))


def _groupby(it, keyfunc):
    try:
        first = next(it)
    except StopIteration:
        return
    state = [first, keyfunc(first) if keyfunc is not None else first, False]  # item, key, exhausted

    def grouper(target):
        while True:
            yield state[0]
            try:
                state[0] = next(it)
            except StopIteration:
                state[2] = True
                return
            state[1] = keyfunc(state[0]) if keyfunc is not None else state[0]
            if state[1] != target:
                return

    while not state[2]:
        target = state[1]
        group = grouper(target)
        yield target, group
        # Moving on skips the rest of this group and leaves it empty, as
        # CPython's groups are once the outer iterator has advanced.
        for _ in group:
            pass


def groupby(iterable, key=None):
    """Consecutive runs of equal keys: (key, group iterator) pairs."""
    return _groupby(iter(iterable), key)


def _islice_arg(value, what):
    if value is None:
        return None
    try:
        value = _index(value)
    except TypeError:
        value = -1
    if value < 0:
        raise ValueError(what + " for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    return value


def _islice(it, start, stop, step):
    # CPython's order: skip up to the next wanted index, then stop if that
    # index is the stop (so islice(it, 10, 5) still consumes ten items).
    if start:
        done = 0
        for done, _ in zip(range(1, start + 1), it):
            pass
        if done < start:
            return
    if step == 1:
        if stop is None:
            yield from it
        elif stop > start:
            for _, x in zip(range(stop - start), it):
                yield x
        return
    pos = start
    while stop is None or pos < stop:
        for x in it:
            break
        else:
            return
        yield x
        nxt = pos + step
        if stop is not None and nxt > stop:
            nxt = stop
        skip = nxt - pos - 1
        if skip:
            done = 0
            for done, _ in zip(range(1, skip + 1), it):
                pass
            if done < skip:
                return
        pos = nxt


def islice(iterable, *args, **kwargs):
    if kwargs:
        raise TypeError("islice() takes no keyword arguments")
    if not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if len(args) > 3:
        raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
    if len(args) == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop, step = (args + (None,))[:3]
    stop = _islice_arg(stop, "Stop argument")
    start = _islice_arg(start, "Indices")
    start = 0 if start is None else start
    if step is not None:
        try:
            step = _index(step)
        except TypeError:
            step = -1
        if step <= 0:
            raise ValueError("Step for islice() must be a positive integer or None.")
    step = 1 if step is None else step
    return _islice(iter(iterable), start, stop, step)


def _starmap(function, it):
    for args in it:
        if type(args) is not tuple:
            args = tuple(args)  # for CPython's "'int' object is not iterable"
        yield function(*args)


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


class _tee:
    """One of tee()'s iterators.  All copies share a singly linked list of
    [value, next link] cells; each holds the link of the last value it
    returned, so values nobody still needs are freed."""
    __slots__ = ("_src", "_link")

    def __init__(self, iterable=None, _link=None):
        if _link is None:
            self._src = iter(iterable)
            self._link = [None, None]
        else:
            self._src = iterable
            self._link = _link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        nxt = link[1]
        if nxt is None:
            nxt = [next(self._src), None]
            link[1] = nxt
        self._link = nxt
        return nxt[0]

    def __copy__(self):
        return _tee(self._src, self._link)


def tee(iterable, n=2):
    n = _index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    if n == 0:
        return ()
    # As in CPython: an iterator that can copy itself (a _tee) is used as
    # the first result and copied for the others.
    copier = getattr(it, "__copy__", None)
    if copier is None:
        it = _tee(it)
        copier = it.__copy__
    return (it,) + tuple(copier() for _ in range(n - 1))


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            for value in it:
                break
            else:
                active -= 1
                if not active:
                    return
                iterators[i] = _repeat_forever(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def zip_longest(*iterables, **kwargs):
    fillvalue = kwargs.pop("fillvalue", None)
    if kwargs:
        raise TypeError("zip_longest() got an unexpected keyword argument")
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _extend(prefixes, pool):
    tails = [(y,) for y in pool]
    for p in prefixes:
        for t in tails:
            yield p + t


def product(*iterables, repeat=1):
    repeat = _index(repeat)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    if not all(pools):
        return iter(())
    if not pools:
        return iter([()])
    # A chain of generators, one per pool: lazy, and each result costs one
    # tuple concatenation (the outer levels advance rarely).
    result = iter([(y,) for y in pools[0]])
    for pool in pools[1:]:
        result = _extend(result, pool)
    return result


def _permutations(pool, n, r):
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[i] for i in indices[:r]])
                break
        else:
            return


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError("Expected int as r")
    elif r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return iter(())
    return _permutations(pool, n, r)


def _combinations(pool, n, r):
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations(iterable, r):
    r = _index(r)
    if r < 0:
        raise ValueError("r must be non-negative")
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return iter(())
    return _combinations(pool, n, r)


def _combinations_wr(pool, n, r):
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    r = _index(r)
    if r < 0:
        raise ValueError("r must be non-negative")
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return iter(())
    return _combinations_wr(pool, n, r)
