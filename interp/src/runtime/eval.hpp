// eval.hpp — frames, calls into Python code, and the interpreter's entry
// points.
#pragma once

#include "types.hpp"

GILLAB_RUNTIME_NAMESPACE_BEGIN

/// One activation of a code object. Allocated with room for its fast
/// locals, its cells and free variables, and its value stack.
struct frame {
  code_object* code;
  function_object* func;  // null for module code
  dict_object* globals;
  dict_object* builtins;
  frame* back;
  dict_object* locals = nullptr;  // a class body's namespace (borrowed); else names are globals
  int lasti = 0;          // the instruction being executed (tracebacks)
  // Generator frames only: where execution continues (0: not started; the
  // instruction after a YIELD_VALUE when suspended; -1: finished) and how
  // many values the suspended value stack holds.
  int resume_at = 0;
  int stack_depth = 0;
  bool is_generator = false;
  std::size_t nfast = 0;  // varnames + cells + frees
  value* stack = nullptr;
  value storage[1];       // fast locals, cells, then the value stack
};

/// The source line a frame is executing (its last instruction's).
int line_of(const frame* f);
/// Line `line` of a file whose source the runtime has (tracebacks), leading
/// blanks stripped; "" when unknown.
std::string source_line_of(const std::string& filename, int line);

/// function_type's call slot: binds arguments and runs the body.
value call_function(value fn, const value* args, std::size_t nargs, value kwnames);

/// Runs a generator's frame from its resume point: pushes `sent` (owned)
/// as the value of the suspended `yield`, or, if `throwing`, raises the
/// pending exception there. Returns the yielded or returned value (null
/// with an exception pending on error); f->resume_at < 0 afterwards means
/// the frame has finished and its values are released.
value resume_frame(frame* f, value sent, bool throwing);
/// Releases a frame that run/resume_frame no longer owns (a generator's).
void release_frame(frame* f);

/// generators.cpp: wraps a bound generator frame (the frame's owner from now
/// on); the generator protocol for SEND.
value make_generator(frame* f, function_object* fn);
/// The same for an `async def` function's frame: a coroutine object (a
/// generator that is not iterable and is driven by await / send).
value make_coroutine(frame* f, function_object* fn);
/// A generator or a coroutine (the objects SEND drives directly).
bool is_generator(value v);
bool is_coroutine(value v);
/// GET_AWAITABLE: the iterator that `await v` delegates to — v itself for
/// a coroutine, else v.__await__(); TypeError when v is not awaitable.
value awaitable_iter(value v);
/// Sends `sent` (borrowed) into a generator: the yielded value with
/// *returned false, or the return value with *returned true; null on error.
value generator_send(value gen, value sent, bool* returned);
/// Raises StopIteration carrying a generator's return value (owned).
value raise_stop_iteration(value result);

/// Runs module-level code with `globals` as its namespace.
value run_code(code_object* code, dict_object* globals);

/// Turns a compiled code unit into a runtime code object (constants become
/// immortal objects).
code_object* materialize(const std::shared_ptr<const code_unit>& unit);

value make_module(std::string_view name);

/// Built-in type constructors (int(...), list(...), ...), from builtins.cpp.
using constructor_fn = value (*)(const value* args, std::size_t nargs, value kwnames);
constructor_fn constructor_of(const type_object* t);

/// The builtins module's dict, created on first use.
dict_object* builtins_dict();

/// Prints the pending exception as CPython does ("Traceback (most recent
/// call last):", frames with source lines, "Type: message") to stderr.
void print_exception(value exc);
/// Reports and clears the pending exception where it cannot be raised (an
/// error in __del__, in a generator's finally blocks run by the collector,
/// in a weakref callback), as CPython's unraisable hook: "Exception ignored
/// in: <repr of what>" (or `fallback`), then the traceback.
void report_unraisable(value what, const char* fallback);
/// The report print_exception writes, as traceback.format_exception's
/// chunks (with the chained exceptions unless !chain).
std::vector<std::string> format_exception_lines(value exc, bool chain);

/// The source text of a file, for traceback lines (registered by the driver).
void register_source(const std::string& filename, std::string text);

GILLAB_RUNTIME_NAMESPACE_END
