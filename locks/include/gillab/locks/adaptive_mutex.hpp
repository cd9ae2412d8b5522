// adaptive_mutex.hpp — spin-then-park mutex with a learned spin budget.
//
// Drepper's three-state futex mutex (futex_mutex.hpp) with a bounded spin in
// front of the sleep, sized as glibc's PTHREAD_MUTEX_ADAPTIVE_NP does
// (nptl/pthread_mutex_lock.c): each contended acquisition may spin up to
// min(max_spins, 2 * estimate + 10) turns, and the estimate follows the turns
// that acquisitions actually needed (an exponential moving average, weight
// 1/8). Short critical sections are then won by spinning without a system
// call; long ones stop wasting the processor after a few turns.
//
// Invariants: those of futex_mutex (the state word and its protocol are the
// same); `spin_estimate_` is a hint, read and written relaxed, and a racy
// update only changes how long the next waiter spins.
#pragma once

#include <gillab/locks/futex_mutex.hpp>

#include <algorithm>

namespace gillab::locks {

class adaptive_mutex : public futex_mutex {
 public:
  static constexpr const char* name = "adaptive";
  static constexpr std::int32_t max_spins = 100;  // glibc's default tunable

  void lock() noexcept {
    std::uint32_t c = 0;
    if (state_.compare_exchange_strong(c, 1, order_lock_acquire, std::memory_order_relaxed)) return;
    const std::int32_t estimate = spin_estimate_.load(std::memory_order_relaxed);
    const std::int32_t limit = std::min(max_spins, 2 * estimate + 10);
    std::int32_t turns = 0;
    for (; turns < limit; ++turns) {
      cpu_relax();
      c = state_.load(order_spin_read);
      if (c == 0) {
        if (state_.compare_exchange_strong(c, 1, order_lock_acquire, std::memory_order_relaxed)) {
          spin_estimate_.store(estimate + (turns - estimate) / 8, std::memory_order_relaxed);
          return;
        }
      }
    }
    spin_estimate_.store(estimate + (turns - estimate) / 8, std::memory_order_relaxed);
    lock_contended(c);
  }

 private:
  std::atomic<std::int32_t> spin_estimate_{0};
};

}  // namespace gillab::locks
