// world.cpp — stop-the-world (backends/world.hpp).
#include <gillab/interp/backends/world.hpp>

#include <condition_variable>
#include <mutex>
#include <new>

namespace gillab::interp::backends::world {

namespace {
std::mutex world_mutex;
std::condition_variable world_changed;
int running = 0;             // attached threads that may touch objects now
bool stopped = false;        // a stop is requested or in force (stop_requested mirrors it)
}  // namespace

void start_running() {
  std::unique_lock lk(world_mutex);
  world_changed.wait(lk, [] { return !stopped; });
  ++running;
}

void stop_running() {
  std::lock_guard lk(world_mutex);
  --running;
  if (stopped) world_changed.notify_all();
}

void stop() {
  // The caller is not running (stop_running) when it calls this: a stop by
  // another thread first runs to its end.
  std::unique_lock lk(world_mutex);
  world_changed.wait(lk, [] { return !stopped; });
  stopped = true;
  stop_requested.store(true, std::memory_order_relaxed);
  stops.fetch_add(1, std::memory_order_relaxed);
  world_changed.wait(lk, [] { return running == 0; });
  ++running;  // the caller runs, alone
}

void start() {
  std::lock_guard lk(world_mutex);
  stopped = false;
  stop_requested.store(false, std::memory_order_relaxed);
  world_changed.notify_all();
}

bool park_if_requested() {
  if (!stop_requested.load(std::memory_order_relaxed)) return false;
  stop_running();
  start_running();
  return true;
}

void before_fork() { world_mutex.lock(); }
void after_fork_parent() { world_mutex.unlock(); }

void after_fork_child() {
  // Only the forking thread exists, running. It holds the mutex
  // (before_fork); the condition variable may still count waiters that
  // vanished with their threads, so it is made afresh.
  world_mutex.unlock();
  new (&world_changed) std::condition_variable();
  running = 1;
  stopped = false;
  stop_requested.store(false, std::memory_order_relaxed);
}

}  // namespace gillab::interp::backends::world
