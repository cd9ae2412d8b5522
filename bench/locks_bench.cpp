// locks_bench.cpp — every lock in locks/ against std::mutex, std::shared_mutex
// and TBB's mutexes (issue "Foundation"):
//   BM_Lock<name>/work:W/threads:T   throughput of lock + W units + unlock on
//                                   one shared lock, T threads, real time;
//                                   W = 0 (empty critical section) or 1 (~100 ns)
//   BM_RwLock<name>/read_pct:P/...  P% shared, the rest exclusive acquisitions
//   BM_Uncontended<name>            lock + unlock latency, one thread
// The `ops` counter is acquisitions per second summed over threads. The ~100 ns
// work unit is calibrated at start-up and recorded in the JSON context.
#include "bench_context.hpp"

#include <gillab/locks/locks.hpp>

#include <benchmark/benchmark.h>
#include <oneapi/tbb/mutex.h>
#include <oneapi/tbb/queuing_mutex.h>
#include <oneapi/tbb/spin_mutex.h>
#include <oneapi/tbb/spin_rw_mutex.h>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace {

using namespace gillab::locks;

// --- the ~100 ns of work inside the critical section ---------------------

std::uint64_t work_iterations_per_unit = 1;  // set by calibrate_work()

// A dependent chain the compiler cannot fold or vectorise.
[[gnu::noinline]] std::uint64_t spin_work(std::uint64_t iterations, std::uint64_t seed) {
  std::uint64_t x = seed | 1;
  for (std::uint64_t i = 0; i < iterations; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    benchmark::DoNotOptimize(x);
  }
  return x;
}

void calibrate_work() {
  using clock = std::chrono::steady_clock;
  const std::uint64_t probe = 20'000'000;
  double best_ns = 1e30;
  for (int i = 0; i < 5; ++i) {  // best of 5: the least disturbed run
    const auto t0 = clock::now();
    benchmark::DoNotOptimize(spin_work(probe, 7));
    const double ns = std::chrono::duration<double, std::nano>(clock::now() - t0).count();
    best_ns = std::min(best_ns, ns);
  }
  const double per_iteration = best_ns / static_cast<double>(probe);
  work_iterations_per_unit = static_cast<std::uint64_t>(100.0 / per_iteration + 0.5);
  if (work_iterations_per_unit == 0) work_iterations_per_unit = 1;
}

// --- baselines with names, and one way to take any lock -------------------

struct std_mutex : std::mutex {
  static constexpr const char* name = "std::mutex";
};
struct std_shared_mutex : std::shared_mutex {
  static constexpr const char* name = "std::shared_mutex";
};
struct tbb_spin_mutex : tbb::spin_mutex {
  static constexpr const char* name = "tbb::spin_mutex";
};
struct tbb_mutex : tbb::mutex {
  static constexpr const char* name = "tbb::mutex";
};
struct tbb_spin_rw_mutex : tbb::spin_rw_mutex {
  static constexpr const char* name = "tbb::spin_rw_mutex";
};
// tbb::queuing_mutex has no lock()/unlock(): only a scoped_lock holding the
// queue node, which is what critical() below uses for it.
struct tbb_queuing_mutex : tbb::queuing_mutex {
  static constexpr const char* name = "tbb::queuing_mutex";
};

template <class L, class F>
void critical(L& lock, F&& body) {
  std::lock_guard guard(lock);
  body();
}
template <class F>
void critical(tbb_queuing_mutex& lock, F&& body) {
  tbb::queuing_mutex::scoped_lock guard(lock);
  body();
}

// --- benchmarks -----------------------------------------------------------

template <class L>
void BM_Lock(benchmark::State& state) {
  static L lock;               // one lock shared by the benchmark's threads
  static std::uint64_t shared; // protected by it
  const std::uint64_t work = static_cast<std::uint64_t>(state.range(0)) * work_iterations_per_unit;
  for (auto _ : state) {
    critical(lock, [&] { shared = spin_work(work, shared); });
  }
  state.counters["ops"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
}

template <class L>
void BM_RwLock(benchmark::State& state) {
  static L lock;
  static std::uint64_t shared;
  const auto read_pct = static_cast<std::uint64_t>(state.range(0));
  const std::uint64_t work = work_iterations_per_unit;
  std::uint64_t i = static_cast<std::uint64_t>(state.thread_index()) * 7;
  for (auto _ : state) {
    if (++i % 100 < read_pct) {
      std::shared_lock guard(lock);
      benchmark::DoNotOptimize(spin_work(work, shared));
    } else {
      std::lock_guard guard(lock);
      shared = spin_work(work, shared);
    }
  }
  state.counters["ops"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
}

template <class L>
void BM_Uncontended(benchmark::State& state) {
  L lock;
  for (auto _ : state) {
    critical(lock, [] {});
  }
}

template <class L>
void register_lock() {
  const std::string name = L::name;
  for (int work : {0, 1}) {
    benchmark::RegisterBenchmark(("BM_Lock<" + name + ">").c_str(), BM_Lock<L>)
        ->ArgName("work")
        ->Arg(work)
        ->ThreadRange(1, 8)
        ->UseRealTime();
  }
  benchmark::RegisterBenchmark(("BM_Uncontended<" + name + ">").c_str(), BM_Uncontended<L>);
}

template <class L>
void register_rw_lock() {
  benchmark::RegisterBenchmark((std::string("BM_RwLock<") + L::name + ">").c_str(), BM_RwLock<L>)
      ->ArgName("read_pct")
      ->Arg(90)
      ->ThreadRange(1, 8)
      ->UseRealTime();
}

template <class... L>
void register_locks(std::tuple<L...>*) {
  (register_lock<L>(), ...);
}

}  // namespace

int main(int argc, char** argv) {
  calibrate_work();
  gillab::bench::add_build_context();
  benchmark::AddCustomContext("work_unit_iterations", std::to_string(work_iterations_per_unit));
  benchmark::AddCustomContext("default_lock", default_lock::name);

  register_locks(static_cast<all_locks*>(nullptr));
  register_locks(static_cast<std::tuple<std_mutex, tbb_spin_mutex, tbb_queuing_mutex, tbb_mutex>*>(nullptr));
  register_rw_lock<rw_lock>();
  register_rw_lock<std_shared_mutex>();
  register_rw_lock<tbb_spin_rw_mutex>();

  return gillab::bench::run_benchmarks(argc, argv);
}
