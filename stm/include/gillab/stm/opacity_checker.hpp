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

struct report {
  std::size_t attempts = 0;
  std::size_t committed = 0;
  std::size_t aborted = 0;
  std::size_t violations = 0;
  std::vector<std::string> examples;  // the first few violations, described
};

/// Checks the histories of every thread over `variables` variables.
report check(const std::vector<const recorder*>& histories, std::size_t variables);

}  // namespace gillab::stm::opacity
