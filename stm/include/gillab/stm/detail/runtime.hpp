// runtime.hpp — what every STM algorithm shares: the word-access functions,
// the per-thread records (statistics, epoch, serial mode), the redo log, and
// the signal that unwinds an aborted attempt.
//
// Design:
//  - Transactional data is accessed one word at a time through
//    std::atomic_ref, never plainly: a doomed transaction may read a word that
//    a committer is writing back, and such a read must be a well-defined atomic
//    read (which the algorithm then rejects), not a data race.
//  - Loads of data are acquire and write-backs are release. A reader that
//    sees a written-back value therefore also sees the lock (orec or sequence
//    lock) taken before it, so its re-check of the lock after the data load
//    cannot miss the writer (the seqlock argument without stand-alone fences,
//    which ThreadSanitizer does not model). Both are plain moves on x86.
//  - A thread's record lives for the process (records are reused by later
//    threads, never freed), so scanning the list needs no lock.
//  - Serial (irrevocable) mode: at most one thread owns `serial_owner`; while
//    it does, no other transaction is active. A thread announces itself active
//    (seq_cst store of its epoch) and then checks serial_owner (seq_cst load);
//    the serial thread sets serial_owner (seq_cst CAS) and then waits until
//    every other record is inactive (seq_cst loads): Dekker's pattern, so one
//    of the two always sees the other. It spins briefly, then parks; a
//    leaving transaction that sees serial mode pending unparks it.
//  - Epoch-based reclamation (Fraser 2004, "Practical lock-freedom" §5.2):
//    memory freed by a committed transaction is tagged with the global epoch
//    and released only once every active transaction began in a later epoch,
//    so a transaction that could still hold a pointer to it (it began before
//    the freeing commit) is finished.
#pragma once

#include <gillab/stm/stats.hpp>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <type_traits>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

namespace gillab::stm {

/// The unit the STM reads, logs and writes back.
using word = std::uintptr_t;

/// Types a transaction may load and store in place (word-sized, lock-free).
template <class T>
concept word_sized = std::is_trivially_copyable_v<T> && sizeof(T) == sizeof(word) &&
                     std::atomic_ref<T>::is_always_lock_free;

/// Stress switch: abort every n-th transaction at commit (0 = never). Aborts
/// are injected only in revocable attempts, so progress is kept.
void set_abort_every(unsigned n) noexcept;
unsigned abort_every() noexcept;

/// Read or write set size beyond which an attempt aborts with cause
/// `capacity` and the next attempt runs irrevocably (serial mode has no limit).
void set_capacity_limit(std::size_t entries) noexcept;
std::size_t capacity_limit() noexcept;

/// Free memory retired by committed transactions that no running transaction
/// can still see (tests call it after joining their threads; safe at any time
/// outside a transaction).
void collect();

/// Deferred free of memory that running transactions may still read:
/// `deleter(p)` runs once every transaction that was running when retire()
/// was called has finished (the epochs of tx.free). Contract:
///  - `p` is already unreachable for transactions that begin later (unlinked
///    by a committed transaction, or never published);
///  - call it outside a transaction body: after a privatizing commit, in an
///    on_commit handler, from a reference count that dropped to zero. Inside a
///    body use tx.retire(p, deleter), which takes effect only if the
///    transaction commits (retire() here would stay done after an abort);
///  - the deleter must not throw and must not run transactions (it may run
///    inside another thread's commit).
/// The block waits in the calling thread's list until that thread retires
/// more or calls collect() or quiesce(); threads that exit hand theirs over.
void retire(void* p, void (*deleter)(void*) noexcept);

/// For a thread about to block for long (park, wait for I/O, sit idle in a
/// pool) outside any transaction: frees its retired blocks that no running
/// transaction can still see and hands the rest to a shared list that any
/// thread's later reclamation (or collect()) frees, so memory it retired is
/// not held until it wakes. A thread outside a transaction never delays
/// other threads' reclamation (its epoch is not published), so this is all
/// parking needs. Throws std::logic_error inside a transaction (a thread must
/// not park in one: serial mode and reclamation would wait for it).
void quiesce();

/// Waits until every transaction (of any algorithm) that was running when it
/// was called has finished: what a TL2 or ETL user must call between a
/// privatizing commit and plain accesses to the unlinked memory
/// (transaction.hpp, "Privatization"). Call it outside a transaction; throws
/// std::logic_error inside one (it would wait for itself).
void privatization_fence();

/// retry() waiters re-check their read set after every update commit (a
/// precise wake-up) and also every `interval` (a safety net that bounds the
/// cost of a wake-up that could be missed; default 1 ms). Tests set it very
/// long to prove that commits wake waiters without the poll.
void set_retry_poll_interval(std::chrono::nanoseconds interval) noexcept;
std::chrono::nanoseconds retry_poll_interval() noexcept;
inline constexpr std::chrono::nanoseconds default_retry_poll_interval = std::chrono::milliseconds(1);

namespace detail {

// Memory orders named for their purpose (see the header comment).
inline constexpr std::memory_order order_data_read = std::memory_order_acquire;
inline constexpr std::memory_order order_data_publish = std::memory_order_release;
inline constexpr std::memory_order order_snapshot = std::memory_order_acquire;
inline constexpr std::memory_order order_recheck = std::memory_order_acquire;
inline constexpr std::memory_order order_lock_take = std::memory_order_acquire;
inline constexpr std::memory_order order_lock_publish = std::memory_order_release;
inline constexpr std::memory_order order_clock_tick = std::memory_order_acq_rel;
inline constexpr std::memory_order order_dekker = std::memory_order_seq_cst;

using reader_fn = word (*)(const void*) noexcept;
using writer_fn = void (*)(void*, word) noexcept;

template <word_sized T>
word read_word(const void* p) noexcept {
  return std::bit_cast<word>(
      std::atomic_ref<T>(*const_cast<T*>(static_cast<const T*>(p))).load(order_data_read));
}
template <word_sized T>
void write_word(void* p, word w) noexcept {
  std::atomic_ref<T>(*static_cast<T*>(p)).store(std::bit_cast<T>(w), order_data_publish);
}

/// A cheap timestamp for the time lost in aborted attempts: the TSC on x86
/// (a few ns, against ~20 for clock_gettime, paid by every attempt),
/// converted to nanoseconds only when statistics are read.
inline std::uint64_t now_ticks() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  return __rdtsc();
#else
  return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
#endif
}
/// Nanoseconds per tick, measured against steady_clock.
double nanoseconds_per_tick() noexcept;

/// Thrown to unwind an attempt; caught only by atomically(). Deliberately not
/// a std::exception, so `catch (const std::exception&)` in a body lets it pass
/// (a body's `catch (...)` must rethrow).
struct abort_signal {
  abort_cause cause;
  const void* address;
  bool retry;  // retry(): roll back, wait for a change, run again
};

[[noreturn]] inline void abort_tx(abort_cause cause, const void* address) {
  throw abort_signal{cause, address, false};
}

/// A counter written by its owner thread only and read by anyone.
struct owned_counter {
  std::atomic<std::uint64_t> value{0};
  void add(std::uint64_t n = 1) noexcept {
    value.store(value.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
  }
  std::uint64_t get() const noexcept { return value.load(std::memory_order_relaxed); }
};

struct retired_block {
  void* pointer;
  void (*deleter)(void*) noexcept;
  std::uint64_t epoch;
};

/// One per thread (reused after the thread exits).
struct alignas(64) thread_record {
  // Epoch the running attempt began in; 0 while no attempt runs.
  std::atomic<std::uint64_t> active_epoch{0};
  std::uint32_t id = 0;  // 1.., fits in an orec's owner field
  std::atomic<bool> in_use{false};
  thread_record* next = nullptr;  // immutable once published

  owned_counter commits, read_only_commits, irrevocable_commits, retries, exceptions, aborted_ticks;
  owned_counter aborts[abort_cause_count];

  // Owner-only state.
  abort_info last_abort;
  unsigned inject_counter = 0;
  bool in_transaction = false;  // any algorithm: detects nesting across algorithms
  std::vector<retired_block> retired;

  [[nodiscard]] stats snapshot() const noexcept;
  void clear_counters() noexcept;
};

/// The calling thread's record (registered on first use).
thread_record& this_thread() noexcept;
/// Head of the list of every record ever created.
thread_record* all_threads() noexcept;

// Attempt begin/end: publish the epoch and respect serial mode.
void enter(thread_record& self, bool serial);
void leave(thread_record& self) noexcept;
/// Take serial mode from inside a running attempt; false if another thread
/// owns it (the caller must then abort). On success, waits until no other
/// transaction is active.
bool try_become_serial(thread_record& self);
void release_serial(thread_record& self) noexcept;

/// Retire memory freed by a committed transaction (call after leave()).
void retire(thread_record& self, void* p, void (*deleter)(void*) noexcept);

// retry() support: wake waiters after an update commit; wait for a change.
extern std::atomic<std::uint32_t> retry_waiters;
void wake_retry_waiters() noexcept;
/// Waits until `changed()` holds; it is re-checked after each update commit
/// (and every retry_poll_interval(), which bounds the cost of a missed
/// wake-up).
void wait_for_change(const std::function<bool()>& changed);

inline void wake_after_update() noexcept {
  // Store-load (Dekker) with wait_for_change: the committer's write-back and
  // unlock stores must be visible before it reads the waiter count, or a
  // waiter that registered and then re-read the old values would sleep until
  // its poll (retry_poll_interval()). A release store followed by a load does not order that on
  // x86 (store buffering): a full fence does. ThreadSanitizer does not model
  // stand-alone fences, so its builds use an equivalent read-modify-write.
#if defined(GILLAB_SANITIZER_THREAD)
  if (retry_waiters.fetch_add(0, std::memory_order_seq_cst) != 0) wake_retry_waiters();
#else
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (retry_waiters.load(std::memory_order_relaxed) != 0) wake_retry_waiters();
#endif
}

/// Open-addressing map from an address to a 32-bit value, cleared in O(1) by
/// bumping a generation. Used for the redo log index and the lock sets.
class address_map {
 public:
  address_map() { slots_.resize(64); }
  /// Pointer to the value of `key`, or nullptr.
  std::uint32_t* find(const void* key) noexcept {
    for (std::size_t i = hash(key);; i = (i + 1) & mask()) {
      slot& s = slots_[i];
      if (s.generation != generation_) return nullptr;
      if (s.key == key) return &s.value;
    }
  }
  /// Inserts `key` (which must be absent) with `value`.
  void insert(const void* key, std::uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    place(key, value);
  }
  void clear() noexcept {
    size_ = 0;
    if (++generation_ == 0) {  // wrapped: forget every slot for real
      for (auto& s : slots_) s.generation = 0;
      generation_ = 1;
    }
  }

 private:
  struct slot {
    const void* key = nullptr;
    std::uint32_t value = 0;
    std::uint32_t generation = 0;
  };
  std::size_t mask() const noexcept { return slots_.size() - 1; }
  std::size_t hash(const void* key) const noexcept {
    const auto a = reinterpret_cast<std::uintptr_t>(key) >> 3;
    return static_cast<std::size_t>((a * 0x9E3779B97F4A7C15ULL) >> 20) & mask();
  }
  void place(const void* key, std::uint32_t value) noexcept {
    std::size_t i = hash(key);
    while (slots_[i].generation == generation_) i = (i + 1) & mask();
    slots_[i] = slot{key, value, generation_};
    ++size_;
  }
  void grow() {
    std::vector<slot> old(slots_.size() * 2);
    old.swap(slots_);
    const auto g = generation_;
    generation_ = 1;
    size_ = 0;
    for (const auto& s : old)
      if (s.generation == g) place(s.key, s.value);
  }
  std::vector<slot> slots_;
  std::size_t size_ = 0;
  std::uint32_t generation_ = 1;
};

/// The redo log: buffered writes, written back at commit in program order
/// (the last write to an address wins, updated in place).
class write_set {
 public:
  struct entry {
    void* address;
    word value;
    writer_fn writer;
  };
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  const entry* find(const void* address) noexcept {
    if (entries_.empty()) return nullptr;
    auto* i = index_.find(address);
    return i ? &entries_[*i] : nullptr;
  }
  /// Returns true if the address was not in the log yet.
  bool put(void* address, word value, writer_fn writer) {
    if (auto* i = index_.find(address)) {
      entries_[*i].value = value;
      return false;
    }
    index_.insert(address, static_cast<std::uint32_t>(entries_.size()));
    entries_.push_back(entry{address, value, writer});
    return true;
  }
  void write_back() const noexcept {
    for (const auto& e : entries_) e.writer(e.address, e.value);
  }
  void clear() noexcept {
    entries_.clear();
    index_.clear();
  }
  auto begin() const noexcept { return entries_.begin(); }
  auto end() const noexcept { return entries_.end(); }

 private:
  std::vector<entry> entries_;
  address_map index_;
};

/// Read logs record every read, so a transaction that reads the same
/// locations over and over (a loop in one of the VM's long transactions)
/// would grow its log without bound: validation O(reads), and a capacity
/// abort. When the log reaches `compact_at`, it is sorted by address and
/// keeps one entry per address (entries for one address are equal: a
/// consistent snapshot reads one value or version per address, and every
/// algorithm's validation is order-free), then compact_at = twice what is
/// left (at least read_log_compact_minimum). One size comparison per read;
/// amortized O(log n) per read in a long transaction; nothing for short ones.
inline constexpr std::size_t read_log_compact_minimum = 1024;
template <class Entry, class AddressOf>
void compact_read_log(std::vector<Entry>& log, std::size_t& compact_at, AddressOf address_of) {
  std::sort(log.begin(), log.end(), [&](const Entry& a, const Entry& b) {
    return std::less<const void*>{}(address_of(a), address_of(b));
  });
  log.erase(std::unique(log.begin(), log.end(),
                        [&](const Entry& a, const Entry& b) { return address_of(a) == address_of(b); }),
            log.end());
  compact_at = std::max(read_log_compact_minimum, 2 * log.size());
}

/// Orec word: unlocked = version << 1; locked = owner id << 1 | 1.
inline constexpr bool is_locked(std::uint64_t orec) noexcept { return (orec & 1) != 0; }
inline constexpr std::uint64_t version_of(std::uint64_t orec) noexcept { return orec >> 1; }
inline constexpr std::uint64_t unlocked_orec(std::uint64_t version) noexcept { return version << 1; }
inline constexpr std::uint64_t locked_orec(std::uint32_t owner) noexcept {
  return (static_cast<std::uint64_t>(owner) << 1) | 1;
}

/// A striped table of ownership records: each address maps to one of
/// `size` versioned locks (distinct addresses may share one: false conflicts,
/// never missed ones). `Tag` gives each algorithm its own table and clock.
template <class Tag>
struct orec_table {
  static constexpr std::size_t size = std::size_t{1} << 20;
  static std::atomic<std::uint64_t>& of(const void* address) noexcept {
    return table[(reinterpret_cast<std::uintptr_t>(address) >> 3) & (size - 1)];
  }
  alignas(64) static inline std::atomic<std::uint64_t> table[size]{};
  alignas(64) static inline std::atomic<std::uint64_t> clock{0};
};

}  // namespace detail
}  // namespace gillab::stm
