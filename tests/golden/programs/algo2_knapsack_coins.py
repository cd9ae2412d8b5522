# Dynamic programming on numbers: 0/1 knapsack with the chosen items traced
# back (checked by exhaustive search), unbounded knapsack, coin change
# (number of ways, fewest coins with the coins used), longest increasing
# subsequence with reconstruction, and rod cutting.
from itertools import combinations
from functools import lru_cache


def knapsack(items, cap):
    n = len(items)
    best = [[0] * (cap + 1) for _ in range(n + 1)]
    for i, (name, w, v) in enumerate(items, 1):
        for c in range(cap + 1):
            best[i][c] = best[i - 1][c]
            if w <= c and best[i - 1][c - w] + v > best[i][c]:
                best[i][c] = best[i - 1][c - w] + v
    chosen, c = [], cap
    for i in range(n, 0, -1):
        if best[i][c] != best[i - 1][c]:
            name, w, v = items[i - 1]
            chosen.append(name)
            c -= w
    return best[n][cap], sorted(chosen)


def knapsack_brute(items, cap):
    top = 0
    for k in range(len(items) + 1):
        for combo in combinations(items, k):
            if sum(w for _, w, _ in combo) <= cap:
                top = max(top, sum(v for _, _, v in combo))
    return top


def unbounded(items, cap):
    best = [0] * (cap + 1)
    for c in range(1, cap + 1):
        for _, w, v in items:
            if w <= c:
                best[c] = max(best[c], best[c - w] + v)
    return best[cap]


def coin_ways(coins, total):
    ways = [1] + [0] * total
    for coin in coins:
        for t in range(coin, total + 1):
            ways[t] += ways[t - coin]
    return ways[total]


def min_coins(coins, total):
    INF = float("inf")
    dp = [0] + [INF] * total
    last = [None] * (total + 1)
    for t in range(1, total + 1):
        for coin in coins:
            if coin <= t and dp[t - coin] + 1 < dp[t]:
                dp[t] = dp[t - coin] + 1
                last[t] = coin
    if dp[total] == INF:
        return None, []
    used, t = [], total
    while t:
        used.append(last[t])
        t -= last[t]
    return dp[total], sorted(used, reverse=True)


@lru_cache(maxsize=None)
def ways_rec(coins, total):
    if total == 0:
        return 1
    if total < 0 or not coins:
        return 0
    return ways_rec(coins, total - coins[0]) + ways_rec(coins[1:], total)


def lis(seq):
    tails, tails_idx, parent = [], [], [-1] * len(seq)
    for i, x in enumerate(seq):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(x); tails_idx.append(i)
        else:
            tails[lo] = x; tails_idx[lo] = i
        parent[i] = tails_idx[lo - 1] if lo else -1
    out, k = [], tails_idx[-1] if tails_idx else -1
    while k != -1:
        out.append(seq[k]); k = parent[k]
    return out[::-1]


def rod_cut(prices, n):
    best = [0] * (n + 1)
    first = [0] * (n + 1)
    for length in range(1, n + 1):
        for cut in range(1, min(length, len(prices)) + 1):
            if prices[cut - 1] + best[length - cut] > best[length]:
                best[length] = prices[cut - 1] + best[length - cut]
                first[length] = cut
    pieces, rest = [], n
    while rest:
        pieces.append(first[rest]); rest -= first[rest]
    return best[n], pieces


items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40),
         ("cheese", 23, 30), ("beer", 52, 10), ("suntan", 11, 70), ("camera", 32, 30)]
print("== 0/1 knapsack ==")
for cap in (0, 10, 50, 100, 200, 400, 1000):
    value, chosen = knapsack(items, cap)
    weight = sum(w for n, w, _ in items if n in chosen)
    print(f"cap {cap:4}: value {value:4} weight {weight:4} items {chosen}")
    assert weight <= cap
    assert value == knapsack_brute(items, cap)
small = [("a", 1, 1), ("b", 3, 4), ("c", 4, 5), ("d", 5, 7)]
print("small:", [knapsack(small, c)[0] for c in range(14)])
print("unbounded:", [unbounded(small, c) for c in range(14)])

print("== coin change ==")
for coins, total in [((1, 2, 5), 5), ((2,), 3), ((1, 5, 10, 25, 50), 100),
                     ((1, 2, 5, 10, 20, 50, 100, 200), 200), ((3, 7), 20), ((2, 5, 3, 6), 10)]:
    ways = coin_ways(coins, total)
    assert ways == ways_rec(tuple(coins), total)
    n, used = min_coins(coins, total)
    print(f"coins {coins} total {total}: ways={ways} fewest={n} {used}")
print("greedy fails:", min_coins((1, 3, 4), 6), "vs greedy [4, 1, 1]")
print("big count:", coin_ways((1, 2, 5, 10, 20, 50, 100, 200), 10000))

print("== longest increasing subsequence ==")
for seq in [[10, 9, 2, 5, 3, 7, 101, 18], [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15],
            [5, 4, 3, 2, 1], [], [3, 3, 3], [1, 2, 3, 4]]:
    r = lis(seq)
    assert all(a < b for a, b in zip(r, r[1:]))
    print(len(r), r)

print("== rod cutting ==")
prices = [1, 5, 8, 9, 10, 17, 17, 20]
for n in (1, 4, 7, 8, 10, 13):
    print(n, rod_cut(prices, n))
