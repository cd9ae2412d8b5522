// reclaim.cpp — deferred decrefs and frees for lock-free readers; see
// reclaim.hpp for the contract.
//
// Displaced values are collected per thread in batches of decref_batch::
// capacity (one QSBR node per batch, not per value: a store that displaces
// a value then costs one array write). A batch whose grace period ended is
// destroyed inside the QSBR domain's bookkeeping, where running arbitrary
// decrefs is not safe; its destructor only hands the values over: to the
// destroying thread's ready list while that thread is in the runtime, else
// (a thread's exit, when the domain frees what that thread retired) to a
// shared orphan list. Both are decref'd at the next safepoint of a thread
// that drains.
#include "reclaim.hpp"

#include "runtime.hpp"

#include <gillab/locks/reclaim/qsbr.hpp>

#include <mutex>
#include <utility>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace reclaim_detail {

std::atomic<bool> other_threads{false};

namespace {

using qsbr = locks::reclaim::qsbr;

void hand_over(const value* items, std::size_t count) noexcept;

struct decref_batch : locks::reclaim::retirable {
  static constexpr std::size_t capacity = 61;  // the node fills 512 bytes
  std::size_t count = 0;
  value items[capacity];
  ~decref_batch() { hand_over(items, count); }
};

struct memory_block : locks::reclaim::retirable {
  void* memory = nullptr;
  ~memory_block() { std::free(memory); }
};

thread_local decref_batch* filling = nullptr;          // this thread's open batch
thread_local std::vector<value>* ready = nullptr;      // while the thread is in the runtime
thread_local bool exited = false;                      // reclaim_thread_exit ran

std::mutex orphan_mutex;
std::vector<value>* orphans = new std::vector<value>;  // reachable to the end: no leak report
std::atomic<bool> orphans_waiting{false};

void hand_over(const value* items, std::size_t count) noexcept {
  if (ready != nullptr) {
    ready->insert(ready->end(), items, items + count);
    return;
  }
  std::lock_guard lock(orphan_mutex);
  orphans->insert(orphans->end(), items, items + count);
  orphans_waiting.store(true, std::memory_order_relaxed);
}

}  // namespace

void defer_decref(value v) {
  if (exited) {
    // Displaced after this thread's exit drain (by what its detach frees):
    // no batch of ours will fill or be retired again, so this one goes now,
    // alone; when it is freed its value goes to the orphans.
    auto* alone = new decref_batch;
    alone->items[alone->count++] = v;
    qsbr::retire(alone);
    return;
  }
  if (ready == nullptr) ready = new std::vector<value>;
  if (filling == nullptr) filling = new decref_batch;
  filling->items[filling->count++] = v;
  if (filling->count == decref_batch::capacity) {
    // Retiring may end other batches' grace periods: their values land in
    // `ready` and wait for the next safepoint.
    qsbr::retire(std::exchange(filling, nullptr));
  }
}

void defer_free(void* memory) {
  auto* block = new memory_block;
  block->memory = memory;
  qsbr::retire(block);
}

bool drain_pending() noexcept {
  return (ready != nullptr && !ready->empty()) || orphans_waiting.load(std::memory_order_relaxed);
}

void drain() {
  std::vector<value> now;
  // Decrefs may free containers and so release more: loop until quiet.
  while (ready != nullptr && !ready->empty()) {
    now.swap(*ready);
    for (value v : now) decref(v);
    now.clear();
  }
  if (orphans_waiting.load(std::memory_order_relaxed)) {
    {
      std::lock_guard lock(orphan_mutex);
      now.swap(*orphans);
      orphans_waiting.store(false, std::memory_order_relaxed);
    }
    for (value v : now) decref(v);
  }
}

}  // namespace reclaim_detail

std::size_t reclaim_pending() {
  if constexpr (backend::lockfree_reads) return reclaim_detail::qsbr::pending();
  return 0;
}

void note_thread_start() { reclaim_detail::other_threads.store(true, std::memory_order_relaxed); }

void reclaim_flush() {
  using namespace reclaim_detail;
  if constexpr (backend::lockfree_reads) {
    if (filling != nullptr) qsbr::retire(std::exchange(filling, nullptr));
    // Stamp the batch first (a new period), then announce a quiescent state
    // in that period — the caller (the collector) runs where Python code may
    // run, so it holds no lock-free reads — then free what every online
    // thread has seen past. Announcing before stamping left this thread's
    // own `seen` one period behind its batch, so nothing the collection
    // displaced could expire here: with one thread left, a cleared cycle
    // outlived gc.collect() (its last reference waited in the batch).
    qsbr::flush();  // closes the batch, adopts ended threads' garbage
    qsbr::quiescent_state();
    qsbr::flush();  // frees what expired
    drain();        // and decrefs it now, as a single-threaded collection would
  }
}

void reclaim_thread_exit() {
  using namespace reclaim_detail;
  if constexpr (backend::lockfree_reads) {
    // The drain's decrefs may free containers that displace more (a new
    // batch): retire until nothing is left open, else that batch and what
    // it holds would be lost with the thread.
    do {
      if (filling != nullptr) qsbr::retire(std::exchange(filling, nullptr));
      qsbr::quiescent_state();  // this thread holds no lock-free reads now
      drain();
    } while (filling != nullptr);
    // What the domain frees from here on (this thread's last retirements,
    // at its exit) goes to the orphans.
    delete std::exchange(ready, nullptr);
    exited = true;
  }
}

GILLAB_RUNTIME_NAMESPACE_END
