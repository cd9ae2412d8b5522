# Route planner over an embedded road network: parsing an edge list, Dijkstra
# with heapq and path reconstruction, BFS hop counts, Kahn's topological sort
# of a build-dependency graph with cycle detection, and a distance matrix.
import heapq
from collections import defaultdict, deque

ROADS = """
amber   birch   7
amber   cedar   9
amber   fir    14
birch   cedar  10
birch   dune   15
cedar   dune   11
cedar   fir     2
dune    elm     6
elm     fir     9
grove   holly   3
"""


class Graph:
    def __init__(self):
        self.adj = defaultdict(dict)

    @classmethod
    def parse(cls, text):
        g = cls()
        for lineno, line in enumerate(text.strip().splitlines(), 1):
            a, b, w = line.split()
            g.add(a, b, int(w))
        return g

    def add(self, a, b, w):
        self.adj[a][b] = w
        self.adj[b][a] = w

    def nodes(self):
        return sorted(self.adj)

    def dijkstra(self, source):
        dist = {source: 0}
        prev = {}
        heap = [(0, source)]
        done = set()
        pops = 0
        while heap:
            d, u = heapq.heappop(heap)
            pops += 1
            if u in done:
                continue
            done.add(u)
            for v, w in sorted(self.adj[u].items()):
                nd = d + w
                if nd < dist.get(v, float("inf")):
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(heap, (nd, v))
        return dist, prev, pops

    def path(self, source, target):
        dist, prev, _ = self.dijkstra(source)
        if target not in dist:
            return None, None
        node, route = target, [target]
        while node != source:
            node = prev[node]
            route.append(node)
        return dist[target], route[::-1]

    def hops(self, source):
        seen = {source: 0}
        queue = deque([source])
        while queue:
            u = queue.popleft()
            for v in sorted(self.adj[u]):
                if v not in seen:
                    seen[v] = seen[u] + 1
                    queue.append(v)
        return seen

    def components(self):
        seen, comps = set(), []
        for n in self.nodes():
            if n not in seen:
                comp = set(self.hops(n))
                seen |= comp
                comps.append(sorted(comp))
        return comps


g = Graph.parse(ROADS)
print("nodes:", g.nodes())
print("degree:", {n: len(g.adj[n]) for n in g.nodes()})
print("components:", g.components())

dist, prev, pops = g.dijkstra("amber")
print("from amber:", sorted(dist.items(), key=lambda kv: (kv[1], kv[0])), "heap pops:", pops)
for target in ["elm", "fir", "dune", "holly"]:
    cost, route = g.path("amber", target)
    if route is None:
        print(f"  amber -> {target}: unreachable")
    else:
        print(f"  amber -> {target}: {cost:>3} via {' > '.join(route)}")
print("hops from elm:", g.hops("elm"))

names = [n for n in g.nodes() if n not in ("grove", "holly")]
print("\n" + " " * 7 + "".join(f"{n[:5]:>6}" for n in names))
for a in names:
    d, _, _ = g.dijkstra(a)
    print(f"{a:<7}" + "".join(f"{d[b]:>6}" for b in names))
ecc = {a: max(g.dijkstra(a)[0][b] for b in names) for a in names}
center = min(ecc, key=lambda n: (ecc[n], n))
print("eccentricity:", ecc, "center:", center)


def toposort(deps):
    indeg = {n: 0 for n in deps}
    users = defaultdict(list)
    for n, needs in deps.items():
        for m in needs:
            indeg.setdefault(m, 0)
            indeg[n] += 1
            users[m].append(n)
    ready = [n for n, k in indeg.items() if k == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        n = heapq.heappop(ready)
        order.append(n)
        for u in users[n]:
            indeg[u] -= 1
            if indeg[u] == 0:
                heapq.heappush(ready, u)
    if len(order) != len(indeg):
        stuck = sorted(n for n, k in indeg.items() if k > 0)
        raise ValueError(f"cycle among {stuck}")
    return order


BUILD = {
    "app": ["ui", "net", "db"],
    "ui": ["core", "fonts"],
    "net": ["core", "tls"],
    "db": ["core"],
    "tls": ["crypto"],
    "crypto": [],
    "core": [],
    "tests": ["app"],
}
order = toposort(BUILD)
print("\nbuild order:", " -> ".join(order))
levels = {}
for n in order:
    levels[n] = 1 + max((levels[m] for m in BUILD.get(n, [])), default=-1)
for lvl in range(max(levels.values()) + 1):
    print(f"  stage {lvl}: {sorted(n for n, l in levels.items() if l == lvl)}")

BUILD["crypto"] = ["app"]
try:
    toposort(BUILD)
except ValueError as e:
    print("error:", e)
