// traceback.cpp — CPython's report of an uncaught exception, chained
// exceptions included ("During handling of the above exception, another
// exception occurred:" / "The above exception was the direct cause ...").
#include "eval.hpp"
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/lexer.hpp>

#include <cstdio>
#include <map>
#include <set>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

std::map<std::string, std::string>& source_table() {
  static std::map<std::string, std::string> table;
  return table;
}

std::string exception_line(value exc) {
  type_object* t = type_of(exc);
  std::string line = exception_type_name(t);
  ref s(op_str(exc));
  if (!s) {
    clear_pending();
    return line + ": <exception str() failed>";
  }
  const std::string text = str_of(s.get());
  if (!text.empty()) line += ": " + text;
  return line;
}

void print_one(value exc, std::set<const object*>& seen) {
  seen.insert(exc.obj());
  auto* e = static_cast<exception_object*>(exc.obj());
  if (e->cause && !seen.count(e->cause.obj())) {
    print_one(e->cause, seen);
    std::fputs("\nThe above exception was the direct cause of the following exception:\n\n", stderr);
  } else if (e->context && !e->suppress_context && !seen.count(e->context.obj())) {
    print_one(e->context, seen);
    std::fputs("\nDuring handling of the above exception, another exception occurred:\n\n", stderr);
  }
  if (!e->traceback.empty()) {
    std::fputs("Traceback (most recent call last):\n", stderr);
    for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
      const code_unit& u = *it->code->unit;
      std::fprintf(stderr, "  File \"%s\", line %d, in %s\n", u.filename.c_str(), it->line, u.name.c_str());
      auto src = source_table().find(u.filename);
      if (src != source_table().end()) {
        std::string_view line = source_line(src->second, it->line);
        const std::size_t b = line.find_first_not_of(" \t\f");
        if (b != std::string_view::npos) {
          std::fprintf(stderr, "    %.*s\n", static_cast<int>(line.size() - b), line.data() + b);
        }
      }
    }
  }
  std::fprintf(stderr, "%s\n", exception_line(exc).c_str());
}

}  // namespace

void register_source(const std::string& filename, std::string text) { source_table()[filename] = std::move(text); }

std::string source_line_of(const std::string& filename, int line) {
  auto src = source_table().find(filename);
  if (src == source_table().end()) return {};
  std::string_view text = source_line(src->second, line);
  const std::size_t b = text.find_first_not_of(" \t\f");
  return b == std::string_view::npos ? std::string() : std::string(text.substr(b));
}

void print_exception(value exc) {
  flush_stdout();
  std::set<const object*> seen;
  print_one(exc, seen);
  std::fflush(stderr);
}

GILLAB_RUNTIME_NAMESPACE_END
