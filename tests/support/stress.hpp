// stress.hpp — helpers for concurrency tests: randomized yields, a start
// barrier so threads collide, iteration counts scaled for sanitizer builds.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <thread>
#include <vector>

namespace gillab::test {

#if defined(GILLAB_SANITIZER_THREAD) || defined(GILLAB_SANITIZER_ADDRESS)
inline constexpr int sanitizer_slowdown = 10;
#else
inline constexpr int sanitizer_slowdown = 1;
#endif

/// Yield with probability 1/`one_in`, from a per-thread generator: perturbs
/// the interleaving so that each run explores different schedules.
inline void maybe_yield(unsigned one_in = 8) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  if (rng() % one_in == 0) std::this_thread::yield();
}

/// Runs `body(thread_index)` on `n` threads released together.
inline void run_threads(int n, const std::function<void(int)>& body) {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      ready.fetch_add(1);
      while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
      body(i);
    });
  }
  while (ready.load() != n) std::this_thread::yield();
  go.store(true, std::memory_order_release);
  for (auto& t : threads) t.join();
}

/// Polls `condition` until it holds or `limit` passes; returns whether it held.
/// For waiting on another thread's progress without a fixed sleep.
template <class F>
bool eventually(F condition, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return true;
}

/// CPU time consumed so far by the calling thread.
std::chrono::nanoseconds thread_cpu_time();

}  // namespace gillab::test
