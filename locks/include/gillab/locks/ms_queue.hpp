// ms_queue.hpp — lock-free FIFO queue (Michael & Scott, "Simple, Fast, and
// Practical Non-Blocking and Blocking Concurrent Queue Algorithms", PODC 1996),
// with the node reclamation of Michael 2004 instead of the paper's
// counted pointers and free list.
//
// A singly linked list with a dummy node at the head: head_ points to the
// dummy, whose successor holds the front value; tail_ points to the last or
// the second-to-last node. Enqueue links a node after the last one (CAS on
// its next), then swings tail_ (CAS); anyone who finds tail_ lagging swings
// it first ("helping"). Dequeue swings head_ to the dummy's successor, which
// becomes the new dummy; its value is moved out by the dequeuer.
//
// Invariants:
//  - The list from head_ is never empty (the dummy), and tail_ is reachable
//    from head_: it is the last node or one behind it.
//  - A node's `next` goes from null to non-null exactly once (the linking
//    CAS, release: it publishes the node's value).
//  - head_ never passes tail_: before swinging head_ from H, dequeue checks
//    H != tail_ and helps tail_ forward otherwise. So a retired node is never
//    still tail_, and enqueuers protecting tail_ cannot reach freed memory.
//  - The value of node N is read only by the dequeuer whose CAS moved head_
//    onto N; N cannot be retired before that dequeuer's guard ends (a later
//    dequeuer retires N only after moving head_ past it, and the guard
//    protects N meanwhile).
//  - Linearization points: enqueue at its successful linking CAS; dequeue at
//    its successful head CAS, or, when empty, at the load of the dummy's
//    null next.
//
// ABA: the CASes on head_, tail_ and next compare addresses. A stale CAS
// could only succeed on a freed-and-reused node, and the reclamation scheme
// R frees no node while a guard protects it: enqueue protects tail_, dequeue
// protects head_ and its successor, and re-reads head_ after protecting the
// successor (the successor cannot be retired while head_ still precedes it).
// The paper's modification counters are therefore not needed.
//
// Progress: lock-free.
#pragma once

#include <gillab/locks/detail/cpu.hpp>
#include <gillab/locks/reclaim/epoch.hpp>
#include <gillab/locks/reclaim/reclaimer.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>
#include <optional>
#include <utility>

namespace gillab::locks {

template <class T, reclaim::reclaimer R = reclaim::epoch>
class ms_queue {
 public:
  static constexpr const char* name = "ms";
  using value_type = T;
  using reclaimer = R;

  ms_queue() {
    auto* dummy = new node();
    head_.store(dummy, std::memory_order_relaxed);
    tail_.store(dummy, std::memory_order_relaxed);
  }
  ms_queue(const ms_queue&) = delete;
  ms_queue& operator=(const ms_queue&) = delete;
  /// Not concurrent with any operation.
  ~ms_queue() {
    node* n = head_.load(std::memory_order_relaxed);
    while (n != nullptr) {
      node* next = n->next.load(std::memory_order_relaxed);
      delete n;
      n = next;
    }
  }

  void enqueue(T value) {
    auto* n = new node(std::move(value));
    typename R::guard guard;
    backoff wait;
    for (;;) {
      node* tail = guard.protect(0, tail_);
      node* next = tail->next.load(std::memory_order_acquire);
      if (next == nullptr) {
        // seq_cst like every CAS that changes reachability (reclaimer.hpp);
        // it also releases the new node's value.
        if (tail->next.compare_exchange_strong(next, n, std::memory_order_seq_cst,
                                               std::memory_order_relaxed)) {
          tail_.compare_exchange_strong(tail, n, std::memory_order_seq_cst,
                                        std::memory_order_relaxed);
          return;
        }
        wait.pause();
      } else {
        tail_.compare_exchange_strong(tail, next, std::memory_order_seq_cst,
                                      std::memory_order_relaxed);  // help the lagging tail
      }
    }
  }

  std::optional<T> dequeue() {
    typename R::guard guard;
    backoff wait;
    for (;;) {
      node* head = guard.protect(0, head_);
      node* next = guard.protect(1, head->next);
      // The successor was protected while still behind head: not retired.
      if (head != head_.load(std::memory_order_seq_cst)) continue;
      if (next == nullptr) return std::nullopt;
      node* tail = tail_.load(std::memory_order_seq_cst);
      if (head == tail) {
        tail_.compare_exchange_strong(tail, next, std::memory_order_seq_cst,
                                      std::memory_order_relaxed);
        continue;
      }
      if (head_.compare_exchange_strong(head, next, std::memory_order_seq_cst,
                                        std::memory_order_relaxed)) {
        std::optional<T> value(std::move(*next->value));
        R::retire(head);
        return value;
      }
      wait.pause();
    }
  }

  /// A snapshot; exact only when no other thread is operating.
  [[nodiscard]] bool empty() const {
    typename R::guard guard;
    node* head = guard.protect(0, head_);
    return head->next.load(std::memory_order_acquire) == nullptr;
  }

 private:
  struct node : reclaim::retirable {
    node() = default;
    explicit node(T&& v) : value(std::move(v)) {}
    std::atomic<node*> next{nullptr};
    std::optional<T> value;  // empty in the initial dummy
  };

  // Apart: enqueuers hammer tail_, dequeuers head_.
  alignas(cache_line_size) std::atomic<node*> head_{nullptr};
  alignas(cache_line_size) std::atomic<node*> tail_{nullptr};
};

}  // namespace gillab::locks
