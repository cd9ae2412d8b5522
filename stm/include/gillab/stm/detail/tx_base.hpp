// tx_base.hpp — the part of a transaction descriptor every algorithm shares:
// begin/commit/rollback bookkeeping around the algorithm's own hooks, the redo
// log, transactional allocation, commit/abort handlers, serial mode and stats.
//
// An algorithm's descriptor derives from tx_base<Descriptor> and provides:
//   void on_begin();                     take a snapshot, clear its read set
//   word read(const void*, reader_fn);   a consistent read, or abort_tx()
//   void write(void*, word, writer_fn);  log (and for ETL lock) a write
//   void on_commit();                    make the redo log visible, or abort_tx()
//   void on_rollback() noexcept;         release what it holds; keep the read set
//   bool changed_since_snapshot();       (retry, after rollback) may a re-run see
//                                        something new? safe outside a transaction
//   bool reads_unchanged();              nothing read has changed since
//   bool revalidate_serial();            now serial: is the snapshot still valid?
//                                        if so, move it to the present
//
// Flat nesting: begin() on a descriptor whose attempt is running opens a
// nested level (depth() > 1) instead of a new attempt; commit() and rollback()
// of a nested level only close it. Only the outermost level commits or rolls
// back, so a nested level that rolls back must rethrow the signal (or the
// exception) to the outermost one, which discards the whole attempt: there is
// no partial rollback. atomically() nests through the same counter, so both
// entry points (atomically() and begin()/commit()) nest in each other.
//
// Invariants:
//  - depth() is 0 outside an attempt, 1 in the outermost level, +1 per nested
//    level; it drops to 0 when the outermost commit succeeds (before the
//    on_commit handlers run: a handler that starts a transaction starts a new
//    one) or when the outermost rollback ends.
//  - Between begin() and commit()/rollback() the thread's record is active
//    (its epoch published); outside, it is not.
//  - Nothing a revocable attempt wrote is visible to another thread before
//    on_commit() succeeds (all three algorithms buffer writes in the redo log).
//  - Memory allocated by an attempt is freed when it rolls back; memory freed
//    by an attempt is retired (epoch-based) only when it commits.
#pragma once

#include <gillab/stm/detail/runtime.hpp>

#include <chrono>
#include <functional>
#include <new>
#include <utility>
#include <vector>

namespace gillab::stm::detail {

template <class Derived>
class tx_base {
 public:
  tx_base() : self_(&this_thread()) {}
  tx_base(const tx_base&) = delete;
  tx_base& operator=(const tx_base&) = delete;

  [[nodiscard]] bool irrevocable() const noexcept { return irrevocable_; }
  [[nodiscard]] thread_record& record() noexcept { return *self_; }
  /// Set when an attempt learned that its next attempt should run serially.
  [[nodiscard]] bool wants_serial() const noexcept { return serial_next_; }

  /// Starts an attempt (serially: alone, cannot conflict), or opens a nested
  /// level if one runs (serial: the running attempt becomes irrevocable, which
  /// may throw abort_signal; the level is then not opened).
  void begin(bool serial) {
    if (depth_ > 0) {
      if (serial) become_irrevocable();
      ++depth_;
      return;
    }
    self_->in_transaction = true;
    serial_next_ = false;
    enter(*self_, serial);
    depth_ = 1;
    irrevocable_ = serial;
    capacity_ = capacity_limit();
    start_ = now_ticks();
    derived().on_begin();
  }

  /// Commits the attempt, or throws abort_signal (then call rollback()). At a
  /// nested level, only closes the level. Once the attempt is committed,
  /// depth() is 0: an exception thrown by an on_commit handler leaves it
  /// committed (a rollback() then does nothing), skips the handlers after it
  /// and propagates.
  void commit() {
    if (depth_ > 1) {
      --depth_;
      return;
    }
    if (!irrevocable_) {
      const unsigned every = abort_every();
      if (every != 0 && ++self_->inject_counter % every == 0) abort_tx(abort_cause::injected, nullptr);
    }
    const bool wrote = !writes_.empty();
    derived().on_commit();
    const bool was_serial = irrevocable_;
    leave(*self_);
    if (was_serial) release_serial(*self_);
    irrevocable_ = false;
    self_->commits.add();
    if (!wrote) self_->read_only_commits.add();
    if (was_serial) self_->irrevocable_commits.add();
    if (wrote) wake_after_update();
    writes_.clear();
    allocated_.clear();
    depth_ = 0;
    on_abort_.clear();
    self_->in_transaction = false;
    for (const auto& b : freed_) retire(*self_, b.pointer, b.deleter);
    freed_.clear();
    if (!on_commit_.empty()) {
      auto handlers = std::move(on_commit_);
      on_commit_.clear();
      for (auto& h : handlers) h();
    }
  }

  /// Discards the attempt. `signal` is null when an exception ended it. At a
  /// nested level, only closes the level (the caller rethrows); outside an
  /// attempt (after the commit point), does nothing.
  void rollback(const abort_signal* signal) noexcept {
    if (depth_ > 1) {
      --depth_;
      return;
    }
    if (depth_ == 0) return;
    depth_ = 0;
    derived().on_rollback();
    const bool was_serial = irrevocable_;
    leave(*self_);
    if (was_serial) release_serial(*self_);
    irrevocable_ = false;
    writes_.clear();
    for (const auto& b : allocated_) b.deleter(b.pointer);
    allocated_.clear();
    freed_.clear();
    on_commit_.clear();
    for (auto it = on_abort_.rbegin(); it != on_abort_.rend(); ++it) (*it)();
    on_abort_.clear();
    if (signal == nullptr) {
      self_->exceptions.add();
    } else if (signal->retry) {
      self_->retries.add();
    } else {
      self_->aborts[static_cast<std::size_t>(signal->cause)].add();
      self_->aborted_ticks.add(now_ticks() - start_);
      self_->last_abort = abort_info{signal->cause, signal->address};
      if (signal->cause == abort_cause::capacity) serial_next_ = true;
    }
    self_->in_transaction = false;
  }

  /// Makes the running attempt irrevocable: from here on it runs alone and
  /// cannot be aborted by a conflict (it can still roll back on an explicit
  /// abort or an exception; effects outside the STM then stay done).
  void become_irrevocable() {
    if (irrevocable_) return;
    if (!try_become_serial(*self_)) abort_tx(abort_cause::serial, nullptr);
    irrevocable_ = true;
    if (!derived().revalidate_serial()) {
      serial_next_ = true;
      abort_tx(abort_cause::validation, nullptr);
    }
  }

  void* allocate(std::size_t bytes, void (*deleter)(void*) noexcept) {
    allocated_.reserve(allocated_.size() + 1);  // no throw between new and the push
    void* p = ::operator new(bytes);
    allocated_.push_back(owned{p, deleter});
    return p;
  }
  /// The deleter runs once no transaction can still see `p`, if this commits.
  void deallocate(void* p, void (*deleter)(void*) noexcept) { freed_.push_back(owned{p, deleter}); }
  void on_commit_do(std::function<void()> f) { on_commit_.push_back(std::move(f)); }
  void on_abort_do(std::function<void()> f) { on_abort_.push_back(std::move(f)); }

  /// Nesting depth (see the header comment): 0 outside an attempt.
  [[nodiscard]] unsigned depth() const noexcept { return depth_; }
  [[nodiscard]] bool active() const noexcept { return depth_ > 0; }

 protected:
  Derived& derived() noexcept { return static_cast<Derived&>(*this); }
  void check_capacity(std::size_t entries) const {
    if (entries >= capacity_ && !irrevocable_) abort_tx(abort_cause::capacity, nullptr);
  }
  [[nodiscard]] std::uint64_t my_lock() const noexcept { return locked_orec(self_->id); }

  thread_record* self_;
  write_set writes_;
  bool irrevocable_ = false;

 private:
  struct owned {
    void* pointer;
    void (*deleter)(void*) noexcept;
  };
  unsigned depth_ = 0;
  bool serial_next_ = false;
  std::size_t capacity_ = 0;  // capacity_limit() when the attempt began
  std::uint64_t start_ = 0;  // now_ticks() when the attempt began
  std::vector<owned> allocated_, freed_;
  std::vector<std::function<void()>> on_commit_, on_abort_;
};

}  // namespace gillab::stm::detail
