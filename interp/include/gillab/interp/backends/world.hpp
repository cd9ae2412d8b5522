// world.hpp — stop-the-world for back-ends whose threads run at once
// (free-threaded CPython's _PyEval_StopTheWorld, Python/pystate.c).
//
// Every attached thread is *running* (it may touch objects) or not: in a
// blocking region, parked at a safepoint, or not yet / no longer attached.
// stop() raises the request and waits until no other thread runs; a
// running thread parks at its next safepoint (park_if_requested(): one relaxed load
// when nothing is requested); a thread leaving a blocking region or
// attaching waits while the request stands. One mutex and condition
// variable order it all (blocking regions are around system calls and
// waits, so the two extra lock round trips cost little there).
//
// Invariants: `running` counts the attached threads between start_running
// and stop_running; while a stop is in force exactly one thread runs, the
// one that called stop(), until start(). Used by fine (every thread) and
// stm (its concurrent mode: see backends/stm.hpp).
#pragma once

#include <atomic>
#include <cstdint>

namespace gillab::interp::backends::world {

inline std::atomic<bool> stop_requested{false};
inline std::atomic<std::uint64_t> stops{0};  // for --stats

void start_running();  // attach, leave a blocking region: waits out a stop
void stop_running();   // detach, enter a blocking region
/// The caller (not running: stop_running first) runs alone after this...
void stop();
/// ...until this.
void start();
/// At a safepoint: parks while a stop stands (true if it did).
bool park_if_requested();
// os.fork: the mutex is held across fork(2), the child rebuilt for one thread.
void before_fork();
void after_fork_parent();
void after_fork_child();

}  // namespace gillab::interp::backends::world
