# contextlib additions: redirect_stdout/redirect_stderr (writes through
# sys.stdout, re-entered), AbstractContextManager and its subclass hook,
# ContextDecorator, @contextmanager functions used as decorators, aclosing.
import io, sys
from contextlib import (AbstractAsyncContextManager, AbstractContextManager, ContextDecorator, ExitStack,
                        aclosing, contextmanager, nullcontext, redirect_stderr, redirect_stdout, suppress)
import contextlib
buf = io.StringIO()
r = redirect_stdout(buf)
with r as t:
    print("a", file=sys.stdout)
    sys.stdout.write("b\n")
    with r:
        sys.stdout.write("c\n")
    print(t is buf, file=sys.stdout)
print(repr(buf.getvalue()))
err = io.StringIO()
with redirect_stderr(err):
    sys.stderr.write("oops\n")
print(repr(err.getvalue()))
print(isinstance(r, AbstractContextManager), issubclass(io.StringIO, AbstractContextManager), issubclass(int, AbstractContextManager))
class CM:
    def __enter__(self): return 1
    def __exit__(self, *a): pass
class NoCM(CM):
    __exit__ = None
print(issubclass(CM, AbstractContextManager), issubclass(NoCM, AbstractContextManager))
class Mine(AbstractContextManager):
    def __exit__(self, *a): print("exit", a[0])
with Mine() as m: print(type(m).__name__)
class Bad(AbstractContextManager): pass
try: Bad()
except TypeError as e: print("TypeError", e)
class mycm(ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *exc): print("exit", exc[0]); return False
@mycm()
def work(x):
    """doc"""
    print("work", x); return x * 2
print(work(3), work.__name__, work.__doc__)
@contextmanager
def tag(n):
    """tag doc"""
    print("<%s>" % n)
    yield n
    print("</%s>" % n)
@tag("p")
def para(t): print(t); return len(t)
print(para("hi"), para("yo"))
print(tag("x").__doc__, isinstance(tag("x"), ContextDecorator))
cm = tag("q")
with cm: pass
try:
    with cm: pass
except Exception as e: print(type(e).__name__, e)
print(isinstance(suppress(), AbstractContextManager), isinstance(ExitStack(), AbstractContextManager), isinstance(nullcontext(), AbstractAsyncContextManager))
with nullcontext(5) as v: print(v)
import asyncio
class AG:
    async def aclose(self): print("aclosed")
async def main():
    async with aclosing(AG()) as a: print(type(a).__name__)
    async with nullcontext(7) as v: print(v)
asyncio.run(main())
