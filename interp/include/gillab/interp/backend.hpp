// backend.hpp — the back-end seam: what the VM asks of a locking back-end.
//
// DESIGN.md, "The backend seam". One concept, `vm_backend`, lists every
// question the runtime and the eval loop put to a back-end; `nosync`, `gil`,
// `fine` and `stm` each answer it in backends/<name>.hpp. The runtime is
// compiled once per back-end (see interp/CMakeLists.txt): each build sees
// exactly one back-end type, so a hook that does nothing costs nothing and
// `gil` never pays for `fine`'s atomics.
//
// Where each hook is called, and why (the rule that keeps single-thread
// overhead low: barriers only where a mutable object can be seen by two
// threads; immutable objects and thread-private frames take none):
//
//  object_header      Embedded at the start of every heap object: the
//                     reference count field(s) and, where the back-end needs
//                     them, a per-object lock (fine: locks::parking_mutex) or
//                     a transaction word (stm: which transaction made or saved
//                     the object). `nosync` and `gil`: one plain 32-bit count.
//  thread_state       Per-thread back-end data, reached through the VM's
//                     thread state: GIL request flags, a biased-count owner
//                     id, a transaction descriptor.
//  attach / detach    A thread enters / leaves the runtime (thread start and
//                     exit; the main thread at start-up and shutdown). gil:
//                     take / drop the GIL; fine: register for QSBR; stm: find
//                     the thread's transaction logs and a lock slot, then
//                     take the transaction token (serial mode: transactions
//                     run one at a time) or, concurrent mode, start running.
//  disown             A thread that is ending, just before its join returns:
//                     it stops being something other threads wait on (fine:
//                     offline for QSBR; biased: gives up ownership, merging
//                     what was queued to it) and may still touch objects
//                     until detach. gil, nosync, stm: nothing.
//  safepoint          The eval breaker: called on loop back edges and on
//                     calls. Returns true if the eval loop must look at
//                     pending work (signals, a stop-the-world request, an
//                     async exception). gil: honour a drop request; stm: the
//                     eval loop's transaction points sit beside it
//                     (runtime/transaction.hpp: commit, then begin), and
//                     between them the token's drop request is honoured.
//                     The fast path is one relaxed load.
//  blocking region    blocking_region<B> scope around any call that may
//                     block (sleep, I/O, lock wait, join): gil releases the
//                     GIL; fine suspends the thread's critical sections; stm
//                     commits the running transaction, then releases the
//                     token.
//  init_header        On allocation, before the object is published.
//  incref / decref    Reference counting; decref returns true when the count
//                     reached zero and the caller must deallocate. Immortal
//                     objects (None, bools, small constants, types) are never
//                     passed here: the runtime checks the immortal flag first.
//                     nosync/gil: plain; fine: atomic or biased; stm: plain
//                     for objects the running transaction made, else kept in
//                     its count log and applied by its commit (dropped by an
//                     abort), a count reaching 0 committing first.
//  weak references    mark_weakly_referenced(h) before an object's first weak
//                     reference is handed out; try_incref(h) is a weak
//                     reference's dereference: a new reference, or false if
//                     the count already reached zero (the object is being
//                     deallocated and must not come back). The runtime calls
//                     both under its weak-reference lock, which the
//                     deallocation of a weakly referenced object takes too.
//                     nosync/gil: plain; fine: a compare-and-swap that never
//                     revives a zero count (PEP 703's _Py_TryIncref; biased
//                     counting first sets _PyObject_SetMaybeWeakref's state,
//                     so that a zero shared field means "dead", never "all
//                     references are the owner's").
//  read / write       section_for_read(obj), section_for_write(obj): a scope
//  sections           around every access to a *mutable* object's state (list
//                     items, dict table, instance __dict__, ...), taken by the
//                     runtime's container code, never by the eval loop
//                     directly. nosync/gil: nothing. fine: the object's own
//                     lock (PEP 703's Py_BEGIN_CRITICAL_SECTION). stm: a write
//                     saves the object's undo image on its first write in the
//                     running transaction (phase 2 adds ownership and read
//                     versions for conflicts between threads).
//  write_section2     The same over two objects at once (list.extend(other),
//                     dict.update(other)): fine locks them in address order,
//                     as PEP 703's Py_BEGIN_CRITICAL_SECTION2.
//  atomic blocks      atomic_begin / atomic_end around a `with atomic:` body:
//                     nothing under nosync and gil (the GIL already
//                     serialises bytecodes; the block just does not drop it),
//                     a documented global lock under fine; under stm (phase
//                     2a) a commit at entry and exit, the token kept in
//                     between (one transaction once phase 2b detects
//                     conflicts).
//  restartable        stm only: true when the running transaction may abort.
//                     The eval loop then snapshots the frame where a
//                     transaction begins and, after an abort, re-executes
//                     from there (runtime/transaction.hpp); the other
//                     back-ends never abort.
//  fork (optional)     before_fork / after_fork_parent / after_fork_child(ts)
//                     around os.fork's fork(2): the back-end's own locks
//                     are held across it, and the child is rebuilt for its
//                     one thread (gil: it holds the GIL, nobody waits; fine:
//                     only it is registered for biased counting). A
//                     back-end without threads (nosync) has none.
//  stop the world     stop_the_world(ts) / start_the_world(ts), optional:
//  (optional)         required of a `parallel` back-end (runtime/gc.cpp
//                     checks it), the cycle collector's scope in which no
//                     other thread touches an object. fine: every other
//                     thread parks at its next safepoint or stays in its
//                     blocking region (free-threaded CPython's
//                     _PyEval_StopTheWorld); gil and nosync need none (the
//                     collector runs holding the GIL). stm collects between
//                     a commit and the next begin: serial mode, holding the
//                     token; concurrent mode, holding the irrevocable token
//                     with the world stopped (backends/world.hpp).
//  statistics         write_statistics(json) at exit with --stats: switches,
//                     waits, contention, commits, aborts by cause.
//  supports_threads   false only for nosync, which refuses a second thread
//                     with a clear error.
//  parallel           true when two threads may run runtime code at the
//                     same moment (fine; stm, for its concurrent mode): the runtime's own shared
//                     tables (the intern table, values displaced from type
//                     dicts that per-thread caches may still point to) then
//                     need their own protection; nosync and gil pay nothing.
//  lockfree_reads     true when the runtime reads dict and list items
//                     without a section (fine, as PEP 703 does): the back-end then
//                     keeps every thread in the process-wide QSBR domain
//                     (locks/reclaim/qsbr.hpp) — online while it runs,
//                     a quiescent state at safepoints, offline in blocking
//                     regions — and the runtime retires what a lock-free
//                     reader may still hold (replaced dict tables and list
//                     item arrays, values and keys displaced from them) into that domain
//                     instead of freeing it (runtime/reclaim.hpp).
#pragma once

#include <concepts>
#include <cstdint>
#include <ostream>
#include <string_view>

namespace gillab::interp {

template <class B>
concept vm_backend = requires(typename B::object_header& h, typename B::thread_state& ts,
                              std::ostream& out) {
  typename B::object_header;
  typename B::thread_state;
  { B::name } -> std::convertible_to<std::string_view>;
  { B::supports_threads } -> std::convertible_to<bool>;
  { B::restartable } -> std::convertible_to<bool>;
  { B::parallel } -> std::convertible_to<bool>;
  { B::lockfree_reads } -> std::convertible_to<bool>;
  // Threads.
  { B::attach(ts) } -> std::same_as<void>;
  { B::disown(ts) } -> std::same_as<void>;
  { B::detach(ts) } -> std::same_as<void>;
  { B::safepoint(ts) } -> std::same_as<bool>;
  { B::enter_blocking(ts) } -> std::same_as<void>;
  { B::leave_blocking(ts) } -> std::same_as<void>;
  // Reference counting.
  { B::init_header(h, ts) } -> std::same_as<void>;
  { B::incref(h) } -> std::same_as<void>;
  { B::decref(h) } -> std::same_as<bool>;
  { B::refcount(h) } -> std::convertible_to<std::uint32_t>;
  { B::mark_weakly_referenced(h) } -> std::same_as<void>;
  { B::try_incref(h) } -> std::same_as<bool>;
  // Mutable shared state: scopes, so the runtime cannot forget the exit.
  typename B::read_section;
  typename B::write_section;
  typename B::write_section2;
  requires std::constructible_from<typename B::read_section, typename B::thread_state&,
                                   typename B::object_header&>;
  requires std::constructible_from<typename B::write_section, typename B::thread_state&,
                                   typename B::object_header&>;
  requires std::constructible_from<typename B::write_section2, typename B::thread_state&,
                                   typename B::object_header&, typename B::object_header&>;
  // Atomic blocks (`with atomic:`).
  { B::atomic_begin(ts) } -> std::same_as<void>;
  { B::atomic_end(ts) } -> std::same_as<void>;
  // Statistics, as one JSON object.
  { B::write_statistics(out) } -> std::same_as<void>;
};

/// The optional stop-the-world hooks (see "stop the world" above): the
/// cycle collector's scope, and os.fork's under a parallel back-end.
template <class B>
concept stops_the_world = requires(typename B::thread_state& ts) {
  B::stop_the_world(ts);
  B::start_the_world(ts);
};

/// Runs the scope's body with the thread detached from the runtime
/// (CPython's Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS).
template <class B>
class blocking_region {
 public:
  explicit blocking_region(typename B::thread_state& ts) : ts_(ts) { B::enter_blocking(ts_); }
  ~blocking_region() { B::leave_blocking(ts_); }
  blocking_region(const blocking_region&) = delete;
  blocking_region& operator=(const blocking_region&) = delete;

 private:
  typename B::thread_state& ts_;
};

}  // namespace gillab::interp
