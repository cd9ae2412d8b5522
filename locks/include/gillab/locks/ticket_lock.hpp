// ticket_lock.hpp — ticket lock (Mellor-Crummey & Scott 1991, §2.2; Reed &
// Kanodia 1979 for the ticket idea).
//
// A waiter takes the next ticket with one fetch_add and waits until
// `now_serving_` reaches it, backing off in proportion to its distance from
// the head of the line. FIFO: tickets are served in the order taken.
//
// Invariants: now_serving_ <= next_ticket_; the lock is held iff
// now_serving_ != next_ticket_ or a holder is inside; only the holder
// increments now_serving_. The two counters sit on separate cache lines so
// taking a ticket does not disturb the waiters' spin line.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/lockable.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>
#include <cstdint>
#include <thread>

namespace gillab::locks {

class ticket_lock : pinned {
 public:
  static constexpr const char* name = "ticket";

  void lock() noexcept {
    const std::uint32_t my = next_ticket_.fetch_add(1, std::memory_order_relaxed);
    unsigned turns = 0;
    for (;;) {
      const std::uint32_t serving = now_serving_.load(order_handoff_wait);
      if (serving == my) break;
      // Proportional backoff: the farther back, the longer until our turn.
      const std::uint32_t distance = my - serving;
      for (std::uint32_t i = 0; i < distance * proportional_pause; ++i) cpu_relax();
      // Bounded spinning: when the line is longer than the cores, the holder
      // or the next in line may be descheduled; give them the processor.
      if (++turns > spin_wait::spin_limit) std::this_thread::yield();
    }
  }

  bool try_lock() noexcept {
    std::uint32_t serving = now_serving_.load(std::memory_order_acquire);
    // Free iff no ticket is outstanding; taking ticket `serving` then owns it.
    return next_ticket_.compare_exchange_strong(serving, serving + 1, order_lock_acquire,
                                                std::memory_order_relaxed);
  }

  void unlock() noexcept {
    // Only the holder writes now_serving_, so a load + store suffices.
    now_serving_.store(now_serving_.load(std::memory_order_relaxed) + 1, order_lock_release);
  }

 private:
  static constexpr std::uint32_t proportional_pause = 8;
  alignas(cache_line_size) std::atomic<std::uint32_t> next_ticket_{0};
  alignas(cache_line_size) std::atomic<std::uint32_t> now_serving_{0};
};

}  // namespace gillab::locks
