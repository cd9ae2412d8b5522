// gil.hpp — one global interpreter lock, with CPython's "new GIL" rules.
//
// Follows CPython's Python/ceval_gil.c (Antoine Pitrou's new GIL, 3.2+):
//  - The GIL is a flag `locked` behind a mutex and a condition variable.
//    One thread at a time holds it and runs Python code; reference counts
//    are plain integers because the GIL protects them.
//  - A thread that wants the GIL and finds it held waits on the condition
//    variable for at most the switch interval (default 5 ms,
//    sys.setswitchinterval). If the interval passed and no switch happened
//    meanwhile (the switch number did not move), it sets the *drop request*
//    in the eval breaker and waits again.
//  - The holder sees the drop request at its next safepoint (the eval loop
//    calls safepoint() on backward jumps and calls; the fast path is one
//    relaxed load of the eval breaker) and drops the GIL. With *forced
//    switching* it then waits until another thread has taken it, so the
//    dropping thread cannot simply take it straight back.
//  - Blocking regions (time.sleep, lock waits, joins, I/O) drop the GIL on
//    entry and take it back on exit (Py_BEGIN/END_ALLOW_THREADS).
//
// Variants, chosen at run time (`pyvm-gil -X gil=new|legacy|fair`, set
// before a second thread starts), so one binary measures all three:
//  - new     CPython 3.2+ as above (the default).
//  - legacy  CPython 3.1's tick-based GIL: every 100 safepoints ("ticks",
//            sys.setcheckinterval) the holder releases the lock and at once
//            takes it again. Waiters wait without a timeout, nobody posts a
//            drop request and nothing forces a switch, so the releasing thread
//            usually wins the race back (it is running; the woken waiter has
//            to be scheduled first): the behaviour Beazley measured in 2009.
//  - fair    new, plus a fix for the convoy effect (bpo-7946: an I/O-bound
//            thread is delayed by up to one switch interval each time it
//            comes back from a blocking call while a CPU-bound thread runs).
//            We follow the simplest of the fixes proposed on that issue
//            (Pitrou's "priority requests" patch, also the idea behind
//            Beazley's priority GIL): a thread returning from a blocking
//            region is a *priority waiter*. It posts the drop request at
//            once instead of after a switch interval, and while a priority
//            waiter waits, a released GIL goes to a priority waiter rather
//            than to an ordinary one. A thread that blocks often therefore
//            gets the GIL back within one safepoint of the CPU-bound thread,
//            while CPU-bound threads among themselves still switch every
//            interval. Chosen over the alternatives discussed there (a
//            shorter interval for everyone costs CPU-bound throughput;
//            per-thread scheduling classes need a scheduler) because it is
//            local to take/drop and cannot starve the CPU-bound threads:
//            a thread that never blocks still gets the GIL after each
//            priority thread's burst.
//
// Hooks that do nothing here, and why: the sections (read/write/write2) are
// empty because a thread touches objects only while it holds the GIL, which
// already makes every runtime call on a shared object exclusive.
//
// Atomic blocks (`with atomic:`, the `atomic` module): "free under gil"
// (DESIGN.md). atomic_begin/atomic_end count a per-thread depth, and
// safepoint_slow() does not honour a drop request (nor a legacy tick) while
// it is above zero, so the holder keeps the GIL to the end of the block:
// PyPy's `atomic` without STM. The fast path does not change (the request
// stays posted, and is honoured at the first safepoint after the block). A
// blocking call inside the block (a lock wait, sleep, I/O) still releases
// the GIL: the block is atomic between blocking calls, and a thread that
// waits inside one cannot stall the others.
//
// Invariants:
//  - `locked` and every statistic change only with the GIL's mutex held; a
//    thread's Python-visible state (reference counts, objects, its
//    thread_state) changes only while it holds the GIL.
//  - The drop-request bit of the eval breaker is set only by a waiter with
//    the mutex held, and cleared by the thread that takes the GIL.
//  - A forced-switch dropper waits only while another thread is waiting,
//    so it cannot wait forever for a taker that does not exist.
//  - A priority waiter (fair) is counted in priority_waiters from its first
//    look at the GIL until it holds it; ordinary waiters defer to it.
#pragma once

#include <gillab/interp/backend.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <ostream>
#include <string_view>

namespace gillab::interp::backends {

namespace gil_detail {
// The eval breaker's bits. A holder reads the word (relaxed: it only asks
// "is there work?"; the mutex orders whatever the work then touches).
inline constexpr std::uint32_t breaker_drop_request = 1;  // a waiter asks the holder to drop
inline constexpr std::uint32_t breaker_ticks = 2;         // legacy: count ticks at every safepoint
inline constexpr std::memory_order order_breaker_poll = std::memory_order_relaxed;
inline std::atomic<std::uint32_t> eval_breaker{0};
struct thread_record;
}  // namespace gil_detail

struct gil {
  static constexpr const char* name = "gil";
  static constexpr bool supports_threads = true;
  static constexpr bool restartable = false;
  static constexpr bool parallel = false;  // the GIL serialises runtime code
  static constexpr bool lockfree_reads = false;

  enum class variant : std::uint8_t { new_gil, legacy, fair };
  /// CPython 3.1's sys.setcheckinterval default.
  static constexpr int legacy_check_interval = 100;

  struct object_header {
    std::uint32_t refcount;
  };
  struct thread_state {
    gil_detail::thread_record* record = nullptr;  // per-thread statistics
    std::chrono::steady_clock::time_point taken_at{};     // start of the current hold
    std::chrono::steady_clock::time_point blocking_since{};
    int ticks = legacy_check_interval;  // legacy: safepoints left until the next release
    int atomic_depth = 0;               // nested `with atomic:` blocks running
    bool holds = false;                 // this thread holds the GIL
  };

  // ---- threads ----
  static void attach(thread_state& ts);
  static void disown(thread_state&) {}
  static void detach(thread_state& ts);
  static bool safepoint(thread_state& ts) {
    if (gil_detail::eval_breaker.load(gil_detail::order_breaker_poll) == 0) [[likely]] return false;
    return safepoint_slow(ts);
  }
  static void enter_blocking(thread_state& ts);
  static void leave_blocking(thread_state& ts);

  // ---- reference counting: plain, the GIL protects it ----
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

  // ---- shared state: the GIL already serialises (see the header comment) ----
  struct read_section {
    read_section(thread_state&, object_header&) {}
  };
  struct write_section {
    write_section(thread_state&, object_header&) {}
  };
  struct write_section2 {
    write_section2(thread_state&, object_header&, object_header&) {}
  };
  static void atomic_begin(thread_state& ts) { ++ts.atomic_depth; }
  static void atomic_end(thread_state& ts) { --ts.atomic_depth; }

  // ---- configuration (pyvm's -X options, sys.setswitchinterval) ----
  /// `-X gil=VALUE`: false for an unknown name. Only before a second
  /// thread attaches (the variant is read without a lock on hot paths).
  static bool set_variant(std::string_view value);
  static variant current_variant();
  static const char* variant_name();
  static void set_switch_interval_us(std::uint64_t us);
  static std::uint64_t switch_interval_us();
  /// Threads attached right now (the exit path asks whether it is alone).
  static int attached_threads();

  // ---- os.fork (runtime/threads.cpp's fork_process) ----
  /// The GIL's mutex is held across fork(2), so that no vanished thread
  /// holds it in the child; there the forking thread (which holds the GIL)
  /// is the only attached thread, nobody waits, and the condition variables
  /// are new (the old ones may count waiters that no longer exist).
  static void before_fork();
  static void after_fork_parent();
  static void after_fork_child(thread_state& ts);

  // ---- statistics ----
  /// One JSON object: variant, switches (voluntary, forced), drop requests,
  /// total and per-thread wait, a log2 histogram of hold times in
  /// microseconds, time in blocking regions.
  static void write_statistics(std::ostream& out);
  /// The same fields without the braces and the back-end's name (the stm
  /// back-end's transaction token reports them inside its own object).
  static void write_switch_fields(std::ostream& out);

 private:
  static bool safepoint_slow(thread_state& ts);
};

static_assert(vm_backend<gil>);

}  // namespace gillab::interp::backends
