// tas_lock.hpp — test-and-set spin lock.
//
// The simplest lock: one flag, acquired by an atomic exchange. Every waiting
// turn is a write to the shared line, so under contention the line ping-pongs
// between cores on every turn (Anderson 1990, "The Performance of Spin Lock
// Alternatives for Shared-Memory Multiprocessors"). Kept as the floor that
// the others are measured against. Not fair: any waiter may win.
//
// Invariant: held <=> flag_ == true; only the holder stores false.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/lockable.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>

namespace gillab::locks {

class tas_lock : pinned {
 public:
  static constexpr const char* name = "tas";

  void lock() noexcept {
    spin_wait wait;
    while (flag_.exchange(true, order_lock_acquire)) wait.once();
  }
  bool try_lock() noexcept { return !flag_.exchange(true, order_lock_acquire); }
  void unlock() noexcept { flag_.store(false, order_lock_release); }

 private:
  std::atomic<bool> flag_{false};
};

}  // namespace gillab::locks
