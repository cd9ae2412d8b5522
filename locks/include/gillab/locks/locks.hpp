// locks.hpp — every lock in locks/, and the default.
//
// The default is parking_mutex, measured (bench_locks, release preset, 2-core
// VM, median of 3; the table is in the Foundation issue's note):
//  - uncontended lock+unlock 11.5 ns against std::mutex's 13.0 ns, in one byte
//    instead of 40;
//  - 2 threads, empty critical section: 78 M acquisitions/s against
//    std::mutex's 47 M; with ~100 ns inside: 8.8 M against 6.0 M;
//  - it parks: a waiter behind a long critical section burns no CPU. The
//    spin locks that beat it at 2 threads (tas, ttas, tbb::spin_mutex) collapse
//    once threads outnumber cores, which the VM's benchmarks do on purpose
//    (4 and 8 threads on 2 cores): ticket and queue locks already fall to
//    9-12 M/s at 2 threads.
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
