// reclaimer.hpp — the one concept every memory-reclamation scheme satisfies,
// and the pieces the schemes share (retired-node header, per-thread records).
//
// A lock-free structure unlinks a node with a CAS, but another thread may
// still be reading it (it loaded the pointer just before the CAS). Freeing the
// node then is a use-after-free, and re-allocating it at the same address is
// the ABA problem: a stale CAS that expects the old address succeeds on the
// new node. gillab's node-based structures never free a node themselves: they
// *retire* it, and the reclamation scheme frees it once no thread can hold a
// reference. ABA safety therefore comes from the scheme: a node's address is
// not reused while any thread may still compare against it.
//
// The protocol a structure follows (every scheme implements all of it; what
// is a no-op where is said in each scheme's header):
//
//   typename R::guard g;                 // read-side critical region (EBR pins
//                                        // an epoch, HP takes hazard slots)
//   Node* p = g.protect(slot, src);      // load src; p stays valid until the
//                                        // guard ends or `slot` is re-protected
//   ...CAS that unlinks p...             // seq_cst (see below)
//   R::retire(p);                        // p is freed once no guard holds it
//   R::quiescent_state();                // "this thread holds no reference":
//                                        // QSBR's announcement, no-op elsewhere
//   retire_object<R>(obj, deleter);      // for objects without the header
//                                        // (one allocation for a box)
//
// Memory orders: hazard pointers and the epoch pin are store-then-load
// handshakes with the reclaimer (Dekker): the reader stores its announcement
// and then loads the shared pointer, the retirer unlinks and then loads the
// announcements. Without stand-alone fences (ThreadSanitizer does not model
// them) that needs seq_cst on all four accesses: protect() loads seq_cst, and
// structures unlink with seq_cst CASes. On x86 both cost nothing extra (a
// seq_cst load is a plain load, every CAS is a locked instruction).
//
// Domains: each scheme is a class template over a tag type, and each tag is
// one process-wide domain (one set of thread records, one epoch). The default
// tag is what structures use; tests instantiate their own tags to count a
// domain's garbage in isolation.
//
// Per-thread records (detail::record_registry): a thread takes a record on
// first use and gives it back when it exits; records are never freed while
// the process runs, so scanners may walk the list without locks. A record is
// inserted with a seq_cst CAS and scans load the list head seq_cst, so a scan
// that misses a new record is ordered before its owner's first announcement
// (the handshake above includes registration). Garbage a thread could not
// free before exiting goes to the domain's orphan list; the next reclamation
// attempt of any thread (flush(), or retire()'s slow path when the orphan
// list is non-empty) adopts it, so garbage does not grow with thread churn.
// pending() sums the records' counts and the orphans'; a donation or an
// adoption is a transfer between them that it waits out (a seqlock over the
// transfers), so a node is never counted twice while it moves.
// What is left when the process ends stays reachable from the domain's
// registry, which is never destroyed (never_destroyed: detached threads may
// still be leaving the domain while static destructors run).
#pragma once

#include <atomic>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace gillab::locks::reclaim {

/// Header of every node a scheme can retire (intrusive: retiring allocates
/// nothing). The fields belong to the scheme once the node is retired.
struct retirable {
  retirable* retired_next = nullptr;
  void (*destroy)(retirable*) = nullptr;
  // Scheme-specific: the epoch (EBR) or grace period (QSBR) at retirement;
  // the node's address as readers protect it (hazard pointers).
  std::uint64_t retired_tag = 0;
};

namespace detail {

template <class Node>
void destroy_node(retirable* r) noexcept {
  delete static_cast<Node*>(r);
}

/// FIFO of retired nodes owned by one thread record (no synchronisation:
/// only the record's owner touches it).
class retired_list {
 public:
  void push(retirable* r) noexcept {
    r->retired_next = nullptr;
    if (tail_ != nullptr) {
      tail_->retired_next = r;
    } else {
      head_ = r;
    }
    tail_ = r;
    ++size_;
  }
  [[nodiscard]] retirable* front() const noexcept { return head_; }
  retirable* pop() noexcept {
    retirable* r = head_;
    head_ = r->retired_next;
    if (head_ == nullptr) tail_ = nullptr;
    --size_;
    return r;
  }
  /// Keep only the nodes for which `keep(node)` holds; destroy the others.
  template <class Keep>
  void sweep(Keep&& keep) {
    retirable* r = head_;
    head_ = tail_ = nullptr;
    size_ = 0;
    while (r != nullptr) {
      retirable* next = r->retired_next;
      if (keep(r)) {
        push(r);
      } else {
        r->destroy(r);
      }
      r = next;
    }
  }
  /// Hand the whole list over as a chain (first, last); the list is empty after.
  std::pair<retirable*, retirable*> take_chain() noexcept {
    std::pair<retirable*, retirable*> chain{head_, tail_};
    head_ = tail_ = nullptr;
    size_ = 0;
    return chain;
  }
  void destroy_all() noexcept {
    while (head_ != nullptr) {
      retirable* r = pop();
      r->destroy(r);
    }
  }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return head_ == nullptr; }

 private:
  retirable* head_ = nullptr;
  retirable* tail_ = nullptr;
  std::size_t size_ = 0;
};

/// Fields every scheme's per-thread record has.
struct record_base {
  record_base* registry_next = nullptr;  // immutable once published
  std::atomic<bool> in_use{false};
  // Retired and not yet freed, published for pending() only.
  std::atomic<std::size_t> pending{0};
  retired_list retired;  // owner only

  /// What the owner holds retired and not yet freed (a scheme whose record
  /// holds more lists hides this with its own).
  [[nodiscard]] std::size_t held() const noexcept { return retired.size(); }
};

/// Publish what `r` holds for pending(). Release on every publish, not only
/// inside a transfer (record_registry): a reader that sees a later count of
/// the record must also see the begin of a transfer into it.
template <class Record>
void publish_pending(Record& r) noexcept {
  static_assert(!std::is_same_v<Record, record_base>, "held() is the scheme's record's");
  r.pending.store(r.held(), std::memory_order_release);
}

/// Append-only list of thread records; a thread claims a free one or adds one.
template <class Record>
class record_registry {
 public:
  Record* acquire() {
    for (Record* r = first(); r != nullptr; r = next(r)) {
      bool expected = false;
      if (!r->in_use.load(std::memory_order_relaxed) &&
          r->in_use.compare_exchange_strong(expected, true, std::memory_order_acquire,
                                            std::memory_order_relaxed)) {
        return r;
      }
    }
    auto* r = new Record{};
    r->in_use.store(true, std::memory_order_relaxed);
    record_base* head = head_.load(std::memory_order_relaxed);
    do {
      r->registry_next = head;
      // seq_cst, not just release: registration is part of the store-load
      // handshake. The new owner's first announcement (hazard, pin, seen)
      // comes after this CAS and is followed by its loads of the structure;
      // a scan loads head_ seq_cst (first()). With both seq_cst, either the
      // scan finds the record (and then its announcement), or the owner's
      // loads come after the scan's unlink. With release/acquire a scan on
      // a weak machine (POWER) could miss a record whose owner already
      // protected a node, and free it.
    } while (!head_.compare_exchange_weak(head, r, std::memory_order_seq_cst,
                                          std::memory_order_relaxed));
    return r;
  }
  /// The owner's updates to the record happen before the next owner's use.
  static void release(Record* r) noexcept { r->in_use.store(false, std::memory_order_release); }

  /// seq_cst: a scan's view of the registry takes part in the handshake
  /// (see acquire()); acquire alone would also order the record's fields.
  [[nodiscard]] Record* first() const noexcept {
    return static_cast<Record*>(head_.load(std::memory_order_seq_cst));
  }
  static Record* next(Record* r) noexcept { return static_cast<Record*>(r->registry_next); }

  /// Nodes retired and not yet freed: the orphans plus every record's
  /// published count. Not a snapshot of one instant while threads retire
  /// and free, but no node is counted twice because it moved: a donation or
  /// an adoption moves a chain between the orphans' counter and a record's,
  /// and is a transfer this read waits out as a seqlock reader does
  /// (transfers_begun_ is the sequence; begun and ended counters rather than
  /// one odd/even word, as several threads may transfer at once). Each
  /// count a transfer writes is a release store after its begin, so a sum
  /// that read one also reads the newer begin count, and is retried.
  /// A transfer left open for good (its thread stopped in a debugger; a
  /// fork() child of a process forked mid-transfer) would block the read:
  /// after max_waits tries it returns the last sum, which may then count a
  /// moving chain twice.
  [[nodiscard]] std::size_t pending() const noexcept {
    constexpr unsigned max_waits = 1U << 16;
    std::size_t n = 0;
    for (unsigned attempt = 0; attempt < max_waits; ++attempt) {
      const std::uint64_t begun = transfers_begun_.load(std::memory_order_acquire);
      if (transfers_ended_.load(std::memory_order_acquire) == begun) {
        n = orphan_count_.load(std::memory_order_acquire);
        for (Record* r = first(); r != nullptr; r = next(r)) {
          n += r->pending.load(std::memory_order_acquire);
        }
        if (transfers_begun_.load(std::memory_order_relaxed) == begun) return n;
      }
      if (attempt >= 16) std::this_thread::yield();
    }
    return n;
  }

  /// A thread that exits with garbage it could not free yet leaves it here;
  /// the next reclamation attempt of any thread (flush(), or the slow path
  /// of retire()) adopts it. The nodes keep their stamps.
  void donate(Record& from) noexcept {
    const std::size_t n = from.retired.size();
    if (n == 0) return;
    auto [first_node, last_node] = from.retired.take_chain();
    begin_transfer();
    publish_pending(from);
    orphan_count_.fetch_add(n, std::memory_order_release);  // before an adopter can subtract
    end_transfer();
    retirable* head = orphans_.load(std::memory_order_relaxed);
    do {
      last_node->retired_next = head;
    } while (!orphans_.compare_exchange_weak(head, first_node, std::memory_order_release,
                                             std::memory_order_relaxed));
  }
  /// Take every orphan into `to`'s list (the whole chain at once: no ABA)
  /// and publish its count; returns how many. The relaxed check first keeps
  /// it cheap enough for retire()'s slow path, which calls it so that
  /// garbage left by exited threads does not pile up with thread churn
  /// until someone happens to flush(). The walk comes before the transfer:
  /// until `to`'s count is published, the orphans' count holds the chain.
  std::size_t adopt(Record& to) noexcept {
    if (orphans_.load(std::memory_order_relaxed) == nullptr) return 0;
    retirable* r = orphans_.exchange(nullptr, std::memory_order_acquire);
    std::size_t n = 0;
    while (r != nullptr) {
      retirable* next = r->retired_next;
      to.retired.push(r);
      ++n;
      r = next;
    }
    if (n == 0) return 0;
    begin_transfer();
    publish_pending(to);
    orphan_count_.fetch_sub(n, std::memory_order_release);
    end_transfer();
    return n;
  }
  [[nodiscard]] std::size_t size() const noexcept {
    std::size_t n = 0;
    for (Record* r = first(); r != nullptr; r = next(r)) ++n;
    return n;
  }

  record_registry() = default;
  record_registry(const record_registry&) = delete;
  record_registry& operator=(const record_registry&) = delete;
  // No destructor that frees: a domain's registry is never destroyed
  // (never_destroyed below), its records and garbage stay reachable until
  // the process ends.

 private:
  // The begin is sequenced before the transfer's release stores (pending()).
  void begin_transfer() noexcept { transfers_begun_.fetch_add(1, std::memory_order_relaxed); }
  void end_transfer() noexcept { transfers_ended_.fetch_add(1, std::memory_order_release); }

  std::atomic<record_base*> head_{nullptr};
  std::atomic<retirable*> orphans_{nullptr};
  std::atomic<std::size_t> orphan_count_{0};
  std::atomic<std::uint64_t> transfers_begun_{0};
  std::atomic<std::uint64_t> transfers_ended_{0};
};

/// A domain's registry lives until the process ends, never destroyed:
/// a detached thread (the VM's threads are) may still be in its exit hook
/// (on_thread_exit, release) while the main thread runs the static
/// destructors, and would then touch freed records. A union whose
/// destructor does nothing keeps the constant initialisation of the
/// registry (no static-initialisation-order question) without the
/// destructor.
template <class T>
union never_destroyed {
  constexpr never_destroyed() : value() {}
  ~never_destroyed() {}
  never_destroyed(const never_destroyed&) = delete;
  never_destroyed& operator=(const never_destroyed&) = delete;
  T value;
};

/// A thread's claim on one record of `Domain`, given back at thread exit
/// after `Domain::on_thread_exit` had a last go at its garbage.
template <class Domain>
struct thread_handle {
  typename Domain::record* rec;
  thread_handle() : rec(Domain::registry().acquire()) {}
  ~thread_handle() {
    Domain::on_thread_exit(*rec);
    Domain::registry().release(rec);
  }
  thread_handle(const thread_handle&) = delete;
  thread_handle& operator=(const thread_handle&) = delete;
};

/// The node type the concept is checked with.
struct probe_node : retirable {};

/// The address readers protect for `node`: the node itself, or, for a box
/// around an object that is not a retirable (retire_object), the object.
template <class Node>
const void* protected_address(const Node* node) noexcept {
  if constexpr (requires { node->boxed_object; }) {
    return node->boxed_object;
  } else {
    return node;
  }
}

template <class T, class Deleter>
struct retire_box : retirable {
  retire_box(T* object, Deleter d) : boxed_object(object), deleter(std::move(d)) {}
  ~retire_box() { deleter(boxed_object); }
  retire_box(const retire_box&) = delete;
  retire_box& operator=(const retire_box&) = delete;
  T* boxed_object;
  Deleter deleter;
};

}  // namespace detail

/// A memory-reclamation scheme, as node-based structures use it.
template <class R>
concept reclaimer =
    requires(typename R::guard& g, const std::atomic<detail::probe_node*>& src,
             detail::probe_node* p) {
      { R::name } -> std::convertible_to<std::string_view>;
      { g.protect(std::size_t{0}, src) } -> std::same_as<detail::probe_node*>;
      { R::retire(p) } -> std::same_as<void>;
      { R::quiescent_state() } -> std::same_as<void>;
      // Try to free the calling thread's garbage now (tests, thread exit).
      { R::flush() } -> std::same_as<void>;
      // Nodes retired in the domain and not yet freed: exact when threads
      // are quiet; while they run, a sum over per-thread counts read one by
      // one, but no node counted twice (record_registry::pending). For
      // tests and benchmarks.
      { R::pending() } -> std::same_as<std::size_t>;
    } && std::is_default_constructible_v<typename R::guard> &&
    !std::is_copy_constructible_v<typename R::guard> &&
    !std::is_move_constructible_v<typename R::guard>;

/// Retire an object that does not derive from retirable (an item array a
/// reader loads without a lock, say): R frees it with `deleter` once no guard
/// can hold it. Costs one small allocation per call, which the intrusive
/// R::retire(node) avoids. Readers protect the object's own address.
template <reclaimer R, class T, class Deleter = std::default_delete<T>>
void retire_object(T* object, Deleter deleter = Deleter{}) {
  R::retire(new detail::retire_box<T, Deleter>(object, std::move(deleter)));
}

}  // namespace gillab::locks::reclaim
