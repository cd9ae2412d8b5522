// A string as a JSON string literal, for --stats: the names it writes
// (classes made by type(), file paths) may hold quotes, backslashes,
// control characters, lone surrogates ('\ud800' is stored as its three
// generalized-UTF-8 bytes) and, in paths, bytes that are no UTF-8 at all.
// Invariant: the output is valid UTF-8 JSON. Valid characters pass through;
// a surrogate is written as \uXXXX, as Python's json.dumps writes it (so
// json.loads gives the same str back); a byte that starts no valid sequence
// becomes U+FFFD, as a decoder with errors="replace" would read it.
#pragma once

#include <cstdio>
#include <ostream>
#include <string_view>

namespace gillab::interp {

inline void write_json_string(std::ostream& out, std::string_view s) {
  auto escape = [&out](unsigned code) {
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", code);
    out << escaped;
  };
  out << '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') {
        out << '\\' << static_cast<char>(c);
      } else if (c < 0x20) {
        escape(c);
      } else {
        out << static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const std::size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    char32_t cp = len ? c & (0x7F >> len) : 0;
    bool valid = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      valid = (next & 0xC0) == 0x80;
      cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!valid || cp < least[len] || cp > 0x10FFFF) {
      out << "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      escape(static_cast<unsigned>(cp));
      i += len;
    } else {
      out << s.substr(i, len);
      i += len;
    }
  }
  out << '"';
}

}  // namespace gillab::interp
