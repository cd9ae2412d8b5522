// The opacity checker: histories of 100 000 transactions per algorithm
// (aborted attempts included) show no inconsistent snapshot; the checker
// flags a hand-made inconsistent history and catches a planted bug (TL2
// without its per-read version check).
#include "stm_configs.hpp"
#include "stress.hpp"

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/stm/opacity_checker.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <random>
#include <thread>

using namespace gillab::stm;
using gillab::test::run_threads;
using gillab::test::sanitizer_slowdown;

namespace {

constexpr std::uint32_t variables = 16;

// The checker's workload convention (opacity_checker.hpp): variable 0 is the
// generation; updates write their generation number; reads are recorded
// before any write to the same variable.
template <class Algorithm, class CM>
opacity::report run_checked(int threads, int transactions_per_thread) {
  auto vars = std::make_unique<TVar<word>[]>(variables);
  std::vector<opacity::recorder> recorders(static_cast<std::size_t>(threads));
  run_threads(threads, [&](int t) {
    auto& rec = recorders[static_cast<std::size_t>(t)];
    std::minstd_rand rng(static_cast<unsigned>(t) * 104729U + 3);
    auto pause = [&rng] {
      for (unsigned i = rng() % 16; i > 0; --i) gillab::locks::cpu_relax();
      if (rng() % 32 == 0) std::this_thread::yield();
    };
    for (int i = 0; i < transactions_per_thread; ++i) {
      const bool update = rng() % 2 == 0;
      std::uint32_t picks[6];
      for (auto& p : picks) p = 1 + static_cast<std::uint32_t>(rng() % (variables - 1));
      atomically<Algorithm, CM>([&](auto& tx) {
        rec.begin_attempt();
        if (update) {
          const word g = tx.load(vars[0]);
          rec.read(0, g);
          const word n = g + 1;
          for (int k = 0; k < 3; ++k) {  // no writes yet: every read is recorded
            rec.read(picks[k], tx.load(vars[picks[k]]));
            pause();
          }
          tx.store(vars[0], n);
          rec.write(0, n);
          for (int k = 0; k < 2; ++k) {
            tx.store(vars[picks[k]], n);
            rec.write(picks[k], n);
          }
        } else {
          for (auto p : picks) {
            rec.read(p, tx.load(vars[p]));
            pause();
          }
        }
      });
      rec.committed();
    }
  });
  std::vector<const opacity::recorder*> histories;
  for (const auto& r : recorders) histories.push_back(&r);
  return opacity::check(histories, variables);
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
  // can read one variable before a commit and another after it.
  std::size_t violations = 0;
  for (int round = 0; round < 20 && violations == 0; ++round) {
    violations += run_checked<basic_tl2<false>, immediate_retry>(4, 20000 / sanitizer_slowdown).violations;
  }
  CHECK(violations > 0);
}
