# Union-find with path compression and union by rank driving Kruskal's
# minimum spanning tree (checked against Prim with heapq), connected
# components, cycle detection, then interval problems: merging, greedy
# activity selection, minimum meeting rooms, and point coverage.
import heapq


class DSU:
    def __init__(self, items):
        self.parent = {x: x for x in items}
        self.rank = {x: 0 for x in items}
        self.finds = 0

    def find(self, x):
        self.finds += 1
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True

    def groups(self):
        out = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return sorted(sorted(g) for g in out.values())


def kruskal(nodes, edges):
    dsu = DSU(nodes)
    tree = []
    for w, a, b in sorted(edges):
        if dsu.union(a, b):
            tree.append((a, b, w))
    return tree, dsu


def prim(nodes, edges, start):
    adj = {n: [] for n in nodes}
    for w, a, b in edges:
        adj[a].append((w, b)); adj[b].append((w, a))
    seen, total, heap = {start}, 0, list(adj[start])
    heapq.heapify(heap)
    while heap and len(seen) < len(nodes):
        w, v = heapq.heappop(heap)
        if v in seen:
            continue
        seen.add(v); total += w
        for e in adj[v]:
            if e[1] not in seen:
                heapq.heappush(heap, e)
    return total


def merge_intervals(iv):
    out = []
    for s, e in sorted(iv):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [tuple(x) for x in out]


def select_activities(iv):
    chosen, end = [], float("-inf")
    for s, e, name in sorted(iv, key=lambda t: (t[1], t[0])):
        if s >= end:
            chosen.append(name); end = e
    return chosen


def rooms_needed(iv):
    heap, peak = [], 0
    for s, e in sorted(iv):
        while heap and heap[0] <= s:
            heapq.heappop(heap)
        heapq.heappush(heap, e)
        peak = max(peak, len(heap))
    return peak


def min_points(iv):
    points, last = [], None
    for s, e in sorted(iv, key=lambda t: t[1]):
        if last is None or s > last:
            last = e; points.append(e)
    return points


nodes = list("ABCDEFGHIJ")
edges = [(7, "A", "B"), (5, "A", "D"), (8, "B", "C"), (9, "B", "D"), (7, "B", "E"), (5, "C", "E"),
         (15, "D", "E"), (6, "D", "F"), (8, "E", "F"), (9, "E", "G"), (11, "F", "G"),
         (3, "H", "I"), (4, "I", "J"), (2, "H", "J"), (10, "G", "H")]
print("== kruskal ==")
tree, dsu = kruskal(nodes, edges)
for a, b, w in tree:
    print(f"  {a}-{b} {w}")
total = sum(w for _, _, w in tree)
print("edges", len(tree), "weight", total, "prim", prim(nodes, edges, "A"), "prim from J", prim(nodes, edges, "J"))
print("groups after:", dsu.groups())
print("max rank", max(dsu.rank.values()), "all roots equal:", len({dsu.find(n) for n in nodes}) == 1)

print("== components and cycles ==")
d = DSU(range(12))
pairs = [(0, 1), (1, 2), (3, 4), (5, 6), (6, 7), (7, 5), (8, 9), (2, 0), (10, 10)]
cycles = [p for p in pairs if not d.union(*p)]
print("components:", d.groups())
print("cycle-closing edges:", cycles)
chain = DSU(range(1000))
for i in range(999):
    chain.union(i, i + 1)
before = chain.finds
roots = {chain.find(i) for i in range(1000)}
print("chain roots:", len(roots), "finds used:", chain.finds - before)
print("compressed:", all(chain.parent[i] == chain.find(i) for i in range(1000)))

gen_edges, seed = [], 7
for i in range(60):
    for j in range(i + 1, 60):
        seed = (seed * 48271) % 2147483647
        if seed % 7 == 0:
            gen_edges.append((seed % 1000, i, j))
t, dd = kruskal(range(60), gen_edges)
print("random graph:", len(gen_edges), "edges, forest size", len(t), "weight", sum(w for *_, w in t),
      "components", len(dd.groups()))

print("== intervals ==")
for iv in [[(1, 3), (2, 6), (8, 10), (15, 18)], [(1, 4), (4, 5)], [(5, 7), (1, 2), (2, 3), (6, 9)],
           [(1, 10), (2, 3), (4, 5)], []]:
    print(f"merge {iv} -> {merge_intervals(iv)}")
acts = [(1, 4, "a"), (3, 5, "b"), (0, 6, "c"), (5, 7, "d"), (3, 9, "e"), (5, 9, "f"),
        (6, 10, "g"), (8, 11, "h"), (8, 12, "i"), (2, 14, "j"), (12, 16, "k")]
print("activities:", select_activities(acts))
meetings = [[(0, 30), (5, 10), (15, 20)], [(7, 10), (2, 4)], [(1, 5), (2, 6), (3, 7), (4, 8), (5, 9)],
            [(s, e) for s, e, _ in acts]]
for m in meetings:
    print(f"rooms for {len(m)} meetings: {rooms_needed(m)}")
balloons = [(10, 16), (2, 8), (1, 6), (7, 12)]
print("arrows:", min_points(balloons), min_points([(1, 2), (3, 4), (5, 6), (7, 8)]), min_points([(1, 2), (2, 3), (3, 4)]))
