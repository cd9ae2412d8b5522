# os.fork and friends in one thread (the golden suite also runs on
# pyvm-nosync): output printed before the fork appears once, a child
# reports through a pipe, exit codes by os._exit and by a signal, waitpid
# with WNOHANG, and the wait-status helpers.
import os
import signal
import sys
import time

print("before fork")  # buffered: fork must flush it, or the child prints it again
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, ("child says hi, parent alive: %s" % (os.getppid() > 1)).encode())
    os._exit(7)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 100)
    if not chunk:
        break
    data += chunk
os.close(r)
got, status = os.waitpid(pid, 0)
print(data.decode(), got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.waitstatus_to_exitcode(status))

# A child that waits to be killed: WNOHANG first sees it running.
pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
print(os.waitpid(pid, os.WNOHANG))
os.kill(pid, signal.SIGTERM)
got, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM, os.waitstatus_to_exitcode(status))

# A child that raises: its traceback goes to stderr, its exit code is 1.
pid = os.fork()
if pid == 0:
    try:
        raise ValueError("in the child")
    except ValueError as e:
        print("child caught", e)
    sys.stdout.flush()  # os._exit does not flush
    os._exit(3)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e.errno)
try:
    os.kill(999999999, signal.SIGTERM)
except (ProcessLookupError, OverflowError) as e:
    print(type(e).__name__)
print("after")
