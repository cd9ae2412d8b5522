// parking_lot.hpp — a global table of wait queues keyed by address.
//
// Follows WebKit's WTF::ParkingLot (Pizlo, "Locking in WebKit", 2016) and
// Rust's parking_lot crate: any word in memory can be waited on without
// holding a queue of its own, so a lock can be one byte (parking_mutex.hpp)
// and every object in the VM can carry one. A parked thread sleeps on a futex
// in its own per-thread record.
//
// Invariants:
//  - The table has a fixed number of buckets (bucket_count); an address maps
//    to one bucket, and a bucket's lock protects its queue. Distinct addresses
//    may share a bucket; queues keep each thread's address, and operations on
//    one address only touch threads parked on it. (WebKit grows its table with
//    the thread count; a fixed table is simpler and the VM runs few threads.)
//  - park() runs `validate` with the bucket locked and parks only if it
//    returns true; unpark runs its callback with the bucket locked. An
//    unlocker that changes the word under the bucket lock therefore cannot
//    miss a thread that decided to park on the old value: the "compare" of
//    compare-and-park and the "unpark" are serialised by the bucket lock.
//  - A thread is in at most one queue. Once an unparker removed it from the
//    queue, the parked thread waits for that unparker's wake-up even if its
//    own timeout has expired, so the token it returns is always the one that
//    was handed to it.
//  - Queues are FIFO per address.
#pragma once

#include <gillab/locks/function_ref.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace gillab::locks::parking_lot {

using clock = std::chrono::steady_clock;

/// What park() tells its caller.
struct park_result {
  bool was_unparked = false;  // false: validation failed or the deadline passed
  std::intptr_t token = 0;    // the unparker's callback's return value
};

/// What an unparker's callback learns while the bucket is locked.
struct unpark_result {
  bool did_unpark_thread = false;
  bool may_have_more_threads = false;  // others still park on the address
  bool time_to_be_fair = false;        // roughly every millisecond per bucket
};

/// Park the calling thread on `address` if `validate()` holds (checked with
/// the bucket locked). `before_sleep` runs after the thread is queued and the
/// bucket unlocked. Waits until unparked or until `deadline`.
park_result park(const void* address, function_ref<bool()> validate,
                 function_ref<void()> before_sleep,
                 std::optional<clock::time_point> deadline = std::nullopt);

/// Convenience: park while the validation holds, no before-sleep action.
inline park_result park(const void* address, function_ref<bool()> validate,
                        std::optional<clock::time_point> deadline = std::nullopt) {
  return park(address, validate, [] {}, deadline);
}

/// Unpark the first thread parked on `address`, if any. `callback` runs with
/// the bucket locked, after the thread (if any) left the queue; its return
/// value becomes that thread's token.
void unpark_one(const void* address, function_ref<std::intptr_t(unpark_result)> callback);

/// Unpark every thread parked on `address`; returns how many.
std::size_t unpark_all(const void* address, std::intptr_t token = 0);

/// Number of threads parked on `address` right now (tests, statistics).
std::size_t parked_count(const void* address);

inline constexpr std::size_t bucket_count = 1024;

}  // namespace gillab::locks::parking_lot
