// FIFO order for ticket, MCS and CLH: threads that start waiting one after
// another acquire in that order. A test-and-set lock fails this test: when it
// is released, whichever spinner's exchange lands first wins, and with the
// randomized yields that is rarely the oldest waiter.
//
// The harness cannot see inside the queue, so it lets each waiter reach
// lock() and then gives it a settle time far longer than the few
// instructions between the signal and the enqueue, before starting the next.
#include <gillab/locks/locks.hpp>

#include <catch2/catch.hpp>

#include "lock_lists.hpp"

#include "stress.hpp"

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace gillab::locks;
using namespace std::chrono_literals;

namespace {

template <class Lock>
std::vector<int> acquisition_order(int waiters) {
  Lock lock;
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> threads;
  lock.lock();
  for (int i = 0; i < waiters; ++i) {
    std::atomic<bool> about_to_lock{false};
    threads.emplace_back([&, i] {
      about_to_lock.store(true);
      lock.lock();
      {
        std::lock_guard guard(order_mutex);
        order.push_back(i);
      }
      gillab::test::maybe_yield(2);
      lock.unlock();
    });
    while (!about_to_lock.load()) std::this_thread::yield();
    std::this_thread::sleep_for(gillab::test::sanitizer_slowdown > 1 ? 150ms : 50ms);
  }
  lock.unlock();
  for (auto& t : threads) t.join();
  return order;
}

}  // namespace

TEMPLATE_TEST_CASE("queue locks grant in arrival order", "[locks][fifo]", GILLAB_FIFO_LOCKS) {
  const int waiters = 5;
  std::vector<int> expected(waiters);
  for (int i = 0; i < waiters; ++i) expected[static_cast<std::size_t>(i)] = i;
  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    CHECK(acquisition_order<TestType>(waiters) == expected);
  }
}
