// parking_mutex.cpp — slow paths of the one-byte mutex; see parking_mutex.hpp.
#include <gillab/locks/parking_mutex.hpp>

#include <thread>

namespace gillab::locks {
namespace {

constexpr std::intptr_t token_direct_handoff = 1;

// Statistics are relaxed counters on the slow paths only.
std::atomic<std::uint64_t> park_count{0};
std::atomic<std::uint64_t> handoff_count{0};

}  // namespace

parking_mutex::counters parking_mutex::statistics() noexcept {
  return {park_count.load(std::memory_order_relaxed), handoff_count.load(std::memory_order_relaxed)};
}

void parking_mutex::lock_slow() noexcept {
  unsigned spins = 0;
  for (;;) {
    std::uint8_t current = byte_.load(std::memory_order_relaxed);
    if (!(current & held_bit)) {
      if (byte_.compare_exchange_weak(current, current | held_bit, order_lock_acquire,
                                      std::memory_order_relaxed))
        return;
      continue;
    }
    // Spin only while nobody is parked: once someone is, the line is long and
    // spinning would just take the processor from the holder.
    if (!(current & parked_bit) && spins < spin_limit) {
      ++spins;
      std::this_thread::yield();
      continue;
    }
    if (!(current & parked_bit)) {
      if (!byte_.compare_exchange_weak(current, current | parked_bit, std::memory_order_relaxed))
        continue;
    }
    park_count.fetch_add(1, std::memory_order_relaxed);
    const auto result = parking_lot::park(&byte_, [this] {
      return byte_.load(std::memory_order_relaxed) == (held_bit | parked_bit);
    });
    if (result.was_unparked && result.token == token_direct_handoff) {
      // The unlocker kept `held` set for us. Its critical section happens
      // before its wake-up, which park() read with acquire.
      return;
    }
  }
}

void parking_mutex::unlock_slow() noexcept {
  for (;;) {
    std::uint8_t current = byte_.load(std::memory_order_relaxed);
    if (current == held_bit) {
      if (byte_.compare_exchange_weak(current, 0, order_lock_release, std::memory_order_relaxed))
        return;
      continue;
    }
    // held | parked: wake one, deciding the new byte under the bucket lock.
    parking_lot::unpark_one(&byte_, [this](parking_lot::unpark_result r) -> std::intptr_t {
      if (r.did_unpark_thread && r.time_to_be_fair) {
        // Direct hand-off: the byte stays held; keep parked if others wait.
        byte_.store(r.may_have_more_threads ? (held_bit | parked_bit) : held_bit,
                    order_lock_release);
        handoff_count.fetch_add(1, std::memory_order_relaxed);
        return token_direct_handoff;
      }
      byte_.store(r.may_have_more_threads ? parked_bit : 0, order_lock_release);
      return 0;
    });
    return;
  }
}

}  // namespace gillab::locks
