// transaction.hpp — the user's API: atomically(f), the transaction handle
// passed to f, TVar<T>.
//
// Semantics (all algorithms):
//  - atomically<Algorithm, ContentionManager>(f) runs f(tx) as one
//    transaction and returns f's value. f may run several times (once per
//    attempt): it must have no effects outside the STM, except after
//    tx.become_irrevocable() or in tx.on_commit() handlers.
//  - Flat nesting: atomically() inside a running transaction of the same
//    algorithm joins it, whether the outer one was started by atomically()
//    or by the descriptor's begin() (and begin()/commit() inside a running
//    transaction open and close a nested level: tx_base.hpp). An abort
//    anywhere restarts the outermost transaction. Nesting a different
//    algorithm throws std::logic_error.
//  - An exception thrown inside a nested atomically() is not caught there:
//    flat nesting keeps no checkpoint per level, so nothing is rolled back
//    when it leaves the nested call. If an enclosing body catches it and goes
//    on, every write the nested body made before the throw stays in the
//    transaction and commits with it; a body that wants "all or nothing" for
//    the nested part must let the exception reach the outermost atomically(),
//    which discards the whole attempt and rethrows (with begin()/commit(),
//    the outermost driver must call rollback(nullptr) itself).
//  - tx.abort(): discard this attempt and run f again (counted as an explicit
//    abort). To give up instead, throw: an exception escaping f discards every
//    effect of the attempt (writes, allocations, frees) and propagates out of
//    atomically() unchanged — also in irrevocable mode, where only effects
//    outside the STM stay done.
//  - tx.retry(): discard the attempt and block until a location it read
//    changes, then run f again (Harris, Marlow, Peyton Jones & Herlihy,
//    "Composable Memory Transactions", PPoPP 2005). A retry with nothing read
//    could never wake up and throws std::logic_error.
//  - tx.become_irrevocable(): from here on the transaction runs alone (serial
//    mode) and commits; it may then do I/O. Costly: every other transaction
//    waits.
//  - tx.load(p)/tx.store(p, v) access existing word-sized memory in place. All
//    concurrent accesses to such a word must be transactional, by the same
//    algorithm (non-transactional access is fine while no transaction runs,
//    e.g. before threads start).
//  - tx.make<T>(...)/tx.destroy(p) (and alloc/free): memory allocated by an
//    attempt that aborts is released at once; memory freed by a transaction
//    is released only when it commits, and then only once no transaction that
//    could still see it is running (epoch-based).
//  - The body must not swallow the STM's internal abort signal: a
//    `catch (...)` in f must rethrow.
//  - An exception thrown after the commit point (by an on_commit handler, or
//    std::bad_alloc while retiring freed memory) leaves the transaction
//    committed, skips the remaining handlers and propagates out of
//    atomically(); the body is not re-run.
//  - Privatization: NOrec is privatization-safe (writers commit one at a time
//    under the sequence lock, and every read is validated by value, so after
//    a transaction unlinks an object and commits, no earlier transaction can
//    still write it back or be handed a value of it). TL2 and ETL are NOT:
//    after a commit that makes an object private (unlinks it), a transaction
//    that committed just before may still be writing back to it, and a doomed
//    transaction may still read it (its reads are validated by version, and
//    plain writes change no version). A user of TL2 or ETL that accesses
//    unlinked memory without transactions must first wait until every
//    transaction running at the privatizing commit has finished:
//    stm::privatization_fence() (detail/runtime.hpp). Freeing it needs no
//    fence: tx.free(), tx.retire() and stm::retire() already wait for those
//    transactions.
//
// Low-level use (the VM's long transactions): local_descriptor<Algorithm>()
// has begin(serial), read/write (or wrap it in a transaction<Algorithm>),
// commit() (throws abort_signal) and rollback(&signal); a load or store
// throws abort_signal too. begin() inside a running transaction opens a
// nested level (flat nesting, see above). atomically() below is the reference
// driver (retry waiting, contention management, nesting). Memory a running
// transaction may still read is freed with stm::retire(p, deleter) outside a
// body; a thread that parks calls stm::quiesce() first (detail/runtime.hpp).
#pragma once

#include <gillab/stm/contention.hpp>
#include <gillab/stm/detail/runtime.hpp>
#include <gillab/stm/norec.hpp>

#include <cstring>
#include <functional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace gillab::stm {

/// What unwinds an aborted attempt (see the low-level use above).
using detail::abort_signal;

/// What atomically(f) uses when not told otherwise; stm.hpp says why.
using default_algorithm = norec;
using default_contention_manager = serial_after<>;

/// A transactional variable holding a trivially copyable T of at most a word.
template <class T>
class TVar {
  static_assert(std::is_trivially_copyable_v<T> && sizeof(T) <= sizeof(word),
                "TVar<T>: T must be trivially copyable and at most a word");

 public:
  TVar() : TVar(T{}) {}
  explicit TVar(T initial) noexcept : cell_(encode(initial)) {}
  TVar(const TVar&) = delete;
  TVar& operator=(const TVar&) = delete;

  /// Access outside any transaction (setup, checks after threads joined).
  [[nodiscard]] T unsafe_load() const noexcept {
    return decode(std::atomic_ref<word>(cell_).load(std::memory_order_acquire));
  }
  void unsafe_store(T v) noexcept { std::atomic_ref<word>(cell_).store(encode(v), std::memory_order_release); }

  static word encode(T v) noexcept {
    word w = 0;
    std::memcpy(&w, &v, sizeof(T));
    return w;
  }
  static T decode(word w) noexcept {
    T v;
    std::memcpy(&v, &w, sizeof(T));
    return v;
  }
  word* cell() noexcept { return &cell_; }
  const word* cell() const noexcept { return &cell_; }

 private:
  alignas(word) mutable word cell_;
};

template <class Algorithm>
class transaction {
 public:
  using descriptor = typename Algorithm::descriptor;
  explicit transaction(descriptor& d) noexcept : d_(d) {}

  template <word_sized T>
  [[nodiscard]] T load(const T* p) {
    return std::bit_cast<T>(d_.read(p, &detail::read_word<T>));
  }
  template <word_sized T>
  void store(T* p, std::type_identity_t<T> v) {
    d_.write(p, std::bit_cast<word>(v), &detail::write_word<T>);
  }
  template <class T>
  [[nodiscard]] T load(const TVar<T>& v) {
    return TVar<T>::decode(d_.read(v.cell(), &detail::read_word<word>));
  }
  template <class T>
  void store(TVar<T>& v, std::type_identity_t<T> value) {
    d_.write(v.cell(), TVar<T>::encode(value), &detail::write_word<word>);
  }

  [[noreturn]] void abort() { detail::abort_tx(abort_cause::explicit_abort, nullptr); }
  [[noreturn]] void retry() { throw detail::abort_signal{abort_cause::explicit_abort, nullptr, true}; }
  void become_irrevocable() { d_.become_irrevocable(); }
  [[nodiscard]] bool irrevocable() const noexcept { return d_.irrevocable(); }

  /// Raw memory, released with free() (or at once if this attempt aborts).
  void* alloc(std::size_t bytes) { return d_.allocate(bytes, &delete_raw); }
  void free(void* p) { d_.deallocate(p, &delete_raw); }
  template <class T, class... Args>
  T* make(Args&&... args) {
    void* p = d_.allocate(sizeof(T), &delete_object<T>);
    return ::new (p) T(std::forward<Args>(args)...);
  }
  template <class T>
  void destroy(T* p) {
    d_.deallocate(p, &delete_object<T>);
  }
  /// Deferred free with the caller's deleter (memory from anywhere, e.g. a
  /// pool): if this transaction commits, deleter(p) runs once no transaction
  /// can still see p (as free()); if it aborts, nothing happens.
  void retire(void* p, void (*deleter)(void*) noexcept) { d_.deallocate(p, deleter); }

  /// Runs after the outermost commit (e.g. deferred reference-count updates,
  /// output). Should not throw; an exception propagates with the transaction
  /// committed and the later handlers skipped (see the header comment).
  void on_commit(std::function<void()> f) { d_.on_commit_do(std::move(f)); }
  /// Runs when the attempt rolls back, in reverse order of registration
  /// (e.g. restoring interpreter state). Must not throw.
  void on_abort(std::function<void()> f) { d_.on_abort_do(std::move(f)); }

  descriptor& raw() noexcept { return d_; }

 private:
  static void delete_raw(void* p) noexcept { ::operator delete(p); }
  template <class T>
  static void delete_object(void* p) noexcept {
    static_cast<T*>(p)->~T();
    ::operator delete(p);
  }
  descriptor& d_;
};

/// The calling thread's descriptor for `Algorithm`.
template <class Algorithm>
typename Algorithm::descriptor& local_descriptor() {
  thread_local typename Algorithm::descriptor d;
  return d;
}

template <class Algorithm = default_algorithm, class CM = default_contention_manager, class F>
  requires contention_manager<CM> && std::invocable<F&, transaction<Algorithm>&>
auto atomically(F&& f) -> std::invoke_result_t<F&, transaction<Algorithm>&> {
  using result = std::invoke_result_t<F&, transaction<Algorithm>&>;
  auto& d = local_descriptor<Algorithm>();
  transaction<Algorithm> tx(d);
  if (d.active()) {  // flat nesting: a nested level of the running attempt
    d.begin(false);
    try {
      if constexpr (std::is_void_v<result>) {
        f(tx);
        d.commit();
        return;
      } else {
        result r = f(tx);
        d.commit();
        return r;
      }
    } catch (const detail::abort_signal& signal) {
      d.rollback(&signal);  // closes the level; the outermost level rolls back
      throw;
    } catch (...) {
      d.rollback(nullptr);
      throw;
    }
  }
  if (d.record().in_transaction)
    throw std::logic_error("gillab::stm: nested transactions of different algorithms");
  CM cm;
  unsigned aborts = 0;
  bool serial = false;
  for (;;) {
    d.begin(serial);
    try {
      // commit() ends the attempt (depth 0) before running commit handlers:
      // a handler that starts a transaction starts a new one. An exception
      // from a handler reaches the catch (...) below after the commit point,
      // where rollback() does nothing.
      if constexpr (std::is_void_v<result>) {
        f(tx);
        d.commit();
        return;
      } else {
        result r = f(tx);
        d.commit();
        return r;
      }
    } catch (const detail::abort_signal& signal) {
      d.rollback(&signal);
      if (signal.retry) {
        if (!d.has_reads())
          throw std::logic_error("gillab::stm: retry() before reading anything would block forever");
        detail::wait_for_change([&d] { return d.changed_since_snapshot(); });
        continue;
      }
      ++aborts;
      cm.on_abort(abort_info{signal.cause, signal.address}, aborts);
      serial = d.wants_serial() || cm.run_serial(aborts);
    } catch (...) {
      d.rollback(nullptr);
      throw;
    }
  }
}

}  // namespace gillab::stm
