# A death with a finalizer inside a list store: the transaction commits
# before the object is freed (a free is never taken back), in the middle of
# the store, which holds the list's write lock. In stm's concurrent mode
# that lock goes over to an irrevocable run (--stats: locks_handed_over)
# instead of being released while the store goes on.
deaths = []


class Finalized:
    def __init__(self, i):
        self.i = i

    def __del__(self):
        deaths.append(self.i)


items = [Finalized(i) for i in range(300)]
for i in range(300):
    items[i] = None
print("deaths", len(deaths), deaths == list(range(300)), items.count(None))
