// futex.hpp — the Linux futex system call, the one primitive every parking
// lock in locks/ sleeps on.
//
// Invariants: futex_wait sleeps only while *word == expected (checked by the
// kernel atomically with queueing the caller), so a wake that follows any
// change of the word is never lost. Spurious returns happen; callers loop.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>

namespace gillab::locks {

/// Sleep while `word` holds `expected`, at most `timeout` if given.
/// Returns false when the timeout expired, true otherwise (woken, value
/// changed, or interrupted: the caller re-checks its condition).
bool futex_wait(const std::atomic<std::uint32_t>& word, std::uint32_t expected,
                std::optional<std::chrono::nanoseconds> timeout = std::nullopt) noexcept;

/// Wake up to `count` threads sleeping on `word`; returns how many woke.
int futex_wake(const std::atomic<std::uint32_t>& word, int count) noexcept;

inline constexpr int futex_wake_all = 0x7fffffff;

}  // namespace gillab::locks
