// stm.hpp — bytecodes in software transactions, after PyPy-STM (Rigo &
// Meier, "A Way Forward in Parallelising Dynamic Languages", ICOOOLPS 2014;
// stmgc) over a reference-counted heap.
//
// What the back-end keeps, per running transaction (the runtime's
// transaction.cpp drives begin, commit and abort, because only it knows
// frames and object layouts):
//  - Reference counts of old objects, deferred to the commit. The first
//    count change a transaction makes to an object it did not make opens
//    an entry in its count log (the header's `tally` word names the entry
//    and the thread slot that owns it) holding the count as the header had
//    it; later changes go to the entry's copy and the header's count is
//    left alone. The commit adds the copy's difference to the header's
//    count (phase 2b: one atomic addition, other commits may have moved it
//    meanwhile); an abort drops the log, so nothing needs putting back. (A
//    first version saved the count before and changed it in place; once
//    transactions run at once, two of them counting one object could not
//    each take back only its own changes, and a decrement applied at once
//    could let another thread free an object that an abort then puts back
//    into an image.) When the count a transaction sees reaches 0 it commits
//    before the object is freed, since a free cannot be undone: objects die exactly
//    when CPython frees them (a golden program sees weak references die and
//    __del__ run at CPython's moment), and a transaction never frees an old
//    object. Deferring the counts without that rule, as first designed, broke
//    the timing (`del x` then `len(weak_dict)` saw x alive).
//    Except where nobody can see the moment: an old object whose death runs
//    no code and is seen by nobody, nor any death it causes (the runtime's
//    `dies_quietly`: a bounded walk over numbers, strings, plain containers
//    and instances without __del__ or weak references) is listed as `dying`
//    and freed by the commit if its count is then 0; an abort drops the
//    list with the log. Without that, a loop whose numbers
//    outlive one transaction ended every transaction at its first
//    iteration (float_arith ran 3x slower than under the GIL).
//    Thread slots (1..max_slots) tag the tally so that a transaction never
//    takes another's entry for its own; a second transaction counting an
//    object (phase 2b), and a thread without a slot, find their entry in a
//    per-thread side map instead (slow, and rare: threads beyond max_slots).
//    Cost against the saved-count scheme (cachegrind, one thread): +0.2 to
//    +3.6% instructions (richards, spectral_norm), float_arith -2.1%.
//  - Births. An object made inside the transaction is counted in place (no
//    one else can see it before the commit) and listed, so that an abort
//    frees whatever of it is still alive. `born` in its header is its index
//    in that list plus one; the commit sets it to 0 ("old").
//  - Undo images. The first write section on an old object saves what
//    writes can change (the runtime's per-type image: a list's items, a
//    dict's table, an instance's slots) and marks the header (`born` holds
//    logged_bit and the image's index); an abort puts every image back,
//    newest first. Appends to a list save only its length until another
//    kind of write needs the rest (partial_bit), so that a loop appending
//    to an old list does not copy it in every transaction.
//  - Locks. Each old object the transaction reads in a read section, or
//    writes, is locked in its header's lock word (readers' mask or one
//    writer) until it ends: strict two-phase locking, no-wait (a conflict
//    aborts the transaction that meets it). See stm_detail::write_bit.
//
// Invariants:
//  - Outside a transaction (`ts.active` false: start-up, between a
//    transaction's end and the next safepoint, irrevocable work such as
//    output) every count change is applied at once and no image is saved;
//    such work cannot be rolled back, so the runtime commits before it.
//  - Inside one: born is in [1, index_mask] exactly for objects made by it
//    (index + 1); an old object's born holds logged_bit (and partial_bit)
//    and its image's index once the transaction saved an image of it; a
//    tally word with this thread's tag names its entry in the count log.
//    Both go back to 0 at the transaction's end.
//  - An old object's true count is its header's count plus, for each
//    running transaction with an entry for it, the entry's count minus the
//    entry's first (serial mode: at most one transaction runs); the count log
//    holds each old object whose count the transaction changed exactly once.
//  - While an abort frees what its transaction made (`discarding`), old
//    objects' entries change as anywhere else but nothing old is freed and
//    nothing commits; the abort then drops the log (the images put back
//    the references, the counts never moved).
//  - A lock word holds this thread's slot exactly while the running
//    transaction has its header in `locked`, and its write word whenever
//    the header is marked logged_bit; between transactions the thread
//    holds no lock (a thread without a slot takes none), except the
//    irrevocable thread of concurrent mode, whose locks are listed in
//    `locked` too until its run ends (end_irrevocable: its next begin
//    point, a blocking region, its `with atomic:` block's exit, its exit).
//
// Threads, serial mode (phase 2a, the default): transactions run one at a
// time. A thread holds the *transaction token* while it runs Python code,
// in or outside a
// transaction, and hands it over only where none runs: at the safepoint
// right after a commit, and in blocking regions (which commit first). The
// token is the gil back-end's lock with CPython's new-GIL rules (gil.hpp:
// a waiter posts a drop request after the switch interval, the holder
// honours it at its next safepoint outside a transaction, forced
// switching), so pyvm-stm runs threaded programs with the GIL's semantics
// and no conflicts can arise: a thread sees another's work only after its
// commit, and an abort (the stress switch) takes back only what its own
// thread did. `with atomic:` commits at its entry and exit and keeps the
// token in between (the holder does not honour drop requests inside it),
// so the block is never interleaved with another thread's bytecodes.
// Phase 2b replaces the exclusive token by conflict detection between
// transactions that run at once; the token then stays as the irrevocable
// mode's lock, as in PyPy-STM's "inevitable" transaction. What it needs
// from the runtime is in place: an abort may be decided at a commit point
// of any frame, or thrown by runtime code before a write, and unwinds to
// the transaction's start frame (transaction.hpp); the stress switches
// exercise both.
//
// Concurrent mode (-X stm_concurrent=1; phase 2b, experimental: the
// default is still the token above). Transactions run at once and meet
// only in lock words. What runs outside a transaction cannot be undone, so
// it runs *irrevocably*: on its first lock (a read or write section outside
// a transaction) the thread takes the irrevocable token — one such thread
// at a time, PyPy-STM's inevitable transaction — and from then on takes
// its locks by waiting for their holders, never by aborting, until its
// next begin point releases them and the token. A transaction never waits
// for a lock (no-wait), and a thread waits for the token only holding no
// lock (it commits first), so the one waiting thread always waits for
// threads that will release: no deadlock. `with atomic:` runs irrevocably
// from its entry to its exit (no transaction begins inside it); a
// transaction aborted irrevocable_after times in a row runs its next
// transaction's length irrevocably (the progress guarantee; before
// that, each retry after a conflict runs a sixteenth shorter than its
// attempt got, PyPy-STM's rule: transaction.cpp's retry_length); a
// thread without a slot (beyond max_slots threads) has no lock words and
// runs irrevocably whenever it runs, with the world stopped instead. The cycle collector and os.fork stop
// the world (backends/world.hpp) holding the token: a transaction parks at
// its first safepoint after its commit. Fields that runtime code follows
// without a read lock (an instance's __dict__ pointer, a function's
// fields, a class's attributes through the attribute caches) are never
// written inside a transaction: made irrevocably, or written with the
// world stopped (runtime/transaction.hpp, unlocked_fields_write). A write
// to a container too big to copy inside another section of its operation
// aborts and re-runs irrevocably rather than commit in the middle of it
// (transaction.cpp, before_big_write; with no other section open it
// commits first, as serially). A commit in the middle of one C++ operation for
// another reason (a death that is not quiet, irrevocable work, a conflict
// where no abort can unwind), while a section of the operation is open
// (stm_detail::open_sections), hands the locks over to an irrevocable run
// when the token is free (try_become_irrevocable: it never waits for it
// holding them, which could deadlock with the token's holder waiting for
// one of them), and else aborts and re-runs irrevocably up to its next
// begin point (transaction.cpp, unwind_to_keep_locks). So does a commit
// point in Python code that C++ code called inside a section (a key's
// __eq__ under a dict lookup), after passing over a few hundred, and the
// irrevocable run then lasts until the section closes
// (transaction_begin_point). What is still missing (phase 2b step 3):
// where no abort can unwind (a deallocator's call of arbitrary code lies
// between) and the token is taken, those locks are released (--stats:
// irrevocable.locks_dropped) and only the object at hand is locked again,
// irrevocably; a blocking call inside such a section gives them up with
// the token (as under the GIL, other threads run there); and a thread
// that waits for the token while it holds a runtime lock would deadlock
// with a token holder waiting for that lock (the import locks are waited
// for in blocking regions, which release the token). (A weak reference
// dereferenced while its transaction unwinds hands out nothing: as if
// dead, the abort discarding what follows; runtime/weakref.cpp.)
#pragma once

#include <gillab/interp/backend.hpp>
#include <gillab/interp/backends/gil.hpp>
#include <gillab/interp/backends/world.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <utility>
#include <vector>

namespace gillab::interp::backends {

namespace stm_detail {
/// `born` of an old object whose image the running transaction saved: the
/// image's index in the runtime's undo log with these bits set. A partial
/// image (a list that has only been appended to) is completed by the next
/// write that is not an append.
inline constexpr std::uint32_t logged_bit = 0x80000000u;
inline constexpr std::uint32_t partial_bit = 0x40000000u;
/// Birth and image indexes; a transaction that makes this many objects commits.
inline constexpr std::uint32_t index_mask = 0x0fffffffu;

/// An old object's entry in the running transaction's count log.
struct count_entry {
  void* header;
  std::uint32_t count;  // the count as the transaction sees it
  std::uint32_t first;  // the header's count at the entry's opening
  bool tagged;          // the header's tally word names this entry (else: the side map)
  bool dying;           // on the dying list: freed by the commit if its count is then 0
};
/// The tally word: the owning thread's slot above tally_index_bits, the
/// entry's index + 1 below; 0: no entry.
inline constexpr std::uint32_t tally_index_bits = 27;
inline constexpr std::uint32_t tally_index_mask = (1u << tally_index_bits) - 1;
/// Slots 1..max_slots; a thread without one has the tag of slot 31, which
/// no tally word carries.
inline constexpr std::uint32_t max_slots = 30;
inline constexpr std::uint32_t no_tag = 31u << tally_index_bits;
/// This thread's slot << tally_index_bits, and its count log's first entry
/// (both read inline by every count change of an old object: the tally
/// word XOR the tag is the entry's index + 1 exactly when the tags match).
inline thread_local std::uint32_t tally_tag = no_tag;
inline thread_local count_entry* count_entries = nullptr;

/// The header's words shared between threads, atomically. Plain integers
/// in the header rather than std::atomic: since C++20 a std::atomic member
/// is zeroed by its default constructor, which the placement-new of an
/// object's type runs after init_header (every count came out 0).
inline std::atomic_ref<std::uint32_t> word(const std::uint32_t& w) {
  return std::atomic_ref<std::uint32_t>(const_cast<std::uint32_t&>(w));  // headers are never const objects
}
/// `born`: written by the running transaction alone, but read by others
/// (made_here, a logged mark) as a hint the lock word then checks; relaxed
/// (plain moves on x86), so that those reads are no data race.
inline std::uint32_t born_of(const std::uint32_t& b) { return word(b).load(std::memory_order_relaxed); }
inline void set_born(std::uint32_t& b, std::uint32_t v) { word(b).store(v, std::memory_order_relaxed); }

// ---- the lock word: conflict detection by two-phase locking ----
// Each old object a transaction reads or writes is locked in its header's
// lock word until the transaction ends (strict two-phase locking at object
// granularity, the pessimistic scheme of the ownership-record STMs, here
// with visible readers: stm/'s etl.hpp keeps write ownership the same way,
// per word). 0: free; write_bit | slot: written by the thread in that slot;
// otherwise a mask of reader slots (bit slot - 1). A transaction never waits
// for a lock: a conflict aborts it (no-wait), so no two transactions ever
// wait for each other (only the irrevocable thread of concurrent mode
// waits: see the header comment). Serial mode runs one transaction at a
// time, so every lock is free when its turn comes (transaction_begin_point
// checks that none is left from before) and no conflict arises.
// Why not one of stm/'s word-based algorithms (TL2, NOrec, ETL; the issue's
// `-X stm=`): the runtime already reaches shared state through per-object
// read and write sections and per-object undo images, so one lock per
// object per transaction costs a load and a compare after the first; a
// word STM would instrument every field access and log every word. ETL
// keeps write ownership the same way, per location at encounter time; the
// word algorithms stay a library of their own (bench/stm_bench.cpp).
inline constexpr std::uint32_t write_bit = 0x80000000u;
/// Beside a readers' mask: the irrevocable thread waits to write. New
/// readers and writers then conflict, so that readers who keep coming back
/// (every transaction of a loop reads the module's globals) cannot starve
/// it; the readers' releases keep the bit.
inline constexpr std::uint32_t intent_bit = 0x40000000u;
static_assert(max_slots <= 30, "read bits 0..29, then intent_bit and write_bit");
/// Slot s's lock words: its write lock, and its bit in a readers' mask.
constexpr std::uint32_t write_word_of(std::uint32_t slot) { return write_bit | slot; }
constexpr std::uint32_t read_bit_of(std::uint32_t slot) { return 1u << (slot - 1); }
/// This thread's. No slot: a write word no slot has and no read bit, so
/// that every word not write-locked reads as held: such a thread locks
/// nothing, and runs alone instead (serial mode: with the token; concurrent
/// mode: irrevocably, with the world stopped, see stm::resume_running).
inline thread_local std::uint32_t my_write_word = write_bit | 31u;
inline thread_local std::uint32_t my_read_bit = 0;
/// Whether lock word w is held by the thread whose words these are.
constexpr bool holds(std::uint32_t w, std::uint32_t write_word, std::uint32_t read_bit) {
  return w == write_word || (w & (write_bit | read_bit)) == read_bit;
}

enum class lock_outcome {
  held,      // this slot held it already (as a writer, or as a reader asking to read)
  taken,     // newly locked: to be released at the transaction's end
  upgraded,  // its only reader, now its writer (released once, as the reader it was)
  conflict,  // another slot holds it in a way that excludes this use
};
/// Locks word for reading by `slot` (1..max_slots).
inline lock_outcome lock_for_read(std::uint32_t& lock_word, std::uint32_t slot) {
  const std::uint32_t mine = read_bit_of(slot);
  std::uint32_t seen = word(lock_word).load(std::memory_order_acquire);
  for (;;) {
    if (seen & write_bit) return seen == write_word_of(slot) ? lock_outcome::held : lock_outcome::conflict;
    if (seen & mine) return lock_outcome::held;
    if (seen & intent_bit) return lock_outcome::conflict;
    if (word(lock_word).compare_exchange_weak(seen, seen | mine, std::memory_order_acq_rel, std::memory_order_acquire))
      return lock_outcome::taken;
  }
}
/// Locks word for writing by `slot`: free, or read by this slot alone.
inline lock_outcome lock_for_write(std::uint32_t& lock_word, std::uint32_t slot) {
  std::uint32_t seen = word(lock_word).load(std::memory_order_acquire);
  for (;;) {
    if (seen == write_word_of(slot)) return lock_outcome::held;
    if (seen != 0 && seen != read_bit_of(slot)) return lock_outcome::conflict;
    const bool upgrade = seen != 0;
    if (word(lock_word).compare_exchange_weak(seen, write_word_of(slot), std::memory_order_acq_rel, std::memory_order_acquire))
      return upgrade ? lock_outcome::upgraded : lock_outcome::taken;
  }
}
/// Releases slot's lock on word (held: taken or upgraded before). Release
/// order: the writes made under a write lock are visible to its next holder.
inline void unlock(std::uint32_t& lock_word, std::uint32_t slot) {
  if (word(lock_word).load(std::memory_order_relaxed) == write_word_of(slot)) {
    word(lock_word).store(0, std::memory_order_release);  // nobody else changes a word this slot write-locked
  } else {
    word(lock_word).fetch_and(~read_bit_of(slot), std::memory_order_release);
  }
}

/// The running transaction's logs (one per thread; reused between
/// transactions so their vectors keep their capacity).
struct transaction_logs {
  bool active = false;
  bool discarding = false;  // an abort frees the transaction's objects
  std::vector<count_entry> counts;
  std::vector<void*> born;    // object headers; null once freed
  std::vector<void*> logged;  // headers marked logged_bit
  std::vector<void*> dying;   // old objects at count 0, freed by the commit
  std::vector<void*> locked;  // headers whose lock word this transaction took
  std::uint64_t read_locks = 0, write_locks = 0;  // taken (write: or upgraded), for --stats
};
/// Old objects a transaction may hold dead before it commits (memory bound).
inline constexpr std::size_t max_dying = 4096;
inline thread_local transaction_logs* current = nullptr;
/// The sections open on this thread (read_section, write_section,
/// write_section2 below): an operation is relying on the locks it took
/// while one is open. A transaction that must commit inside an operation
/// keeps its locks then (transaction.cpp, commit); with none open it
/// releases them as at any commit.
constinit inline thread_local std::uint32_t open_sections = 0;

/// Concurrent mode (see the header comment); set once, before a second
/// thread exists.
inline bool concurrent = false;
/// Concurrent mode: aborts in a row after which the transaction's next run
/// is irrevocable.
inline constexpr std::uint32_t irrevocable_after = 8;

/// The runtime's undo hook: saves (or completes) an image of the object
/// whose header this is and marks `born` (runtime/transaction.cpp).
using save_fn = void (*)(void* header);
inline save_fn save_image = nullptr;
/// The runtime's: commit the running transaction now (blocking regions).
inline void (*go_irrevocable)() = nullptr;
/// The runtime's: commit because this old object's count reached 0.
inline void (*end_before_free)(const void* header) = nullptr;
/// The runtime's: the running transaction cannot lock this object (another
/// holds it): aborts it, by throwing, where it can unwind. Where it cannot
/// (see transaction.cpp's on_conflict) it returns: true if it committed
/// the transaction instead (concurrent mode: the caller then takes the
/// lock irrevocably), false if the caller goes on without the lock.
inline bool (*on_conflict)(const void* header, bool writing) = nullptr;
/// The runtime's: freeing this object (count 0), and whatever that frees
/// with it, runs no code and is seen by nobody (no weak references, no
/// finalizer).
inline bool (*dies_quietly)(const void* header) = nullptr;
}  // namespace stm_detail

struct stm {
  static constexpr const char* name = "stm";
  static constexpr bool supports_threads = true;
  static constexpr bool restartable = true;
  // True for concurrent mode; the token's (serial) mode pays only for the
  // runtime's shared tables' locks (the intern table, the collector's
  // nurseries) and stops no world.
  static constexpr bool parallel = true;
  static constexpr bool lockfree_reads = false;

  struct object_header {
    // Atomic words (through stm_detail::word): commits (and counting
    // outside a transaction) add to an old object's count while other
    // transactions read it to open entries, a tally word is claimed by
    // whichever transaction counts it first, lock words are shared.
    // Relaxed where one thread owns the word (an object the transaction
    // made, a tally word it tagged): plain loads and stores.
    std::uint32_t refcount;  // without the running transactions' changes
    std::uint32_t born;      // see the header comment
    std::uint32_t tally;     // the count log entry: see the header comment
    std::uint32_t lock;      // the lock word: see stm_detail::write_bit
  };
  struct thread_state {
    stm_detail::transaction_logs logs;
    gil::thread_state token;  // the transaction token (serial mode: see the header comment)
    // Concurrent mode: the thread holds the irrevocable token (and, without
    // a slot, has stopped the world); its locks are in logs.locked.
    bool irrevocable = false;
    int atomic_depth = 0;                 // `with atomic:` blocks it is in
    std::uint64_t irrevocable_left = 0;   // begin points to pass before a transaction begins again
  };

  static void attach(thread_state& ts) {
    stm_detail::current = &ts.logs;
    take_slot();
    if (stm_detail::concurrent) {
      resume_running(ts);
    } else {
      gil::attach(ts.token);
    }
  }
  static void disown(thread_state&) {}
  static void detach(thread_state& ts) {
    if (stm_detail::concurrent) {
      end_irrevocable(ts);
      world::stop_running();
    } else {
      gil::detach(ts.token);
    }
    stm_detail::current = nullptr;
    give_slot_back();
  }
  /// -X stm_concurrent=1, read with the main thread attached (serial) and
  /// alone: it gives the token back and runs concurrently from here.
  static void set_concurrent(thread_state& ts);
  /// Concurrent mode, outside a transaction: takes the irrevocable token
  /// (waiting for it holding no lock; a thread without a slot stops the
  /// world instead) / gives it back with every lock taken meanwhile.
  static void become_irrevocable(thread_state& ts);
  static void end_irrevocable(thread_state& ts);
  /// Concurrent mode, a transaction committing in the middle of an
  /// operation: the token if it is free, never waiting for it (the thread
  /// holds its transaction's locks still), so that those locks go over to
  /// the irrevocable run instead of being released under the operation.
  /// False: another thread holds it (or this one has no slot).
  static bool try_become_irrevocable(thread_state& ts);
  /// Concurrent mode: the thread may touch objects again (attach, a
  /// blocking region's end). One without a slot has no lock words, so it
  /// runs irrevocably throughout, the world stopped; its begin points let
  /// the others run a moment (let_others_run).
  static void resume_running(thread_state& ts);
  static void let_others_run(thread_state& ts);
  static bool has_slot() { return stm_detail::my_read_bit != 0; }
  /// Concurrent mode, outside a transaction: h locked irrevocably, waiting
  /// for the transaction that holds it to end.
  static void lock_irrevocably(thread_state& ts, object_header& h, bool writing);
  /// A thread slot for this thread's tally words, if one is free.
  static void take_slot();
  static void give_slot_back();
  /// fork's child: the other threads are gone, and so are their slots.
  static void keep_only_own_slot();
  /// The token changes hands only where no transaction runs (the eval loop
  /// calls this right after its commit point).
  static bool safepoint(thread_state& ts) {
    if (ts.logs.active) return false;
    if (stm_detail::concurrent) {
      // Parks for a stop of the world, which only the token's holder asks
      // for (a thread without a slot by being irrevocable at all).
      // (The token's holder is the stopper, if any stop stands.)
      if (world::stop_requested.load(std::memory_order_relaxed) && !ts.irrevocable) [[unlikely]]
        world::park_if_requested();
      return false;
    }
    return gil::safepoint(ts.token);
  }
  /// A blocking call cannot be undone: the transaction commits first, then
  /// the token is released until the call returns. (Concurrent mode: the
  /// irrevocable token and its locks too, unless a `with atomic:` block
  /// holds them, which then waits with them held.)
  static void enter_blocking(thread_state& ts) {
    stm_detail::go_irrevocable();
    if (stm_detail::concurrent) {
      if (ts.atomic_depth == 0) end_irrevocable(ts);
      // Still irrevocable without a slot (`with atomic:`), the thread has
      // stopped the world: it stays the one thread running.
      if (!ts.irrevocable || has_slot()) world::stop_running();
      return;
    }
    gil::enter_blocking(ts.token);
  }
  static void leave_blocking(thread_state& ts) {
    if (stm_detail::concurrent) {
      if (!ts.irrevocable || has_slot()) resume_running(ts);
      return;
    }
    gil::leave_blocking(ts.token);
  }
  // The token's switch interval (sys.setswitchinterval) and os.fork's hooks.
  static void set_switch_interval_us(std::uint64_t us) { gil::set_switch_interval_us(us); }
  static std::uint64_t switch_interval_us() { return gil::switch_interval_us(); }
  static void before_fork() {
    gil::before_fork();
    if (stm_detail::concurrent) world::before_fork();
  }
  static void after_fork_parent() {
    if (stm_detail::concurrent) world::after_fork_parent();
    gil::after_fork_parent();
  }
  static void after_fork_child(thread_state& ts) {
    if (stm_detail::concurrent) world::after_fork_child();
    gil::after_fork_child(ts.token);
    keep_only_own_slot();
  }
  /// The collector's and os.fork's scope (runtime/gc.cpp). Serial mode:
  /// the token's holder runs alone already. Concurrent mode: the stopper
  /// holds the irrevocable token (so that no stop is ever requested of a
  /// thread that waits for a lock the stopper holds) and every other
  /// thread parks outside a transaction, holding no lock.
  static void stop_the_world(thread_state& ts);
  static void start_the_world(thread_state& ts);

  static bool made_here(const object_header& h) { return made_here(stm_detail::born_of(h.born)); }
  /// The same test on a `born` value loaded already (a relaxed atomic load
  /// the compiler does not merge with a second one).
  static bool made_here(std::uint32_t born) { return born - 1u < stm_detail::index_mask; }

  static void init_header(object_header& h, thread_state& ts) {
    stm_detail::word(h.refcount).store(1, std::memory_order_relaxed);
    h.born = 0;
    stm_detail::word(h.tally).store(0, std::memory_order_relaxed);
    stm_detail::word(h.lock).store(0, std::memory_order_relaxed);
    if (ts.logs.active) {
      if (ts.logs.born.size() >= stm_detail::index_mask) [[unlikely]] {
        stm_detail::go_irrevocable();  // no index left: commit, and this one is old
        return;
      }
      ts.logs.born.push_back(&h);
      h.born = static_cast<std::uint32_t>(ts.logs.born.size());
    }
  }
  // Counting. Inline: objects the transaction made are counted in place
  // (no one else can see them), old ones this transaction counted already
  // in their entry (the common cases inside a transaction). Out of line
  // (runtime/transaction.cpp): the first change to an old object's count
  // in a transaction, counting outside one, and a count reaching 0. While
  // an abort frees what its transaction made (`discarding`), entries
  // change as usual and are then dropped.
  /// The entry's index + 1 if h's tally word is this thread's (else above
  /// tally_index_mask).
  static std::uint32_t tally_here(const object_header& h) {
    return stm_detail::word(h.tally).load(std::memory_order_relaxed) ^ stm_detail::tally_tag;
  }
  /// An object the running transaction made: nobody else counts it.
  static std::uint32_t add_private(object_header& h, std::uint32_t delta) {
    const std::uint32_t n = stm_detail::word(h.refcount).load(std::memory_order_relaxed) + delta;
    stm_detail::word(h.refcount).store(n, std::memory_order_relaxed);
    return n;
  }
  /// The entry h's tally word names if the word is this thread's, else null.
  static stm_detail::count_entry* tagged_entry(const object_header& h) {
    const std::uint32_t t = tally_here(h);
    return t <= stm_detail::tally_index_mask ? &stm_detail::count_entries[t - 1] : nullptr;
  }
  // Always inline: GCC left decref out of line once it had the entry to
  // update (+8% instructions on richards and nbody). Both test the index
  // rather than tagged_entry's pointer: GCC does not fold the pointer's
  // null test into the index test (+0.8% nbody, +1.3% richards).
  [[gnu::always_inline]] static void incref(object_header& h) {
    if (made_here(h)) [[likely]] {
      add_private(h, 1);
    } else if (const std::uint32_t t = tally_here(h); t <= stm_detail::tally_index_mask) [[likely]] {
      ++stm_detail::count_entries[t - 1].count;
    } else {
      incref_slow(h);
    }
  }
  [[gnu::always_inline]] static bool decref(object_header& h) {
    if (made_here(h)) return add_private(h, ~0u) == 0;  // (mod 2^32: minus 1)
    if (const std::uint32_t t = tally_here(h); t <= stm_detail::tally_index_mask) [[likely]] {
      stm_detail::count_entry& e = stm_detail::count_entries[t - 1];
      if (--e.count != 0) [[likely]] return false;
      return reached_zero(h, e);
    }
    return decref_slow(h);
  }
  static void incref_slow(object_header& h);
  static bool decref_slow(object_header& h);
  /// The count the running transaction sees reached 0: free later
  /// (dies_quietly), or commit and free now.
  static bool reached_zero(object_header& h, stm_detail::count_entry& e);
  /// The running transaction ends: its count log's changes are applied
  /// (commit) or dropped (abort), the tally words cleared. Each change is
  /// one atomic addition, and an object whose count it brings to 0 is put
  /// on logs.dying for the commit to free, whatever the transaction saw:
  /// its own view of the count is only a hint once other transactions
  /// count the object too (phase 2b), and exactly one addition brings it
  /// to 0. Returns how many entries were found through the side map
  /// (--stats).
  static std::size_t end_counts(stm_detail::transaction_logs& logs, bool apply);
  /// The count as the running transaction sees it.
  static std::uint32_t refcount(const object_header& h);
  static void mark_weakly_referenced(object_header&) {}
  static bool try_incref(object_header& h) {
    if (stm_detail::concurrent && !(stm_detail::current && stm_detail::current->active)) {
      // Outside a transaction (concurrent mode makes a dereference
      // irrevocable): at once, never reviving a count another commit
      // brought to 0 (PEP 703's _Py_TryIncref). A deferred increment could
      // not stop that commit from freeing the object.
      std::atomic_ref<std::uint32_t> count = stm_detail::word(h.refcount);
      for (std::uint32_t c = count.load(std::memory_order_relaxed); c != 0;) {
        if (count.compare_exchange_weak(c, c + 1, std::memory_order_relaxed)) return true;
      }
      return false;
    }
    if (refcount(h) == 0) return false;  // being deallocated
    incref(h);
    return true;
  }
  /// The runtime frees an object's memory: it leaves the birth list.
  static void forget(object_header& h) {
    const std::uint32_t born = stm_detail::born_of(h.born);
    if (made_here(born) && stm_detail::current) stm_detail::current->born[born - 1] = nullptr;
    stm_detail::set_born(h.born, 0);
    // Acquire: pairs with the release of the last lock another thread held
    // on h, which is that thread's last access to it.
    if (stm_detail::word(h.lock).load(std::memory_order_acquire) != 0) [[unlikely]] forget_lock(h);
  }
  /// An object freed while locked (concurrent mode): by its freeing thread,
  /// irrevocably, and it leaves that thread's lock list; or by another
  /// thread still releasing its locks at its commit's end, waited for.
  static void forget_lock(object_header& h);

  /// Saves an undo image before the first write to an old object (or
  /// completes a partial one).
  static void before_write(object_header& h) {
    const std::uint32_t born = stm_detail::born_of(h.born);
    if (born & stm_detail::logged_bit) {
      // Saved whole, by this thread's transaction: the mark is another's
      // while that one runs, and then it holds the write lock.
      if (!(born & stm_detail::partial_bit) &&
          stm_detail::word(h.lock).load(std::memory_order_relaxed) == stm_detail::my_write_word)
        return;
    } else if (made_here(born)) {
      return;
    }
    write_slow(h);
  }
  /// The lock and the image (a transaction's first write to h), or, outside
  /// one, the irrevocable lock (concurrent mode); the transaction may commit
  /// on the way (a conflict where no abort can unwind, a container too big
  /// to copy), and then h is locked irrevocably too.
  static void write_slow(object_header& h);
  // Locking (see stm_detail::write_bit): an old object is locked before the
  // running transaction first reads it in a read section or saves its image
  // before a write, until the transaction ends. Objects it made need no
  // lock (nobody else can see them); outside a transaction nothing is
  // locked in serial mode (the token holder runs alone), and in concurrent
  // mode the thread locks irrevocably (lock_irrevocably).
  // Inline, the two commonest cases, cheapest first: held already (a
  // transaction reads the same few containers over and over), or made by
  // the transaction; each costs only loads from the header being read.
  // (Testing `active` first cost LOAD_GLOBAL's dict read 40% more: fib.)
  [[gnu::always_inline]] static void lock_for_read(thread_state& ts, object_header& h) {
    if (stm_detail::holds(stm_detail::word(h.lock).load(std::memory_order_relaxed), stm_detail::my_write_word, stm_detail::my_read_bit))
      [[likely]] return;
    if (made_here(h)) return;
    lock_for_read_slow(ts, h);
  }
  static void lock_for_read_slow(thread_state& ts, object_header& h);
  /// In a transaction: h read-locked (held already, or free of writers),
  /// else false and nothing changes — no abort (the quiet-death walk).
  static bool try_lock_for_read(thread_state& ts, object_header& h);
  /// Write-locks old object h for the running transaction (before_write,
  /// and a big dict's entry saved alone).
  static void lock_for_write(object_header& h);
  /// The transaction ends: every lock it took is released.
  static void end_locks(stm_detail::transaction_logs& logs);

  // A section counts as open once its lock is taken (members are made in
  // order; taking it may commit, or throw an abort, and then this section
  // is not counted): write_section2's first section is open while its
  // second takes its lock.
  struct open_section {
    open_section() { ++stm_detail::open_sections; }
    ~open_section() { --stm_detail::open_sections; }
    open_section(const open_section&) = delete;
    open_section& operator=(const open_section&) = delete;
  };
  struct read_section {
    struct locking {
      locking(thread_state& ts, object_header& h) { lock_for_read(ts, h); }
    } lock;
    open_section open;
    read_section(thread_state& ts, object_header& h) : lock(ts, h) {}
  };
  struct write_section {
    struct locking {
      explicit locking(object_header& h) { before_write(h); }
    } lock;
    open_section open;
    write_section(thread_state&, object_header& h) : lock(h) {}
  };
  struct write_section2 {
    write_section first, second;
    write_section2(thread_state& ts, object_header& a, object_header& b) : first(ts, a), second(ts, b) {}
  };

  /// `with atomic:` begins and ends between transactions (so an abort never
  /// re-runs its entry or exit) and keeps the token in between. Concurrent
  /// mode: the block runs irrevocably, its locks held to its exit.
  static void atomic_begin(thread_state& ts) {
    stm_detail::go_irrevocable();
    if (stm_detail::concurrent) {
      // (Still in a transaction only while it unwinds: the block never runs.)
      if (ts.atomic_depth++ == 0 && !ts.logs.active) become_irrevocable(ts);
      return;
    }
    gil::atomic_begin(ts.token);
  }
  static void atomic_end(thread_state& ts) {
    stm_detail::go_irrevocable();
    if (stm_detail::concurrent) {
      // (Without a slot it stays irrevocable: see resume_running.)
      if (--ts.atomic_depth == 0 && has_slot()) end_irrevocable(ts);
      return;
    }
    gil::atomic_end(ts.token);
  }
  static void write_statistics(std::ostream& out);
};

static_assert(vm_backend<stm>);

}  // namespace gillab::interp::backends
