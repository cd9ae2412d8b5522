// runtime.hpp — start-up of the runtime's pieces (called once, in order, by
// the interpreter before any Python code runs).
#pragma once

#include "types.hpp"

#include <string>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

/// Sets up every type and singleton (once) and attaches the calling thread.
void init_runtime();

void make_immortal(object& o, type_object* type);
void init_type(type_object& t, const char* name, type_object* base);
void init_exceptions();
void init_numbers();
void init_strings();
void init_containers();
void init_dict();
void init_sets();
value make_set(type_object* type);
int set_add(value set, value key);
int set_update(value set, value iterable);
value construct_set_of(type_object* type, const value* args, std::size_t nargs, value kwnames);
void init_functions();
void init_generators();
void init_bytes();
/// stdlib.cpp: the time and random modules (created on first import).
value time_module();
value random_module();
value construct_bytes(const value* args, std::size_t nargs, value kwnames);
/// ascii(v): repr(v) with non-ASCII code points escaped.
value op_ascii(value v);
/// str % args (printf-style formatting).
value str_percent_format(value fmt, value args);
value str_encode(value self, const value* args, std::size_t nargs, value kwnames);
/// Adds a built-in method to a built-in type's dict.
void add_method(type_object& t, const char* name, native_fn fn);
void init_builtins();
void flush_stdout();
void set_argv(const std::vector<std::string>& argv);

GILLAB_RUNTIME_NAMESPACE_END
