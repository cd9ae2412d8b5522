// runtime.hpp — start-up of the runtime's pieces (called once, in order, by
// the interpreter before any Python code runs).
#pragma once

#include "types.hpp"

#include <string>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

void make_immortal(object& o, type_object* type);
void init_type(type_object& t, const char* name, type_object* base);
void init_exceptions();
void init_numbers();
void init_strings();
void init_containers();
void init_dict();
void init_functions();
void init_builtins();
void flush_stdout();
void set_argv(const std::vector<std::string>& argv);

GILLAB_RUNTIME_NAMESPACE_END
