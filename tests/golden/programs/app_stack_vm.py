# Tiny stack machine: a two-pass assembler with labels, comments and constant
# checking, a dispatch-table interpreter with call/ret frames, a disassembler
# listing, step limits and runtime errors reported with the faulting pc.
from collections import namedtuple, Counter

Instr = namedtuple("Instr", "op arg line")


class AsmError(Exception):
    pass


class VMError(Exception):
    def __init__(self, msg, pc):
        super().__init__(f"pc={pc}: {msg}")
        self.pc = pc


ARITY = {"push": 1, "pop": 0, "dup": 0, "swap": 0, "over": 0, "add": 0, "sub": 0, "mul": 0,
         "div": 0, "mod": 0, "eq": 0, "lt": 0, "jmp": 1, "jz": 1, "jnz": 1, "call": 1,
         "ret": 0, "load": 1, "store": 1, "print": 0, "halt": 0}
JUMPS = {"jmp", "jz", "jnz", "call"}


def assemble(source):
    labels, pending = {}, []
    for lineno, raw in enumerate(source.splitlines(), 1):
        line = raw.split(";", 1)[0].strip()
        if not line:
            continue
        while ":" in line:
            label, _, line = line.partition(":")
            label, line = label.strip(), line.strip()
            if not label.isidentifier():
                raise AsmError(f"line {lineno}: bad label {label!r}")
            if label in labels:
                raise AsmError(f"line {lineno}: duplicate label {label!r}")
            labels[label] = len(pending)
        if not line:
            continue
        op, *args = line.split()
        op = op.lower()
        if op not in ARITY:
            raise AsmError(f"line {lineno}: unknown op {op!r}")
        if len(args) != ARITY[op]:
            raise AsmError(f"line {lineno}: {op} takes {ARITY[op]} operand(s), got {len(args)}")
        pending.append((op, args[0] if args else None, lineno))
    code = []
    for op, arg, lineno in pending:
        if op in JUMPS:
            if arg not in labels:
                raise AsmError(f"line {lineno}: undefined label {arg!r}")
            arg = labels[arg]
        elif op == "push":
            try:
                arg = int(arg, 0)
            except ValueError:
                raise AsmError(f"line {lineno}: bad constant {arg!r}") from None
        code.append(Instr(op, arg, lineno))
    return code, labels


class Machine:
    def __init__(self, code, max_steps=10_000):
        self.code = code
        self.stack, self.frames, self.mem = [], [], {}
        self.pc = 0
        self.out = []
        self.max_steps = max_steps
        self.profile = Counter()
        binary = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
                  "eq": lambda a, b: int(a == b), "lt": lambda a, b: int(a < b)}
        self.ops = {name: self._binary(fn) for name, fn in binary.items()}
        for name in ("push", "pop", "dup", "swap", "over", "div", "mod", "jmp", "jz", "jnz",
                     "call", "ret", "load", "store", "print", "halt"):
            self.ops[name] = getattr(self, "op_" + name)

    def _binary(self, fn):
        def op(arg):
            b, a = self.popv(), self.popv()
            self.stack.append(fn(a, b))
        return op

    def popv(self):
        if not self.stack:
            raise VMError("stack underflow", self.pc)
        return self.stack.pop()

    def op_push(self, arg): self.stack.append(arg)
    def op_pop(self, arg): self.popv()
    def op_dup(self, arg): v = self.popv(); self.stack += [v, v]
    def op_over(self, arg): b, a = self.popv(), self.popv(); self.stack += [a, b, a]

    def op_swap(self, arg):
        b, a = self.popv(), self.popv()
        self.stack += [b, a]

    def op_div(self, arg):
        b, a = self.popv(), self.popv()
        if b == 0:
            raise VMError("division by zero", self.pc)
        self.stack.append(a // b)

    def op_mod(self, arg):
        b, a = self.popv(), self.popv()
        if b == 0:
            raise VMError("modulo by zero", self.pc)
        self.stack.append(a % b)

    def op_jmp(self, arg): self.pc = arg - 1
    def op_jz(self, arg):
        if self.popv() == 0:
            self.pc = arg - 1

    def op_jnz(self, arg):
        if self.popv() != 0:
            self.pc = arg - 1

    def op_call(self, arg):
        if len(self.frames) >= 50:
            raise VMError("call stack overflow", self.pc)
        self.frames.append(self.pc)
        self.pc = arg - 1

    def op_ret(self, arg):
        if not self.frames:
            raise VMError("ret with empty call stack", self.pc)
        self.pc = self.frames.pop()

    def op_load(self, arg):
        if arg not in self.mem:
            raise VMError(f"unset variable {arg}", self.pc)
        self.stack.append(self.mem[arg])

    def op_store(self, arg): self.mem[arg] = self.popv()
    def op_print(self, arg): self.out.append(self.popv())
    def op_halt(self, arg): self.pc = len(self.code) - 1

    def run(self):
        steps = 0
        while self.pc < len(self.code):
            ins = self.code[self.pc]
            steps += 1
            if steps > self.max_steps:
                raise VMError(f"step limit {self.max_steps} exceeded", self.pc)
            self.profile[ins.op] += 1
            self.ops[ins.op](ins.arg)
            self.pc += 1
        return steps


PROGRAMS = {
    "factorials": """
        push 1
        store i
    loop:   load i          ; print i! for i in 1..10
        call fact
        print
        load i
        push 1
        add
        dup
        store i
        push 11
        lt
        jnz loop
        halt
    fact:   store n          ; (n -- n!)
        push 1
        store acc
    f_top:  load n
        jz f_done
        load acc
        load n
        mul
        store acc
        load n
        push -1
        add
        store n
        jmp f_top
    f_done: load acc
        ret
    """,
    "gcd": """
        push 1071
        push 462
    top: dup
        jz done
        swap
        over
        mod
        jmp top
    done: pop
        print
    """,
    "primes": """
        push 2
        store n
    next: load n
        push 2
        store d
    trial: load d
        dup
        mul
        load n
        swap
        lt
        jnz prime
        load n
        load d
        mod
        jz skip
        load d
        push 1
        add
        store d
        jmp trial
    prime: load n
        print
    skip: pop
        load n
        push 1
        add
        dup
        store n
        push 0x32
        lt
        jnz next
    """,
    "divzero": "push 1\npush 0\ndiv\nprint",
    "underflow": "push 1\nadd",
    "forever": "spin: jmp spin",
    "recurse": "f: call f",
    "badop": "push 1\nfrob",
    "badlabel": "jmp nowhere",
    "badconst": "push 12x",
    "dup label": "a: push 1\na: pop",
    "arity": "push",
}

for name, src in PROGRAMS.items():
    try:
        code, labels = assemble(src)
    except AsmError as e:
        print(f"{name:<10} assemble error: {e}")
        continue
    vm = Machine(code, max_steps=5000)
    try:
        steps = vm.run()
    except VMError as e:
        ins = code[e.pc]
        print(f"{name:<10} runtime error: {e} ({ins.op} from line {ins.line}); stack={vm.stack[-3:]}")
        continue
    print(f"{name:<10} {len(code):>3} instrs {steps:>5} steps -> {vm.out}")
    if name == "gcd":
        for i, ins in enumerate(code):
            where = [l for l, at in labels.items() if at == i]
            tag = (where[0] + ":") if where else ""
            print(f"    {i:02d} {tag:<6}{ins.op:<6}{'' if ins.arg is None else ins.arg}")
    if name == "factorials":
        print("    hot ops:", vm.profile.most_common(4), "mem:", sorted(vm.mem.items()))
