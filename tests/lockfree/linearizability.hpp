// linearizability.hpp — a linearizability checker for recorded histories of
// stack and queue operations (Wing & Gong, "Testing and verifying concurrent
// objects", JPDC 17, 1993; with the memoization of Lowe, "Testing for
// linearizability", CCPE 29, 2017).
//
// A history is a set of complete operations, each with the time of its call
// and of its return taken from one shared counter (so "a returned before b
// was called" is a.ret < b.call). It is linearizable if some total order of
// the operations (1) respects that real-time order and (2) is a legal run of
// the sequential specification, each operation returning what it returned.
//
// The search (WGL): the calls and returns sorted by time form a doubly linked
// list. Walking it from the front, any call met before the first return is a
// candidate to linearize next; if the specification accepts it, its call and
// return are lifted out of the list and the walk restarts from the front. A
// return met first means its operation had to be linearized already: undo
// the last choice (backtrack) and try the next candidate. Lowe's memoization:
// a (set of linearized operations, specification state) pair that was
// reached before is not explored again; it makes histories of a few hundred
// operations fast.
//
// Invariants: the list always holds exactly the unlinearized operations in
// time order; lifting and unlifting are LIFO (dancing links), so restoring
// an entry's neighbours restores the list.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace gillab::test::lin {

enum class op_kind : std::uint8_t { push, pop };  // enqueue = push, dequeue = pop

inline constexpr std::int64_t empty_value = -1;  // what a pop of nothing returns

struct operation {
  op_kind kind = op_kind::push;
  std::int64_t value = empty_value;  // pushed, or returned by a pop
  std::uint64_t call = 0;
  std::uint64_t ret = 0;
};

using history = std::vector<operation>;

/// Records operations of several threads with one shared clock. Each thread
/// appends to its own vector: the recorder adds no synchronisation besides
/// the clock's fetch_add.
class recorder {
 public:
  explicit recorder(int threads) : per_thread_(static_cast<std::size_t>(threads)) {}

  void push(int thread, std::int64_t value, const std::function<void()>& op) {
    operation o{op_kind::push, value, tick(), 0};
    op();
    o.ret = tick();
    per_thread_[static_cast<std::size_t>(thread)].push_back(o);
  }
  /// `op` returns the popped value or empty_value.
  void pop(int thread, const std::function<std::int64_t()>& op) {
    operation o{op_kind::pop, empty_value, tick(), 0};
    o.value = op();
    o.ret = tick();
    per_thread_[static_cast<std::size_t>(thread)].push_back(o);
  }
  /// After the threads have joined.
  [[nodiscard]] history collect() const {
    history h;
    for (const auto& ops : per_thread_) h.insert(h.end(), ops.begin(), ops.end());
    return h;
  }

 private:
  std::uint64_t tick() { return clock_.fetch_add(1, std::memory_order_acq_rel); }
  std::atomic<std::uint64_t> clock_{0};
  std::vector<std::vector<operation>> per_thread_;
};

/// Sequential specifications over a vector of values.
struct queue_spec {
  static constexpr const char* name = "queue";
  static bool step(std::vector<std::int64_t>& s, const operation& op) {
    if (op.kind == op_kind::push) {
      s.push_back(op.value);
      return true;
    }
    if (op.value == empty_value) return s.empty();
    if (s.empty() || s.front() != op.value) return false;
    s.erase(s.begin());
    return true;
  }
};
struct stack_spec {
  static constexpr const char* name = "stack";
  static bool step(std::vector<std::int64_t>& s, const operation& op) {
    if (op.kind == op_kind::push) {
      s.push_back(op.value);
      return true;
    }
    if (op.value == empty_value) return s.empty();
    if (s.empty() || s.back() != op.value) return false;
    s.pop_back();
    return true;
  }
};

struct result {
  bool linearizable = false;
  std::size_t states_explored = 0;
};

template <class Spec>
result check(const history& ops) {
  struct entry {
    bool is_call = false;
    std::size_t id = 0;
    std::uint64_t time = 0;
    entry* match = nullptr;  // call -> its return
    entry* prev = nullptr;
    entry* next = nullptr;
  };
  const std::size_t n = ops.size();
  std::vector<entry> entries(2 * n + 1);
  entry* head = &entries[2 * n];  // sentinel
  std::vector<entry*> order;
  order.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    entry& c = entries[2 * i];
    entry& r = entries[2 * i + 1];
    c = entry{true, i, ops[i].call, &r, nullptr, nullptr};
    r = entry{false, i, ops[i].ret, nullptr, nullptr, nullptr};
    order.push_back(&c);
    order.push_back(&r);
  }
  std::sort(order.begin(), order.end(), [](const entry* a, const entry* b) { return a->time < b->time; });
  entry* prev = head;
  for (entry* e : order) {
    prev->next = e;
    e->prev = prev;
    prev = e;
  }

  auto lift = [](entry* call) {
    call->prev->next = call->next;
    if (call->next != nullptr) call->next->prev = call->prev;
    entry* ret = call->match;
    ret->prev->next = ret->next;
    if (ret->next != nullptr) ret->next->prev = ret->prev;
  };
  auto unlift = [](entry* call) {
    entry* ret = call->match;
    ret->prev->next = ret;
    if (ret->next != nullptr) ret->next->prev = ret;
    call->prev->next = call;
    if (call->next != nullptr) call->next->prev = call;
  };

  using state = std::vector<std::int64_t>;
  using bits = std::vector<std::uint64_t>;
  struct memo_key {
    bits linearized;
    state s;
    bool operator==(const memo_key&) const = default;
  };
  struct memo_hash {
    std::size_t operator()(const memo_key& k) const noexcept {
      std::size_t h = 1469598103934665603ULL;
      auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 1099511628211ULL; };
      for (auto w : k.linearized) mix(w);
      mix(0x9e3779b97f4a7c15ULL);
      for (auto v : k.s) mix(static_cast<std::uint64_t>(v));
      return h;
    }
  };
  std::unordered_set<memo_key, memo_hash> seen;
  bits linearized((n + 63) / 64, 0);
  state current;
  std::vector<std::pair<entry*, state>> stack;  // choices made, with the state before each

  result res;
  entry* e = head->next;
  while (head->next != nullptr) {
    if (e->is_call) {
      state next_state = current;
      if (Spec::step(next_state, ops[e->id])) {
        bits next_bits = linearized;
        next_bits[e->id / 64] |= 1ULL << (e->id % 64);
        if (seen.insert(memo_key{next_bits, next_state}).second) {
          ++res.states_explored;
          stack.emplace_back(e, std::move(current));
          current = std::move(next_state);
          linearized = std::move(next_bits);
          lift(e);
          e = head->next;
          continue;
        }
      }
      e = e->next;
    } else {
      if (stack.empty()) return res;  // not linearizable
      auto [call, before] = std::move(stack.back());
      stack.pop_back();
      current = std::move(before);
      linearized[call->id / 64] &= ~(1ULL << (call->id % 64));
      unlift(call);
      e = call->next;
    }
  }
  res.linearizable = true;
  return res;
}

/// A readable dump of a history, for failure messages.
inline std::string describe(const history& ops) {
  history sorted = ops;
  std::sort(sorted.begin(), sorted.end(),
            [](const operation& a, const operation& b) { return a.call < b.call; });
  std::string out;
  for (const auto& o : sorted) {
    out += "[" + std::to_string(o.call) + "," + std::to_string(o.ret) + "] " +
           (o.kind == op_kind::push ? "push " : "pop -> ") +
           (o.value == empty_value ? std::string("empty") : std::to_string(o.value)) + "\n";
  }
  return out;
}

}  // namespace gillab::test::lin
