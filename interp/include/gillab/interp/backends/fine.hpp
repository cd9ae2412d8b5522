// fine.hpp — no global lock: per-object locks and thread-safe reference
// counting, as in Larry Hastings' Gilectomy and PEP 703 (free-threaded
// CPython 3.13t, Python/critical_section.c, Objects/object.c, Python/brc.c).
//
// Two executables, one per reference-counting policy (chosen at build time
// so the report can put them side by side; interp/CMakeLists.txt):
//  - pyvm-fine-atomic  every incref/decref is an atomic read-modify-write on
//                      one shared count (the Gilectomy). Correct and simple;
//                      every count change is a locked instruction and a
//                      contended cache line when threads share an object.
//  - pyvm-fine-biased  biased reference counting (Choi, Shull & Torrellas,
//                      "Biased Reference Counting", PACT 2018; PEP 703): the
//                      thread that made an object (its owner) counts in a
//                      plain local field, every other thread in an atomic
//                      shared field. When the local count drops to zero the
//                      owner merges the two; when another thread would take
//                      the shared count below zero it queues the object to
//                      its owner, which merges at its next safepoint.
//
// Per-object locks: every heap object's header carries the one-byte
// parking-lot mutex of locks/ (parking_mutex.hpp). The runtime's container
// code wraps each access to a mutable object's state in a read_section,
// write_section or write_section2 (backend.hpp); here each is a *critical
// section* in PEP 703's sense (Py_BEGIN_CRITICAL_SECTION):
//  - A thread keeps a stack of its active sections. Beginning a section
//    whose object the innermost section already holds does nothing.
//  - If the lock is taken by someone else, the thread first *suspends* every
//    section it holds (unlocks them), then waits. When a section ends, the
//    section below it is resumed (its lock taken again) if it was suspended.
//    Blocking regions (lock waits, sleeps, joins, I/O) suspend too. So a
//    thread never waits for a lock while holding another one: per-object
//    locks cannot deadlock with each other nor with Python-level locks. The
//    price, as in CPython: a section protects its object only until the
//    next section begins or the thread blocks; code that calls back into
//    Python (a user __eq__ inside a dict lookup) must re-check what it read,
//    exactly as it must single-threaded, where the callback may mutate too.
//  - Two objects (list.extend(other)) are locked in address order
//    (Py_BEGIN_CRITICAL_SECTION2).
//  - Dict and list reads take no lock (lockfree_reads, as PEP 703's
//    _Py_dict_lookup_threadsafe and list_get_item_ref): the runtime reads
//    the dict's table or the list's item array (runtime/list_items.hpp) with
//    acquire loads and increfs what it found; writers still lock. What makes
//    that safe is quiescent-state-based reclamation (locks/reclaim/qsbr.hpp):
//    once a second thread exists, a replaced table or item array and every
//    key, value or item a store, pop or delete displaces is retired into the
//    QSBR domain instead of being freed (runtime/reclaim.cpp), and it is
//    freed only after every
//    running thread has passed a safepoint. Each thread is online from
//    attach to detach, announces a quiescent state every
//    `quiescent_interval` safepoints, and is offline in blocking regions.
//    Lock-free: dict lookups, list[i], list iteration and len(list).
//    Other reads (list slices, `in`, sets, deques) still lock as writes do.
//
// Atomic blocks (`with atomic:`) run under one process-wide lock, taken in a
// blocking region (so sections are suspended while waiting for it) and
// re-entrant per thread.
//
// Invariants:
//  - A section's lock is held exactly while the section is `active`; only
//    the innermost section of a thread can be inactive-and-resumable, and
//    it is resumed before the thread runs anything else in its scope.
//  - A thread waiting for an object lock or in a blocking region holds no
//    object lock.
//  - Biased counts: the total number of references is local + shared
//    (shared counted in units of 4; its low two bits are the state:
//    0 owned, 2 queued to the owner, 3 merged). Only the owner writes
//    `local`, and only while owner == its id. An object is freed exactly
//    once: by the owner when local reaches 0 with shared == 0, or by
//    whoever takes a merged shared count to 0, or by the merge of a queued
//    object whose total is 0. A queued object holds one reference for the
//    queue (the decrement that queued it is deferred to the merge), so it
//    cannot be freed while queued.
//  - Thread ids are never reused (a 32-bit counter), so a dead owner is
//    never mistaken for a live one: objects queued to a thread that has
//    ended are merged by the thread that queues them.
#pragma once

#include <gillab/interp/backend.hpp>
#include <gillab/interp/backends/world.hpp>
#include <gillab/locks/parking_mutex.hpp>
#include <gillab/locks/reclaim/qsbr.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <ostream>
#include <utility>

namespace gillab::interp::backends {

namespace fine_detail {

/// One critical section on a thread's stack (one or two object locks).
struct section {
  locks::parking_mutex* first = nullptr;   // lower address; null: a no-op section
  locks::parking_mutex* second = nullptr;  // higher address, or null
  section* below = nullptr;
  bool active = false;
};

struct section_stack {
  section* top = nullptr;
};

void begin_slow(section_stack& st, section& s, locks::parking_mutex* a, locks::parking_mutex* b);
void suspend_all(section_stack& st);
void resume_top(section_stack& st);

inline bool holds(const section* top, const locks::parking_mutex* m) {
  return top != nullptr && top->active && (top->first == m || top->second == m);
}

/// Makes `s`, whose locks (b may be null) the caller now holds, the innermost section.
inline void push(section_stack& st, section& s, locks::parking_mutex* a, locks::parking_mutex* b) {
  s.first = a;
  s.second = b;
  s.active = true;
  s.below = st.top;
  st.top = &s;
}

inline void begin(section_stack& st, section& s, locks::parking_mutex* m) {
  if (holds(st.top, m)) return;  // the innermost section holds it already
  if (m->try_lock()) [[likely]] {
    push(st, s, m, nullptr);
    return;
  }
  begin_slow(st, s, m, nullptr);
}

inline void begin2(section_stack& st, section& s, locks::parking_mutex* a, locks::parking_mutex* b) {
  if (a == b) {
    begin(st, s, a);
    return;
  }
  if (b < a) std::swap(a, b);
  if (holds(st.top, a) && holds(st.top, b)) return;
  if (a->try_lock()) {
    if (b->try_lock()) {
      push(st, s, a, b);
      return;
    }
    a->unlock();
  }
  begin_slow(st, s, a, b);
}

inline void end(section_stack& st, section& s) {
  if (s.first == nullptr) return;  // a no-op section
  if (s.active) {
    if (s.second) s.second->unlock();
    s.first->unlock();
  }
  st.top = s.below;
  if (st.top != nullptr && !st.top->active) resume_top(st);
}

// ---- thread ids (biased counting's owners) ----
/// 0: no owner (merged or made before any thread attached). A thread that
/// never attached has `no_thread`, which is no object's owner.
inline constexpr std::uint32_t no_owner = 0;
inline constexpr std::uint32_t no_thread = 0xffffffffu;
inline thread_local std::uint32_t current_id = no_thread;

/// The runtime's deallocator (object* == header*: the header is the first
/// member of every object), for objects freed inside the back-end (merges of
/// queued objects).
using dealloc_fn = void (*)(void* header);
inline dealloc_fn deallocate = nullptr;

struct brc_queue;  // fine.cpp: a thread's queue of objects to merge

/// The runtime's type name of an object (by its header), for the contention
/// statistics, and where an object's mutex sits in its header.
using type_name_fn = const char* (*)(const void* header);
inline type_name_fn type_name_of = nullptr;
inline std::size_t mutex_offset = 0;

// ---- statistics (slow paths only; the fast paths count nothing) ----
struct counters {
  std::atomic<std::uint64_t> contended_sections{0};  // begin found the lock taken
  std::atomic<std::uint64_t> suspensions{0};         // sections suspended (contention, blocking)
  std::atomic<std::uint64_t> blocking_regions{0};
  std::atomic<std::uint64_t> threads{0};
  std::atomic<std::uint64_t> zero_local_merges{0};   // biased: owner's count reached 0, shared not
  std::atomic<std::uint64_t> queued{0};              // biased: objects queued to their owner
  std::atomic<std::uint64_t> queue_merges{0};        // biased: queued objects merged by the owner
  std::atomic<std::uint64_t> orphan_merges{0};       // biased: queued to an ended thread
  std::atomic<std::uint64_t> atomic_blocks{0};
  // Waits for another thread's object lock, per object type (type names
  // are static strings; the first 32 distinct types get a slot, the rest
  // count under "other").
  struct by_type {
    std::atomic<const char*> name{nullptr};
    std::atomic<std::uint64_t> waits{0};
  };
  static constexpr std::size_t type_slots = 32;
  by_type lock_waits[type_slots];
  std::atomic<std::uint64_t> lock_waits_other{0};
};
inline counters stats;

// Stop-the-world: backends/world.hpp.

void write_statistics(std::ostream& out, const char* refcount_policy);
void atomic_begin(section_stack& st, int& depth);
void atomic_end(section_stack& st, int& depth);

}  // namespace fine_detail

// ---- reference-counting policies ----

// The counts are plain integers operated on through std::atomic_ref: the
// runtime constructs objects in place (`new (mem) T`) after allocate() has
// initialised the header, and a std::atomic member would be value-initialised
// (zeroed) by that construction in C++20.
template <class T>
std::atomic_ref<T> atomic_field(const T& field) {
  return std::atomic_ref<T>(const_cast<T&>(field));
}
/// The owner's relaxed load and store of its own fields, as the compiler's
/// builtins: std::atomic_ref's members were left as calls inside the eval
/// loop (perf: __atomic_ref<unsigned>::store at ~1% of nbody on biased).
template <class T>
[[gnu::always_inline]] inline T relaxed_load(const T& field) {
  return __atomic_load_n(&field, __ATOMIC_RELAXED);
}
template <class T>
[[gnu::always_inline]] inline void relaxed_store(T& field, T v) {
  __atomic_store_n(&field, v, __ATOMIC_RELAXED);
}

/// The Gilectomy's: one atomic count. Decrement is acq_rel so the thread
/// that frees sees every other thread's last writes to the object.
struct atomic_refcount {
  static constexpr const char* name = "atomic";
  static constexpr const char* backend_name = "fine-atomic";
  struct counts {
    std::uint32_t refcount;
  };
  struct thread_data {};
  static void attach(thread_data&) {}
  static void detach(thread_data&) {}
  static void safepoint(thread_data&) {}
  static void before_fork() {}
  static void after_fork_parent() {}
  static void after_fork_child(thread_data&) {}
  static void init(counts& c, thread_data&) { c.refcount = 1; }  // not yet published
  static void incref(counts& c) { atomic_field(c.refcount).fetch_add(1, std::memory_order_relaxed); }
  static bool decref(counts& c) { return atomic_field(c.refcount).fetch_sub(1, std::memory_order_acq_rel) == 1; }
  static std::uint32_t refcount(const counts& c) { return atomic_field(c.refcount).load(std::memory_order_relaxed); }
  static void mark_weakly_referenced(counts&) {}
  static bool try_incref(counts& c) {
    std::uint32_t n = atomic_field(c.refcount).load(std::memory_order_relaxed);
    while (n != 0) {
      if (atomic_field(c.refcount).compare_exchange_weak(n, n + 1, std::memory_order_relaxed)) return true;
    }
    return false;  // reached zero: being deallocated
  }
};

/// Biased reference counting (PEP 703's layout: ob_tid, ob_ref_local,
/// ob_ref_shared with two state bits).
struct biased_refcount {
  static constexpr const char* name = "biased";
  static constexpr const char* backend_name = "fine-biased";
  static constexpr std::int32_t state_maybe_weakref = 1;  // may have weak references: 0 is never "all local"
  static constexpr std::int32_t state_queued = 2;
  static constexpr std::int32_t state_merged = 3;
  static constexpr std::int32_t state_mask = 3;
  static constexpr std::int32_t one = 4;  // one reference in the shared field

  struct counts {
    std::uint32_t owner;  // thread id, or no_owner once merged
    std::uint32_t local;  // written by the owner only (relaxed load + store: no RMW)
    std::int32_t shared;  // count * 4 | state
  };
  struct thread_data {
    std::uint32_t id = fine_detail::no_thread;
    fine_detail::brc_queue* queue = nullptr;
    // The queue's "not empty" flag, for the safepoint's inline test (the
    // queue's layout is fine.cpp's); null exactly when queue is.
    const std::atomic<bool>* queue_pending = nullptr;
  };
  static void attach(thread_data& t);
  static void detach(thread_data& t);
  [[gnu::always_inline]] static void safepoint(thread_data& t) {
    if (t.queue_pending != nullptr && t.queue_pending->load(std::memory_order_relaxed)) [[unlikely]] {
      merge_queued(t);
    }
  }
  /// os.fork: the registry's mutex is held across fork(2); the child keeps
  /// only its own thread registered, so an object a vanished thread owned
  /// is merged by whoever drops its shared count to zero (as after that
  /// thread's exit). Objects already queued to a vanished thread stay
  /// queued: a leak in the child, never a wrong count.
  static void before_fork();
  static void after_fork_parent();
  static void after_fork_child(thread_data& t);
  static void init(counts& c, thread_data& t) {  // not yet published: plain stores
    if (t.id != fine_detail::no_thread) {
      c.owner = t.id;
      c.local = 1;
      c.shared = 0;
    } else {  // made by a thread that is not attached: shared from birth
      c.owner = fine_detail::no_owner;
      c.local = 0;
      c.shared = one | state_merged;
    }
  }
  [[gnu::always_inline]] static void incref(counts& c) {  // inline: see runtime/object.hpp
    if (relaxed_load(c.owner) == fine_detail::current_id) [[likely]] {
      relaxed_store(c.local, relaxed_load(c.local) + 1);
    } else {
      atomic_field(c.shared).fetch_add(one, std::memory_order_relaxed);
    }
  }
  [[gnu::always_inline]] static bool decref(counts& c) {
    if (relaxed_load(c.owner) == fine_detail::current_id) [[likely]] {
      const std::uint32_t l = relaxed_load(c.local) - 1;
      relaxed_store(c.local, l);
      if (l != 0) [[likely]] return false;
      // No other thread counted a reference (the common death): free, with
      // merge_zero_local's acquire load and without its call.
      if (__atomic_load_n(&c.shared, __ATOMIC_ACQUIRE) == 0) return true;
      return merge_zero_local(c);
    }
    return decref_shared(c);
  }
  static std::uint32_t refcount(const counts& c) {
    return atomic_field(c.local).load(std::memory_order_relaxed) +
           static_cast<std::uint32_t>(atomic_field(c.shared).load(std::memory_order_relaxed) >> 2);
  }
  /// CPython's _PyObject_SetMaybeWeakref: an unmerged, unqueued shared
  /// field of 0 becomes state_maybe_weakref, so that try_incref never reads
  /// 0 for an object whose references are all counted by its owner.
  static void mark_weakly_referenced(counts& c) {
    auto shared_field = atomic_field(c.shared);
    std::int32_t shared = shared_field.load(std::memory_order_relaxed);
    while ((shared & state_mask) == 0) {
      if (shared_field.compare_exchange_weak(shared, shared | state_maybe_weakref, std::memory_order_relaxed)) return;
    }
  }
  /// CPython's _Py_TryIncref: the owner counts locally while its count is
  /// live; anyone else adds to the shared field unless it reads 0 (and the
  /// object was marked) or merged-and-0: then the count reached zero.
  static bool try_incref(counts& c) {
    if (atomic_field(c.owner).load(std::memory_order_relaxed) == fine_detail::current_id) {
      const std::uint32_t l = atomic_field(c.local).load(std::memory_order_relaxed);
      if (l != 0) {
        atomic_field(c.local).store(l + 1, std::memory_order_relaxed);
        return true;
      }
    }
    auto shared_field = atomic_field(c.shared);
    std::int32_t shared = shared_field.load(std::memory_order_relaxed);
    for (;;) {
      if (shared == 0 || shared == state_merged) return false;
      if (shared_field.compare_exchange_weak(shared, shared + one, std::memory_order_relaxed)) return true;
    }
  }

 private:
  static void merge_queued(thread_data& t);
  static bool merge_zero_local(counts& c);
  static bool decref_shared(counts& c);
};

template <class Refcount>
struct fine {
  static constexpr const char* name = Refcount::backend_name;  // pyvm-<name>
  static constexpr bool supports_threads = true;
  static constexpr bool restartable = false;
  static constexpr bool parallel = true;
  static constexpr bool lockfree_reads = true;
  using refcount_policy = Refcount;
  using qsbr = locks::reclaim::qsbr;
  /// Safepoints between two quiescent states: a quiescent state stores to
  /// the thread's QSBR record and may free garbage; every 64th back edge or
  /// call keeps that off the single-thread fast path and still bounds the
  /// garbage's wait to microseconds.
  static constexpr int quiescent_interval = 64;

  struct object_header {
    typename Refcount::counts counts;
    locks::parking_mutex mutex;
  };
  struct thread_state {
    fine_detail::section_stack sections;
    typename Refcount::thread_data rc;
    int atomic_depth = 0;
    int until_quiescent = quiescent_interval;
  };

  // ---- threads ----
  static void attach(thread_state& ts) {
    world::start_running();
    fine_detail::stats.threads.fetch_add(1, std::memory_order_relaxed);
    Refcount::attach(ts.rc);
    qsbr::online();
  }
  /// Before the join returns: holds back no reclamation, owns nothing (a
  /// decref from here on takes the shared path), so what another thread
  /// queues to it or retires is not kept waiting on a thread that is gone.
  static void disown(thread_state& ts) {
    qsbr::offline();
    Refcount::detach(ts.rc);  // biased: merges what was queued (touches objects)
  }
  static void detach(thread_state& ts) {
    disown(ts);  // again is nothing: a thread that did not disown first
    world::stop_running();
  }
  /// The cycle collector's stop-the-world (runtime/gc.cpp): the caller's
  /// sections are suspended first, so a thread waiting for one of its
  /// object locks can go on to its next safepoint and park.
  static void stop_the_world(thread_state& ts) {
    fine_detail::suspend_all(ts.sections);
    qsbr::offline();
    world::stop_running();
    world::stop();
    qsbr::online();
  }
  static void start_the_world(thread_state& ts) {
    world::start();
    fine_detail::resume_top(ts.sections);
  }
  // os.fork (runtime/threads.cpp's fork_process), which stops the world
  // first: the other threads hold no object lock and are offline for QSBR
  // when the child is copied (free-threaded CPython does the same).
  static void before_fork() {
    Refcount::before_fork();
    world::before_fork();
  }
  static void after_fork_parent() {
    world::after_fork_parent();
    Refcount::after_fork_parent();
  }
  static void after_fork_child(thread_state& ts) {
    Refcount::after_fork_child(ts.rc);
    world::after_fork_child();
  }
  // Inline: the eval loop calls it on every back edge and call, and the
  // three tests below are the whole cost when nothing is pending.
  [[gnu::always_inline]] static bool safepoint(thread_state& ts) {
    if (world::stop_requested.load(std::memory_order_relaxed)) [[unlikely]] {
      enter_blocking(ts);  // park: sections suspended, QSBR offline, not running
      leave_blocking(ts);  // waits until the world starts again
    }
    Refcount::safepoint(ts.rc);
    if (--ts.until_quiescent == 0) [[unlikely]] {
      ts.until_quiescent = quiescent_interval;
      qsbr::quiescent_state();
    }
    return false;
  }
  static void enter_blocking(thread_state& ts) {
    fine_detail::stats.blocking_regions.fetch_add(1, std::memory_order_relaxed);
    fine_detail::suspend_all(ts.sections);
    qsbr::offline();  // a blocked thread holds back no one's reclamation
    world::stop_running();
  }
  static void leave_blocking(thread_state& ts) {
    world::start_running();
    qsbr::online();
    fine_detail::resume_top(ts.sections);
  }

  // ---- reference counting ----
  static void init_header(object_header& h, thread_state& ts) {
    Refcount::init(h.counts, ts.rc);
    new (&h.mutex) locks::parking_mutex();  // unlocked (malloc'd memory is not)
  }
  [[gnu::always_inline]] static void incref(object_header& h) { Refcount::incref(h.counts); }
  [[gnu::always_inline]] static bool decref(object_header& h) { return Refcount::decref(h.counts); }
  static std::uint32_t refcount(const object_header& h) { return Refcount::refcount(h.counts); }
  static void mark_weakly_referenced(object_header& h) { Refcount::mark_weakly_referenced(h.counts); }
  static bool try_incref(object_header& h) { return Refcount::try_incref(h.counts); }

  // ---- critical sections: one scope over one object or two ----
  class section_scope {
   public:
    section_scope(thread_state& ts, object_header& h) : st_(ts.sections) { fine_detail::begin(st_, s_, &h.mutex); }
    section_scope(thread_state& ts, object_header& a, object_header& b) : st_(ts.sections) {
      fine_detail::begin2(st_, s_, &a.mutex, &b.mutex);
    }
    ~section_scope() { fine_detail::end(st_, s_); }
    section_scope(const section_scope&) = delete;
    section_scope& operator=(const section_scope&) = delete;

   private:
    fine_detail::section_stack& st_;
    fine_detail::section s_;
  };
  using read_section = section_scope;  // reads lock as writes do (see the header comment)
  using write_section = section_scope;
  using write_section2 = section_scope;

  static void atomic_begin(thread_state& ts) { fine_detail::atomic_begin(ts.sections, ts.atomic_depth); }
  static void atomic_end(thread_state& ts) { fine_detail::atomic_end(ts.sections, ts.atomic_depth); }

  static void set_deallocator(fine_detail::dealloc_fn fn) { fine_detail::deallocate = fn; }
  static void set_type_namer(fine_detail::type_name_fn fn) {
    fine_detail::mutex_offset = offsetof(object_header, mutex);
    fine_detail::type_name_of = fn;
  }
  static void write_statistics(std::ostream& out) { fine_detail::write_statistics(out, Refcount::name); }
};

using fine_atomic = fine<atomic_refcount>;
using fine_biased = fine<biased_refcount>;
static_assert(vm_backend<fine_atomic>);
static_assert(vm_backend<fine_biased>);

}  // namespace gillab::interp::backends
