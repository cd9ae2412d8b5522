// text.hpp — byte-level text algorithms that str (UTF-8) and bytes share:
// the separators and characters they work with are ASCII, and UTF-8 never
// puts an ASCII byte inside a multi-byte character, so one byte loop serves
// both (a non-ASCII strip set is the caller's to handle).
#pragma once

#include "config.hpp"

#include <cstdint>
#include <string_view>

GILLAB_RUNTIME_NAMESPACE_BEGIN

/// Python's ASCII whitespace (str.split() also splits on Unicode spaces;
/// gillab's str does not yet).
inline bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// split() with no separator: the runs between whitespace, at most
/// `maxsplit` splits (negative: no limit), the rest kept whole without its
/// trailing whitespace. emit(std::string_view) receives each piece.
template <class Emit>
void split_whitespace(std::string_view s, std::int64_t maxsplit, Emit emit) {
  std::size_t i = 0;
  std::int64_t splits = 0;
  while (i < s.size()) {
    while (i < s.size() && is_ascii_space(s[i])) ++i;
    if (i >= s.size()) break;
    if (maxsplit >= 0 && splits == maxsplit) {
      std::size_t e = s.size();
      while (e > i && is_ascii_space(s[e - 1])) --e;
      emit(s.substr(i, e - i));
      return;
    }
    std::size_t j = i;
    while (j < s.size() && !is_ascii_space(s[j])) ++j;
    emit(s.substr(i, j - i));
    ++splits;
    i = j;
  }
}

/// strip/lstrip/rstrip: s without the leading and/or trailing bytes in `chars`.
inline std::string_view strip_bytes(std::string_view s, std::string_view chars, bool left, bool right) {
  std::size_t b = 0, e = s.size();
  if (left) while (b < e && chars.find(s[b]) != std::string_view::npos) ++b;
  if (right) while (e > b && chars.find(s[e - 1]) != std::string_view::npos) --e;
  return s.substr(b, e - b);
}

GILLAB_RUNTIME_NAMESPACE_END
