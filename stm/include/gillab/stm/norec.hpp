// norec.hpp — NOrec (Dalessandro, Spear & Scott, "NOrec: Streamlining STM by
// Abolishing Ownership Records", PPoPP 2010): one global sequence lock, a
// value-based read log, a redo log, no per-location metadata.
//
// Invariants:
//  - The sequence lock is even when no writer commits and odd while one writes
//    back; every update commit adds 2. Writers commit one at a time.
//  - A transaction's snapshot is an even sequence value s. Every value in its
//    read log equalled memory when the sequence lock read s, so the reads form
//    a consistent snapshot (opacity). A read made while the lock moved past s
//    triggers validation: re-read every logged address and compare values;
//    if all match at an even sequence value s', the snapshot moves to s'.
//  - Commit of a writer: CAS the lock from its snapshot s to s + 1 (failing,
//    validate and try from the new snapshot), write back, store s + 2.
//    Read-only transactions commit with no shared write.
//  - Value-based validation accepts an ABA (a value changed and changed back):
//    the snapshot is still consistent, which is all opacity asks.
#pragma once

#include <gillab/locks/spin_wait.hpp>
#include <gillab/stm/detail/tx_base.hpp>

#include <string_view>
#include <vector>

namespace gillab::stm {

class norec {
 public:
  static constexpr std::string_view name = "norec";
  alignas(64) static inline std::atomic<std::uint64_t> sequence{0};

  class descriptor : public detail::tx_base<descriptor> {
    using base = detail::tx_base<descriptor>;
    friend base;

   public:
    [[gnu::always_inline]] word read(const void* address, detail::reader_fn reader) {
      if (auto* e = this->writes_.find(address)) return e->value;
      word value = reader(address);
      while (sequence.load(detail::order_recheck) != snapshot_) {
        snapshot_ = validate();
        value = reader(address);
      }
      if (reads_.size() >= compact_at_) {
        detail::compact_read_log(reads_, compact_at_, [](const logged& r) { return r.address; });
      }
      this->check_capacity(reads_.size());
      reads_.push_back(logged{address, value, reader});
      return value;
    }

    void write(void* address, word value, detail::writer_fn writer) {
      this->check_capacity(this->writes_.size());
      this->writes_.put(address, value, writer);
    }

    [[nodiscard]] bool has_reads() const noexcept { return !reads_.empty(); }
    /// retry(), after rollback: may a re-run see something new? NOrec keeps
    /// no per-location metadata, and re-reading the logged addresses outside
    /// a transaction could touch memory already reclaimed, so any update
    /// commit since the last validated snapshot counts as a change (a
    /// spurious wake-up only re-runs the transaction).
    [[nodiscard]] bool changed_since_snapshot() const noexcept {
      return sequence.load(std::memory_order_acquire) != snapshot_;
    }
    /// retry(): does every logged address still hold the value read?
    bool reads_unchanged() const noexcept {
      for (const auto& r : reads_)
        if (r.reader(r.address) != r.value) return false;
      return true;
    }

   private:
    struct logged {
      const void* address;
      word value;
      detail::reader_fn reader;
    };

    static std::uint64_t even_sequence() noexcept {
      locks::spin_wait wait;
      for (;;) {
        const std::uint64_t s = sequence.load(detail::order_snapshot);
        if ((s & 1) == 0) return s;
        wait.once();
      }
    }

    // Returns the new snapshot, or aborts naming the first changed address.
    std::uint64_t validate() {
      for (;;) {
        const std::uint64_t s = even_sequence();
        for (const auto& r : reads_)
          if (r.reader(r.address) != r.value) detail::abort_tx(abort_cause::validation, r.address);
        if (sequence.load(detail::order_recheck) == s) return s;
      }
    }

    void on_begin() {
      snapshot_ = even_sequence();
      reads_.clear();
      compact_at_ = detail::read_log_compact_minimum;
    }

    void on_commit() {
      if (this->writes_.empty()) return;
      std::uint64_t expected = snapshot_;
      while (!sequence.compare_exchange_strong(expected, snapshot_ + 1, detail::order_lock_take)) {
        snapshot_ = validate();
        expected = snapshot_;
      }
      this->writes_.write_back();
      sequence.store(snapshot_ + 2, detail::order_lock_publish);
    }

    void on_rollback() noexcept {}

    bool revalidate_serial() {
      if (!reads_unchanged()) return false;
      snapshot_ = even_sequence();  // alone now: no writer can be mid-commit
      return true;
    }

    std::uint64_t snapshot_ = 0;
    std::vector<logged> reads_;  // compacted: runtime.hpp, compact_read_log
    std::size_t compact_at_ = detail::read_log_compact_minimum;
  };
};

}  // namespace gillab::stm
