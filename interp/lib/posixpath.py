"""os.path for POSIX paths: the string functions as CPython's posixpath
computes them, and exists/isfile/isdir on posix._stat_kind (gillab has no
os.stat result type)."""
import posix

sep = "/"
curdir = "."
pardir = ".."


def isabs(s):
    return s.startswith("/")


def join(a, *p):
    path = a
    for b in p:
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ""


def basename(p):
    return p[p.rfind("/") + 1:]


def dirname(p):
    return split(p)[0]


def normpath(path):
    if not path:
        return "."
    initial = 0
    if path.startswith("/"):
        # POSIX keeps exactly two leading slashes, collapses three or more.
        initial = 2 if path.startswith("//") and not path.startswith("///") else 1
    comps = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not comps) or (comps and comps[-1] == ".."):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = "/".join(comps)
    if initial:
        path = "/" * initial + path
    return path or "."


def abspath(path):
    if not isabs(path):
        path = join(posix.getcwd(), path)
    return normpath(path)


def exists(path):
    return posix._stat_kind(path) is not None


def isfile(path):
    return posix._stat_kind(path) == "file"


def isdir(path):
    return posix._stat_kind(path) == "dir"
