"""Runs one program under test the way the test drivers need it.

Invariants:
  - The program runs in a session (and process group) of its own, so that
    everything it forks can be found and killed: a hang kills the whole
    group, never only the VM while a forked child keeps running (and keeps
    the output pipes open, which would hang the driver too).
  - A program that exits but leaves processes of its group behind (a
    multiprocessing worker, a forked child it never reaped) fails: that is a
    leaked process. They are killed so that nothing outlives the test.
  - hang_retries reruns a program that hung, and only that (a crash, a
    race report or wrong output is never retried). It exists for one known
    defect outside gillab: the sanitizer runtimes of g++ 12's libsanitizer
    can deadlock a child forked while another thread is inside the runtime
    — TSan's stack depot spin lock, and ASan's allocator region lock (a
    thread that ends flushes its allocator cache under it: seen with
    pyvm-stm, the child blocked in SizeClassAllocator64::GetFromAllocator)
    are not taken across fork — so a forking program under TSan hangs in
    about one run of twenty on these machines, under ASan in about one of
    thirty with the abort stress switch. Each retry is printed.
"""
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str
    problem: str = ""  # non-empty: a hang or leaked processes, said in words


def _group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def _kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _reader(stream, sink):
    sink.append(stream.read())
    stream.close()


def _run_once(cmd, cwd, timeout):
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    pgid = proc.pid
    out, err = [], []
    readers = [threading.Thread(target=_reader, args=(proc.stdout, out), daemon=True),
               threading.Thread(target=_reader, args=(proc.stderr, err), daemon=True)]
    for r in readers:
        r.start()
    problem = ""
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(pgid)
        proc.wait()
        problem = f"timed out after {timeout:g} s (a hang)"
    except BaseException:  # the driver itself interrupted: take the program down with it
        _kill_group(pgid)
        raise
    # What the program forked and did not reap: orphans are reaped by init
    # as they end, so give them a moment, then they are leaked processes.
    deadline = time.monotonic() + 2.0
    while _group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _group_alive(pgid):
        _kill_group(pgid)
        if not problem:
            problem = "left processes of its own running after it exited (killed now)"
    for r in readers:
        r.join()
    return Result(proc.returncode, b"".join(out).decode("utf-8", "replace"),
                  b"".join(err).decode("utf-8", "replace"), problem)


def run_program(cmd, cwd, timeout, hang_retries=0):
    """Runs cmd in cwd with stdin closed; returns a Result."""
    for attempt in range(hang_retries + 1):
        result = _run_once(cmd, cwd, timeout)
        if not result.problem.startswith("timed out") or attempt == hang_retries:
            return result
        print(f"note: attempt {attempt + 1} {result.problem}; retrying "
              f"(--hang-retries: a known sanitizer-runtime fork deadlock, see tests/support/run_program.py)",
              flush=True)
    return result
