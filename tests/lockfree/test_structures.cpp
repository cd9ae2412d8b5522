// Stress tests of the lock-free structures: many threads, randomized yields,
// every value accounted for exactly once, and FIFO order per producer for the
// queues. Use-after-free and leaks show under the asan preset (a node freed
// while another thread reads it, a node never freed); races under tsan.
#include <catch2/catch.hpp>

#include "lockfree_lists.hpp"
#include "stress.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

using namespace gillab::locks;
using gillab::test::between_operations;
using gillab::test::leave_domain;
using gillab::test::maybe_yield;
using gillab::test::run_threads;
using gillab::test::sanitizer_slowdown;

namespace {

/// Values are producer * stride + sequence number, so each producer's
/// values are increasing and all are distinct.
constexpr std::int64_t stride = 1'000'000;

/// Every value in [0, producers) x [0, per_producer) exactly once.
bool exactly_once(std::vector<std::int64_t> values, int producers, int per_producer) {
  std::vector<std::int64_t> expected;
  for (int p = 0; p < producers; ++p) {
    for (int i = 0; i < per_producer; ++i) expected.push_back(p * stride + i);
  }
  std::sort(values.begin(), values.end());
  return values == expected;
}

/// In each consumer's sequence, each producer's values appear in order.
bool fifo_per_producer(const std::vector<std::vector<std::int64_t>>& per_consumer, int producers) {
  for (const auto& seq : per_consumer) {
    std::vector<std::int64_t> last(static_cast<std::size_t>(producers), -1);
    for (std::int64_t v : seq) {
      auto& l = last[static_cast<std::size_t>(v / stride)];
      if (v <= l) return false;
      l = v;
    }
  }
  return true;
}

std::vector<std::int64_t> flatten(const std::vector<std::vector<std::int64_t>>& parts) {
  std::vector<std::int64_t> all;
  for (const auto& p : parts) all.insert(all.end(), p.begin(), p.end());
  return all;
}

}  // namespace

TEMPLATE_TEST_CASE("treiber_stack: one thread sees LIFO order", "[lockfree][stack]",
                   GILLAB_RECLAIMERS) {
  treiber_stack<int, TestType> stack;
  CHECK(stack.empty());
  CHECK_FALSE(stack.pop().has_value());
  for (int i = 0; i < 100; ++i) stack.push(i);
  CHECK_FALSE(stack.empty());
  for (int i = 99; i >= 0; --i) {
    auto v = stack.pop();
    REQUIRE(v.has_value());
    CHECK(*v == i);
  }
  CHECK_FALSE(stack.pop().has_value());
  leave_domain<TestType>();
}

TEMPLATE_TEST_CASE("ms_queue: one thread sees FIFO order", "[lockfree][queue]", GILLAB_RECLAIMERS) {
  ms_queue<int, TestType> queue;
  CHECK(queue.empty());
  CHECK_FALSE(queue.dequeue().has_value());
  for (int i = 0; i < 100; ++i) queue.enqueue(i);
  CHECK_FALSE(queue.empty());
  for (int i = 0; i < 100; ++i) {
    auto v = queue.dequeue();
    REQUIRE(v.has_value());
    CHECK(*v == i);
  }
  CHECK_FALSE(queue.dequeue().has_value());
  leave_domain<TestType>();
}

TEMPLATE_TEST_CASE("treiber_stack: threads pushing and popping lose and duplicate nothing",
                   "[lockfree][stack][stress]", GILLAB_RECLAIMERS) {
  const int threads = GENERATE(2, 8);
  const int per_thread = 20000 / sanitizer_slowdown;
  treiber_stack<std::int64_t, TestType> stack;
  std::vector<std::vector<std::int64_t>> popped(static_cast<std::size_t>(threads));
  run_threads(threads, [&](int t) {
    auto& mine = popped[static_cast<std::size_t>(t)];
    for (int i = 0; i < per_thread; ++i) {
      stack.push(t * stride + i);
      maybe_yield(16);
      between_operations<TestType>();
      if (i % 3 != 2) {  // pop two of every three: the stack grows and shrinks
        if (auto v = stack.pop()) mine.push_back(*v);
        between_operations<TestType>();
      }
    }
  });
  auto all = flatten(popped);
  while (auto v = stack.pop()) all.push_back(*v);
  leave_domain<TestType>();
  CHECK(exactly_once(all, threads, per_thread));
}

TEMPLATE_TEST_CASE("ms_queue: threads enqueueing and dequeueing lose nothing and keep FIFO per producer",
                   "[lockfree][queue][stress]", GILLAB_RECLAIMERS) {
  const int threads = GENERATE(2, 8);
  const int per_thread = 20000 / sanitizer_slowdown;
  ms_queue<std::int64_t, TestType> queue;
  std::vector<std::vector<std::int64_t>> dequeued(static_cast<std::size_t>(threads));
  run_threads(threads, [&](int t) {
    auto& mine = dequeued[static_cast<std::size_t>(t)];
    for (int i = 0; i < per_thread; ++i) {
      queue.enqueue(t * stride + i);
      maybe_yield(16);
      between_operations<TestType>();
      if (i % 3 != 2) {
        if (auto v = queue.dequeue()) mine.push_back(*v);
        between_operations<TestType>();
      }
    }
  });
  std::vector<std::int64_t> rest;
  while (auto v = queue.dequeue()) rest.push_back(*v);
  leave_domain<TestType>();
  dequeued.push_back(rest);
  CHECK(fifo_per_producer(dequeued, threads));
  CHECK(exactly_once(flatten(dequeued), threads, per_thread));
}

TEMPLATE_TEST_CASE("ms_queue: separate producers and consumers, consumers racing on an often-empty queue",
                   "[lockfree][queue][stress]", GILLAB_RECLAIMERS) {
  const int producers = 4;
  const int consumers = 4;
  const int per_producer = 20000 / sanitizer_slowdown;
  ms_queue<std::int64_t, TestType> queue;
  std::atomic<int> remaining{producers * per_producer};
  std::vector<std::vector<std::int64_t>> dequeued(static_cast<std::size_t>(consumers));
  run_threads(producers + consumers, [&](int t) {
    if (t < producers) {
      for (int i = 0; i < per_producer; ++i) {
        queue.enqueue(t * stride + i);
        maybe_yield(8);
        between_operations<TestType>();
      }
    } else {
      auto& mine = dequeued[static_cast<std::size_t>(t - producers)];
      while (remaining.load(std::memory_order_relaxed) > 0) {
        if (auto v = queue.dequeue()) {
          mine.push_back(*v);
          remaining.fetch_sub(1, std::memory_order_relaxed);
        } else {
          maybe_yield(2);
        }
        between_operations<TestType>();
      }
    }
  });
  CHECK(queue.empty());
  leave_domain<TestType>();
  CHECK(fifo_per_producer(dequeued, producers));
  CHECK(exactly_once(flatten(dequeued), producers, per_producer));
}

TEMPLATE_TEST_CASE("structures destroyed non-empty free their nodes and values", "[lockfree][leaks]",
                   GILLAB_RECLAIMERS) {
  // Heap-owning values: a leaked node or value shows under asan's leak check.
  {
    treiber_stack<std::string, TestType> stack;
    ms_queue<std::string, TestType> queue;
    for (int i = 0; i < 100; ++i) {
      stack.push(std::string(64, static_cast<char>('a' + i % 26)));
      queue.enqueue(std::string(64, static_cast<char>('a' + i % 26)));
    }
    for (int i = 0; i < 50; ++i) {
      CHECK(stack.pop()->size() == 64);
      CHECK(queue.dequeue()->size() == 64);
    }
  }
  TestType::flush();
  leave_domain<TestType>();
  SUCCEED();
}

TEST_CASE("mpmc_queue: bounded, FIFO, reports full and empty", "[lockfree][mpmc]") {
  mpmc_queue<std::unique_ptr<int>> queue(5);  // rounded up to 8
  CHECK(queue.capacity() == 8);
  CHECK_FALSE(queue.try_dequeue().has_value());
  for (int i = 0; i < 8; ++i) CHECK(queue.try_enqueue(std::make_unique<int>(i)));
  CHECK_FALSE(queue.try_enqueue(std::make_unique<int>(99)));
  for (int i = 0; i < 4; ++i) CHECK(**queue.try_dequeue() == i);
  for (int i = 8; i < 12; ++i) CHECK(queue.try_enqueue(std::make_unique<int>(i)));
  for (int i = 4; i < 12; ++i) CHECK(**queue.try_dequeue() == i);
  CHECK_FALSE(queue.try_dequeue().has_value());
  for (int i = 0; i < 3; ++i) queue.enqueue(std::make_unique<int>(i));  // left for the destructor
}

// enqueue() on a full ring retries with the same value: a failed try_enqueue
// must leave it intact. (When try_enqueue took T by value, the first failure
// destroyed the 7 and the retry that succeeded enqueued a moved-from, null
// unique_ptr: silent loss.)
TEST_CASE("mpmc_queue: enqueue blocked on a full ring keeps its value", "[lockfree][mpmc]") {
  mpmc_queue<std::unique_ptr<int>> queue(4);
  for (int i = 0; i < 4; ++i) REQUIRE(queue.try_enqueue(std::make_unique<int>(i)));
  std::atomic<bool> started{false};
  std::atomic<bool> enqueued{false};
  std::thread producer([&] {
    started.store(true);
    queue.enqueue(std::make_unique<int>(7));  // full: spins, then yields, until a slot frees
    enqueued.store(true);
  });
  while (!started.load()) std::this_thread::yield();
  // Give it time to fail some attempts; it cannot finish while the ring is full.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK_FALSE(enqueued.load());
  auto first = queue.try_dequeue();
  producer.join();
  CHECK(enqueued.load());
  REQUIRE(first.has_value());
  REQUIRE(*first != nullptr);
  CHECK(**first == 0);
  std::vector<int> rest;
  bool any_null = false;
  while (auto v = queue.try_dequeue()) {
    if (*v == nullptr) {
      any_null = true;
    } else {
      rest.push_back(**v);
    }
  }
  CHECK_FALSE(any_null);
  CHECK(rest == std::vector<int>{1, 2, 3, 7});
}

TEST_CASE("mpmc_queue: producers and consumers through a small ring lose nothing, FIFO per producer",
          "[lockfree][mpmc][stress]") {
  const int producers = 4;
  const int consumers = 4;
  const int per_producer = 20000 / sanitizer_slowdown;
  const std::size_t capacity = GENERATE(std::size_t{2}, std::size_t{64});
  mpmc_queue<std::int64_t> queue(capacity);
  std::atomic<int> remaining{producers * per_producer};
  std::vector<std::vector<std::int64_t>> dequeued(static_cast<std::size_t>(consumers));
  run_threads(producers + consumers, [&](int t) {
    if (t < producers) {
      for (int i = 0; i < per_producer; ++i) {
        gillab::locks::spin_wait wait;
        while (!queue.try_enqueue(t * stride + i)) wait.once();  // full: consumers drain it
        maybe_yield(8);
      }
    } else {
      auto& mine = dequeued[static_cast<std::size_t>(t - producers)];
      while (remaining.load(std::memory_order_relaxed) > 0) {
        if (auto v = queue.try_dequeue()) {
          mine.push_back(*v);
          remaining.fetch_sub(1, std::memory_order_relaxed);
        } else {
          maybe_yield(2);
        }
      }
    }
  });
  CHECK_FALSE(queue.try_dequeue().has_value());
  CHECK(fifo_per_producer(dequeued, producers));
  CHECK(exactly_once(flatten(dequeued), producers, per_producer));
}

namespace {
struct item : mpsc_node {
  std::int64_t value = 0;
};
}  // namespace

TEST_CASE("mpsc_queue: one thread sees FIFO order and node reuse works", "[lockfree][mpsc]") {
  mpsc_queue<item> queue;
  std::vector<item> items(10);
  CHECK(queue.empty());
  CHECK(queue.pop() == nullptr);
  for (int round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      items[i].value = static_cast<std::int64_t>(i);
      queue.push(&items[i]);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      item* it = queue.pop();
      REQUIRE(it == &items[i]);
      CHECK(it->value == static_cast<std::int64_t>(i));
    }
    CHECK(queue.pop() == nullptr);
    CHECK(queue.empty());
  }
}

TEST_CASE("mpsc_queue: producers racing one consumer lose nothing, FIFO per producer",
          "[lockfree][mpsc][stress]") {
  const int producers = GENERATE(1, 7);
  const int per_producer = 20000 / sanitizer_slowdown;
  mpsc_queue<item> queue;
  std::vector<std::unique_ptr<item[]>> nodes;
  for (int p = 0; p < producers; ++p) {
    nodes.push_back(std::make_unique<item[]>(static_cast<std::size_t>(per_producer)));
  }
  std::vector<std::vector<std::int64_t>> consumed(1);
  run_threads(producers + 1, [&](int t) {
    if (t < producers) {
      item* mine = nodes[static_cast<std::size_t>(t)].get();
      for (int i = 0; i < per_producer; ++i) {
        mine[static_cast<std::size_t>(i)].value = t * stride + i;
        queue.push(&mine[static_cast<std::size_t>(i)]);
        maybe_yield(8);
      }
    } else {
      auto& out = consumed[0];
      const auto total = static_cast<std::size_t>(producers * per_producer);
      while (out.size() < total) {
        if (item* it = queue.pop()) {
          out.push_back(it->value);
        } else {
          maybe_yield(2);
        }
      }
    }
  });
  CHECK(queue.pop() == nullptr);
  CHECK(fifo_per_producer(consumed, producers));
  CHECK(exactly_once(consumed[0], producers, per_producer));
}
