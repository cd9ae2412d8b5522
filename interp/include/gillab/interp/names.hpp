// names.hpp — private name mangling, shared by the compiler (identifiers and
// attributes inside a class) and the runtime (__slots__ names).
//
// CPython's _Py_Mangle: inside class C, an identifier `__x` (two leading
// underscores, not two trailing, no dot) becomes `_C__x`, with C's own
// leading underscores dropped; a class named only by underscores mangles
// nothing.
#pragma once

#include <string>
#include <string_view>

namespace gillab::interp {

inline std::string mangle_private_name(std::string_view class_name, const std::string& name) {
  if (class_name.empty() || name.size() < 3 || name.compare(0, 2, "__") != 0) return name;
  if (name.compare(name.size() - 2, 2, "__") == 0 || name.find('.') != std::string::npos) return name;
  const std::size_t start = class_name.find_first_not_of('_');
  if (start == std::string_view::npos) return name;
  return "_" + std::string(class_name.substr(start)) + name;
}

}  // namespace gillab::interp
