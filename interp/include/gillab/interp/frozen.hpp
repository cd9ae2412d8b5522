// frozen.hpp — the VM's standard library modules written in Python
// (interp/lib/*.py: threading, queue, collections, functools, ...), built
// into every pyvm executable as source text by cmake/EmbedPython.cmake.
// The import system (runtime/imports.cpp) compiles one on its first import,
// after the built-in modules and the directories of sys.path.
#pragma once

#include <string_view>

namespace gillab::interp {

struct frozen_module {
  std::string_view name;    // dotted
  std::string_view source;  // UTF-8 Python
  bool is_package;
};

/// The frozen module called `name`, or null.
const frozen_module* find_frozen(std::string_view name);

}  // namespace gillab::interp
