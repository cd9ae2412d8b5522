// node_pool.hpp — type-stable pool of queue-lock nodes.
//
// MCS and CLH waiters each need a queue node, but the standard Lockable
// interface (lock()/unlock() without arguments) has nowhere to pass one. Each
// thread therefore keeps a free list of nodes: lock() takes one, unlock()
// returns one. A thread holding k queue locks at once has k nodes out.
//
// Invariants:
//  - A node on a free list is referenced by no lock and no other thread,
//    except that a stale reader may still *load* from it (CLH try_lock reads
//    the tail node it saw, which may have moved on): nodes are therefore
//    type-stable. They are never returned to the allocator while the process
//    runs; a thread's free list goes to a global list when the thread exits and
//    new threads take from there, so the node count stays bounded by the most
//    nodes ever out at once. The global list frees them at static destruction.
#pragma once

#include <mutex>
#include <vector>

namespace gillab::locks::detail {

template <class Node>
class node_pool {
 public:
  static Node* take() {
    auto& free = local().free_;
    if (!free.empty()) {
      Node* n = free.back();
      free.pop_back();
      return n;
    }
    if (Node* n = global().take()) return n;
    return new Node{};
  }
  static void give(Node* n) { local().free_.push_back(n); }
  /// For owners that may outlive the calling thread's pool (a static lock
  /// destroyed at exit, after the main thread's thread_locals).
  static void give_global(Node* n) {
    std::vector<Node*> one{n};
    global().adopt(one);
  }

  node_pool(const node_pool&) = delete;
  node_pool& operator=(const node_pool&) = delete;
  ~node_pool() { global().adopt(free_); }

 private:
  struct global_list {
    std::mutex mutex;
    std::vector<Node*> nodes;
    Node* take() {
      std::lock_guard guard(mutex);
      if (nodes.empty()) return nullptr;
      Node* n = nodes.back();
      nodes.pop_back();
      return n;
    }
    void adopt(std::vector<Node*>& from) {
      std::lock_guard guard(mutex);
      nodes.insert(nodes.end(), from.begin(), from.end());
      from.clear();
    }
    ~global_list() {
      for (Node* n : nodes) delete n;
    }
  };

  // Construct the global list before any pool or lock that uses it, so that
  // it is destroyed after all of them.
  node_pool() { global(); }
  static global_list& global() {
    static global_list list;
    return list;
  }
  static node_pool& local() {
    thread_local node_pool pool;
    return pool;
  }
  std::vector<Node*> free_;
};

}  // namespace gillab::locks::detail
