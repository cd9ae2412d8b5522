// lockfree_bench.cpp — the lock-free structures and reclamation schemes of
// locks/ against Boost.Lockfree, TBB and a mutex (issue "Lock-free structures
// and memory reclamation"):
//   BM_Stack<name>/threads:T   push + pop pairs on one shared stack
//   BM_Queue<name>/threads:T   enqueue + dequeue pairs on one shared queue
//   BM_Guard<scheme>/threads:T read side alone: guard + protect of a shared
//                              pointer (+ QSBR's quiescent state)
//   BM_Retire<scheme>/threads:T write side alone: allocate a node, swap it
//                              into a shared pointer, retire the old one
// Names carry the reclamation scheme: `treiber/epoch`, `ms/hazard`, ...;
// `leak` never frees and is the floor the others are measured against.
// The `ops` counter is single operations per second (a pair counts two),
// summed over threads, real time. The gillab QSBR variants announce a
// quiescent state after every operation, as an application loop would.
//
// Memory: the `leak` variants run a fixed 500k iterations per thread and free
// their garbage between runs (leak::free_all_unsafe), so a run holds at most
// ~200 MB; their times are per iteration like the others'.
#include "bench_context.hpp"

#include <gillab/locks/mpmc_queue.hpp>
#include <gillab/locks/ms_queue.hpp>
#include <gillab/locks/reclaim/epoch.hpp>
#include <gillab/locks/reclaim/hazard_pointers.hpp>
#include <gillab/locks/reclaim/leak.hpp>
#include <gillab/locks/reclaim/qsbr.hpp>
#include <gillab/locks/treiber_stack.hpp>

#include <benchmark/benchmark.h>
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/stack.hpp>
#include <oneapi/tbb/concurrent_queue.h>

#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using namespace gillab::locks;
using value = std::int64_t;

// --- one interface for every stack and queue -----------------------------

template <class R>
struct treiber {
  static std::string name() { return std::string("treiber/") + R::name; }
  using reclaimer = R;
  treiber_stack<value, R> s;
  void push(value v) { s.push(v); }
  bool pop(value& v) {
    auto r = s.pop();
    if (r) v = *r;
    return r.has_value();
  }
};

template <class R>
struct ms {
  static std::string name() { return std::string("ms/") + R::name; }
  using reclaimer = R;
  ms_queue<value, R> q;
  void push(value v) { q.enqueue(v); }
  bool pop(value& v) {
    auto r = q.dequeue();
    if (r) v = *r;
    return r.has_value();
  }
};

struct vyukov_mpmc {
  static std::string name() { return "vyukov_mpmc"; }
  mpmc_queue<value> q{1024};
  void push(value v) { q.enqueue(v); }
  bool pop(value& v) {
    auto r = q.try_dequeue();
    if (r) v = *r;
    return r.has_value();
  }
};

struct boost_stack {
  static std::string name() { return "boost::lockfree::stack"; }
  boost::lockfree::stack<value> s{1024};
  void push(value v) { s.push(v); }
  bool pop(value& v) { return s.pop(v); }
};

struct boost_queue {
  static std::string name() { return "boost::lockfree::queue"; }
  boost::lockfree::queue<value> q{1024};
  void push(value v) { q.push(v); }
  bool pop(value& v) { return q.pop(v); }
};

struct tbb_queue {
  static std::string name() { return "tbb::concurrent_queue"; }
  tbb::concurrent_queue<value> q;
  void push(value v) { q.push(v); }
  bool pop(value& v) { return q.try_pop(v); }
};

struct tbb_bounded_queue {
  static std::string name() { return "tbb::concurrent_bounded_queue"; }
  tbb::concurrent_bounded_queue<value> q;
  void push(value v) { q.push(v); }
  bool pop(value& v) { return q.try_pop(v); }
};

struct mutex_stack {
  static std::string name() { return "std::mutex+std::deque"; }
  std::mutex m;
  std::deque<value> d;
  void push(value v) {
    std::lock_guard g(m);
    d.push_back(v);
  }
  bool pop(value& v) {
    std::lock_guard g(m);
    if (d.empty()) return false;
    v = d.back();
    d.pop_back();
    return true;
  }
};

struct mutex_queue {
  static std::string name() { return "std::mutex+std::deque"; }
  std::mutex m;
  std::deque<value> d;
  void push(value v) {
    std::lock_guard g(m);
    d.push_back(v);
  }
  bool pop(value& v) {
    std::lock_guard g(m);
    if (d.empty()) return false;
    v = d.front();
    d.pop_front();
    return true;
  }
};

template <class S>
void between_operations() {
  if constexpr (requires { typename S::reclaimer; }) S::reclaimer::quiescent_state();
}

template <class R>
constexpr bool is_leak = std::is_same_v<R, reclaim::leak>;

template <class S>
void free_leaked_garbage() {
  if constexpr (requires { typename S::reclaimer; }) {
    if constexpr (is_leak<typename S::reclaimer>) reclaim::leak::free_all_unsafe();
  }
}

// --- benchmarks -----------------------------------------------------------

template <class S>
void BM_Pairs(benchmark::State& state) {
  static S structure;  // shared by the benchmark's threads
  // Before the loop's start barrier: the other threads are not running yet.
  if (state.thread_index() == 0) free_leaked_garbage<S>();
  value v = state.thread_index();
  std::int64_t empty = 0;
  for (auto _ : state) {
    structure.push(v);
    between_operations<S>();
    if (!structure.pop(v)) ++empty;
    between_operations<S>();
    benchmark::DoNotOptimize(v);
  }
  state.counters["ops"] = benchmark::Counter(2.0 * static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
  state.counters["empty_pops"] = static_cast<double>(empty);
}

struct counted_node : reclaim::retirable {
  explicit counted_node(value x) : v(x) {}
  value v;
};

template <class R>
void BM_Guard(benchmark::State& state) {
  static std::atomic<counted_node*> shared{new counted_node(1)};
  value sum = 0;
  for (auto _ : state) {
    {
      typename R::guard guard;
      sum += guard.protect(0, shared)->v;
    }
    R::quiescent_state();
  }
  benchmark::DoNotOptimize(sum);
  state.counters["ops"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
}

template <class R>
void BM_Retire(benchmark::State& state) {
  static std::atomic<counted_node*> shared{new counted_node(1)};
  if constexpr (is_leak<R>) {
    if (state.thread_index() == 0) reclaim::leak::free_all_unsafe();
  }
  value i = 0;
  for (auto _ : state) {
    R::retire(shared.exchange(new counted_node(++i), std::memory_order_seq_cst));
    R::quiescent_state();
  }
  state.counters["ops"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
}

template <class R>
benchmark::internal::Benchmark* limit_leak(benchmark::internal::Benchmark* b) {
  if constexpr (is_leak<R>) b->Iterations(500'000);
  return b;
}

template <class S>
benchmark::internal::Benchmark* register_pairs(const char* kind) {
  return benchmark::RegisterBenchmark((std::string(kind) + "<" + S::name() + ">").c_str(), BM_Pairs<S>)
      ->ThreadRange(1, 8)
      ->UseRealTime();
}

template <class R>
void register_scheme() {
  limit_leak<R>(register_pairs<treiber<R>>("BM_Stack"));
  limit_leak<R>(register_pairs<ms<R>>("BM_Queue"));
  benchmark::RegisterBenchmark((std::string("BM_Guard<") + R::name + ">").c_str(), BM_Guard<R>)
      ->ThreadRange(1, 8)
      ->UseRealTime();
  limit_leak<R>(benchmark::RegisterBenchmark((std::string("BM_Retire<") + R::name + ">").c_str(),
                                             BM_Retire<R>)
                    ->ThreadRange(1, 8)
                    ->UseRealTime());
}

}  // namespace

int main(int argc, char** argv) {
  gillab::bench::add_build_context();
  benchmark::AddCustomContext("value_type", "std::int64_t");
  benchmark::AddCustomContext("bounded_capacity", "1024 (boost::lockfree, vyukov_mpmc)");

  register_scheme<reclaim::epoch>();
  register_scheme<reclaim::hazard_pointers>();
  register_scheme<reclaim::qsbr>();
  register_scheme<reclaim::leak>();
#if !defined(GILLAB_SANITIZER_THREAD)
  // Boost.Lockfree's type-stable free list reads a node's next pointer while
  // another thread may be rewriting it (the read is then discarded by the
  // tagged CAS): a deliberate race, which ThreadSanitizer reports. The tsan
  // build's smoke test therefore runs without these two baselines.
  register_pairs<boost_stack>("BM_Stack");
  register_pairs<boost_queue>("BM_Queue");
#endif
  register_pairs<mutex_stack>("BM_Stack");
  register_pairs<vyukov_mpmc>("BM_Queue");
  register_pairs<tbb_queue>("BM_Queue");
  register_pairs<tbb_bounded_queue>("BM_Queue");
  register_pairs<mutex_queue>("BM_Queue");

  return gillab::bench::run_benchmarks(argc, argv);
}
