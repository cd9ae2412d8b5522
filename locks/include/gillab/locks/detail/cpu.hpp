// cpu.hpp — the processor's spin-loop hint and the memory orders the locks use,
// named for what they order (DESIGN.md, house style).
//
// Invariant: every spin loop in locks/ calls cpu_relax() on each turn (the x86
// PAUSE hint saves power, frees the sibling hyper-thread and avoids the
// memory-order mis-speculation penalty on loop exit), and is bounded: after a
// bounded number of turns it yields the processor or parks (spin_wait.hpp).
#pragma once

#include <atomic>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace gillab::locks {

/// One spin-loop turn's hint to the processor.
inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#elif defined(__aarch64__)
  asm volatile("yield" ::: "memory");
#else
  std::atomic_signal_fence(std::memory_order_seq_cst);
#endif
}

// Memory orders named for their purpose. A lock's acquiring read-modify-write
// orders the critical section after it; its releasing store orders the
// critical section before it. Spin reads of a lock word that only look for a
// change order nothing (a successful acquiring RMW follows them); spin reads
// that *end* in ownership, with no RMW after them (ticket, MCS and CLH
// hand-offs), must acquire. They use acquire loads rather than a relaxed load
// and a fence: on x86 both are plain loads, and ThreadSanitizer does not model
// stand-alone fences.
inline constexpr std::memory_order order_lock_acquire = std::memory_order_acquire;
inline constexpr std::memory_order order_lock_release = std::memory_order_release;
inline constexpr std::memory_order order_spin_read = std::memory_order_relaxed;
inline constexpr std::memory_order order_handoff_wait = std::memory_order_acquire;
// Queue locks publish a node to its successor (MCS next pointer, CLH tail):
// the successor must see the node's initialised fields.
inline constexpr std::memory_order order_publish_node = std::memory_order_acq_rel;

/// Cache line size used to keep independent hot words apart.
inline constexpr std::size_t cache_line_size = 64;

}  // namespace gillab::locks
