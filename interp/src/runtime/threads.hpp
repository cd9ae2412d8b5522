// threads.hpp — real threads in the VM: the `_thread` module, the registry
// of live threads, deadlock reports, and the process's exit path.
//
// threads.cpp says how; this is what the rest of the runtime and pyvm call.
#pragma once

#include "types.hpp"

#include <atomic>
#include <string>

GILLAB_RUNTIME_NAMESPACE_BEGIN

/// The `_thread` module (created on first import).
value thread_module();
/// The `atomic` module: `with atomic:` blocks through the back-end.
value atomic_module();

/// sys.setswitchinterval(s) / sys.getswitchinterval(): the back-end's switch
/// interval when it has one (gil), else a stored value, as CPython keeps it.
value sys_setswitchinterval(value self, const value* args, std::size_t nargs, value kwnames);
value sys_getswitchinterval(value self, const value* args, std::size_t nargs, value kwnames);

/// `-X NAME[=VALUE]` options meant for the back-end (`-X gil=legacy`):
/// returns false with `error` set for a value the back-end rejects. Options
/// nobody knows are ignored, as CPython ignores unknown -X options.
bool set_backend_option(const std::string& name, const std::string& value, std::string& error);

/// Where `--stats` writes the back-end's statistics at exit: "" none, "-"
/// stderr, else a file name.
void set_statistics_output(std::string where);

/// The end of the main program: calls threading._shutdown() when a
/// `threading` module was imported (found in sys.modules, once imports of
/// Python modules put them there), writes the statistics, and ends the
/// process. With other threads still alive it flushes and calls _exit(rc):
/// they may be blocked on the GIL or running, and static destructors must
/// not run under them (CPython: daemon threads block on the GIL forever).
/// Returns rc when the main thread is alone, for a normal exit.
int finish_main_program(int rc);

/// Threads started by _thread that have not finished (CPython's _count()).
int running_thread_count();

/// os.fork(): fork(2) with the runtime's and the back-end's locks held
/// across it, and the child rebuilt for its one thread (threads.cpp says
/// what survives). Returns fork's result, errno set when it is -1.
long fork_process();

// ---- Ctrl-C (SIGINT) ----
// The handler only sets a flag (all an async-signal handler may do). The
// Python main thread — the one that called install_signal_handlers() —
// raises KeyboardInterrupt at its next safepoint (loop back edge, call) or
// from the blocking call it waits in (time.sleep, lock acquire, join),
// which it wakes from every signal_poll_ms to look, as CPython's blocking
// calls return on EINTR. Other threads never see it, as in CPython.
inline constexpr int signal_poll_ms = 50;
/// Set by the SIGINT handler; cleared by the main thread that raises.
extern std::atomic<bool> sigint_pending;
inline bool signals_pending() { return sigint_pending.load(std::memory_order_relaxed); }
/// On the main thread with a signal pending: raises KeyboardInterrupt and
/// returns true. Elsewhere (or nothing pending): false.
bool handle_signals();
/// Whether the calling thread is the one Ctrl-C is raised in: its blocking
/// calls wait in slices of signal_poll_ms.
bool is_main_thread_for_signals();
/// Installs the SIGINT handler; the calling thread becomes the main thread.
void install_signal_handlers();
/// After an uncaught KeyboardInterrupt: the process ends by SIGINT, as
/// CPython's does (exit status 130 in a shell), once finish_main_program
/// has flushed and written the statistics.
void exit_by_sigint_at_end();

GILLAB_RUNTIME_NAMESPACE_END
