// gil.cpp — the GIL's slow paths: take, drop, forced switching, the legacy
// ticks, the fair variant's priority waiters, and the statistics. The design
// and invariants are in gillab/interp/backends/gil.hpp; the names follow
// CPython's Python/ceval_gil.c (take_gil, drop_gil, switch_number,
// last_holder, gil_drop_request).
#include <gillab/interp/backends/gil.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <new>

namespace gillab::interp::backends {

namespace gil_detail {

using clock = std::chrono::steady_clock;

/// One thread's statistics (kept after the thread ends, for the report).
struct thread_record {
  int id = 0;                     // 0: the first thread to attach (the main thread)
  std::uint64_t acquisitions = 0;
  std::uint64_t wait_us = 0;
  std::uint64_t max_wait_us = 0;
  std::uint64_t blocking_us = 0;
  std::uint64_t forced_drops = 0;
  std::uint64_t voluntary_drops = 0;
  bool alive = true;
};

namespace {

std::uint64_t to_us(clock::duration d) {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(d).count());
}

/// Holds in [2^(k-1), 2^k) microseconds count in bucket k; bucket 0 is < 1 us.
constexpr int hold_buckets = 40;

struct gil_core {
  std::mutex mutex;
  std::condition_variable cond;         // "the GIL was released"
  std::condition_variable switch_cond;  // "someone else took it" (forced switching)
  bool locked = false;
  const gil::thread_state* last_holder = nullptr;
  std::uint64_t switch_number = 0;  // times the GIL was taken
  int waiters = 0;
  int priority_waiters = 0;
  int attached = 0;
  // Read without the mutex on hot paths: set before a second thread exists.
  std::atomic<gil::variant> kind{gil::variant::new_gil};
  std::atomic<std::uint64_t> interval_us{5000};
  std::atomic<int> attached_count{0};
  // Statistics (under `mutex`).
  std::uint64_t forced_switches = 0;     // drop requests honoured at a safepoint
  std::uint64_t voluntary_switches = 0;  // drops on entering a blocking region or detaching
  std::uint64_t tick_releases = 0;       // legacy: releases every 100 ticks
  std::uint64_t holder_changes = 0;      // takes by another thread than the last holder
  std::uint64_t drop_requests = 0;
  std::uint64_t priority_requests = 0;   // fair: drop requests posted on return from blocking
  std::uint64_t waits = 0;               // takes that found the GIL held
  std::uint64_t wait_us = 0;
  std::uint64_t blocking_regions = 0;
  std::uint64_t blocking_us = 0;
  std::uint64_t hold_histogram[hold_buckets] = {};
  std::deque<thread_record> threads;  // stable addresses
};

gil_core& core() {
  // Never destroyed: threads still blocked on the GIL when the process exits
  // must not find its mutex gone (see pyvm's exit path).
  static gil_core* c = new gil_core;
  return *c;
}

int hold_bucket(std::uint64_t us) {
  int b = 0;
  while (us > 0 && b < hold_buckets - 1) {
    us >>= 1;
    ++b;
  }
  return b;
}

void set_drop_request() { eval_breaker.fetch_or(breaker_drop_request, std::memory_order_relaxed); }
void reset_drop_request() { eval_breaker.fetch_and(~breaker_drop_request, std::memory_order_relaxed); }

// Takes the GIL for `ts`. `priority`: the fair variant's thread returning
// from a blocking region. Returns with the mutex released and the GIL held.
void take_gil(gil::thread_state& ts, bool priority) {
  gil_core& g = core();
  const clock::time_point start = clock::now();
  std::unique_lock lk(g.mutex);
  const gil::variant kind = g.kind.load(std::memory_order_relaxed);
  auto must_wait = [&] { return g.locked || (!priority && g.priority_waiters > 0); };
  bool waited = false;
  if (must_wait()) {
    waited = true;
    ++g.waiters;
    if (priority) {
      ++g.priority_waiters;
      if (g.locked) {
        set_drop_request();
        ++g.drop_requests;
        ++g.priority_requests;
      }
    }
    while (must_wait()) {
      if (kind == gil::variant::legacy) {
        g.cond.wait(lk);
        continue;
      }
      const std::uint64_t saved_switch = g.switch_number;
      const auto interval = std::chrono::microseconds(g.interval_us.load(std::memory_order_relaxed));
      const bool timed_out = g.cond.wait_for(lk, interval) == std::cv_status::timeout;
      // No switch for a whole interval: ask the holder to drop it.
      if (timed_out && g.locked && g.switch_number == saved_switch) {
        set_drop_request();
        ++g.drop_requests;
      }
    }
    --g.waiters;
    if (priority) --g.priority_waiters;
  }
  g.locked = true;
  if (g.last_holder != &ts) ++g.holder_changes;
  g.last_holder = &ts;
  ++g.switch_number;
  // The forced-switch dropper waits for exactly this.
  g.switch_cond.notify_all();
  // The request (if any) was for this switch; later waiters post their own.
  reset_drop_request();
  const clock::time_point now = clock::now();
  ts.taken_at = now;
  ts.holds = true;
  if (ts.record) {
    ++ts.record->acquisitions;
    if (waited) {
      const std::uint64_t us = to_us(now - start);
      ts.record->wait_us += us;
      ts.record->max_wait_us = std::max(ts.record->max_wait_us, us);
      ++g.waits;
      g.wait_us += us;
    }
  }
}

enum class drop_cause { voluntary, forced, tick };

void drop_gil(gil::thread_state& ts, drop_cause cause) {
  gil_core& g = core();
  std::unique_lock lk(g.mutex);
  ++g.hold_histogram[hold_bucket(to_us(clock::now() - ts.taken_at))];
  switch (cause) {
    case drop_cause::voluntary:
      ++g.voluntary_switches;
      if (ts.record) ++ts.record->voluntary_drops;
      break;
    case drop_cause::forced:
      ++g.forced_switches;
      if (ts.record) ++ts.record->forced_drops;
      break;
    case drop_cause::tick:
      ++g.tick_releases;
      break;
  }
  g.locked = false;
  ts.holds = false;
  if (g.priority_waiters > 0) {
    g.cond.notify_all();  // an ordinary waiter woken alone would defer and sleep on
  } else {
    g.cond.notify_one();
  }
  if (cause == drop_cause::forced) {
    // Forced switching: do not come back before someone else has had it.
    while (g.last_holder == &ts && g.waiters > 0) g.switch_cond.wait(lk);
  }
}

}  // namespace
}  // namespace gil_detail

using namespace gil_detail;

void gil::attach(thread_state& ts) {
  gil_core& g = core();
  {
    std::lock_guard lk(g.mutex);
    g.threads.emplace_back();
    ts.record = &g.threads.back();
    ts.record->id = static_cast<int>(g.threads.size()) - 1;
  }
  // Counted before it waits: legacy releases only when another thread is
  // attached or attaching, and this one must not be starved out.
  g.attached_count.fetch_add(1, std::memory_order_relaxed);
  take_gil(ts, false);
  ts.ticks = legacy_check_interval;
}

void gil::detach(thread_state& ts) {
  gil_core& g = core();
  g.attached_count.fetch_sub(1, std::memory_order_relaxed);
  {
    std::lock_guard lk(g.mutex);
    if (ts.record) ts.record->alive = false;
  }
  drop_gil(ts, drop_cause::voluntary);
}

void gil::before_fork() { core().mutex.lock(); }

void gil::after_fork_parent() { core().mutex.unlock(); }

void gil::after_fork_child(thread_state& ts) {
  gil_core& g = core();
  // Placement-new without destroying the old ones: destroying a condition
  // variable that (as far as its state says) has waiters is undefined.
  new (&g.cond) std::condition_variable;
  new (&g.switch_cond) std::condition_variable;
  g.waiters = 0;
  g.priority_waiters = 0;
  g.locked = true;
  g.last_holder = &ts;
  g.attached_count.store(1, std::memory_order_relaxed);
  for (thread_record& r : g.threads) r.alive = &r == ts.record;
  reset_drop_request();
  g.mutex.unlock();
}

bool gil::safepoint_slow(thread_state& ts) {
  if (ts.atomic_depth > 0) return false;  // inside `with atomic:`: keep the GIL (gil.hpp)
  gil_core& g = core();
  const std::uint32_t bits = eval_breaker.load(order_breaker_poll);
  if (bits & breaker_ticks) {
    if (--ts.ticks > 0) return false;
    ts.ticks = legacy_check_interval;
    // 3.1 released only once threads existed (the lock was created then).
    if (g.attached_count.load(std::memory_order_relaxed) > 1) {
      drop_gil(ts, drop_cause::tick);
      take_gil(ts, false);
    }
    return false;
  }
  if (bits & breaker_drop_request) {
    drop_gil(ts, drop_cause::forced);
    take_gil(ts, false);
  }
  return false;
}

void gil::enter_blocking(thread_state& ts) {
  ts.blocking_since = clock::now();
  drop_gil(ts, drop_cause::voluntary);
}

void gil::leave_blocking(thread_state& ts) {
  gil_core& g = core();
  const bool priority = g.kind.load(std::memory_order_relaxed) == variant::fair;
  take_gil(ts, priority);
  const std::uint64_t us = to_us(clock::now() - ts.blocking_since);
  std::lock_guard lk(g.mutex);
  ++g.blocking_regions;
  g.blocking_us += us;
  if (ts.record) ts.record->blocking_us += us;
}

bool gil::set_variant(std::string_view value) {
  variant v;
  if (value == "new") {
    v = variant::new_gil;
  } else if (value == "legacy") {
    v = variant::legacy;
  } else if (value == "fair") {
    v = variant::fair;
  } else {
    return false;
  }
  core().kind.store(v, std::memory_order_relaxed);
  if (v == variant::legacy) {
    eval_breaker.fetch_or(breaker_ticks, std::memory_order_relaxed);
  } else {
    eval_breaker.fetch_and(~breaker_ticks, std::memory_order_relaxed);
  }
  return true;
}

gil::variant gil::current_variant() { return core().kind.load(std::memory_order_relaxed); }

const char* gil::variant_name() {
  switch (current_variant()) {
    case variant::legacy:
      return "legacy";
    case variant::fair:
      return "fair";
    case variant::new_gil:
      break;
  }
  return "new";
}

void gil::set_switch_interval_us(std::uint64_t us) {
  core().interval_us.store(std::max<std::uint64_t>(us, 1), std::memory_order_relaxed);
}

std::uint64_t gil::switch_interval_us() { return core().interval_us.load(std::memory_order_relaxed); }

int gil::attached_threads() { return core().attached_count.load(std::memory_order_relaxed); }

void gil::write_statistics(std::ostream& out) {
  out << "{\"backend\": \"gil\", ";
  write_switch_fields(out);
  out << "}";
}

void gil::write_switch_fields(std::ostream& out) {
  gil_core& g = core();
  std::lock_guard lk(g.mutex);
  std::uint64_t thread_wait = 0;
  for (const thread_record& t : g.threads) thread_wait += t.wait_us;
  out << "\"variant\": \"" << variant_name() << "\""
      << ", \"switch_interval_us\": " << g.interval_us.load(std::memory_order_relaxed)
      << ", \"switches\": {\"voluntary\": " << g.voluntary_switches << ", \"forced\": " << g.forced_switches
      << ", \"legacy_tick_releases\": " << g.tick_releases << ", \"holder_changes\": " << g.holder_changes << "}"
      << ", \"drop_requests\": " << g.drop_requests << ", \"priority_requests\": " << g.priority_requests
      << ", \"wait\": {\"count\": " << g.waits << ", \"total_us\": " << g.wait_us << "}"
      << ", \"blocking\": {\"regions\": " << g.blocking_regions << ", \"total_us\": " << g.blocking_us << "}"
      << ", \"hold_time_us_log2_histogram\": [";
  int last = hold_buckets - 1;
  while (last > 0 && g.hold_histogram[last] == 0) --last;
  for (int b = 0; b <= last; ++b) {
    // Bucket b holds [lo, hi) microseconds.
    const std::uint64_t lo = b == 0 ? 0 : std::uint64_t{1} << (b - 1);
    const std::uint64_t hi = std::uint64_t{1} << b;
    out << (b ? ", " : "") << "{\"from_us\": " << lo << ", \"below_us\": " << hi
        << ", \"count\": " << g.hold_histogram[b] << "}";
  }
  out << "], \"threads\": [";
  bool first = true;
  for (const thread_record& t : g.threads) {
    out << (first ? "" : ", ") << "{\"id\": " << t.id << ", \"acquisitions\": " << t.acquisitions
        << ", \"wait_us\": " << t.wait_us << ", \"max_wait_us\": " << t.max_wait_us
        << ", \"blocking_us\": " << t.blocking_us << ", \"forced_drops\": " << t.forced_drops
        << ", \"voluntary_drops\": " << t.voluntary_drops << ", \"alive\": " << (t.alive ? "true" : "false")
        << "}";
    first = false;
  }
  out << "], \"thread_wait_total_us\": " << thread_wait;
}

}  // namespace gillab::interp::backends
