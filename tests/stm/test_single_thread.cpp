// Single-thread semantics of every algorithm: read-own-writes, rollback on
// explicit abort and on exceptions, flat nesting, allocation and freeing in
// aborted transactions (leak-checked under ASan), irrevocable mode, capacity
// aborts, statistics.
#include "stm_configs.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>

using namespace gillab::stm;

namespace {
struct node {
  std::int64_t value;
  node* next;
};
}  // namespace

TEMPLATE_TEST_CASE("reads see the transaction's own writes", "[stm][single]", tl2, norec, etl) {
  TVar<std::int64_t> a(1), b(2);
  std::int64_t raw = 10;
  const auto seen = atomically<TestType>([&](auto& tx) {
    tx.store(a, tx.load(a) + 5);
    tx.store(&raw, tx.load(&raw) * 3);
    tx.store(&raw, tx.load(&raw) + 1);
    return tx.load(a) * 100 + tx.load(b) * 1000 + tx.load(&raw);
  });
  CHECK(seen == 600 + 2000 + 31);
  CHECK(a.unsafe_load() == 6);
  CHECK(raw == 31);
}

TEMPLATE_TEST_CASE("TVar holds words of any trivially copyable type", "[stm][single]", tl2, norec, etl) {
  TVar<double> d(1.5);
  TVar<std::int32_t> i(-7);
  TVar<const char*> p("x");
  static const char* const other = "y";
  atomically<TestType>([&](auto& tx) {
    tx.store(d, tx.load(d) * 2);
    tx.store(i, tx.load(i) - 1);
    tx.store(p, other);
  });
  CHECK(d.unsafe_load() == 3.0);
  CHECK(i.unsafe_load() == -8);
  CHECK(p.unsafe_load() == other);
}

TEMPLATE_TEST_CASE("an explicit abort discards the attempt and runs the body again", "[stm][single]", tl2, norec,
                   etl) {
  reset_stats();
  TVar<std::int64_t> x(0);
  int runs = 0;
  atomically<TestType>([&](auto& tx) {
    ++runs;
    tx.store(x, tx.load(x) + 1);
    if (runs < 3) {
      CHECK(tx.load(x) == 1);  // the aborted attempts' writes are gone
      tx.abort();
    }
  });
  CHECK(runs == 3);
  CHECK(x.unsafe_load() == 1);
  const auto s = thread_stats();
  CHECK(s.aborts_of(abort_cause::explicit_abort) == 2);
  CHECK(s.commits == 1);
  CHECK(s.aborted_time.count() > 0);
  CHECK(last_abort().cause == abort_cause::explicit_abort);
}

TEMPLATE_TEST_CASE("an exception escaping the body discards its effects and propagates", "[stm][single]", tl2,
                   norec, etl) {
  TVar<std::int64_t> x(5);
  std::int64_t word_in_place = 7;
  bool aborted_handler = false, committed_handler = false;
  CHECK_THROWS_AS(atomically<TestType>([&](auto& tx) {
                    tx.store(x, 99);
                    tx.store(&word_in_place, 99);
                    tx.on_abort([&] { aborted_handler = true; });
                    tx.on_commit([&] { committed_handler = true; });
                    throw std::runtime_error("give up");
                  }),
                  std::runtime_error);
  CHECK(x.unsafe_load() == 5);
  CHECK(word_in_place == 7);
  CHECK(aborted_handler);
  CHECK_FALSE(committed_handler);
  CHECK(thread_stats().exceptions >= 1);
}

TEMPLATE_TEST_CASE("nested atomically() joins the outer transaction (flat nesting)", "[stm][single]", tl2, norec,
                   etl) {
  TVar<std::int64_t> x(0);
  int outer_runs = 0;
  atomically<TestType>([&](auto& tx) {
    ++outer_runs;
    tx.store(x, 1);
    const auto inner = atomically<TestType>([&](auto& itx) {
      itx.store(x, itx.load(x) + 1);
      if (outer_runs == 1) itx.abort();  // aborts the whole (outermost) transaction
      return itx.load(x);
    });
    CHECK(inner == 2);
  });
  CHECK(outer_runs == 2);
  CHECK(x.unsafe_load() == 2);
}

TEST_CASE("nesting a different algorithm is refused", "[stm][single]") {
  TVar<std::int64_t> x(0);
  CHECK_THROWS_AS(atomically<tl2>([&](auto&) { atomically<norec>([&](auto& tx) { tx.store(x, 1); }); }),
                  std::logic_error);
  CHECK(x.unsafe_load() == 0);
}

TEMPLATE_TEST_CASE("allocation in aborted attempts is freed, frees of aborted attempts are undone",
                   "[stm][single][alloc]", tl2, norec, etl) {
  // Under ASan with detect_leaks=1, a block leaked by an aborted attempt fails the run.
  TVar<node*> head(nullptr);
  int runs = 0;
  atomically<TestType>([&](auto& tx) {
    ++runs;
    node* n = tx.template make<node>(node{1, tx.load(head)});
    void* scratch = tx.alloc(100);
    static_cast<char*>(scratch)[99] = 1;
    tx.store(head, n);
    if (runs < 3) tx.abort();
    tx.free(scratch);
  });
  REQUIRE(head.unsafe_load() != nullptr);
  CHECK(head.unsafe_load()->value == 1);
  CHECK(head.unsafe_load()->next == nullptr);
  // Free in an aborted attempt: the node must survive.
  runs = 0;
  atomically<TestType>([&](auto& tx) {
    ++runs;
    node* n = tx.load(head);
    tx.store(head, static_cast<node*>(nullptr));
    tx.destroy(n);
    if (runs == 1) tx.abort();
  });
  CHECK(head.unsafe_load() == nullptr);
  collect();
}

TEMPLATE_TEST_CASE("irrevocable mode commits and may be entered mid-transaction", "[stm][single]", tl2, norec,
                   etl) {
  reset_stats();
  TVar<std::int64_t> x(0);
  int side_effects = 0;
  atomically<TestType>([&](auto& tx) {
    tx.store(x, tx.load(x) + 1);
    tx.become_irrevocable();
    CHECK(tx.irrevocable());
    ++side_effects;  // would be I/O: runs once
    tx.store(x, tx.load(x) + 1);
  });
  CHECK(side_effects == 1);
  CHECK(x.unsafe_load() == 2);
  CHECK(thread_stats().irrevocable_commits == 1);
}

TEMPLATE_TEST_CASE("a capacity abort reruns the transaction irrevocably", "[stm][single]", tl2, norec, etl) {
  reset_stats();
  const auto old_limit = capacity_limit();
  set_capacity_limit(8);
  std::int64_t words[32] = {};
  atomically<TestType>([&](auto& tx) {
    for (auto& w : words) tx.store(&w, tx.load(&w) + 1);
  });
  set_capacity_limit(old_limit);
  for (auto w : words) CHECK(w == 1);
  const auto s = thread_stats();
  CHECK(s.aborts_of(abort_cause::capacity) == 1);
  CHECK(s.irrevocable_commits == 1);
}

TEMPLATE_TEST_CASE("the abort-every-Nth switch aborts and still commits everything", "[stm][single]", tl2, norec,
                   etl) {
  reset_stats();
  set_abort_every(3);
  TVar<std::int64_t> x(0);
  for (int i = 0; i < 30; ++i) atomically<TestType>([&](auto& tx) { tx.store(x, tx.load(x) + 1); });
  set_abort_every(0);
  CHECK(x.unsafe_load() == 30);
  const auto s = thread_stats();
  CHECK(s.aborts_of(abort_cause::injected) >= 10);
  CHECK(s.commits == 30);
}

TEMPLATE_TEST_CASE("retry() before reading anything is refused", "[stm][single]", tl2, norec, etl) {
  CHECK_THROWS_AS(atomically<TestType>([&](auto& tx) { tx.retry(); }), std::logic_error);
}

TEST_CASE("the registry runs every algorithm with every contention manager", "[stm][single]") {
  REQUIRE(registry().size() == 9);
  REQUIRE(find_runner("tl2/backoff") != nullptr);
  REQUIRE(find_runner("norec") != nullptr);
  CHECK(find_runner("nonsense") == nullptr);
  for (const auto& r : registry()) {
    INFO(r.name);
    TVar<std::int64_t> x(1);
    int runs = 0;
    r.run([&](dyn_tx& tx) {
      ++runs;
      tx.store(x, tx.load(x) * 2);
      if (runs == 1) tx.abort();
    });
    CHECK(x.unsafe_load() == 2);
    CHECK(runs == 2);
  }
}

TEST_CASE("the default atomically() needs no template arguments", "[stm][single]") {
  TVar<int> x(41);
  CHECK(atomically([&](auto& tx) {
          tx.store(x, tx.load(x) + 1);
          return tx.load(x);
        }) == 42);
}

TEMPLATE_TEST_CASE("commit handlers run after the commit and may start transactions", "[stm][single]", tl2, norec,
                   etl) {
  TVar<std::int64_t> x(0), y(0);
  std::int64_t seen_in_handler = -1;
  atomically<TestType>([&](auto& tx) {
    tx.store(x, 1);
    tx.on_commit([&] {
      seen_in_handler = x.unsafe_load();  // the commit is visible
      atomically<TestType>([&](auto& t2) { t2.store(y, t2.load(x) + 1); });
    });
  });
  CHECK(seen_in_handler == 1);
  CHECK(y.unsafe_load() == 2);
  CHECK(thread_stats().commits >= 2);
}

TEMPLATE_TEST_CASE("the low-level descriptor API drives transactions by hand (the VM's use)", "[stm][single]", tl2,
                   norec, etl) {
  auto& d = local_descriptor<TestType>();
  TVar<std::int64_t> x(1);
  transaction<TestType> tx(d);
  d.begin(false);
  tx.store(x, tx.load(x) + 1);
  d.commit();
  CHECK(x.unsafe_load() == 2);
  d.begin(false);
  tx.store(x, 100);
  const abort_signal signal{abort_cause::explicit_abort, nullptr, false};
  d.rollback(&signal);
  CHECK(x.unsafe_load() == 2);
  CHECK(last_abort().cause == abort_cause::explicit_abort);
}

TEMPLATE_TEST_CASE("atomically() nests inside begin()/commit(), and begin()/commit() inside atomically()",
                   "[stm][single][nesting]", tl2, norec, etl) {
  auto& d = local_descriptor<TestType>();
  TVar<std::int64_t> x(0), y(0);
  transaction<TestType> tx(d);

  // An explicitly begun transaction: the nested atomically() joins it, and
  // nothing is visible before the outer commit.
  d.begin(false);
  CHECK(d.depth() == 1);
  tx.store(x, 1);
  const auto inner = atomically<TestType>([&](auto& itx) {
    CHECK(d.depth() == 2);
    itx.store(y, itx.load(x) + 1);
    return itx.load(y);
  });
  CHECK(inner == 2);
  CHECK(d.depth() == 1);
  CHECK(y.unsafe_load() == 0);  // still buffered: one transaction
  d.commit();
  CHECK(d.depth() == 0);
  CHECK(x.unsafe_load() == 1);
  CHECK(y.unsafe_load() == 2);

  // An abort inside the nested atomically() unwinds to the explicit driver,
  // whose rollback discards the nested writes too.
  d.begin(false);
  tx.store(x, 10);
  bool aborted = false;
  try {
    atomically<TestType>([&](auto& itx) {
      itx.store(y, 20);
      itx.abort();
    });
  } catch (const abort_signal& signal) {
    aborted = true;
    CHECK(d.depth() == 1);
    d.rollback(&signal);
  }
  CHECK(aborted);
  CHECK(d.depth() == 0);
  CHECK(x.unsafe_load() == 1);
  CHECK(y.unsafe_load() == 2);

  // begin()/commit() inside atomically() open and close a nested level.
  int runs = 0;
  atomically<TestType>([&](auto& otx) {
    ++runs;
    otx.store(x, 5);
    d.begin(false);
    CHECK(d.depth() == 2);
    transaction<TestType>(d).store(y, 6);
    d.commit();
    CHECK(d.depth() == 1);
    if (runs == 1) otx.abort();  // discards the nested level's write as well
  });
  CHECK(runs == 2);
  CHECK(x.unsafe_load() == 5);
  CHECK(y.unsafe_load() == 6);
}

TEMPLATE_TEST_CASE("an exception from a nested atomically() rolls back nothing by itself", "[stm][single][nesting]",
                   tl2, norec, etl) {
  // Flat nesting (transaction.hpp): caught by the outer body, the nested
  // writes made before the throw commit with the outer transaction; escaping
  // the outermost atomically(), everything is discarded.
  TVar<std::int64_t> x(0), y(0);
  atomically<TestType>([&](auto& tx) {
    tx.store(x, 1);
    try {
      atomically<TestType>([&](auto& itx) {
        itx.store(y, 1);
        throw std::runtime_error("inner");
      });
    } catch (const std::runtime_error&) {
    }
  });
  CHECK(x.unsafe_load() == 1);
  CHECK(y.unsafe_load() == 1);
  CHECK_THROWS_AS(atomically<TestType>([&](auto& tx) {
                    tx.store(x, 2);
                    atomically<TestType>([&](auto& itx) {
                      itx.store(y, 2);
                      throw std::runtime_error("inner");
                    });
                  }),
                  std::runtime_error);
  CHECK(x.unsafe_load() == 1);
  CHECK(y.unsafe_load() == 1);
  CHECK(local_descriptor<TestType>().depth() == 0);
}

TEMPLATE_TEST_CASE("an exception from a commit handler leaves the transaction committed", "[stm][single]", tl2,
                   norec, etl) {
  TVar<std::int64_t> x(0);
  int runs = 0;
  CHECK_THROWS_AS(atomically<TestType>([&](auto& tx) {
                    ++runs;
                    tx.store(x, 7);
                    tx.on_commit([] { throw std::runtime_error("after the commit point"); });
                  }),
                  std::runtime_error);
  CHECK(runs == 1);
  CHECK(x.unsafe_load() == 7);
  CHECK(local_descriptor<TestType>().depth() == 0);
  atomically<TestType>([&](auto& tx) { tx.store(x, tx.load(x) + 1); });  // the thread is usable again
  CHECK(x.unsafe_load() == 8);
}

TEMPLATE_TEST_CASE("reading the same locations again and again does not grow the read log without bound",
                   "[stm][single]", tl2, norec, etl) {
  // 64 words read 200 times each (12 800 reads) under a capacity limit of
  // 4 000 entries: with the read log compacted to one entry per address the
  // transaction stays far below it, commits revocably and aborts never.
  reset_stats();
  const auto old_limit = capacity_limit();
  set_capacity_limit(4000);
  std::int64_t words[64];
  for (int i = 0; i < 64; ++i) words[i] = i;
  const auto sum = atomically<TestType>([&](auto& tx) {
    std::int64_t s = 0;
    for (int round = 0; round < 200; ++round)
      for (auto& w : words) s += tx.load(&w);
    tx.store(&words[0], s);
    return s;
  });
  set_capacity_limit(old_limit);
  CHECK(sum == 200 * (63 * 64 / 2));
  CHECK(words[0] == sum);
  const auto s = thread_stats();
  CHECK(s.aborts_of(abort_cause::capacity) == 0);
  CHECK(s.irrevocable_commits == 0);
  CHECK(s.commits == 1);
}
