// transaction.hpp — the runtime's side of the stm back-end: where
// transactions begin, commit and abort, and how an abort puts the heap and
// the thread's interpreter state back (backends/stm.hpp keeps the logs).
//
// After PyPy-STM (stmgc): a thread runs its bytecodes in transactions that
// span many instructions and end at safepoints; an abort re-executes from
// the transaction's start. What this file adds for a reference-counted VM
// with one C++ activation per Python call (eval.cpp):
//  - A transaction starts at a safepoint (a loop back edge or after a call,
//    both instruction boundaries) of one frame, its *start frame*, and
//    snapshots that frame's locals, value stack and instruction pointer
//    plus the thread's call depth and handled-exception stack. Raw copies:
//    an abort first takes back the transaction's count changes, so the
//    snapshot's values are counted exactly as they were at the start.
//  - It commits at a later safepoint once it is long enough (a length
//    that adapts: one for all threads, grown after whole-length commits,
//    halved by conflicts; transaction.cpp's fresh_length), or when its
//    start frame returns, yields or raises out: past that point the
//    snapshot's C++ activation is gone and nothing could resume it.
//    Between that end and the next safepoint the thread runs outside any
//    transaction (counts applied at once, nothing saved), as it does for
//    irrevocable work (output, blocking calls), which commits first.
//    No transaction begins in a generator's frame (its next yield would end
//    it): the caller's spans the generator's resumes and commits in an
//    ordinary frame, within bounds (transaction_begin_point).
//  - It also commits, wherever it is, when an old object's count reaches 0
//    (backends/stm.hpp: frees are never undone) — unless nobody could see
//    the moment it dies (no weak reference, no __del__, nothing it frees
//    with it either: a bounded walk, transaction.cpp's quiet()), and then
//    the commit frees it — before irrevocable work,
//    and before a write to a list, dict or set whose image would exceed
//    64 KiB (phase 1: copying it in every transaction made a loop writing
//    a big container quadratic) — except a store to an existing key of
//    such a dict, which saves that entry alone (save_dict_entry); the
//    same for list items and dict inserts is still to come.
//  - An abort restores every undo image (newest first), frees the objects
//    the transaction made, puts back every old object's saved count and
//    reloads the start frame from the snapshot. It is decided at a commit
//    point of any frame: in the start frame it happens there; in a frame
//    the start frame called (directly or through built-ins, generators,
//    imports), that frame raises the abort's exception and every frame in
//    between returns it on the ordinary error path (the runtime's
//    null-return protocol: C++ built-ins already release what they hold
//    there), running no handler, `finally` or `__exit__`, until the start
//    frame's exit point aborts. While it unwinds nothing the transaction
//    made before is freed (error paths' new objects may be; abandoned
//    frames' memory is), nothing old dies, nothing commits and no finalizer
//    runs; the count changes of the error paths are
//    taken back with the rest. Runtime code may also abort where it stands,
//    before a write (transaction_abort_exception): the innermost eval loop
//    catches it and goes on as from a commit point. Both are what phase 2b's
//    conflicts need; the stress switches exercise them now.
//
// Invariants: at most one transaction per thread; while one runs, its start
// frame is on the thread's frame stack; every old object a transaction
// changes has its image saved before the first change (write sections,
// type_object::save_undo); objects made inside it are counted in place.
#pragma once

#include "eval.hpp"
#include "types.hpp"

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

/// What an abort puts back into one old object.
struct undo_image {
  virtual ~undo_image() = default;
  virtual void restore(object* o) = 0;
  /// The transaction ended (committed, or restored this image): the image
  /// goes back to its type's pool (pooled_image) or is deleted.
  virtual void recycle() { delete this; }
};
struct undo_image_recycler {
  void operator()(undo_image* image) const { image->recycle(); }
};
using undo_image_ptr = std::unique_ptr<undo_image, undo_image_recycler>;

/// Images of type T come from, and go back to, a pool of this thread's:
/// a transaction saving a generator's frame or an instance's fields at
/// every resume made three allocations per image (malloc and free were 12%
/// of generators.py under stm). T::clear() empties an image and keeps its
/// buffers, unless they grew big (an image of a 64 KiB list is not kept).
/// At most max_spare of them are kept (images with buffers: up to 4 KiB
/// each).
template <class T, std::size_t max_spare = 256>
struct pooled_image : undo_image {
  static std::unique_ptr<T, undo_image_recycler> take() {
    auto& spare = pool().images;
    if (spare.empty()) return std::unique_ptr<T, undo_image_recycler>(new T());
    T* image = spare.back();
    spare.pop_back();
    return std::unique_ptr<T, undo_image_recycler>(image);
  }
  void recycle() override {
    T* self = static_cast<T*>(this);
    self->clear();
    if (pool_gone) {  // the thread is exiting and its pool was destroyed first
      delete self;
      return;
    }
    auto& spare = pool().images;
    if (spare.size() < max_spare) {
      spare.push_back(self);
    } else {
      delete self;
    }
  }

 private:
  static inline thread_local bool pool_gone = false;  // trivially destructible: readable to the end
  struct holder {
    std::vector<T*> images;
    ~holder() {
      pool_gone = true;
      for (T* image : images) delete image;
    }
  };
  static holder& pool() {
    thread_local holder h;
    return h;
  }
};
/// Whether a recycled image's buffer of this many bytes is worth keeping.
inline bool keep_buffer(std::size_t capacity_bytes) { return capacity_bytes <= 4096; }
template <class Vector>
void clear_buffer(Vector& v) {
  if (keep_buffer(v.capacity() * sizeof(typename Vector::value_type))) {
    v.clear();
  } else {
    Vector().swap(v);
  }
}

/// Records `image` for `o` in the running transaction (type save_undo slots call it).
void push_undo(object* o, undo_image_ptr image);

/// Before a change to o that is not inside a write section (a generator's
/// frame, an instance's slot): saves o's undo image. Nothing elsewhere.
inline void before_write(object* o) {
#if GILLAB_RESTARTABLE
  backend::before_write(o->header);
#else
  (void)o;
#endif
}

/// For a layout whose undo image copies its whole contents (list, dict and
/// set register in transaction.cpp): the bytes an image of o would copy.
/// Above 64 KiB the transaction commits before the write instead (a loop
/// writing a big container would copy it in every transaction).
void set_image_size(type_object& t, std::size_t (*bytes)(object* o));

/// A save_undo slot for layouts whose state is plain bytes: saves the bytes
/// [from, to) of o.
void save_object_bytes(object* o, std::size_t from, std::size_t to);
template <class T>
void save_plain_fields(object* o) {
  static_assert(std::is_trivially_copyable_v<T>);
  save_object_bytes(o, sizeof(object), sizeof(T));
}

/// stm: dict d is about to have the value of its entry `index` replaced
/// in place (store_entry, an existing key). True when that entry alone was
/// saved: d is old, has no image in the running transaction and is too big
/// to copy (phase 1 committed before every write to it, so a loop updating
/// a 5 000-key dict ran one transaction per store). Any other write to such
/// a dict still commits first, so the entry's index stays valid until the
/// transaction ends. False: take the dict's write section as usual.
#if GILLAB_RESTARTABLE
bool save_dict_entry(object* d, std::size_t index);
/// Whether a store into d should look for its entry first (the cheap part
/// of save_dict_entry's test, before the lookup); if so, d is write-locked.
bool dict_entry_undo_applies(object* d);
#else
inline bool save_dict_entry(object*, std::size_t) { return false; }
inline bool dict_entry_undo_applies(object*) { return false; }
#endif

/// stm: the writes to list l inside this scope only append to it, so its
/// undo image can be its length alone (list.append, extend, comprehensions).
class append_scope {
 public:
#if GILLAB_RESTARTABLE
  explicit append_scope(object* l);
  ~append_scope();
#else
  explicit append_scope(object*) {}
#endif
  append_scope(const append_scope&) = delete;
  append_scope& operator=(const append_scope&) = delete;

 private:
  object* previous_ = nullptr;
};

/// Whether the restartable back-end runs a transaction on this thread.
bool in_transaction();

namespace transaction_detail {
/// The running transaction's start frame (null: none) and the safepoints
/// left before it is long enough (0 once reached), read inline by the eval
/// loop. Constant-initialised thread_locals: one load each. Calling the
/// transaction points at every safepoint and frame exit only to find
/// nothing to do was 5% of spectral_norm's instructions.
inline thread_local const frame* start = nullptr;
inline thread_local std::uint64_t countdown = 0;
}  // namespace transaction_detail

/// At a safepoint of frame f (instruction `*at`, stack depth `*depth`) once
/// the running transaction's countdown reached 0: ends the transaction, or
/// aborts it. `restored`: f is the start frame and holds the snapshot, *at
/// and *depth say where to continue. `unwind`: the abort was decided in a
/// frame the start frame called; an exception is pending and the eval loop
/// returns it without running handlers (transaction_unwinding) until the
/// start frame's exit point restores it.
enum class commit_outcome { go_on, restored, unwind };
commit_outcome transaction_commit_point(frame* f, int* at, int* depth);
/// After a commit point (and the collector's safepoint), when no
/// transaction runs: begins one at frame f.
void transaction_begin_point(frame* f, int at, int depth);
/// f, the running transaction's start frame, returns, yields or raises out:
/// the transaction ends (true: aborted, restored as above).
bool transaction_exit_point(frame* f, int* at, int* depth);
/// Irrevocable work follows (output, a blocking call, the collector): the
/// running transaction commits now and the thread runs outside one until
/// its next safepoint. False, with the abort's exception pending, when the
/// transaction is unwinding to abort (code that swallowed its exception, an
/// unconditional clear_pending after calling Python code, ran on): the work
/// must not be done, and the caller fails as on any error.
[[nodiscard]] bool transaction_irrevocable();

// Python-level locks (threads.cpp's _thread.lock) inside a transaction.
// Taking one was irrevocable work: each `with lock:` committed twice and
// took the irrevocable token twice (lock_counter in concurrent mode: one
// transaction per lock operation, 0.28x at 2 threads in the reference). A
// lock found free is now taken inside the running transaction, a change
// its abort takes back (it releases the lock). Releasing a lock the same
// transaction took cancels the pair: the lock is free whether the
// transaction then commits or aborts. Everything else stays irrevocable
// work: an acquire that finds the lock held (it commits, then waits, so
// no transaction ever waits for a Python lock; the holder's transaction
// waits for nobody, so it ends), and a release of a lock taken before the
// transaction (an abort could not take that back: another thread may have
// taken the lock meanwhile). A lock is not owned (any thread may release
// it, or ask whether it is held): one that another thread's running
// transaction took is released or looked at only once that transaction
// ended (threads.cpp's lock_taken_by_transaction), else its abort would
// release it a second time, or undo what the other thread saw. RLock's
// owner and count are still not rolled back: it stays irrevocable.
#if GILLAB_RESTARTABLE
/// Whether a free Python lock may be taken inside the running transaction
/// (one runs, and is not unwinding to abort); the caller then takes it and
/// calls transaction_took_lock.
bool transaction_may_take_lock();
/// The running transaction took `lock`; when it ends, end(lock, committed)
/// is called (an abort's releases it, before anything else is undone).
void transaction_took_lock(object* lock, void (*end)(object* lock, bool committed));
/// Before `lock` is released, or freed (one the transaction made, took
/// and dropped): true when the running transaction took it; it leaves the
/// log (the pair cancels; the caller releases it, no commit needed).
bool transaction_gives_back_lock(object* lock);
/// Whether the running transaction took `lock` (and holds it).
bool transaction_holds_lock(const object* lock);
#else
inline bool transaction_may_take_lock() { return false; }
inline void transaction_took_lock(object*, void (*)(object*, bool)) {}
inline bool transaction_gives_back_lock(object*) { return false; }
inline bool transaction_holds_lock(const object*) { return false; }
#endif

/// Before an object may become observable when it dies (it gets a weak
/// reference): objects the running transaction holds dead are freed now,
/// so that a death they would cause happens at CPython's moment.
void transaction_settle_deaths();

/// Thrown by runtime code that must abort the running transaction where it
/// stands, inside a built-in or an operation (-X stm_abort_writes; phase
/// 2b: a conflict), after begin_unwind's work: only as far as the innermost
/// eval loop (run_frame), which abandons its frame and returns the abort's
/// exception, so the frames below unwind on the error path as from a
/// commit point. What it skips between the throw and that loop is only
/// what an abort takes back anyway: counts, images, objects made, the
/// thread's call depth and handled exceptions (the snapshot), or RAII.
/// Never thrown where unwinding is not possible: while a deallocator calls
/// arbitrary code (no_abort_exceptions), while unwinding, outside a
/// transaction.
struct transaction_abort_exception {};

#if GILLAB_RESTARTABLE
/// Deallocators may run inside destructors, where no exception may leave.
/// They only drop references and give memory back, except where they call
/// arbitrary callables (__del__, weak-reference callbacks, a generator's
/// close): a callable that is a built-in writes from C++ with no eval loop
/// in between to catch an abort. Those calls are made under
/// no_abort_exceptions, which blocks throws (even inside Python code the
/// callable runs: it is still aborted at its commit points, on the error
/// path). Blocking in every deallocation cost 1.4% of nbody's instructions.
inline thread_local int abort_exceptions_blocked = 0;
#endif
struct no_abort_exceptions {
#if GILLAB_RESTARTABLE
  no_abort_exceptions() { ++abort_exceptions_blocked; }
  ~no_abort_exceptions() { --abort_exceptions_blocked; }
#else
  no_abort_exceptions() {}  // (user-provided: not an unused variable)
#endif
  no_abort_exceptions(const no_abort_exceptions&) = delete;
  no_abort_exceptions& operator=(const no_abort_exceptions&) = delete;
};

/// transaction_irrevocable() for code that cannot fail (immortalize, a
/// blocking region). While the transaction unwinds to abort (code swallowed
/// its exception with an unconditional clear_pending after calling Python
/// code, then ran on to here before any commit point) the abort is thrown
/// from here (transaction_abort_exception); where it may not be (a
/// deallocator's call of arbitrary code lies between: can_unwind in
/// transaction.cpp) false, nothing pending, and the work goes ahead inside
/// the transaction — a known gap, counted in --stats as irrevocable work
/// refused.
bool transaction_irrevocable_or_throw();

/// run_frame caught a transaction_abort_exception in frame f's eval loop.
/// True: f is the start frame; the transaction was aborted and f restored,
/// to be continued at instruction *at with *depth values on its stack.
/// False: f is abandoned (its values are the abort's to take back) and
/// the abort's exception is pending for the frames below.
bool transaction_caught_abort(frame* f, int* at, int* depth);

/// True while an abort frees what its transaction made, or unwinds to its
/// start frame: no finalizer, __del__ or weak-reference callback may run then.
bool transaction_aborting();
/// True while the running transaction unwinds to its start frame to abort
/// (the eval loop's error path: no traceback, no handler, no finally); the
/// pending exception is the abort's own again, whatever code in between
/// raised or cleared.
bool transaction_unwinding();
/// --stats: the stm back-end's counters, one JSON object; `token` is the
/// transaction token's switch statistics (JSON fields, gil.hpp's).
void write_transaction_statistics(std::ostream& out, const std::string& token);

/// -X stm_abort_every=N (0: never), -X stm_length=N (safepoints per transaction,
/// the least a fresh one is given; alone, the length is fixed at N),
/// -X stm_length_max=N (the most it grows to without conflicts),
/// -X stm_abort_writes=N (every N-th undo image throws instead; 0: never).
void set_abort_every(std::uint64_t n);
void set_abort_writes(std::uint64_t n);
void set_transaction_length(std::uint64_t n);
void set_transaction_length_max(std::uint64_t n);
/// -X stm_concurrent=1: transactions run at once (backends/stm.hpp's
/// concurrent mode); read at start-up, with only the main thread attached.
void set_concurrent_transactions();
/// Whether transactions run at once (false on every other back-end).
bool transactions_concurrent();

// Fields that other threads follow without a lock (stm's concurrent mode).
// Some fields are read on hot paths with no read section: an instance's
// (or exception's) __dict__ pointer, a function's fields (its defaults at
// every call), a class's attributes through the attribute caches. A
// transaction that wrote one and then aborted would free what a reader
// had followed (the reader, taking the object for its own new one, would
// not even lock it) or let the reader commit a value that never was. So
// such a field of an old object is never written inside a transaction
// there:
//  - a field made once (an instance's dict, made by its first attribute)
//    is made irrevocably: before_unlocked_field commits the transaction
//    first, then write-locks the object as before_write does; a reader
//    that finds the field empty read-locks the object (instance_dict_read
//    in classes.cpp), so the two meet in the lock word as any read and
//    write;
//  - a field replaced (a function's, a class's attributes) is written with
//    the world stopped (unlocked_fields_write): every other thread is
//    parked between two transactions, so no running transaction has read
//    the old value and none reads the new one before it is committed.
//    These writes are rare (a class attribute changes a type generation and
//    every attribute cache with it already).
// Elsewhere (serial mode, the other back-ends) both are before_write.

/// Before o gets a field made once that readers follow without a lock.
/// False: the transaction is unwinding to abort (its exception pending).
[[nodiscard]] bool before_unlocked_field(object* o);

/// The scope of a write to o's fields that readers follow without a lock.
class unlocked_fields_write {
 public:
  explicit unlocked_fields_write(object* o);
  ~unlocked_fields_write();
  /// False: the transaction is unwinding to abort; nothing may be written.
  [[nodiscard]] bool ok() const { return ok_; }
  unlocked_fields_write(const unlocked_fields_write&) = delete;
  unlocked_fields_write& operator=(const unlocked_fields_write&) = delete;

 private:
  bool ok_ = true;
  bool stopped_ = false;
};

GILLAB_RUNTIME_NAMESPACE_END
