// spin_wait.hpp — bounded spinning and randomized exponential backoff.
//
// Invariants:
//  - spin_wait spins with cpu_relax() for at most `spin_limit` turns, then
//    yields the processor on every further turn. On a machine with fewer cores
//    than threads (these have 2) an unbounded spin burns the time slice that
//    the lock holder needs; yielding bounds that waste.
//  - backoff doubles its window after each failed attempt up to a cap and
//    waits a uniformly random number of pause turns in it (Anderson 1990;
//    Agarwal & Cherian 1989), so contending threads de-synchronise.
#pragma once

#include <gillab/locks/detail/cpu.hpp>

#include <cstdint>
#include <thread>

namespace gillab::locks {

/// Spin for a bounded number of turns, then yield each turn.
class spin_wait {
 public:
  static constexpr unsigned spin_limit = 64;

  void once() noexcept {
    if (turns_ < spin_limit) {
      ++turns_;
      cpu_relax();
    } else {
      std::this_thread::yield();
    }
  }
  [[nodiscard]] bool spinning() const noexcept { return turns_ < spin_limit; }
  void reset() noexcept { turns_ = 0; }

 private:
  unsigned turns_ = 0;
};

namespace detail {
/// xorshift32 per thread: cheap, and no shared state between threads.
inline std::uint32_t thread_random() noexcept {
  thread_local std::uint32_t state =
      static_cast<std::uint32_t>(std::hash<std::thread::id>{}(std::this_thread::get_id())) | 1U;
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}
}  // namespace detail

/// Randomized exponential backoff, capped; past the cap it also yields.
class backoff {
 public:
  static constexpr std::uint32_t min_window = 4;
  static constexpr std::uint32_t max_window = 1024;

  void pause() noexcept {
    const std::uint32_t turns = detail::thread_random() & (window_ - 1);
    for (std::uint32_t i = 0; i < turns; ++i) cpu_relax();
    if (window_ < max_window) {
      window_ <<= 1;
    } else {
      std::this_thread::yield();
    }
  }
  void reset() noexcept { window_ = min_window; }

 private:
  std::uint32_t window_ = min_window;
};

}  // namespace gillab::locks
