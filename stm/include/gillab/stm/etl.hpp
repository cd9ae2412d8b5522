// etl.hpp — encounter-time locking with write-back and timestamp extension:
// the LSA-based design of TinySTM (Felber, Fetzer & Riegel, "Dynamic
// Performance Tuning of Word-Based Software Transactional Memory", PPoPP
// 2008; Riegel, Felber & Fetzer, "A Lazy Snapshot Algorithm with Eager
// Validation", DISC 2006).
//
// Invariants:
//  - Orecs as in TL2 (version of the last commit, or the owner's id while
//    locked), a global clock, and a redo log: writes stay private until commit.
//  - A write locks its orec at once (encounter time), so a write-write
//    conflict is detected when it happens, not at commit; an orec held by
//    another transaction aborts the encounter (cause lock_held).
//  - The snapshot is valid up to ub (initially the clock at begin). A read of
//    an orec whose version is > ub extends the snapshot: re-check that every
//    read orec still holds the version read (or is ours and held that version
//    when we locked it), then ub = the clock read before the check. Every read
//    is thus consistent at ub (opacity), and long transactions survive
//    unrelated commits that TL2 would abort on.
//  - Commit: wv = ++clock; validate the reads unless wv == ub + 1; write back;
//    release the orecs with version wv. Read-only: nothing to do.
#pragma once

#include <gillab/stm/detail/tx_base.hpp>

#include <string_view>
#include <vector>

namespace gillab::stm {

class etl {
 public:
  static constexpr std::string_view name = "etl";

 private:
  using orecs = detail::orec_table<etl>;

 public:
  class descriptor : public detail::tx_base<descriptor> {
    using base = detail::tx_base<descriptor>;
    friend base;

   public:
    [[gnu::always_inline]] word read(const void* address, detail::reader_fn reader) {
      auto& orec = orecs::of(address);
      const std::uint64_t mine = this->my_lock();
      for (int attempts = 0;; ++attempts) {
        const std::uint64_t before = orec.load(detail::order_snapshot);
        if (before == mine) {  // we hold the stripe: our value, or memory no one else may change
          if (auto* e = this->writes_.find(address)) return e->value;
          return reader(address);
        }
        if (detail::is_locked(before)) detail::abort_tx(abort_cause::lock_held, address);
        const word value = reader(address);
        if (orec.load(detail::order_recheck) != before) {
          if (attempts > 16) detail::abort_tx(abort_cause::validation, address);
          continue;  // a commit wrote it meanwhile: read again
        }
        if (detail::version_of(before) > ub_) {
          extend();
          continue;
        }
        if (reads_.size() >= compact_at_) {
          detail::compact_read_log(reads_, compact_at_, [](const logged& r) { return r.address; });
        }
        this->check_capacity(reads_.size());
        reads_.push_back(logged{address, before});
        return value;
      }
    }

    void write(void* address, word value, detail::writer_fn writer) {
      auto& orec = orecs::of(address);
      const std::uint64_t mine = this->my_lock();
      for (;;) {
        std::uint64_t current = orec.load(detail::order_snapshot);
        if (current == mine) break;
        if (detail::is_locked(current)) detail::abort_tx(abort_cause::lock_held, address);
        if (detail::version_of(current) > ub_) {
          extend();
          continue;
        }
        this->check_capacity(held_.size());
        // Record before taking the lock: an allocation failure must not leave
        // a lock that rollback does not know about (it releases from held_).
        held_.push_back(held{&orec, current});
        if (orec.compare_exchange_weak(current, mine, detail::order_lock_take)) {
          held_index_.insert(&orec, static_cast<std::uint32_t>(held_.size() - 1));
          break;
        }
        held_.pop_back();
      }
      this->writes_.put(address, value, writer);
    }

    [[nodiscard]] bool has_reads() const noexcept { return !reads_.empty(); }
    /// retry(), after rollback: the read set's ownership records are static
    /// memory, so comparing their versions is safe outside a transaction.
    [[nodiscard]] bool changed_since_snapshot() const noexcept { return !reads_unchanged(); }
    /// retry(): has any location read (its stripe) changed since it was read?
    bool reads_unchanged() const noexcept {
      for (const auto& r : reads_)
        if (orecs::of(r.address).load(detail::order_snapshot) != r.version) return false;
      return true;
    }

   private:
    struct logged {
      const void* address;
      std::uint64_t version;  // the orec word seen (unlocked)
    };
    struct held {
      std::atomic<std::uint64_t>* orec;
      std::uint64_t previous;
    };

    void validate() {
      const std::uint64_t mine = this->my_lock();
      for (const auto& r : reads_) {
        auto& orec = orecs::of(r.address);
        const std::uint64_t current = orec.load(detail::order_snapshot);
        if (current == r.version) continue;
        if (current == mine) {
          const std::uint32_t* i = held_index_.find(&orec);
          if (i != nullptr && held_[*i].previous == r.version) continue;
        }
        detail::abort_tx(current != mine && detail::is_locked(current) ? abort_cause::lock_held
                                                                        : abort_cause::validation,
                         r.address);
      }
    }
    void extend() {
      const std::uint64_t now = orecs::clock.load(detail::order_snapshot);
      validate();
      ub_ = now;
    }

    void on_begin() {
      ub_ = orecs::clock.load(detail::order_snapshot);
      reads_.clear();
      compact_at_ = detail::read_log_compact_minimum;
      held_.clear();
      held_index_.clear();
    }

    void on_commit() {
      if (held_.empty()) return;
      const std::uint64_t wv = orecs::clock.fetch_add(1, detail::order_clock_tick) + 1;
      if (wv != ub_ + 1) validate();
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

    bool revalidate_serial() {
      try {
        extend();  // alone now: the present is consistent with the reads, or never
      } catch (const detail::abort_signal&) {
        return false;
      }
      return true;
    }

    std::uint64_t ub_ = 0;
    std::vector<logged> reads_;  // compacted: runtime.hpp, compact_read_log
    std::size_t compact_at_ = detail::read_log_compact_minimum;
    std::vector<held> held_;
    detail::address_map held_index_;
  };
};

}  // namespace gillab::stm
