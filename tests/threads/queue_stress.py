# Producer/consumer stress through queue.Queue: 4 producers x 5000 items,
# 4 consumers, a bounded queue (put blocks when full); every item arrives
# exactly once (a lost or duplicated item changes the sum and the count).
import threading, queue
q = queue.Queue(maxsize=64)
PRODUCERS, CONSUMERS, N = 4, 4, 5000
got = []
got_lock = threading.Lock()
def producer(p):
    for i in range(N):
        q.put(p * N + i)
def consumer():
    local = []
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        local.append(item)
        q.task_done()
    with got_lock:
        got.extend(local)
ps = [threading.Thread(target=producer, args=(p,)) for p in range(PRODUCERS)]
cs = [threading.Thread(target=consumer) for _ in range(CONSUMERS)]
for t in cs + ps: t.start()
for t in ps: t.join()
for _ in cs: q.put(None)
q.join()
for t in cs: t.join()
total = PRODUCERS * N
print(len(got), len(set(got)), sum(got) == total * (total - 1) // 2, q.empty())
