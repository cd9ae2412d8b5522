# Eight threads import one slow module at once, then eight a package's slow
# submodule: each body runs once, and every thread sees the finished
# module, never a half-initialised one (CPython's per-module import lock).
# (A body that fails is not here: CPython then hands the threads that were
# waiting the broken partial module, gillab loads it again; see
# interp/src/runtime/imports.cpp.)
import sys
import threading

seen = []


def worker():
    import slow_import_target
    seen.append(slow_import_target.DONE)


def sub_worker():
    # A submodule: the package loads at once, the submodule's body is slow.
    import slow_import_pkg.sub
    seen.append(slow_import_pkg.sub.DONE)


for target in (worker, sub_worker):
    threads = [threading.Thread(target=target) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
import slow_import_target
import slow_import_pkg.sub

print(len(seen), all(seen), sys.import_body_runs, sys.import_sub_runs, slow_import_target.DONE)
