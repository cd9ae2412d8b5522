# Go: a small computer Go player on a 9x9 board that picks each move by
# Monte-Carlo tree search with UCT (L. Kocsis and C. Szepesvari, "Bandit based
# Monte-Carlo Planning", ECML 2006; for Go, S. Gelly et al., "Modification of
# UCT with Patterns in Monte-Carlo Go", INRIA RR-6062, 2006): from the current
# position it grows a tree by the UCB1 rule, finishes every new leaf with a
# uniformly random game (no suicide, simple ko, no filling of one's own
# eyes), scores the end position by area with komi and backs the result up
# the tree. It plays a few moves against itself with random.seed fixed and
# prints them. Stresses list indexing, flood fills, small-object allocation,
# method calls, the random and math modules.
import math
import random
import sys

SIZE = 9
KOMI = 7.5
EMPTY, BLACK, WHITE = 0, 1, 2
PASS = -1
EXPLORATION = 1.0
GAME_MOVES = 4


def neighbour_table(size):
    table = []
    for pos in range(size * size):
        row, col = divmod(pos, size)
        around = []
        if row > 0:
            around.append(pos - size)
        if row < size - 1:
            around.append(pos + size)
        if col > 0:
            around.append(pos - 1)
        if col < size - 1:
            around.append(pos + 1)
        table.append(around)
    return table


def move_name(pos, size=SIZE):
    if pos == PASS:
        return "pass"
    row, col = divmod(pos, size)
    return "ABCDEFGHJKLMNOPQRST"[col] + str(size - row)


class Board:
    def __init__(self, size=SIZE):
        self.size = size
        self.cells = [EMPTY] * (size * size)
        self.neighbours = neighbour_table(size)
        self.to_move = BLACK
        self.ko = PASS           # the point the side to move may not retake
        self.passes = 0          # consecutive passes so far
        self.captured = []       # the stones the last move took
        self.seen = [0] * (size * size)
        self.stamp = 0

    def copy(self):
        other = Board.__new__(Board)
        other.size = self.size
        other.cells = self.cells[:]
        other.neighbours = self.neighbours
        other.to_move = self.to_move
        other.ko = self.ko
        other.passes = self.passes
        other.captured = []
        other.seen = [0] * len(self.cells)
        other.stamp = 0
        return other

    def chain(self, start):
        """The stones connected to start, and how many distinct liberties they have."""
        self.stamp += 1
        stamp = self.stamp
        seen = self.seen
        cells = self.cells
        neighbours = self.neighbours
        colour = cells[start]
        stones = [start]
        seen[start] = stamp
        liberties = 0
        i = 0
        while i < len(stones):
            for n in neighbours[stones[i]]:
                if seen[n] != stamp:
                    here = cells[n]
                    if here == colour:
                        seen[n] = stamp
                        stones.append(n)
                    elif here == EMPTY:
                        seen[n] = stamp
                        liberties += 1
            i += 1
        return stones, liberties

    def chain_if_dead(self, start):
        """The stones connected to start if they have no liberty, else None:
        unlike chain(), stops at the first liberty it meets."""
        self.stamp += 1
        stamp = self.stamp
        seen = self.seen
        cells = self.cells
        neighbours = self.neighbours
        colour = cells[start]
        stones = [start]
        seen[start] = stamp
        i = 0
        while i < len(stones):
            for n in neighbours[stones[i]]:
                here = cells[n]
                if here == EMPTY:
                    return None
                if here == colour and seen[n] != stamp:
                    seen[n] = stamp
                    stones.append(n)
            i += 1
        return stones

    def is_own_eye(self, pos, colour):
        cells = self.cells
        for n in self.neighbours[pos]:
            if cells[n] != colour:
                return False
        return True

    def play(self, pos):
        """Play pos for the side to move; False (and no change) if illegal."""
        cells = self.cells
        if pos == PASS:
            self.ko = PASS
            self.passes += 1
            self.to_move = 3 - self.to_move
            return True
        if cells[pos] != EMPTY or pos == self.ko:
            return False
        colour = self.to_move
        enemy = 3 - colour
        neighbours = self.neighbours
        cells[pos] = colour
        captured = []
        breathes = False
        for n in neighbours[pos]:
            here = cells[n]
            if here == EMPTY:
                breathes = True
            elif here == enemy:
                dead = self.chain_if_dead(n)
                if dead is not None:
                    for s in dead:
                        cells[s] = EMPTY
                    captured.extend(dead)
        if not breathes and not captured and self.chain_if_dead(pos) is not None:
            cells[pos] = EMPTY   # suicide
            return False
        self.ko = PASS
        if len(captured) == 1:
            stones, liberties = self.chain(pos)
            if len(stones) == 1 and liberties == 1:
                self.ko = captured[0]
        self.captured = captured
        self.passes = 0
        self.to_move = enemy
        return True

    def sensible_moves(self):
        colour = self.to_move
        return [p for p in range(len(self.cells))
                if self.cells[p] == EMPTY and p != self.ko and not self.is_own_eye(p, colour)]

    def random_game(self):
        limit = 3 * len(self.cells)
        cells = self.cells
        empties = [p for p in range(len(cells)) if cells[p] == EMPTY]
        for _ in range(limit):
            if self.passes >= 2:
                break
            colour = self.to_move
            candidates = empties[:]
            while candidates:
                i = random.randrange(len(candidates))
                pos = candidates[i]
                candidates[i] = candidates[-1]
                candidates.pop()
                if not self.is_own_eye(pos, colour) and self.play(pos):
                    empties.remove(pos)
                    empties.extend(self.captured)
                    break
            else:
                self.play(PASS)

    def score(self):
        """Area score for black minus white, komi included."""
        cells = self.cells
        black = white = 0
        for pos, here in enumerate(cells):
            if here == BLACK:
                black += 1
            elif here == WHITE:
                white += 1
            else:
                around = [cells[n] for n in self.neighbours[pos]]
                if all(c == BLACK for c in around):
                    black += 1
                elif all(c == WHITE for c in around):
                    white += 1
        return black - white - KOMI

    def __str__(self):
        marks = ".XO"
        rows = []
        for r in range(self.size):
            rows.append(" ".join(marks[c] for c in self.cells[r * self.size:(r + 1) * self.size]))
        return "\n".join(rows)


class Node:
    """A position in the search tree, reached by `move` of `player`."""

    __slots__ = ("move", "parent", "player", "children", "untried", "wins", "visits")

    def __init__(self, move, parent, board):
        self.move = move
        self.parent = parent
        self.player = 3 - board.to_move
        self.children = []
        self.untried = board.sensible_moves()
        self.wins = 0
        self.visits = 0

    def best_child_to_explore(self):
        log_visits = math.log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.wins / child.visits + EXPLORATION * math.sqrt(log_visits / child.visits)
            if value > best_value:
                best_value = value
                best = child
        return best

    def expand(self, board):
        """Try untried moves at random until one is legal; the new child or None."""
        while self.untried:
            i = random.randrange(len(self.untried))
            move = self.untried[i]
            self.untried[i] = self.untried[-1]
            self.untried.pop()
            if board.play(move):
                child = Node(move, self, board)
                self.children.append(child)
                return child
        return None

    def record(self, winner):
        node = self
        while node is not None:
            node.visits += 1
            if node.player == winner:
                node.wins += 1
            node = node.parent


def search(board, playouts):
    root = Node(PASS, None, board)
    for _ in range(playouts):
        position = board.copy()
        node = root
        while not node.untried and node.children:
            node = node.best_child_to_explore()
            position.play(node.move)
        child = node.expand(position)
        if child is not None:
            node = child
        position.random_game()
        node.record(BLACK if position.score() > 0 else WHITE)
    best = None
    for child in root.children:
        if best is None or child.visits > best.visits:
            best = child
    if best is None:
        return PASS, 0.0
    return best.move, best.wins / best.visits


def main():
    playouts = int(sys.argv[1]) if len(sys.argv) > 1 else 220
    random.seed(2011)
    board = Board()
    moves = []
    for _ in range(GAME_MOVES):
        move, rate = search(board, playouts)
        board.play(move)
        moves.append("%s(%.3f)" % (move_name(move), rate))
    print("go %dx%d, %d playouts a move:" % (SIZE, SIZE, playouts), " ".join(moves))
    print(board)


main()
