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
  int lasti = 0;          // the instruction being executed (tracebacks)
  std::size_t nfast = 0;  // varnames + cells + frees
  value* stack = nullptr;
  value storage[1];       // fast locals, cells, then the value stack
};

/// function_type's call slot: binds arguments and runs the body.
value call_function(value fn, const value* args, std::size_t nargs, value kwnames);

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

/// The source text of a file, for traceback lines (registered by the driver).
void register_source(const std::string& filename, std::string text);

GILLAB_RUNTIME_NAMESPACE_END
