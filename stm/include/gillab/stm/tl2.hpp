// tl2.hpp — Transactional Locking II (Dice, Shalev & Shavit, "Transactional
// Locking II", DISC 2006): a global version clock, versioned write-locks in a
// striped table (orecs), commit-time locking, lazy (redo-log) versioning.
//
// Invariants:
//  - An unlocked orec holds the clock value of the last commit that wrote one
//    of its addresses; a locked one holds its owner's id.
//  - Read version rv = the clock at begin. A read is accepted only if the orec
//    is unlocked, unchanged across the data load and its version <= rv: every
//    value a transaction sees was current at time rv, so even a doomed
//    transaction sees a consistent snapshot (opacity).
//  - Commit: lock the write set's orecs, take wv = ++clock, validate the read
//    set (each orec unlocked or ours, version <= rv) unless wv == rv + 1 (no
//    commit in between), write back, release the orecs with version wv.
//  - Read-only transactions commit with no validation and no shared write:
//    the per-read check already placed them at rv.
//
// `basic_tl2<false>` skips the per-read `version <= rv` check. It is the
// planted bug the opacity checker's test must catch (it still commits
// serializably for writers, but doomed and read-only transactions can see a
// mixed snapshot); never use it for anything else.
#pragma once

#include <gillab/stm/detail/tx_base.hpp>

#include <string_view>
#include <vector>

namespace gillab::stm {

template <bool ValidateReads = true>
class basic_tl2 {
 public:
  static constexpr std::string_view name = ValidateReads ? "tl2" : "tl2-no-read-validation";

 private:
  using orecs = detail::orec_table<basic_tl2>;

 public:
  class descriptor : public detail::tx_base<descriptor> {
    using base = detail::tx_base<descriptor>;
    friend base;

   public:
    [[gnu::always_inline]] word read(const void* address, detail::reader_fn reader) {
      if (auto* e = this->writes_.find(address)) return e->value;
      auto& orec = orecs::of(address);
      const std::uint64_t before = orec.load(detail::order_snapshot);
      const word value = reader(address);
      const std::uint64_t after = orec.load(detail::order_recheck);
      if (detail::is_locked(before)) detail::abort_tx(abort_cause::lock_held, address);
      if (before != after) detail::abort_tx(abort_cause::validation, address);
      if constexpr (ValidateReads) {
        if (detail::version_of(before) > rv_) detail::abort_tx(abort_cause::validation, address);
      }
      if (reads_.size() >= compact_at_) {
        detail::compact_read_log(reads_, compact_at_, [](const void* a) { return a; });
      }
      this->check_capacity(reads_.size());
      reads_.push_back(address);
      return value;
    }

    void write(void* address, word value, detail::writer_fn writer) {
      this->check_capacity(this->writes_.size());
      this->writes_.put(address, value, writer);
    }

   private:
    struct held {
      std::atomic<std::uint64_t>* orec;
      std::uint64_t previous;
    };

    void on_begin() {
      rv_ = orecs::clock.load(detail::order_snapshot);
      reads_.clear();
      compact_at_ = detail::read_log_compact_minimum;
      held_.clear();
      held_index_.clear();
    }

    void on_commit() {
      if (this->writes_.empty()) return;
      const std::uint64_t mine = this->my_lock();
      for (const auto& e : this->writes_) {
        auto& orec = orecs::of(e.address);
        std::uint64_t current = orec.load(detail::order_snapshot);
        if (current == mine) continue;  // two addresses, one stripe
        if (detail::is_locked(current)) detail::abort_tx(abort_cause::lock_held, e.address);
        // Record before taking the lock: an allocation failure must not leave
        // a lock that rollback does not know about (it releases from held_).
        held_.push_back(held{&orec, current});
        if (!orec.compare_exchange_strong(current, mine, detail::order_lock_take)) {
          held_.pop_back();
          detail::abort_tx(abort_cause::lock_held, e.address);
        }
        held_index_.insert(&orec, static_cast<std::uint32_t>(held_.size() - 1));
      }
      const std::uint64_t wv = orecs::clock.fetch_add(1, detail::order_clock_tick) + 1;
      if (wv != rv_ + 1) validate_locked();
      this->writes_.write_back();
      for (const auto& h : held_) h.orec->store(detail::unlocked_orec(wv), detail::order_lock_publish);
      held_.clear();
      held_index_.clear();
    }

    void on_rollback() noexcept {
      for (const auto& h : held_) h.orec->store(h.previous, detail::order_lock_publish);
      held_.clear();
      held_index_.clear();
    }

    // Commit-time validation while holding the write locks.
    void validate_locked() {
      const std::uint64_t mine = this->my_lock();
      for (const void* address : reads_) {
        const auto& orec = orecs::of(address);
        std::uint64_t current = orec.load(detail::order_snapshot);
        if (current == mine) current = previous_of(&orec);
        if (detail::is_locked(current)) detail::abort_tx(abort_cause::lock_held, address);
        if (detail::version_of(current) > rv_) detail::abort_tx(abort_cause::validation, address);
      }
    }
    std::uint64_t previous_of(const std::atomic<std::uint64_t>* orec) noexcept {
      const std::uint32_t* i = held_index_.find(orec);
      return i != nullptr ? held_[*i].previous : 0;
    }

   public:
    [[nodiscard]] bool has_reads() const noexcept { return !reads_.empty(); }
    /// retry(), after rollback: the read set's ownership records are static
    /// memory, so comparing their versions is safe outside a transaction.
    [[nodiscard]] bool changed_since_snapshot() const noexcept { return !reads_unchanged(); }
    /// retry(): has any location read (its stripe) changed since the snapshot?
    bool reads_unchanged() const noexcept {
      for (const void* address : reads_) {
        const std::uint64_t current = orecs::of(address).load(detail::order_snapshot);
        if (detail::is_locked(current) || detail::version_of(current) > rv_) return false;
      }
      return true;
    }

   private:
    bool revalidate_serial() {
      if (!reads_unchanged()) return false;
      rv_ = orecs::clock.load(detail::order_snapshot);  // alone now: the present is consistent
      return true;
    }

    std::uint64_t rv_ = 0;
    std::vector<const void*> reads_;  // compacted: runtime.hpp, compact_read_log
    std::size_t compact_at_ = detail::read_log_compact_minimum;
    std::vector<held> held_;
    detail::address_map held_index_;  // orec -> index in held_
  };
};

using tl2 = basic_tl2<true>;

}  // namespace gillab::stm
