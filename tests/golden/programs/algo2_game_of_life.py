# Cellular automata: Conway's game of life on a fixed bounded board printed as
# text generation by generation, oscillator periods found by state hashing of
# frozensets, glider displacement on a torus, the sparse set-based and dense
# list-based implementations compared, and elementary rules 30 and 90.


def parse(lines):
    return {(r, c) for r, line in enumerate(lines) for c, ch in enumerate(line) if ch == "#"}


def render(cells, rows, cols):
    return ["".join("#" if (r, c) in cells else "." for c in range(cols)) for r in range(rows)]


def step_sparse(cells, rows=None, cols=None, torus=False):
    counts = {}
    for r, c in cells:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    nr, nc = r + dr, c + dc
                    if torus:
                        nr, nc = nr % rows, nc % cols
                    elif rows is not None and not (0 <= nr < rows and 0 <= nc < cols):
                        continue
                    counts[nr, nc] = counts.get((nr, nc), 0) + 1
    return {p for p, n in counts.items() if n == 3 or (n == 2 and p in cells)}


def step_dense(grid):
    rows, cols = len(grid), len(grid[0])
    out = []
    for r in range(rows):
        row = []
        for c in range(cols):
            n = sum(grid[rr][cc] for rr in range(max(0, r - 1), min(rows, r + 2))
                    for cc in range(max(0, c - 1), min(cols, c + 2))) - grid[r][c]
            row.append(1 if n == 3 or (n == 2 and grid[r][c]) else 0)
        out.append(row)
    return out


def period(cells, limit=50):
    seen = {frozenset(cells): 0}
    for gen in range(1, limit + 1):
        cells = step_sparse(cells)
        key = frozenset(cells)
        if key in seen:
            return seen[key], gen - seen[key]
        seen[key] = gen
    return None, None


def normalize(cells):
    if not cells:
        return frozenset()
    r0 = min(r for r, _ in cells)
    c0 = min(c for _, c in cells)
    return frozenset((r - r0, c - c0) for r, c in cells)


BOARD = [
    "....................",
    ".##.......#.........",
    ".##......###........",
    ".........#.#........",
    "..........#.........",
    "....................",
    "...###.......#......",
    ".............#......",
    ".............#......",
    "....................",
    "..#.................",
    "...#......##........",
    ".###.....#..#.......",
    "..........##........",
]
rows, cols = len(BOARD), len(BOARD[0])
cells = parse(BOARD)
grid = [[1 if ch == "#" else 0 for ch in line] for line in BOARD]
print("== bounded board ==")
for gen in range(5):
    print(f"generation {gen}: population {len(cells)}")
    for line in render(cells, rows, cols):
        print("  " + line)
    assert render(cells, rows, cols) == ["".join("#" if v else "." for v in row) for row in grid]
    cells = step_sparse(cells, rows, cols)
    grid = step_dense(grid)
pops = []
for gen in range(5, 60):
    pops.append(len(cells))
    cells = step_sparse(cells, rows, cols)
print("populations 5..59:", pops)
print("final:")
for line in render(cells, rows, cols):
    print("  " + line)

print("== oscillators and still lifes ==")
shapes = {
    "block": ["##", "##"], "beehive": [".##.", "#..#", ".##."], "blinker": ["###"],
    "toad": [".###", "###."], "beacon": ["##..", "##..", "..##", "..##"],
    "pulsar": ["..###...###..", ".............", "#....#.#....#", "#....#.#....#",
               "#....#.#....#", "..###...###..", ".............", "..###...###..",
               "#....#.#....#", "#....#.#....#", "#....#.#....#", ".............",
               "..###...###.."],
    "glider": [".#.", "..#", "###"], "r-pentomino": [".##", "##.", ".#."],
}
for name, pic in shapes.items():
    start, length = period(parse(pic), 40)
    print(f"{name:>12}: cells {len(parse(pic)):2} cycle start {start} period {length}")

print("== glider on a torus ==")
torus_cells = parse([".#.", "..#", "###"])
shape0 = normalize(torus_cells)
for gen in range(1, 41):
    torus_cells = step_sparse(torus_cells, 8, 8, torus=True)
    if gen == 32:
        print("back home after 32 generations:", torus_cells == parse([".#.", "..#", "###"]))
    if gen % 4 == 0:
        print(f"gen {gen:2}: same shape {normalize(torus_cells) == shape0} cells {sorted(torus_cells)[:3]}")
print("final torus cells:", sorted(torus_cells))

print("== elementary automata ==")
for rule in (30, 90, 110):
    width = 31
    row = [0] * width
    row[width // 2] = 1
    print(f"rule {rule}")
    ones = []
    for _ in range(12):
        print("  " + "".join("#" if x else "." for x in row))
        ones.append(sum(row))
        row = [(rule >> (row[(i - 1) % width] * 4 + row[i] * 2 + row[(i + 1) % width])) & 1
               for i in range(width)]
    print("  live counts", ones)
