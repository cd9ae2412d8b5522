// Concurrent behaviour beyond the bank: retry() blocks until a read location
// changes; serial_after<K> makes progress and runs irrevocable transactions
// alone; a conflict names the conflicting address; memory freed by committed
// transactions is reclaimed only when no reader can see it.
#include "stm_configs.hpp"
#include "stress.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <thread>

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
  // One thread runs a transaction that reads every word (slow); others keep
  // writing them. Without serial mode it may starve; with serial_after<2> it
  // commits, and ran irrevocably at most after 2 aborts.
  reset_stats();
  constexpr int n = 256;
  auto words = std::make_unique<TVar<std::int64_t>[]>(n);
  std::atomic<bool> done{false};
  std::atomic<std::int64_t> seen_sum{-1};
  run_threads(3, [&](int t) {
    if (t == 0) {
      for (int round = 0; round < 20; ++round) {
        seen_sum.store(atomically<TestType, serial_after<2, immediate_retry>>([&](auto& tx) {
          std::int64_t sum = 0;
          for (int i = 0; i < n; ++i) {
            sum += tx.load(words[i]);
            if (i % 32 == 0) std::this_thread::yield();
          }
          return sum;
        }));
      }
      done.store(true);
    } else {
      std::uint64_t k = static_cast<std::uint64_t>(t);
      while (!done.load()) {
        k = k * 6364136223846793005ULL + 1;
        const int a = static_cast<int>((k >> 33) % n), b = static_cast<int>((k >> 40) % n);
        atomically<TestType, immediate_retry>([&](auto& tx) {
          tx.store(words[a], tx.load(words[a]) + 1);
          tx.store(words[b], tx.load(words[b]) - 1);
        });
      }
    }
  });
  CHECK(seen_sum.load() == 0);
  CHECK(done.load());
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
}  // namespace

TEMPLATE_TEST_CASE("memory freed by transactions is reclaimed once unreachable", "[stm][alloc]", tl2, norec, etl) {
  // Threads replace the object behind a shared pointer and free the old one;
  // readers read through it. Under ASan a premature free is a use-after-free;
  // at the end every object but the last is reclaimed.
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
