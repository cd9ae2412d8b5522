# OSError and its subclasses: errno mapping on construction, str with and
# without a filename, attributes, the hierarchy, and the aliases.
for code in (2, 13, 17, 32, 104, 110, 111, 11, 4, 3, 10, 21, 20, 1, 999):
    e = OSError(code, "message")
    print(code, type(e).__name__, e.errno, e.strerror, e.filename, str(e), e.args)

e = OSError(2, "No such file or directory", "missing.txt")
print(type(e).__name__, str(e), e.args, e.filename, e.filename2, repr(e))
print(str(OSError("just a message")), OSError("just a message").errno, OSError().args)
print(str(OSError(1, 2, 3, 4)), OSError(1, 2, 3, 4).args)
print(str(OSError(1, 2, 3, 4, 5, 6)), OSError(1, 2, 3, 4, 5, 6).errno)
print(IOError is OSError, EnvironmentError is OSError)
for cls in (BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
            ConnectionRefusedError, ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError,
            IsADirectoryError, NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError):
    print(cls.__name__, [b.__name__ for b in cls.__mro__])
# A subclass called directly keeps its class; errno from arguments.
print(type(FileNotFoundError(111, "x")).__name__, FileNotFoundError(111, "x").errno)


class AppError(ConnectionError):
    def __init__(self, host):
        super().__init__(111, "refused by " + host)
        self.host = host


try:
    raise AppError("example")
except OSError as err:
    print(type(err).__name__, err, err.errno, err.host, isinstance(err, ConnectionError))
try:
    raise TimeoutError("timed out")
except OSError as err:
    print(type(err).__name__, err, err.errno, err.strerror)
raise ConnectionResetError(104, "Connection reset by peer")
