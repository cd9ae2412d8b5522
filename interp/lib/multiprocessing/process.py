"""multiprocessing.process: Process objects, started with os.fork().
Follows CPython 3.11's multiprocessing behaviour with the fork start method
(names, identities, exit codes, messages, what happens at exit); written
for gillab.

Invariants:
  - A Process is started at most once, by the process that created it; it
    is then listed in _children (this process's live children) until it is
    reaped (join, is_alive, exitcode, active_children or the exit hook).
    Its exit status is read with waitpid under the Process's _wait_lock,
    so two threads never reap one pid; a blocking join holds that lock
    while it waits, and a non-blocking poll that cannot take it reports
    "still running" (the joiner reaps it).
  - The child runs Process._bootstrap and always ends with os._exit: it
    never returns into the parent's code, whatever run() raises. Nothing
    is pickled for a Process: fork gives the child the target and its
    arguments (a lambda target works).
  - Internal channels (the pool's and the executor's sockets) are listed in
    _internal while they are open, under _fork_lock, which is also held
    across every fork made here. A forked child closes every listed socket
    except the ones its Process keeps (_keep), so only the intended two
    processes hold either end of a channel: a worker sees EOF when its
    parent dies, and the parent sees EOF when a worker dies. User channels
    (Pipe, Queue, Lock) are not listed: children inherit them, as in
    CPython.
  - In the child, this module's state is reset before run(): it is the
    current process, it has no children, its counter restarts at 1 (child
    identities are parent identity + (n,), "Process-1:1"), and the other
    modules' after-fork hooks (_after_fork_hooks) reset their registries.
  - At exit (threading._register_atexit, which the VM runs when the main
    program ends, and _bootstrap runs before a child ends), once per
    process, in CPython's order: the _exit_stage1 hooks (executors finish
    their queued work), non-daemon threads are joined, the _exit_stage2
    hooks (pools still running are terminated), daemonic children are
    terminated, every child is joined (no zombies), then the _exit_stage3
    hooks (queues flush their buffered items).
  - A child flushes sys.stdout and sys.stderr before os._exit; one whose
    run() raised writes "Process NAME:" and the traceback to stderr and
    exits 1; sys.exit(n) exits n (a non-int code is printed, exit 1).

The VM has no weakref, no __del__ and no atexit module: a Process object
stays referenced from _children until it is reaped. Process.join(timeout)
polls waitpid (sleeping 1 ms, growing to 20 ms) instead of waiting on a
sentinel pipe; `sentinel` is therefore not provided.
"""

import itertools
import os
import signal
import sys
import threading
import time

__all__ = ["BaseProcess", "Process", "ForkProcess", "current_process", "parent_process", "active_children"]

_fork_lock = threading.Lock()
_internal = {}  # id(socket) -> socket: internal channel ends, closed in every forked child but their owner
_after_fork_hooks = []  # called in a new child, before run()
_exit_stage1 = []  # called at exit before the non-daemon threads are joined
_exit_stage2 = []  # called at exit after them, before the children are joined
_exit_stage3 = []  # called at exit after the children are joined
_exited_in = None  # pid of the process whose exit hook already ran

_SIGNAL_NAMES = {}
for _name in ("SIGHUP", "SIGINT", "SIGQUIT", "SIGKILL", "SIGUSR1", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
              "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGABRT", "SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGTRAP"):
    if hasattr(signal, _name):
        _SIGNAL_NAMES[getattr(signal, _name)] = _name
del _name


def _signal_name(signum):
    return _SIGNAL_NAMES.get(signum, "signal %d" % signum)


def _exitcode_text(code):
    # repr's exitcode: -SIGTERM for a signal, as CPython's _exitcode_to_name.
    if code is not None and code < 0 and -code in _SIGNAL_NAMES:
        return "-" + _SIGNAL_NAMES[-code]
    return str(code)


# ---- internal channels ----

def _socketpair():
    """A connected pair of stream sockets, listed as internal (see the
    module invariants). Sockets, not os.pipe: a send to a dead peer raises
    BrokenPipeError instead of killing the process with SIGPIPE."""
    import socket
    with _fork_lock:
        a, b = socket.socketpair()
        _internal[id(a)] = a
        _internal[id(b)] = b
    return a, b


def _close_internal(sock):
    with _fork_lock:
        _internal.pop(id(sock), None)
    try:
        sock.close()
    except OSError:
        pass


# ---- the process objects ----

class BaseProcess:
    """A process object: start() forks a child that runs run()."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, "group argument must be None for now"
        count = next(_counter)
        self._identity = _current_process._identity + (count,)
        self._config = dict(_current_process._config)
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._pid = None
        self._returncode = None
        self._wait_lock = threading.Lock()
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + "-" + ":".join(str(i) for i in self._identity)
        self._keep = ()  # internal sockets the child keeps (set by the pool)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        """The child's work: calls the target. Subclasses may override it."""
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        """Forks the child, which runs run() and ends with its exit code."""
        self._check_closed()
        assert self._pid is None, "cannot start a process twice"
        assert self._parent_pid == os.getpid(), "can only start a process object created by current process"
        assert not _current_process._config.get("daemon"), "daemonic processes are not allowed to have children"
        _cleanup()
        with _fork_lock:
            pid = os.fork()
            if pid == 0:
                self._child_main()  # never returns
            self._pid = pid
            self._keep = ()
        _children.add(self)

    def _poll(self, block):
        # The exit code, or None while the child runs (see the invariants).
        if self._returncode is not None:
            return self._returncode
        if not self._wait_lock.acquire(block):
            return None
        try:
            if self._returncode is None:
                try:
                    pid, status = os.waitpid(self._pid, 0 if block else os.WNOHANG)
                except ChildProcessError:
                    pid, status = None, None  # reaped behind our back: report it gone
                    self._returncode = 255
                if pid == self._pid:
                    self._returncode = os.waitstatus_to_exitcode(status)
        finally:
            self._wait_lock.release()
        return self._returncode

    def terminate(self):
        """Sends SIGTERM to the child."""
        self._check_closed()
        self._send_signal(signal.SIGTERM)

    def kill(self):
        """Sends SIGKILL to the child."""
        self._check_closed()
        self._send_signal(signal.SIGKILL)

    def _send_signal(self, sig):
        if self._pid is not None and self._poll(False) is None:
            try:
                os.kill(self._pid, sig)
            except ProcessLookupError:
                pass

    def join(self, timeout=None):
        """Waits until the child ends, or timeout seconds pass."""
        self._check_closed()
        assert self._parent_pid == os.getpid(), "can only join a child process"
        assert self._pid is not None, "can only join a started process"
        if timeout is None:
            code = self._poll(True)
        else:
            deadline = time.monotonic() + timeout
            delay = 0.001
            while True:
                code = self._poll(False)
                remaining = deadline - time.monotonic()
                if code is not None or remaining <= 0:
                    break
                time.sleep(min(delay, remaining))
                delay = min(delay * 2, 0.02)
        if code is not None:
            _children.discard(self)

    def is_alive(self):
        """Whether the child has started and not ended."""
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), "can only test a child process"
        if self._pid is None:
            return False
        if self._poll(False) is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        """Releases the process object; the child must have ended."""
        if self._closed:
            return
        if self._pid is not None:
            if self._poll(False) is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            _children.discard(self)
        self._target = None
        self._args = self._kwargs = None
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), "name must be a string"
        self._name = name

    @property
    def daemon(self):
        """Daemonic children are terminated when their parent exits."""
        return self._config.get("daemon", False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._pid is None, "process has already started"
        self._config["daemon"] = daemonic

    @property
    def authkey(self):
        return self._config.get("authkey", b"")

    @authkey.setter
    def authkey(self, authkey):
        self._config["authkey"] = bytes(authkey)

    @property
    def exitcode(self):
        """The exit code: None while running, -N if signal N ended it."""
        self._check_closed()
        if self._pid is None:
            return None
        return self._poll(False)

    @property
    def ident(self):
        """The pid (None before start)."""
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._pid

    pid = ident

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = "started"
        elif self._closed:
            status = "closed"
        elif self._parent_pid != os.getpid():
            status = "unknown"
        elif self._pid is None:
            status = "initial"
        else:
            exitcode = self._poll(False)
            status = "started" if exitcode is None else "stopped"
        info = [type(self).__name__, "name=%r" % self._name]
        if self._pid is not None:
            info.append("pid=%s" % self._pid)
        info.append("parent=%s" % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append("exitcode=%s" % _exitcode_text(exitcode))
        if self.daemon:
            info.append("daemon")
        return "<%s>" % " ".join(info)

    # ---- in the child ----

    def _child_main(self):
        # Runs in the new child with _fork_lock held (a copy nobody else
        # can release): never returns.
        code = 1
        try:
            _reset_after_fork(self)
            code = self._bootstrap()
        finally:
            os._exit(code)

    def _bootstrap(self):
        exitcode = 1
        try:
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + "\n")
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            sys.stderr.write("Process %s:\n" % self.name)
            sys.excepthook(type(e), e, None)
        finally:
            try:
                threading._shutdown()
            finally:
                _flush_std_streams()
        return exitcode


class Process(BaseProcess):
    """multiprocessing.Process: named Process-N."""


class ForkProcess(BaseProcess):
    """The fork context's Process (the pools' workers): named ForkProcess-N."""


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = "MainProcess"
        self._parent_pid = None
        self._parent_name = None
        self._pid = None
        self._returncode = None
        self._closed = False
        self._target = None
        self._config = {"authkey": b"gillab-fork", "semprefix": "/mp"}

    def close(self):
        pass


class _ParentProcess(BaseProcess):
    """What parent_process() returns in a child: the parent's name and pid."""

    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._returncode = None
        self._closed = False
        self._target = None
        self._config = {}

    def is_alive(self):
        try:
            os.kill(self._pid, 0)
        except ProcessLookupError:
            return False
        return os.getppid() == self._pid

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.01)


_current_process = _MainProcess()
_parent_process = None
_counter = itertools.count(1)
_children = set()


def current_process():
    """The Process object of the running process (MainProcess in the main one)."""
    return _current_process


def parent_process():
    """The parent's process object in a child started here; None in the main process."""
    return _parent_process


def _cleanup():
    me = os.getpid()
    for p in list(_children):
        if p._parent_pid != me or p._poll(False) is not None:  # (a parent's, after a bare os.fork)
            _children.discard(p)


def active_children():
    """The children that are still running (reaping those that ended)."""
    _cleanup()
    return list(_children)


def _reset_after_fork(process):
    global _fork_lock, _internal, _current_process, _parent_process, _counter, _children
    _fork_lock = threading.Lock()  # the inherited one is held by the parent's forking thread
    keep = process._keep
    for key, sock in list(_internal.items()):
        if not any(sock is k for k in keep):
            try:
                sock.close()
            except OSError:
                pass
    _internal = {}
    for sock in keep:
        _internal[id(sock)] = sock  # still closed in this child's own children
    process._keep = ()
    _parent_process = _ParentProcess(process._parent_name, process._parent_pid)
    _current_process = process
    _counter = itertools.count(1)
    _children = set()
    for hook in list(_after_fork_hooks):
        hook()


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def _exit_function():
    """The exit hook (see the invariants); runs once per process."""
    global _exited_in
    if _exited_in == os.getpid():
        return
    _exited_in = os.getpid()
    for hook in list(_exit_stage1):
        _run_hook(hook)
    me = threading.current_thread()
    for t in threading.enumerate():
        if t is not me and not t.daemon and t.is_alive() and t is not threading.main_thread():
            t.join()
    for hook in list(_exit_stage2):
        _run_hook(hook)
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()
    for hook in list(_exit_stage3):
        _run_hook(hook)


def _run_hook(hook):
    try:
        hook()
    except Exception as e:
        sys.stderr.write("Error in multiprocessing's exit hook:\n")
        sys.excepthook(type(e), e, None)


threading._register_atexit(_exit_function)
