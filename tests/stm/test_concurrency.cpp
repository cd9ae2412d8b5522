// Concurrent behaviour beyond the bank: retry() blocks until a read location
// changes; serial_after<K> makes progress and runs irrevocable transactions
// alone; a conflict names the conflicting address; memory freed by committed
// transactions is reclaimed only when no reader can see it.
#include "stm_configs.hpp"
#include "stress.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

using namespace gillab::stm;
using gillab::test::eventually;
using gillab::test::run_threads;
using gillab::test::sanitizer_slowdown;

TEMPLATE_TEST_CASE("retry() blocks until something read changes", "[stm][retry]", tl2, norec, etl) {
  reset_stats();
  TVar<std::int64_t> items(0);
  std::atomic<bool> consumed{false};
  std::thread consumer([&] {
    const auto got = atomically<TestType>([&](auto& tx) {
      const auto n = tx.load(items);
      if (n == 0) tx.retry();
      tx.store(items, n - 1);
      return n;
    });
    consumed.store(got == 1);
  });
  // The consumer must be waiting (it counted a retry) and not have finished.
  REQUIRE(eventually([] { return merged_stats().retries >= 1; }));
  CHECK_FALSE(consumed.load());
  atomically<TestType>([&](auto& tx) { tx.store(items, tx.load(items) + 1); });
  consumer.join();
  CHECK(consumed.load());
  CHECK(items.unsafe_load() == 0);
}

namespace {
// Sets the retry() poll interval for one test and restores the default.
struct retry_poll_guard {
  explicit retry_poll_guard(std::chrono::nanoseconds interval) { set_retry_poll_interval(interval); }
  ~retry_poll_guard() { set_retry_poll_interval(default_retry_poll_interval); }
  retry_poll_guard(const retry_poll_guard&) = delete;
  retry_poll_guard& operator=(const retry_poll_guard&) = delete;
};
}  // namespace

TEMPLATE_TEST_CASE("retry() is woken by the commit that changes what it read, not by polling", "[stm][retry]", tl2,
                   norec, etl) {
  // The poll is 60 s, so a waiter that completes within the (generous,
  // liveness-only) 20 s bound was woken by a commit. Before that, commits to
  // a location the waiter did not read must not complete it; under TL2 and
  // ETL (version-based re-check) they must not even re-run its body. NOrec
  // keeps no per-location versions and must not re-read the logged addresses
  // outside a transaction (they may be reclaimed), so it re-runs the body on
  // any commit (transaction.hpp) and is only checked to stay blocked.
  const retry_poll_guard poll(std::chrono::seconds(60));
  struct cells {
    TVar<std::int64_t> items{0};
    TVar<std::int64_t> unrelated{0};  // next to `items`: a different stripe
  } c;
  std::atomic<int> runs{0};
  std::atomic<bool> done{false};
  std::thread consumer([&] {
    atomically<TestType, immediate_retry>([&](auto& tx) {
      runs.fetch_add(1);
      const auto n = tx.load(c.items);
      if (n == 0) tx.retry();
      tx.store(c.items, n - 1);
    });
    done.store(true);
  });
  const bool waiting = eventually([] { return detail::retry_waiters.load() == 1; });
  const int unrelated_commits = 50;
  for (int i = 0; i < unrelated_commits; ++i)
    atomically<TestType>([&](auto& tx) { tx.store(c.unrelated, tx.load(c.unrelated) + 1); });
  // Give a wrongly woken waiter time to re-run and finish (a failure shows
  // up in microseconds; this sleep never makes a correct run fail).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const bool done_early = done.load();
  const int runs_after_unrelated = runs.load();
  atomically<TestType>([&](auto& tx) { tx.store(c.items, tx.load(c.items) + 1); });
  const bool woken = eventually([&] { return done.load(); }, std::chrono::seconds(20));
  consumer.join();  // if not woken, the 60 s poll ends the wait
  CHECK(waiting);
  CHECK_FALSE(done_early);
  if constexpr (!std::is_same_v<TestType, norec>) {
    CHECK(runs_after_unrelated == 1);
  } else {
    CHECK(runs_after_unrelated >= 1);
  }
  CHECK(woken);
  CHECK(c.items.unsafe_load() == 0);
}

TEMPLATE_TEST_CASE("retry() as a blocking queue: every item consumed once", "[stm][retry]", tl2, norec, etl) {
  TVar<std::int64_t> slots(0), consumed_total(0);
  const int items = 2000 / sanitizer_slowdown;
  run_threads(4, [&](int t) {
    if (t < 2) {  // producers
      for (int i = 0; i < items / 2; ++i) atomically<TestType>([&](auto& tx) { tx.store(slots, tx.load(slots) + 1); });
    } else {      // consumers
      for (int i = 0; i < items / 2; ++i) {
        atomically<TestType>([&](auto& tx) {
          const auto n = tx.load(slots);
          if (n == 0) tx.retry();
          tx.store(slots, n - 1);
          tx.store(consumed_total, tx.load(consumed_total) + 1);
        });
      }
    }
  });
  CHECK(slots.unsafe_load() == 0);
  CHECK(consumed_total.unsafe_load() == items / 2 * 2);
}

TEMPLATE_TEST_CASE("serial_after<K> guarantees progress for a long transaction under conflicts", "[stm][cm]", tl2,
                   norec, etl) {
  // One thread runs a long transaction that reads every word; two others
  // keep writing them. While revocable, the long body reads everything, waits
  // until writers committed a few times, and reads everything again, so its
  // revocable attempts all but surely abort. serial_after<K> bounds the
  // damage: after K consecutive aborts the next attempt runs irrevocably and
  // commits, so no call takes more than K + 1 attempts, and irrevocable
  // commits happen. If a call overruns (the bound is broken), the writers
  // stop so that the test ends and reports it instead of hanging.
  constexpr unsigned k = 2;
  constexpr int n = 256;
  constexpr int rounds = 20;
  auto words = std::make_unique<TVar<std::int64_t>[]>(n);
  std::atomic<bool> stop_writers{false};
  std::atomic<std::uint64_t> writer_commits{0};
  std::atomic<std::int64_t> bad_sums{0};
  std::atomic<unsigned> max_attempts{0};
  std::atomic<std::uint64_t> long_irrevocable_commits{0}, long_commits{0};
  run_threads(3, [&](int t) {
    if (t == 0) {
      const auto before = thread_stats();
      for (int round = 0; round < rounds; ++round) {
        unsigned attempts = 0;
        const auto sum = atomically<TestType, serial_after<k, immediate_retry>>([&](auto& tx) {
          if (++attempts > 4 * (k + 1)) stop_writers.store(true);  // overrun: let it finish
          auto read_all = [&] {
            std::int64_t s = 0;
            for (int i = 0; i < n; ++i) s += tx.load(words[i]);
            return s;
          };
          std::int64_t s = read_all();
          if (!tx.irrevocable()) {
            const auto seen = writer_commits.load();
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
            while (writer_commits.load() < seen + 4 && !stop_writers.load() &&
                   std::chrono::steady_clock::now() < deadline)
              std::this_thread::yield();
            s = read_all();
          }
          return s;
        });
        if (sum != 0) bad_sums.fetch_add(1);
        if (attempts > max_attempts.load()) max_attempts.store(attempts);
      }
      const auto after = thread_stats();
      long_commits.store(after.commits - before.commits);
      long_irrevocable_commits.store(after.irrevocable_commits - before.irrevocable_commits);
      stop_writers.store(true);
    } else {
      std::uint64_t r = static_cast<std::uint64_t>(t);
      while (!stop_writers.load()) {
        r = r * 6364136223846793005ULL + 1;
        const int a = static_cast<int>((r >> 33) % n), b = static_cast<int>((r >> 40) % n);
        atomically<TestType, immediate_retry>([&](auto& tx) {
          tx.store(words[a], tx.load(words[a]) + 1);
          tx.store(words[b], tx.load(words[b]) - 1);
        });
        writer_commits.fetch_add(1);
      }
    }
  });
  INFO("max attempts " << max_attempts.load() << ", irrevocable commits " << long_irrevocable_commits.load());
  CHECK(bad_sums.load() == 0);
  CHECK(long_commits.load() == static_cast<std::uint64_t>(rounds));
  CHECK(max_attempts.load() <= k + 1);           // the documented bound
  CHECK(long_irrevocable_commits.load() >= 1);   // the bound came from serial mode
}

TEMPLATE_TEST_CASE("an irrevocable transaction runs alone", "[stm][cm]", tl2, norec, etl) {
  TVar<std::int64_t> x(0);
  std::atomic<int> inside{0};
  std::atomic<int> overlap{0};
  const int rounds = 400 / sanitizer_slowdown;
  run_threads(4, [&](int t) {
    for (int i = 0; i < rounds; ++i) {
      atomically<TestType>([&](auto& tx) {
        if ((i + t) % 4 == 0) {
          tx.become_irrevocable();
          if (inside.fetch_add(1) != 0) overlap.fetch_add(1);
          tx.store(x, tx.load(x) + 1);
          std::this_thread::yield();
          inside.fetch_sub(1);
        } else {
          // A revocable transaction never runs while an irrevocable one does.
          if (inside.load() != 0) overlap.fetch_add(1);
          tx.store(x, tx.load(x) + 1);
        }
      });
    }
  });
  CHECK(overlap.load() == 0);
  CHECK(x.unsafe_load() == 4 * rounds);
}

TEMPLATE_TEST_CASE("an abort reports the conflicting address", "[stm][conflict]", tl2, norec, etl) {
  // Deterministic: the body reads `a`, then another thread commits a write to
  // `a` before the body reads `b`/commits; the abort must name &a's cell.
  TVar<std::int64_t> a(0), b(0);
  int runs = 0;
  atomically<TestType, immediate_retry>([&](auto& tx) {
    ++runs;
    const auto va = tx.load(a);
    if (runs == 1) {
      std::thread([&] { atomically<TestType>([&](auto& t2) { t2.store(a, 5); }); }).join();
    }
    tx.store(b, tx.load(b) + va + 1);
  });
  CHECK(runs == 2);
  CHECK(b.unsafe_load() == 6);
  const auto info = last_abort();
  CHECK(info.address == static_cast<const void*>(a.cell()));
  CHECK((info.cause == abort_cause::validation || info.cause == abort_cause::lock_held));
}

namespace {
struct counted {
  static inline std::atomic<int> live{0};
  std::int64_t payload[4]{};
  counted() { live.fetch_add(1); }
  ~counted() { live.fetch_sub(1); }
};

// What a reclaimed block holds: negative, so no valid payload (a count of
// updates, >= 0) can equal it.
constexpr std::int64_t poison = -0x5A5A5A5A5A5A5A5BLL;

// Reclaimed `counted` blocks are destroyed, overwritten with the poison and
// parked here instead of going back to malloc (which would reuse them and
// hide a late read behind fresh data), so a transaction that reads one after
// its reclamation reads the poison in a plain release build, not only under
// ASan. Freed for real at the end of the test.
struct quarantine {
  static inline std::mutex mutex;
  static inline std::vector<void*> blocks;  // guarded by mutex
  static void poison_and_park(void* p) noexcept {
    static_cast<counted*>(p)->~counted();
    // Atomic stores: a premature reclamation races with transactional reads,
    // and the test should report it, not be undefined behaviour.
    auto* words = static_cast<std::int64_t*>(p);
    for (std::size_t i = 0; i < sizeof(counted) / sizeof(std::int64_t); ++i)
      std::atomic_ref<std::int64_t>(words[i]).store(poison, std::memory_order_relaxed);
    const std::lock_guard guard(mutex);
    blocks.push_back(p);
  }
  static std::size_t release_all() {
    const std::lock_guard guard(mutex);
    const std::size_t n = blocks.size();
    for (void* p : blocks) ::operator delete(p);
    blocks.clear();
    return n;
  }
};
}  // namespace

TEMPLATE_TEST_CASE("memory freed by transactions is never reclaimed while a transaction can read it",
                   "[stm][alloc]", tl2, norec, etl) {
  // Writers replace the object behind a shared pointer and retire the old
  // one (tx.retire: tx.free's epoch path with the quarantine's deleter) and
  // call collect() after each commit, so reclamation runs all the time;
  // readers read through the pointer, yielding in between. Every attempt,
  // even one that later aborts, checks what it read: a block reclaimed while
  // a transaction could still see it shows the poison (TL2 and ETL validate
  // reads by version and would hand it over). NOrec validates every read by
  // value against the global sequence, so a late read of a reclaimed block
  // always aborts before the body sees it: there a premature reclamation is
  // visible only under ASan, through the test below.
  TVar<counted*> current(nullptr);
  atomically<TestType>([&](auto& tx) { tx.store(current, tx.template make<counted>()); });
  const int rounds = 4000 / sanitizer_slowdown;
  std::atomic<std::uint64_t> poisoned_reads{0}, mixed_reads{0};
  run_threads(4, [&](int t) {
    for (int i = 0; i < rounds; ++i) {
      if ((i + t) % 2 == 0) {
        atomically<TestType>([&](auto& tx) {
          counted* old = tx.load(current);
          const auto v = tx.load(&old->payload[3]);
          if (v == poison) poisoned_reads.fetch_add(1);
          counted* fresh = tx.template make<counted>();
          for (auto& w : fresh->payload) tx.store(&w, v + 1);
          tx.store(current, fresh);
          tx.retire(old, &quarantine::poison_and_park);
        });
        collect();
      } else {
        atomically<TestType>([&](auto& tx) {
          counted* c = tx.load(current);
          gillab::test::maybe_yield(2);
          const auto first = tx.load(&c->payload[0]);
          gillab::test::maybe_yield(4);
          const auto last = tx.load(&c->payload[3]);
          if (first == poison || last == poison) poisoned_reads.fetch_add(1);
          if (first != last) mixed_reads.fetch_add(1);
        });
      }
    }
  });
  collect();
  CHECK(poisoned_reads.load() == 0);
  CHECK(mixed_reads.load() == 0);
  CHECK(current.unsafe_load()->payload[0] == 2 * rounds);
  CHECK(counted::live.load() == 1);
  atomically<TestType>([&](auto& tx) {
    tx.retire(tx.load(current), &quarantine::poison_and_park);
    tx.store(current, static_cast<counted*>(nullptr));
  });
  collect();
  CHECK(counted::live.load() == 0);
  CHECK(quarantine::release_all() == static_cast<std::size_t>(2 * rounds + 1));
}

TEMPLATE_TEST_CASE("memory freed by transactions is reclaimed once unreachable", "[stm][alloc]", tl2, norec, etl) {
  // The same with tx.make/tx.destroy and the memory handed back to malloc:
  // under ASan a premature free is a use-after-free; at the end every object
  // but the last is reclaimed.
  TVar<counted*> current(nullptr);
  atomically<TestType>([&](auto& tx) { tx.store(current, tx.template make<counted>()); });
  const int rounds = 4000 / sanitizer_slowdown;
  std::atomic<std::uint64_t> bad{0};
  run_threads(4, [&](int t) {
    for (int i = 0; i < rounds; ++i) {
      if ((i + t) % 2 == 0) {
        atomically<TestType>([&](auto& tx) {
          counted* old = tx.load(current);
          counted* fresh = tx.template make<counted>();
          tx.store(&fresh->payload[0], tx.load(&old->payload[0]) + 1);
          tx.store(current, fresh);
          tx.destroy(old);
        });
      } else {
        const auto v = atomically<TestType>([&](auto& tx) { return tx.load(&tx.load(current)->payload[0]); });
        if (v < 0) bad.fetch_add(1);
      }
    }
  });
  collect();
  CHECK(bad.load() == 0);
  CHECK(current.unsafe_load()->payload[0] == 2 * rounds);
  CHECK(counted::live.load() == 1);
  atomically<TestType>([&](auto& tx) {
    tx.destroy(tx.load(current));
    tx.store(current, static_cast<counted*>(nullptr));
  });
  collect();
  CHECK(counted::live.load() == 0);
}

TEST_CASE("ETL extends its snapshot past an unrelated commit where TL2 aborts", "[stm][conflict]") {
  // The body reads `a`; another thread then commits to `b`; the body reads
  // `b`. b's new version is past the snapshot: TL2 must abort, ETL re-checks
  // its reads (a is unchanged), moves its snapshot forward and goes on.
  auto attempts_with = [](auto algorithm_tag) {
    using A = decltype(algorithm_tag);
    TVar<std::int64_t> a(1), b(2);
    int runs = 0;
    const auto sum = atomically<A, immediate_retry>([&](auto& tx) {
      ++runs;
      const auto va = tx.load(a);
      if (runs == 1) std::thread([&] { atomically<A>([&](auto& t2) { t2.store(b, 40); }); }).join();
      return va + tx.load(b);
    });
    CHECK(sum == 41);
    return runs;
  };
  CHECK(attempts_with(etl{}) == 1);
  CHECK(attempts_with(tl2{}) == 2);
}

namespace {
struct retired_counter {
  static inline std::atomic<int> freed{0};
  static void count(void* p) noexcept {
    freed.fetch_add(1);
    ::operator delete(p);
  }
};
}  // namespace

TEMPLATE_TEST_CASE("stm::retire() waits for running transactions; quiesce() hands a parked thread's blocks over",
                   "[stm][alloc]", tl2, norec, etl) {
  retired_counter::freed.store(0);
  collect();
  auto* block = static_cast<std::int64_t*>(::operator new(sizeof(std::int64_t)));
  *block = 42;
  TVar<std::int64_t*> shared(block);
  std::atomic<int> phase{0};
  std::atomic<std::int64_t> late_read{-1};
  // A reader holds `block` in a running transaction while the main thread
  // unlinks and retires it: the deleter must wait for the reader.
  std::thread reader([&] {
    atomically<TestType, immediate_retry>([&](auto& tx) {
      std::int64_t* p = tx.load(shared);
      phase.store(1);
      while (phase.load() < 2) std::this_thread::yield();
      late_read.store(p != nullptr ? *p : -2);  // still valid: not freed yet
    });
  });
  while (phase.load() < 1) std::this_thread::yield();
  atomically<TestType>([&](auto& tx) { tx.store(shared, static_cast<std::int64_t*>(nullptr)); });
  retire(block, &retired_counter::count);
  collect();
  const int freed_while_reading = retired_counter::freed.load();
  phase.store(2);
  reader.join();
  collect();
  CHECK(freed_while_reading == 0);
  CHECK(late_read.load() == 42);
  CHECK(retired_counter::freed.load() == 1);

  // A thread retires blocks while a transaction runs elsewhere, quiesces and
  // parks; once the transaction ends, another thread's collect() frees them
  // while the first one still sleeps. Without quiesce() they would wait in
  // the parked thread's own list.
  retired_counter::freed.store(0);
  constexpr int blocks = 5;  // below the per-thread reclamation threshold
  std::atomic<int> stage{0};
  std::thread long_reader([&] {
    atomically<TestType, immediate_retry>([&](auto& tx) {
      (void)tx.load(shared);
      stage.store(1);
      while (stage.load() < 3) std::this_thread::yield();
    });
  });
  while (stage.load() < 1) std::this_thread::yield();
  std::thread parker([&] {
    for (int i = 0; i < blocks; ++i) retire(::operator new(16), &retired_counter::count);
    quiesce();
    stage.store(2);
    while (stage.load() < 4) std::this_thread::sleep_for(std::chrono::milliseconds(1));  // "parked"
  });
  while (stage.load() < 2) std::this_thread::yield();
  collect();
  const int freed_before_reader_ended = retired_counter::freed.load();
  stage.store(3);
  long_reader.join();
  collect();  // the main thread frees the parked thread's blocks
  const int freed_while_parked = retired_counter::freed.load();
  stage.store(4);
  parker.join();
  CHECK(freed_before_reader_ended == 0);
  CHECK(freed_while_parked == blocks);
  CHECK_THROWS_AS(atomically<TestType>([&](auto&) { quiesce(); }), std::logic_error);
}

TEMPLATE_TEST_CASE("privatization_fence() waits for the transactions running when it was called", "[stm][alloc]",
                   tl2, norec, etl) {
  TVar<std::int64_t> x(0);
  std::atomic<int> stage{0};
  std::atomic<bool> fence_done{false};
  std::thread running([&] {
    atomically<TestType, immediate_retry>([&](auto& tx) {
      (void)tx.load(x);
      stage.store(1);
      while (stage.load() < 2) std::this_thread::yield();
    });
  });
  while (stage.load() < 1) std::this_thread::yield();
  std::thread fencer([&] {
    privatization_fence();
    fence_done.store(true);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const bool returned_early = fence_done.load();
  stage.store(2);
  running.join();
  fencer.join();
  CHECK_FALSE(returned_early);
  CHECK(fence_done.load());
  privatization_fence();  // nothing running: returns at once
  CHECK_THROWS_AS(atomically<TestType>([&](auto& tx) {
                    (void)tx.load(x);
                    privatization_fence();
                  }),
                  std::logic_error);
}
