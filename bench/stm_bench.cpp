// stm_bench.cpp — the classic STM micro benchmarks (issue "The stm/ library"),
// for every algorithm in stm/ against lock and TBB baselines:
//   BM_List<impl>/threads:T     sorted linked list, 256 initial keys, range 512
//   BM_RbTree<impl>/threads:T   red-black tree, 4096 initial keys, range 8192
//   BM_Hash<impl>/threads:T     hash set, 1024 buckets, 4096 initial keys, range 8192
//   BM_Bank<impl>/threads:T     1024 accounts; 80% transfers between two random
//                               accounts, 20% read-all audits (TinySTM's bank)
// Integer sets do 20% updates (half insert, half remove of a random key, so
// the size stays near its initial value) and 80% lookups, as TinySTM's intset.
// impl: tl2, norec, etl (default contention manager serial_after<8>),
// std::mutex (one lock), tbb::spin_rw_mutex (shared for read-only operations),
// tbb::concurrent_hash_map (hash set only; TBB's concurrent_set has no
// concurrent erase, so it fits none of these update mixes).
// Counters: `tx` operations (transactions) per second summed over threads;
// `abort_rate` aborted attempts per attempt (STM only, averaged over threads).
#include "bench_context.hpp"

#include <gillab/stm/stm.hpp>

#include <benchmark/benchmark.h>
#include <oneapi/tbb/concurrent_hash_map.h>
#include <oneapi/tbb/spin_rw_mutex.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace gillab;
using key_t = std::int64_t;

// --- accessors: one data-structure code for transactions and locks ---------

/// Plain access, for the lock baselines (the lock orders everything).
struct direct {
  template <class T>
  T load(const T* p) const noexcept {
    return *p;
  }
  template <class T>
  void store(T* p, std::type_identity_t<T> v) const noexcept {
    *p = v;
  }
  template <class T, class... Args>
  T* make(Args&&... args) const {
    return new T{std::forward<Args>(args)...};
  }
  template <class T>
  void destroy(T* p) const noexcept {
    delete p;
  }
};

/// Transactional access through a transaction<A>.
template <class Tx>
struct transactional {
  Tx& tx;
  template <class T>
  T load(const T* p) const {
    return tx.load(p);
  }
  template <class T>
  void store(T* p, std::type_identity_t<T> v) const {
    tx.store(p, v);
  }
  template <class T, class... Args>
  T* make(Args&&... args) const {
    return tx.template make<T>(T{std::forward<Args>(args)...});
  }
  template <class T>
  void destroy(T* p) const {
    tx.destroy(p);
  }
};

// --- sorted linked list ------------------------------------------------------

struct list_node {
  key_t key;
  list_node* next;
};

struct sorted_list {
  list_node* head;  // sentinel with key min; the tail sentinel has key max
  sorted_list() {
    auto* tail = new list_node{INT64_MAX, nullptr};
    head = new list_node{INT64_MIN, tail};
  }
  ~sorted_list() {
    for (list_node* n = head; n != nullptr;) {
      list_node* next = n->next;
      delete n;
      n = next;
    }
  }
  sorted_list(const sorted_list&) = delete;
  sorted_list& operator=(const sorted_list&) = delete;

  template <class Acc>
  bool contains(const Acc& a, key_t k) const {
    list_node* cur = a.load(&head->next);
    while (a.load(&cur->key) < k) cur = a.load(&cur->next);
    return a.load(&cur->key) == k;
  }
  template <class Acc>
  bool insert(const Acc& a, key_t k) {
    list_node* prev = head;
    list_node* cur = a.load(&prev->next);
    key_t ck;
    while ((ck = a.load(&cur->key)) < k) {
      prev = cur;
      cur = a.load(&cur->next);
    }
    if (ck == k) return false;
    a.store(&prev->next, a.template make<list_node>(k, cur));
    return true;
  }
  template <class Acc>
  bool remove(const Acc& a, key_t k) {
    list_node* prev = head;
    list_node* cur = a.load(&prev->next);
    key_t ck;
    while ((ck = a.load(&cur->key)) < k) {
      prev = cur;
      cur = a.load(&cur->next);
    }
    if (ck != k) return false;
    a.store(&prev->next, a.load(&cur->next));
    a.destroy(cur);
    return true;
  }
};

// --- red-black tree (CLRS / java.util.TreeMap shape, no sentinel) -----------

struct rb_node {
  key_t key;
  rb_node* left;
  rb_node* right;
  rb_node* parent;
  std::int64_t red;
};

struct rb_tree {
  rb_node* root = nullptr;
  rb_tree() = default;
  ~rb_tree() { free_subtree(root); }
  rb_tree(const rb_tree&) = delete;
  rb_tree& operator=(const rb_tree&) = delete;
  static void free_subtree(rb_node* n) {
    if (n == nullptr) return;
    free_subtree(n->left);
    free_subtree(n->right);
    delete n;
  }

  template <class Acc>
  static bool red(const Acc& a, rb_node* n) {
    return n != nullptr && a.load(&n->red) != 0;
  }
  template <class Acc>
  static void set_red(const Acc& a, rb_node* n, bool r) {
    if (n != nullptr) a.store(&n->red, r ? 1 : 0);
  }
  template <class Acc>
  static rb_node* parent(const Acc& a, rb_node* n) {
    return n == nullptr ? nullptr : a.load(&n->parent);
  }
  template <class Acc>
  static rb_node* left(const Acc& a, rb_node* n) {
    return n == nullptr ? nullptr : a.load(&n->left);
  }
  template <class Acc>
  static rb_node* right(const Acc& a, rb_node* n) {
    return n == nullptr ? nullptr : a.load(&n->right);
  }

  template <class Acc>
  void rotate_left(const Acc& a, rb_node* p) {
    rb_node* r = a.load(&p->right);
    rb_node* rl = a.load(&r->left);
    a.store(&p->right, rl);
    if (rl != nullptr) a.store(&rl->parent, p);
    rb_node* pp = a.load(&p->parent);
    a.store(&r->parent, pp);
    if (pp == nullptr) {
      a.store(&root, r);
    } else if (a.load(&pp->left) == p) {
      a.store(&pp->left, r);
    } else {
      a.store(&pp->right, r);
    }
    a.store(&r->left, p);
    a.store(&p->parent, r);
  }
  template <class Acc>
  void rotate_right(const Acc& a, rb_node* p) {
    rb_node* l = a.load(&p->left);
    rb_node* lr = a.load(&l->right);
    a.store(&p->left, lr);
    if (lr != nullptr) a.store(&lr->parent, p);
    rb_node* pp = a.load(&p->parent);
    a.store(&l->parent, pp);
    if (pp == nullptr) {
      a.store(&root, l);
    } else if (a.load(&pp->right) == p) {
      a.store(&pp->right, l);
    } else {
      a.store(&pp->left, l);
    }
    a.store(&l->right, p);
    a.store(&p->parent, l);
  }

  template <class Acc>
  rb_node* find(const Acc& a, key_t k) const {
    rb_node* n = a.load(&root);
    while (n != nullptr) {
      const key_t nk = a.load(&n->key);
      if (k == nk) return n;
      n = k < nk ? a.load(&n->left) : a.load(&n->right);
    }
    return nullptr;
  }
  template <class Acc>
  bool contains(const Acc& a, key_t k) const {
    return find(a, k) != nullptr;
  }

  template <class Acc>
  bool insert(const Acc& a, key_t k) {
    rb_node* n = a.load(&root);
    rb_node* p = nullptr;
    bool go_left = false;
    while (n != nullptr) {
      const key_t nk = a.load(&n->key);
      if (k == nk) return false;
      p = n;
      go_left = k < nk;
      n = go_left ? a.load(&n->left) : a.load(&n->right);
    }
    rb_node* x = a.template make<rb_node>(k, nullptr, nullptr, p, std::int64_t{1});
    if (p == nullptr) {
      a.store(&root, x);
    } else if (go_left) {
      a.store(&p->left, x);
    } else {
      a.store(&p->right, x);
    }
    // Fix-up after insertion.
    while (x != nullptr && x != a.load(&root) && red(a, parent(a, x))) {
      rb_node* xp = parent(a, x);
      rb_node* xpp = parent(a, xp);
      if (xp == left(a, xpp)) {
        rb_node* y = right(a, xpp);
        if (red(a, y)) {
          set_red(a, xp, false);
          set_red(a, y, false);
          set_red(a, xpp, true);
          x = xpp;
        } else {
          if (x == right(a, xp)) {
            x = xp;
            rotate_left(a, x);
          }
          set_red(a, parent(a, x), false);
          set_red(a, parent(a, parent(a, x)), true);
          if (parent(a, parent(a, x)) != nullptr) rotate_right(a, parent(a, parent(a, x)));
        }
      } else {
        rb_node* y = left(a, xpp);
        if (red(a, y)) {
          set_red(a, xp, false);
          set_red(a, y, false);
          set_red(a, xpp, true);
          x = xpp;
        } else {
          if (x == left(a, xp)) {
            x = xp;
            rotate_right(a, x);
          }
          set_red(a, parent(a, x), false);
          set_red(a, parent(a, parent(a, x)), true);
          if (parent(a, parent(a, x)) != nullptr) rotate_left(a, parent(a, parent(a, x)));
        }
      }
    }
    rb_node* r = a.load(&root);
    if (red(a, r)) set_red(a, r, false);
    return true;
  }

  template <class Acc>
  bool remove(const Acc& a, key_t k) {
    rb_node* p = find(a, k);
    if (p == nullptr) return false;
    // Two children: copy the successor's key into p, then delete the successor.
    if (a.load(&p->left) != nullptr && a.load(&p->right) != nullptr) {
      rb_node* s = a.load(&p->right);
      for (rb_node* l; (l = a.load(&s->left)) != nullptr;) s = l;
      a.store(&p->key, a.load(&s->key));
      p = s;
    }
    rb_node* replacement = a.load(&p->left) != nullptr ? a.load(&p->left) : a.load(&p->right);
    rb_node* pp = a.load(&p->parent);
    if (replacement != nullptr) {
      a.store(&replacement->parent, pp);
      if (pp == nullptr) {
        a.store(&root, replacement);
      } else if (p == a.load(&pp->left)) {
        a.store(&pp->left, replacement);
      } else {
        a.store(&pp->right, replacement);
      }
      if (!red(a, p)) fix_after_deletion(a, replacement);
    } else if (pp == nullptr) {
      a.store(&root, static_cast<rb_node*>(nullptr));
    } else {
      if (!red(a, p)) fix_after_deletion(a, p);
      pp = a.load(&p->parent);
      if (pp != nullptr) {
        if (p == a.load(&pp->left)) {
          a.store(&pp->left, static_cast<rb_node*>(nullptr));
        } else if (p == a.load(&pp->right)) {
          a.store(&pp->right, static_cast<rb_node*>(nullptr));
        }
      }
    }
    a.destroy(p);
    return true;
  }

  template <class Acc>
  void fix_after_deletion(const Acc& a, rb_node* x) {
    while (x != a.load(&root) && !red(a, x)) {
      if (x == left(a, parent(a, x))) {
        rb_node* sib = right(a, parent(a, x));
        if (red(a, sib)) {
          set_red(a, sib, false);
          set_red(a, parent(a, x), true);
          rotate_left(a, parent(a, x));
          sib = right(a, parent(a, x));
        }
        if (!red(a, left(a, sib)) && !red(a, right(a, sib))) {
          set_red(a, sib, true);
          x = parent(a, x);
        } else {
          if (!red(a, right(a, sib))) {
            set_red(a, left(a, sib), false);
            set_red(a, sib, true);
            rotate_right(a, sib);
            sib = right(a, parent(a, x));
          }
          set_red(a, sib, red(a, parent(a, x)));
          set_red(a, parent(a, x), false);
          set_red(a, right(a, sib), false);
          rotate_left(a, parent(a, x));
          x = a.load(&root);
        }
      } else {
        rb_node* sib = left(a, parent(a, x));
        if (red(a, sib)) {
          set_red(a, sib, false);
          set_red(a, parent(a, x), true);
          rotate_right(a, parent(a, x));
          sib = left(a, parent(a, x));
        }
        if (!red(a, right(a, sib)) && !red(a, left(a, sib))) {
          set_red(a, sib, true);
          x = parent(a, x);
        } else {
          if (!red(a, left(a, sib))) {
            set_red(a, right(a, sib), false);
            set_red(a, sib, true);
            rotate_left(a, sib);
            sib = left(a, parent(a, x));
          }
          set_red(a, sib, red(a, parent(a, x)));
          set_red(a, parent(a, x), false);
          set_red(a, left(a, sib), false);
          rotate_right(a, parent(a, x));
          x = a.load(&root);
        }
      }
    }
    set_red(a, x, false);
  }
};

// --- hash set: fixed buckets of sorted lists ---------------------------------

struct hash_set {
  static constexpr std::size_t buckets = 1024;
  std::vector<std::unique_ptr<sorted_list>> table;
  hash_set() {
    table.reserve(buckets);
    for (std::size_t i = 0; i < buckets; ++i) table.push_back(std::make_unique<sorted_list>());
  }
  sorted_list& bucket(key_t k) const { return *table[static_cast<std::size_t>(k) % buckets]; }
  template <class Acc>
  bool contains(const Acc& a, key_t k) const {
    return bucket(k).contains(a, k);
  }
  template <class Acc>
  bool insert(const Acc& a, key_t k) {
    return bucket(k).insert(a, k);
  }
  template <class Acc>
  bool remove(const Acc& a, key_t k) {
    return bucket(k).remove(a, k);
  }
};

// --- bank ---------------------------------------------------------------------

struct bank {
  static constexpr int accounts = 1024;
  std::unique_ptr<std::int64_t[]> balance{new std::int64_t[accounts]()};
  template <class Acc>
  void transfer(const Acc& a, int from, int to) {
    a.store(&balance[from], a.load(&balance[from]) - 1);
    a.store(&balance[to], a.load(&balance[to]) + 1);
  }
  template <class Acc>
  std::int64_t total(const Acc& a) const {
    std::int64_t sum = 0;
    for (int i = 0; i < accounts; ++i) sum += a.load(&balance[i]);
    return sum;
  }
};

// --- how each implementation runs one operation ------------------------------

template <class A>
struct stm_impl {
  static std::string name() { return std::string(A::name); }
  static constexpr bool is_stm = true;
  template <class F>
  auto run(bool /*read_only*/, F&& f) {
    return stm::atomically<A>([&](auto& tx) { return f(transactional<std::remove_reference_t<decltype(tx)>>{tx}); });
  }
};

struct mutex_impl {
  static std::string name() { return "std::mutex"; }
  static constexpr bool is_stm = false;
  std::mutex m;
  template <class F>
  auto run(bool, F&& f) {
    std::lock_guard g(m);
    return f(direct{});
  }
};

struct spin_rw_impl {
  static std::string name() { return "tbb::spin_rw_mutex"; }
  static constexpr bool is_stm = false;
  tbb::spin_rw_mutex m;
  template <class F>
  auto run(bool read_only, F&& f) {
    tbb::spin_rw_mutex::scoped_lock g(m, /*write=*/!read_only);
    return f(direct{});
  }
};

struct set_params {
  int initial;
  key_t range;
  unsigned update_pct;
};
constexpr set_params list_params{256, 512, 20};
constexpr set_params tree_params{4096, 8192, 20};
constexpr set_params hash_params{4096, 8192, 20};

struct abort_counter {
  stm::stats before = stm::thread_stats();
  void report(benchmark::State& state) const {
    const auto after = stm::thread_stats();
    const double commits = static_cast<double>(after.commits - before.commits);
    const double aborts = static_cast<double>(after.total_aborts() - before.total_aborts());
    state.counters["abort_rate"] =
        benchmark::Counter(commits + aborts > 0 ? aborts / (commits + aborts) : 0.0, benchmark::Counter::kAvgThreads);
  }
};

template <class Set, class Impl>
void BM_IntSet(benchmark::State& state, set_params params) {
  static std::unique_ptr<Set> set;
  static std::unique_ptr<Impl> impl;
  if (state.thread_index() == 0) {
    set = std::make_unique<Set>();
    impl = std::make_unique<Impl>();
    std::mt19937_64 fill(42);
    for (int n = 0; n < params.initial;) n += set->insert(direct{}, static_cast<key_t>(fill() % params.range)) ? 1 : 0;
  }
  std::minstd_rand rng(static_cast<unsigned>(state.thread_index()) * 7919U + 17);
  abort_counter aborts;
  for (auto _ : state) {
    const auto k = static_cast<key_t>(rng() % static_cast<unsigned>(params.range));
    const unsigned op = rng() % 100;
    bool r;
    if (op < params.update_pct / 2) {
      r = impl->run(false, [&](const auto& a) { return set->insert(a, k); });
    } else if (op < params.update_pct) {
      r = impl->run(false, [&](const auto& a) { return set->remove(a, k); });
    } else {
      r = impl->run(true, [&](const auto& a) { return set->contains(a, k); });
    }
    benchmark::DoNotOptimize(r);
  }
  state.counters["tx"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  if constexpr (Impl::is_stm) aborts.report(state);
  if (state.thread_index() == 0) {
    stm::collect();
    set.reset();
    impl.reset();
  }
}

// tbb::concurrent_hash_map as the hash-set baseline.
void BM_Hash_tbb(benchmark::State& state) {
  using map = tbb::concurrent_hash_map<key_t, char>;
  static std::unique_ptr<map> set;
  if (state.thread_index() == 0) {
    set = std::make_unique<map>();
    std::mt19937_64 fill(42);
    while (set->size() < static_cast<std::size_t>(hash_params.initial))
      set->insert({static_cast<key_t>(fill() % hash_params.range), 0});
  }
  std::minstd_rand rng(static_cast<unsigned>(state.thread_index()) * 7919U + 17);
  for (auto _ : state) {
    const auto k = static_cast<key_t>(rng() % static_cast<unsigned>(hash_params.range));
    const unsigned op = rng() % 100;
    bool r;
    if (op < hash_params.update_pct / 2) {
      r = set->insert({k, 0});
    } else if (op < hash_params.update_pct) {
      r = set->erase(k);
    } else {
      map::const_accessor acc;
      r = set->find(acc, k);
    }
    benchmark::DoNotOptimize(r);
  }
  state.counters["tx"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  if (state.thread_index() == 0) set.reset();
}

template <class Impl>
void BM_Bank(benchmark::State& state) {
  static std::unique_ptr<bank> b;
  static std::unique_ptr<Impl> impl;
  if (state.thread_index() == 0) {
    b = std::make_unique<bank>();
    impl = std::make_unique<Impl>();
  }
  std::minstd_rand rng(static_cast<unsigned>(state.thread_index()) * 104729U + 5);
  abort_counter aborts;
  for (auto _ : state) {
    if (rng() % 100 < 20) {
      const auto total = impl->run(true, [&](const auto& a) { return b->total(a); });
      if (total != 0) state.SkipWithError("bank total changed");
    } else {
      const int from = static_cast<int>(rng() % bank::accounts), to = static_cast<int>(rng() % bank::accounts);
      impl->run(false, [&](const auto& a) {
        b->transfer(a, from, to);
        return 0;
      });
    }
  }
  state.counters["tx"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  if constexpr (Impl::is_stm) aborts.report(state);
  if (state.thread_index() == 0) {
    b.reset();
    impl.reset();
  }
}

template <class Impl>
void register_impl() {
  const std::string n = Impl::name();
  benchmark::RegisterBenchmark(("BM_List<" + n + ">").c_str(), BM_IntSet<sorted_list, Impl>, list_params)
      ->ThreadRange(1, 8)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("BM_RbTree<" + n + ">").c_str(), BM_IntSet<rb_tree, Impl>, tree_params)
      ->ThreadRange(1, 8)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("BM_Hash<" + n + ">").c_str(), BM_IntSet<hash_set, Impl>, hash_params)
      ->ThreadRange(1, 8)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("BM_Bank<" + n + ">").c_str(), BM_Bank<Impl>)->ThreadRange(1, 8)->UseRealTime();
}

}  // namespace

int main(int argc, char** argv) {
  gillab::bench::add_build_context();
  benchmark::AddCustomContext("stm_contention_manager", stm::default_contention_manager::name);
  register_impl<stm_impl<stm::tl2>>();
  register_impl<stm_impl<stm::norec>>();
  register_impl<stm_impl<stm::etl>>();
  register_impl<mutex_impl>();
  register_impl<spin_rw_impl>();
  benchmark::RegisterBenchmark("BM_Hash<tbb::concurrent_hash_map>", BM_Hash_tbb)->ThreadRange(1, 8)->UseRealTime();
  return gillab::bench::run_benchmarks(argc, argv);
}
