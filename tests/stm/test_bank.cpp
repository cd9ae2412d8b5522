// The bank: random transfers on several threads while read-only audits sum
// every account; the total must never change, in any snapshot an audit sees,
// for every algorithm x contention manager, with and without the
// abort-every-Nth stress switch.
#include "stm_configs.hpp"
#include "stress.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <random>

using namespace gillab::stm;
using gillab::test::run_threads;
using gillab::test::sanitizer_slowdown;

namespace {

constexpr int accounts = 64;
constexpr std::int64_t initial_balance = 1000;

struct bank_result {
  std::int64_t final_total = 0;
  std::uint64_t bad_audits = 0;
  std::uint64_t audits = 0;
  stats merged;
};

template <class Config>
bank_result run_bank(int threads, int transfers_per_thread, unsigned abort_every_n) {
  auto balance = std::make_unique<TVar<std::int64_t>[]>(accounts);
  for (int i = 0; i < accounts; ++i) balance[i].unsafe_store(initial_balance);
  std::atomic<std::uint64_t> bad{0}, audits{0};
  reset_stats();
  set_abort_every(abort_every_n);
  run_threads(threads, [&](int t) {
    std::minstd_rand rng(static_cast<unsigned>(t) * 7919U + 1);
    for (int i = 0; i < transfers_per_thread; ++i) {
      if (i % 8 == 0) {
        const std::int64_t total = Config::atomically([&](auto& tx) {
          std::int64_t sum = 0;
          for (int a = 0; a < accounts; ++a) sum += tx.load(balance[a]);
          return sum;
        });
        audits.fetch_add(1, std::memory_order_relaxed);
        if (total != accounts * initial_balance) bad.fetch_add(1, std::memory_order_relaxed);
        continue;
      }
      const int from = static_cast<int>(rng() % accounts);
      const int to = static_cast<int>(rng() % accounts);
      const std::int64_t amount = static_cast<std::int64_t>(rng() % 50);
      Config::atomically([&](auto& tx) {
        tx.store(balance[from], tx.load(balance[from]) - amount);
        tx.store(balance[to], tx.load(balance[to]) + amount);
      });
      if (i % 64 == 0) gillab::test::maybe_yield();
    }
  });
  set_abort_every(0);
  bank_result r;
  for (int i = 0; i < accounts; ++i) r.final_total += balance[i].unsafe_load();
  r.bad_audits = bad.load();
  r.audits = audits.load();
  r.merged = merged_stats();
  return r;
}

}  // namespace

TEMPLATE_TEST_CASE("bank transfers keep the total and audits always see it", "[stm][bank]",
                   GILLAB_STM_ALL_CONFIGS) {
  const int threads = 4;
  const int per_thread = 20000 / sanitizer_slowdown;
  const auto r = run_bank<TestType>(threads, per_thread, 0);
  CHECK(r.final_total == accounts * initial_balance);
  CHECK(r.bad_audits == 0);
  CHECK(r.audits > 0);
  CHECK(r.merged.commits == static_cast<std::uint64_t>(threads * per_thread));
}

TEMPLATE_TEST_CASE("bank under the abort-every-Nth stress switch", "[stm][bank][stress]",
                   GILLAB_STM_ALL_CONFIGS) {
  const int threads = 4;
  const int per_thread = 10000 / sanitizer_slowdown;
  const auto r = run_bank<TestType>(threads, per_thread, 5);
  CHECK(r.final_total == accounts * initial_balance);
  CHECK(r.bad_audits == 0);
  CHECK(r.merged.commits == static_cast<std::uint64_t>(threads * per_thread));
  CHECK(r.merged.aborts_of(abort_cause::injected) >= r.merged.commits / 10);
}

TEST_CASE("bank through the run-time registry", "[stm][bank]") {
  for (const auto& runner : registry()) {
    INFO(runner.name);
    auto balance = std::make_unique<TVar<std::int64_t>[]>(accounts);
    for (int i = 0; i < accounts; ++i) balance[i].unsafe_store(initial_balance);
    std::atomic<std::uint64_t> bad{0};
    run_threads(2, [&](int t) {
      std::minstd_rand rng(static_cast<unsigned>(t) + 11U);
      for (int i = 0; i < 2000 / sanitizer_slowdown; ++i) {
        const int from = static_cast<int>(rng() % accounts), to = static_cast<int>(rng() % accounts);
        if (i % 8 == 0) {
          std::int64_t sum = 0;
          runner.run([&](dyn_tx& tx) {
            sum = 0;
            for (int a = 0; a < accounts; ++a) sum += tx.load(balance[a]);
          });
          if (sum != accounts * initial_balance) bad.fetch_add(1);
          continue;
        }
        runner.run([&](dyn_tx& tx) {
          tx.store(balance[from], tx.load(balance[from]) - 3);
          tx.store(balance[to], tx.load(balance[to]) + 3);
        });
      }
    });
    std::int64_t total = 0;
    for (int i = 0; i < accounts; ++i) total += balance[i].unsafe_load();
    CHECK(total == accounts * initial_balance);
    CHECK(bad.load() == 0);
  }
}
