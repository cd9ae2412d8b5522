// errors.hpp — raising and inspecting Python exceptions from C++.
//
// The pending exception lives in the thread state. A runtime function that
// fails calls one of the raise_* helpers (which set it) and returns a null
// value (or -1); callers propagate the null until the eval loop's handler
// search. Built-in exception classes form CPython's hierarchy.
#pragma once

#include "types.hpp"

#include <string>

GILLAB_RUNTIME_NAMESPACE_BEGIN

// CPython's built-in exception hierarchy (the part gillab raises or lets
// programs catch).
#define GILLAB_EXCEPTION_TYPES(X)                    \
  X(BaseException, nullptr)                          \
  X(SystemExit, BaseException)                       \
  X(KeyboardInterrupt, BaseException)                \
  X(GeneratorExit, BaseException)                    \
  X(Exception, BaseException)                        \
  X(StopIteration, Exception)                        \
  X(StopAsyncIteration, Exception)                   \
  X(ArithmeticError, Exception)                      \
  X(OverflowError, ArithmeticError)                  \
  X(ZeroDivisionError, ArithmeticError)              \
  X(AssertionError, Exception)                       \
  X(EOFError, Exception)                             \
  X(AttributeError, Exception)                       \
  X(LookupError, Exception)                          \
  X(IndexError, LookupError)                         \
  X(KeyError, LookupError)                           \
  X(MemoryError, Exception)                          \
  X(NameError, Exception)                            \
  X(UnboundLocalError, NameError)                    \
  X(OSError, Exception)                              \
  X(BlockingIOError, OSError)                        \
  X(ChildProcessError, OSError)                      \
  X(ConnectionError, OSError)                        \
  X(BrokenPipeError, ConnectionError)                \
  X(ConnectionAbortedError, ConnectionError)         \
  X(ConnectionRefusedError, ConnectionError)         \
  X(ConnectionResetError, ConnectionError)           \
  X(FileExistsError, OSError)                        \
  X(FileNotFoundError, OSError)                      \
  X(InterruptedError, OSError)                       \
  X(IsADirectoryError, OSError)                      \
  X(NotADirectoryError, OSError)                     \
  X(PermissionError, OSError)                        \
  X(ProcessLookupError, OSError)                     \
  X(TimeoutError, OSError)                           \
  X(RuntimeError, Exception)                         \
  X(RecursionError, RuntimeError)                    \
  X(NotImplementedError, RuntimeError)               \
  X(SyntaxError, Exception)                          \
  X(IndentationError, SyntaxError)                   \
  X(SystemError, Exception)                          \
  X(TypeError, Exception)                            \
  X(ValueError, Exception)                           \
  X(UnicodeError, ValueError)                        \
  X(UnicodeEncodeError, UnicodeError)                \
  X(UnicodeDecodeError, UnicodeError)                \
  X(ImportError, Exception)                          \
  X(ModuleNotFoundError, ImportError)

#define GILLAB_DECLARE_EXC(name, base) extern type_object exc_##name;
GILLAB_EXCEPTION_TYPES(GILLAB_DECLARE_EXC)
#undef GILLAB_DECLARE_EXC

/// Per-thread interpreter state (the back-end's part lives inside).
struct frame;
struct thread_state {
  backend::thread_state backend_state;
  value pending;                  // the exception being raised, or null
  std::vector<value> handled;     // sys.exc_info() stack (PUSH_EXC_INFO / POP_EXCEPT)
  frame* current_frame = nullptr;
  int depth = 0;                  // Python call depth, for RecursionError
  int recursion_limit = 1000;
  value local_storage;            // _thread._local_storage(): threading.local's dicts, dropped at thread exit
};
namespace thread_detail {
/// The calling thread's state once it has been asked for: a constant-
/// initialised thread_local pointer is one %fs-relative load inline, where
/// the function-local thread_local behind it costs a call and a guard test
/// (perf: current_thread at 2-6% of nbody and generators.py).
inline thread_local thread_state* current = nullptr;
thread_state& first_use();
}  // namespace thread_detail
inline thread_state& current_thread() {
  if (thread_state* s = thread_detail::current) [[likely]] return *s;
  return thread_detail::first_use();
}

value raise(type_object* type, std::string message);  // returns null
value raise_value(value exception);                    // borrowed; returns null
value raise_type_error(std::string message);
/// For built-ins that take no keyword arguments: false, with CPython's
/// "f() takes no keyword arguments" raised, when kwnames is not empty.
[[nodiscard]] bool no_keywords(const char* fname, value kwnames);
[[nodiscard]] bool error_pending();
value take_pending();  // new reference, clears it
bool pending_matches(const type_object* type);
void clear_pending();

/// Creates an exception instance: type(*args).
value make_exception(type_object* type, value args_tuple);  // borrowed args

/// Assignment to an exception's own attributes (__cause__, __context__,
/// __suppress_context__, __traceback__, args), as CPython's BaseException
/// getset: true when `name` is one of them (*rc then 0 or -1 with an error
/// raised), false for any other name. x null: deletion.
bool exception_setattr_special(value exc, value name, value x, int* rc);

/// Sets up an exception class defined by a built-in module (socket.gaierror):
/// the built-in exceptions' slots, `base` as its base.
void init_exception_type(type_object& t, const char* name, type_object* base);

/// OSError's constructor rules, as CPython's OSError.__init__/__new__: with
/// 2 to 5 arguments, errno = args[0], strerror = args[1], filename =
/// args[2] (kept aside, and args cut to the first two). Called wherever an
/// exception's args are set.
/// set_exception_args: `args` (a tuple, owned) becomes the args of an
/// exception other threads may read (its __init__). False: an error is
/// pending (stm: the transaction is unwinding to abort).
[[nodiscard]] bool set_exception_args(value exception, value args);
/// init_new_os_error: the rule applied to an exception made just now,
/// which no other thread can see yet (no world stop on stm's concurrent mode).
void init_new_os_error(value exception);
/// OSError(errno, ...) called on OSError itself makes the subclass CPython
/// maps errno to (ECONNREFUSED -> ConnectionRefusedError, ...).
type_object* os_error_subclass_for(type_object* type, value args_tuple);
/// Raises the OSError subclass for `err` with strerror(err) as its message,
/// as CPython's PyErr_SetFromErrno does (filename, when given, in the
/// message: "[Errno 2] No such file or directory: 'x'"). Returns null.
value raise_os_error(int err, value filename = value());

/// "'int' object is not subscriptable"-style type names.
const char* type_name(value v);

GILLAB_RUNTIME_NAMESPACE_END
