// fine.cpp — the fine back-end's slow paths: contended and suspended
// critical sections, biased reference counting's merges and queues, atomic
// blocks and the statistics. Design and invariants: backends/fine.hpp; the
// names follow CPython's Python/critical_section.c and Python/brc.c.
#include <gillab/interp/backends/fine.hpp>

#include "json_string.hpp"

#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gillab::interp::backends {

namespace fine_detail {

void suspend_all(section_stack& st) {
  // Inner sections first; everything below an inactive one is inactive too.
  for (section* s = st.top; s != nullptr && s->active; s = s->below) {
    if (s->second) s->second->unlock();
    s->first->unlock();
    s->active = false;
    stats.suspensions.fetch_add(1, std::memory_order_relaxed);
  }
}

void resume_top(section_stack& st) {
  section* s = st.top;
  if (s == nullptr || s->active) return;
  // No other object lock is held here (all below are suspended), so waiting
  // for these two in address order cannot deadlock.
  s->first->lock();
  if (s->second) s->second->lock();
  s->active = true;
}

namespace {

void count_lock_wait(const locks::parking_mutex* m) {
  const char* name = "?";
  if (type_name_of != nullptr) name = type_name_of(reinterpret_cast<const char*>(m) - mutex_offset);
  for (auto& slot : stats.lock_waits) {
    const char* seen = slot.name.load(std::memory_order_acquire);
    if (seen == nullptr && slot.name.compare_exchange_strong(seen, name, std::memory_order_acq_rel)) seen = name;
    if (seen == name) {
      slot.waits.fetch_add(1, std::memory_order_relaxed);
      return;
    }
  }
  stats.lock_waits_other.fetch_add(1, std::memory_order_relaxed);
}

/// Takes `m`, counting a wait for another thread by the object's type.
void lock_counting(locks::parking_mutex* m) {
  if (m->try_lock()) return;
  count_lock_wait(m);
  m->lock();
}

}  // namespace

void begin_slow(section_stack& st, section& s, locks::parking_mutex* a, locks::parking_mutex* b) {
  stats.contended_sections.fetch_add(1, std::memory_order_relaxed);
  // After the suspension the thread holds no object lock: a lock still
  // taken now is another thread's (before, it may have been our own outer
  // section's), which is what the per-type counts report.
  suspend_all(st);
  lock_counting(a);
  if (b) lock_counting(b);
  push(st, s, a, b);
}

namespace {

// One process-wide lock for atomic blocks, re-entrant through the depth.
locks::parking_mutex atomic_block_lock;

}  // namespace

void atomic_begin(section_stack& st, int& depth) {
  if (depth++ > 0) return;
  stats.atomic_blocks.fetch_add(1, std::memory_order_relaxed);
  if (atomic_block_lock.try_lock()) return;
  // As a blocking region: hold no object lock while waiting, and do not
  // count as running (the holder may be parked for a stop of the world).
  suspend_all(st);
  locks::reclaim::qsbr::offline();
  world::stop_running();
  atomic_block_lock.lock();
  world::start_running();
  locks::reclaim::qsbr::online();
  resume_top(st);
}

void atomic_end(section_stack&, int& depth) {
  if (--depth == 0) atomic_block_lock.unlock();
}

void write_statistics(std::ostream& out, const char* refcount_policy) {
  const auto parking = locks::parking_mutex::statistics();
  auto n = [](const std::atomic<std::uint64_t>& c) { return c.load(std::memory_order_relaxed); };
  out << "{\"backend\": \"fine\", \"refcount\": \"" << refcount_policy << "\""
      << ", \"threads\": " << n(stats.threads)
      << ", \"world_stops\": " << n(world::stops)
      << ", \"contended_sections\": " << n(stats.contended_sections)
      << ", \"suspensions\": " << n(stats.suspensions)
      << ", \"blocking_regions\": " << n(stats.blocking_regions)
      << ", \"parks\": " << parking.parks
      << ", \"direct_handoffs\": " << parking.direct_handoffs
      << ", \"atomic_blocks\": " << n(stats.atomic_blocks);
  out << ", \"lock_waits_by_type\": {";
  const char* sep = "";
  for (const auto& slot : stats.lock_waits) {
    const char* name = slot.name.load(std::memory_order_acquire);
    if (name == nullptr) break;
    out << sep;
    write_json_string(out, name);  // a class made by type() may be named anything
    out << ": " << n(slot.waits);
    sep = ", ";
  }
  if (n(stats.lock_waits_other) != 0) out << sep << "\"other\": " << n(stats.lock_waits_other);
  out << "}";
  if (std::string_view(refcount_policy) == "biased") {
    out << ", \"zero_local_merges\": " << n(stats.zero_local_merges)
        << ", \"queued\": " << n(stats.queued)
        << ", \"queue_merges\": " << n(stats.queue_merges)
        << ", \"orphan_merges\": " << n(stats.orphan_merges);
  }
  out << "}";
}

/// A thread's objects queued for merging (CPython's _brc_thread_state).
struct brc_queue {
  std::mutex mutex;
  std::vector<biased_refcount::counts*> objects;  // under mutex
  std::atomic<bool> pending{false};              // objects is not empty
};

namespace {

std::mutex registry_mutex;
std::unordered_map<std::uint32_t, brc_queue*>& registry() {  // live threads, under registry_mutex
  static auto* map = new std::unordered_map<std::uint32_t, brc_queue*>();
  return *map;
}
std::atomic<std::uint32_t> next_id{1};

}  // namespace

}  // namespace fine_detail

namespace {

using fine_detail::stats;

/// local + shared - 1 (the queue's reference), then merged and unowned. The
/// caller is the owner, or any thread once the owner has ended (`local` is
/// then frozen, and the registry's mutex ordered its last write before us).
/// Returns the remaining count.
std::int32_t explicit_merge(biased_refcount::counts& c, std::int32_t extra) {
  auto shared_field = atomic_field(c.shared);
  std::int32_t shared = shared_field.load(std::memory_order_relaxed);
  std::int32_t count = 0;
  std::int32_t merged = 0;
  do {
    count = (shared >> 2) + static_cast<std::int32_t>(atomic_field(c.local).load(std::memory_order_relaxed)) + extra;
    merged = count * biased_refcount::one | biased_refcount::state_merged;
  } while (!shared_field.compare_exchange_weak(shared, merged, std::memory_order_acq_rel, std::memory_order_relaxed));
  atomic_field(c.local).store(0, std::memory_order_relaxed);
  atomic_field(c.owner).store(fine_detail::no_owner, std::memory_order_relaxed);
  return count;
}

void free_object(biased_refcount::counts& c) { fine_detail::deallocate(&c); }

}  // namespace

void biased_refcount::attach(thread_data& t) {
  t.id = fine_detail::next_id.fetch_add(1, std::memory_order_relaxed);
  t.queue = new fine_detail::brc_queue();
  t.queue_pending = &t.queue->pending;
  fine_detail::current_id = t.id;
  std::lock_guard lk(fine_detail::registry_mutex);
  fine_detail::registry().emplace(t.id, t.queue);
}

void biased_refcount::detach(thread_data& t) {
  if (t.id == fine_detail::no_thread) return;  // detached already
  {
    std::lock_guard lk(fine_detail::registry_mutex);
    fine_detail::registry().erase(t.id);
  }
  // From here on this thread writes no `local` field (it owns nothing any
  // more: its decrefs take the shared path), so a thread that finds us gone
  // and merges one of our objects reads a frozen local count, ordered after
  // our last write by registry_mutex. Nobody can queue to us any more;
  // merge what was queued before.
  fine_detail::current_id = fine_detail::no_thread;
  merge_queued(t);
  t.queue_pending = nullptr;
  delete t.queue;
  t.queue = nullptr;
  t.id = fine_detail::no_thread;
}

void biased_refcount::before_fork() { fine_detail::registry_mutex.lock(); }

void biased_refcount::after_fork_parent() { fine_detail::registry_mutex.unlock(); }

void biased_refcount::after_fork_child(thread_data& t) {
  auto& live = fine_detail::registry();
  for (auto it = live.begin(); it != live.end();) it = it->first == t.id ? std::next(it) : live.erase(it);
  fine_detail::registry_mutex.unlock();
}

void biased_refcount::merge_queued(thread_data& t) {
  if (t.queue == nullptr) return;
  std::vector<counts*> objects;
  {
    std::lock_guard lk(t.queue->mutex);
    objects.swap(t.queue->objects);
    t.queue->pending.store(false, std::memory_order_relaxed);
  }
  for (counts* c : objects) {
    stats.queue_merges.fetch_add(1, std::memory_order_relaxed);
    // Another thread may have merged it meanwhile (we gave up ownership in
    // merge_zero_local): then our `local` is 0 and the explicit merge just
    // drops the queue's reference.
    if (explicit_merge(*c, -1) == 0) free_object(*c);
  }
}

bool biased_refcount::merge_zero_local(counts& c) {
  // The owner's local count reached 0 (CPython's _Py_MergeZeroLocalRefcount).
  auto shared_field = atomic_field(c.shared);
  std::int32_t shared = shared_field.load(std::memory_order_acquire);
  if (shared == 0) return true;  // no other thread counted a reference: free
  stats.zero_local_merges.fetch_add(1, std::memory_order_relaxed);
  atomic_field(c.owner).store(fine_detail::no_owner, std::memory_order_relaxed);
  std::int32_t merged = 0;
  do {
    merged = (shared & ~state_mask) | state_merged;
  } while (!shared_field.compare_exchange_weak(shared, merged, std::memory_order_acq_rel, std::memory_order_relaxed));
  return merged == state_merged;  // a count of 0: free
}

bool biased_refcount::decref_shared(counts& c) {
  // CPython's _Py_DecRefShared.
  auto shared_field = atomic_field(c.shared);
  std::int32_t shared = shared_field.load(std::memory_order_relaxed);
  std::int32_t next = 0;
  bool queue = false;
  do {
    // Owned, not queued, shared count 0: the reference being dropped was
    // counted in the owner's local field. Queue the object to its owner
    // (the queue keeps this reference until the merge) instead of going
    // negative unnoticed.
    queue = shared == 0 || shared == state_maybe_weakref;
    next = queue ? state_queued : shared - one;
  } while (!shared_field.compare_exchange_weak(shared, next, std::memory_order_acq_rel, std::memory_order_relaxed));
  if (!queue) return next == state_merged;  // merged and now 0: free

  stats.queued.fetch_add(1, std::memory_order_relaxed);
  const std::uint32_t owner = atomic_field(c.owner).load(std::memory_order_relaxed);
  {
    std::lock_guard lk(fine_detail::registry_mutex);
    auto it = fine_detail::registry().find(owner);
    if (it != fine_detail::registry().end()) {
      fine_detail::brc_queue& q = *it->second;
      std::lock_guard qlk(q.mutex);
      q.objects.push_back(&c);
      q.pending.store(true, std::memory_order_relaxed);
      return false;
    }
  }
  // The owner has ended (or gave up ownership meanwhile): merge here.
  stats.orphan_merges.fetch_add(1, std::memory_order_relaxed);
  return explicit_merge(c, -1) == 0;
}

}  // namespace gillab::interp::backends
