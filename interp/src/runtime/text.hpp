// text.hpp — byte-level text algorithms that str (UTF-8) and bytes share:
// the separators and characters they work with are ASCII, and UTF-8 never
// puts an ASCII byte inside a multi-byte character, so one byte loop serves
// both (a non-ASCII strip set is the caller's to handle).
#pragma once

#include "config.hpp"

#include <cstdint>
#include <string>
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

// ---- lone surrogates ----
// A str stores a lone surrogate (U+D800..U+DFFF) as its generalized-UTF-8
// bytes ED A0..BF xx, which are no UTF-8: writing or encoding it needs an
// error handler.

/// Whether s[i] starts a lone surrogate's three bytes.
inline bool surrogate_at(std::string_view s, std::size_t i) {
  return s[i] == '\xED' && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xA0;
}
inline char32_t surrogate_value(std::string_view s, std::size_t i) {
  return 0xD000 | (static_cast<char32_t>(s[i + 1] & 0x3F) << 6) | static_cast<char32_t>(s[i + 2] & 0x3F);
}
inline bool holds_surrogate(std::string_view s) {
  for (std::size_t i = s.find('\xED'); i != std::string_view::npos; i = s.find('\xED', i + 1)) {
    if (surrogate_at(s, i)) return true;
  }
  return false;
}
/// A character as Python's escapes name it ('\xe9', '\u20ac', '\U0001f600'):
/// encode errors, and backslashreplace.
inline std::string escaped_character(char32_t cp) {
  const int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
  std::string hex = digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) hex += "0123456789abcdef"[(cp >> shift) & 15];
  return hex;
}
/// Copies s to *out with each lone surrogate given to replace(cp, out),
/// which writes what stands for it, or returns false to stop: then false,
/// *out partly written.
template <class Replace>
bool replace_surrogates(std::string_view s, std::string* out, Replace replace) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!surrogate_at(s, i)) {
      *out += s[i];
      continue;
    }
    if (!replace(surrogate_value(s, i), out)) return false;
    i += 2;
  }
  return true;
}
/// What surrogateescape can write (CPython's stdout under a C or C.UTF-8
/// locale): U+DC80..U+DCFF, as the bytes 80..FF.
inline bool escapable_surrogate(char32_t cp) { return cp >= 0xDC80 && cp <= 0xDCFF; }
/// s as CPython's stderr writes it (backslashreplace).
inline std::string stderr_text(std::string_view s) {
  if (!holds_surrogate(s)) return std::string(s);
  std::string out;
  replace_surrogates(s, &out, [](char32_t cp, std::string* o) {
    *o += escaped_character(cp);
    return true;
  });
  return out;
}

GILLAB_RUNTIME_NAMESPACE_END
