# errno: Linux's codes, errorcode, and OSError's subclass chosen by errno.
import errno

print(errno.ENOENT, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK, errno.ECONNREFUSED, errno.EPIPE)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], len(errno.errorcode) > 100)
for code in (errno.ENOENT, errno.EEXIST, errno.ECONNREFUSED, errno.EPIPE, errno.ETIMEDOUT, errno.EINVAL):
    e = OSError(code, "message")
    print(type(e).__name__, e.errno, e.strerror, e)
try:
    raise FileNotFoundError(errno.ENOENT, "No such file or directory", "missing.txt")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], e.filename, e)
