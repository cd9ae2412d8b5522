// lexer.hpp — Python 3 tokenizer for the gillab VM.
//
// Follows CPython's Parser/tokenizer.c for what it accepts and the errors it
// reports: INDENT/DEDENT from a stack of indentation columns (tabs to the
// next multiple of 8), implicit line joining inside (), [] and {} and
// explicit joining by backslash, comments, every literal form (ints in all
// bases with '_', floats, strings single/double/triple-quoted with r/b/f/u
// prefixes and escapes). String literals are decoded here; the parser joins
// adjacent ones.
//
// Invariants: the token vector ends with NEWLINE (if any logical line was
// open), the DEDENTs that close every open block, then END; columns are
// 1-based code-point offsets, as CPython's caret display needs.
#pragma once

#include <gillab/interp/syntax_error.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gillab::interp {

enum class tok : std::uint8_t {
  end, newline, indent, dedent, name, number, string, op,
};

struct token {
  tok kind;
  std::string text;  // name, operator, number as written; string: decoded value
  int line = 0;
  int column = 0;    // 1-based
  int end_line = 0;
  int end_column = 0;
  // Strings only:
  bool is_bytes = false;
  bool is_fstring = false;  // text holds the raw (undecoded) body; the parser splits it
  bool is_raw = false;
};

/// Tokenizes `source`. Throws syntax_error with CPython's message on bad input.
std::vector<token> tokenize(std::string_view source);

/// Decodes the backslash escapes of a string literal's body (as written
/// between its quotes, non-raw). Errors are reported at line:column.
std::string decode_escapes(std::string_view body, bool bytes, int line, int column);

/// The text of line `line` (1-based) of `source`, without its newline.
std::string_view source_line(std::string_view source, int line);

/// Number of code points in the first `bytes` bytes of UTF-8 `s`.
int utf8_columns(std::string_view s, std::size_t bytes);

}  // namespace gillab::interp
