// mpmc_queue.hpp — bounded multi-producer multi-consumer queue (Vyukov,
// "Bounded MPMC queue", 1024cores.net, 2010).
//
// A ring of cells, each with a sequence number that says whose turn the cell
// is: producers and consumers claim positions with a CAS on their own
// counter, then wait for nothing: the cell's sequence tells them whether the
// position is ready (or the queue full / empty).
//
// Invariants (capacity C, a power of two; position p uses cell p mod C):
//  - cell.sequence == p     : free for the producer of position p;
//    cell.sequence == p + 1 : holds the value of position p, for its consumer;
//    the consumer of p sets it to p + C, freeing it for the producer of p + C.
//  - enqueue_pos_ / dequeue_pos_ only grow; a position is claimed by exactly
//    one producer (consumer): the CAS that moves the counter past it.
//  - A cell's value is written by its producer before the release store of
//    p + 1 and read by its consumer after the acquire load of it; the
//    consumer's release store of p + C orders its read before the next write.
//
//  - try_enqueue moves the value into the cell only after its position is
//    claimed: a full queue leaves the caller's value untouched (enqueue
//    retries with it). T's move constructor must not throw: a throw between
//    the claim and the publication would leave the cell unpublished and wedge
//    every later consumer of that cell.
//
// ABA: none to guard against: there are no pointers to reclaim, and the
// positions are 64-bit counters that do not wrap in practice.
//
// Progress and linearizability: not lock-free in the strict sense. A
// producer that stalls after claiming position p and before publishing it
// makes consumers report `empty` at p, even if values at later positions are
// already complete (so an empty result is not linearizable; the order of
// values is FIFO by position). Likewise a stalled consumer can make producers
// report `full`. In exchange, an uncontended operation is one CAS and two
// cache lines, and nothing is allocated.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace gillab::locks {

template <class T>
class mpmc_queue {
  // A move that throws after the slot is claimed would wedge the ring (see
  // the invariants); nothing could undo the claim.
  static_assert(std::is_nothrow_move_constructible_v<T>,
                "mpmc_queue<T> needs a nothrow move constructor");

 public:
  static constexpr const char* name = "mpmc";
  using value_type = T;

  /// `capacity` is rounded up to a power of two (at least 2).
  explicit mpmc_queue(std::size_t capacity = 1024)
      : mask_(round_up(capacity) - 1), cells_(new cell[mask_ + 1]) {
    for (std::size_t i = 0; i <= mask_; ++i) cells_[i].sequence.store(i, std::memory_order_relaxed);
  }
  mpmc_queue(const mpmc_queue&) = delete;
  mpmc_queue& operator=(const mpmc_queue&) = delete;
  /// Not concurrent with any operation.
  ~mpmc_queue() {
    while (try_dequeue()) {
    }
  }

  [[nodiscard]] std::size_t capacity() const noexcept { return mask_ + 1; }

  /// False if the queue was full at the claim; `value` is then left as it was
  /// (taken by reference, moved from only once a position is claimed, so a
  /// retry in enqueue() never sees a moved-from object).
  bool try_enqueue(T&& value) { return emplace_claimed(std::move(value)); }
  bool try_enqueue(const T& value) {
    // A copy that may throw is made before the claim (see the invariants).
    if constexpr (std::is_nothrow_copy_constructible_v<T>) {
      return emplace_claimed(value);
    } else {
      T copy(value);
      return emplace_claimed(std::move(copy));
    }
  }

  /// Empty if the cell at the front was not published at the claim.
  std::optional<T> try_dequeue() {
    std::size_t pos = dequeue_pos_.load(std::memory_order_relaxed);
    cell* c;
    for (;;) {
      c = &cells_[pos & mask_];
      const std::size_t seq = c->sequence.load(std::memory_order_acquire);
      const auto diff = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos + 1);
      if (diff == 0) {
        if (dequeue_pos_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) break;
      } else if (diff < 0) {
        return std::nullopt;
      } else {
        pos = dequeue_pos_.load(std::memory_order_relaxed);
      }
    }
    T* slot = std::launder(reinterpret_cast<T*>(c->storage));
    std::optional<T> value(std::move(*slot));
    slot->~T();
    c->sequence.store(pos + mask_ + 1, std::memory_order_release);
    return value;
  }

  /// Blocking conveniences for tests and benchmarks: bounded spin, then yield.
  /// A failed try_enqueue leaves `value` intact, so every retry offers it.
  void enqueue(T value) {
    spin_wait wait;
    while (!try_enqueue(std::move(value))) wait.once();
  }

 private:
  /// Claim a position, then construct the value in its cell (nothrow: U is
  /// T&& or a const T& whose copy cannot throw).
  template <class U>
  bool emplace_claimed(U&& value) noexcept {
    std::size_t pos = enqueue_pos_.load(std::memory_order_relaxed);
    cell* c;
    for (;;) {
      c = &cells_[pos & mask_];
      const std::size_t seq = c->sequence.load(std::memory_order_acquire);
      const auto diff = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos);
      if (diff == 0) {
        if (enqueue_pos_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) break;
      } else if (diff < 0) {
        return false;  // the consumer of pos - C has not freed the cell
      } else {
        pos = enqueue_pos_.load(std::memory_order_relaxed);  // another producer took pos
      }
    }
    // Only now, with the position ours, is the caller's value consumed.
    ::new (static_cast<void*>(c->storage)) T(std::forward<U>(value));
    c->sequence.store(pos + 1, std::memory_order_release);
    return true;
  }

  struct cell {
    std::atomic<std::size_t> sequence;
    alignas(T) unsigned char storage[sizeof(T)];
  };

  static std::size_t round_up(std::size_t n) {
    std::size_t c = 2;
    while (c < n) c <<= 1;
    return c;
  }

  const std::size_t mask_;
  const std::unique_ptr<cell[]> cells_;
  alignas(cache_line_size) std::atomic<std::size_t> enqueue_pos_{0};
  alignas(cache_line_size) std::atomic<std::size_t> dequeue_pos_{0};
};

}  // namespace gillab::locks
