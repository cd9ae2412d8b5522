// stats.hpp — what the STM counts: commits, aborts by cause, retries and the
// time lost in aborted attempts.
//
// Invariants:
//  - Each thread counts in its own record (detail/runtime.hpp), written only
//    by that thread with relaxed atomic stores, so counting costs no shared
//    cache line; merged_stats() sums every record on demand, including those
//    of threads that have exited.
//  - An abort is counted once, under the one cause that ended the attempt; a
//    retry() is not an abort (it is a request to wait) and is counted apart.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace gillab::stm {

/// Why an attempt ended without committing.
enum class abort_cause : std::uint8_t {
  validation,      // something read changed (or a snapshot could not be extended)
  lock_held,       // a location was locked by another transaction's commit
  explicit_abort,  // the body called tx.abort()
  capacity,        // read or write set exceeded capacity_limit(); the next attempt runs irrevocably
  injected,        // the abort-every-Nth stress switch (set_abort_every)
  serial,          // another transaction is (becoming) irrevocable
  count_
};
inline constexpr std::size_t abort_cause_count = static_cast<std::size_t>(abort_cause::count_);

const char* to_string(abort_cause cause) noexcept;

/// Why the last attempt of the calling thread aborted, and where: the address
/// of the location whose read, validation or lock failed (nullptr when the
/// cause names no location: explicit, injected, serial). A VM maps it back to
/// the object and source line that caused the conflict.
struct abort_info {
  abort_cause cause = abort_cause::validation;
  const void* address = nullptr;
};

struct stats {
  std::uint64_t commits = 0;              // all committed transactions (outermost)
  std::uint64_t read_only_commits = 0;    // of which wrote nothing
  std::uint64_t irrevocable_commits = 0;  // of which ran in serial mode
  std::array<std::uint64_t, abort_cause_count> aborts{};
  std::uint64_t retries = 0;     // retry() calls (each waited for a change)
  std::uint64_t exceptions = 0;  // attempts ended by an exception escaping the body
  std::chrono::nanoseconds aborted_time{0};  // wall time spent in attempts that aborted

  [[nodiscard]] std::uint64_t aborts_of(abort_cause c) const noexcept {
    return aborts[static_cast<std::size_t>(c)];
  }
  [[nodiscard]] std::uint64_t total_aborts() const noexcept {
    std::uint64_t n = 0;
    for (auto a : aborts) n += a;
    return n;
  }
  /// Aborted attempts per attempt (0 when nothing ran).
  [[nodiscard]] double abort_rate() const noexcept {
    const auto attempts = commits + total_aborts();
    return attempts == 0 ? 0.0 : static_cast<double>(total_aborts()) / static_cast<double>(attempts);
  }
  stats& operator+=(const stats& o) noexcept;
};

/// The calling thread's counters.
stats thread_stats();
/// Every thread's counters summed (live and exited threads).
stats merged_stats();
/// Zero every counter. Call when no transaction runs (counters of running
/// threads are not locked: a concurrent increment may survive the reset).
void reset_stats();
/// The calling thread's last abort.
abort_info last_abort();

}  // namespace gillab::stm
