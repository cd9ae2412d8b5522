// threads.cpp — real OS threads: the `_thread` module (start_new_thread,
// lock, RLock, get_ident, ...), the registry of live threads, the deadlock
// report, sys.setswitchinterval, and the end of the process.
//
// Design:
//  - A thread started by _thread.start_new_thread is a detached pthread with
//    a large stack (each Python call is one C++ activation of the eval loop,
//    as on pyvm's main interpreter thread, so sys.getrecursionlimit() must
//    fit there too). It inherits its creator's recursion limit, attaches to
//    the back-end (gil: takes the GIL), calls the function, reports an
//    uncaught exception as CPython's _thread does ("Exception ignored in
//    thread started by: <function f at 0x...>" and the traceback;
//    SystemExit ends the thread silently), releases its references, leaves
//    the registry and only then detaches.
//  - Order at thread exit: everything that holds references (the function,
//    its arguments, the result, the thread state's pending exception and
//    exc_info stack) is released while the thread is still attached, since
//    the GIL is what protects reference counts. What the thread_local
//    destructors free afterwards, without the GIL, is raw memory only: the
//    per-thread free lists and frame cache hold dead blocks with no
//    references in them (free_list.hpp, eval.cpp's frame_cache), and
//    std::free is thread-safe.
//  - Python-level locks are a word in the parking lot (locks/parking_lot):
//    0 free, 1 held, 2 held with (possible) waiters, as Drepper's futex
//    mutex, but not owned: any thread may release a `lock`, as in CPython.
//    Acquire and release change the word only while the thread is attached;
//    a waiter parks in the back-end's blocking region (no GIL held) and
//    re-tries after it is attached again. Timeouts are the parking lot's
//    deadlines. Under fine a waiter first spins a moment, as free-threaded
//    CPython's PyMutex does: a lock held for a few bytecodes is free again
//    before a park and its wake would end (lock_waiters_spin). Under stm a
//    lock found free is taken inside the running transaction, whose abort
//    releases it (transaction.hpp, "Python-level locks inside a
//    transaction"); waiting for one is irrevocable work.
//  - Deadlock detection: the registry lists every live thread and, for a
//    thread waiting on a lock without a timeout, the lock. Before a thread
//    parks without a timeout it checks whether every live thread (itself
//    included) now waits without a timeout on a lock that is held. If so,
//    no thread can ever release one of them: it prints `deadlock detected`
//    and each thread's Python stack to stderr and exits with code 1. The
//    check is exact because lock words change only while attached and the
//    checker is attached: under the GIL nothing else runs during the check,
//    and a thread woken by a release but not yet attached again is still
//    listed as waiting on a lock that is now free (so: no deadlock). A
//    thread in time.sleep or a timed acquire is never counted as blocked.
//    (A back-end without a GIL needs a stop-the-world for the same check.)
//  - Exit: the process ends when the main program ends; _thread threads are
//    not waited for (threading.py will wait, from its _shutdown hook). With
//    threads still alive the main thread keeps the GIL, flushes and calls
//    _exit: running static destructors under threads that may still wake
//    up (from a sleep, a lock wait) would let them touch destroyed state.
//
// Invariants:
//  - The registry (entries, waits_on) changes only with registry_mutex held,
//    and a thread's own entry only while that thread is attached.
//  - lock_object::word changes only while the changing thread is attached.
#include "threads.hpp"
#include "transaction.hpp"

#include "dict.hpp"
#include "eval.hpp"
#include "operations.hpp"
#include "gc.hpp"
#include "reclaim.hpp"
#include "runtime.hpp"
#include "text.hpp"

#include <gillab/interp/backend.hpp>
#include <gillab/locks/parking_lot.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <csignal>
#include <atomic>
#include <chrono>
#include <cmath>
#include <concepts>
#include <cstdio>
#include <fstream>
#include <list>
#include <mutex>
#include <optional>
#include <sstream>

GILLAB_RUNTIME_NAMESPACE_BEGIN

value import_name(value name, value fromlist, value level);  // the import system

namespace {

namespace parking_lot = gillab::locks::parking_lot;


// ---- arguments ----
bool count_in(const char* fname, std::size_t n, std::size_t lo, std::size_t hi) {
  if (n >= lo && n <= hi) return true;
  if (lo == hi && lo == 0) {
    raise_type_error(std::string(fname) + "() takes no arguments (" + std::to_string(n) + " given)");
  } else if (n > hi) {
    raise_type_error(std::string(fname) + "() takes at most " + std::to_string(hi) + " argument" +
                     (hi == 1 ? "" : "s") + " (" + std::to_string(n) + " given)");
  } else {
    raise_type_error(std::string(fname) + "() takes at least " + std::to_string(lo) + " argument" +
                     (lo == 1 ? "" : "s") + " (" + std::to_string(n) + " given)");
  }
  return false;
}

/// An int or float argument as a double; false (TypeError raised) otherwise.
bool real_arg(value v, double* out, const char* message) {
  std::int64_t i = 0;
  if (type_of(v) == &float_type) {
    *out = static_cast<float_object*>(v.obj())->v;
  } else if (as_int64(v, &i)) {
    *out = static_cast<double>(i);
  } else if (type_of(v) == &int_type) {
    *out = big_to_double(static_cast<big_int_object*>(v.obj())->v);
  } else {
    raise_type_error(std::string(message) + type_name(v));
    return false;
  }
  return true;
}

std::string hex_address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(p)));
  return buf;
}

std::uint64_t self_ident() { return static_cast<std::uint64_t>(pthread_self()); }

// ---- the registry of live threads ----
struct thread_entry {
  std::uint64_t ident = 0;
  thread_state* ts = nullptr;        // null until the thread runs
  // The lock (and its word) waited on with no timeout, or null.
  const object* waits_on = nullptr;
  const std::atomic<std::uint32_t>* waits_on_word = nullptr;
  bool is_main = false;
  // _thread._set_sentinel()'s lock (held): released as the thread leaves
  // the registry, so Thread.join() returns once the thread is gone.
  value sentinel;
};

std::mutex registry_mutex;
// Never destroyed: threads still running at _exit may look at it.
std::list<thread_entry>& registry() {
  static auto* entries = new std::list<thread_entry>;
  return *entries;
}
thread_local thread_entry* self_entry = nullptr;

/// The calling thread's entry; the first thread to ask that was not started
/// by start_new_thread is the main thread.
thread_entry& this_thread_entry() {
  if (!self_entry) {
    std::lock_guard lk(registry_mutex);
    registry().push_front(thread_entry{self_ident(), &current_thread(), nullptr, nullptr, true, value()});
    self_entry = &registry().front();
  }
  return *self_entry;
}

// ---- Python-level locks ----
type_object lock_type;
type_object rlock_type;

constexpr std::uint32_t lock_free = 0;
constexpr std::uint32_t lock_held = 1;
constexpr std::uint32_t lock_contended = 2;  // held, and someone may be parked
// stm: or'ed into held or contended while the transaction that took the
// lock runs (its commit clears it, its abort frees the lock). Another
// thread that looks at the lock or releases it waits for that end first
// (settled_word, lock_release).
constexpr std::uint32_t lock_taken_by_transaction = 4;
/// The word without that bit: free, held or contended.
constexpr std::uint32_t lock_state(std::uint32_t word) { return word & ~lock_taken_by_transaction; }
/// stm: waits until the transaction that took the lock ended (outside a
/// transaction of this thread's: two transactions would wait for each
/// other); returns the word then. That transaction waits for nobody
/// (no-wait; anything that would wait commits first), so it ends within
/// its length.
std::uint32_t wait_for_transaction_end(const std::atomic<std::uint32_t>& word) {
  gillab::locks::spin_wait wait;
  std::uint32_t w;
  while ((w = word.load(std::memory_order_acquire)) & lock_taken_by_transaction) wait.once();
  return w;
}

struct lock_object : object {
  std::atomic<std::uint32_t> word{lock_free};
};
struct rlock_object : object {
  std::atomic<std::uint32_t> word{lock_free};
  // Ident of the owning thread, 0: none. Atomic because any thread asks
  // "is it mine?" without holding the lock (no GIL under fine); only the
  // owner writes `count` (atomic only so that repr() may read it), and
  // owner == me implies count > 0.
  std::atomic<std::uint64_t> owner{0};
  std::atomic<std::uint64_t> count{0};
};

// CPython's _thread.TIMEOUT_MAX on Linux (PY_TIMEOUT_MAX in seconds).
constexpr double timeout_max = 9223372036.0;

[[noreturn]] void report_deadlock();
int end_process(int rc);

thread_local bool is_signal_thread = false;  // the Python main thread (install_signal_handlers)
bool end_by_sigint = false;                  // main thread only

/// Every live thread waits with no timeout on a held lock.
bool all_threads_deadlocked() {
  std::lock_guard lk(registry_mutex);
  for (const thread_entry& e : registry()) {
    if (!e.waits_on_word || e.waits_on_word->load(std::memory_order_relaxed) == lock_free) return false;
  }
  return true;
}

/// Whether a waiter for a Python lock spins before it parks, as
/// free-threaded CPython's PyMutex does (Python/lock.c, MAX_SPIN_COUNT: 40
/// yields): only under fine, where the holder runs meanwhile. Under the GIL
/// or stm's serial token the holder needs the waiter out of the way. In
/// stm's concurrent mode a spinner that gets the lock then waits for the
/// irrevocable token (the body after the acquire runs outside a
/// transaction), and the spinners took the cores from the token's holder:
/// lock_counter at 4 and 8 threads 2x slower (release build, medians of 5:
/// 0.127 -> 0.256 s, 0.105 -> 0.261 s), 2 threads faster (0.359 -> 0.236 s);
/// once a lock found free was taken inside the transaction, slower at 2
/// threads too (medians of 5: 0.25 -> 1.12 s). Nor does a transaction
/// spin for a lock another transaction took (0.22 -> 0.24 s): the waits
/// are for a holder that runs irrevocably after its own wait.
/// Under fine, parking at once made two threads taking turns at a lock
/// held for a few bytecodes park and wake at nearly every turn
/// (lock_counter at 2 threads: ~400 voluntary context switches, ~30
/// spinning; medians of 7, 2/4/8 threads: fine-atomic 0.151/0.137/0.137 ->
/// 0.126/0.118/0.123 s, fine-biased 0.149/0.145/0.150 -> 0.126/0.129/0.125 s).
constexpr bool lock_waiters_spin = backend::parallel && !backend::restartable;
/// Spins before parking: spin_wait's pauses, then this many yields.
constexpr unsigned lock_spin_yields = 40;

/// Acquires the lock word while attached; waits in a blocking region.
/// timeout < 0: forever. Returns 1 when acquired, 0 on timeout, -1 with
/// KeyboardInterrupt raised (the main thread, on Ctrl-C).
int acquire_word(std::atomic<std::uint32_t>& word, const object* lock, double timeout) {
  std::uint32_t expected = lock_free;
  if (word.compare_exchange_strong(expected, lock_held, std::memory_order_acquire, std::memory_order_relaxed)) {
    return 1;
  }
  std::optional<parking_lot::clock::time_point> deadline;
  if (timeout >= 0) {
    deadline = parking_lot::clock::now() +
               std::chrono::duration_cast<parking_lot::clock::duration>(std::chrono::duration<double>(timeout));
  }
  if constexpr (lock_waiters_spin) {
    // (Bounded: a timed acquire's deadline, taken before, may pass by
    // microseconds.) Taken as merely "held" when it comes free: a waiter
    // parked meanwhile marks it "contended" again when its wake finds it
    // taken.
    gillab::locks::spin_wait wait;
    for (unsigned yields = 0; yields < lock_spin_yields;) {
      if (!wait.spinning()) ++yields;
      wait.once();
      expected = lock_free;
      if (word.load(std::memory_order_relaxed) == lock_free &&
          word.compare_exchange_weak(expected, lock_held, std::memory_order_acquire, std::memory_order_relaxed)) {
        return 1;
      }
    }
  }
  thread_state& ts = current_thread();
  thread_entry& me = this_thread_entry();
  for (;;) {
    std::uint32_t s = word.load(std::memory_order_relaxed);
    if (s == lock_free) {
      // Taken as "contended": other waiters may still be parked.
      if (word.compare_exchange_weak(s, lock_contended, std::memory_order_acquire, std::memory_order_relaxed)) {
        return 1;
      }
      continue;
    }
    if (lock_state(s) == lock_held &&
        !word.compare_exchange_weak(s, s - lock_held + lock_contended, std::memory_order_relaxed,
                                    std::memory_order_relaxed)) {
      continue;
    }
    if (deadline && parking_lot::clock::now() >= *deadline) {
      // stm: a running transaction's hold is not one yet (its abort takes
      // it back): once it ended, one more try.
      if (!(s & lock_taken_by_transaction)) return 0;
      (void)wait_for_transaction_end(word);
      continue;
    }
    if (!deadline) {
      {
        std::lock_guard lk(registry_mutex);
        me.waits_on = lock;
        me.waits_on_word = &word;
      }
      if (all_threads_deadlocked()) report_deadlock();
    }
    // The main thread wakes every signal_poll_ms to look for Ctrl-C; the
    // registry still says it waits without a timeout (it does).
    std::optional<parking_lot::clock::time_point> wake = deadline;
    if (is_signal_thread) {
      const auto poll = parking_lot::clock::now() + std::chrono::milliseconds(signal_poll_ms);
      if (!wake || poll < *wake) wake = poll;
    }
    {
      blocking_region<backend> region(ts.backend_state);
      parking_lot::park(
          &word, [&] { return lock_state(word.load(std::memory_order_relaxed)) == lock_contended; }, wake);
    }
    if (!deadline) {
      std::lock_guard lk(registry_mutex);
      me.waits_on = nullptr;
      me.waits_on_word = nullptr;
    }
    if (signals_pending() && handle_signals()) return -1;
  }
}

/// The word was `old` when this thread made it free: a parked waiter, if
/// any, is woken.
void wake_after_release(std::atomic<std::uint32_t>& word, std::uint32_t old) {
  if (lock_state(old) == lock_contended) {
    parking_lot::unpark_one(&word, [](parking_lot::unpark_result) { return std::intptr_t{0}; });
  }
}

void release_word(std::atomic<std::uint32_t>& word) {
  wake_after_release(word, word.exchange(lock_free, std::memory_order_release));
}

/// acquire(blocking=True, timeout=-1)'s arguments: the timeout in seconds,
/// -1 forever, 0 non-blocking; false with an exception raised.
bool acquire_args(const value* args, std::size_t nargs, value kwnames, double* timeout) {
  const std::size_t nkw = kwnames ? as_tuple(kwnames)->size : 0;
  const std::size_t npos = nargs - nkw;  // nargs counts the keyword values too
  if (nargs > 2) {
    raise_type_error("acquire() takes at most 2 arguments (" + std::to_string(nargs) + " given)");
    return false;
  }
  value blocking_v = npos > 0 ? args[0] : value();
  value timeout_v = npos > 1 ? args[1] : value();
  for (std::size_t k = 0; k < nkw; ++k) {
    const std::string n = str_of(as_tuple(kwnames)->items[k]);
    value v = args[npos + k];
    if (n == "blocking" && !blocking_v) {
      blocking_v = v;
    } else if (n == "timeout" && !timeout_v) {
      timeout_v = v;
    } else if (n == "blocking" || n == "timeout") {
      raise_type_error("argument for acquire() given by name ('" + n + "') and position (" +
                       (n == "blocking" ? "1" : "2") + ")");
      return false;
    } else {
      raise_type_error("'" + n + "' is an invalid keyword argument for acquire()");
      return false;
    }
  }
  bool blocking = true;
  if (blocking_v) {
    const int t = op_truth(blocking_v);
    if (t < 0) return false;
    blocking = t != 0;
  }
  double secs = -1;
  // CPython's message for a timeout that is not a number (it converts
  // through its time-object parser).
  if (timeout_v && !real_arg(timeout_v, &secs, "")) {
    clear_pending();
    raise_type_error(std::string("'") + type_name(timeout_v) + "' object cannot be interpreted as an integer");
    return false;
  }
  if (!blocking && secs != -1) {
    raise(&exc_ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (secs < 0 && secs != -1) {
    raise(&exc_ValueError, "timeout value must be positive");
    return false;
  }
  if (secs > timeout_max) {
    raise(&exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  *timeout = blocking ? secs : 0;
  return true;
}

/// stm: lock l's word as the serial order has it, in *w: once no other
/// thread's running transaction holds it taken (committed: held; aborted:
/// free); this thread's own transaction commits first if it must wait.
/// False, with the abort's exception pending, when this thread's
/// transaction is unwinding to abort.
bool settled_word(const lock_object* l, std::uint32_t* w) {
  *w = l->word.load(std::memory_order_acquire);
  if (!(*w & lock_taken_by_transaction) || transaction_holds_lock(l)) return true;
  if (!transaction_irrevocable()) return false;
  *w = wait_for_transaction_end(l->word);
  return true;
}

/// stm: the transaction that took `lock` ended: it stays held, or (an
/// abort) it is released.
void end_lock_transaction(object* lock, bool committed) {
  std::atomic<std::uint32_t>& word = static_cast<lock_object*>(lock)->word;
  if (committed) {
    word.fetch_and(~lock_taken_by_transaction, std::memory_order_release);
  } else {
    release_word(word);
  }
}

value lock_acquire(value self, const value* args, std::size_t nargs, value kwnames) {
  double timeout = -1;
  if (!acquire_args(args, nargs, kwnames, &timeout)) return value();
  auto* l = static_cast<lock_object*>(self.obj());
  if (transaction_may_take_lock()) {  // stm: free, it is taken inside the transaction
    std::uint32_t expected = lock_free;
    if (l->word.compare_exchange_strong(expected, lock_held | lock_taken_by_transaction, std::memory_order_acquire,
                                        std::memory_order_relaxed)) {
      transaction_took_lock(l, end_lock_transaction);
      return boolean(true);
    }
  }
  if (!transaction_irrevocable()) return value();  // stm: waiting (or failing) is not rolled back
  if (timeout == 0) {
    for (;;) {
      std::uint32_t expected = lock_free;
      if (l->word.compare_exchange_strong(expected, lock_held, std::memory_order_acquire, std::memory_order_relaxed)) {
        return boolean(true);
      }
      // stm: not failing for a hold its transaction's abort takes back
      if (!(expected & lock_taken_by_transaction)) return boolean(false);
      (void)wait_for_transaction_end(l->word);
    }
  }
  const int got = acquire_word(l->word, l, timeout);
  return got < 0 ? value() : boolean(got != 0);
}

value lock_release(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("release", kwnames) || !count_in("release", nargs, 0, 0)) return value();
  auto* l = static_cast<lock_object*>(self.obj());
  if (transaction_gives_back_lock(l)) {  // stm: this transaction took it: the pair cancels
    release_word(l->word);
    return none();
  }
  if (!transaction_irrevocable()) return value();  // stm: another thread may take it: not rolled back
  // From a settled state only (stm): a transaction may take the lock
  // between a look and an exchange, and its abort would then release it
  // again, under whoever took it next.
  std::uint32_t s = l->word.load(std::memory_order_acquire);
  for (;;) {
    if (s & lock_taken_by_transaction) {
      s = wait_for_transaction_end(l->word);
      continue;
    }
    if (s == lock_free) return raise(&exc_RuntimeError, "release unlocked lock");
    if (l->word.compare_exchange_weak(s, lock_free, std::memory_order_release, std::memory_order_acquire)) break;
  }
  wake_after_release(l->word, s);
  return none();
}

value lock_exit(value self, const value*, std::size_t, value) { return lock_release(self, nullptr, 0, value()); }

value lock_locked(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("locked", kwnames) || !count_in("locked", nargs, 0, 0)) return value();
  std::uint32_t settled;
  if (!settled_word(static_cast<lock_object*>(self.obj()), &settled)) return value();
  return boolean(settled != lock_free);
}

value lock_repr(value self) {
  auto* l = static_cast<lock_object*>(self.obj());
  std::uint32_t settled;
  if (!settled_word(l, &settled)) return value();
  const bool held = settled != lock_free;
  return make_str(std::string("<") + (held ? "locked" : "unlocked") + " _thread.lock object at " +
                  hex_address(l) + ">");
}

value new_lock() { return value::from(make<lock_object>(&lock_type)); }

void lock_dealloc(object* o) {
  (void)transaction_gives_back_lock(o);  // stm: one the running transaction made and took: out of its log
  free_object_memory(o);
}

value thread_allocate_lock(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("allocate_lock", kwnames) || !count_in("allocate_lock", nargs, 0, 0)) return value();
  return new_lock();
}

/// CPython 3.11's _thread._set_sentinel(): a held lock that the runtime
/// releases when the calling thread has left it — after its last Python
/// code, its thread-local storage, its deferred reclamation, its collector
/// nursery and (fine) its objects' ownership are gone — so that a joiner
/// finds no trace of the thread (a cycle it left is collectable at once).
/// threading.Thread uses it for join().
value thread_set_sentinel(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("_set_sentinel", kwnames) || !count_in("_set_sentinel", nargs, 0, 0)) return value();
  if (!transaction_irrevocable()) return value();  // stm: the thread's entry is not rolled back (an abort would free the lock it holds)
  value lock = new_lock();
  static_cast<lock_object*>(lock.obj())->word.store(lock_held, std::memory_order_relaxed);
  thread_entry& me = this_thread_entry();
  value old = std::exchange(me.sentinel, newref(lock));  // a replaced one stays held, as in CPython
  xdecref(old);
  return lock;
}

// RLock: an owner and a count over the same lock word.
value rlock_acquire(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!transaction_irrevocable()) return value();  // stm: a lock's state is not rolled back
  double timeout = -1;
  if (!acquire_args(args, nargs, kwnames, &timeout)) return value();
  auto* r = static_cast<rlock_object*>(self.obj());
  const std::uint64_t me = self_ident();
  if (r->owner.load(std::memory_order_relaxed) == me) {
    r->count.store(r->count.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    return boolean(true);
  }
  bool ok;
  if (timeout == 0) {
    std::uint32_t expected = lock_free;
    ok = r->word.compare_exchange_strong(expected, lock_held, std::memory_order_acquire, std::memory_order_relaxed);
  } else {
    const int got = acquire_word(r->word, r, timeout);
    if (got < 0) return value();
    ok = got != 0;
  }
  if (ok) {
    r->owner.store(me, std::memory_order_relaxed);
    r->count.store(1, std::memory_order_relaxed);
  }
  return boolean(ok);
}

value rlock_release(value self, const value*, std::size_t nargs, value kwnames) {
  if (!transaction_irrevocable()) return value();  // stm: a lock's state is not rolled back
  if (!no_keywords("release", kwnames) || !count_in("release", nargs, 0, 0)) return value();
  auto* r = static_cast<rlock_object*>(self.obj());
  if (r->owner.load(std::memory_order_relaxed) != self_ident()) {
    return raise(&exc_RuntimeError, "cannot release un-acquired lock");
  }
  const std::uint64_t left = r->count.load(std::memory_order_relaxed) - 1;
  r->count.store(left, std::memory_order_relaxed);
  if (left == 0) {
    r->owner.store(0, std::memory_order_relaxed);
    release_word(r->word);
  }
  return none();
}

value rlock_exit(value self, const value*, std::size_t, value) { return rlock_release(self, nullptr, 0, value()); }

value rlock_is_owned(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("_is_owned", kwnames) || !count_in("_is_owned", nargs, 0, 0)) return value();
  auto* r = static_cast<rlock_object*>(self.obj());
  return boolean(r->owner.load(std::memory_order_relaxed) == self_ident());
}

value rlock_repr(value self) {
  auto* r = static_cast<rlock_object*>(self.obj());
  const bool held = r->word.load(std::memory_order_relaxed) != lock_free;
  const std::uint64_t owner = r->owner.load(std::memory_order_relaxed);
  const std::uint64_t count = r->count.load(std::memory_order_relaxed);
  return make_str(std::string("<") + (held ? "locked" : "unlocked") + " _thread.RLock object owner=" +
                  std::to_string(owner) + " count=" + std::to_string(count) + " at " + hex_address(r) + ">");
}

}  // namespace

// _thread.RLock is a type, as in CPython: RLock() constructs one (through
// type_call and class_constructor) and isinstance(x, _thread.RLock) works.
value construct_rlock(const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("RLock", kwnames) || !count_in("RLock", nargs, 0, 0)) return value();
  return value::from(make<rlock_object>(&rlock_type));
}
bool is_rlock_type(const type_object* t) { return t == &rlock_type; }

namespace {

// ---- the deadlock report ----
int line_of_frame(const frame* f) {
  const auto& lines = f->code->unit->line_of;
  return lines.empty() ? f->code->unit->first_line : lines[static_cast<std::size_t>(std::max(f->lasti, 0))];
}

/// Line `line` of a file, stripped, read from disk as CPython's linecache
/// does; empty if it cannot be read (`<string>`, the frozen library).
std::string source_line_of(const std::string& filename, int line) {
  std::ifstream in(filename);
  std::string text;
  for (int n = 1; n <= line && std::getline(in, text); ++n) {
    if (n == line) {
      const std::size_t b = text.find_first_not_of(" \t\f");
      const std::size_t e = text.find_last_not_of(" \t\f\r");
      return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
    }
  }
  return {};
}

void print_stack(const thread_state* ts) {
  std::vector<const frame*> frames;
  for (const frame* f = ts ? ts->current_frame : nullptr; f; f = f->back) frames.push_back(f);
  std::fputs("Traceback (most recent call last):\n", stderr);
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    const code_unit& u = *(*it)->code->unit;
    const int line = line_of_frame(*it);
    std::fprintf(stderr, "  File \"%s\", line %d, in %s\n", u.filename.c_str(), line, u.name.c_str());
    const std::string source = source_line_of(u.filename, line);
    if (!source.empty()) std::fprintf(stderr, "    %s\n", source.c_str());
  }
}

void report_deadlock() {
  flush_stdout();
  std::fflush(stdout);
  {
    std::lock_guard lk(registry_mutex);
    std::fprintf(stderr, "deadlock detected: all %zu threads wait forever on locks\n", registry().size());
    // Main thread first, then the others in the order they started.
    for (const thread_entry& e : registry()) {
      std::fprintf(stderr, "\n%s 0x%016llx waits for the lock at %s:\n",
                   e.is_main ? "Main thread" : "Thread", static_cast<unsigned long long>(e.ident),
                   hex_address(e.waits_on).c_str());
      print_stack(e.ts);
    }
  }
  std::fflush(stderr);
  // The other threads are parked for good: no threading._shutdown() (it
  // would join them), but the statistics, and no static destructors.
  std::_Exit(end_process(1));
}

// ---- start_new_thread ----
// Each Python call is one C++ activation of the eval loop: a thread needs
// the same room as pyvm's interpreter thread (pyvm.cpp). Only touched pages
// are committed; smaller stacks are tried if the address space is short.
constexpr std::size_t thread_stack_bytes[] = {std::size_t{1} << 30, std::size_t{256} << 20, std::size_t{64} << 20};

struct thread_boot {
  value function, args, kwargs;  // owned
  thread_entry* entry;
  int recursion_limit;
};

void run_in_thread(thread_boot* boot) {
  value function = boot->function;
  ref args(boot->args);
  ref kwargs(boot->kwargs);
  // Positional arguments, then keyword values with their names.
  std::vector<value> argv;
  tuple_object* t = as_tuple(args.get());
  argv.assign(t->items, t->items + t->size);
  ref kwnames;
  if (kwargs) {
    const std::size_t n = dict_size(kwargs.get());
    kwnames = ref(make_tuple(n));
    std::size_t pos = 0, k = 0;
    value key, v;
    while (dict_next(kwargs.get(), &pos, &key, &v)) {
      as_tuple(kwnames.get())->items[k++] = newref(key);
      argv.push_back(v);
    }
  }
  value result = op_call(function, argv.data(), argv.size(), kwnames.get());
  if (result) {
    decref(result);
    return;
  }
  ref exc(take_pending());
  if (is_instance(exc.get(), &exc_SystemExit)) return;
  flush_stdout();
  ref r(op_repr(function));
  if (!r) clear_pending();
  std::fprintf(stderr, "Exception ignored in thread started by: %s\n",
               r ? stderr_text(str_of(r.get())).c_str() : "<function>");
  print_exception(exc.get());
}

/// Releases what the thread state holds references to (still attached).
void release_thread_references(thread_state& ts) {
  xdecref(std::exchange(ts.local_storage, value()));
  xdecref(std::exchange(ts.pending, value()));
  for (value v : ts.handled) xdecref(v);
  ts.handled.clear();
  ts.handled.shrink_to_fit();
}

void* thread_main(void* p) {
  auto* boot = static_cast<thread_boot*>(p);
  thread_state& ts = current_thread();
  ts.recursion_limit = boot->recursion_limit;
  backend::attach(ts.backend_state);
  {
    std::lock_guard lk(registry_mutex);
    self_entry = boot->entry;
    self_entry->ts = &ts;
  }
  run_in_thread(boot);
  decref(boot->function);
  delete boot;
  // Leaving, in an order a joiner can rely on: first all that may still run
  // Python code (thread-local storage's finalizers), then what other
  // threads would otherwise find held (deferred reclamation, the nursery,
  // biased ownership), then the join sentinel. Still registered while the
  // sentinel is held, so a thread joining us is never taken for deadlocked.
  release_thread_references(ts);
  reclaim_thread_exit();
  gc_thread_exit();
  backend::disown(ts.backend_state);
  value sentinel = std::exchange(self_entry->sentinel, value());
  if (sentinel) release_word(static_cast<lock_object*>(sentinel.obj())->word);
  xdecref(sentinel);
  {
    std::lock_guard lk(registry_mutex);
    registry().erase(std::find_if(registry().begin(), registry().end(),
                                  [](const thread_entry& e) { return &e == self_entry; }));
    self_entry = nullptr;
  }
  backend::detach(ts.backend_state);
  return nullptr;
}

value thread_start_new_thread(value, const value* args, std::size_t nargs, value kwnames) {
  if (!backend::supports_threads) {
    return raise(&exc_RuntimeError, std::string("pyvm-") + backend::name + " cannot start a thread: the " +
                                        backend::name +
                                        " back-end has no synchronisation (run pyvm-gil, pyvm-fine-biased, "
                                        "pyvm-fine-atomic or pyvm-stm)");
  }
  if (!no_keywords("start_new_thread", kwnames)) return value();
  if (nargs < 2 || nargs > 3) {
    return raise_type_error("start_new_thread expected " + std::string(nargs < 2 ? "at least 2" : "at most 3") +
                            " arguments, got " + std::to_string(nargs));
  }
  type_object* ft = type_of(args[0]);
  if (!(ft->call || ft == &type_type)) return raise_type_error("first arg must be callable");
  if (!is_instance(args[1], &tuple_type)) return raise_type_error("2nd arg must be a tuple");
  if (nargs == 3 && !is_instance(args[2], &dict_type)) return raise_type_error("optional 3rd arg must be a dictionary");
  if (!transaction_irrevocable()) return value();  // stm: a started thread is never taken back
  this_thread_entry();  // the creator is registered before its first thread
  note_thread_start();  // displaced dict items now wait for lock-free readers
  auto* boot = new thread_boot{newref(args[0]), newref(args[1]), nargs == 3 ? newref(args[2]) : value(), nullptr,
                               current_thread().recursion_limit};
  {
    std::lock_guard lk(registry_mutex);
    registry().push_back(thread_entry{});
    boot->entry = &registry().back();
  }
  pthread_t thread{};
  int rc = EAGAIN;
  for (std::size_t bytes : thread_stack_bytes) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, bytes);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    // The new thread cannot run Python before the creator's entry for it is
    // complete: it waits for the GIL, which the creator holds.
    std::lock_guard lk(registry_mutex);
    rc = pthread_create(&thread, &attr, thread_main, boot);
    pthread_attr_destroy(&attr);
    if (rc == 0) {
      boot->entry->ident = static_cast<std::uint64_t>(thread);
      break;
    }
  }
  if (rc != 0) {
    {
      std::lock_guard lk(registry_mutex);
      registry().pop_back();
    }
    decref(boot->function);
    decref(boot->args);
    xdecref(boot->kwargs);
    delete boot;
    return raise(&exc_RuntimeError, "can't start new thread");
  }
  return make_int(static_cast<std::int64_t>(thread));
}

value thread_get_ident(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("get_ident", kwnames) || !count_in("get_ident", nargs, 0, 0)) return value();
  return make_int(static_cast<std::int64_t>(self_ident()));
}

value thread_get_native_id(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("get_native_id", kwnames) || !count_in("get_native_id", nargs, 0, 0)) return value();
  return make_int(static_cast<std::int64_t>(::syscall(SYS_gettid)));
}

// The calling thread's own dict for threading.local (interp/lib/threading.py):
// made on first use, dropped when the thread ends, so a later thread that
// reuses the identifier starts with nothing (CPython's _threading_local
// gets the same from a weak reference to the thread).
value thread_local_storage(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("_local_storage", kwnames) || !count_in("_local_storage", nargs, 0, 0)) return value();
  thread_state& ts = current_thread();
  if (!ts.local_storage) {
    if (!transaction_irrevocable()) return value();  // stm: the thread state is not rolled back
    ts.local_storage = make_dict();
  }
  return newref(ts.local_storage);
}

value thread_count(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("_count", kwnames) || !count_in("_count", nargs, 0, 0)) return value();
  return make_int(running_thread_count());
}

void init_lock_types() {
  init_type(lock_type, "_thread.lock", nullptr);
  lock_type.repr = lock_repr;
  lock_type.dealloc = lock_dealloc;
  add_method(lock_type, "acquire", lock_acquire);
  add_method(lock_type, "acquire_lock", lock_acquire);
  add_method(lock_type, "release", lock_release);
  add_method(lock_type, "release_lock", lock_release);
  add_method(lock_type, "locked", lock_locked);
  add_method(lock_type, "locked_lock", lock_locked);
  add_method(lock_type, "__enter__", lock_acquire);
  add_method(lock_type, "__exit__", lock_exit);
  init_type(rlock_type, "_thread.RLock", nullptr);
  rlock_type.repr = rlock_repr;
  add_method(rlock_type, "acquire", rlock_acquire);
  add_method(rlock_type, "release", rlock_release);
  add_method(rlock_type, "_is_owned", rlock_is_owned);
  add_method(rlock_type, "__enter__", rlock_acquire);
  add_method(rlock_type, "__exit__", rlock_exit);
}

// ---- statistics and the end of the process ----
std::string statistics_output;

// Hooks only some back-ends have (gil): asked through templates, so that a
// back-end without them compiles the fallback.
template <class B>
concept has_switch_interval = requires(std::uint64_t us) {
  B::set_switch_interval_us(us);
  { B::switch_interval_us() } -> std::convertible_to<std::uint64_t>;
};
template <class B>
concept has_variants = requires(std::string_view v) {
  { B::set_variant(v) } -> std::convertible_to<bool>;
};

std::uint64_t stored_switch_interval_us = 5000;  // back-ends without a switch interval

template <class B>
void set_interval_us(std::uint64_t us) {
  if constexpr (has_switch_interval<B>) {
    B::set_switch_interval_us(us);
  } else {
    stored_switch_interval_us = us;
  }
}
template <class B>
std::uint64_t interval_us() {
  if constexpr (has_switch_interval<B>) {
    return B::switch_interval_us();
  } else {
    return stored_switch_interval_us;
  }
}
template <class B>
bool set_variant(const std::string& name) {
  if constexpr (has_variants<B>) {
    return B::set_variant(name);
  } else {
    (void)name;
    return true;  // ignored, as CPython ignores -X options it does not know
  }
}

/// The back-end's statistics object with the collector's added as "gc".
std::string statistics_json() {
  std::ostringstream s;
  backend::write_statistics(s);
  std::string j = s.str();
  while (!j.empty() && (j.back() == '\n' || j.back() == ' ')) j.pop_back();
  if (!j.empty() && j.back() == '}') {
    j.pop_back();
    j += std::string(j.size() > 1 ? ", " : "") + "\"gc\": " + gc_statistics_json() + "}";
  }
  return j;
}

void write_statistics() {
  if (statistics_output.empty()) return;
  if (statistics_output == "-") {
    std::fprintf(stderr, "%s\n", statistics_json().c_str());
    std::fflush(stderr);
    return;
  }
  std::ofstream out(statistics_output);
  out << statistics_json() << "\n";
  if (!out) std::fprintf(stderr, "pyvm-%s: cannot write statistics to %s\n", backend::name, statistics_output.c_str());
}

void run_threading_shutdown() {
  ref level(make_int(0));
  ref sys(import_name(intern("sys"), value(), level.get()));
  if (!sys) {
    clear_pending();
    return;
  }
  value modules = dict_get(value::from(static_cast<module_object*>(sys.get().obj())->dict), intern("modules"));
  if (!modules || !is_instance(modules, &dict_type)) return;
  value threading = dict_get(modules, intern("threading"));
  if (!threading) {
    clear_pending();
    return;
  }
  ref shutdown(op_getattr(threading, intern("_shutdown")));
  if (!shutdown) {
    clear_pending();
    return;
  }
  ref r(op_call(shutdown.get(), nullptr, 0));
  if (!r) {
    ref exc(take_pending());
    flush_stdout();
    std::fputs("Exception ignored in: <module 'threading'>\n", stderr);
    print_exception(exc.get());
  }
}

int end_process(int rc) {
  flush_stdout();
  std::fflush(stdout);
  write_statistics();
  if (end_by_sigint) {
    std::fflush(stderr);
    std::signal(SIGINT, SIG_DFL);
    ::kill(::getpid(), SIGINT);  // the default action ends the process
  }
  if (running_thread_count() > 0) {
    std::fflush(stderr);
    std::_Exit(rc);
  }
  // The interpreter thread ends after this: what it deferred moves where
  // the QSBR domain keeps it (the leak checker sees it reachable), and its
  // threading.local dicts stay, like the main module's globals, immortal
  // (its thread_state goes with the thread).
  if (value storage = std::exchange(current_thread().local_storage, value())) immortalize(storage);
  reclaim_thread_exit();
  return rc;
}

}  // namespace

value thread_module() {
  static value m = [] {
    init_lock_types();
    value mod = make_module("_thread");
    immortalize(mod);
    value d = value::from(static_cast<module_object*>(mod.obj())->dict);
    auto set = [&](const char* name, value v) {
      dict_set(d, intern(name), v);
      decref(v);
    };
    set("start_new_thread", make_immortal_builtin("start_new_thread", thread_start_new_thread));
    set("start_new", make_immortal_builtin("start_new", thread_start_new_thread));
    set("allocate_lock", make_immortal_builtin("allocate_lock", thread_allocate_lock));
    set("allocate", make_immortal_builtin("allocate", thread_allocate_lock));
    set("_set_sentinel", make_immortal_builtin("_set_sentinel", thread_set_sentinel));
    set("RLock", newref(value::from(&rlock_type)));
    set("get_ident", make_immortal_builtin("get_ident", thread_get_ident));
    set("get_native_id", make_immortal_builtin("get_native_id", thread_get_native_id));
    set("_count", make_immortal_builtin("_count", thread_count));
    set("_local_storage", make_immortal_builtin("_local_storage", thread_local_storage));
    set("LockType", newref(value::from(&lock_type)));
    set("error", newref(value::from(&exc_RuntimeError)));
    set("TIMEOUT_MAX", make_float(timeout_max));
    return mod;
  }();
  return m;
}

// ---- the `atomic` module: `with atomic:` ----
// One immortal object whose __enter__/__exit__ are the back-end's
// atomic_begin/atomic_end (backend.hpp): nothing under nosync, the GIL kept
// to the end of the block under gil, one process-wide lock under fine, a
// transaction under stm. Blocks nest. The same program runs on CPython and
// PyPy with bench/workloads/atomic.py (a module-wide RLock) on sys.path;
// here the built-in module wins over a file of that name, as CPython's
// built-in modules do.
namespace {
type_object atomic_block_type;
thread_local int atomic_depth = 0;  // for the error below; the back-end keeps its own

value atomic_enter(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__enter__", kwnames) || !count_in("__enter__", nargs, 0, 0)) return value();
  if (!transaction_irrevocable()) return value();  // stm: a transaction unwinding to abort may not enter
  backend::atomic_begin(current_thread().backend_state);
  ++atomic_depth;
  return newref(self);
}

value atomic_exit(value, const value*, std::size_t, value kwnames) {
  if (!no_keywords("__exit__", kwnames)) return value();
  if (atomic_depth == 0) return raise(&exc_RuntimeError, "atomic.__exit__() without a matching __enter__()");
  if (!transaction_irrevocable()) return value();  // stm: ... nor leave (the depth is not rolled back)
  --atomic_depth;
  backend::atomic_end(current_thread().backend_state);
  return boolean(false);  // exceptions propagate
}

value atomic_is_atomic(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("is_atomic", kwnames) || !count_in("is_atomic", nargs, 0, 0)) return value();
  return boolean(atomic_depth > 0);
}

value atomic_repr(value) { return make_str(std::string("<atomic block (") + backend::name + ")>"); }
}  // namespace

value atomic_module() {
  static value m = [] {
    init_type(atomic_block_type, "atomic.atomic_block", nullptr);
    atomic_block_type.repr = atomic_repr;
    add_method(atomic_block_type, "__enter__", atomic_enter);
    add_method(atomic_block_type, "__exit__", atomic_exit);
    static object block{};
    make_immortal(block, &atomic_block_type);
    value mod = make_module("atomic");
    immortalize(mod);
    value d = value::from(static_cast<module_object*>(mod.obj())->dict);
    dict_set(d, intern("atomic"), value::from(&block));
    dict_set(d, intern("is_atomic"), make_immortal_builtin("is_atomic", atomic_is_atomic));
    ref name(make_str(backend::name));
    dict_set(d, intern("backend"), name.get());
    return mod;
  }();
  return m;
}

int running_thread_count() {
  std::lock_guard lk(registry_mutex);
  int n = 0;
  for (const thread_entry& e : registry()) n += e.is_main ? 0 : 1;
  return n;
}

value sys_setswitchinterval(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("setswitchinterval", kwnames) || !count_in("setswitchinterval", nargs, 1, 1)) return value();
  double secs = 0;
  if (!real_arg(args[0], &secs, "must be real number, not ")) return value();
  if (!(secs > 0)) return raise(&exc_ValueError, "switch interval must be strictly positive");
  // CPython keeps whole microseconds.
  const auto us = static_cast<std::uint64_t>(1e6 * secs);
  set_interval_us<backend>(us);
  return none();
}

value sys_getswitchinterval(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("getswitchinterval", kwnames) || !count_in("getswitchinterval", nargs, 0, 0)) return value();
  return make_float(static_cast<double>(interval_us<backend>()) / 1e6);
}

bool set_backend_option(const std::string& name, const std::string& value, std::string& error) {
  if (name == "gil" && !set_variant<backend>(value)) {
    error = "-X gil=" + value + ": unknown GIL variant (new, legacy, fair)";
    return false;
  }
  if (name == "stm_concurrent") {
    // Transactions at once (backends/stm.hpp's concurrent mode); 0: the
    // transaction token serialises them (the default, for now).
    if (!backend::restartable) {
      error = "-X " + name + ": only the stm back-end runs transactions";
      return false;
    }
    if (value != "" && value != "0" && value != "1") {
      error = "-X stm_concurrent needs 0 or 1, not '" + value + "'";
      return false;
    }
    if (value != "0") set_concurrent_transactions();
    return true;
  }
  if (name == "stm_abort_every" || name == "stm_length" || name == "stm_length_max" || name == "stm_abort_writes") {
    // The stm back-end's stress switches (abort every N-th commit attempt,
    // throw at every N-th undo image; 0: never) and transaction length in
    // safepoints, least and most (transaction.hpp).
    if (!backend::restartable) {
      error = "-X " + name + ": only the stm back-end runs transactions";
      return false;
    }
    char* end = nullptr;
    const long long n = std::strtoll(value.c_str(), &end, 10);
    const bool positive = name == "stm_length" || name == "stm_length_max";
    if (value.empty() || *end != '\0' || n < 0 || (n == 0 && positive)) {
      error = "-X " + name + "=N needs a " + (positive ? "positive" : "non-negative") + " count, not '" +
              value + "'";
      return false;
    }
    if (name == "stm_abort_every") set_abort_every(static_cast<std::uint64_t>(n));
    else if (name == "stm_abort_writes") set_abort_writes(static_cast<std::uint64_t>(n));
    else if (name == "stm_length_max") set_transaction_length_max(static_cast<std::uint64_t>(n));
    else set_transaction_length(static_cast<std::uint64_t>(n));
  }
  return true;
}

void set_statistics_output(std::string where) { statistics_output = std::move(where); }

std::atomic<bool> sigint_pending{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the SIGINT handler may only touch lock-free atomics");

namespace {
extern "C" void on_sigint(int) { sigint_pending.store(true, std::memory_order_relaxed); }
}  // namespace

void install_signal_handlers() {
  is_signal_thread = true;
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  // As CPython at start-up: writing to a closed pipe or socket raises
  // BrokenPipeError instead of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
}

bool handle_signals() {
  if (!is_signal_thread || !sigint_pending.load(std::memory_order_relaxed)) return false;
  // stm: an interrupt cannot be taken back, so it commits the transaction
  // first (an abort would discard the KeyboardInterrupt with the flag
  // already spent). While an abort unwinds, the flag stays set for after
  // the restart; the abort's own exception is pending.
  if (!transaction_irrevocable()) return true;
  if (!sigint_pending.exchange(false, std::memory_order_relaxed)) return false;
  ref no_args(make_tuple({}));
  ref exc(make_exception(&exc_KeyboardInterrupt, no_args.get()));
  raise_value(exc.get());
  return true;
}

void exit_by_sigint_at_end() { end_by_sigint = true; }

bool is_main_thread_for_signals() { return is_signal_thread; }

// ---- os.fork ----
// As CPython's PyOS_BeforeFork / PyOS_AfterFork_Child: the registry mutex
// and the back-end's own locks are taken before fork(2), so that no other
// thread holds them at the moment the child is copied; the child, where
// only the forking thread exists, then rebuilds them for one thread: the
// registry keeps only this thread, which becomes the main thread (Ctrl-C
// goes to it), and the back-end forgets the other threads (gil: this
// thread holds the GIL and nobody waits). What the other threads held
// stays held in the child, as in CPython: Python-level locks. A parallel
// back-end (fine) first stops the world, as free-threaded CPython does
// before fork: every other thread is then parked at a safepoint or in a
// blocking region, where it holds no object lock and is offline for QSBR,
// so the child finds no object locked by a vanished thread and can still
// free what it retires. The stop comes before registry_mutex, which running
// threads take briefly: one waiting for it has not parked yet.
template <class B>
concept forks = requires(typename B::thread_state& ts) {
  B::before_fork();
  B::after_fork_parent();
  B::after_fork_child(ts);
};

// A template, so that `if constexpr` discards the hooks of a back-end that
// has none (nosync).
template <class B>
long fork_with_hooks() {
  flush_stdout();  // most of it, before any lock is held
  std::fflush(stderr);
  thread_entry& me = this_thread_entry();
  auto& backend_state = current_thread().backend_state;
  if constexpr (stops_the_world<B>) B::stop_the_world(backend_state);
  registry_mutex.lock();
  if constexpr (forks<B>) B::before_fork();
  // Leaf locks (no holder waits for anything), taken last.
  hold_import_locks_for_fork();
  hold_sources_for_fork();
  flush_stdout_and_hold();
  gc_before_fork();
  const pid_t pid = ::fork();
  const int err = errno;
  if (pid != 0) {
    gc_after_fork_parent();
  } else {
    gc_after_fork_child();
  }
  release_stdout();
  release_sources_after_fork();
  if (pid != 0) {  // the parent (or fork failed)
    release_import_locks_in_parent();
    if constexpr (forks<B>) B::after_fork_parent();
    registry_mutex.unlock();
    if constexpr (stops_the_world<B>) B::start_the_world(backend_state);
    errno = err;
    return pid;
  }
  if constexpr (forks<B>) B::after_fork_child(backend_state);
  reset_import_locks_after_fork();
  registry().remove_if([&](const thread_entry& e) { return &e != &me; });
  me.is_main = true;
  me.waits_on = nullptr;
  me.waits_on_word = nullptr;
  registry_mutex.unlock();
  // The child's world was rebuilt running with this one thread
  // (after_fork_child); this resumes its own suspended sections.
  if constexpr (stops_the_world<B>) B::start_the_world(backend_state);
  is_signal_thread = true;
  sigint_pending.store(false, std::memory_order_relaxed);
  return 0;
}

long fork_process() { return fork_with_hooks<backend>(); }

int finish_main_program(int rc) {
  run_threading_shutdown();
  return end_process(rc);
}

GILLAB_RUNTIME_NAMESPACE_END
