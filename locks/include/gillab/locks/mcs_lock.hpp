// mcs_lock.hpp — MCS queue lock (Mellor-Crummey & Scott, "Algorithms for
// Scalable Synchronization on Shared-Memory Multiprocessors", TOCS 1991).
//
// Waiters form a linked queue; each spins on a flag in its own node, so a
// release touches exactly one remote cache line (the successor's). FIFO.
//
// Invariants:
//  - tail_ is null iff the lock is free; otherwise it is the last waiter.
//  - A node's `locked` is written false only by its predecessor, once; its
//    `next` only by its successor, once.
//  - holder_ is written by the owner right after acquiring and read by the
//    owner in unlock(), so it needs no ordering of its own.
//  - After unlock() returns, no thread refers to the releaser's node: the
//    successor has already linked itself and now spins on its own node.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/detail/node_pool.hpp>
#include <gillab/locks/lockable.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>

namespace gillab::locks {

class mcs_lock : pinned {
 public:
  static constexpr const char* name = "mcs";

  struct alignas(cache_line_size) node {
    std::atomic<node*> next{nullptr};
    std::atomic<bool> locked{false};
  };

  void lock() noexcept {
    node* me = pool::take();
    me->next.store(nullptr, std::memory_order_relaxed);
    me->locked.store(true, std::memory_order_relaxed);
    node* pred = tail_.exchange(me, order_publish_node);
    if (pred != nullptr) {
      pred->next.store(me, std::memory_order_release);
      spin_wait wait;
      while (me->locked.load(order_handoff_wait)) wait.once();
      }
    holder_ = me;
  }

  bool try_lock() noexcept {
    node* me = pool::take();
    me->next.store(nullptr, std::memory_order_relaxed);
    node* expected = nullptr;
    if (tail_.compare_exchange_strong(expected, me, order_publish_node, std::memory_order_relaxed)) {
      holder_ = me;
      return true;
    }
    pool::give(me);
    return false;
  }

  void unlock() noexcept {
    node* me = holder_;
    node* succ = me->next.load(std::memory_order_acquire);
    if (succ == nullptr) {
      node* expected = me;
      if (tail_.compare_exchange_strong(expected, nullptr, order_lock_release,
                                        std::memory_order_relaxed)) {
        pool::give(me);
        return;
      }
      // A successor swapped itself into tail_ but has not linked yet.
      spin_wait wait;
      while ((succ = me->next.load(std::memory_order_acquire)) == nullptr) wait.once();
    }
    succ->locked.store(false, order_lock_release);
    pool::give(me);
  }

 private:
  using pool = detail::node_pool<node>;
  std::atomic<node*> tail_{nullptr};
  node* holder_ = nullptr;
};

}  // namespace gillab::locks
