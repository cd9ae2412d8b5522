// syntax_error.hpp — the front end's one error type: CPython's SyntaxError
// and IndentationError (and the NotImplementedError that names an
// unsupported construct), with file, line and column for the caret display.
#pragma once

#include <stdexcept>
#include <string>

namespace gillab::interp {

struct syntax_error : std::runtime_error {
  enum class kind { syntax, indentation, tab, not_implemented, recursion };
  syntax_error(kind k, std::string message, int at_line, int at_column, int at_end_column = -1)
      : std::runtime_error(message), what_kind(k), msg(std::move(message)), line(at_line),
        column(at_column), end_column(at_end_column) {}

  /// The Python exception class name: "SyntaxError", "IndentationError", ...
  [[nodiscard]] const char* class_name() const noexcept {
    switch (what_kind) {
      case kind::indentation: return "IndentationError";
      case kind::tab: return "TabError";
      case kind::not_implemented: return "NotImplementedError";
      case kind::recursion: return "RecursionError";
      case kind::syntax: break;
    }
    return "SyntaxError";
  }

  kind what_kind;
  std::string msg;
  int line;        // 1-based
  int column;      // 1-based, in characters (code points) of the line
  int end_column;  // 1-based exclusive, or -1: one caret
};

}  // namespace gillab::interp
