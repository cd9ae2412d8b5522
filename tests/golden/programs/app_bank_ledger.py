# Bank ledger: accounts as classes, custom exception hierarchy, a transaction
# log with rollback on failure, interest in integer cents and a final report.
from collections import defaultdict
from contextlib import contextmanager


class BankError(Exception):
    """Base class of every ledger error."""


class InsufficientFunds(BankError):
    def __init__(self, account, wanted):
        super().__init__(f"{account.owner}: wanted {fmt(wanted)}, has {fmt(account.balance)}")
        self.account = account
        self.wanted = wanted


class FrozenAccount(BankError):
    pass


class UnknownAccount(BankError, KeyError):
    pass


def fmt(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}${cents // 100:,}.{cents % 100:02d}"


class Account:
    _next_number = 1000

    def __init__(self, owner, balance=0):
        Account._next_number += 1
        self.number = Account._next_number
        self.owner = owner
        self.balance = balance
        self.frozen = False

    def withdraw(self, cents):
        if self.frozen:
            raise FrozenAccount(f"account {self.number} is frozen")
        if cents > self.balance:
            raise InsufficientFunds(self, cents)
        self.balance -= cents

    def deposit(self, cents):
        if cents <= 0:
            raise ValueError(f"deposit must be positive, got {cents}")
        if self.frozen:
            raise FrozenAccount(f"account {self.number} is frozen")
        self.balance += cents

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {fmt(self.balance)})"


class Savings(Account):
    rate_bp = 150  # basis points per period

    def add_interest(self):
        interest = self.balance * self.rate_bp // 10000
        self.balance += interest
        return interest


class Checking(Account):
    overdraft = 5000

    def withdraw(self, cents):
        if self.frozen:
            raise FrozenAccount(f"account {self.number} is frozen")
        if cents > self.balance + self.overdraft:
            raise InsufficientFunds(self, cents)
        self.balance -= cents


class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []
        self.failures = defaultdict(int)

    def open(self, kind, owner, balance=0):
        acct = kind(owner, balance)
        self.accounts[acct.number] = acct
        self.log.append(("open", acct.number, balance))
        return acct

    def get(self, number):
        try:
            return self.accounts[number]
        except KeyError:
            raise UnknownAccount(number) from None

    @contextmanager
    def transaction(self, label):
        snapshot = {n: a.balance for n, a in self.accounts.items()}
        mark = len(self.log)
        try:
            yield
        except BankError as e:
            for n, bal in snapshot.items():
                self.accounts[n].balance = bal
            del self.log[mark:]
            self.failures[type(e).__name__] += 1
            print(f"  [{label}] rolled back: {type(e).__name__}: {e}")
        else:
            print(f"  [{label}] committed ({len(self.log) - mark} entries)")

    def transfer(self, src, dst, cents):
        a, b = self.get(src), self.get(dst)
        a.withdraw(cents)
        self.log.append(("withdraw", src, cents))
        b.deposit(cents)
        self.log.append(("deposit", dst, cents))


bank = Bank()
alice = bank.open(Savings, "alice", 120_000)
bob = bank.open(Checking, "bob", 3_000)
carol = bank.open(Checking, "carol", 55_555)
print(sorted(bank.accounts.values(), key=lambda a: a.number))

with bank.transaction("rent"):
    bank.transfer(bob.number, carol.number, 7_500)
with bank.transaction("too much"):
    bank.transfer(bob.number, alice.number, 1_000_000)
with bank.transaction("split"):
    bank.transfer(alice.number, bob.number, 10_000)
    bank.transfer(alice.number, carol.number, 10_000)
carol.frozen = True
with bank.transaction("frozen"):
    bank.transfer(alice.number, bob.number, 100)
    bank.transfer(bob.number, carol.number, 100)
carol.frozen = False
with bank.transaction("ghost"):
    bank.transfer(alice.number, 4242, 1)

try:
    with bank.transaction("bad deposit"):
        bob.deposit(-5)
except ValueError as e:
    print("  not a BankError, escaped:", e)

try:
    bank.get(9999)
except KeyError as e:
    print("UnknownAccount is a KeyError:", repr(e), isinstance(e, BankError))

for period in range(1, 4):
    got = alice.add_interest()
    print(f"period {period}: interest {fmt(got):>9} -> {fmt(alice.balance)}")

print()
print(f"{'#':<6}{'owner':<8}{'type':<10}{'balance':>14}")
for acct in sorted(bank.accounts.values(), key=lambda a: (-a.balance, a.owner)):
    print(f"{acct.number:<6}{acct.owner:<8}{type(acct).__name__:<10}{fmt(acct.balance):>14}")
total = sum(a.balance for a in bank.accounts.values())
print(f"{'total':<24}{fmt(total):>14}")
kinds = defaultdict(list)
for entry in bank.log:
    kinds[entry[0]].append(entry[2])
for kind in sorted(kinds):
    print(f"{kind:>9}: n={len(kinds[kind])} sum={fmt(sum(kinds[kind]))}")
print("failures:", dict(sorted(bank.failures.items())))
