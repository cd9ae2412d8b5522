// lockable.hpp — the one concept every lock in locks/ satisfies.
//
// A gillab lock is a standard Lockable (lock, unlock, try_lock: so
// std::scoped_lock, std::unique_lock and std::lock work with it) that is
// neither copyable nor movable (waiters hold its address) and carries its
// short name, used in benchmark names and reports (`BM_Lock<mcs>`).
// Every lock must be unlocked by the thread that locked it, as std::mutex.
#pragma once

#include <concepts>
#include <string_view>
#include <type_traits>

namespace gillab::locks {

template <class L>
concept lockable = requires(L& l) {
  { l.lock() } -> std::same_as<void>;
  { l.unlock() } -> std::same_as<void>;
  { l.try_lock() } -> std::same_as<bool>;
  { L::name } -> std::convertible_to<std::string_view>;
} && std::is_default_constructible_v<L> && !std::is_copy_constructible_v<L> &&
                   !std::is_move_constructible_v<L>;

/// A lock that also admits many readers at once (SharedLockable).
template <class L>
concept shared_lockable = lockable<L> && requires(L& l) {
  { l.lock_shared() } -> std::same_as<void>;
  { l.unlock_shared() } -> std::same_as<void>;
  { l.try_lock_shared() } -> std::same_as<bool>;
};

/// Base that removes copy and move (a lock's address is its identity).
struct pinned {
  pinned() = default;
  pinned(const pinned&) = delete;
  pinned& operator=(const pinned&) = delete;
};

}  // namespace gillab::locks
