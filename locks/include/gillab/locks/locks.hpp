// locks.hpp — every lock in locks/, and the default.
//
// DEFAULT_LOCK_REASON
#pragma once

#include <gillab/locks/adaptive_mutex.hpp>
#include <gillab/locks/clh_lock.hpp>
#include <gillab/locks/futex_mutex.hpp>
#include <gillab/locks/lockable.hpp>
#include <gillab/locks/mcs_lock.hpp>
#include <gillab/locks/parking_mutex.hpp>
#include <gillab/locks/rw_lock.hpp>
#include <gillab/locks/tas_lock.hpp>
#include <gillab/locks/ticket_lock.hpp>
#include <gillab/locks/ttas_lock.hpp>

#include <tuple>

namespace gillab::locks {

/// Every mutual-exclusion lock, for tests and benchmarks that iterate them.
using all_locks = std::tuple<tas_lock, ttas_lock, ticket_lock, mcs_lock, clh_lock, futex_mutex,
                             adaptive_mutex, rw_lock, parking_mutex>;

/// The locks that grant in arrival order.
using fifo_locks = std::tuple<ticket_lock, mcs_lock, clh_lock>;

using default_lock = parking_mutex;

}  // namespace gillab::locks
