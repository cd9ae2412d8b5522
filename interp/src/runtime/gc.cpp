// gc.cpp — the cycle collector (gc.hpp says what and why) and the gc module.
#include "transaction.hpp"
#include "gc.hpp"

#include "dict.hpp"
#include "errors.hpp"
#include "eval.hpp"
#include "operations.hpp"
#include "reclaim.hpp"
#include "runtime.hpp"
#include "weakref.hpp"

#include <gillab/locks/parking_mutex.hpp>

#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <mutex>
#include <new>
#include <type_traits>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

/// In front of every tracked object. 32 bytes, so the object after it keeps
/// malloc's 16-byte alignment.
struct gc_head {
  gc_head* prev;
  gc_head* next;
  std::int64_t refs;     // during a collection: references from outside the set
  std::int32_t state;    // which list: young / old; during a collection, the marks below
  std::int16_t nursery;  // young: the nursery it is in (below); else no_nursery
  std::uint8_t weakly_referenced;  // gc.hpp's weak_marker: written under weakref.cpp's lock
  std::uint8_t unused;
};
static_assert(sizeof(gc_head) % 16 == 0);
static_assert(offsetof(gc_head, weakly_referenced) + gc_weak_marker_offset == sizeof(gc_head));

enum : std::int32_t { in_young = 0, in_old = 1, in_frozen = 2, unlinked = 3, collecting = 4, reachable = 5 };
constexpr std::int16_t no_nursery = -1;

gc_head* head_of(object* o) { return reinterpret_cast<gc_head*>(o) - 1; }
object* object_of(gc_head* h) { return reinterpret_cast<object*>(h + 1); }

/// A circular list with a sentinel.
struct gc_list {
  gc_head sentinel{&sentinel, &sentinel, 0, 0, 0, 0, 0};
  std::int64_t count = 0;

  [[nodiscard]] bool empty() const { return sentinel.next == &sentinel; }
  void push(gc_head* h) {
    h->prev = sentinel.prev;
    h->next = &sentinel;
    sentinel.prev->next = h;
    sentinel.prev = h;
    ++count;
  }
  void remove(gc_head* h) {
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->prev = h->next = h;
    --count;
  }
  /// Moves every object of `from` to the end of this list.
  void splice(gc_list& from) {
    if (from.empty()) return;
    gc_head* first = from.sentinel.next;
    gc_head* last = from.sentinel.prev;
    first->prev = sentinel.prev;
    sentinel.prev->next = first;
    last->next = &sentinel;
    sentinel.prev = last;
    count += from.count;
    from.sentinel.next = from.sentinel.prev = &from.sentinel;
    from.count = 0;
  }
};

// The young generation is split into *nurseries*, one leased to each thread
// that allocates containers (free-threaded CPython keeps per-thread counts
// for the same reason): a new object joins its thread's nursery. One global
// list with one lock made every container allocation and free of two
// threads fight over a cache line and a parking lock (cpu_independent at 2
// threads under fine: 2.2 s against 0.86 s at 1).
//
// Only the nursery's owner touches its list, without a lock: a lock taken
// and released per container allocation and free, uncontended, still cost
// fine 12-20% of dict_work, fannkuch and generators (two atomic
// read-modify-writes each, ~6 ns apiece on this machine's host). A thread
// that frees an object of another thread's nursery pushes its head on that
// nursery's `remote` stack (one CAS, lock-free: mimalloc's
// delayed frees), which the owner applies at its next container
// allocation and at its exit, and a collection (world stopped) before it
// looks at the nursery. Slot 0, shared by the threads past
// `nursery_count` and by ended ones, keeps its lock. The nursery of an
// object is in its head: set at allocation, reset when it leaves the list,
// so a free reads it without a lock. A thread's nursery goes back to the
// pool when the thread ends, with its objects (the next lease inherits
// them and its remote stack). What a blocked owner's remote stack holds is
// freed by the next collection at the latest.
// A cache line (two: the adjacent-line prefetcher) per nursery: neighbours
// are different threads' hot data.
struct alignas(128) nursery {
  locks::parking_mutex mutex;  // slot 0 on parallel back-ends
  bool leased = false;          // under list_mutex
  gc_list list;                 // count: container allocations minus frees since the last collection
  std::atomic<std::int64_t> published{0};     // list.count as of the owner's last change (gc.get_count, stats)
  std::atomic<gc_head*> remote{nullptr};        // heads other threads freed (linked through refs)
};
constexpr std::int32_t nursery_count = 256;

// Under fine several threads reach the collector at once: the old and
// frozen lists, the counts and the statistics are read and written under
// list_mutex (below); `enabled`, threshold0 and the stress period are
// atomic (read by every allocation), and `running` lets one collection run
// at a time (another thread's request meanwhile returns 0, as a nested one
// does).
struct collector_state {
  nursery nurseries[nursery_count];
  std::atomic<std::int32_t> nurseries_used{1};  // slots ever leased: [0, used)
  gc_list old, frozen;
  std::atomic<bool> enabled{true};
  std::atomic<bool> running{false};
  std::atomic<std::int64_t> threshold0{700};
  std::int64_t threshold1 = 10, threshold2 = 10;
  std::int64_t young_collections = 0;   // since the last full collection
  std::int64_t old_at_last_full = 0;    // the old generation's size after the last full collection
  std::atomic<std::int64_t> stress_every{0};  // -X gc_stress=N; 0 off
  std::int64_t stress_countdown = 0;
  bool stress_due = false;              // the scheduled collection is a stress one
  std::int64_t stress_collections = 0;  // every 64th is full, the rest young (else quadratic)
  // Statistics (--stats and gc.get_stats()).
  std::int64_t collections[2] = {0, 0};  // young, full
  std::int64_t collected[2] = {0, 0};
  double pause_seconds = 0, max_pause_seconds = 0;
};

// Constant-initialised, so the allocation and free paths pay no guard check;
// trivially destructible, so objects freed after static destructors still
// find it intact.
constinit collector_state the_collector;
static_assert(std::is_trivially_destructible_v<collector_state>);
collector_state& state() { return the_collector; }

// The calling thread's nursery: leased on its first container, returned by
// gc_thread_exit (after which the thread, still freeing its last objects,
// uses the shared slot 0).
thread_local std::int16_t my_nursery = no_nursery;

// One lock over the lists on back-ends whose threads run in parallel.
locks::parking_mutex list_mutex;
// (gil: every allocation and free of a container happens with the GIL
// held; blocking regions only wrap system calls.)
struct list_guard {
  list_guard() {
    if constexpr (backend::parallel) list_mutex.lock();
  }
  ~list_guard() {
    if constexpr (backend::parallel) list_mutex.unlock();
  }
  list_guard(const list_guard&) = delete;
  list_guard& operator=(const list_guard&) = delete;
};

struct nursery_guard {
  explicit nursery_guard(nursery& n) : n_(n) {
    if constexpr (backend::parallel) n_.mutex.lock();
  }
  ~nursery_guard() {
    if constexpr (backend::parallel) n_.mutex.unlock();
  }
  nursery_guard(const nursery_guard&) = delete;
  nursery_guard& operator=(const nursery_guard&) = delete;

 private:
  nursery& n_;
};

// Leases are taken and returned by attached threads (under gil: holding
// the GIL; under fine: under list_mutex), never from a thread-local
// destructor, which runs after the thread has detached.
nursery& this_thread_nursery() {
  if (my_nursery == no_nursery) [[unlikely]] {
    collector_state& s = state();
    list_guard lock;
    my_nursery = 0;
    for (std::int32_t i = 1; i < nursery_count; ++i) {
      if (!s.nurseries[i].leased) {
        s.nurseries[i].leased = true;
        my_nursery = static_cast<std::int16_t>(i);
        if (i >= s.nurseries_used.load(std::memory_order_relaxed)) s.nurseries_used.store(i + 1, std::memory_order_relaxed);
        break;
      }
    }
  }
  return state().nurseries[my_nursery];
}


/// h leaves its nursery's list (the caller owns the nursery, or holds slot
/// 0's lock, or the world is stopped).
void leave_list(nursery& n, gc_head* h) {
  n.list.remove(h);
  n.published.store(n.list.count, std::memory_order_relaxed);
  h->nursery = no_nursery;
  h->state = unlinked;
}

/// The frees other threads left on n's remote stack.
void apply_remote(nursery& n) {
  gc_head* h = n.remote.exchange(nullptr, std::memory_order_acquire);
  while (h) {
    gc_head* next = reinterpret_cast<gc_head*>(h->refs);
    leave_list(n, h);
    std::free(h);
    h = next;
  }
}

/// A young object leaves its nursery's list where this thread may touch
/// it — its own nursery, slot 0 under its lock, any on a serial back-end —
/// and false, the list untouched, for another thread's nursery.
bool leave_if_mine(gc_head* h) {
  nursery& n = state().nurseries[h->nursery];
  if constexpr (backend::parallel) {
    if (h->nursery == 0) {
      nursery_guard lock(n);
      leave_list(n, h);
      return true;
    }
    if (h->nursery != my_nursery) return false;
  }
  leave_list(n, h);
  return true;
}

/// A young object being freed leaves its nursery: at once where this
/// thread may touch the list; else handed to the owner through the remote
/// stack (true: the owner frees it).
bool leave_nursery(gc_head* h) {
  if (leave_if_mine(h)) return false;
  nursery& n = state().nurseries[h->nursery];
  gc_head* top = n.remote.load(std::memory_order_relaxed);
  do {
    h->refs = reinterpret_cast<std::intptr_t>(top);
  } while (!n.remote.compare_exchange_weak(top, h, std::memory_order_release, std::memory_order_relaxed));
  return true;
}

/// Every object of every nursery joins `set` (the world is stopped), as
/// `mark` (collecting: a collection; in_frozen: gc.freeze).
void take_nurseries(gc_list& set, std::int32_t mark) {
  collector_state& s = state();
  const std::int32_t used = s.nurseries_used.load(std::memory_order_relaxed);
  for (std::int32_t i = 0; i < used; ++i) {
    nursery& n = s.nurseries[i];
    nursery_guard lock(n);
    apply_remote(n);  // the world is stopped: no owner runs
    for (gc_head* h = n.list.sentinel.next; h != &n.list.sentinel; h = h->next) {
      h->state = mark;
      h->nursery = no_nursery;
    }
    set.splice(n.list);
    n.published.store(0, std::memory_order_relaxed);
  }
}

/// Container allocations minus frees since the last collection, over all nurseries.
std::int64_t young_count() {
  collector_state& s = state();
  const std::int32_t used = s.nurseries_used.load(std::memory_order_relaxed);
  std::int64_t total = 0;
  for (std::int32_t i = 0; i < used; ++i) total += s.nurseries[i].published.load(std::memory_order_relaxed);
  return total;
}

// A back-end whose threads run in parallel stops them around a collection
// (fine, and stm in its concurrent mode: backends/world.hpp; the hooks'
// concept is in backend.hpp); under the GIL the world is still.
// Templates, so that `if constexpr` discards the hooks a back-end lacks.
template <class B>
void stop_world(typename B::thread_state& ts) {
  if constexpr (stops_the_world<B>) B::stop_the_world(ts);
}
template <class B>
void start_world(typename B::thread_state& ts) {
  if constexpr (stops_the_world<B>) B::start_the_world(ts);
}

/// The scope in which no other thread touches an object.
class world_stopped {
 public:
  world_stopped() { stop_world<backend>(current_thread().backend_state); }
  ~world_stopped() { start_world<backend>(current_thread().backend_state); }
  world_stopped(const world_stopped&) = delete;
  world_stopped& operator=(const world_stopped&) = delete;
};
static_assert(!backend::parallel || stops_the_world<backend>, "a parallel back-end must stop the world for the collector");

void schedule() { gc_detail::scheduled.store(true, std::memory_order_relaxed); }

// ---- the collection ----

void visit_decrement(value child, void*) {
  if (!child.is_object()) return;
  object* o = child.obj();
  if (!(o->flags & flag_gc_tracked)) return;
  gc_head* h = head_of(o);
  if (h->state == collecting) --h->refs;
}

void visit_mark(value child, void* arg) {
  if (!child.is_object()) return;
  object* o = child.obj();
  if (!(o->flags & flag_gc_tracked)) return;
  gc_head* h = head_of(o);
  if (h->state == collecting) {
    h->state = reachable;
    static_cast<std::vector<object*>*>(arg)->push_back(o);
  }
}

/// Trial deletion over `set` (every member's state is `collecting`; the
/// collector holds `held` references to each): moves the survivors and the
/// garbage alike to the old generation and returns the garbage, which step
/// 4 (in collect) frees.
std::vector<object*> find_garbage(gc_list& set, std::int64_t held) {
  // 0. A count of 0 is a deallocation under way: on a thread the stop
  // caught inside the deallocator (waiting for a lock, a blocking region),
  // or, under biased counting, queued for its owner's merge. Not the
  // collector's to traverse or free (that was a second deallocation): it
  // goes to the old generation, which its free unlinks it from.
  if (held == 0) {
    for (gc_head* h = set.sentinel.next; h != &set.sentinel;) {
      gc_head* next = h->next;
      if (backend::refcount(object_of(h)->header) == 0) {
        set.remove(h);
        list_guard lock;
        h->state = in_old;
        state().old.push(h);
      }
      h = next;
    }
  }
  // 1. refs = reference count.
  for (gc_head* h = set.sentinel.next; h != &set.sentinel; h = h->next) {
    h->refs = static_cast<std::int64_t>(backend::refcount(object_of(h)->header)) - held;
  }
  // 2. Subtract the references from inside the set.
  for (gc_head* h = set.sentinel.next; h != &set.sentinel; h = h->next) {
    object* o = object_of(h);
    o->type->traverse(o, visit_decrement, nullptr);
  }
  // 3. Everything reachable from an object referenced from outside lives.
  std::vector<object*> work;
  for (gc_head* h = set.sentinel.next; h != &set.sentinel; h = h->next) {
    if (h->refs > 0 && h->state == collecting) {
      h->state = reachable;
      work.push_back(object_of(h));
    }
  }
  while (!work.empty()) {
    object* o = work.back();
    work.pop_back();
    o->type->traverse(o, visit_mark, &work);
  }
  std::vector<object*> garbage;
  for (gc_head* h = set.sentinel.next; h != &set.sentinel; h = h->next) {
    if (h->state != reachable) garbage.push_back(object_of(h));
    h->state = in_old;
  }
  list_guard lock;
  state().old.splice(set);
  return garbage;
}

/// After finalizers ran: which of `held` (each held once by the collector,
/// each in the old generation unless a finalizer made it immortal or froze
/// it) is garbage still.
std::vector<object*> still_garbage(const std::vector<object*>& held) {
  world_stopped stop;
  gc_list set;
  {
    list_guard lock;
    for (object* o : held) {
      gc_head* h = head_of(o);
      if (h->state != in_old) continue;  // immortal or frozen now: not garbage
      state().old.remove(h);
      set.push(h);
    }
  }
  for (gc_head* h = set.sentinel.next; h != &set.sentinel; h = h->next) h->state = collecting;
  return find_garbage(set, 1);
}

std::int64_t collect(bool full) {
  collector_state& s = state();
  if (s.running.exchange(true, std::memory_order_acquire)) return 0;
  const auto start = std::chrono::steady_clock::now();
  std::int64_t found;
  {
    std::vector<object*> garbage;
    std::vector<value> weak_callbacks;
    {
      world_stopped stop;
      gc_list set;
      take_nurseries(set, collecting);
      if (full) {
        list_guard lock;
        for (gc_head* h = s.old.sentinel.next; h != &s.old.sentinel; h = h->next) h->state = collecting;
        set.splice(s.old);
      }
      garbage = find_garbage(set, 0);
      // Held before the world starts again: unreachable, nobody else can
      // reach them to change that; each is in the old generation, where its
      // deallocator finds it.
      for (object* o : garbage) backend::incref(o->header);
      // Weak references to garbage die now, before any thread could revive
      // an object through one (CPython's handle_weakrefs).
      detach_weakrefs_of_garbage(garbage, weak_callbacks);
    }
    // Their callbacks (those of references that are not garbage) run first.
    run_weakref_callbacks(weak_callbacks);
    // 4. Finalize, break the garbage's references and let go: reference
    // counting frees it. With the world running again (free-threaded
    // CPython's order too): a finalizer (a generator's finally block) may
    // wait for a lock another thread holds. It may also allocate and reach
    // a safepoint: collections do not nest (`running`).
    bool finalized = false;
    for (object* o : garbage) {
      if (o->type->finalize) {
        o->type->finalize(o);
        finalized = true;
      }
    }
    // A finalizer may have made some of it reachable again (stored it in a
    // global): what is still garbage is found again, as CPython's
    // handle_resurrected_objects does, and only that is cleared.
    const std::vector<object*> doomed = finalized ? still_garbage(garbage) : garbage;
    for (object* o : doomed) {
      if (o->type->clear) o->type->clear(o);
    }
    for (object* o : garbage) decref(value::from(o));
    reclaim_flush();  // fine: what the clears displaced waits one grace period, no longer
    found = static_cast<std::int64_t>(garbage.size());
  }
  const double pause = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  list_guard lock;
  s.pause_seconds += pause;
  if (pause > s.max_pause_seconds) s.max_pause_seconds = pause;
  ++s.collections[full ? 1 : 0];
  s.collected[full ? 1 : 0] += found;
  if (full) {
    s.young_collections = 0;
    s.old_at_last_full = s.old.count;
  } else {
    ++s.young_collections;
  }
  s.running.store(false, std::memory_order_release);
  return found;
}

}  // namespace

namespace gc_detail {
std::atomic<bool> scheduled{false};

void run_scheduled() {
  scheduled.store(false, std::memory_order_relaxed);
  collector_state& s = state();
  // gc.disable() holds for the stress switch too.
  if (s.running.load(std::memory_order_relaxed) || !s.enabled.load(std::memory_order_relaxed)) return;
  bool full;
  {
    list_guard lock;
    // CPython's rule for the oldest generation: a full collection once
    // enough young ones ran *and* the old generation grew by a quarter
    // since; and every 64th stress collection, so that a stable old
    // generation is traversed too.
    full = (std::exchange(s.stress_due, false) && ++s.stress_collections % 64 == 0) ||
           (s.young_collections + 1 >= s.threshold1 && (s.old.count - s.old_at_last_full) * 4 > s.old_at_last_full);
  }
  // stm: the collection frees, and must not find the objects a transaction
  // holds dead until its commit (stm.hpp's dying list): commit first.
  if (!transaction_irrevocable()) {
    clear_pending();  // raised again at the next commit point; the collection waits
    scheduled.store(true, std::memory_order_relaxed);
    return;
  }
  (void)collect(full);
}
}  // namespace gc_detail

namespace {
/// Takes h off the old or frozen generation's list (under list_mutex); an
/// unlinked head (the object was made immortal) stays as it is, and a
/// collection never frees or untracks its own set's members.
void unlink_old(gc_head* h) {
  collector_state& s = state();
  list_guard lock;
  switch (h->state) {
    case in_old: s.old.remove(h); break;
    case in_frozen: s.frozen.remove(h); break;
    default: return;
  }
  h->state = unlinked;
}
}  // namespace

object* gc_allocate(type_object* type, std::size_t size) {
  void* mem = std::malloc(sizeof(gc_head) + size);
  if (!mem) throw std::bad_alloc();
  auto* h = static_cast<gc_head*>(mem);
  auto* o = object_of(h);
  o->flags = flag_gc_tracked;
  o->type = type;
  h->weakly_referenced = 0;
  h->unused = 0;
  collector_state& s = state();
  nursery& n = this_thread_nursery();
  std::int64_t young;
  {
    // Slot 0 is shared; any other nursery is this thread's alone.
    const bool shared = backend::parallel && my_nursery == 0;
    if (shared) n.mutex.lock();
    if (n.remote.load(std::memory_order_relaxed)) [[unlikely]] apply_remote(n);
    h->state = in_young;
    h->nursery = static_cast<std::int16_t>(&n - s.nurseries);
    n.list.push(h);
    young = n.list.count;
    n.published.store(young, std::memory_order_relaxed);
    if (shared) n.mutex.unlock();
  }
  const std::int64_t threshold = s.threshold0.load(std::memory_order_relaxed);
  bool due = young > threshold && threshold > 0 && s.enabled.load(std::memory_order_relaxed);
  if (s.stress_every.load(std::memory_order_relaxed) > 0) [[unlikely]] {
    list_guard lock;
    if (--s.stress_countdown <= 0) {
      s.stress_countdown = s.stress_every.load(std::memory_order_relaxed);
      s.stress_due = true;
      due = true;
    }
  }
  if (due) schedule();
  return o;
}

void free_object_memory(object* o) {
#if GILLAB_RESTARTABLE
  backend::forget(o->header);  // out of the running transaction's births
#endif
  if (!(o->flags & flag_gc_tracked)) {
    if (!transaction_defer_free(o)) std::free(o);
    return;
  }
  gc_head* h = head_of(o);
  if (h->nursery != no_nursery) {
    if (leave_nursery(h)) return;  // the nursery's owner frees it
  } else {
    unlink_old(h);
  }
  if (!transaction_defer_free(h)) std::free(h);
}

void gc_thread_exit() {
  if (my_nursery > 0) {
    apply_remote(state().nurseries[my_nursery]);  // later ones wait for the next lease or collection
    list_guard lock;
    state().nurseries[my_nursery].leased = false;  // its objects stay, for the next lease
  }
  my_nursery = 0;  // what this thread still frees or makes goes through the shared slot
}

void gc_untrack(object* o) {
  if (!(o->flags & flag_gc_tracked)) return;
  gc_head* h = head_of(o);
  // Another thread's young object stays on its list (only the owner may
  // touch it): untracking only spares the collector a look, which never
  // finds an immortal object garbage.
  if (h->nursery != no_nursery) {
    (void)leave_if_mine(h);
    return;
  }
  unlink_old(h);
}

std::int64_t gc_collect(int generation) { return collect(generation > 0); }

void gc_set_stress(std::int64_t every) {
  list_guard lock;
  state().stress_every.store(every, std::memory_order_relaxed);
  state().stress_countdown = every;
}

void gc_before_fork() {
  if constexpr (backend::parallel) list_mutex.lock();
}
void gc_after_fork_parent() {
  if constexpr (backend::parallel) list_mutex.unlock();
}
void gc_after_fork_child() {
  if constexpr (backend::parallel) list_mutex.unlock();
}

std::string gc_statistics_json() {
  const collector_state& s = state();
  const std::int64_t young = young_count();
  list_guard lock;
  std::string j = "{\"young_collections\": " + std::to_string(s.collections[0]) +
                  ", \"full_collections\": " + std::to_string(s.collections[1]) +
                  ", \"collected\": " + std::to_string(s.collected[0] + s.collected[1]) +
                  ", \"pause_seconds\": " + std::to_string(s.pause_seconds) +
                  ", \"max_pause_seconds\": " + std::to_string(s.max_pause_seconds) +
                  ", \"tracked\": " + std::to_string(young + s.old.count + s.frozen.count) +
                  ", \"reclaim_pending\": " + std::to_string(reclaim_pending()) + "}";
  return j;
}

// ---- the gc module ----

namespace {

bool gc_arg_count(const char* fname, std::size_t nargs, std::size_t lo, std::size_t hi) {
  if (nargs >= lo && nargs <= hi) return true;
  if (hi == 0) {
    raise_type_error(std::string("gc.") + fname + "() takes no arguments (" + std::to_string(nargs) + " given)");
  } else if (lo == 1 && hi == 1) {
    raise_type_error(std::string("gc.") + fname + "() takes exactly one argument (" + std::to_string(nargs) + " given)");
  } else {
    raise_type_error(std::string("gc.") + fname + "() takes " + (lo == hi ? "exactly " : "at most ") +
                     std::to_string(hi) + " argument" + (hi == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
  }
  return false;
}

/// The optional `generation` argument of collect() and get_objects(),
/// positional or by keyword; *generation keeps its default when absent (or
/// None, where allowed). False with TypeError raised on anything else.
bool generation_argument(const char* fname, const value* args, std::size_t nargs, value kwnames, bool none_allowed,
                         std::int64_t* generation) {
  const std::size_t nkw = kwnames ? as_tuple(kwnames)->size : 0;
  if (nargs - nkw > 1) {
    raise_type_error(std::string(fname) + "() takes at most 1 argument (" + std::to_string(nargs - nkw) + " given)");
    return false;
  }
  for (std::size_t i = 0; i < nkw; ++i) {
    if (str_of(as_tuple(kwnames)->items[i]) != "generation") {
      raise_type_error(std::string(fname) + "() got an unexpected keyword argument '" +
                       str_of(as_tuple(kwnames)->items[i]) + "'");
      return false;
    }
  }
  if (nargs == 0 || (none_allowed && args[0] == none())) return true;
  if (as_int64(args[0], generation)) return true;
  if (!error_pending())
    raise_type_error(std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  return false;
}

value gc_collect_fn(value, const value* args, std::size_t nargs, value kwnames) {
  if (!transaction_irrevocable()) return value();  // stm: the collector frees; nothing could take that back
  // collect(generation=2)
  std::int64_t generation = 2;
  if (!generation_argument("collect", args, nargs, kwnames, false, &generation)) return value();
  if (generation < 0 || generation > 2) return raise(&exc_ValueError, "invalid generation");
  return make_int(gc_collect(static_cast<int>(generation)));
}

value gc_enable(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("enable", kwnames) || !gc_arg_count("enable", nargs, 0, 0)) return value();
  state().enabled = true;
  return none();
}
value gc_disable(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("disable", kwnames) || !gc_arg_count("disable", nargs, 0, 0)) return value();
  state().enabled = false;
  return none();
}
value gc_isenabled(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("isenabled", kwnames) || !gc_arg_count("isenabled", nargs, 0, 0)) return value();
  return boolean(state().enabled);
}

value gc_get_count(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("get_count", kwnames) || !gc_arg_count("get_count", nargs, 0, 0)) return value();
  std::int64_t allocations, young_collections;
  {
    allocations = young_count();
    list_guard lock;  // released before anything is allocated (gc_allocate may take it)
    young_collections = state().young_collections;
  }
  ref a(make_int(allocations));
  ref b(make_int(young_collections));
  ref c(make_int(0));
  return make_tuple({a.get(), b.get(), c.get()});
}

value gc_get_threshold(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("get_threshold", kwnames) || !gc_arg_count("get_threshold", nargs, 0, 0)) return value();
  std::int64_t t[3];
  {
    list_guard lock;
    t[0] = state().threshold0.load(std::memory_order_relaxed), t[1] = state().threshold1, t[2] = state().threshold2;
  }
  ref a(make_int(t[0]));
  ref b(make_int(t[1]));
  ref c(make_int(t[2]));
  return make_tuple({a.get(), b.get(), c.get()});
}

value gc_set_threshold(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("set_threshold", kwnames)) return value();
  if (nargs < 1 || nargs > 3) {
    return raise_type_error("set_threshold() takes from 1 to 3 positional arguments but " + std::to_string(nargs) +
                            " were given");
  }
  std::int64_t t[3];
  {
    list_guard lock;
    t[0] = state().threshold0.load(std::memory_order_relaxed), t[1] = state().threshold1, t[2] = state().threshold2;
  }
  for (std::size_t i = 0; i < nargs; ++i) {
    if (!as_int64(args[i], &t[i])) {
      if (error_pending()) return value();
      return raise_type_error(std::string("'") + type_name(args[i]) + "' object cannot be interpreted as an integer");
    }
  }
  list_guard lock;
  state().threshold0.store(t[0], std::memory_order_relaxed);  // 0 turns automatic collection off, as in CPython
  state().threshold1 = t[1] > 0 ? t[1] : 1;
  state().threshold2 = t[2];
  return none();
}

value gc_is_tracked(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("is_tracked", kwnames) || !gc_arg_count("is_tracked", nargs, 1, 1)) return value();
  // An immortal container (a module-level def, a native module's function,
  // a class) left the collector's lists only because no collection could
  // free it; CPython tracks it, so it reads as tracked. Constant tuples
  // stay untracked, as CPython's collector untracks tuples of atoms.
  if (!args[0].is_object() || !(args[0].obj()->flags & flag_gc_tracked)) return boolean(false);
  return boolean(!(args[0].obj()->flags & flag_immortal) || !is_instance(args[0], &tuple_type));
}

value gc_freeze(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("freeze", kwnames) || !gc_arg_count("freeze", nargs, 0, 0)) return value();
  world_stopped stop;  // the nurseries' objects change list: no free may run meanwhile
  collector_state& s = state();
  gc_list young;
  take_nurseries(young, in_frozen);
  list_guard lock;
  s.frozen.splice(young);
  for (gc_head* h = s.old.sentinel.next; h != &s.old.sentinel; h = h->next) h->state = in_frozen;
  s.frozen.splice(s.old);
  s.old_at_last_full = 0;
  return none();
}
value gc_unfreeze(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("unfreeze", kwnames) || !gc_arg_count("unfreeze", nargs, 0, 0)) return value();
  list_guard lock;
  collector_state& s = state();
  for (gc_head* h = s.frozen.sentinel.next; h != &s.frozen.sentinel; h = h->next) h->state = in_old;
  s.old.splice(s.frozen);
  return none();
}
value gc_get_freeze_count(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("get_freeze_count", kwnames) || !gc_arg_count("get_freeze_count", nargs, 0, 0)) return value();
  std::int64_t n;
  {
    list_guard lock;
    n = state().frozen.count;
  }
  return make_int(n);
}

value gc_get_stats(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("get_stats", kwnames) || !gc_arg_count("get_stats", nargs, 0, 0)) return value();
  // CPython's shape: one dict per generation; gillab has two, reported as
  // generations 0 and 2 (1 never runs on its own).
  const collector_state& s = state();
  std::int64_t per_gen[3][2] = {};
  {
    list_guard lock;
    per_gen[0][0] = s.collections[0], per_gen[0][1] = s.collected[0];
    per_gen[2][0] = s.collections[1], per_gen[2][1] = s.collected[1];
  }
  ref out(make_list());
  for (const auto& g : per_gen) {
    ref d(make_dict());
    ref c(make_int(g[0]));
    ref k(make_int(g[1]));
    ref z(make_int(0));
    if (dict_set(d.get(), intern("collections"), c.get()) < 0 || dict_set(d.get(), intern("collected"), k.get()) < 0 ||
        dict_set(d.get(), intern("uncollectable"), z.get()) < 0) {
      return value();
    }
    as_list(out.get())->items.push_back(d.release());  // a new list: no other thread sees it
  }
  return out.release();
}

// get_objects(generation=None): every tracked object (0: the young
// generation, 1 and 2: the old one), as CPython's.
value gc_get_objects(value, const value* args, std::size_t nargs, value kwnames) {
  if (!transaction_irrevocable()) return value();  // stm: no object held dead until the commit may be listed
  std::int64_t generation = -1;  // None: every generation
  if (!generation_argument("get_objects", args, nargs, kwnames, true, &generation)) return value();
  if (nargs == 1 && args[0] != none()) {
    if (generation >= 3) return raise(&exc_ValueError, "generation parameter must be less than the number of available generations (3)");
    if (generation < 0) return raise(&exc_ValueError, "generation parameter cannot be negative");
  }
  collector_state& s = state();
  std::vector<value> found;
  {
    world_stopped stop;  // no object on the lists is being freed meanwhile
    auto add = [&](const gc_list& l) {
      for (const gc_head* h = l.sentinel.next; h != &l.sentinel; h = h->next)
        found.push_back(value::from(object_of(const_cast<gc_head*>(h))));
    };
    if (generation <= 0) {
      const std::int32_t used = s.nurseries_used.load(std::memory_order_relaxed);
      for (std::int32_t i = 0; i < used; ++i) {
        nursery_guard lock(s.nurseries[i]);
        apply_remote(s.nurseries[i]);  // objects freed by other threads: dead, only still listed
        add(s.nurseries[i].list);
      }
    }
    if (generation != 0) {
      list_guard lock;
      add(s.old);
    }
    // Not what is being deallocated meanwhile (a count of 0: see find_garbage).
    std::erase_if(found, [](value v) { return backend::refcount(v.obj()->header) == 0; });
    for (value v : found) incref(v);
  }
  ref out(make_list());
  for (value v : found) as_list(out.get())->items.push_back(v);  // a new list: no other thread sees it
  return out.release();
}

}  // namespace

value gc_module() {
  static value m = [] {
    value mod = make_native_module("gc", {{"collect", gc_collect_fn},
                                          {"enable", gc_enable},
                                          {"disable", gc_disable},
                                          {"isenabled", gc_isenabled},
                                          {"get_count", gc_get_count},
                                          {"get_threshold", gc_get_threshold},
                                          {"set_threshold", gc_set_threshold},
                                          {"is_tracked", gc_is_tracked},
                                          {"freeze", gc_freeze},
                                          {"unfreeze", gc_unfreeze},
                                          {"get_freeze_count", gc_get_freeze_count},
                                          {"get_stats", gc_get_stats},
                                          {"get_objects", gc_get_objects}});
    value d = value::from(static_cast<module_object*>(mod.obj())->dict);
    // Objects the collector could not free: none here (no __del__), as in
    // CPython since 3.4 for objects without legacy finalizers.
    ref garbage(immortalize(make_list()));
    ref callbacks(immortalize(make_list()));
    dict_set(d, intern("garbage"), garbage.get());
    dict_set(d, intern("callbacks"), callbacks.get());
    for (const auto& [name, v] : {std::pair{"DEBUG_STATS", 1}, {"DEBUG_COLLECTABLE", 2}, {"DEBUG_UNCOLLECTABLE", 4},
                                  {"DEBUG_SAVEALL", 32}, {"DEBUG_LEAK", 38}}) {
      ref n(make_int(v));
      dict_set(d, intern(name), n.get());
    }
    return mod;
  }();
  return m;
}

GILLAB_RUNTIME_NAMESPACE_END
