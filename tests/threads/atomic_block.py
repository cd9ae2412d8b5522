# `with atomic:` (the built-in atomic module): 8 threads increment one global
# int inside atomic blocks and no lock, so the count is exact only if the
# back-end makes the block atomic (without the block, pyvm-fine-* loses
# updates here). Also: blocks nest, an exception leaves the block and
# propagates, is_atomic() says where we are. (atomic_block.expected was
# recorded by CPython with PYTHONPATH=bench/workloads: the fallback module.)
import threading
from atomic import atomic, is_atomic

THREADS = 8
N = 20000
counter = 0


def work():
    global counter
    for i in range(N):
        with atomic:
            counter += 1
            if i % 1000 == 0:
                with atomic:
                    counter += 0


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)
try:
    with atomic:
        inside = is_atomic()
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e, inside, is_atomic())
print(repr(atomic).startswith("<atomic block"))
