// transaction.cpp — begin, commit and abort of the stm back-end's
// transactions, and the undo images of the core types (transaction.hpp
// says what and why; backends/stm.hpp holds the per-thread logs).
//
// Compiled into every runtime, active only where the back-end is
// restartable (GILLAB_RESTARTABLE): the other back-ends never call it.
#include "transaction.hpp"

#include "dict.hpp"
#include "errors.hpp"
#include "gc.hpp"
#include "json_string.hpp"
#include "runtime.hpp"

#include <gillab/locks/spin_wait.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

#if GILLAB_RESTARTABLE

namespace {

namespace detail = backends::stm_detail;

/// The counters of --stats. Each thread bumps its own with a relaxed load
/// and store, no locked instruction (a commit bumped five shared counters
/// with fetch_add; once transactions run at once those would also be cache
/// lines every commit fights over); --stats sums the live threads' counters
/// and what ended threads folded into `ended_counters`.
#define GILLAB_TRANSACTION_COUNTERS(X)                                                                 \
  X(begun)                                                                                             \
  X(commits)                                                                                           \
  X(exit_commits)        /* the start frame returned, yielded or raised */                             \
  X(irrevocable_commits) /* output, blocking calls, the collector */                                   \
  X(free_commits)        /* an old object's count reached 0 */                                         \
  X(quiet_deaths)        /* old objects freed by a commit instead */                                   \
  X(big_write_commits)   /* a write to a container too big to copy */                                  \
  X(aborts_injected)     /* aborts by the stress switches */                                           \
  X(aborts_conflict)     /* aborts by a lock another transaction holds */                              \
  X(aborts_big_write)    /* concurrent mode: a write to a container too big to copy, re-run irrevocably */ \
  X(aborts_mid_operation) /* concurrent mode: a commit inside an operation, the token taken: re-run irrevocably */ \
  X(aborts_unwound)      /* of all aborts, unwound from a called frame or runtime code */              \
  X(aborts_thrown)       /* of those, thrown from runtime code (a conflict, -X stm_abort_writes) */    \
  X(irrevocable_refused) /* irrevocable work asked for while unwinding: failed */                      \
  X(safepoints)          /* in committed transactions */                                               \
  X(retries)             /* re-executions after an abort */                                            \
  X(retry_safepoints)    /* the lengths they were given (retry_length) */                              \
  X(lengths_grown)       /* the fresh transactions' length grown (fresh_length) */                     \
  X(lengths_halved)      /* ... and cut by a conflict */                                               \
  X(undo_images)                                                                                       \
  X(entry_images) /* one entry of a dict too big to copy */                                            \
  X(births)                                                                                            \
  X(counts_saved)    /* old objects a committed transaction counted (its count log) */                   \
  X(counts_untagged) /* of those, found through the side map (no slot, or another's tally) */        \
  X(read_locks)      /* lock words taken for reading, in committed and aborted transactions */         \
  X(write_locks)     /* taken (or upgraded from a read) for writing */                                 \
  X(irrevocable_runs)   /* concurrent mode: the irrevocable token taken */                             \
  X(irrevocable_waits)  /* concurrent mode: locks an irrevocable thread waited for */                   \
  X(irrevocable_after_aborts) /* concurrent mode: transactions run irrevocably after aborts in a row */  \
  X(conflict_commits)   /* concurrent mode: a conflict where no abort can unwind: committed */  \
  X(field_stops)        /* concurrent mode: the world stopped to write fields read unlocked */  \
  X(locks_handed_over)  /* concurrent mode: commits inside an operation whose locks the irrevocable run took over */ \
  X(locks_dropped)      /* ... and those that released them (the token was taken) */ \
  X(python_locks_taken) /* Python locks taken inside a transaction (transaction_took_lock) */ \
  X(python_locks_undone) /* ... and released by its abort */
struct counters {
#define GILLAB_DECLARE_COUNTER(name) std::atomic<std::uint64_t> name{0};
  GILLAB_TRANSACTION_COUNTERS(GILLAB_DECLARE_COUNTER)
#undef GILLAB_DECLARE_COUNTER
};
/// Only the owning thread writes a counter: no read-modify-write needed.
void bump(std::atomic<std::uint64_t>& c, std::uint64_t by = 1) {
  c.store(c.load(std::memory_order_relaxed) + by, std::memory_order_relaxed);
}
std::mutex counters_mutex;
std::vector<const counters*>& live_counters() {  // under counters_mutex
  static auto* v = new std::vector<const counters*>();  // reachable to the end: no order-of-exit issue
  return *v;
}
counters ended_counters;  // under counters_mutex
struct thread_counters {
  counters mine;
  thread_counters() {
    std::lock_guard lock(counters_mutex);
    live_counters().push_back(&mine);
  }
  ~thread_counters() {
    std::lock_guard lock(counters_mutex);
    auto& live = live_counters();
    live.erase(std::find(live.begin(), live.end(), &mine));
#define GILLAB_FOLD_COUNTER(name) ended_counters.name.fetch_add(mine.name.load(std::memory_order_relaxed), std::memory_order_relaxed);
    GILLAB_TRANSACTION_COUNTERS(GILLAB_FOLD_COUNTER)
#undef GILLAB_FOLD_COUNTER
  }
};
thread_local thread_counters my_counters;
/// A thread's counters fold in at its exit, outside the token, so os.fork
/// in another thread may copy counters_mutex locked: it is held across
/// fork(2) instead (registered by init_transactions).
void lock_counters_for_fork() { counters_mutex.lock(); }
void unlock_counters_after_fork() { counters_mutex.unlock(); }
counters& stats() { return my_counters.mine; }
/// A counter summed over every thread, live or ended.
std::uint64_t total(std::atomic<std::uint64_t> counters::*field) {
  std::lock_guard lock(counters_mutex);
  std::uint64_t sum = (ended_counters.*field).load(std::memory_order_relaxed);
  for (const counters* c : live_counters()) sum += (c->*field).load(std::memory_order_relaxed);
  return sum;
}
/// The conflict report of --stats: where aborts were decided (the source
/// line of the innermost frame then), the type of the object involved
/// (none at a commit point) and why, as PyPy-STM reported the lines and
/// types that cost it most aborts. Phase 2a's aborts are the stress
/// switches'; phase 2b's conflicts are to be recorded here the same way.
/// Aborts are rare next to commits: one mutex is enough.
struct abort_site {
  const code_object* code;  // immortal; null outside any frame
  int line;
  const type_object* type;
  const char* cause;
  bool operator==(const abort_site&) const = default;
};
struct abort_site_hash {
  std::size_t operator()(const abort_site& s) const {
    const std::size_t h = std::hash<const void*>()(s.code) ^ (std::hash<const void*>()(s.type) << 1);
    return h ^ (static_cast<std::size_t>(s.line) * 0x9e3779b97f4a7c15ull) ^ std::hash<const void*>()(s.cause);
  }
};
std::mutex abort_sites_mutex;
std::unordered_map<abort_site, std::uint64_t, abort_site_hash> abort_sites;  // under the mutex

void record_abort(const char* cause, const type_object* type) {
  const frame* f = current_thread().current_frame;
  const abort_site site{f ? f->code : nullptr, f ? line_of(f) : 0, type, cause};
  std::lock_guard lock(abort_sites_mutex);
  ++abort_sites[site];
}

std::atomic<std::uint64_t> abort_every{0};
std::atomic<std::uint64_t> abort_writes{0};
// A fresh transaction's length in commit points adapts to conflicts,
// between `length` and `length_max` (fresh_length below). -X stm_length
// alone pins both (the stress tests and a researcher measuring one length).
std::atomic<std::uint64_t> length{100};
std::atomic<std::uint64_t> length_max{1600};
std::atomic<bool> length_max_given{false};
// The adapted length, shared by every thread (0: not grown yet): a conflict
// halves it for all, so that the transaction that won it, whose thread saw
// no abort, also holds its locks for less. A heuristic: a lost update (a
// plain load and store, no compare-and-swap) costs nothing.
std::atomic<std::uint64_t> adapted_length{0};

struct undo_record {
  object* o;
  undo_image_ptr image;
};

/// Why an abort was decided (--stats: aborts by cause).
enum class abort_cause : std::uint8_t {
  injected,       // the stress switches
  conflict,       // a lock another transaction holds
  big_write,      // a write to a container too big to copy (before_big_write)
  mid_operation,  // a commit inside an operation that could not keep its locks (unwind_to_keep_locks)
};

/// The running transaction's interpreter-side state.
/// (Its start frame is transaction_detail::start: null, no transaction.)
struct transaction_state {
  int at = 0, depth = 0;
  std::vector<value> slots;  // the start frame's fast locals and value stack (raw)
  int call_depth = 0;
  std::vector<value> handled;
  std::uint64_t countdown_from = 0;  // transaction_detail::countdown's start, for --stats
  int blocked_at_begin = 0;          // abort_exceptions_blocked when it began
  std::uint64_t attempts = 0;  // commit attempts, for -X stm_abort_every
  std::uint64_t images = 0;    // undo images asked for, for -X stm_abort_writes
  std::uint32_t consecutive_aborts = 0;
  std::uint64_t passed_at_conflict = 0;  // commit points the attempt passed when it met its conflict
  // A conflict's shortened re-execution runs: it grows no length. Set by
  // abort, cleared at each begin point (the only two ways a transaction starts).
  bool retrying_conflict = false;
  // Generator frames (see generator_frames_may_begin): commit points passed
  // over in one since the countdown ran out, and whether begin points in
  // generator frames are open again.
  std::uint64_t deferrals = 0;
  bool generators_may_begin = false;
  // Freed births whose null entries left the birth list (may_pass_over_longer), for --stats.
  std::uint64_t births_dropped = 0;
  // Why the abort under way was decided (--stats: aborts by cause); after
  // a big write or a commit inside an operation the retry runs irrevocably.
  abort_cause cause = abort_cause::injected;
  std::vector<undo_record> undo;
  object* appending = nullptr;        // append_scope's list
  // An abort decided in a frame the start frame called: the frames in
  // between return with `unwind_sentinel` pending, handlers skipped, until
  // the start frame's exit point restores the snapshot.
  bool unwinding = false;
  std::vector<void*> deferred_frees;  // an abort's frees, done when all its deallocators ran
  // Python locks the transaction took and still holds, oldest first
  // (transaction_took_lock): its abort releases them.
  struct taken_lock {
    object* lock;
    void (*end)(object* lock, bool committed);
  };
  std::vector<taken_lock> python_locks;
};
thread_local transaction_state tx;

/// The running transaction ends at its n-th commit point from here.
void restart_countdown(std::uint64_t n) {
  tx.deferrals = 0;
  tx.countdown_from = n;
  transaction_detail::countdown = n;
}

/// The length of a re-execution, PyPy-STM's rule (pypy's stmgcintf.c,
/// _pypy_stm_initialize_nursery_low_fill_mark: the retry's limit is the
/// amount the aborted attempt had reached, less a sixteenth): the retry
/// commits a little before the point where the attempt met its conflict, so
/// a transaction that keeps meeting one near its end commits the work
/// before it instead of losing it again; aborts in a row shrink it further,
/// a commit gives the next transaction the whole length back. (A fixed
/// length re-ran the same conflict up to irrevocable_after times.) After a
/// conflict only: a stress switch's abort says nothing about contention,
/// and shortening after it multiplied the switch's attempts (dict_readers
/// under the switches in concurrent mode, release build: 17.8 -> 22 to 25
/// s, 1.6x the aborts; 30% longer under TSan, near its test's timeout).
std::uint64_t retry_length(std::uint64_t passed) { return std::max<std::uint64_t>(1, passed - passed / 16); }

/// A fresh transaction's length, the same for every thread: an eighth
/// longer after each fresh transaction that ran its whole length and
/// committed, halved after each conflict, between -X stm_length and -X
/// stm_length_max (default 100 and 1600). (PyPy-STM gave each fresh
/// transaction its one configured length.) A fixed 100 left cpu_independent
/// at 1.53x at 2 threads in concurrent mode, 1.78x adapted (side by side;
/// each transaction read-locks the shared module and class dicts again: a
/// write to their lock words' cache lines, which the other thread's
/// transactions write too), and pyvm-stm's single-thread overhead over
/// pyvm-gil went from x1.24 to x1.18 (go x1.48 -> x1.22). Halved for all
/// threads, not only the one that aborted: the thread that wins a conflict
/// sees no abort, yet its long transaction is what the other waits for.
/// Growing by an eighth, not doubling, stays nearer where conflicts begin.
/// The cost: the write-heavy shared_write in concurrent mode, 0.81x ->
/// 0.64x at 2 threads in the reference report.
std::uint64_t longest_length() {
  return std::max(length.load(std::memory_order_relaxed), length_max.load(std::memory_order_relaxed));
}
std::uint64_t fresh_length() {
  return std::clamp(adapted_length.load(std::memory_order_relaxed), length.load(std::memory_order_relaxed),
                    longest_length());
}
void grow_length() {
  if (tx.retrying_conflict) return;
  const std::uint64_t high = longest_length();
  const std::uint64_t now = fresh_length();
  if (now >= high) return;  // (no store: the cache line stays shared)
  adapted_length.store(std::min(high, now + std::max<std::uint64_t>(1, now / 8)), std::memory_order_relaxed);
  bump(stats().lengths_grown);
}
void shrink_length() {
  const std::uint64_t now = fresh_length();
  if (now <= length.load(std::memory_order_relaxed)) return;
  adapted_length.store(now / 2, std::memory_order_relaxed);
  bump(stats().lengths_halved);
}

object* object_of(void* header) { return reinterpret_cast<object*>(header); }

/// The objects the transaction made (still alive) are to be freed by its
/// abort alone: no count reaches them, no finalizer runs for them.
void mark_births_discarded(detail::transaction_logs& logs) {
  for (void* h : logs.born) {
    if (h) object_of(h)->flags |= flag_immortal | flag_finalized;
  }
}

void take_snapshot(frame* f, int at, int depth) {
  thread_state& ts = current_thread();
  transaction_detail::start = f;
  tx.at = at;
  tx.depth = depth;
  tx.slots.assign(f->storage, f->storage + f->nfast);
  tx.slots.insert(tx.slots.end(), f->stack, f->stack + depth);
  tx.call_depth = ts.depth;
  // Most transactions begin and end outside any except block: skip the
  // copy's call then (generators: ~33 instructions per transaction).
  if (!ts.handled.empty() || !tx.handled.empty()) tx.handled = ts.handled;
}

void end_logs(detail::transaction_logs& logs) {
  for (void* h : logs.logged) detail::set_born(static_cast<backends::stm::object_header*>(h)->born, 0);
  logs.logged.clear();
  for (void* h : logs.born) {
    if (h) detail::set_born(static_cast<backends::stm::object_header*>(h)->born, 0);
  }
  logs.born.clear();
}

/// Ends the running transaction. `in_operation`: in the middle of a C++
/// operation (commit_now); while one of its sections is open
/// (stm_detail::open_sections) the rest of it relies on the locks taken:
/// in concurrent mode they go over to an irrevocable run if the token is
/// free (stm::try_become_irrevocable), else they are released as at any
/// commit — only where no abort could unwind instead (unwind_to_keep_locks:
/// a known gap, counted). `irrevocable_next`: irrevocable work follows,
/// which takes the token at its first lock anyway; taken here when free,
/// it keeps the transaction's locks rather than release and take them
/// again (lock_counter at 2 threads, side by side, medians of 5: 0.41 ->
/// 0.36 s; the same at 4 and 8 threads and on the other threaded workloads).
void commit(detail::transaction_logs& logs, bool in_operation = false, bool irrevocable_next = false) {
  counters& c = stats();
  bump(c.commits);
  bump(c.safepoints, tx.countdown_from - transaction_detail::countdown + tx.deferrals);
  tx.deferrals = 0;
  bump(c.births, logs.born.size() + std::exchange(tx.births_dropped, 0));
  bump(c.counts_saved, logs.counts.size());
  bump(c.quiet_deaths, logs.dying.size());
  logs.active = false;
  transaction_detail::start = nullptr;
  tx.consecutive_aborts = 0;
  tx.undo.clear();
  for (const auto& taken : tx.python_locks) taken.end(taken.lock, true);  // held on, committed
  tx.python_locks.clear();
  end_logs(logs);
  bump(c.counts_untagged, backends::stm::end_counts(logs, true));
  const bool relied_on = in_operation && detail::concurrent && detail::open_sections > 0;
  if ((relied_on || (irrevocable_next && detail::concurrent)) && !logs.locked.empty() &&
      backends::stm::try_become_irrevocable(current_thread().backend_state)) {
    bump(c.locks_handed_over);
  } else {
    if (relied_on && !logs.locked.empty()) bump(c.locks_dropped);
    backends::stm::end_locks(logs);
  }
  // end_counts listed the objects whose counts its additions brought to 0
  // (those on the dying list that were not brought back). Freed outside the
  // transaction. Should a death they cause run code after all (quiet() is
  // the guard), that code may begin and commit transactions of its own:
  // the list is taken out of the logs first.
  std::vector<void*> dying = std::move(logs.dying);
  logs.dying.clear();
  for (void* h : dying) deallocate(object_of(h));
  if (logs.dying.empty()) {  // keep the capacity
    dying.clear();
    logs.dying.swap(dying);
  }
}

/// Puts the heap and frame f back as they were at the transaction's start;
/// the transaction stays active (it re-executes from there).
void abort(detail::transaction_logs& logs, frame* f, int* at, int* depth) {
  const abort_cause cause = std::exchange(tx.cause, abort_cause::injected);
  const bool conflicted = cause == abort_cause::conflict;
  const bool mid_operation = cause == abort_cause::mid_operation;
  const bool rerun_irrevocably = mid_operation || cause == abort_cause::big_write;
  bump(conflicted                          ? stats().aborts_conflict
       : cause == abort_cause::big_write   ? stats().aborts_big_write
       : mid_operation                     ? stats().aborts_mid_operation
                                           : stats().aborts_injected);
  if (tx.unwinding) bump(stats().aborts_unwound);
  tx.unwinding = false;
  ++tx.consecutive_aborts;
  // The Python locks it took go first, while what it made (a lock among
  // it) still lives. A thread that takes one now and reads what the lock
  // guards meets this transaction's object locks until the end of the
  // abort: it sees the state from before the transaction.
  bump(stats().python_locks_undone, tx.python_locks.size());
  for (std::size_t i = tx.python_locks.size(); i-- > 0;) tx.python_locks[i].end(tx.python_locks[i].lock, false);
  tx.python_locks.clear();
  for (std::size_t i = tx.undo.size(); i-- > 0;) tx.undo[i].image->restore(tx.undo[i].o);
  tx.undo.clear();
  tx.births_dropped = 0;  // (births are counted at commits)
  // What the transaction made is garbage now (nothing old refers to it any
  // more). Mark it all first, so that freeing one object does not count
  // down another: each is freed exactly once, from this list.
  mark_births_discarded(logs);
  // Their deallocators count old objects down like any code (into the
  // count log), but nothing old is freed or commits (`discarding`).
  logs.discarding = true;
  for (std::size_t i = 0; i < logs.born.size(); ++i) {
    if (void* h = logs.born[i]) deallocate(object_of(h));  // forget() clears the entry
  }
  logs.discarding = false;
  for (void* memory : tx.deferred_frees) std::free(memory);
  tx.deferred_frees.clear();
  // Every old count is as it was before the transaction (the count log is
  // dropped; the images put the references back): the dying list's
  // objects live on.
  logs.dying.clear();
  end_logs(logs);  // the old objects' marks, kept until now: nothing above saves them again
  backends::stm::end_counts(logs, false);
  backends::stm::end_locks(logs);
  invalidate_type_cache();
  thread_state& ts = current_thread();
  ts.pending = value();
  ts.depth = tx.call_depth;
  ts.handled = tx.handled;
  ts.current_frame = f;
  std::copy(tx.slots.begin(), tx.slots.begin() + static_cast<std::ptrdiff_t>(f->nfast), f->storage);
  std::copy(tx.slots.begin() + static_cast<std::ptrdiff_t>(f->nfast), tx.slots.end(), f->stack);
  *at = tx.at;
  *depth = tx.depth;
  if (conflicted) shrink_length();
  tx.retrying_conflict = conflicted;
  const std::uint64_t retry = conflicted ? retry_length(tx.passed_at_conflict) : fresh_length();
  restart_countdown(retry);
  bump(stats().retries);
  bump(stats().retry_safepoints, retry);
  if (detail::concurrent && (rerun_irrevocably || tx.consecutive_aborts >= detail::irrevocable_after)) {
    // Progress: the re-execution runs irrevocably, for a transaction's
    // length of begin points (the transaction ends here, with nothing to
    // commit: the abort emptied its logs). (PyPy-STM cut its inevitable
    // transactions to a quarter; here a quarter and the retry's length
    // were measured alike on stm_plain_increments at 2 threads: the same
    // wall time, conflict counts that vary more from run to run than
    // between the three.)
    if (!rerun_irrevocably) bump(stats().irrevocable_after_aborts);
    tx.consecutive_aborts = 0;
    logs.active = false;
    transaction_detail::start = nullptr;
    backends::stm::thread_state& me = current_thread().backend_state;
    // (After a commit inside an operation only up to the next begin point:
    // past the operation, the retry is an ordinary transaction again.)
    me.irrevocable_left = mid_operation ? 0 : length.load(std::memory_order_relaxed);
    backends::stm::become_irrevocable(me);
  }
}

/// What is pending while a transaction unwinds to its start frame: one
/// immortal exception made outside any transaction (at the first begin
/// point), so no abort frees it. Python code never sees it: the eval loop
/// runs no handler while unwinding.
value unwind_sentinel;
std::once_flag unwind_sentinel_made;

void raise_unwind_sentinel() {
  thread_state& ts = current_thread();
  if (ts.pending == unwind_sentinel) return;
  xdecref(std::exchange(ts.pending, unwind_sentinel));  // counts: put back by the abort anyway
}

/// An abort decided in a frame the start frame called. Nothing is freed
/// until the abort (objects the transaction made are marked as the abort
/// marks them; old ones never die while `discarding`), nothing commits and
/// no finalizer runs; the frames in between release their values on their
/// error paths, whose count changes the abort takes back.
void begin_unwind(detail::transaction_logs& logs) {
  tx.unwinding = true;
  transaction_detail::countdown = 1;  // the next commit point looks at `unwinding`
  logs.discarding = true;
  mark_births_discarded(logs);
  raise_unwind_sentinel();
}

/// An abort decided here, in runtime code, for `cause`: recorded for the
/// conflict report, then the transaction unwinds (begin_unwind). The
/// caller throws it (transaction_abort_exception) or returns its failure.
void begin_abort(abort_cause cause, const char* why, const type_object* type) {
  record_abort(why, type);
  tx.cause = cause;
  begin_unwind(current_thread().backend_state.logs);
}

/// Whether an abort decided here may unwind to the start frame: not if a
/// deallocator's call of arbitrary code (no_abort_exceptions) lies between,
/// since that reports and swallows errors (report_unraisable) and runs in
/// destructors. Such calls nest within the transaction's start frame or
/// hold it: their count is back to its value at the begin point exactly
/// when none lies between.
bool can_unwind() { return abort_exceptions_blocked == tx.blocked_at_begin; }

/// Commit points in generator frames a long-enough transaction passes over
/// before it commits there after all (transaction_commit_point): it grows
/// meanwhile, so a bound, of a few lengths' worth.
constexpr std::uint64_t max_deferrals = 400;

/// After this many aborts in a row a transaction commits whatever the
/// stress switch says, so that -X stm_abort_every=1 still makes progress
/// (PyPy-STM and stm/'s serial_after<K> bound retries the same way).
constexpr std::uint32_t max_consecutive_aborts = 8;

/// True when this commit attempt is to abort instead (the stress switch).
bool inject_abort() {
  const std::uint64_t n = abort_every.load(std::memory_order_relaxed);
  if (n == 0 || tx.consecutive_aborts >= max_consecutive_aborts) return false;
  return ++tx.attempts % n == 0;
}

/// -X stm_abort_writes: aborts here, inside whatever runtime code is about
/// to write an old object, by throwing (transaction_abort_exception).
void maybe_throw_abort(const object* o) {
  const std::uint64_t n = abort_writes.load(std::memory_order_relaxed);
  if (n == 0 || tx.unwinding || tx.consecutive_aborts >= max_consecutive_aborts) return;
  if (!can_unwind()) return;
  if (++tx.images % n != 0) return;
  bump(stats().aborts_thrown);
  begin_abort(abort_cause::injected, "stress switch: before a write", o->type);
  throw transaction_abort_exception{};
}

detail::transaction_logs& logs() { return current_thread().backend_state.logs; }

/// Conflicts in a row after which serial mode gives up: one transaction
/// runs at a time, so a lock it meets held is one its holder leaked (a
/// bug), and retrying would never end. (Concurrent mode runs such a
/// transaction irrevocably after stm_detail::irrevocable_after instead.)
constexpr std::uint32_t max_conflicts_in_a_row = 1000;

void commit_now(std::atomic<std::uint64_t>& reason, bool irrevocable_next = false);

/// stm_detail::on_conflict: another transaction holds the lock on the
/// object this one is about to read or write. No-wait: this transaction
/// aborts, thrown from where it stands. Where it cannot unwind (a
/// deallocator's call of arbitrary code lies between) it commits instead
/// in concurrent mode (true: the caller locks irrevocably) and goes on
/// without the lock in serial mode, which never gets here (every lock is
/// free at each turn of the token); unwinding already, it goes on (the
/// unwinding code only releases references).
bool on_conflict(const void* header, bool writing) {
  if (tx.unwinding) return false;
  if (!can_unwind()) {
    if (!detail::concurrent) return false;
    commit_now(stats().conflict_commits);
    return true;
  }
  const object* o = reinterpret_cast<const object*>(header);
  if (!detail::concurrent && tx.consecutive_aborts >= max_conflicts_in_a_row) {
    std::fprintf(stderr, "gillab: stm: a %s's lock word (0x%08x) stayed held through %u aborts in a row\n",
                 o->type->name, static_cast<unsigned>(detail::word(o->header.lock).load(std::memory_order_relaxed)),
                 static_cast<unsigned>(tx.consecutive_aborts));
    std::abort();
  }
  // How far the attempt got, for its retry's length: taken here, since
  // unwinding to the start frame moves the countdown.
  tx.passed_at_conflict = tx.countdown_from - std::min(tx.countdown_from, transaction_detail::countdown);
  bump(stats().aborts_thrown);
  begin_abort(abort_cause::conflict,
              writing ? "conflict: a write to an object another transaction locked"
                      : "conflict: a read of an object another transaction writes",
              o->type);
  throw transaction_abort_exception{};
}

// ---- undo images of the core types ----

/// A list's items; or, while the transaction has only appended to it,
/// just its length (the items below it are untouched until complete()).
struct list_image final : pooled_image<list_image> {
  std::size_t length = 0;
  bool whole = false;
  std::vector<value> items;
  void clear() {
    length = 0;
    whole = false;
    clear_buffer(items);
  }
  void complete(object* o) {
    const list_items& current = static_cast<list_object*>(o)->items;
    items.assign(current.begin(), current.begin() + static_cast<std::ptrdiff_t>(length));
    whole = true;
  }
  void restore(object* o) override {
    auto* l = static_cast<list_object*>(o);
    if (!whole) {
      l->items.erase(length, l->items.size());  // the appended values: uncounted by the abort
      return;
    }
    (void)l->items.take();  // the transaction's values: freed or uncounted
    l->items.adopt(std::move(items));
  }
};
/// whole: the items too; else the length alone (the transaction only appends).
void save_list_image(object* o, bool whole) {
  auto image = list_image::take();
  image->length = static_cast<list_object*>(o)->items.size();
  if (whole) image->complete(o);
  push_undo(o, std::move(image));
}
void save_list(object* o) { save_list_image(o, true); }

struct dict_image final : pooled_image<dict_image> {
  dict_object::table* tab = nullptr;  // a copy, or null
  std::size_t used = 0;
  std::uint64_t version = 0;
  ~dict_image() override { std::free(tab); }
  void clear() { std::free(std::exchange(tab, nullptr)); }
  void restore(object* o) override {
    auto* d = static_cast<dict_object*>(o);
    std::free(d->tab);  // the original, or a table the transaction made
    d->tab = std::exchange(tab, nullptr);
    d->used = used;
    d->version = version;
  }
};
std::size_t table_bytes(const dict_object::table* t) {
  return sizeof(dict_object::table) + t->index_size * sizeof(std::int32_t) +
         t->capacity * sizeof(dict_object::entry);
}
void save_dict(object* o) {
  auto* d = static_cast<dict_object*>(o);
  auto image = dict_image::take();
  if (d->tab) {
    const std::size_t n = table_bytes(d->tab);
    image->tab = static_cast<dict_object::table*>(std::malloc(n));
    if (!image->tab) throw std::bad_alloc();
    std::memcpy(static_cast<void*>(image->tab), d->tab, n);
  }
  image->used = d->used;
  image->version = d->version;
  push_undo(o, std::move(image));
}

struct set_image final : pooled_image<set_image> {
  std::vector<set_object::slot> table;
  std::size_t fill = 0, used = 0, finger = 0;
  void clear() { clear_buffer(table); }
  void restore(object* o) override {
    auto* s = static_cast<set_object*>(o);
    s->table = std::move(table);
    s->fill = fill;
    s->used = used;
    s->finger = finger;
  }
};
void save_set(object* o) {
  auto* s = static_cast<set_object*>(o);
  auto image = set_image::take();
  image->table = s->table;
  image->fill = s->fill;
  image->used = s->used;
  image->finger = s->finger;
  push_undo(o, std::move(image));
}

/// A trivially copyable stretch of an object: [offset, offset + size).
struct bytes_image final : pooled_image<bytes_image> {
  std::size_t offset = 0;
  std::vector<unsigned char> bytes;
  void clear() { clear_buffer(bytes); }
  static undo_image_ptr of(object* o, std::size_t from, std::size_t to) {
    auto image = take();
    image->offset = from;
    image->bytes.assign(reinterpret_cast<unsigned char*>(o) + from, reinterpret_cast<unsigned char*>(o) + to);
    return image;
  }
  void restore(object* o) override { std::memcpy(reinterpret_cast<unsigned char*>(o) + offset, bytes.data(), bytes.size()); }
};
struct exception_image final : pooled_image<exception_image> {
  value args, cause, context, extra;
  bool suppress_context = false;
  std::vector<exception_object::tb_entry> traceback;
  dict_object* attrs = nullptr;
  void clear() { clear_buffer(traceback); }
  void restore(object* o) override {
    auto* e = static_cast<exception_object*>(o);
    e->args = args;
    e->cause = cause;
    e->context = context;
    e->extra = extra;
    e->suppress_context = suppress_context;
    e->traceback = std::move(traceback);
    e->attrs = attrs;
  }
};
void save_exception(object* o) {
  auto* e = static_cast<exception_object*>(o);
  auto image = exception_image::take();
  image->args = e->args;
  image->cause = e->cause;
  image->context = e->context;
  image->extra = e->extra;
  image->suppress_context = e->suppress_context;
  image->traceback = e->traceback;
  image->attrs = e->attrs;
  push_undo(o, std::move(image));
}

/// One entry's value of a dict too big to copy (save_dict_entry). A
/// transaction may save hundreds (dict_work: 250 each once transactions
/// grew past 100 safepoints), so its pool keeps up to 4096 (32 bytes each):
/// at the default 256 the rest were allocated and freed again, dict_work 7%
/// slower than at a fixed length of 100.
struct dict_entry_image final : pooled_image<dict_entry_image, 4096> {
  std::size_t index = 0;
  value val;
  void clear() {}
  void restore(object* o) override { static_cast<dict_object*>(o)->tab->entries()[index].val = val; }
};

/// An image larger than this is not copied: the transaction commits and the
/// write runs outside one (phase 1's answer to a loop that writes a big
/// container: copying it in every transaction made such loops quadratic;
/// per-entry images are the real fix, so far for a dict's existing keys:
/// save_dict_entry).
constexpr std::size_t max_image_bytes = 64 * 1024;

/// The layouts whose image copies their whole contents, and its size
/// (set_image_size; list, dict and set from init_transactions): few, so a
/// linear scan. Written at start-up and at a module's first import, which
/// in concurrent mode runs beside other threads' scans: entries are
/// appended in place and published by the count (release), never moved.
struct image_size {
  const type_object* layout;
  std::size_t (*bytes)(object*);
};
std::array<image_size, 8> image_sizes;
std::atomic<std::size_t> image_sizes_used{0};
std::mutex image_sizes_writer;

std::size_t list_image_bytes(object* o) { return static_cast<list_object*>(o)->items.size() * sizeof(value); }
std::size_t dict_image_bytes(object* o) {
  const auto* d = static_cast<dict_object*>(o);
  return d->tab ? table_bytes(d->tab) : 0;
}
std::size_t set_image_bytes(object* o) {
  return static_cast<set_object*>(o)->table.size() * sizeof(set_object::slot);
}

bool too_big_to_copy(object* o, const type_object* layout) {
  const std::size_t used = image_sizes_used.load(std::memory_order_acquire);
  for (std::size_t i = 0; i < used; ++i) {
    if (image_sizes[i].layout == layout) return image_sizes[i].bytes(o) > max_image_bytes;
  }
  return false;
}

/// Ends the running transaction (if any) where it is, counting why.
/// Concurrent mode, before a commit inside an operation whose open
/// sections hold locks it relies on, where the token is taken (commit
/// could not hand the locks over) and the transaction can unwind: true,
/// and the transaction unwinds to abort, to re-run irrevocably up to its
/// next begin point (abort) — instead of the commit, which would release
/// them under the operation. False: commit (it keeps them, or no section
/// relies on them).
bool unwind_to_keep_locks() {
  if (!detail::concurrent || !transaction_detail::start || tx.unwinding || detail::open_sections == 0) return false;
  if (logs().locked.empty() || !can_unwind()) return false;
  if (backends::stm::try_become_irrevocable(current_thread().backend_state)) return false;  // commit hands them over
  begin_abort(abort_cause::mid_operation, "a commit inside an operation, the irrevocable token taken (re-run irrevocably)",
              nullptr);
  return true;
}

void commit_now(std::atomic<std::uint64_t>& reason, bool irrevocable_next) {
  if (!transaction_detail::start) return;
  if (tx.unwinding) {
    // Being aborted, it may not end any other way. (Irrevocable work fails
    // before this; the other reasons to commit early are for speed.)
    return;
  }
  bump(reason);
  commit(logs(), true, irrevocable_next);
}
/// Before a write to o, a container too big to copy: the transaction
/// commits first. In concurrent mode, while a section of the operation is
/// open (write_section2's first object, a section it reads through; o's own
/// is not counted yet), a commit here would release the locks the
/// operation goes on relying on: where it can, the transaction aborts
/// instead and re-runs irrevocably (abort: for a transaction's length),
/// where a write takes its lock by waiting and saves no image. With no
/// section open (`big[i] = v`) no lock is relied on and it commits, as
/// serial mode always does: aborting there too threw away every
/// transaction's work up to the write (chaos, one thread, 60 000 such
/// writes: 0.92 s serial, 1.67–2.59 s concurrent).
void before_big_write(const object* o) {
  if (detail::concurrent && detail::open_sections > 0 && !tx.unwinding && transaction_detail::start &&
      can_unwind()) {
    bump(stats().aborts_thrown);
    begin_abort(abort_cause::big_write, "a write to a container too big to copy (re-run irrevocably)", o->type);
    throw transaction_abort_exception{};
  }
  commit_now(stats().big_write_commits);
}

/// The runtime's hook behind stm::before_write: saves o's image and marks
/// its header with the image's index, or completes a list's partial image.
void save_image(void* header) {
  object* o = object_of(header);
  std::uint32_t born = detail::born_of(o->header.born);  // (stored back with set_born: others read it)
  type_object* t = o->type;
  type_object* layout = t->heap ? t->solid : t;
  if (born & detail::logged_bit) {  // a partial list image
    if (tx.appending == o) return;
    if (!tx.unwinding && too_big_to_copy(o, layout)) return before_big_write(o);
    maybe_throw_abort(o);
    const std::uint32_t index = born & detail::index_mask;
    static_cast<list_image*>(tx.undo[index].image.get())->complete(o);
    detail::set_born(o->header.born, born & ~detail::partial_bit);
    return;
  }
  const bool appends_only = layout == &list_type && tx.appending == o;
  // (While unwinding nothing may commit: the image is taken whatever its size.)
  if (!appends_only && !tx.unwinding && too_big_to_copy(o, layout)) return before_big_write(o);
  maybe_throw_abort(o);
  bump(stats().undo_images);
  const auto index = static_cast<std::uint32_t>(tx.undo.size());
  if (index > detail::index_mask) throw std::length_error("stm: too many undo images in one transaction");
  logs().logged.push_back(header);
  born = detail::logged_bit | index;
  detail::set_born(o->header.born, born);
  if (is_type(value::from(o))) return;  // a class: its attributes live in its dict, saved as a dict
  if (appends_only) {
    save_list_image(o, false);
    detail::set_born(o->header.born, born | detail::partial_bit);
  } else if (layout->save_undo) {
    layout->save_undo(o);
  } else if (layout->is_exception) {
    save_exception(o);
  }
  // A class's instance: the __dict__ pointer and the slots after the
  // built-in layout.
  if (t->heap && t->basic_size > t->solid->basic_size) {
    push_undo(o, bytes_image::of(o, t->solid->basic_size, t->basic_size));
  }
}

}  // namespace

bool dict_entry_undo_applies(object* d) {
  if (!transaction_detail::start) return false;
  const std::uint32_t born = detail::born_of(d->header.born);
  if (backends::stm::made_here(born) || (born & detail::logged_bit)) return false;
  // Locked before the table is read (its size here, the caller's lookup),
  // which another transaction may be rebuilding otherwise. (A conflict
  // where no abort can unwind commits instead: then no entry image applies.)
  if (detail::word(d->header.lock).load(std::memory_order_relaxed) != detail::my_write_word) {
    backends::stm::lock_for_write(d->header);
    if (!transaction_detail::start) return false;
  }
  return too_big_to_copy(d, &dict_type);
}

bool save_dict_entry(object* d, std::size_t index) {
  if (!dict_entry_undo_applies(d)) return false;  // again: the lookup may have run code (and it write-locks d)
  maybe_throw_abort(d);
  bump(stats().entry_images);
  auto image = dict_entry_image::take();
  image->index = index;
  image->val = static_cast<dict_object*>(d)->tab->entries()[index].val;
  push_undo(d, std::move(image));
  return true;
}

void push_undo(object* o, undo_image_ptr image) { tx.undo.push_back({o, std::move(image)}); }

void set_image_size(type_object& t, std::size_t (*bytes)(object*)) {
  std::lock_guard lock(image_sizes_writer);
  const std::size_t used = image_sizes_used.load(std::memory_order_relaxed);
  if (used == image_sizes.size()) {  // a new whole-copy layout: the array is to grow
    std::fprintf(stderr, "gillab: stm: more than %zu layouts with whole-copy images\n", image_sizes.size());
    std::abort();
  }
  image_sizes[used] = {&t, bytes};
  image_sizes_used.store(used + 1, std::memory_order_release);
}

void save_object_bytes(object* o, std::size_t from, std::size_t to) {
  push_undo(o, bytes_image::of(o, from, to));
}

append_scope::append_scope(object* l) : previous_(std::exchange(tx.appending, l)) {}
append_scope::~append_scope() { tx.appending = previous_; }

bool in_transaction() { return transaction_detail::start != nullptr; }

/// Beyond max_deferrals, serial mode goes on passing a generator's commit
/// points over while nothing asks for a commit: no other thread for the
/// token (no drop request, no legacy ticks), no collection scheduled, no
/// stress switch, and logs below deferral_log_cap entries (undo images below
/// deferral_undo_cap). A pipeline that
/// C++ code drives (`sum(f(x) for x in g)`) never reaches an ordinary
/// frame's commit point, and once the bound ended its caller's
/// transaction each resume ran as a transaction of its own (its result
/// goes into the C++ caller's state, which no abort could take back):
/// generators.py made 2 million transactions of 3.8 safepoints. The token
/// is handed over as the GIL is, when a waiter asks; concurrent mode keeps
/// the bound (a long transaction holds its locks, and an irrevocable
/// thread may be waiting for one). Once it commits in the pipeline after
/// all (a waiter, a collection, a cap), the rest runs a transaction per
/// resume again until an ordinary frame begins one (generators_may_begin).
constexpr std::size_t deferral_log_cap = std::size_t{1} << 18;
/// Undo images are up to max_image_bytes each: their own, lower cap (the
/// order of what 400 passes could save before; a review's worst case for
/// 2^18 of them was 16 GiB).
constexpr std::size_t deferral_undo_cap = 4096;

bool may_pass_over_longer() {
  if (detail::concurrent) return false;
  if (backends::gil_detail::eval_breaker.load(std::memory_order_relaxed) != 0) return false;
  if (gc_detail::scheduled.load(std::memory_order_relaxed)) return false;
  if (abort_every.load(std::memory_order_relaxed) != 0 || abort_writes.load(std::memory_order_relaxed) != 0)
    return false;
  if (tx.undo.size() >= deferral_undo_cap) return false;
  detail::transaction_logs& l = logs();
  const auto log_entries = [&] { return l.born.size() + l.counts.size() + tx.undo.size(); };
  if (log_entries() < deferral_log_cap) return true;
  // Most of a pipeline's births die before the next item (a tuple per
  // window): their entries are null. Dropping them keeps the cap for what
  // lives; half of it free again, or the transaction commits.
  std::size_t kept = 0;
  for (void* h : l.born) {
    if (!h) continue;
    l.born[kept++] = h;
    detail::set_born(static_cast<backends::stm::object_header*>(h)->born, static_cast<std::uint32_t>(kept));
  }
  tx.births_dropped += l.born.size() - kept;
  l.born.resize(kept);
  return log_entries() < deferral_log_cap / 2;
}

commit_outcome transaction_commit_point(frame* f, int* at, int* depth) {
  if (!transaction_detail::start) return commit_outcome::go_on;
  if (tx.unwinding) {  // code between swallowed the sentinel (clear_pending): again
    transaction_detail::countdown = 1;
    raise_unwind_sentinel();
    return commit_outcome::unwind;
  }
  // Long enough, but in a generator's frame that the transaction did not
  // begin in: passed over for a while, so that it commits in an ordinary
  // frame, where the next one begins (see transaction_begin_point). Not a
  // commit attempt: the stress switch does not count it.
  if (f->is_generator && transaction_detail::start != f &&
      (tx.deferrals < max_deferrals || may_pass_over_longer())) {
    ++tx.deferrals;
    transaction_detail::countdown = 1;  // the next commit point, in any frame, looks again
    return commit_outcome::go_on;
  }
  detail::transaction_logs& l = logs();
  // Concurrent mode, Python code that C++ code called holding a section (a
  // key's __eq__ under a dict lookup, a sort's key): a commit here would
  // release the section's lock under that code. Passed over for a while
  // as well; then the lock goes over to an irrevocable run, which lasts
  // while the section is open (transaction_begin_point), or, the token
  // taken, the transaction aborts to re-run irrevocably.
  const bool in_operation = detail::concurrent && detail::open_sections > 0;
  if (in_operation && tx.deferrals < max_deferrals) {
    ++tx.deferrals;
    transaction_detail::countdown = 1;
    return commit_outcome::go_on;
  }
  // In a called frame only if the abort may unwind to the start frame;
  // else the transaction commits.
  if (inject_abort() && (transaction_detail::start == f || can_unwind())) {
    record_abort("stress switch: commit point", nullptr);
    if (transaction_detail::start == f) {
      abort(l, f, at, depth);
      return commit_outcome::restored;
    }
    begin_unwind(l);
    return commit_outcome::unwind;
  }
  if (in_operation && unwind_to_keep_locks()) {  // (else the token is this thread's, or no abort can unwind)
    if (transaction_detail::start != f) return commit_outcome::unwind;
    abort(l, f, at, depth);
    return commit_outcome::restored;
  }
  if (f->is_generator && transaction_detail::start != f) tx.generators_may_begin = true;
  grow_length();  // it ran its whole length
  commit(l, in_operation);
  return commit_outcome::go_on;
}

void transaction_begin_point(frame* f, int at, int depth) {
  if (transaction_detail::start) return;
  // No transaction begins in a generator's frame: one that did ended at the
  // frame's next yield (its exit point), so a generator expression summed
  // in C++ ran one transaction per item (spectral_norm: 2.2 safepoints per
  // transaction, generators.py much the same). The caller's transaction
  // spans the resumes instead (each saves the generator's frame once). A
  // generator whose own loop runs long without an ordinary frame's
  // safepoint in between commits after max_deferrals passed-over points,
  // and from then on generator frames begin transactions again until an
  // ordinary frame does.
  if (f->is_generator && !tx.generators_may_begin) return;
  if (detail::concurrent) {
    // Irrevocable until here: inside `with atomic:`, for a while after
    // aborts in a row, or throughout without a slot (which lets the others
    // run a moment every length), else the token and its locks go.
    backends::stm::thread_state& me = current_thread().backend_state;
    if (me.atomic_depth > 0) return;
    // Inside a C++ operation's section whose lock this run holds (commit:
    // handed over), until the operation closes it.
    if (me.irrevocable && detail::open_sections > 0 && backends::stm::has_slot()) return;
    if (me.irrevocable_left > 0) {
      --me.irrevocable_left;
      return;
    }
    if (!backends::stm::has_slot()) {  // no lock words, so no transaction
      me.irrevocable_left = length.load(std::memory_order_relaxed);
      backends::stm::let_others_run(me);
      return;
    }
    backends::stm::end_irrevocable(me);
  }
  if (!f->is_generator) tx.generators_may_begin = false;
  std::call_once(unwind_sentinel_made, [] {
    ref args(make_tuple(0));
    unwind_sentinel = immortalize(make_exception(&exc_BaseException, args.get()));
  });
  detail::transaction_logs& l = logs();
  if (!l.locked.empty()) [[unlikely]] {  // a transaction ended without releasing them: a bug
    std::fprintf(stderr, "gillab: stm: a transaction begins holding %zu locks of an earlier one\n", l.locked.size());
    std::abort();
  }
  take_snapshot(f, at, depth);
  restart_countdown(fresh_length());
  tx.retrying_conflict = false;
  tx.blocked_at_begin = abort_exceptions_blocked;
  l.active = true;
  bump(stats().begun);
}

bool transaction_exit_point(frame* f, int* at, int* depth) {
  if (transaction_detail::start != f) return false;
  detail::transaction_logs& l = logs();
  const bool injected = !tx.unwinding && inject_abort();
  if (injected) record_abort("stress switch: frame exit", nullptr);
  if (tx.unwinding || injected) {
    abort(l, f, at, depth);
    return true;
  }
  bump(stats().exit_commits);
  commit(l);
  return false;
}

bool transaction_irrevocable() {
  if (tx.unwinding) {
    bump(stats().irrevocable_refused);
    raise_unwind_sentinel();
    return false;
  }
  if (unwind_to_keep_locks()) return false;
  commit_now(stats().irrevocable_commits, true);
  return true;
}

bool transaction_may_take_lock() {
  if (!transaction_detail::start || tx.unwinding) return false;
  // Room for one more entry first: transaction_took_lock, called once the
  // lock is taken, must not fail.
  auto& taken = tx.python_locks;
  if (taken.size() == taken.capacity()) taken.reserve(std::max<std::size_t>(8, 2 * taken.capacity()));
  return true;
}

void transaction_took_lock(object* lock, void (*end)(object*, bool)) {
  tx.python_locks.push_back({lock, end});
  bump(stats().python_locks_taken);
}

namespace {
/// `lock`'s entry in the running transaction's log, or the log's end.
auto taken_entry(const object* lock) {
  return std::find_if(tx.python_locks.begin(), tx.python_locks.end(),
                      [&](const transaction_state::taken_lock& taken) { return taken.lock == lock; });
}
}  // namespace

bool transaction_gives_back_lock(object* lock) {
  const auto entry = taken_entry(lock);
  if (entry == tx.python_locks.end()) return false;
  tx.python_locks.erase(entry);
  return true;
}

bool transaction_holds_lock(const object* lock) { return taken_entry(lock) != tx.python_locks.end(); }

void transaction_settle_deaths() {
  if (transaction_detail::start && !logs().dying.empty()) commit_now(stats().irrevocable_commits);
}

bool transaction_aborting() { return detail::current && detail::current->discarding; }

bool transaction_irrevocable_or_throw() {
  if (transaction_irrevocable()) return true;
  if (can_unwind()) throw transaction_abort_exception{};
  clear_pending();  // raised again at the next commit point
  return false;
}

bool transaction_caught_abort(frame* f, int* at, int* depth) {
  if (transaction_detail::start != f) return false;
  abort(logs(), f, at, depth);
  return true;
}

namespace {
/// stm.hpp's hook (blocking regions, `with atomic:`). The built-ins that
/// block check transaction_irrevocable() and fail first; what reaches here
/// unwinding is an import waiting for another thread's.
void irrevocable_for_backend() { (void)transaction_irrevocable_or_throw(); }
}  // namespace

bool transaction_unwinding() {
  if (!tx.unwinding) return false;
  raise_unwind_sentinel();  // whatever else the code between raised instead
  return true;
}

bool transaction_defer_free(void* memory) {
  if (!transaction_aborting()) return false;
  tx.deferred_frees.push_back(memory);
  return true;
}

namespace {
/// Which types' deaths end transactions (--stats): what the next quiet
/// death would be worth.
std::mutex free_commit_types_mutex;
std::unordered_map<const type_object*, std::uint64_t> free_commit_types;  // under the mutex

void end_before_free(const void* header) {
  if (!transaction_detail::start) return;
  {
    std::lock_guard lock(free_commit_types_mutex);
    ++free_commit_types[reinterpret_cast<const object*>(header)->type];
  }
  // Unwinding instead, the transaction keeps the object (reached_zero: it
  // is still active), and the retry frees it irrevocably.
  if (unwind_to_keep_locks()) return;
  commit_now(stats().free_commits);
}

// Quiet deaths. An object may wait for the commit to be freed when its
// death and every death it causes run no code and are seen by nobody: no
// weak reference to any of them, no __del__ or other finalizer, and
// deallocators that only drop references and give memory back. The walk
// looks at most quiet_budget references deep and wide, and every object it
// reaches must be quiet too, however many references it has: one that
// survives this death may lose its other references later in the same
// transaction, and then die only at the commit. What could make a reached
// object noisy later commits first (a weak reference to it:
// transaction_settle_deaths; a class's __del__: class attribute writes are
// irrevocable).
constexpr int quiet_budget = 32;

bool quiet(object* o, int& budget);

void visit_quietly(value v, void* arg) {
  auto& budget = *static_cast<int*>(arg);
  if (budget < 0 || !v.is_object()) return;
  object* o = v.obj();
  if (o->flags & flag_immortal) return;
  if (--budget < 0) return;
  if (!quiet(o, budget)) budget = -1;
}

/// Types whose deallocator drops what their traverse slot visits and frees
/// memory, nothing else.
bool plain_container(object* o) {
  const type_object* t = o->type;
  return t == &tuple_type || t == &list_type || t == &dict_type || t == &iterator_type ||
         t == &builtin_function_type || is_bound_method(value::from(o));
}

/// Containers whose references never change after they are made.
bool references_fixed(object* o) {
  const type_object* t = o->type;
  return t == &tuple_type || t == &builtin_function_type || is_bound_method(value::from(o));
}

bool quiet(object* o, int& budget) {
  if ((o->flags & flag_gc_tracked) && weak_marker(o).load(std::memory_order_relaxed)) return false;
  type_object* t = o->type;
  if (t == &float_type || t == &int_type || t == &str_type || t == &bytes_type || t == &range_type) return true;
  // A class's instance (its traverse slot visits its __dict__ and slots)
  // over object's own layout, with no __del__.
  const bool instance = t->heap && t->solid == &object_type && !t->finalize;
  if (!instance && !plain_container(o)) return false;
  // Concurrent mode: a mutable object another transaction may be changing
  // is read only under this one's lock, taken if free (else: not quiet, the
  // commit comes first and the free runs outside the transaction).
  if (detail::concurrent && !references_fixed(o) &&
      !backends::stm::try_lock_for_read(current_thread().backend_state, o->header))
    return false;
  // Too many references to look at: not quiet, and not walked either (the
  // walk would cost as much as the free for a big list).
  std::size_t size = 0;
  if (t == &list_type) size = static_cast<list_object*>(o)->items.size();
  if (t == &tuple_type) size = static_cast<tuple_object*>(o)->size;
  if (t == &dict_type) size = static_cast<dict_object*>(o)->used * 2;
  if (size > static_cast<std::size_t>(budget)) return false;
  t->traverse(o, visit_quietly, &budget);
  return budget >= 0;
}

bool dies_quietly(const void* header) {
  int budget = quiet_budget;
  return quiet(object_of(const_cast<void*>(header)), budget);
}
}  // namespace

void set_abort_every(std::uint64_t n) { abort_every.store(n, std::memory_order_relaxed); }
void set_abort_writes(std::uint64_t n) { abort_writes.store(n, std::memory_order_relaxed); }
void set_transaction_length(std::uint64_t n) {
  length.store(n == 0 ? 1 : n, std::memory_order_relaxed);
  if (!length_max_given.load(std::memory_order_relaxed)) length_max.store(n, std::memory_order_relaxed);
}
void set_transaction_length_max(std::uint64_t n) {
  length_max_given.store(true, std::memory_order_relaxed);
  length_max.store(n == 0 ? 1 : n, std::memory_order_relaxed);
}
void set_concurrent_transactions() { backends::stm::set_concurrent(current_thread().backend_state); }
bool transactions_concurrent() { return detail::concurrent; }

bool before_unlocked_field(object* o) {
  if (detail::concurrent && !backends::stm::made_here(o->header) && !transaction_irrevocable()) return false;
  before_write(o);
  return true;
}

namespace {
// This thread has the world stopped for an unlocked_fields_write: a write
// nested in it (a raise inside class_setattr sets __context__) needs no
// stop of its own, and a second stop would wait for the first forever.
thread_local bool fields_world_stopped = false;
}  // namespace

unlocked_fields_write::unlocked_fields_write(object* o) {
  if (detail::concurrent && !fields_world_stopped && !backends::stm::made_here(o->header)) {
    ok_ = transaction_irrevocable();
    if (!ok_) return;
    backends::stm::stop_the_world(current_thread().backend_state);
    stopped_ = true;
    fields_world_stopped = true;
    bump(stats().field_stops);
  }
  before_write(o);
}

unlocked_fields_write::~unlocked_fields_write() {
  if (!stopped_) return;
  fields_world_stopped = false;
  backends::stm::start_the_world(current_thread().backend_state);
}

void init_transactions() {
  pthread_atfork(lock_counters_for_fork, unlock_counters_after_fork, unlock_counters_after_fork);
  detail::save_image = save_image;
  detail::go_irrevocable = irrevocable_for_backend;
  detail::end_before_free = end_before_free;
  detail::on_conflict = on_conflict;
  detail::dies_quietly = dies_quietly;
  list_type.save_undo = save_list;
  dict_type.save_undo = save_dict;
  set_type.save_undo = save_set;
  set_image_size(list_type, list_image_bytes);
  set_image_size(dict_type, dict_image_bytes);
  set_image_size(set_type, set_image_bytes);
  cell_type.save_undo = save_plain_fields<cell_object>;
  iterator_type.save_undo = save_plain_fields<iterator_object>;
  function_type.save_undo = save_plain_fields<function_object>;
}

namespace {
/// The conflict report: the ten sites that aborted most.
void write_conflicts(std::ostream& out) {
  // What the report names a site by: sites of different code objects on one
  // line (two comprehensions, a lambda) are one line to the reader, so they
  // are summed; the order of the map keeps equal counts in file, line, type
  // and cause order, independent of the pointer hashing above.
  using site_key = std::tuple<std::string_view, int, std::string_view, std::string_view>;
  std::map<site_key, std::uint64_t> by_line;
  {
    std::lock_guard lock(abort_sites_mutex);
    for (const auto& [s, count] : abort_sites)
      by_line[{s.code ? std::string_view(s.code->unit->filename) : std::string_view("<none>"), s.line,
               s.type ? std::string_view(s.type->name) : std::string_view(), std::string_view(s.cause)}] += count;
  }
  std::vector<std::pair<std::uint64_t, site_key>> top;
  for (const auto& [key, count] : by_line) top.emplace_back(count, key);
  std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  if (top.size() > 10) top.resize(10);
  out << "[";
  for (std::size_t i = 0; i < top.size(); ++i) {
    const auto& [file, line, type, cause] = top[i].second;
    out << (i ? ", " : "") << "{\"file\": ";
    write_json_string(out, file);
    out << ", \"line\": " << line << ", \"type\": ";
    write_json_string(out, type);
    out << ", \"cause\": ";
    write_json_string(out, cause);
    out << ", \"aborts\": " << top[i].first << "}";
  }
  out << "]";
}
}  // namespace

void write_transaction_statistics(std::ostream& out, const std::string& token) {
  auto n = [](const std::atomic<std::uint64_t>& c) { return c.load(std::memory_order_relaxed); };
  const std::uint64_t commits = total(&counters::commits);
  const std::uint64_t retries = total(&counters::retries);
  out << "{\"backend\": \"stm\", \"phase\": 2, \"serial\": " << (detail::concurrent ? "false" : "true")
      << ", \"transactions\": " << total(&counters::begun)
      << ", \"commits\": " << commits
      << ", \"commits_at_frame_exit\": " << total(&counters::exit_commits)
      << ", \"commits_irrevocable\": " << total(&counters::irrevocable_commits)
      << ", \"commits_before_a_free\": " << total(&counters::free_commits)
      << ", \"commits_before_a_free_by_type\": {";
  {
    // The eight types whose deaths ended the most transactions.
    std::vector<std::pair<std::uint64_t, const type_object*>> top;
    {
      std::lock_guard lock(free_commit_types_mutex);
      for (const auto& [type, count] : free_commit_types) top.emplace_back(count, type);
    }
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (top.size() > 8) top.resize(8);
    for (std::size_t i = 0; i < top.size(); ++i) {
      out << (i ? ", " : "");
      write_json_string(out, top[i].second->name);
      out << ": " << top[i].first;
    }
  }
  out << "}, \"freed_at_commit\": " << total(&counters::quiet_deaths)
      << ", \"commits_before_a_big_write\": " << total(&counters::big_write_commits)
      // aborts by cause (they sum to the aborts); abort_paths: how many of
      // them unwound called frames, and how many of those began as an
      // exception thrown by runtime code
      << ", \"aborts\": {\"injected\": " << total(&counters::aborts_injected)
      << ", \"conflict\": " << total(&counters::aborts_conflict)
      << ", \"big_write\": " << total(&counters::aborts_big_write)
      << ", \"mid_operation\": " << total(&counters::aborts_mid_operation) << "}"
      << ", \"abort_paths\": {\"unwound\": " << total(&counters::aborts_unwound)
      << ", \"thrown_from_runtime_code\": " << total(&counters::aborts_thrown) << "}"
      << ", \"conflicts\": ";
  write_conflicts(out);
  out
      << ", \"irrevocable_refused_while_unwinding\": " << total(&counters::irrevocable_refused)
      << ", \"safepoints_per_commit\": "
      << (commits ? static_cast<double>(total(&counters::safepoints)) / static_cast<double>(commits) : 0.0)
      << ", \"retries\": {\"count\": " << retries << ", \"mean_length\": "
      << (retries ? static_cast<double>(total(&counters::retry_safepoints)) / static_cast<double>(retries) : 0.0) << "}"
      << ", \"undo_images\": " << total(&counters::undo_images)
      << ", \"entry_images\": " << total(&counters::entry_images) << ", \"objects_made\": " << total(&counters::births)
      << ", \"counts_saved\": " << total(&counters::counts_saved)
      << ", \"counts_untagged\": " << total(&counters::counts_untagged)
      << ", \"locks\": {\"read\": " << total(&counters::read_locks)
      << ", \"write\": " << total(&counters::write_locks) << "}"
      << ", \"irrevocable\": {\"runs\": " << total(&counters::irrevocable_runs)
      << ", \"lock_waits\": " << total(&counters::irrevocable_waits)
      << ", \"after_aborts\": " << total(&counters::irrevocable_after_aborts)
      << ", \"commits_at_a_conflict\": " << total(&counters::conflict_commits)
      << ", \"locks_handed_over\": " << total(&counters::locks_handed_over)
      << ", \"locks_dropped\": " << total(&counters::locks_dropped) << "}"
      << ", \"world_stops\": " << backends::world::stops.load(std::memory_order_relaxed)
      << ", \"field_stops\": " << total(&counters::field_stops)
      << ", \"python_locks\": {\"taken_in_transactions\": " << total(&counters::python_locks_taken)
      << ", \"released_by_aborts\": " << total(&counters::python_locks_undone) << "}"
      << ", \"abort_every\": " << n(abort_every) << ", \"abort_writes\": " << n(abort_writes)
      << ", \"length\": " << n(length)
      << ", \"length_max\": " << longest_length()
      << ", \"lengths\": {\"grown\": " << total(&counters::lengths_grown)
      << ", \"halved\": " << total(&counters::lengths_halved) << "}"
      << ", \"token\": {" << token << "}}";
}

#else  // not restartable: never called

void push_undo(object*, undo_image_ptr) {}
void set_image_size(type_object&, std::size_t (*)(object*)) {}
void save_object_bytes(object*, std::size_t, std::size_t) {}
bool in_transaction() { return false; }
commit_outcome transaction_commit_point(frame*, int*, int*) { return commit_outcome::go_on; }
void transaction_begin_point(frame*, int, int) {}
bool transaction_exit_point(frame*, int*, int*) { return false; }
bool transaction_irrevocable() { return true; }
void transaction_settle_deaths() {}
bool transaction_aborting() { return false; }
bool transaction_unwinding() { return false; }
bool transaction_caught_abort(frame*, int*, int*) { return false; }
bool transaction_irrevocable_or_throw() { return true; }
bool transaction_defer_free(void*) { return false; }
void set_abort_every(std::uint64_t) {}
void set_abort_writes(std::uint64_t) {}
void set_transaction_length(std::uint64_t) {}
void set_transaction_length_max(std::uint64_t) {}
void set_concurrent_transactions() {}
bool transactions_concurrent() { return false; }
bool before_unlocked_field(object*) { return true; }
unlocked_fields_write::unlocked_fields_write(object*) {}
unlocked_fields_write::~unlocked_fields_write() {}
void init_transactions() {}
void write_transaction_statistics(std::ostream&, const std::string&) {}

#endif

GILLAB_RUNTIME_NAMESPACE_END

#if GILLAB_RESTARTABLE
namespace gillab::interp::backends {

void stm::write_statistics(std::ostream& out) {
  std::ostringstream token;
  gil::write_switch_fields(token);
  gillab::interp::write_transaction_statistics(out, token.str());
}

namespace {
std::atomic<std::uint32_t> slots_taken{0};  // bit i: slot i + 1

/// Count log entries found through the side map (no tally word: the
/// object's was another slot's, or this thread has no slot): header ->
/// index in the log.
thread_local std::unordered_map<const void*, std::uint32_t> untagged_entries;

/// h's entry through the side map, if it has one there.
stm_detail::count_entry* untagged_entry(const stm::object_header& h, stm_detail::transaction_logs& tx) {
  auto found = untagged_entries.find(&h);
  return found != untagged_entries.end() ? &tx.counts[found->second] : nullptr;
}

/// The running transaction's first count change to old object h (its
/// tally word is not this thread's): h's entry in the count log, opened if
/// it has none, tagged in its tally word when the word is free, this
/// thread has a slot and the index fits (past 2^27 - 1 entries the side
/// map takes the rest).
stm_detail::count_entry* open_entry(stm::object_header& h, stm_detail::transaction_logs& tx) {
  const std::size_t index = tx.counts.size();
  // Claimed with a compare-and-swap: another transaction may claim the
  // free word at the same moment (phase 2b); the loser uses the side map.
  std::uint32_t free_word = 0;
  const bool tagged = stm_detail::tally_tag != stm_detail::no_tag && index < stm_detail::tally_index_mask &&
                      stm_detail::word(h.tally).load(std::memory_order_relaxed) == 0 &&
                      stm_detail::word(h.tally).compare_exchange_strong(free_word, stm_detail::tally_tag | static_cast<std::uint32_t>(index + 1),
                                                      std::memory_order_relaxed);
  if (!tagged) [[unlikely]] {
    if (stm_detail::count_entry* e = untagged_entry(h, tx)) return e;
    untagged_entries.emplace(&h, static_cast<std::uint32_t>(index));
  }
  const std::uint32_t count = stm_detail::word(h.refcount).load(std::memory_order_relaxed);
  tx.counts.push_back({&h, count, count, tagged, false});
  stm_detail::count_entries = tx.counts.data();
  return &tx.counts.back();
}
}  // namespace

/// The count log's end: the commit (`apply`) adds each entry's change to
/// its object's count; an abort drops them.
std::size_t stm::end_counts(stm_detail::transaction_logs& logs, bool apply) {
  logs.dying.clear();  // (the entries flagged dying are among the counts)
  for (const stm_detail::count_entry& e : logs.counts) {
    auto* h = static_cast<object_header*>(e.header);
    if (e.tagged) stm_detail::word(h->tally).store(0, std::memory_order_relaxed);  // this thread's: nobody else writes it
    if (!apply || e.count == e.first) continue;
    // Release: the writes before a decrement happen before the free that
    // follows whichever decrement reaches 0; acquire: that free sees them.
    const std::uint32_t delta = e.count - e.first;  // (mod 2^32)
    if (stm_detail::word(h->refcount).fetch_add(delta, std::memory_order_acq_rel) + delta == 0) logs.dying.push_back(h);
  }
  logs.counts.clear();
  const std::size_t untagged = untagged_entries.size();
  if (untagged != 0) untagged_entries.clear();
  return untagged;
}

namespace {
/// This thread's slot (1..max_slots), or no_slot.
constexpr std::uint32_t no_slot = stm_detail::no_tag >> stm_detail::tally_index_bits;
std::uint32_t my_slot() { return stm_detail::tally_tag >> stm_detail::tally_index_bits; }
/// The lock words of slot `slot` (no_slot: none, see stm_detail::my_write_word).
void set_lock_words(std::uint32_t slot) {
  stm_detail::my_write_word = stm_detail::write_word_of(slot);
  stm_detail::my_read_bit = slot == no_slot ? 0 : stm_detail::read_bit_of(slot);
}

/// push_back's growth, out of the line: inlined, its call made every lock
/// taken save and restore registers (17 of lock_for_read_slow's 30
/// instructions).
[[gnu::noinline]] void grow_and_push(std::vector<void*>& v, void* p) { v.push_back(p); }
/// A lock taken: listed for its release at the end (end_locks).
[[gnu::always_inline]] inline void remember_lock(std::vector<void*>& locked, void* h) {
  if (locked.size() == locked.capacity()) [[unlikely]] {
    grow_and_push(locked, h);
  } else {
    locked.push_back(h);
  }
}
}  // namespace

// The inline test found the word not held by this thread. Written out
// rather than through stm_detail::lock_for_read's outcomes: a transaction of
// spectral_norm takes four read locks, and the switch over outcomes cost
// half as much again as the locking itself.
void stm::lock_for_read_slow(thread_state& ts, object_header& h) {
  if (!ts.logs.active) {  // serial mode: nothing is locked outside a transaction
    if (stm_detail::concurrent) lock_irrevocably(ts, h, false);
    return;
  }
  const std::uint32_t mine = stm_detail::my_read_bit;
  if (mine == 0) return;  // no slot: serial mode (concurrent: no transaction)
  std::uint32_t seen = stm_detail::word(h.lock).load(std::memory_order_acquire);
  while (!(seen & stm_detail::write_bit)) {
    if (seen & mine) return;
    if (seen & stm_detail::intent_bit) break;  // the irrevocable thread waits to write it
    if (stm_detail::word(h.lock).compare_exchange_weak(seen, seen | mine, std::memory_order_acq_rel, std::memory_order_acquire)) {
      remember_lock(ts.logs.locked, &h);
      ++ts.logs.read_locks;
      return;
    }
  }
  if ((seen & ~stm_detail::intent_bit) != stm_detail::my_write_word && stm_detail::on_conflict(&h, false))
    lock_irrevocably(ts, h, false);
}

// Cold (the quiet-death walk): through stm_detail::lock_for_read's outcomes.
bool stm::try_lock_for_read(thread_state& ts, object_header& h) {
  if (stm_detail::holds(stm_detail::word(h.lock).load(std::memory_order_acquire), stm_detail::my_write_word,
                        stm_detail::my_read_bit) ||
      made_here(h))
    return true;
  if (!ts.logs.active || !has_slot()) return false;
  const stm_detail::lock_outcome outcome = stm_detail::lock_for_read(h.lock, my_slot());
  if (outcome == stm_detail::lock_outcome::taken) {
    remember_lock(ts.logs.locked, &h);
    ++ts.logs.read_locks;
  }
  return outcome != stm_detail::lock_outcome::conflict;
}

void stm::lock_for_write(object_header& h) {
  const std::uint32_t mine = stm_detail::my_read_bit;
  if (mine == 0) return;
  stm_detail::transaction_logs& logs = *stm_detail::current;
  std::uint32_t seen = stm_detail::word(h.lock).load(std::memory_order_acquire);
  for (;;) {  // as stm_detail::lock_for_write, without its outcomes (see above)
    if (seen == stm_detail::my_write_word) return;
    if (seen != 0 && seen != mine) {
      if (stm_detail::on_conflict(&h, true)) lock_irrevocably(gillab::interp::current_thread().backend_state, h, true);
      return;
    }
    if (stm_detail::word(h.lock).compare_exchange_weak(seen, stm_detail::my_write_word, std::memory_order_acq_rel,
                                     std::memory_order_acquire))
      break;
  }
  ++logs.write_locks;
  if (seen == mine) return;  // upgraded: listed as a read lock already
  remember_lock(logs.locked, &h);
}

// Last of a transaction's end, after its counts are applied or dropped:
// while it holds the locks of the containers its references came from, no
// other transaction can drop them, so no other transaction's count of an
// object can reach 0 while this one's increments of it are unapplied.
// (Another thread may free one of its objects before the release: forget_lock.)
void stm::end_locks(stm_detail::transaction_logs& logs) {
  // Counted here, where irrevocable runs release theirs too (end_irrevocable).
  gillab::interp::counters& c = gillab::interp::stats();
  gillab::interp::bump(c.read_locks, std::exchange(logs.read_locks, 0));
  gillab::interp::bump(c.write_locks, std::exchange(logs.write_locks, 0));
  if (logs.locked.empty()) return;
  const std::uint32_t slot = my_slot();
  for (void* h : logs.locked) stm_detail::unlock(static_cast<object_header*>(h)->lock, slot);
  logs.locked.clear();
}

void stm::write_slow(object_header& h) {
  stm_detail::transaction_logs* logs = stm_detail::current;
  if (logs && logs->active) {
    if (stm_detail::word(h.lock).load(std::memory_order_relaxed) != stm_detail::my_write_word) {
      lock_for_write(h);
      if (!logs->active) return;  // committed at a conflict, and locked irrevocably
    }
    // Saved whole already, and so by this transaction (it holds the write
    // lock, or is a thread without a slot in serial mode, which locks nothing).
    const std::uint32_t born = stm_detail::born_of(h.born);
    if ((born & stm_detail::logged_bit) && !(born & stm_detail::partial_bit)) return;
    stm_detail::save_image(&h);
    if (logs->active) return;
  }
  if (!stm_detail::concurrent) return;  // serial: nothing is locked outside a transaction
  thread_state& ts = gillab::interp::current_thread().backend_state;
  if (stm_detail::word(h.lock).load(std::memory_order_relaxed) != stm_detail::my_write_word) lock_irrevocably(ts, h, true);
}

void stm::lock_irrevocably(thread_state& ts, object_header& h, bool writing) {
  become_irrevocable(ts);
  if (!has_slot()) return;  // the world is stopped
  const std::uint32_t mine = stm_detail::my_read_bit;
  const std::uint32_t write_word = stm_detail::my_write_word;
  std::atomic_ref<std::uint32_t> w = stm_detail::word(h.lock);
  bool waited = false;
  std::uint32_t seen = w.load(std::memory_order_acquire);
  gillab::locks::spin_wait wait;
  for (;;) {
    if (seen == write_word || (!writing && (seen & mine) && !(seen & stm_detail::write_bit))) return;  // held
    if (!(seen & stm_detail::write_bit)) {
      const std::uint32_t others = seen & ~(stm_detail::intent_bit | mine);
      if (!writing) {  // readers share (the intent bit is only ever this thread's)
        if (w.compare_exchange_weak(seen, seen | mine, std::memory_order_acq_rel, std::memory_order_acquire)) {
          remember_lock(ts.logs.locked, &h);
          ++ts.logs.read_locks;
          return;
        }
        continue;
      }
      if (others == 0) {  // free, or read by this thread alone
        if (w.compare_exchange_weak(seen, write_word, std::memory_order_acq_rel, std::memory_order_acquire)) {
          ++ts.logs.write_locks;
          if (!(seen & mine)) remember_lock(ts.logs.locked, &h);  // (upgraded: listed as a read lock already)
          return;
        }
        continue;
      }
      // Other readers: they may not come back meanwhile.
      if (!(seen & stm_detail::intent_bit) &&
          !w.compare_exchange_weak(seen, seen | stm_detail::intent_bit, std::memory_order_acq_rel, std::memory_order_acquire))
        continue;
    }
    // A transaction holds it: it never waits for this thread (no-wait, and
    // none waits for the token holding a lock), so it ends, by a commit
    // within its length or by an abort when it meets one of this thread's
    // locks.
    if (!waited) {
      waited = true;
      gillab::interp::bump(gillab::interp::stats().irrevocable_waits);
    }
    wait.once();
    seen = w.load(std::memory_order_acquire);
  }
}

namespace {
std::mutex irrevocable_token;  // concurrent mode: held by the irrevocable thread
/// Tries of a taken token before the thread parks for it. Held briefly
/// (an atomic block, the code between a lock wait and the next begin
/// point), so a short spin often gets it without the futex sleep and wake-up
/// of a hand-over (2 cores, medians of 7 interleaved runs,
/// `-X stm_concurrent=1`, 1 000 000: atomic_counter 2 threads 1.12 ->
/// 0.88 s, 8 threads 1.27 -> 0.96; lock_counter 2 threads 0.79 -> 0.70;
/// lock_counter at 4 threads and shared_write unchanged; 2000 tries: no
/// better). Bounded, so a world stop by the holder waits at most the spin
/// for this thread, which holds no lock (it committed first).
constexpr int token_spins = 500;
}  // namespace

void stm::become_irrevocable(thread_state& ts) {
  if (ts.irrevocable) return;
  // Waiting, the thread is not running: a stop of the world by the
  // token's holder need not wait for it (it holds no lock: its
  // transaction, if any, committed before). A free token needs no wait
  // (and no stop stands: every stopper holds the token).
  bool taken = irrevocable_token.try_lock();
  for (int i = 0; !taken && i < token_spins; ++i) {
    gillab::locks::cpu_relax();
    taken = irrevocable_token.try_lock();
  }
  if (!taken) {
    world::stop_running();
    irrevocable_token.lock();
    world::start_running();
  }
  ts.irrevocable = true;
  gillab::interp::bump(gillab::interp::stats().irrevocable_runs);
  if (!has_slot()) {  // no lock words: alone instead
    world::stop_running();
    world::stop();
  }
}

bool stm::try_become_irrevocable(thread_state& ts) {
  if (ts.irrevocable) return true;
  if (!has_slot() || !irrevocable_token.try_lock()) return false;
  ts.irrevocable = true;  // (no stop stands: every stopper holds the token)
  gillab::interp::bump(gillab::interp::stats().irrevocable_runs);
  return true;
}

void stm::end_irrevocable(thread_state& ts) {
  if (!ts.irrevocable) return;
  end_locks(ts.logs);
  if (!has_slot()) world::start();
  ts.irrevocable = false;
  irrevocable_token.unlock();
}

void stm::resume_running(thread_state& ts) {
  world::start_running();
  if (!has_slot()) become_irrevocable(ts);
}

void stm::let_others_run(thread_state& ts) {
  end_irrevocable(ts);
  std::this_thread::yield();  // the parked threads wake meanwhile (2 cores)
  become_irrevocable(ts);
}

void stm::set_concurrent(thread_state& ts) {
  if (stm_detail::concurrent) return;
  stm_detail::concurrent = true;
  gil::detach(ts.token);
  world::start_running();
}

void stm::stop_the_world(thread_state& ts) {
  if (!stm_detail::concurrent) return;
  // Between transactions (the collector and os.fork commit first): a
  // thread that waited for the token holding locks could deadlock.
  if (ts.logs.active) stm_detail::go_irrevocable();
  become_irrevocable(ts);
  if (!has_slot()) return;  // stopped it already
  world::stop_running();
  world::stop();
}

void stm::start_the_world(thread_state&) {
  if (!stm_detail::concurrent || !has_slot()) return;
  world::start();
}

void stm::forget_lock(object_header& h) {
  // Concurrent mode: another thread may hold a lock on h still, at the end
  // of its commit (end_locks releases its locks after its counts are
  // applied, and one of those may have let h's count reach 0 for this
  // thread to free). Its release follows without a wait of its own: wait
  // for it, so that it never writes freed memory. Nothing else can hold h:
  // nothing reaches it any more.
  std::atomic_ref<std::uint32_t> w = stm_detail::word(h.lock);
  for (gillab::locks::spin_wait wait;; wait.once()) {
    const std::uint32_t seen = w.load(std::memory_order_acquire);
    if (seen == stm_detail::my_write_word || (seen & ~(stm_detail::my_read_bit | stm_detail::intent_bit)) == 0) break;
  }
  w.store(0, std::memory_order_relaxed);
  if (!stm_detail::current) return;
  std::vector<void*>& locked = stm_detail::current->locked;
  for (std::size_t i = locked.size(); i-- > 0;) {  // most often one of the latest
    if (locked[i] == &h) {
      locked[i] = locked.back();
      locked.pop_back();
      return;
    }
  }
}

void stm::take_slot() {
  if (stm_detail::tally_tag != stm_detail::no_tag) return;  // attached before
  std::uint32_t taken = slots_taken.load(std::memory_order_relaxed);
  for (;;) {
    const std::uint32_t free = ~taken & ((1u << stm_detail::max_slots) - 1);
    if (free == 0) return;  // no slot: the side map serves this thread
    const int bit = std::countr_zero(free);
    if (slots_taken.compare_exchange_weak(taken, taken | (1u << bit), std::memory_order_relaxed)) {
      stm_detail::tally_tag = static_cast<std::uint32_t>(bit + 1) << stm_detail::tally_index_bits;
      set_lock_words(static_cast<std::uint32_t>(bit + 1));
      static_assert(stm_detail::max_slots < (stm_detail::no_tag >> stm_detail::tally_index_bits));
      return;
    }
  }
}

void stm::keep_only_own_slot() {
  const std::uint32_t tag = stm_detail::tally_tag;
  slots_taken.store(tag == stm_detail::no_tag ? 0 : 1u << ((tag >> stm_detail::tally_index_bits) - 1),
                    std::memory_order_relaxed);
}

void stm::give_slot_back() {
  if (stm_detail::tally_tag == stm_detail::no_tag) return;
  const std::uint32_t bit = (stm_detail::tally_tag >> stm_detail::tally_index_bits) - 1;
  stm_detail::tally_tag = stm_detail::no_tag;
  set_lock_words(no_slot);
  slots_taken.fetch_and(~(1u << bit), std::memory_order_relaxed);
}

void stm::incref_slow(object_header& h) {
  stm_detail::transaction_logs* tx = stm_detail::current;
  if (tx && tx->active) {
    ++open_entry(h, *tx)->count;
    return;
  }
  stm_detail::word(h.refcount).fetch_add(1, std::memory_order_relaxed);
}

bool stm::decref_slow(object_header& h) {
  stm_detail::transaction_logs* tx = stm_detail::current;
  if (tx && tx->active) {
    stm_detail::count_entry& e = *open_entry(h, *tx);
    if (--e.count != 0) return false;
    return reached_zero(h, e);
  }
  return stm_detail::word(h.refcount).fetch_sub(1, std::memory_order_acq_rel) == 1;
}

std::uint32_t stm::refcount(const object_header& h) {
  stm_detail::transaction_logs* tx = stm_detail::current;
  if (!tx || !tx->active) return stm_detail::word(h.refcount).load(std::memory_order_relaxed);
  const stm_detail::count_entry* e = tagged_entry(h);
  if (!e) e = untagged_entry(h, *tx);
  return e ? e->count : stm_detail::word(h.refcount).load(std::memory_order_relaxed);
}

bool stm::reached_zero(object_header& h, stm_detail::count_entry& e) {
  stm_detail::transaction_logs& tx = *stm_detail::current;
  if (tx.discarding) return false;  // the abort drops the entry
  if (e.dying) return false;        // brought back and dropped again: listed
  if (tx.dying.size() < stm_detail::max_dying && stm_detail::dies_quietly(&h)) {
    tx.dying.push_back(&h);
    e.dying = true;
    return false;
  }
  // One reference kept through the commit (which applies the entry, then
  // frees the dying list's objects, whose deaths must not reach this one).
  ++e.count;
  stm_detail::end_before_free(&h);
  if (tx.active) [[unlikely]] {  // no commit (it never happens here: unwinding is discarding too)
    --e.count;
    return false;
  }
  return stm_detail::word(h.refcount).fetch_sub(1, std::memory_order_acq_rel) == 1;
}

}  // namespace gillab::interp::backends
#endif
