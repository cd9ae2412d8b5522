// hazard_pointers.hpp — hazard pointers (Michael, "Hazard Pointers: Safe
// Memory Reclamation for Lock-Free Objects", IEEE TPDS 15(6), 2004).
//
// A reader publishes each pointer it is about to dereference in one of its
// hazard slots and re-reads the source to check the pointer is still
// reachable; a retired node is freed only when no slot holds it.
//
// Invariants:
//  - protect(): store the slot (seq_cst), re-load the source (seq_cst), and
//    return only once the two agree. The retirer unlinks (seq_cst CAS) before
//    it scans the slots (seq_cst loads): either the scan sees the hazard, or
//    the re-load sees the unlink and protect() retries (reclaimer.hpp).
//  - A structure must validate that a protected node was still reachable
//    *after* the hazard was published; when the source is not the link that
//    unlinks the node (the MS queue's head->next), it checks its own entry
//    point again (the queue re-reads head).
//  - A scan collects every slot of every record, sorts them, and frees each
//    retired node not among them. It runs when a thread's retired list
//    reaches `scan_at` = what survived the last scan + max(64, H), H the
//    number of slots in the domain: at most H nodes survive a scan, so a
//    thread holds at most 2H + 64 retired nodes and a scan costs O(1)
//    amortised per retirement (Michael's R = H + Omega(H)). A scan that
//    retire() triggers first adopts exited threads' garbage (reclaimer.hpp),
//    which may push one list past the bound once; the orphans' total is
//    bounded by what exiting threads left, each after its own final scan.
//  - Each guard owns slots_per_guard consecutive slots of its thread's
//    record; guards nest up to max_slots / slots_per_guard deep.
//
// Stall behaviour: a stalled thread pins at most its own max_slots nodes;
// every other node is freed normally, so garbage stays bounded whatever any
// thread does (tests/lockfree/test_reclaim.cpp). The price is a seq_cst
// store per protected pointer (an xchg on x86) and a fixed number of
// pointers a reader may hold at once.
//
// A node is compared by the address readers protect (the Node*, or the boxed
// object for retire_object; retire() stores it in retired_tag), so a node
// need not start with its header.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/reclaim/reclaimer.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace gillab::locks::reclaim {

template <class Tag = void>
class basic_hazard_pointers {
 public:
  static constexpr const char* name = "hazard";
  static constexpr std::size_t slots_per_guard = 2;
  static constexpr std::size_t max_slots = 8;  // per thread
  static constexpr std::size_t min_scan_interval = 64;

  struct alignas(cache_line_size) record : detail::record_base {
    std::array<std::atomic<const void*>, max_slots> slots{};
    std::size_t used = 0;     // owner only: slots taken by live guards
    std::size_t scan_at = min_scan_interval;  // owner only
    std::vector<std::uintptr_t> scratch;      // owner only: a scan's hazards
  };

  class guard {
   public:
    guard() noexcept : rec_(&local()), base_(rec_->used) {
      if (base_ + slots_per_guard > max_slots) std::abort();  // nested too deep
      rec_->used = base_ + slots_per_guard;
    }
    ~guard() {
      // Release: the reads through a hazard happen before the scan that
      // sees it cleared, hence before the free.
      for (std::size_t i = 0; i < slots_per_guard; ++i) {
        auto& slot = rec_->slots[base_ + i];
        if (slot.load(std::memory_order_relaxed) != nullptr) {
          slot.store(nullptr, std::memory_order_release);
        }
      }
      rec_->used = base_;
    }
    guard(const guard&) = delete;
    guard& operator=(const guard&) = delete;

    /// Load src and keep the result allocated until the guard ends or `slot`
    /// (0 .. slots_per_guard-1) protects something else.
    template <class T>
    T* protect(std::size_t slot, const std::atomic<T*>& src) noexcept {
      auto& hazard = rec_->slots[base_ + slot];
      T* p = src.load(std::memory_order_relaxed);
      for (;;) {
        hazard.store(p, std::memory_order_seq_cst);
        T* again = src.load(std::memory_order_seq_cst);
        if (again == p) return p;
        p = again;
      }
    }
    void reset(std::size_t slot) noexcept {
      rec_->slots[base_ + slot].store(nullptr, std::memory_order_release);
    }

   private:
    record* rec_;
    std::size_t base_;
  };

  template <class Node>
  static void retire(Node* node) {
    record& r = local();
    node->destroy = &detail::destroy_node<Node>;
    node->retired_tag = reinterpret_cast<std::uintptr_t>(detail::protected_address(node));
    r.retired.push(node);
    if (r.retired.size() >= r.scan_at) {
      // Adopt exited threads' garbage here too, not only in flush(): else it
      // would grow with thread churn. The scan's sweep covers it.
      registry_.value.adopt(r);
      scan(r);
    }
    detail::publish_pending(r);
  }

  static void quiescent_state() noexcept {}

  /// Adopts the garbage of exited threads and scans.
  static void flush() {
    record& r = local();
    registry_.value.adopt(r);
    scan(r);
    detail::publish_pending(r);
  }

  static std::size_t pending() noexcept { return registry().pending(); }

  // --- for detail::thread_handle -------------------------------------------
  static detail::record_registry<record>& registry() noexcept { return registry_.value; }
  static void on_thread_exit(record& r) {
    scan(r);
    registry_.value.donate(r);
    detail::publish_pending(r);
  }

 private:
  static record& local() {
    thread_local detail::thread_handle<basic_hazard_pointers> handle;
    return *handle.rec;
  }

  static void scan(record& r) {
    auto& hazards = r.scratch;
    hazards.clear();
    std::size_t slots = 0;
    for (record* other = registry_.value.first(); other != nullptr; other = registry_.value.next(other)) {
      for (auto& slot : other->slots) {
        ++slots;
        if (const void* p = slot.load(std::memory_order_seq_cst)) {
          hazards.push_back(reinterpret_cast<std::uintptr_t>(p));
        }
      }
    }
    std::sort(hazards.begin(), hazards.end());
    r.retired.sweep([&](const retirable* node) {
      return std::binary_search(hazards.begin(), hazards.end(), node->retired_tag);
    });
    r.scan_at = r.retired.size() + std::max(min_scan_interval, slots);
  }

  static inline detail::never_destroyed<detail::record_registry<record>> registry_;
};

/// The process-wide hazard-pointer domain that structures may use.
using hazard_pointers = basic_hazard_pointers<>;

}  // namespace gillab::locks::reclaim
