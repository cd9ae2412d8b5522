// leak.hpp — no reclamation while the process runs: the floor against which
// the other schemes' cost is measured (bench/lockfree_bench.cpp).
//
// Nothing is freed, so no reader can ever touch freed memory and no address
// is reused: ABA cannot happen. Memory grows with every retirement, which is
// only acceptable for short runs and benchmarks.
//
// Invariants:
//  - guard and protect() do nothing but an acquire load; quiescent_state()
//    and flush() do nothing.
//  - retire() appends to the calling thread's record (two plain stores, no
//    atomic read-modify-write, no scan). The records are freed at static
//    destruction, so leak checkers (LeakSanitizer) stay quiet and a test
//    can run the structures with this scheme too.
#pragma once

#include <gillab/locks/reclaim/reclaimer.hpp>

#include <atomic>
#include <cstddef>

namespace gillab::locks::reclaim {

template <class Tag = void>
class basic_leak {
 public:
  static constexpr const char* name = "leak";

  struct record : detail::record_base {};

  class guard {
   public:
    guard() noexcept = default;
    guard(const guard&) = delete;
    guard& operator=(const guard&) = delete;

    template <class T>
    T* protect(std::size_t /*slot*/, const std::atomic<T*>& src) const noexcept {
      return src.load(std::memory_order_acquire);
    }
  };

  template <class Node>
  static void retire(Node* node) {
    record& r = local();
    node->destroy = &detail::destroy_node<Node>;
    r.retired.push(node);
    detail::publish_pending(r);
  }

  static void quiescent_state() noexcept {}
  static void flush() noexcept {}

  /// Free everything retired so far, in every record. Only when no thread
  /// can hold a reference or retire concurrently (all workers joined or
  /// waiting at a barrier): benchmarks call it between runs so that memory
  /// does not grow from one run to the next.
  static void free_all_unsafe() noexcept {
    for (record* r = registry_.value.first(); r != nullptr; r = registry_.value.next(r)) {
      r->retired.destroy_all();
      detail::publish_pending(*r);
    }
  }
  static std::size_t pending() noexcept { return registry().pending(); }

  // --- for detail::thread_handle -------------------------------------------
  static detail::record_registry<record>& registry() noexcept { return registry_.value; }
  static void on_thread_exit(record&) noexcept {}

 private:
  static record& local() {
    thread_local detail::thread_handle<basic_leak> handle;
    return *handle.rec;
  }

  static inline detail::never_destroyed<detail::record_registry<record>> registry_;
};

using leak = basic_leak<>;

}  // namespace gillab::locks::reclaim
