// treiber_stack.hpp — lock-free LIFO stack (Treiber, "Systems Programming:
// Coping with Parallelism", IBM RJ 5118, 1986).
//
// A singly linked list whose head is swung by CAS: push links a new node in
// front of the head it read, pop swings the head to the top node's next.
//
// Invariants:
//  - head_ is the top node or null; a node's `next` is written only before
//    the node is published (by the pushing CAS, release), never afterwards.
//  - A node is reachable from head_ from its push until the CAS that pops it;
//    exactly one pop's CAS succeeds for it, and that thread alone moves the
//    value out and retires the node.
//  - Linearization points: the successful CAS on head_ (push and pop); an
//    empty pop at its load of null.
//
// ABA: pop reads top = A and A->next = B, then CASes head_ from A to B. If,
// in between, A were popped, freed and a new node allocated at A's address
// and pushed, the CAS would succeed and install the stale B. Here A cannot
// be freed while the popper's guard protects it (the reclamation scheme R),
// so while head_ == A it is the same node and A->next is still B. Nothing
// else (no tag, no double-width CAS) is needed.
//
// Progress: lock-free; a failed CAS means another operation succeeded.
// Contention collapses on one cache line; backoff after a failed CAS helps.
#pragma once

#include <gillab/locks/reclaim/epoch.hpp>
#include <gillab/locks/reclaim/reclaimer.hpp>
#include <gillab/locks/spin_wait.hpp>

#include <atomic>
#include <optional>
#include <utility>

namespace gillab::locks {

template <class T, reclaim::reclaimer R = reclaim::epoch>
class treiber_stack {
 public:
  static constexpr const char* name = "treiber";
  using value_type = T;
  using reclaimer = R;

  treiber_stack() = default;
  treiber_stack(const treiber_stack&) = delete;
  treiber_stack& operator=(const treiber_stack&) = delete;
  /// Not concurrent with any operation.
  ~treiber_stack() {
    node* n = head_.load(std::memory_order_relaxed);
    while (n != nullptr) {
      node* next = n->next;
      delete n;
      n = next;
    }
  }

  void push(T value) {
    auto* n = new node(std::move(value));
    n->next = head_.load(std::memory_order_relaxed);
    backoff wait;
    // Release publishes the node's value and next to the popper that loads it.
    while (!head_.compare_exchange_weak(n->next, n, std::memory_order_release,
                                        std::memory_order_relaxed)) {
      wait.pause();
    }
  }

  std::optional<T> pop() {
    typename R::guard guard;
    backoff wait;
    for (;;) {
      node* top = guard.protect(0, head_);
      if (top == nullptr) return std::nullopt;
      node* next = top->next;  // safe: top is protected, its next immutable
      // seq_cst: the unlink that the reclamation scheme's handshake orders
      // against the readers' protect() (reclaimer.hpp).
      if (head_.compare_exchange_strong(top, next, std::memory_order_seq_cst,
                                        std::memory_order_relaxed)) {
        std::optional<T> value(std::move(top->value));
        R::retire(top);
        return value;
      }
      wait.pause();
    }
  }

  /// A snapshot; exact only when no other thread is operating.
  [[nodiscard]] bool empty() const noexcept {
    return head_.load(std::memory_order_acquire) == nullptr;
  }

 private:
  struct node : reclaim::retirable {
    explicit node(T&& v) : value(std::move(v)) {}
    T value;
    node* next = nullptr;
  };

  alignas(cache_line_size) std::atomic<node*> head_{nullptr};
};

}  // namespace gillab::locks
