// reclaim.hpp — what a lock-free reader may still hold is retired, not
// freed (back-ends with lockfree_reads: fine).
//
// The fine back-end reads dict tables and list item arrays without a lock
// (dict.cpp, list_items.hpp), so a key, a value, an item or a whole table
// or array that a writer removes may still be in a reader's
// hands for a moment: the reader found the pointer, and increfs it a few
// instructions later. Writers therefore hand what they displace to
// release_displaced() / retire_memory() instead of decref / free. Once a
// second thread has been started, those go into the process-wide QSBR
// domain (locks/reclaim/qsbr.hpp, McKenney & Slingwine's RCU grace
// periods): they are freed after every running thread has passed a
// safepoint, which no reader does in the middle of a lookup. With a single
// thread nobody can be reading concurrently, and both free at once, as they
// do on every back-end without lockfree_reads.
//
// Invariants:
//  - A value handed to release_displaced() carries the reference the
//    container owned; it is decref'd exactly once: now, or by the thread
//    that next drains after its grace period ends.
//  - Deferred decrefs run at safepoints (reclaim_safepoint) or at thread
//    detach, never inside the QSBR domain's own bookkeeping (a decref may
//    free a generator whose finally block runs Python, which may retire
//    again).
#pragma once

#include "types.hpp"

#include <atomic>
#include <cstdlib>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace reclaim_detail {
void defer_decref(value v);
void defer_free(void* memory);
bool drain_pending() noexcept;  // true when something waits to be decref'd
void drain();
extern std::atomic<bool> other_threads;
}  // namespace reclaim_detail

/// A second thread is about to start: from now on displaced objects wait
/// for their grace period (called before the thread is created).
void note_thread_start();

namespace reclaim_detail {
/// A reference to `v` dropped by a container must wait for a grace period:
/// a counted object, and a second thread that may be reading.
inline bool must_defer(value v) {
  if constexpr (backend::lockfree_reads) {
    return v.is_object() && !(v.obj()->flags & flag_immortal) && other_threads.load(std::memory_order_relaxed);
  }
  return false;
}
}  // namespace reclaim_detail

/// Drops the reference a container owned on `v` (a displaced key or value).
inline void release_displaced(value v) {
  if (reclaim_detail::must_defer(v)) {
    reclaim_detail::defer_decref(v);
  } else {
    decref(v);
  }
}

/// `v` leaves a container for the caller (list.pop): the caller gets a
/// reference of its own, and the container's is dropped as by
/// release_displaced, so a reader that loaded `v` just before can still
/// incref it. Free of cost while one thread runs.
inline value take_displaced(value v) {
  if (reclaim_detail::must_defer(v)) {
    incref(v);
    reclaim_detail::defer_decref(v);
  }
  return v;
}

/// Replaces unlocked fields (types.hpp) and releases what they held as
/// displaced values when it goes out of scope. Declared before the
/// write's unlocked_fields_write scope, so that on stm's concurrent mode a
/// deallocator that runs Python (a __del__, a generator's finally) runs
/// after the world restarted.
class unlocked_field_writer {
 public:
  unlocked_field_writer() = default;
  ~unlocked_field_writer() {
    for (std::size_t i = 0; i < count_; ++i) release_displaced(displaced_[i]);
  }
  unlocked_field_writer(const unlocked_field_writer&) = delete;
  unlocked_field_writer& operator=(const unlocked_field_writer&) = delete;

  /// Stores `x` (a new reference, or null) into `field`. An exchange, not a
  /// load and a store: two threads replacing at once each release exactly
  /// the value they displaced.
  void replace(value& field, value x) {
    value old = std::atomic_ref<value>(field).exchange(x, std::memory_order_acq_rel);
    if (!old) return;
    if (count_ == capacity) {  // (no writer replaces more than two fields)
      release_displaced(old);
      return;
    }
    displaced_[count_++] = old;
  }

 private:
  static constexpr std::size_t capacity = 2;
  value displaced_[capacity];
  std::size_t count_ = 0;
};

/// Frees `memory` (std::malloc'd) that lock-free readers may still be in.
inline void retire_memory(void* memory) {
  if constexpr (backend::lockfree_reads) {
    if (reclaim_detail::other_threads.load(std::memory_order_relaxed)) {
      reclaim_detail::defer_free(memory);
      return;
    }
  }
  std::free(memory);
}

/// At a safepoint, after the back-end's: decref what finished its grace period.
inline void reclaim_safepoint() {
  if constexpr (backend::lockfree_reads) {
    // Nothing is ever deferred before a second thread starts: one inline
    // load keeps a single-threaded run's back edges free of the call.
    if (reclaim_detail::other_threads.load(std::memory_order_relaxed) && reclaim_detail::drain_pending()) [[unlikely]] {
      reclaim_detail::drain();
    }
  }
}

/// After a collection: retires the calling thread's partly filled batch now
/// rather than when it fills, passes a quiescent state, and frees and
/// decrefs what finished its grace period (ended threads' garbage too): what
/// the collection displaced goes as soon as every other running thread has
/// passed a safepoint — at once when the caller runs alone, so gc.collect()
/// leaves no cleared-but-alive cycle behind.
void reclaim_flush();

/// Retired nodes (batches of displaced values, tables, arrays) not freed yet.
std::size_t reclaim_pending();

/// The calling thread leaves the runtime (before backend::detach): its
/// partly filled batch is retired, and what it can decref now is.
void reclaim_thread_exit();

GILLAB_RUNTIME_NAMESPACE_END
