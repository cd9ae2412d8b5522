// A string as a JSON string literal, for --stats: the names it writes
// (classes made by type(), file paths) may hold quotes, backslashes and
// control characters. Bytes >= 0x20 pass through: names are UTF-8 already.
#pragma once

#include <cstdio>
#include <ostream>
#include <string_view>

namespace gillab::interp {

inline void write_json_string(std::ostream& out, std::string_view s) {
  out << '"';
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out << '\\' << c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out << escaped;
    } else {
      out << c;
    }
  }
  out << '"';
}

}  // namespace gillab::interp
