// The gil back-end on its own, without the interpreter: threads that attach
// and call safepoints as the eval loop does. Mutual exclusion (a plain
// counter incremented between safepoints ends exact, and clean under tsan),
// forced switching (two threads spinning on safepoints both make progress),
// blocking regions (release the GIL to others), in every variant.
#include <gillab/interp/backends/gil.hpp>

#include <catch2/catch.hpp>

#include "stress.hpp"

#include <atomic>
#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using gillab::interp::backends::gil;
using gillab::test::eventually;
using gillab::test::sanitizer_slowdown;

namespace {

const char* const variants[] = {"new", "legacy", "fair"};

}  // namespace

TEST_CASE("gil: a plain counter incremented between safepoints is exact", "[gil]") {
  for (const char* v : variants) {
    REQUIRE(gil::set_variant(v));
    const int threads = 4;
    const int increments = 200000 / sanitizer_slowdown;
    long counter = 0;  // plain: the GIL is the only protection
    gillab::test::run_threads(threads, [&](int) {
      gil::thread_state ts;
      gil::attach(ts);
      for (int i = 0; i < increments; ++i) {
        counter = counter + 1;
        (void)gil::safepoint(ts);
      }
      gil::detach(ts);
    });
    INFO("variant " << v);
    CHECK(counter == long{threads} * increments);
  }
  REQUIRE(gil::set_variant("new"));
}

TEST_CASE("gil: forced switching lets two spinning threads both progress", "[gil]") {
  for (const char* v : {"new", "fair"}) {
    REQUIRE(gil::set_variant(v));
    gil::set_switch_interval_us(1000);
    std::atomic<long> progress[2] = {0, 0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> spinners;
    for (int k = 0; k < 2; ++k) {
      spinners.emplace_back([&, k] {
        gil::thread_state ts;
        gil::attach(ts);
        while (!stop.load(std::memory_order_relaxed)) {
          progress[k].fetch_add(1, std::memory_order_relaxed);
          (void)gil::safepoint(ts);
        }
        gil::detach(ts);
      });
    }
    INFO("variant " << v);
    // Each must keep moving while the other also runs: a GIL without forced
    // switching could let one spinner keep it for good.
    for (int round = 0; round < 3; ++round) {
      const long a = progress[0].load(), b = progress[1].load();
      CHECK(eventually([&] { return progress[0].load() > a && progress[1].load() > b; }));
    }
    stop.store(true);
    for (auto& t : spinners) t.join();
    std::ostringstream stats;
    gil::write_statistics(stats);
    CHECK(stats.str().find("\"forced\": 0,") == std::string::npos);
  }
  gil::set_switch_interval_us(5000);
  REQUIRE(gil::set_variant("new"));
}

TEST_CASE("gil: a blocking region lets another thread take the GIL", "[gil]") {
  for (const char* v : variants) {
    REQUIRE(gil::set_variant(v));
    std::atomic<bool> second_ran{false};
    std::atomic<bool> first_back{false};
    gil::thread_state ts;
    gil::attach(ts);
    std::thread second([&] {
      gil::thread_state ts2;
      gil::attach(ts2);  // waits: the first thread holds the GIL
      second_ran.store(true);
      gil::detach(ts2);
    });
    {
      gillab::interp::blocking_region<gil> region(ts);
      // Without the GIL: the second thread can attach and finish.
      CHECK(eventually([&] { return second_ran.load(); }));
    }
    first_back.store(true);
    gil::detach(ts);
    second.join();
    INFO("variant " << v);
    CHECK(second_ran.load());
    CHECK(first_back.load());
  }
  REQUIRE(gil::set_variant("new"));
}

TEST_CASE("gil: variants and switch interval are set by name", "[gil]") {
  CHECK_FALSE(gil::set_variant("bogus"));
  REQUIRE(gil::set_variant("legacy"));
  CHECK(std::string(gil::variant_name()) == "legacy");
  REQUIRE(gil::set_variant("fair"));
  CHECK(gil::current_variant() == gil::variant::fair);
  REQUIRE(gil::set_variant("new"));
  CHECK(std::string(gil::variant_name()) == "new");
  gil::set_switch_interval_us(2000);
  CHECK(gil::switch_interval_us() == 2000);
  gil::set_switch_interval_us(5000);
  std::ostringstream stats;
  gil::write_statistics(stats);
  for (const char* field : {"\"switches\"", "\"voluntary\"", "\"forced\"", "\"drop_requests\"", "\"wait\"",
                            "\"threads\"", "\"hold_time_us_log2_histogram\"", "\"blocking\""}) {
    CHECK(stats.str().find(field) != std::string::npos);
  }
}
