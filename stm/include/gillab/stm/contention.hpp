// contention.hpp — contention managers: what atomically() does between an
// aborted attempt and the next one.
//
// A contention manager is a policy type, default-constructed once per
// atomically() call (so it may keep per-transaction state such as a backoff
// window), with
//   void on_abort(const abort_info&, unsigned consecutive_aborts);
//   bool run_serial(unsigned consecutive_aborts) const;  // next attempt irrevocable?
//
// Invariants:
//  - immediate_retry and exponential_backoff never force serial mode, so a
//    transaction can starve (abort forever) under a steady stream of
//    conflicting commits; backoff makes that unlikely, not impossible.
//  - serial_after<K> guarantees progress: after K consecutive aborts the next
//    attempt runs in serial mode, alone, and cannot abort by conflict (one
//    such transaction at a time; the others wait at their begin).
//  - Independently of the policy, an abort for capacity makes the next
//    attempt serial (a bigger set will not fit on the next try either).
#pragma once

#include <gillab/locks/spin_wait.hpp>
#include <gillab/stm/stats.hpp>

#include <concepts>

namespace gillab::stm {

template <class CM>
concept contention_manager = std::default_initializable<CM> &&
    requires(CM cm, const CM ccm, const abort_info& info, unsigned n) {
      { CM::name } -> std::convertible_to<const char*>;
      cm.on_abort(info, n);
      { ccm.run_serial(n) } -> std::same_as<bool>;
    };

/// Retry at once (the baseline; fastest when conflicts are rare).
struct immediate_retry {
  static constexpr const char* name = "immediate";
  void on_abort(const abort_info&, unsigned) noexcept {}
  [[nodiscard]] bool run_serial(unsigned) const noexcept { return false; }
};

/// Randomized exponential backoff before each retry (locks::backoff: window
/// doubles per abort up to a cap, then also yields).
struct exponential_backoff {
  static constexpr const char* name = "backoff";
  void on_abort(const abort_info&, unsigned) noexcept { delay.pause(); }
  [[nodiscard]] bool run_serial(unsigned) const noexcept { return false; }
  locks::backoff delay;
};

/// `Inner`'s behaviour for the first K aborts, then one serial attempt.
template <unsigned K = 8, class Inner = exponential_backoff>
struct serial_after {
  static_assert(K > 0);
  static constexpr const char* name = "serial-after-k";
  static constexpr unsigned threshold = K;
  void on_abort(const abort_info& info, unsigned n) noexcept { inner.on_abort(info, n); }
  [[nodiscard]] bool run_serial(unsigned n) const noexcept { return n >= K; }
  Inner inner;
};

}  // namespace gillab::stm
