// opacity_checker.hpp — records transaction histories and checks that every
// transaction, committed or aborted, observed a consistent snapshot (the core
// of opacity: Guerraoui & Kapalka, "On the Correctness of Transactional Memory",
// PPoPP 2008).
//
// The checked workload follows a convention that makes the check exact and
// linear-time instead of a search over serialization orders:
//  - variable 0 is a generation counter g; every update transaction reads g
//    first and writes g + 1, so update transactions are totally ordered by the
//    generation n they write (any correct STM must serialize them so: they
//    all conflict on g);
//  - every value an update transaction of generation n writes is n (all
//    variables start at 0 = generation 0), so a value read names its writer;
//  - an attempt records a read only for a variable it has not written yet.
// Then a read (x, v) is current exactly in generations [v, next_x(v) - 1],
// where next_x(v) is the first generation after v that wrote x. An attempt's
// reads are a consistent snapshot iff these intervals intersect; a committed
// update of generation n must moreover have read the state of generation
// n - 1. A value no committed transaction wrote, a repeated or missing
// generation are violations too. Real-time order is not checked.
#pragma once

#include <gillab/stm/detail/runtime.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gillab::stm::opacity {

struct read_event {
  std::uint32_t variable;
  word value;
};

/// One execution of a transaction body.
struct attempt {
  std::vector<read_event> reads;
  std::vector<std::uint32_t> writes;  // variables written (value = generation)
  std::uint64_t generation = 0;       // update attempts: g + 1 (0: read-only)
  bool committed = false;
};

/// One thread's history. Not thread-safe: one recorder per thread.
class recorder {
 public:
  void begin_attempt() { attempts_.emplace_back(); }
  void read(std::uint32_t variable, word value) { attempts_.back().reads.push_back({variable, value}); }
  void write(std::uint32_t variable, std::uint64_t generation) {
    attempts_.back().writes.push_back(variable);
    attempts_.back().generation = generation;
  }
  /// The last attempt committed (call after atomically() returned).
  void committed() { attempts_.back().committed = true; }
  [[nodiscard]] const std::vector<attempt>& attempts() const noexcept { return attempts_; }
  std::vector<attempt>& attempts() noexcept { return attempts_; }

 private:
  std::vector<attempt> attempts_;
};

/// What a violation is (each is counted under exactly one kind).
enum class violation_kind : std::uint8_t {
  inconsistent_snapshot,  // a read inconsistent with earlier reads of the attempt:
                          // its snapshot never existed (opacity's core; what
                          // TL2 without read validation produces)
  unwritten_value,        // a read of a value no committed transaction wrote
  stale_commit,           // a committed update whose reads are not the state
                          // just before its generation (not serializable there)
  lost_update,            // committed generations are not exactly 1..n
  count_
};
inline constexpr std::size_t violation_kind_count = static_cast<std::size_t>(violation_kind::count_);
const char* to_string(violation_kind kind) noexcept;

struct report {
  std::size_t attempts = 0;
  std::size_t committed = 0;
  std::size_t aborted = 0;
  std::size_t violations = 0;
  std::array<std::size_t, violation_kind_count> by_kind{};  // sums to violations
  std::vector<std::string> examples;  // the first few violations, described

  [[nodiscard]] std::size_t of(violation_kind kind) const noexcept {
    return by_kind[static_cast<std::size_t>(kind)];
  }
};

/// Checks the histories of every thread over `variables` variables.
report check(const std::vector<const recorder*>& histories, std::size_t variables);

}  // namespace gillab::stm::opacity
