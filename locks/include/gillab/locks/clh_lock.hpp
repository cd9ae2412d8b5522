// clh_lock.hpp — CLH queue lock (Craig 1993, "Building FIFO and priority-
// queuing spin locks from atomic swap"; Magnusson, Landin & Hagersten 1994,
// "Queue locks on cache coherent multiprocessors").
//
// The queue is implicit: each waiter swaps its node into tail_ and spins on
// its predecessor's node. Releasing writes the releaser's own node, and the
// releaser then adopts its predecessor's node for its next acquisition, so
// nodes migrate between threads. FIFO.
//
// Invariants:
//  - tail_ always points to a node (a released dummy when the lock is free);
//    the lock is free iff tail_->locked == false.
//  - A node with locked == true is owned by the thread that set it; once that
//    thread stores false, the node belongs to its successor (or, if none, stays
//    in tail_ and belongs to the lock, which returns it to the pool when destroyed).
//  - holder_/holder_pred_ are written by the owner after acquiring and read
//    by the owner in unlock().
//
// try_lock and ABA: it reads tail_ == P with P released and swings tail_ from
// P to its own node. Between the read and the swing, another thread may have
// queued behind P, acquired, released and re-used P for this very lock (the
// pool is LIFO, so "unlock, lock again" does exactly that); the swing then
// succeeds although P is held again. Mutual exclusion is kept because try_lock
// re-checks P after the swing and, in that case only, waits for P's release
// like lock() would: one critical section at most, in a window of a few
// instructions. Nodes are type-stable (node_pool.hpp), so the stale read of P
// is safe.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/detail/node_pool.hpp>
#include <gillab/locks/lockable.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>

namespace gillab::locks {

class clh_lock : pinned {
 public:
  static constexpr const char* name = "clh";

  struct alignas(cache_line_size) node {
    std::atomic<bool> locked{false};
  };

  clh_lock() : tail_(pool::take()) {}  // pool nodes are released: locked == false
  ~clh_lock() { pool::give_global(tail_.load(std::memory_order_relaxed)); }

  void lock() noexcept {
    node* me = pool::take();
    me->locked.store(true, std::memory_order_relaxed);
    node* pred = tail_.exchange(me, order_publish_node);
    spin_wait wait;
    while (pred->locked.load(order_handoff_wait)) wait.once();
    holder_ = me;
    holder_pred_ = pred;
  }

  bool try_lock() noexcept {
    node* pred = tail_.load(std::memory_order_acquire);
    if (pred->locked.load(std::memory_order_acquire)) return false;
    node* me = pool::take();
    me->locked.store(true, std::memory_order_relaxed);
    // Succeeds only if no one enqueued after the released node we saw.
    if (!tail_.compare_exchange_strong(pred, me, order_publish_node, std::memory_order_relaxed)) {
      pool::give(me);
      return false;
    }
    spin_wait wait;  // the ABA case above; almost always exits at once
    while (pred->locked.load(order_handoff_wait)) wait.once();
    holder_ = me;
    holder_pred_ = pred;
    return true;
  }

  void unlock() noexcept {
    node* me = holder_;
    node* pred = holder_pred_;
    me->locked.store(false, order_lock_release);  // `me` now belongs to the successor
    pool::give(pred);                             // and the predecessor's node to us
  }

 private:
  using pool = detail::node_pool<node>;
  std::atomic<node*> tail_;
  node* holder_ = nullptr;
  node* holder_pred_ = nullptr;
};

}  // namespace gillab::locks
