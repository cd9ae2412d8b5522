// mpsc_queue.hpp — intrusive multi-producer single-consumer queue (Vyukov,
// "Intrusive MPSC node-based queue", 1024cores.net, 2010).
//
// Producers swing head_ to their node with one exchange and then link the
// previous head to it; the single consumer walks from tail_. A stub node
// lets the queue become empty without a null head. Push is wait-free (one
// exchange, one store) and allocates nothing: the nodes are the caller's
// (derive from mpsc_node), the design the parking lot and thread-pool work
// queues want.
//
// Invariants:
//  - head_ is the most recently pushed node (or the stub); every node is
//    linked to its successor by the producer that pushed the successor,
//    after that producer's exchange: between the two the list is cut.
//  - tail_ and the stub's position are the consumer's alone.
//  - pop returns a node only once its `next` is set (its successor's producer
//    has finished with it), or after re-pushing the stub behind it; after
//    that no other thread touches the node, so the caller may reuse or free
//    it at once.
//  - Linearization point of push: the exchange on head_.
//
// ABA and reclamation: producers never read a node other than the one their
// exchange returned, and that node cannot be handed out by pop before the
// producer's link store (previous invariant), so no reclamation scheme is
// needed and node reuse is safe.
//
// Progress: a producer preempted between its exchange and its link hides
// every later node from the consumer, which sees `empty` meanwhile (pop
// returns nullptr although pushes completed). Consumers that must not miss
// work re-check after being woken; the queue never loses a node.
#pragma once

#include <gillab/locks/detail/cpu.hpp>

#include <atomic>
#include <type_traits>

namespace gillab::locks {

/// Hook for mpsc_queue: derive the element type from it.
struct mpsc_node {
  std::atomic<mpsc_node*> mpsc_next{nullptr};
};

template <class Node>
class mpsc_queue {
  static_assert(std::is_base_of_v<mpsc_node, Node>, "mpsc_queue elements derive from mpsc_node");

 public:
  static constexpr const char* name = "mpsc";

  mpsc_queue() = default;
  mpsc_queue(const mpsc_queue&) = delete;
  mpsc_queue& operator=(const mpsc_queue&) = delete;

  /// Any thread; wait-free.
  void push(Node* node) noexcept { push_node(node); }

  /// The consumer thread only. Null if empty (or if a producer is between
  /// its exchange and its link; see above).
  Node* pop() noexcept {
    mpsc_node* tail = tail_;
    mpsc_node* next = tail->mpsc_next.load(std::memory_order_acquire);
    if (tail == &stub_) {
      if (next == nullptr) return nullptr;
      tail_ = tail = next;
      next = next->mpsc_next.load(std::memory_order_acquire);
    }
    if (next != nullptr) {
      tail_ = next;
      return static_cast<Node*>(tail);
    }
    if (tail != head_.load(std::memory_order_acquire)) return nullptr;  // a push is mid-way
    // tail is the last node: put the stub behind it so it can be handed out.
    push_node(&stub_);
    next = tail->mpsc_next.load(std::memory_order_acquire);
    if (next != nullptr) {
      tail_ = next;
      return static_cast<Node*>(tail);
    }
    return nullptr;
  }

  /// Consumer only: a snapshot.
  [[nodiscard]] bool empty() const noexcept {
    return tail_ == &stub_ && stub_.mpsc_next.load(std::memory_order_acquire) == nullptr &&
           head_.load(std::memory_order_acquire) == &stub_;
  }

 private:
  void push_node(mpsc_node* node) noexcept {
    node->mpsc_next.store(nullptr, std::memory_order_relaxed);
    // acq_rel: releases the node's contents to the consumer and acquires
    // the previous head, whose next we write.
    mpsc_node* prev = head_.exchange(node, std::memory_order_acq_rel);
    prev->mpsc_next.store(node, std::memory_order_release);
  }

  alignas(cache_line_size) std::atomic<mpsc_node*> head_{&stub_};
  alignas(cache_line_size) mpsc_node* tail_ = &stub_;
  mpsc_node stub_;
};

}  // namespace gillab::locks
