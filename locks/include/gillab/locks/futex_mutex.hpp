// futex_mutex.hpp — three-state futex mutex (Ulrich Drepper, "Futexes Are
// Tricky", 2011, "mutex3").
//
// State: 0 unlocked, 1 locked with no waiters, 2 locked and maybe waiters.
// The uncontended path is one CAS to lock and one atomic decrement to unlock,
// with no system call; a waiter sets 2 and sleeps in the kernel. No spinning:
// this is the plain algorithm, the baseline the adaptive mutex adds to.
//
// Invariants: a thread sleeps only on value 2; whoever takes the lock on the
// slow path stores 2 (it cannot know there are no other sleepers), so the next
// unlock wakes one; unlock wakes only when the old value was 2.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/futex.hpp>
#include <gillab/locks/lockable.hpp>

#include <atomic>
#include <cstdint>

namespace gillab::locks {

class futex_mutex : pinned {
 public:
  static constexpr const char* name = "futex";

  void lock() noexcept {
    std::uint32_t c = 0;
    if (state_.compare_exchange_strong(c, 1, order_lock_acquire, std::memory_order_relaxed)) return;
    lock_contended(c);
  }
  bool try_lock() noexcept {
    std::uint32_t c = 0;
    return state_.compare_exchange_strong(c, 1, order_lock_acquire, std::memory_order_relaxed);
  }
  void unlock() noexcept {
    if (state_.fetch_sub(1, order_lock_release) != 1) {
      state_.store(0, order_lock_release);
      futex_wake(state_, 1);
    }
  }

 protected:
  /// Slow path; `c` is the value the failed CAS saw (1 or 2).
  void lock_contended(std::uint32_t c) noexcept {
    if (c != 2) c = state_.exchange(2, order_lock_acquire);
    while (c != 0) {
      futex_wait(state_, 2);
      c = state_.exchange(2, order_lock_acquire);
    }
  }
  std::atomic<std::uint32_t> state_{0};
};

}  // namespace gillab::locks
