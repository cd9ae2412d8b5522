// runtime.cpp — thread records, serial mode, epochs, retry() waiting, and the
// statistics that detail/runtime.hpp and stats.hpp declare.
#include <gillab/locks/parking_lot.hpp>
#include <gillab/locks/spin_wait.hpp>
#include <gillab/stm/detail/runtime.hpp>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace gillab::stm {
namespace detail {
namespace {

std::atomic<thread_record*> records_head{nullptr};
std::atomic<std::uint32_t> next_record_id{1};
// Owner id of serial mode (0: none).
alignas(64) std::atomic<std::uint32_t> serial_owner{0};
// Global epoch for reclamation; starts at 1 so that 0 can mean "inactive".
alignas(64) std::atomic<std::uint64_t> global_epoch{1};
// Bumped after an update commit when someone waits in retry().
alignas(64) std::atomic<std::uint32_t> retry_sequence{0};

std::atomic<std::int64_t> retry_poll_ns{default_retry_poll_interval.count()};

std::atomic<unsigned> abort_every_n{0};
std::atomic<std::size_t> capacity{std::size_t{1} << 22};

// Retired blocks of exited threads, and the counters they accumulated.
// At exit (after every thread-local record handed its blocks over) nothing
// runs transactions any more: free what is left, so leak checkers see none.
struct orphan_list : std::vector<retired_block> {
  orphan_list() = default;
  orphan_list(const orphan_list&) = delete;
  orphan_list& operator=(const orphan_list&) = delete;
  ~orphan_list() {
    for (const auto& b : *this) b.deleter(b.pointer);
  }
};
std::mutex orphans_mutex;
orphan_list orphans;  // guarded by orphans_mutex
stats exited_stats;                  // guarded by orphans_mutex

constexpr std::size_t reclaim_threshold = 128;

void wait_while_serial() {
  locks::spin_wait wait;
  while (serial_owner.load(order_dekker) != 0) {
    if (wait.spinning()) {
      wait.once();
    } else {
      locks::parking_lot::park(
          &serial_owner, [] { return serial_owner.load(order_dekker) != 0; },
          locks::parking_lot::clock::now() + std::chrono::milliseconds(1));
    }
  }
}

// Publish the epoch the attempt begins in. Re-reading the epoch after the
// store closes the window in which a reclaimer scanned before the store but
// advanced the epoch after our read (seq_cst on both sides).
void publish_epoch(thread_record& self) noexcept {
  std::uint64_t e = global_epoch.load(order_dekker);
  for (;;) {
    self.active_epoch.store(e, order_dekker);
    const std::uint64_t again = global_epoch.load(order_dekker);
    if (again == e) return;
    e = again;
  }
}

// Serial mode waits here for every other transaction to leave: it spins a
// little, then parks on the record's epoch. leave() unparks it when it sees
// serial mode pending; a wake-up it misses (its release store and relaxed load
// may pass each other) costs at most the 1 ms deadline, not a lost thread.
void drain_others(const thread_record& self) {
  for (thread_record* r = all_threads(); r != nullptr; r = r->next) {
    if (r == &self) continue;
    locks::spin_wait wait;
    while (r->active_epoch.load(order_dekker) != 0) {
      if (wait.spinning()) {
        wait.once();
        continue;
      }
      locks::parking_lot::park(
          &r->active_epoch, [r] { return r->active_epoch.load(order_dekker) != 0; },
          locks::parking_lot::clock::now() + std::chrono::milliseconds(1));
    }
  }
}

std::uint64_t oldest_active_epoch() noexcept {
  std::uint64_t oldest = UINT64_MAX;
  for (thread_record* r = all_threads(); r != nullptr; r = r->next) {
    const std::uint64_t e = r->active_epoch.load(order_dekker);
    if (e != 0) oldest = std::min(oldest, e);
  }
  return oldest;
}

// Frees the blocks retired before every active attempt began.
void reclaim(std::vector<retired_block>& blocks) {
  global_epoch.fetch_add(1, order_dekker);
  const std::uint64_t oldest = oldest_active_epoch();
  auto keep = std::partition(blocks.begin(), blocks.end(),
                             [oldest](const retired_block& b) { return b.epoch >= oldest; });
  for (auto it = keep; it != blocks.end(); ++it) it->deleter(it->pointer);
  blocks.erase(keep, blocks.end());
}

// Registers the thread on first use; on thread exit hands its retired blocks
// and counters over and frees the record for reuse.
struct record_holder {
  thread_record* record = nullptr;
  record_holder() {
    for (thread_record* r = all_threads(); r != nullptr; r = r->next) {
      bool expected = false;
      if (!r->in_use.load(std::memory_order_relaxed) &&
          r->in_use.compare_exchange_strong(expected, true, std::memory_order_acquire)) {
        record = r;
        return;
      }
    }
    record = new thread_record;  // lives for the process: scanned without locks
    record->id = next_record_id.fetch_add(1, std::memory_order_relaxed);
    record->in_use.store(true, std::memory_order_relaxed);
    thread_record* head = records_head.load(std::memory_order_relaxed);
    do {
      record->next = head;
    } while (!records_head.compare_exchange_weak(head, record, std::memory_order_release,
                                                 std::memory_order_relaxed));
  }
  ~record_holder() {
    {
      std::lock_guard guard(orphans_mutex);
      orphans.insert(orphans.end(), record->retired.begin(), record->retired.end());
      exited_stats += record->snapshot();
    }
    record->retired.clear();
    record->clear_counters();
    record->inject_counter = 0;
    record->in_transaction = false;
    record->in_use.store(false, std::memory_order_release);
  }
};

}  // namespace

std::atomic<std::uint32_t> retry_waiters{0};

double nanoseconds_per_tick() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  // Calibrated once, over 20 ms, the first time statistics are read.
  static const double ratio = [] {
    const auto t0 = std::chrono::steady_clock::now();
    const std::uint64_t c0 = now_ticks();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::uint64_t c1 = now_ticks();
    const auto ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
    return c1 > c0 ? ns / static_cast<double>(c1 - c0) : 1.0;
  }();
  return ratio;
#else
  return 1.0;
#endif
}

thread_record& this_thread() noexcept {
  thread_local record_holder holder;
  return *holder.record;
}

thread_record* all_threads() noexcept { return records_head.load(std::memory_order_acquire); }

void enter(thread_record& self, bool serial) {
  if (serial) {
    locks::spin_wait wait;
    for (;;) {
      std::uint32_t none = 0;
      if (serial_owner.compare_exchange_strong(none, self.id, order_dekker)) break;
      wait_while_serial();
    }
    publish_epoch(self);
    drain_others(self);
    return;
  }
  for (;;) {
    publish_epoch(self);
    if (serial_owner.load(order_dekker) == 0) return;
    self.active_epoch.store(0, order_dekker);
    wait_while_serial();
  }
}

void leave(thread_record& self) noexcept {
  self.active_epoch.store(0, std::memory_order_release);
  // A serial transaction may be parked in drain_others() waiting for us.
  const std::uint32_t serial = serial_owner.load(std::memory_order_relaxed);
  if (serial != 0 && serial != self.id) locks::parking_lot::unpark_all(&self.active_epoch);
}

bool try_become_serial(thread_record& self) {
  std::uint32_t none = 0;
  if (!serial_owner.compare_exchange_strong(none, self.id, order_dekker)) return false;
  drain_others(self);
  return true;
}

void release_serial(thread_record&) noexcept {
  serial_owner.store(0, order_dekker);
  locks::parking_lot::unpark_all(&serial_owner);
}

void retire(thread_record& self, void* p, void (*deleter)(void*) noexcept) {
  self.retired.push_back(retired_block{p, deleter, global_epoch.load(order_dekker)});
  if (self.retired.size() >= reclaim_threshold) {
    reclaim(self.retired);
    // Also free what quiesced and exited threads handed over, unless another
    // thread is at it (never wait for the lock inside a commit).
    std::unique_lock guard(orphans_mutex, std::try_to_lock);
    if (guard.owns_lock() && !orphans.empty()) reclaim(orphans);
  }
}

void wake_retry_waiters() noexcept {
  retry_sequence.fetch_add(1, std::memory_order_release);
  locks::parking_lot::unpark_all(&retry_sequence);
}

void wait_for_change(const std::function<bool()>& changed) {
  retry_waiters.fetch_add(1, order_dekker);
  for (;;) {
    const std::uint32_t seen = retry_sequence.load(std::memory_order_acquire);
    if (changed()) break;
    locks::parking_lot::park(
        &retry_sequence, [seen] { return retry_sequence.load(std::memory_order_acquire) == seen; },
        locks::parking_lot::clock::now() + retry_poll_interval());
  }
  retry_waiters.fetch_sub(1, std::memory_order_relaxed);
}

stats thread_record::snapshot() const noexcept {
  stats s;
  s.commits = commits.get();
  s.read_only_commits = read_only_commits.get();
  s.irrevocable_commits = irrevocable_commits.get();
  for (std::size_t i = 0; i < abort_cause_count; ++i) s.aborts[i] = aborts[i].get();
  s.retries = retries.get();
  s.exceptions = exceptions.get();
  s.aborted_time = std::chrono::nanoseconds(
      static_cast<std::int64_t>(static_cast<double>(aborted_ticks.get()) * nanoseconds_per_tick()));
  return s;
}

void thread_record::clear_counters() noexcept {
  for (auto* c : {&commits, &read_only_commits, &irrevocable_commits, &retries, &exceptions, &aborted_ticks})
    c->value.store(0, std::memory_order_relaxed);
  for (auto& c : aborts) c.value.store(0, std::memory_order_relaxed);
}

}  // namespace detail

const char* to_string(abort_cause cause) noexcept {
  switch (cause) {
    case abort_cause::validation: return "validation";
    case abort_cause::lock_held: return "lock_held";
    case abort_cause::explicit_abort: return "explicit";
    case abort_cause::capacity: return "capacity";
    case abort_cause::injected: return "injected";
    case abort_cause::serial: return "serial";
    case abort_cause::count_: break;
  }
  return "?";
}

stats& stats::operator+=(const stats& o) noexcept {
  commits += o.commits;
  read_only_commits += o.read_only_commits;
  irrevocable_commits += o.irrevocable_commits;
  for (std::size_t i = 0; i < abort_cause_count; ++i) aborts[i] += o.aborts[i];
  retries += o.retries;
  exceptions += o.exceptions;
  aborted_time += o.aborted_time;
  return *this;
}

stats thread_stats() { return detail::this_thread().snapshot(); }

stats merged_stats() {
  stats total;
  {
    std::lock_guard guard(detail::orphans_mutex);
    total = detail::exited_stats;
  }
  for (auto* r = detail::all_threads(); r != nullptr; r = r->next) total += r->snapshot();
  return total;
}

void reset_stats() {
  {
    std::lock_guard guard(detail::orphans_mutex);
    detail::exited_stats = stats{};
  }
  for (auto* r = detail::all_threads(); r != nullptr; r = r->next) r->clear_counters();
}

abort_info last_abort() { return detail::this_thread().last_abort; }

void set_abort_every(unsigned n) noexcept { detail::abort_every_n.store(n, std::memory_order_relaxed); }
unsigned abort_every() noexcept { return detail::abort_every_n.load(std::memory_order_relaxed); }
void set_capacity_limit(std::size_t entries) noexcept {
  detail::capacity.store(entries, std::memory_order_relaxed);
}
std::size_t capacity_limit() noexcept { return detail::capacity.load(std::memory_order_relaxed); }

void set_retry_poll_interval(std::chrono::nanoseconds interval) noexcept {
  detail::retry_poll_ns.store(interval.count(), std::memory_order_relaxed);
}
std::chrono::nanoseconds retry_poll_interval() noexcept {
  return std::chrono::nanoseconds(detail::retry_poll_ns.load(std::memory_order_relaxed));
}

void retire(void* p, void (*deleter)(void*) noexcept) { detail::retire(detail::this_thread(), p, deleter); }

void quiesce() {
  auto& self = detail::this_thread();
  if (self.in_transaction) throw std::logic_error("gillab::stm: quiesce() inside a transaction");
  detail::reclaim(self.retired);
  if (self.retired.empty()) return;
  std::lock_guard guard(detail::orphans_mutex);
  detail::orphans.insert(detail::orphans.end(), self.retired.begin(), self.retired.end());
  self.retired.clear();
}

void privatization_fence() {
  auto& self = detail::this_thread();
  if (self.in_transaction) throw std::logic_error("gillab::stm: privatization_fence() inside a transaction");
  // A transaction that begins after the bump publishes an epoch >= fence
  // (publish_epoch re-reads the global epoch after its store); one that ran
  // before it shows a smaller one until it leaves (seq_cst on both sides).
  const std::uint64_t fence = detail::global_epoch.fetch_add(1, detail::order_dekker) + 1;
  for (auto* r = detail::all_threads(); r != nullptr; r = r->next) {
    if (r == &self) continue;
    locks::spin_wait wait;
    for (;;) {
      const std::uint64_t e = r->active_epoch.load(detail::order_dekker);
      if (e == 0 || e >= fence) break;
      wait.once();
    }
  }
}

void collect() {
  auto& self = detail::this_thread();
  detail::reclaim(self.retired);
  std::lock_guard guard(detail::orphans_mutex);
  detail::reclaim(detail::orphans);
}

}  // namespace gillab::stm
