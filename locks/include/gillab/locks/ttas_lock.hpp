// ttas_lock.hpp — test-and-test-and-set spin lock with randomized exponential
// backoff.
//
// Waiters spin on a plain read of the flag (served from their own cache while
// the lock is held) and try the exchange only when they see it free; a failed
// exchange means others contend, so the waiter backs off for a random time in
// a window that doubles up to a cap (Rudolph & Segall 1984 for TTAS; Anderson
// 1990 and Mellor-Crummey & Scott 1991 §2 for backoff). Not fair.
//
// Invariant: held <=> flag_ == true; only the holder stores false.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/lockable.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>

namespace gillab::locks {

class ttas_lock : pinned {
 public:
  static constexpr const char* name = "ttas";

  void lock() noexcept {
    if (!flag_.exchange(true, order_lock_acquire)) return;
    backoff delay;
    spin_wait wait;
    for (;;) {
      while (flag_.load(order_spin_read)) wait.once();
      if (!flag_.exchange(true, order_lock_acquire)) return;
      delay.pause();
    }
  }
  bool try_lock() noexcept {
    return !flag_.load(order_spin_read) && !flag_.exchange(true, order_lock_acquire);
  }
  void unlock() noexcept { flag_.store(false, order_lock_release); }

 private:
  std::atomic<bool> flag_{false};
};

}  // namespace gillab::locks
