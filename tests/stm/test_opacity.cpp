// The opacity checker: histories of 100 000 transactions per algorithm
// (aborted attempts included) show no inconsistent snapshot; the checker
// flags a hand-made inconsistent history and catches a planted bug (TL2
// without its per-read version check).
#include "stm_configs.hpp"
#include "stress.hpp"

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/stm/opacity_checker.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <random>
#include <string>
#include <thread>

using namespace gillab::stm;
using gillab::test::run_threads;
using gillab::test::sanitizer_slowdown;

namespace {

constexpr std::uint32_t variables = 16;

// Variations of the checked workload.
struct workload {
  int threads = 4;
  int transactions_per_thread = 1000;
  // 1 in n transactions becomes irrevocable, half of them at once and half
  // after their first reads (0: never).
  unsigned irrevocable_one_in = 0;
  // Updates read a variable again after writing it (the value must be their
  // own) and keep reading other variables after their first writes.
  bool reads_after_writes = false;
};

struct checked_run {
  opacity::report report;
  std::uint64_t own_write_mismatches = 0;  // a read after the attempt's own write saw something else
};

// The checker's workload convention (opacity_checker.hpp): variable 0 is the
// generation; updates write their generation number; reads are recorded
// before any write to the same variable.
template <class Algorithm, class CM>
checked_run run_workload(const workload& w) {
  auto vars = std::make_unique<TVar<word>[]>(variables);
  std::vector<opacity::recorder> recorders(static_cast<std::size_t>(w.threads));
  std::atomic<std::uint64_t> mismatches{0};
  run_threads(w.threads, [&](int t) {
    auto& rec = recorders[static_cast<std::size_t>(t)];
    std::minstd_rand rng(static_cast<unsigned>(t) * 104729U + 3);
    auto pause = [&rng] {
      for (unsigned i = rng() % 16; i > 0; --i) gillab::locks::cpu_relax();
      if (rng() % 32 == 0) std::this_thread::yield();
    };
    for (int i = 0; i < w.transactions_per_thread; ++i) {
      const bool update = rng() % 2 == 0;
      const unsigned irrevocable = w.irrevocable_one_in != 0 && rng() % w.irrevocable_one_in == 0
                                       ? 1 + static_cast<unsigned>(rng() % 2)  // 1: at once, 2: after reads
                                       : 0;
      std::uint32_t picks[6];
      for (auto& p : picks) p = 1 + static_cast<std::uint32_t>(rng() % (variables - 1));
      atomically<Algorithm, CM>([&](auto& tx) {
        rec.begin_attempt();
        if (irrevocable == 1) tx.become_irrevocable();
        if (update) {
          const word g = tx.load(vars[0]);
          rec.read(0, g);
          const word n = g + 1;
          for (int k = 0; k < 3; ++k) {  // no writes yet: every read is recorded
            rec.read(picks[k], tx.load(vars[picks[k]]));
            pause();
          }
          if (irrevocable == 2) tx.become_irrevocable();
          tx.store(vars[0], n);
          rec.write(0, n);
          std::uint32_t written[3] = {0, 0, 0};
          for (int k = 0; k < 2; ++k) {
            tx.store(vars[picks[k]], n);
            rec.write(picks[k], n);
            written[k + 1] = picks[k];
            if (w.reads_after_writes) {
              if (tx.load(vars[picks[k]]) != n || tx.load(vars[0]) != n) mismatches.fetch_add(1);
              // A variable not written yet by this attempt: recorded (it
              // must still fit the snapshot of the earlier reads).
              const std::uint32_t other = picks[k + 3];
              if (other != written[0] && other != written[1] && other != written[2])
                rec.read(other, tx.load(vars[other]));
              pause();
            }
          }
        } else {
          for (auto p : picks) {
            rec.read(p, tx.load(vars[p]));
            pause();
            if (irrevocable == 2 && p == picks[1]) tx.become_irrevocable();
          }
        }
      });
      rec.committed();
    }
  });
  std::vector<const opacity::recorder*> histories;
  for (const auto& r : recorders) histories.push_back(&r);
  return checked_run{opacity::check(histories, variables), mismatches.load()};
}

template <class Algorithm, class CM>
opacity::report run_checked(int threads, int transactions_per_thread) {
  return run_workload<Algorithm, CM>(workload{threads, transactions_per_thread}).report;
}

std::string describe(const opacity::report& r) {
  std::string s = "attempts " + std::to_string(r.attempts) + ", committed " + std::to_string(r.committed) +
                  ", violations " + std::to_string(r.violations);
  for (std::size_t k = 0; k < opacity::violation_kind_count; ++k)
    s += std::string(", ") + opacity::to_string(static_cast<opacity::violation_kind>(k)) + " " +
         std::to_string(r.by_kind[k]);
  s += "; first: " + (r.examples.empty() ? std::string("none") : r.examples.front());
  return s;
}

}  // namespace

TEST_CASE("the opacity checker flags an inconsistent snapshot and accepts a consistent one", "[stm][opacity]") {
  // Generation 1 writes x=1,y=1 (and g). A reader that saw x=0 then y=1 saw a
  // mixed snapshot, even if it aborted afterwards.
  opacity::recorder writer, good_reader, bad_reader;
  writer.begin_attempt();
  writer.read(0, 0);
  writer.read(1, 0);
  writer.read(2, 0);
  writer.write(0, 1);
  writer.write(1, 1);
  writer.write(2, 1);
  writer.committed();
  good_reader.begin_attempt();
  good_reader.read(1, 1);
  good_reader.read(2, 1);
  good_reader.committed();
  good_reader.begin_attempt();
  good_reader.read(1, 0);
  good_reader.read(2, 0);  // aborted but consistent (generation 0)
  const auto ok = opacity::check({&writer, &good_reader}, 3);
  CHECK(ok.violations == 0);
  CHECK(ok.committed == 2);
  CHECK(ok.aborted == 1);

  bad_reader.begin_attempt();
  bad_reader.read(1, 0);
  bad_reader.read(2, 1);  // aborted, yet observed x from generation 0 and y from 1
  const auto bad = opacity::check({&writer, &bad_reader}, 3);
  CHECK(bad.violations == 1);
  REQUIRE(bad.examples.size() == 1);
  CHECK(bad.examples[0].find("aborted") != std::string::npos);

  opacity::recorder garbage;
  garbage.begin_attempt();
  garbage.read(1, 77);  // a value nobody committed
  CHECK(opacity::check({&writer, &garbage}, 3).violations == 1);

  opacity::recorder lost;  // a second writer of generation 1: a lost update
  lost.begin_attempt();
  lost.read(0, 0);
  lost.write(0, 1);
  lost.committed();
  CHECK(opacity::check({&writer, &lost}, 3).violations >= 1);
}

TEMPLATE_TEST_CASE("no transaction observes an inconsistent snapshot (100 000 transactions)", "[stm][opacity]",
                   tl2, norec, etl) {
  const int threads = 4;
  const int total = 100000 / sanitizer_slowdown;
  const auto r = run_checked<TestType, exponential_backoff>(threads, total / threads);
  INFO("first violations: " << (r.examples.empty() ? std::string("none") : r.examples.front()));
  CHECK(r.committed == static_cast<std::size_t>(total));
  CHECK(r.violations == 0);
  CHECK(r.aborted > 0);  // the check covered doomed attempts too
}

TEST_CASE("the opacity checker catches TL2 without read validation (planted bug)", "[stm][opacity]") {
  // basic_tl2<false> skips the per-read `version <= rv` check: a transaction
  // can read one variable before a commit and another after it, a snapshot
  // that never existed. Its writers still validate at commit, so every
  // violation must be of that kind (no stale commit, no lost update). The
  // correct TL2 runs in the same harness with the same parameters (threads,
  // transactions, contention manager, number of rounds) and must show none.
  const int threads = 4, per_thread = 20000 / sanitizer_slowdown, max_rounds = 20;
  opacity::report buggy;
  int rounds = 0;
  while (rounds < max_rounds && buggy.violations == 0) {
    buggy = run_checked<basic_tl2<false>, immediate_retry>(threads, per_thread);
    ++rounds;
  }
  INFO("planted bug after " << rounds << " rounds: " << describe(buggy));
  CHECK(buggy.violations > 0);
  CHECK(buggy.of(opacity::violation_kind::inconsistent_snapshot) > 0);
  CHECK(buggy.of(opacity::violation_kind::inconsistent_snapshot) == buggy.violations);
  REQUIRE_FALSE(buggy.examples.empty());
  CHECK(buggy.examples.front().find("inconsistent with earlier reads") != std::string::npos);

  std::size_t correct_violations = 0;
  std::string correct_first;
  for (int round = 0; round < rounds; ++round) {
    const auto r = run_checked<tl2, immediate_retry>(threads, per_thread);
    correct_violations += r.violations;
    if (correct_first.empty() && r.violations != 0) correct_first = describe(r);
  }
  INFO("correct TL2 over " << rounds << " rounds: " << correct_first);
  CHECK(correct_violations == 0);
}

TEMPLATE_TEST_CASE("opacity with irrevocable transactions mixed in", "[stm][opacity]", tl2, norec, etl) {
  reset_stats();
  workload w;
  w.transactions_per_thread = 20000 / sanitizer_slowdown / w.threads;
  w.irrevocable_one_in = 8;
  const auto r = run_workload<TestType, exponential_backoff>(w);
  INFO(describe(r.report));
  CHECK(r.report.violations == 0);
  CHECK(r.report.committed == static_cast<std::size_t>(w.threads * w.transactions_per_thread));
  CHECK(merged_stats().irrevocable_commits > 0);
}

TEMPLATE_TEST_CASE("opacity under the abort-every-Nth stress switch", "[stm][opacity][stress]", tl2, norec, etl) {
  reset_stats();
  workload w;
  w.transactions_per_thread = 20000 / sanitizer_slowdown / w.threads;
  w.reads_after_writes = true;
  set_abort_every(3);
  const auto r = run_workload<TestType, exponential_backoff>(w);
  set_abort_every(0);
  INFO(describe(r.report));
  CHECK(r.report.violations == 0);
  CHECK(r.own_write_mismatches == 0);
  CHECK(merged_stats().aborts_of(abort_cause::injected) >= r.report.committed / 4);
}

TEMPLATE_TEST_CASE("opacity with reads after the transaction's own writes", "[stm][opacity]", tl2, norec, etl) {
  workload w;
  w.transactions_per_thread = 40000 / sanitizer_slowdown / w.threads;
  w.reads_after_writes = true;
  const auto r = run_workload<TestType, immediate_retry>(w);
  INFO(describe(r.report));
  CHECK(r.report.violations == 0);
  CHECK(r.own_write_mismatches == 0);
  CHECK(r.report.aborted > 0);
}

TEMPLATE_TEST_CASE("no write skew: x + y >= 0 holds when transactions read both and decrement one",
                   "[stm][opacity]", tl2, norec, etl) {
  // Under snapshot isolation two withdrawals that both see x + y == 1 and
  // decrement different accounts commit together (write skew) and break the
  // invariant; a serializable (and opaque) STM never lets it, and no attempt,
  // even a doomed one, may see x + y < 0.
  TVar<std::int64_t> x(0), y(0);
  const int per_thread = 20000 / sanitizer_slowdown;
  std::atomic<std::int64_t> deposited{0}, withdrawn{0};
  std::atomic<std::uint64_t> negative_seen{0};
  run_threads(4, [&](int t) {
    std::minstd_rand rng(static_cast<unsigned>(t) * 31U + 7U);
    for (int i = 0; i < per_thread; ++i) {
      if (rng() % 4 == 0) {  // deposit 1 into either account
        const bool into_x = rng() % 2 == 0;
        atomically<TestType, exponential_backoff>([&](auto& tx) {
          auto& acc = into_x ? x : y;
          tx.store(acc, tx.load(acc) + 1);
        });
        deposited.fetch_add(1);
        continue;
      }
      const bool from_x = t % 2 == 0;  // threads decrement different accounts
      const bool took = atomically<TestType, exponential_backoff>([&](auto& tx) {
        const auto vx = tx.load(x);
        for (unsigned k = rng() % 64; k > 0; --k) gillab::locks::cpu_relax();
        const auto vy = tx.load(y);
        if (vx + vy < 0) negative_seen.fetch_add(1);
        if (vx + vy < 1) return false;
        if (from_x) {
          tx.store(x, vx - 1);
        } else {
          tx.store(y, vy - 1);
        }
        return true;
      });
      if (took) withdrawn.fetch_add(1);
    }
  });
  INFO("deposited " << deposited.load() << ", withdrawn " << withdrawn.load());
  CHECK(negative_seen.load() == 0);
  CHECK(x.unsafe_load() + y.unsafe_load() >= 0);
  CHECK(x.unsafe_load() + y.unsafe_load() == deposited.load() - withdrawn.load());
  CHECK(withdrawn.load() > 0);
}
