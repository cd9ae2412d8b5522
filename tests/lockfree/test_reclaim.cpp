// The reclamation schemes on their own: retired nodes are freed once no guard
// can hold them, a protected node is never freed, and what a stalled reader
// does to each scheme's garbage (the issue's "hazard pointers stay bounded,
// epochs do not").
//
// The tests use their own domains (a tag per test) so that pending() counts
// only their garbage. The "register" they share is the simplest lock-free
// structure: one pointer that writers replace (exchange) and then retire the
// old node, as RCU updates do.
#include <catch2/catch.hpp>

#include "lockfree_lists.hpp"
#include "stress.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

using namespace gillab::locks;
using namespace gillab::locks::reclaim;
using gillab::test::eventually;
using gillab::test::maybe_yield;
using gillab::test::run_threads;
using gillab::test::sanitizer_slowdown;

static_assert(reclaimer<epoch>);
static_assert(reclaimer<hazard_pointers>);
static_assert(reclaimer<qsbr>);
static_assert(reclaimer<leak>);
static_assert(!reclaimer<int>);
static_assert(!reclaimer<spin_wait>);

namespace {

/// A node that counts the live instances of its tag, and can say whether it
/// was destroyed (it stays allocated in an arena owned by the test).
template <class Tag>
struct counted : retirable {
  static inline std::atomic<long> live{0};
  explicit counted(std::int64_t v) : value(v) { live.fetch_add(1, std::memory_order_relaxed); }
  ~counted() {
    value = -1;
    live.fetch_sub(1, std::memory_order_relaxed);
  }
  std::int64_t value;
};

/// Replace the register's node with a new one and retire the old one.
template <class R, class Node>
void replace(std::atomic<Node*>& reg, std::int64_t value) {
  Node* old = reg.exchange(new Node(value), std::memory_order_seq_cst);
  R::retire(old);
}

template <class R, class Node>
void clear(std::atomic<Node*>& reg) {
  R::retire(reg.exchange(nullptr, std::memory_order_seq_cst));
}

struct freed_tag {};
struct protect_tag {};

}  // namespace

TEMPLATE_TEST_CASE("retired nodes are freed once no guard can hold them", "[lockfree][reclaim]",
                   basic_epoch<freed_tag>, basic_hazard_pointers<freed_tag>, basic_qsbr<freed_tag>) {
  using R = TestType;
  using node = counted<R>;
  const int threads = 4;
  const int per_thread = 5000 / sanitizer_slowdown;
  std::atomic<node*> reg{new node(0)};
  run_threads(threads, [&](int t) {
    for (int i = 0; i < per_thread; ++i) {
      {
        typename R::guard guard;
        node* seen = guard.protect(0, reg);
        if (seen->value < 0) std::abort();  // read a destroyed node: the scheme freed it early
        maybe_yield(32);
      }
      R::quiescent_state();
      replace<R>(reg, t * 1'000'000 + i + 1);
    }
    R::flush();
  });
  // While threads ran, garbage stayed bounded per thread (no one stalled).
  CHECK(node::live.load() <= 1 + threads * 4 * 64 + 64);
  clear<R>(reg);
  R::flush();
  R::flush();
  gillab::test::leave_domain<R>();
  R::flush();
  CHECK(node::live.load() == 0);
  CHECK(R::pending() == 0);
}

TEMPLATE_TEST_CASE("a node protected by a guard is not freed until the guard ends",
                   "[lockfree][reclaim]", basic_epoch<protect_tag>,
                   basic_hazard_pointers<protect_tag>, basic_qsbr<protect_tag>) {
  using R = TestType;
  using node = counted<R>;
  std::atomic<node*> reg{new node(42)};
  std::atomic<bool> holding{false};
  std::atomic<bool> done_replacing{false};
  std::atomic<bool> release{false};
  std::atomic<bool> still_valid{true};
  std::atomic<bool> released{false};
  std::thread reader([&] {
    {
      typename R::guard guard;
      node* seen = guard.protect(0, reg);
      holding.store(true);
      while (!done_replacing.load()) std::this_thread::yield();
      if (seen->value != 42) still_valid.store(false);
      while (!release.load()) std::this_thread::yield();
      if (seen->value != 42) still_valid.store(false);
    }
    R::quiescent_state();
    gillab::test::leave_domain<R>();
    released.store(true);
  });
  while (!holding.load()) std::this_thread::yield();
  for (int i = 0; i < 1000; ++i) replace<R>(reg, i);
  R::flush();
  R::flush();
  done_replacing.store(true);
  // The node the reader holds (and, for epochs and QSBR, everything retired
  // since) is still there; for hazard pointers, only that one.
  CHECK(R::pending() >= 1);
  if constexpr (std::is_same_v<R, basic_hazard_pointers<protect_tag>>) CHECK(R::pending() == 1);
  release.store(true);
  CHECK(eventually([&] { return released.load(); }));
  reader.join();
  CHECK(still_valid.load());
  clear<R>(reg);
  R::flush();
  R::flush();
  gillab::test::leave_domain<R>();
  R::flush();
  CHECK(node::live.load() == 0);
}

namespace {

struct stall_tag {};

/// Writers replace and retire `rounds` nodes while a reader sits stalled in
/// a guard holding one node; returns the domain's garbage after each round.
template <class R>
std::vector<std::size_t> garbage_with_stalled_reader(int writers, int per_round, int rounds) {
  using node = counted<R>;
  std::atomic<node*> reg{new node(1)};
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::atomic<bool> still_valid{true};
  std::thread staller([&] {
    {
      typename R::guard guard;
      node* seen = guard.protect(0, reg);
      holding.store(true);
      while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      if (seen->value != 1) still_valid.store(false);
    }
    R::quiescent_state();
    gillab::test::leave_domain<R>();
  });
  while (!holding.load()) std::this_thread::yield();
  std::vector<std::size_t> garbage;
  for (int round = 0; round < rounds; ++round) {
    run_threads(writers, [&](int t) {
      for (int i = 0; i < per_round; ++i) {
        {
          typename R::guard guard;
          if (guard.protect(0, reg)->value < 0) std::abort();
        }
        R::quiescent_state();
        replace<R>(reg, 2 + t);
      }
      R::flush();
      gillab::test::leave_domain<R>();
    });
    garbage.push_back(R::pending());
  }
  release.store(true);
  staller.join();
  CHECK(still_valid.load());
  clear<R>(reg);
  R::flush();
  R::flush();
  gillab::test::leave_domain<R>();
  R::flush();
  // Once the reader has left, everything can be reclaimed again: the exited
  // writers' leftovers were donated to the domain and this flush adopts them.
  CHECK(node::live.load() == 0);
  CHECK(R::pending() == 0);
  return garbage;
}

}  // namespace

TEST_CASE("a stalled reader: epoch garbage grows without bound, hazard-pointer garbage stays bounded",
          "[lockfree][reclaim][stall]") {
  const int writers = 4;
  const int per_round = 20000 / sanitizer_slowdown;
  const int rounds = 3;
  const auto ops_per_round = static_cast<std::size_t>(writers * per_round);

  SECTION("epoch: every retirement since the stall is still pending") {
    using R = basic_epoch<stall_tag>;
    auto garbage = garbage_with_stalled_reader<R>(writers, per_round, rounds);
    INFO("pending after each round: " << garbage[0] << ", " << garbage[1] << ", " << garbage[2]);
    // Growth is linear in the work done: nothing retired since the stall was freed.
    for (int r = 0; r < rounds; ++r) {
      CHECK(garbage[static_cast<std::size_t>(r)] >= ops_per_round * static_cast<std::size_t>(r + 1));
    }
  }
  SECTION("qsbr: an online thread that never announces a quiescent state stops reclamation too") {
    using R = basic_qsbr<stall_tag>;
    auto garbage = garbage_with_stalled_reader<R>(writers, per_round, rounds);
    INFO("pending after each round: " << garbage[0] << ", " << garbage[1] << ", " << garbage[2]);
    for (int r = 0; r < rounds; ++r) {
      CHECK(garbage[static_cast<std::size_t>(r)] >= ops_per_round * static_cast<std::size_t>(r + 1));
    }
  }
  SECTION("hazard pointers: only the node the stalled reader holds is kept") {
    using R = basic_hazard_pointers<stall_tag>;
    auto garbage = garbage_with_stalled_reader<R>(writers, per_round, rounds);
    INFO("pending after each round: " << garbage[0] << ", " << garbage[1] << ", " << garbage[2]);
    // Michael's bound: per record at most 2H + 64 retired nodes, H the slots
    // in the domain; after the writers' final scans, only hazards survive.
    const std::size_t records = R::registry().size();
    const std::size_t slots = records * R::max_slots;
    for (std::size_t g : garbage) {
      CHECK(g <= records * (2 * slots + R::min_scan_interval));
      CHECK(g < ops_per_round / 10);
    }
    CHECK(garbage.back() <= garbage.front() + slots);  // no growth with the work done
  }
}

TEST_CASE("qsbr: a thread offline does not hold reclamation back", "[lockfree][reclaim][qsbr]") {
  struct offline_tag {};
  using R = basic_qsbr<offline_tag>;
  using node = counted<R>;
  std::atomic<node*> reg{new node(1)};
  std::atomic<bool> offline{false};
  std::atomic<bool> release{false};
  std::thread idle([&] {
    {
      typename R::guard guard;  // comes online
      (void)guard.protect(0, reg);
    }
    R::offline_region blocked;  // then blocks, holding nothing
    offline.store(true);
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  while (!offline.load()) std::this_thread::yield();
  const int n = 10000 / sanitizer_slowdown;
  for (int i = 0; i < n; ++i) {
    R::quiescent_state();
    replace<R>(reg, i + 2);
  }
  R::flush();
  CHECK(R::pending() <= 2 * R::reclaim_threshold);
  release.store(true);
  idle.join();
  clear<R>(reg);
  R::flush();
  R::offline();
  R::flush();
  CHECK(node::live.load() == 0);
}

namespace {
struct object_tag {};
/// Not a retirable: retired through retire_object's box.
struct plain_object {
  static inline std::atomic<long> live{0};
  explicit plain_object(int v) : value(v) { live.fetch_add(1); }
  ~plain_object() {
    value = -1;
    live.fetch_sub(1);
  }
  int value;
};
}  // namespace

TEMPLATE_TEST_CASE("retire_object: objects without the header are freed by the scheme too",
                   "[lockfree][reclaim]", basic_epoch<object_tag>, basic_hazard_pointers<object_tag>,
                   basic_qsbr<object_tag>, basic_leak<object_tag>) {
  using R = TestType;
  std::atomic<plain_object*> reg{new plain_object(7)};
  {
    typename R::guard guard;
    plain_object* held = guard.protect(0, reg);
    retire_object<R>(reg.exchange(new plain_object(8)));
    R::flush();
    CHECK(held->value == 7);  // the reader's object survives the retirement
    CHECK(plain_object::live.load() == 2);
  }
  R::quiescent_state();
  retire_object<R>(reg.exchange(nullptr));
  gillab::test::leave_domain<R>();
  R::flush();
  R::flush();
  if constexpr (!std::is_same_v<R, basic_leak<object_tag>>) CHECK(plain_object::live.load() == 0);
}
