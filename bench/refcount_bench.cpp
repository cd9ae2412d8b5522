// refcount_bench.cpp — what a reference count costs under each policy of the
// VM's back-ends (issue 9): plain (nosync and gil: the GIL protects it),
// atomic (pyvm-fine-atomic, the Gilectomy) and biased (pyvm-fine-biased,
// PEP 703; Choi, Shull & Torrellas, PACT 2018). The policies are the
// back-ends' own (gillab/interp/backends/fine.hpp), not copies.
//
// One iteration = one incref and one decref of an object whose count never
// reaches zero (the setup holds a reference), as a VM does when it pushes a
// value and pops it.
//  - BM_Private<P>: every thread counts an object it made itself — the
//    common case in a VM (frames, temporaries, a thread's own data). Biased
//    counting is built for this: the owner's count is a plain field.
//  - BM_Shared<P>: every thread counts one object (a module-level constant,
//    a function, a class): the count's cache line bounces between cores
//    ("refcount ping-pong"). Under biased counting the object's owner is
//    benchmark thread 0, so thread 0 counts locally and the others share
//    the atomic field.
// Plain counting runs only BM_Private: shared plain counts are a data race.
#include "bench_context.hpp"

#include <gillab/interp/backends/fine.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>

namespace {

using namespace gillab::interp::backends;

struct plain_refcount {
  struct counts {
    std::uint32_t refcount;
  };
  struct thread_data {};
  static void attach(thread_data&) {}
  static void detach(thread_data&) {}
  static void init(counts& c, thread_data&) { c.refcount = 1; }
  static void incref(counts& c) { ++c.refcount; }
  static bool decref(counts& c) { return --c.refcount == 0; }
};

// An object header with its cache line to itself, so that private objects
// of different threads never share a line (false sharing would measure
// something else).
template <class P>
struct alignas(64) counted {
  typename P::counts counts;
};

template <class P>
void count_loop(benchmark::State& state, typename P::counts& c) {
  for (auto _ : state) {
    P::incref(c);
    benchmark::DoNotOptimize(c);
    if (P::decref(c)) state.SkipWithError("count reached zero");
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
}

template <class P>
void BM_Private(benchmark::State& state) {
  typename P::thread_data t;
  P::attach(t);
  auto obj = std::make_unique<counted<P>>();
  P::init(obj->counts, t);
  count_loop<P>(state, obj->counts);
  P::decref(obj->counts);
  P::detach(t);
}

template <class P>
void BM_Shared(benchmark::State& state) {
  static counted<P> obj;
  typename P::thread_data t;
  P::attach(t);
  if (state.thread_index() == 0) P::init(obj.counts, t);  // thread 0 owns it (biased)
  count_loop<P>(state, obj.counts);
  P::detach(t);
}

BENCHMARK_TEMPLATE(BM_Private, plain_refcount)->Name("BM_Private<plain>")->ThreadRange(1, 8)->UseRealTime();
BENCHMARK_TEMPLATE(BM_Private, atomic_refcount)->Name("BM_Private<atomic>")->ThreadRange(1, 8)->UseRealTime();
BENCHMARK_TEMPLATE(BM_Private, biased_refcount)->Name("BM_Private<biased>")->ThreadRange(1, 8)->UseRealTime();
BENCHMARK_TEMPLATE(BM_Shared, atomic_refcount)->Name("BM_Shared<atomic>")->ThreadRange(1, 8)->UseRealTime();
BENCHMARK_TEMPLATE(BM_Shared, biased_refcount)->Name("BM_Shared<biased>")->ThreadRange(1, 8)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  gillab::bench::add_build_context();
  return gillab::bench::run_benchmarks(argc, argv);
}
