# Text adventure: rooms, items and locked doors as a state machine driven by a
# fixed command list; a command dispatcher with aliases, a generator of game
# events, and a score/summary at the end.
from enum import Enum


class Mode(Enum):
    PLAYING = "playing"
    WON = "won"
    DEAD = "dead"


class GameError(Exception):
    pass


ROOMS = {
    "hall": {"desc": "A dusty hall.", "exits": {"north": "library", "east": "kitchen"}, "items": ["lamp"]},
    "library": {"desc": "Shelves of rotting books.", "exits": {"south": "hall", "up": "attic"},
                "items": ["book"], "dark": True},
    "kitchen": {"desc": "Pots hang from hooks.", "exits": {"west": "hall", "down": "cellar"},
                "items": ["knife", "bread"]},
    "cellar": {"desc": "Cold and damp. A heavy chest sits here.", "exits": {"up": "kitchen"},
               "items": ["chest"], "locked": "key"},
    "attic": {"desc": "Wind whistles through the roof.", "exits": {"down": "library"}, "items": ["key"]},
}
FIXED = {"chest"}
ALIASES = {"n": "go north", "s": "go south", "e": "go east", "w": "go west",
           "u": "go up", "d": "go down", "i": "inventory", "l": "look", "get": "take"}


class Game:
    def __init__(self, rooms):
        self.rooms = {name: dict(info, items=list(info["items"]), exits=dict(info["exits"]))
                      for name, info in rooms.items()}
        self.here = "hall"
        self.inventory = []
        self.mode = Mode.PLAYING
        self.moves = 0
        self.visited = {"hall"}
        self.lamp_on = False

    def room(self):
        return self.rooms[self.here]

    def can_see(self):
        return not self.room().get("dark") or (self.lamp_on and "lamp" in self.inventory)

    # -- commands; each returns the text to show --
    def do_look(self):
        if not self.can_see():
            return "It is pitch dark."
        r = self.room()
        items = ", ".join(sorted(r["items"])) or "nothing"
        exits = " ".join(sorted(r["exits"]))
        return f"{self.here.upper()}: {r['desc']} You see: {items}. Exits: {exits}."

    def do_go(self, direction):
        exits = self.room()["exits"]
        if direction not in exits:
            raise GameError(f"You can't go {direction}.")
        target = exits[direction]
        need = self.rooms[target].get("locked")
        if need and need not in self.inventory:
            raise GameError(f"The way {direction} is locked.")
        if self.room().get("dark") and not self.can_see() and direction == "up":
            self.mode = Mode.DEAD
            return "You stumble in the dark and fall down the stairs."
        self.here = target
        first = target not in self.visited
        self.visited.add(target)
        return ("(new) " if first else "") + self.do_look()

    def do_take(self, item):
        if not self.can_see():
            raise GameError("You fumble around but find nothing.")
        items = self.room()["items"]
        if item not in items:
            raise GameError(f"There is no {item} here.")
        if item in FIXED:
            raise GameError(f"The {item} is far too heavy.")
        items.remove(item)
        self.inventory.append(item)
        return f"Taken: {item}."

    def do_drop(self, item):
        if item not in self.inventory:
            raise GameError(f"You don't have a {item}.")
        self.inventory.remove(item)
        self.room()["items"].append(item)
        return f"Dropped: {item}."

    def do_inventory(self):
        return "You carry: " + (", ".join(self.inventory) if self.inventory else "nothing") + "."

    def do_light(self, what="lamp"):
        if what != "lamp" or "lamp" not in self.inventory:
            raise GameError("You have nothing to light.")
        self.lamp_on = True
        return "The lamp flickers on."

    def do_open(self, what):
        if what != "chest" or "chest" not in self.room()["items"]:
            raise GameError(f"There is no {what} to open.")
        if "knife" not in self.inventory:
            raise GameError("The lid is rusted shut; you need something to pry it.")
        self.mode = Mode.WON
        return "You pry the chest open: gold!"

    def execute(self, line):
        line = line.strip().lower()
        words = line.split()
        if words and words[0] in ALIASES:
            words = ALIASES[words[0]].split() + words[1:]
        if not words:
            raise GameError("Say something.")
        verb, args = words[0], words[1:]
        handler = getattr(self, "do_" + verb, None)
        if handler is None:
            raise GameError(f"I don't know how to {verb!r}.")
        try:
            return handler(*args)
        except TypeError:
            raise GameError(f"{verb} needs {'no' if not args else 'different'} arguments.") from None


def play(game, commands):
    for cmd in commands:
        if game.mode is not Mode.PLAYING:
            yield ("skip", cmd, f"(game over: {game.mode.value})")
            continue
        game.moves += 1
        try:
            yield ("ok", cmd, game.execute(cmd))
        except GameError as e:
            yield ("err", cmd, str(e))


COMMANDS = ["look", "take lamp", "n", "take book", "light", "l", "take book", "u",
            "get key", "d", "s", "e", "i", "take knife", "take bread", "eat bread",
            "go", "d", "open chest", "drop bread", "open box", "look", "w", "xyzzy"]

game = Game(ROOMS)
kinds = {}
for kind, cmd, text in play(game, COMMANDS):
    kinds[kind] = kinds.get(kind, 0) + 1
    mark = {"ok": " ", "err": "!", "skip": "-"}[kind]
    print(f"{mark} {cmd:<12}| {text}")

print()
print("mode:", game.mode, game.mode.value)
print("moves:", game.moves, "visited:", sorted(game.visited))
print("inventory:", game.inventory, "results:", kinds)
score = 10 * len(game.visited) + 5 * len(game.inventory) + (50 if game.mode is Mode.WON else 0) - game.moves
print(f"score: {score}")

dead = Game(ROOMS)
for kind, cmd, text in play(dead, ["n", "u", "look"]):
    print(kind, cmd, "->", text)
print(dead.mode, ROOMS["hall"]["items"], dead.rooms is not ROOMS)
