// rw_lock.hpp — writer-preferring reader-writer lock on futexes.
//
// One 32-bit state word holds everything a decision needs, so every
// transition is a single CAS and no two words can disagree:
//
//   bits  0..14  readers inside
//   bit   15     readers_parked: some reader sleeps on the state word
//   bit   16     writer inside
//   bits 17..31  writers waiting (registered, not yet inside)
//
// Writer preference (Courtois, Heymans & Parnas 1971, "problem 2"): a reader
// may enter only when no writer is inside *and none is waiting*, so a stream
// of readers cannot starve a writer. Readers sleep on the state word itself
// (futex on its exact value: any change wakes or refuses the sleep); writers
// sleep on a separate sequence word, bumped before each writer wake-up.
//
// Invariants:
//  - writer inside => readers inside == 0, and vice versa.
//  - A writer counted in "waiting" is woken by whoever makes the lock free
//    for it: the last reader out, or the writer leaving.
//  - readers_parked is cleared only by the thread that wakes all readers, and
//    that happens when the last writer leaves with none waiting.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/futex.hpp>
#include <gillab/locks/lockable.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>
#include <cstdint>

namespace gillab::locks {

class rw_lock : pinned {
 public:
  static constexpr const char* name = "rw";

  static constexpr std::uint32_t reader_unit = 1;
  static constexpr std::uint32_t readers_mask = 0x7fff;
  static constexpr std::uint32_t readers_parked = 1U << 15;
  static constexpr std::uint32_t writer_inside = 1U << 16;
  static constexpr std::uint32_t writer_waiting_unit = 1U << 17;
  static constexpr std::uint32_t writers_waiting_mask = ~std::uint32_t{0} << 17;

  // --- shared (reader) side ---
  bool try_lock_shared() noexcept {
    std::uint32_t s = state_.load(std::memory_order_relaxed);
    while (reader_may_enter(s)) {
      if (state_.compare_exchange_weak(s, s + reader_unit, order_lock_acquire,
                                       std::memory_order_relaxed))
        return true;
    }
    return false;
  }

  void lock_shared() noexcept {
    spin_wait wait;
    for (;;) {
      std::uint32_t s = state_.load(std::memory_order_relaxed);
      if (reader_may_enter(s)) {
        if (state_.compare_exchange_weak(s, s + reader_unit, order_lock_acquire,
                                         std::memory_order_relaxed))
          return;
        continue;
      }
      // Spin first; and never park for a full reader count (only a reader
      // leaving fixes that, and readers leaving wake no one).
      if (wait.spinning() || (s & (writer_inside | writers_waiting_mask)) == 0) {
        wait.once();
        continue;
      }
      // Announce the sleep in the word itself, then sleep on that exact value.
      if (!(s & readers_parked) &&
          !state_.compare_exchange_weak(s, s | readers_parked, std::memory_order_relaxed))
        continue;
      futex_wait(state_, s | readers_parked);
    }
  }

  void unlock_shared() noexcept {
    const std::uint32_t s = state_.fetch_sub(reader_unit, order_lock_release) - reader_unit;
    if ((s & readers_mask) == 0 && (s & writers_waiting_mask) != 0) wake_one_writer();
  }

  // --- exclusive (writer) side ---
  bool try_lock() noexcept {
    std::uint32_t s = state_.load(std::memory_order_relaxed);
    while (writer_may_enter(s)) {
      if (state_.compare_exchange_weak(s, s | writer_inside, order_lock_acquire,
                                       std::memory_order_relaxed))
        return true;
    }
    return false;
  }

  void lock() noexcept {
    bool registered = false;
    spin_wait wait;
    for (;;) {
      std::uint32_t s = state_.load(std::memory_order_relaxed);
      if (writer_may_enter(s)) {
        const std::uint32_t next = (s | writer_inside) - (registered ? writer_waiting_unit : 0);
        if (state_.compare_exchange_weak(s, next, order_lock_acquire, std::memory_order_relaxed))
          return;
        continue;
      }
      if (!registered) {
        // Registering as waiting is what shuts out new readers.
        if (state_.compare_exchange_weak(s, s + writer_waiting_unit, std::memory_order_relaxed))
          registered = true;
        continue;
      }
      if (wait.spinning()) {
        wait.once();
        continue;
      }
      // Read the sequence before re-checking the state: a release after the
      // check bumps the sequence, so the sleep below refuses or is woken.
      const std::uint32_t seq = writer_seq_.load(std::memory_order_acquire);
      if (!writer_may_enter(state_.load(std::memory_order_acquire))) futex_wait(writer_seq_, seq);
    }
  }

  void unlock() noexcept {
    std::uint32_t s = state_.load(std::memory_order_relaxed);
    for (;;) {
      std::uint32_t next = s & ~writer_inside;
      const bool wake_writer = (s & writers_waiting_mask) != 0;
      // Readers are woken only when no writer waits (writer preference).
      const bool wake_readers = !wake_writer && (s & readers_parked);
      if (wake_readers) next &= ~readers_parked;
      if (state_.compare_exchange_weak(s, next, order_lock_release, std::memory_order_relaxed)) {
        if (wake_writer) wake_one_writer();
        if (wake_readers) futex_wake(state_, futex_wake_all);
        return;
      }
    }
  }

  /// Snapshot of the state word, for tests and statistics only.
  [[nodiscard]] std::uint32_t state_for_testing() const noexcept {
    return state_.load(std::memory_order_relaxed);
  }

 private:
  static bool reader_may_enter(std::uint32_t s) noexcept {
    return (s & (writer_inside | writers_waiting_mask)) == 0 && (s & readers_mask) != readers_mask;
  }
  static bool writer_may_enter(std::uint32_t s) noexcept {
    return (s & (writer_inside | readers_mask)) == 0;
  }
  void wake_one_writer() noexcept {
    writer_seq_.fetch_add(1, std::memory_order_release);
    futex_wake(writer_seq_, 1);
  }

  std::atomic<std::uint32_t> state_{0};
  std::atomic<std::uint32_t> writer_seq_{0};
};

}  // namespace gillab::locks
