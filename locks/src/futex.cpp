// futex.cpp — thin wrappers over SYS_futex (private futexes: the words live in
// this process only, which lets the kernel skip the shared-mapping lookup).
#include <gillab/locks/futex.hpp>

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>

namespace gillab::locks {

static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(std::uint32_t),
              "a futex word is a plain 32-bit integer");

bool futex_wait(const std::atomic<std::uint32_t>& word, std::uint32_t expected,
                std::optional<std::chrono::nanoseconds> timeout) noexcept {
  timespec ts{};
  timespec* tsp = nullptr;
  if (timeout) {
    const auto ns = timeout->count() < 0 ? 0 : timeout->count();
    ts.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
    ts.tv_nsec = static_cast<long>(ns % 1'000'000'000);
    tsp = &ts;
  }
  const long rc = syscall(SYS_futex, reinterpret_cast<const std::uint32_t*>(&word),
                          FUTEX_WAIT_PRIVATE, expected, tsp, nullptr, 0);
  return !(rc == -1 && errno == ETIMEDOUT);
}

int futex_wake(const std::atomic<std::uint32_t>& word, int count) noexcept {
  // The word may belong to an object whose owner has already returned from its
  // wait and destroyed it: FUTEX_WAKE only hashes the address, so a wake on
  // such an address is at worst a spurious wake-up of an unrelated waiter, which
  // every caller tolerates (the same argument glibc makes for its mutexes).
  const long rc = syscall(SYS_futex, reinterpret_cast<const std::uint32_t*>(&word),
                          FUTEX_WAKE_PRIVATE, count, nullptr, nullptr, 0);
  return rc < 0 ? 0 : static_cast<int>(rc);
}

}  // namespace gillab::locks
