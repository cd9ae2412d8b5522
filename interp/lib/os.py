"""os: the process-level calls gillab provides (`posix` in
interp/src/runtime/io.cpp) and os.path (posixpath).

os.environ is a plain dict filled at start-up: changing it does not change
the environment of the process (gillab starts no child programs), a
difference from CPython's os.environ that programs reading it do not see.
"""
import sys
import posix
from posix import (getpid, getppid, cpu_count, _exit, pipe, read, write, close, strerror, getcwd, fork, waitpid,
                   kill, WNOHANG, WIFEXITED, WEXITSTATUS, WIFSIGNALED, WTERMSIG, WIFSTOPPED,
                   waitstatus_to_exitcode, open, lseek, ftruncate, isatty, unlink,
                   O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_CLOEXEC,
                   SEEK_SET, SEEK_CUR, SEEK_END)
remove = unlink
import posixpath as path

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
devnull = "/dev/null"
environ = posix.environ
error = OSError

sys.modules["os.path"] = path  # `import os.path` and `from os import path`


def getenv(key, default=None):
    return environ.get(key, default)
