// qsbr.hpp — quiescent-state-based reclamation (McKenney & Slingwine,
// "Read-Copy Update", 1998; Hart, McKenney, Demke Brown & Walpole,
// "Performance of memory reclamation for lockless synchronization", JPDC
// 2007; the liburcu-qsbr flavour).
//
// Readers pay nothing per operation: a thread announces, from time to time,
// a *quiescent state* — a point where it holds no reference into any
// structure of the domain (the VM's safepoint, a worker loop's turn). A node
// retired at grace period p is freed once every online thread has announced
// a quiescent state in a period >= p. Threads go offline around blocking
// calls (offline_region), and offline threads hold nothing back.
//
// Invariants:
//  - record.seen is 0 (offline) or the period counter its thread read at its
//    last quiescent state (or when it came online); nondecreasing while online.
//  - Retirement batches: a thread collects reclaim_threshold retired nodes,
//    then opens a new period with a seq_cst fetch_add on the counter (after
//    the unlinks) and stamps the batch with it. A batch stamped p is freed
//    when every online record has seen >= p: each such thread read the
//    counter at or after the fetch_add (acquire), so its later reads see the
//    unlinks, and its earlier reads happen before its release store of seen.
//  - Going online stores seen seq_cst and then loads the structure seq_cst
//    (guard::protect); the reclaimer reads seen seq_cst after the fetch_add:
//    it either sees the thread online, or the thread sees the unlinks.
//  - Closing a batch also adopts the domain's orphans (garbage of exited
//    threads, still stamped) and then sweeps the whole list once, so orphans
//    do not accumulate with thread churn (reclaimer.hpp).
//  - guard only brings an offline thread online; it does not end anything.
//    quiescent_state() is the caller's promise that it holds no references.
//
// Stall behaviour: as with epochs (epoch.hpp), an online thread that stops
// announcing quiescent states stops all reclamation and garbage grows without
// bound; hazard pointers bound it. That is the price of free reads: the VM
// must announce at its safepoints and go offline in blocking regions.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/reclaim/reclaimer.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace gillab::locks::reclaim {

template <class Tag = void>
class basic_qsbr {
 public:
  static constexpr const char* name = "qsbr";
  /// Retirements per batch (one period and one reclamation attempt each).
  static constexpr std::size_t reclaim_threshold = 64;
  /// Quiescent states between reclamation attempts while garbage waits.
  static constexpr unsigned quiescent_interval = 16;

  struct alignas(cache_line_size) record : detail::record_base {
    std::atomic<std::uint64_t> seen{0};
    detail::retired_list batch;  // owner only: retired, not yet stamped
    unsigned since_attempt = 0;  // owner only
    [[nodiscard]] std::size_t held() const noexcept { return retired.size() + batch.size(); }
  };

  class guard {
   public:
    guard() noexcept {
      record& r = local();
      if (r.seen.load(std::memory_order_relaxed) == 0) go_online(r);
    }
    guard(const guard&) = delete;
    guard& operator=(const guard&) = delete;

    template <class T>
    T* protect(std::size_t /*slot*/, const std::atomic<T*>& src) const noexcept {
      return src.load(std::memory_order_seq_cst);
    }
  };

  template <class Node>
  static void retire(Node* node) {
    record& r = local();
    node->destroy = &detail::destroy_node<Node>;
    r.batch.push(node);
    if (r.batch.size() >= reclaim_threshold) {
      close_batch(r);
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

  /// The calling thread holds no reference into the domain's structures.
  static void quiescent_state() noexcept {
    record& r = local();
    if (r.seen.load(std::memory_order_relaxed) == 0) return;  // offline stays offline
    r.seen.store(period_.load(std::memory_order_acquire), std::memory_order_release);
    if (!r.retired.empty() && ++r.since_attempt >= quiescent_interval) {
      r.since_attempt = 0;
      free_expired(r);
      detail::publish_pending(r);
    }
  }

  /// Leave the domain: from now on this thread holds no references and does
  /// not delay anyone's reclamation (blocking calls, idle workers).
  static void offline() noexcept { local().seen.store(0, std::memory_order_release); }
  static void online() noexcept {
    record& r = local();
    if (r.seen.load(std::memory_order_relaxed) == 0) go_online(r);
  }
  static bool is_online() noexcept { return local().seen.load(std::memory_order_relaxed) != 0; }

  /// Offline for a scope; restores the previous state.
  class offline_region {
   public:
    offline_region() noexcept : was_online_(is_online()) { offline(); }
    ~offline_region() {
      if (was_online_) online();
    }
    offline_region(const offline_region&) = delete;
    offline_region& operator=(const offline_region&) = delete;

   private:
    bool was_online_;
  };

  /// Adopts the garbage of exited threads and frees everything expired (a
  /// full sweep). It does not announce a quiescent state: a thread inside a
  /// guard may flush; call quiescent_state() first to free its own latest.
  static void flush() {
    record& r = local();
    registry_.value.adopt(r);
    if (!r.batch.empty()) close_batch(r);
    sweep_expired(r);
    detail::publish_pending(r);
  }

  static std::size_t pending() noexcept { return registry().pending(); }

  // --- for detail::thread_handle -------------------------------------------
  static detail::record_registry<record>& registry() noexcept { return registry_.value; }
  static void on_thread_exit(record& r) {
    r.seen.store(0, std::memory_order_release);
    if (!r.batch.empty()) close_batch(r);
    free_expired(r);
    registry_.value.donate(r);
    detail::publish_pending(r);
  }

 private:
  static record& local() {
    thread_local detail::thread_handle<basic_qsbr> handle;
    return *handle.rec;
  }

  static void go_online(record& r) noexcept {
    r.seen.store(period_.load(std::memory_order_seq_cst), std::memory_order_seq_cst);
  }

  static void close_batch(record& r) {
    const std::uint64_t stamp = period_.fetch_add(1, std::memory_order_seq_cst) + 1;
    while (!r.batch.empty()) {
      retirable* node = r.batch.pop();
      node->retired_tag = stamp;
      r.retired.push(node);
    }
  }

  /// The oldest period an online thread may still be reading in.
  static std::uint64_t oldest_seen() noexcept {
    std::uint64_t oldest = std::numeric_limits<std::uint64_t>::max();
    for (record* other = registry_.value.first(); other != nullptr; other = registry_.value.next(other)) {
      const std::uint64_t seen = other->seen.load(std::memory_order_seq_cst);
      if (seen != 0) oldest = std::min(oldest, seen);
    }
    return oldest;
  }

  static void free_expired(record& r) {
    const std::uint64_t oldest = oldest_seen();
    while (!r.retired.empty() && r.retired.front()->retired_tag <= oldest) {
      retirable* node = r.retired.pop();
      node->destroy(node);
    }
  }

  /// Free every expired node, wherever it sits in the list.
  static void sweep_expired(record& r) {
    const std::uint64_t oldest = oldest_seen();
    r.retired.sweep([oldest](const retirable* node) { return node->retired_tag > oldest; });
  }

  static inline std::atomic<std::uint64_t> period_{1};
  static inline detail::never_destroyed<detail::record_registry<record>> registry_;
};

/// The process-wide QSBR domain (the VM's safepoints announce into it).
using qsbr = basic_qsbr<>;

}  // namespace gillab::locks::reclaim
