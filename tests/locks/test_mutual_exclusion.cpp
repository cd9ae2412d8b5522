// Mutual exclusion under stress: N threads x M increments of a plain counter
// give exactly N x M, for every lock, with randomized yields inside and
// outside the critical section. A broken lock loses increments (and, under
// the tsan preset, is reported as a data race on the counter).
#include <gillab/locks/locks.hpp>

#include <catch2/catch.hpp>

#include "lock_lists.hpp"

#include "stress.hpp"

#include <mutex>
#include <shared_mutex>

using namespace gillab::locks;
using gillab::test::maybe_yield;
using gillab::test::run_threads;
using gillab::test::sanitizer_slowdown;

TEMPLATE_TEST_CASE("N threads x M increments under the lock give exactly N*M",
                        "[locks][stress]", GILLAB_ALL_LOCKS) {
  const int threads = GENERATE(2, 8);
  const int increments = 20000 / sanitizer_slowdown;
  TestType lock;
  long counter = 0;   // plain: only the lock protects it
  int inside = 0;     // plain: more than one thread inside shows here
  int max_inside = 0;
  run_threads(threads, [&](int) {
    for (int i = 0; i < increments; ++i) {
      maybe_yield(16);
      std::lock_guard guard(lock);
      ++inside;
      if (inside > max_inside) max_inside = inside;
      const long seen = counter;
      maybe_yield(64);  // widen the window a broken lock would leave open
      counter = seen + 1;
      --inside;
    }
  });
  CHECK(max_inside == 1);
  CHECK(counter == static_cast<long>(threads) * increments);
}

TEMPLATE_TEST_CASE("try_lock spinners and lock callers together keep the count exact",
                        "[locks][stress][try_lock]", GILLAB_ALL_LOCKS) {
  const int threads = 6;
  const int increments = 10000 / sanitizer_slowdown;
  TestType lock;
  long counter = 0;
  run_threads(threads, [&](int index) {
    for (int i = 0; i < increments; ++i) {
      if (index % 2 == 0) {
        while (!lock.try_lock()) maybe_yield(2);
      } else {
        lock.lock();
      }
      const long seen = counter;
      maybe_yield(64);
      counter = seen + 1;
      lock.unlock();
    }
  });
  CHECK(counter == static_cast<long>(threads) * increments);
}

TEST_CASE("rw_lock: readers and writers together keep writes exact and reads consistent",
          "[locks][stress][rw]") {
  const int threads = 8;
  const int iterations = 10000 / sanitizer_slowdown;
  rw_lock lock;
  long a = 0;
  long b = 0;  // invariant under the lock: a == b
  std::atomic<long> torn_reads{0};
  run_threads(threads, [&](int index) {
    for (int i = 0; i < iterations; ++i) {
      if (index < 2) {
        std::lock_guard guard(lock);
        ++a;
        maybe_yield(32);
        ++b;
      } else {
        std::shared_lock guard(lock);
        const long x = a;
        maybe_yield(32);
        if (b != x) torn_reads.fetch_add(1);
      }
    }
  });
  CHECK(torn_reads.load() == 0);
  CHECK(a == 2L * iterations);
  CHECK(b == 2L * iterations);
}
