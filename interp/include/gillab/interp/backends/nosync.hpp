// nosync.hpp — the back-end with no synchronisation at all.
//
// The single-thread floor every other back-end is measured against: plain
// 32-bit reference counts, no locks, no barriers, every hook empty. Starting
// a second thread is refused with a clear error (supports_threads = false),
// so nothing can observe the missing synchronisation.
//
// Invariant: exactly one thread ever runs Python code in a nosync process.
#pragma once

#include <gillab/interp/backend.hpp>

#include <cstdint>
#include <ostream>

namespace gillab::interp::backends {

struct nosync {
  static constexpr const char* name = "nosync";
  static constexpr bool supports_threads = false;
  static constexpr bool restartable = false;
  static constexpr bool parallel = false;
  static constexpr bool lockfree_reads = false;

  struct object_header {
    std::uint32_t refcount;
  };
  struct thread_state {};

  static void attach(thread_state&) {}
  static void disown(thread_state&) {}
  static void detach(thread_state&) {}
  static bool safepoint(thread_state&) { return false; }
  static void enter_blocking(thread_state&) {}
  static void leave_blocking(thread_state&) {}

  static void init_header(object_header& h, thread_state&) { h.refcount = 1; }
  static void incref(object_header& h) { ++h.refcount; }
  static bool decref(object_header& h) { return --h.refcount == 0; }
  static std::uint32_t refcount(const object_header& h) { return h.refcount; }
  static void mark_weakly_referenced(object_header&) {}
  static bool try_incref(object_header& h) {
    if (h.refcount == 0) return false;  // being deallocated
    ++h.refcount;
    return true;
  }

  struct read_section {
    read_section(thread_state&, object_header&) {}
  };
  struct write_section {
    write_section(thread_state&, object_header&) {}
  };
  struct write_section2 {
    write_section2(thread_state&, object_header&, object_header&) {}
  };

  static void atomic_begin(thread_state&) {}
  static void atomic_end(thread_state&) {}
  static void write_statistics(std::ostream& out) { out << "{\"backend\": \"nosync\"}"; }
};

static_assert(vm_backend<nosync>);

}  // namespace gillab::interp::backends
