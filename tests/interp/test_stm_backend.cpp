// The stm back-end on its own, without the interpreter (backends/stm.hpp),
// where phase 2b's transactions meet: the lock words (stm_detail::write_bit)
// and the count logs.
// Lock words: the protocol's outcomes for each pair of holders, including
// the write word whose slot number shares bits with another slot's read
// bit; and strict two-phase locking through the back-end's own entry
// points (lock_for_read, lock_for_write, end_locks, the on_conflict hook)
// at 8 threads: transfers between accounts guarded by nothing but the lock
// words lose no update, and readers holding every account's read lock
// always see the exact total (clean under tsan: the words order the plain
// balances).
// Count logs: 8 threads count shared old objects in transactions that
// commit or abort at random, one thread without a slot (its entries all in
// the side map) and others meeting tally words another slot claimed; every
// committed change arrives and no aborted one does. And the addition that
// brings a count to 0 lists the object for freeing, although the
// transaction that makes it saw a count above 0.
#include <gillab/interp/backends/stm.hpp>

#include <catch2/catch.hpp>

#include "stress.hpp"

#include <atomic>
#include <cstdint>
#include <random>
#include <thread>
#include <array>
#include <vector>

using gillab::interp::backends::stm;
namespace detail = gillab::interp::backends::stm_detail;
using detail::lock_outcome;

TEST_CASE("stm lock words: readers share, a writer excludes", "[stm][locks]") {
  std::uint32_t word = 0;
  CHECK(detail::lock_for_read(word, 1) == lock_outcome::taken);
  CHECK(detail::lock_for_read(word, 1) == lock_outcome::held);
  CHECK(detail::lock_for_read(word, 2) == lock_outcome::taken);
  CHECK(detail::lock_for_write(word, 1) == lock_outcome::conflict);  // 2 reads it too
  CHECK(detail::lock_for_write(word, 2) == lock_outcome::conflict);
  detail::unlock(word, 2);
  CHECK(detail::word(word).load() == detail::read_bit_of(1));
  CHECK(detail::lock_for_write(word, 1) == lock_outcome::upgraded);  // its only reader
  CHECK(detail::lock_for_write(word, 1) == lock_outcome::held);
  CHECK(detail::lock_for_read(word, 1) == lock_outcome::held);
  CHECK(detail::lock_for_read(word, 2) == lock_outcome::conflict);
  CHECK(detail::lock_for_write(word, 2) == lock_outcome::conflict);
  detail::unlock(word, 1);
  CHECK(detail::word(word).load() == 0);
}

TEST_CASE("stm lock words: a writer waiting beside readers turns new readers away", "[stm][locks]") {
  // Concurrent mode's irrevocable writer marks a read-locked word with
  // intent_bit; readers holding it keep it, new ones conflict, and the
  // releases keep the mark until the writer takes the word.
  std::uint32_t word = 0;
  CHECK(detail::lock_for_read(word, 1) == lock_outcome::taken);
  detail::word(word).fetch_or(detail::intent_bit);
  CHECK(detail::lock_for_read(word, 1) == lock_outcome::held);
  CHECK(detail::holds(detail::word(word).load(), detail::write_word_of(1), detail::read_bit_of(1)));
  CHECK(detail::lock_for_read(word, 2) == lock_outcome::conflict);
  CHECK(detail::lock_for_write(word, 2) == lock_outcome::conflict);
  CHECK(detail::lock_for_write(word, 1) == lock_outcome::conflict);  // no upgrade past the waiting writer
  detail::unlock(word, 1);
  CHECK(detail::word(word).load() == detail::intent_bit);
  CHECK(detail::lock_for_read(word, 3) == lock_outcome::conflict);
}

TEST_CASE("stm lock words: a write word is never taken for a reader's mask", "[stm][locks]") {
  // Slot 3's write word has bits 0 and 1 set: slots 1 and 2's read bits.
  std::uint32_t word = 0;
  CHECK(detail::lock_for_write(word, 3) == lock_outcome::taken);
  CHECK_FALSE(detail::holds(detail::word(word).load(), detail::write_word_of(1), detail::read_bit_of(1)));
  CHECK_FALSE(detail::holds(detail::word(word).load(), detail::write_word_of(2), detail::read_bit_of(2)));
  CHECK(detail::holds(detail::word(word).load(), detail::write_word_of(3), detail::read_bit_of(3)));
  CHECK(detail::lock_for_read(word, 1) == lock_outcome::conflict);
  CHECK(detail::lock_for_read(word, 2) == lock_outcome::conflict);
  detail::unlock(word, 3);
  // The highest slot's read bit, next to another reader.
  CHECK(detail::lock_for_read(word, detail::max_slots) == lock_outcome::taken);
  CHECK(detail::lock_for_read(word, 1) == lock_outcome::taken);
  CHECK(detail::word(word).load() == (detail::read_bit_of(detail::max_slots) | detail::read_bit_of(1)));
  CHECK((detail::word(word).load() & detail::write_bit) == 0);
  CHECK(detail::lock_for_write(word, detail::max_slots) == lock_outcome::conflict);
  detail::unlock(word, 1);
  detail::unlock(word, detail::max_slots);
  CHECK(detail::word(word).load() == 0);
}

namespace {

struct conflict_thrown {};
bool throw_on_conflict(const void*, bool) { throw conflict_thrown{}; }

struct account {
  stm::object_header header{};  // born 0: an old object, so it is locked
  long balance = 0;             // plain: the lock words are its only guard
};

}  // namespace

TEST_CASE("stm lock words: two-phase locking through the back-end loses no update", "[stm][locks]") {
  constexpr int n_accounts = 6;
  constexpr long initial = 1000;
  const int transfers = 20000 / gillab::test::sanitizer_slowdown;
  const int writers = 6, readers = 2;
  const int reads_each = transfers / 20;
  std::vector<account> accounts(n_accounts);
  for (account& a : accounts) a.balance = initial;
  detail::on_conflict = throw_on_conflict;
  std::atomic<long> conflicts{0}, torn_reads{0}, reads{0};
  std::atomic<int> slotless{0}, locks_left{0};  // (Catch2's assertions are not for other threads)

  gillab::test::run_threads(writers + readers, [&](int index) {
    stm::thread_state ts;
    detail::current = &ts.logs;
    stm::take_slot();
    if (detail::my_read_bit == 0) ++slotless;  // 8 threads: every one should have a slot
    ts.logs.active = true;
    std::minstd_rand rng(static_cast<unsigned>(index) * 7919u + 1u);
    // One transaction: runs `body` until it commits without a conflict,
    // releasing every lock after each attempt.
    auto transaction = [&](auto body) {
      for (;;) {
        try {
          body();
          stm::end_locks(ts.logs);
          return;
        } catch (const conflict_thrown&) {
          stm::end_locks(ts.logs);  // an abort releases them too
          conflicts.fetch_add(1, std::memory_order_relaxed);
          // Randomised back-off: two writers that read one account and
          // both try to upgrade abort each other until one waits longer.
          for (auto n = rng() % 4; n-- > 0;) std::this_thread::yield();
        }
      }
    };
    if (index < writers) {
      for (int i = 0; i < transfers; ++i) {
        const auto from = static_cast<std::size_t>(rng() % n_accounts);
        const auto to = static_cast<std::size_t>(rng() % n_accounts);
        const long amount = static_cast<long>(rng() % 50);
        transaction([&] {
          // Read first, then write (an upgrade), as the VM reads a
          // container before it writes it.
          stm::lock_for_read(ts, accounts[from].header);
          const long available = accounts[from].balance;
          gillab::test::maybe_yield(16);
          if (available < amount) return;
          stm::lock_for_write(accounts[from].header);
          stm::lock_for_write(accounts[to].header);
          accounts[from].balance -= amount;
          gillab::test::maybe_yield(16);
          accounts[to].balance += amount;
        });
      }
    } else {
      // A bounded number of reads, spaced out: readers holding every
      // account's read lock back to back would starve the writers, whose
      // upgrades need them gone (no-wait locking has no fairness; the VM's
      // answer is the irrevocable mode after repeated aborts).
      for (int r = 0; r < reads_each; ++r) {
        for (auto n = rng() % 8; n-- > 0;) std::this_thread::yield();
        transaction([&] {
          long sum = 0;
          for (account& a : accounts) {
            stm::lock_for_read(ts, a.header);
            sum += a.balance;
            gillab::test::maybe_yield(32);
          }
          reads.fetch_add(1, std::memory_order_relaxed);
          if (sum != initial * n_accounts) torn_reads.fetch_add(1, std::memory_order_relaxed);
        });
      }
    }
    if (!ts.logs.locked.empty()) ++locks_left;
    ts.logs.active = false;
    stm::give_slot_back();
    detail::current = nullptr;
  });
  detail::on_conflict = nullptr;

  INFO("conflicts: " << conflicts.load() << ", reads: " << reads.load());
  long total = 0;
  for (const account& a : accounts) {
    total += a.balance;
    CHECK(detail::word(a.header.lock).load() == 0);  // every lock released
  }
  CHECK(slotless.load() == 0);
  CHECK(locks_left.load() == 0);
  CHECK(total == initial * n_accounts);
  CHECK(torn_reads.load() == 0);
  CHECK(reads.load() > 0);
}

namespace {

/// A transaction's begin and end as the runtime does them (transaction.cpp):
/// the logs active, then the counts applied or dropped.
struct counting_thread {
  stm::thread_state ts;
  explicit counting_thread(bool with_slot) {
    detail::current = &ts.logs;
    if (with_slot) stm::take_slot();
  }
  ~counting_thread() {
    stm::give_slot_back();
    detail::current = nullptr;
  }
  void begin() { ts.logs.active = true; }
  /// Returns how many entries were found through the side map.
  std::size_t end(bool commit) {
    ts.logs.active = false;
    return stm::end_counts(ts.logs, commit);
  }
};

}  // namespace

TEST_CASE("stm counts: commits add every transaction's changes, aborts drop them", "[stm][counts]") {
  constexpr int n_objects = 4;
  constexpr std::uint32_t initial = 1000000;
  const int transactions = 4000 / gillab::test::sanitizer_slowdown;
  const int threads = 8;
  std::vector<account> objects(n_objects);  // (their headers: old objects)
  for (account& o : objects) detail::word(o.header.refcount).store(initial);
  std::array<std::atomic<long>, n_objects> committed{};
  std::atomic<std::size_t> untagged{0}, untagged_by_slotless{0};
  std::atomic<int> seen_zero{0}, listed{0};  // (Catch2's assertions are not for other threads)

  gillab::test::run_threads(threads, [&](int index) {
    const bool with_slot = index != 0;  // thread 0 has none: the side map serves it
    counting_thread t(with_slot);
    std::minstd_rand rng(static_cast<unsigned>(index) * 104729u + 3u);
    std::array<long, n_objects> mine{};
    for (int i = 0; i < transactions; ++i) {
      std::array<long, n_objects> delta{};
      t.begin();
      const int changes = 1 + static_cast<int>(rng() % 12);
      for (int c = 0; c < changes; ++c) {
        const auto k = static_cast<std::size_t>(rng() % n_objects);
        if (rng() % 2 != 0 || delta[k] <= -20) {
          stm::incref(objects[k].header);
          ++delta[k];
        } else {
          // Far above 0 in this transaction's view: the count never reaches
          // 0 here (reached_zero needs the runtime).
          if (stm::decref(objects[k].header)) ++seen_zero;
          --delta[k];
        }
        gillab::test::maybe_yield(8);
      }
      const bool commit = rng() % 4 != 0;
      const std::size_t side = t.end(commit);
      untagged += side;
      if (!with_slot) untagged_by_slotless += side;
      if (!t.ts.logs.dying.empty()) ++listed;
      if (commit) {
        for (int k = 0; k < n_objects; ++k) mine[static_cast<std::size_t>(k)] += delta[static_cast<std::size_t>(k)];
      }
    }
    for (int k = 0; k < n_objects; ++k) committed[static_cast<std::size_t>(k)] += mine[static_cast<std::size_t>(k)];
  });

  INFO("entries in side maps: " << untagged.load());
  for (int k = 0; k < n_objects; ++k) {
    const auto& o = objects[static_cast<std::size_t>(k)];
    CHECK(static_cast<long>(detail::word(o.header.refcount).load()) - static_cast<long>(initial) == committed[static_cast<std::size_t>(k)].load());
    CHECK(detail::word(o.header.tally).load() == 0);  // every claimed tally word given back
  }
  CHECK(untagged_by_slotless.load() > 0);
  CHECK(seen_zero.load() == 0);
  CHECK(listed.load() == 0);
}

TEST_CASE("stm counts: the addition that brings a count to 0 lists the object", "[stm][counts]") {
  // Two references to one old object, each dropped by one of two
  // transactions that run at once: each sees the count go from 2 to 1, and
  // the second commit's addition reaches 0.
  account object;
  detail::word(object.header.refcount).store(2);
  std::atomic<int> step{0};
  auto wait_for = [&](int s) {
    while (step.load() < s) std::this_thread::yield();
  };
  std::vector<void*> listed_first, listed_second;
  std::size_t second_untagged = 0;
  bool first_saw_zero = true, second_saw_zero = true, first_claimed = false;
  gillab::test::run_threads(2, [&](int index) {
    counting_thread t(true);
    if (index == 0) {
      t.begin();
      first_saw_zero = stm::decref(object.header);  // 2 -> 1, in its entry
      first_claimed = detail::word(object.header.tally).load() != 0;
      step = 1;
      wait_for(2);
      t.end(true);
      listed_first = t.ts.logs.dying;
      step = 3;
    } else {
      wait_for(1);
      t.begin();
      second_saw_zero = stm::decref(object.header);  // also 2 -> 1: the other's change is not applied yet
      step = 2;
      wait_for(3);
      second_untagged = t.end(true);
      listed_second = t.ts.logs.dying;
    }
  });
  CHECK_FALSE(first_saw_zero);
  CHECK_FALSE(second_saw_zero);
  CHECK(first_claimed);  // the tally word went to the first
  CHECK(second_untagged == 1);  // the tally word was the first's: the side map
  CHECK(listed_first.empty());
  REQUIRE(listed_second.size() == 1);
  CHECK(listed_second[0] == &object.header);
  CHECK(detail::word(object.header.refcount).load() == 0);
  CHECK(detail::word(object.header.tally).load() == 0);
}
