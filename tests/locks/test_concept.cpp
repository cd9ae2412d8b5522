// The concept and the standard Lockable requirements, checked at compile time
// and by using the standard RAII wrappers.
#include <gillab/locks/locks.hpp>

#include <catch2/catch.hpp>

#include "lock_lists.hpp"

#include <mutex>
#include <shared_mutex>
#include <thread>

using namespace gillab::locks;

namespace {
template <class Tuple>
struct all_lockable;
template <class... L>
struct all_lockable<std::tuple<L...>> : std::bool_constant<(lockable<L> && ...)> {};
}  // namespace

static_assert(all_lockable<all_locks>::value);
static_assert(shared_lockable<rw_lock>);
static_assert(!lockable<std::mutex>, "no name: the concept asks more than Lockable");
static_assert(sizeof(parking_mutex) == 1);

TEMPLATE_TEST_CASE("standard RAII wrappers work with every lock", "[locks][concept]", GILLAB_ALL_LOCKS) {
  TestType a;
  TestType b;
  {
    std::scoped_lock both(a, b);  // std::lock's deadlock-avoiding protocol uses try_lock
    bool other_got_a = true;
    std::thread([&] { other_got_a = a.try_lock(); }).join();
    CHECK_FALSE(other_got_a);
  }
  {
    std::unique_lock guard(a, std::try_to_lock);
    CHECK(guard.owns_lock());
  }
  std::lock_guard guard(b);
  bool other_got_b = true;
  std::thread([&] { other_got_b = b.try_lock(); }).join();
  CHECK_FALSE(other_got_b);
}

TEMPLATE_TEST_CASE("try_lock succeeds on a free lock and fails on a held one", "[locks][try_lock]", GILLAB_ALL_LOCKS) {
  TestType lock;
  REQUIRE(lock.try_lock());
  bool got = true;
  std::thread([&] { got = lock.try_lock(); }).join();
  CHECK_FALSE(got);
  lock.unlock();
  std::thread([&] {
    got = lock.try_lock();
    if (got) lock.unlock();
  }).join();
  CHECK(got);
  // Repeated lock/unlock cycles leave it free (queue locks recycle nodes).
  for (int i = 0; i < 1000; ++i) {
    lock.lock();
    lock.unlock();
  }
  CHECK(lock.try_lock());
  lock.unlock();
}

TEST_CASE("rw_lock: try_lock_shared admits readers together and refuses them under a writer",
          "[locks][try_lock][rw]") {
  rw_lock lock;
  REQUIRE(lock.try_lock_shared());
  bool got = false;
  std::thread([&] {
    got = lock.try_lock_shared();
    if (got) lock.unlock_shared();
  }).join();
  CHECK(got);
  bool writer_got = true;
  std::thread([&] { writer_got = lock.try_lock(); }).join();
  CHECK_FALSE(writer_got);
  lock.unlock_shared();
  lock.lock();
  std::thread([&] { got = lock.try_lock_shared(); }).join();
  CHECK_FALSE(got);
  lock.unlock();
}
