// epoch.hpp — epoch-based reclamation (Fraser, "Practical lock-freedom",
// Cambridge TR 579, 2004, §5.2.3; as in Concurrency Kit's ck_epoch).
//
// A global epoch counter; a reader *pins* the current epoch for the length of
// its guard (the read-side critical region). A retired node is stamped with
// the epoch at retirement and freed once the global epoch is two ahead. The
// epoch advances by one only when every pinned thread has pinned the current
// epoch, so two advances after a retirement prove that every thread that
// pinned before the unlink has unpinned since.
//
// Invariants:
//  - record.active is 0 (not pinned) or the epoch its thread pinned; a thread
//    pinned at e keeps the global epoch at most e + 1.
//  - A node stamped s is unlinked before the stamp is read; it is freed only
//    when global >= s + 2. Any reader that could hold it pinned an epoch <= s
//    (it pinned before the unlink), which blocks the advance s+1 -> s+2.
//  - The pin is a seq_cst store of `active` followed by seq_cst loads of the
//    structure (guard::protect); the advance reads every `active` seq_cst
//    after the unlinking seq_cst CAS. Either the advance sees the pin, or the
//    reader's loads come after the unlink (see reclaimer.hpp on Dekker).
//  - Each thread's garbage is a FIFO in stamp order, except for orphans
//    (garbage of exited threads) adopted at its tail; every reclaim_threshold
//    retirements it tries one advance, adopts any orphans, and frees the
//    expired prefix (the whole list, swept, when it adopted). While no thread
//    stays pinned, a thread's own garbage stays below ~3 thresholds, and
//    orphans do not accumulate with thread churn.
//
// Stall behaviour: a thread that stays pinned (stalls, is descheduled or
// blocks inside a guard) stops the epoch, and from then on *no* thread frees
// anything: garbage grows without bound, in every thread. Hazard pointers
// (hazard_pointers.hpp) bound it instead; tests/lockfree/test_reclaim.cpp
// shows both. In exchange, a pin costs one store per critical region, not
// one per pointer, and readers traverse any number of nodes.
//
// Guards nest (a depth counter); only the outermost one pins.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/reclaim/reclaimer.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace gillab::locks::reclaim {

template <class Tag = void>
class basic_epoch {
 public:
  static constexpr const char* name = "epoch";
  /// Retirements between two attempts to advance the epoch and free.
  static constexpr std::size_t reclaim_threshold = 64;

  struct alignas(cache_line_size) record : detail::record_base {
    std::atomic<std::uint64_t> active{0};
    unsigned depth = 0;             // owner only: guard nesting
    std::size_t since_attempt = 0;  // owner only
  };

  class guard {
   public:
    guard() noexcept : rec_(&local()) {
      if (rec_->depth++ == 0) rec_->active.store(global_epoch_.load(std::memory_order_seq_cst),
                                                 std::memory_order_seq_cst);
    }
    ~guard() {
      // Release: the reads made under the pin happen before the advance
      // that sees the thread unpinned, hence before any free it allows.
      if (--rec_->depth == 0) rec_->active.store(0, std::memory_order_release);
    }
    guard(const guard&) = delete;
    guard& operator=(const guard&) = delete;

    /// Every node reachable while pinned stays allocated until the guard ends.
    template <class T>
    T* protect(std::size_t /*slot*/, const std::atomic<T*>& src) const noexcept {
      return src.load(std::memory_order_seq_cst);
    }

   private:
    record* rec_;
  };

  template <class Node>
  static void retire(Node* node) {
    record& r = local();
    node->destroy = &detail::destroy_node<Node>;
    node->retired_tag = global_epoch_.load(std::memory_order_seq_cst);
    r.retired.push(node);
    if (++r.since_attempt >= reclaim_threshold) {
      r.since_attempt = 0;
      try_advance();
      // Adopt exited threads' garbage (else it would grow with thread churn
      // until someone flushed). Orphans carry older stamps than the tail
      // they join, so after an adoption sweep the whole list once.
      if (registry_.value.adopt(r) != 0) {
        sweep_expired(r);
      } else {
        free_expired(r);
      }
    }
    detail::publish_pending(r);
  }

  static void quiescent_state() noexcept {}

  /// Adopts the garbage of exited threads, tries two advances and frees
  /// everything expired (a full sweep, not just the oldest prefix).
  static void flush() {
    record& r = local();
    registry_.value.adopt(r);
    if (r.depth == 0) {
      try_advance();
      try_advance();
    }
    sweep_expired(r);
    detail::publish_pending(r);
  }

  static std::size_t pending() noexcept { return registry().pending(); }
  static std::uint64_t current_epoch() noexcept {
    return global_epoch_.load(std::memory_order_relaxed);
  }

  // --- for detail::thread_handle -------------------------------------------
  static detail::record_registry<record>& registry() noexcept { return registry_.value; }
  static void on_thread_exit(record& r) {
    if (r.depth == 0) {
      try_advance();
      try_advance();
    }
    free_expired(r);
    registry_.value.donate(r);
    detail::publish_pending(r);
  }

 private:
  static record& local() {
    thread_local detail::thread_handle<basic_epoch> handle;
    return *handle.rec;
  }

  /// Advance the epoch if every pinned thread has pinned the current one.
  static bool try_advance() noexcept {
    std::uint64_t e = global_epoch_.load(std::memory_order_seq_cst);
    for (record* r = registry_.value.first(); r != nullptr; r = registry_.value.next(r)) {
      const std::uint64_t a = r->active.load(std::memory_order_seq_cst);
      if (a != 0 && a != e) return false;
    }
    return global_epoch_.compare_exchange_strong(e, e + 1, std::memory_order_seq_cst);
  }

  static void free_expired(record& r) {
    // Acquire: reads from the advancing CAS (every write to the epoch is an
    // RMW, so the release sequence carries all of them), hence after the
    // unpinning stores the advances saw.
    const std::uint64_t global = global_epoch_.load(std::memory_order_acquire);
    while (!r.retired.empty() && r.retired.front()->retired_tag + 2 <= global) {
      retirable* node = r.retired.pop();
      node->destroy(node);
    }
  }

  /// Free every expired node, wherever it sits in the list.
  static void sweep_expired(record& r) {
    // Acquire: as in free_expired.
    const std::uint64_t global = global_epoch_.load(std::memory_order_acquire);
    r.retired.sweep([global](const retirable* node) { return node->retired_tag + 2 > global; });
  }

  static inline std::atomic<std::uint64_t> global_epoch_{1};
  static inline detail::never_destroyed<detail::record_registry<record>> registry_;
};

/// The process-wide epoch domain that structures use by default.
using epoch = basic_epoch<>;

}  // namespace gillab::locks::reclaim
