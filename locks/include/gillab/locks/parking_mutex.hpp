// parking_mutex.hpp — the one-byte parking-lot mutex.
//
// Follows WebKit's WTF::Lock / LockAlgorithm (Pizlo, "Locking in WebKit",
// 2016) and Rust's parking_lot::RawMutex: two bits in one byte, waiters queue
// in the global parking lot (parking_lot.hpp) keyed by the byte's address.
// Uncontended lock and unlock are one CAS each, as cheap as std::mutex's
// fast path but in 1 byte instead of 40: the `fine` back-end puts one in the
// header of every mutable object.
//
//   bit 0  held
//   bit 1  has_parked: some thread is (or may be) parked on this byte
//
// Slow path: spin (yielding) a bounded number of turns while nobody is
// parked, then set has_parked and park while the byte reads held|has_parked.
// Unlock with has_parked set unparks one thread. Barging is allowed (the
// throughput choice), but roughly every millisecond per bucket the unlocker
// hands the lock directly to the woken thread (byte stays held), which bounds
// starvation: WebKit's "eventual fairness".
//
// Invariants:
//  - held is set only by a successful CAS (or kept set by a direct hand-off,
//    in which case the woken thread returns owning the lock).
//  - has_parked is cleared only by an unlocker, under the bucket lock, when
//    the parking lot reports no more threads parked on the byte; a thread
//    about to park re-validates the byte under that same bucket lock, so a
//    wake-up is never lost.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/lockable.hpp>
#include <gillab/locks/parking_lot.hpp>

#include <atomic>
#include <cstdint>

namespace gillab::locks {

class parking_mutex : pinned {
 public:
  static constexpr const char* name = "parking";

  static constexpr std::uint8_t held_bit = 1;
  static constexpr std::uint8_t parked_bit = 2;
  static constexpr unsigned spin_limit = 40;  // WebKit's default

  void lock() noexcept {
    std::uint8_t expected = 0;
    if (byte_.compare_exchange_weak(expected, held_bit, order_lock_acquire,
                                    std::memory_order_relaxed)) [[likely]]
      return;
    lock_slow();
  }

  bool try_lock() noexcept {
    std::uint8_t current = byte_.load(std::memory_order_relaxed);
    while (!(current & held_bit)) {
      if (byte_.compare_exchange_weak(current, current | held_bit, order_lock_acquire,
                                      std::memory_order_relaxed))
        return true;
    }
    return false;
  }

  void unlock() noexcept {
    std::uint8_t expected = held_bit;
    if (byte_.compare_exchange_weak(expected, 0, order_lock_release, std::memory_order_relaxed))
        [[likely]]
      return;
    unlock_slow();
  }

  [[nodiscard]] bool is_locked() const noexcept {
    return byte_.load(std::memory_order_relaxed) & held_bit;
  }

  /// Parks and hand-offs so far in this process (all parking_mutex objects).
  struct counters {
    std::uint64_t parks;
    std::uint64_t direct_handoffs;
  };
  static counters statistics() noexcept;

 private:
  void lock_slow() noexcept;
  void unlock_slow() noexcept;

  std::atomic<std::uint8_t> byte_{0};
};

static_assert(sizeof(parking_mutex) == 1, "the fine back-end relies on a one-byte mutex");

}  // namespace gillab::locks
