# Condition and Barrier choreography: a ping-pong of 200 turns between two
# threads on one Condition, then 5 rounds of a 4-party Barrier whose action
# counts rounds; the output is fixed by the protocol, not by scheduling.
import threading
cond = threading.Condition()
turn = [0]
log = []
def player(me, other, rounds):
    for _ in range(rounds):
        with cond:
            cond.wait_for(lambda: turn[0] == me)
            log.append(me)
            turn[0] = other
            cond.notify_all()
a = threading.Thread(target=player, args=(0, 1, 100))
b = threading.Thread(target=player, args=(1, 0, 100))
a.start(); b.start(); a.join(); b.join()
print(len(log), log[:6], all(log[i] != log[i + 1] for i in range(len(log) - 1)))
rounds = []
barrier = threading.Barrier(4, action=lambda: rounds.append(len(rounds)))
seen = []
seen_lock = threading.Lock()
def party(i):
    for r in range(5):
        barrier.wait()
        with seen_lock:
            seen.append((r, len(rounds)))
ts = [threading.Thread(target=party, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(rounds, sorted(set(seen)) == [(r, r + 1) for r in range(5)] or sorted(set(seen)))
try:
    threading.Barrier(2, timeout=0.05).wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError")
