// The reader-writer lock lets readers overlap, excludes writers, and prefers
// writers: once a writer waits, new readers wait behind it.
#include <gillab/locks/rw_lock.hpp>

#include <catch2/catch.hpp>

#include "stress.hpp"

#include <mutex>
#include <shared_mutex>
#include <thread>
#include <vector>

using gillab::locks::rw_lock;
using gillab::test::eventually;
using namespace std::chrono_literals;

TEST_CASE("rw_lock: readers really overlap", "[locks][rw]") {
  rw_lock lock;
  const int readers = 4;
  std::atomic<int> inside{0};
  std::atomic<int> all_seen{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < readers; ++i) {
    threads.emplace_back([&] {
      std::shared_lock guard(lock);
      inside.fetch_add(1);
      // Stay inside until every reader is inside at once (or give up).
      if (eventually([&] { return inside.load() == readers; }, 10s)) all_seen.fetch_add(1);
    });
  }
  for (auto& t : threads) t.join();
  CHECK(all_seen.load() == readers);
}

TEST_CASE("rw_lock: a writer excludes readers and other writers", "[locks][rw]") {
  rw_lock lock;
  lock.lock();
  std::atomic<int> entered{0};
  std::thread reader([&] {
    std::shared_lock guard(lock);
    entered.fetch_add(1);
  });
  std::thread writer([&] {
    std::lock_guard guard(lock);
    entered.fetch_add(1);
  });
  std::this_thread::sleep_for(100ms);
  CHECK(entered.load() == 0);
  lock.unlock();
  reader.join();
  writer.join();
  CHECK(entered.load() == 2);
}

TEST_CASE("rw_lock: a waiting writer shuts out new readers (writer preference)", "[locks][rw]") {
  rw_lock lock;
  lock.lock_shared();  // an old reader holds the lock
  std::atomic<bool> writer_in{false};
  std::thread writer([&] {
    lock.lock();
    writer_in.store(true);
    lock.unlock();
  });
  // The writer is registered once a new reader can no longer get in.
  REQUIRE(eventually([&] {
    if (lock.try_lock_shared()) {
      lock.unlock_shared();
      return false;
    }
    return true;
  }));
  CHECK_FALSE(writer_in.load());
  std::atomic<bool> late_reader_in{false};
  std::atomic<bool> writer_was_first{false};
  std::thread late_reader([&] {
    std::shared_lock guard(lock);
    late_reader_in.store(true);
    writer_was_first.store(writer_in.load());
  });
  std::this_thread::sleep_for(50ms);
  CHECK_FALSE(late_reader_in.load());  // blocked behind the writer
  lock.unlock_shared();                // the old reader leaves: writer, then reader
  writer.join();
  late_reader.join();
  CHECK(writer_in.load());
  CHECK(late_reader_in.load());
  CHECK(writer_was_first.load());  // the writer, waiting before this reader came, went first
  CHECK(lock.state_for_testing() == 0);
}
