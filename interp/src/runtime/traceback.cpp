// traceback.cpp — CPython's report of an uncaught exception, chained
// exceptions included ("During handling of the above exception, another
// exception occurred:" / "The above exception was the direct cause ..."),
// as text for stderr and for the traceback module (format_exception's
// chunks: one per header, frame and exception line, as CPython's).
#include "eval.hpp"
#include "operations.hpp"
#include "runtime.hpp"
#include "text.hpp"

#include <gillab/interp/lexer.hpp>

#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

// Written by imports in any thread, read by any thread's traceback: a leaf
// mutex guards it (no Python code runs while it is held).
std::mutex source_mutex;

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

// Another thread may raise or change `exc` meanwhile (types.hpp,
// exception_object): its cause and context are held while formatted (that
// runs Python: str()), and its traceback is copied inside its section.
void format_one(value exc, bool chain, std::set<const object*>& seen, std::vector<std::string>& out) {
  seen.insert(exc.obj());
  auto* e = static_cast<exception_object*>(exc.obj());
  ref cause(chain ? newref(unlocked_field(e->cause)) : value());
  ref context(chain ? newref(unlocked_field(e->context)) : value());
  const bool suppress_context = std::atomic_ref<bool>(e->suppress_context).load(std::memory_order_relaxed);
  if (cause && !seen.count(cause.get().obj())) {
    format_one(cause.get(), chain, seen, out);
    out.emplace_back("\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (context && !suppress_context && !seen.count(context.get().obj())) {
    format_one(context.get(), chain, seen, out);
    out.emplace_back("\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  std::vector<exception_object::tb_entry> traceback;  // its code objects live as long as e
  {
    backend::read_section guard(current_thread().backend_state, e->header);
    traceback = e->traceback;
  }
  if (!traceback.empty()) {
    out.emplace_back("Traceback (most recent call last):\n");
    for (auto it = traceback.rbegin(); it != traceback.rend(); ++it) {
      const code_unit& u = *it->code->unit;
      std::string entry = "  File \"" + u.filename + "\", line " + std::to_string(it->line) + ", in " + u.name + "\n";
      const std::string text = source_line_of(u.filename, it->line);
      if (!text.empty()) entry += "    " + text + "\n";
      out.push_back(std::move(entry));
    }
  }
  out.push_back(exception_line(exc) + "\n");
}

}  // namespace

void register_source(const std::string& filename, std::string text) {
  std::lock_guard lk(source_mutex);
  source_table()[filename] = std::move(text);
}

std::string source_line_of(const std::string& filename, int line) {
  std::lock_guard lk(source_mutex);
  auto src = source_table().find(filename);
  if (src == source_table().end()) return {};
  std::string_view text = source_line(src->second, line);
  const std::size_t b = text.find_first_not_of(" \t\f");
  return b == std::string_view::npos ? std::string() : std::string(text.substr(b));
}

// Held across fork() by the forking thread, so the child never inherits it
// locked by a thread it does not have; released in both processes.
void hold_sources_for_fork() { source_mutex.lock(); }
void release_sources_after_fork() { source_mutex.unlock(); }

std::vector<std::string> format_exception_lines(value exc, bool chain) {
  std::set<const object*> seen;
  std::vector<std::string> out;
  format_one(exc, chain, seen, out);
  return out;
}

void print_exception(value exc) {
  flush_stdout();
  for (const std::string& chunk : format_exception_lines(exc, true)) {
    const std::string text = stderr_text(chunk);  // (fwrite: a message may hold a NUL)
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  std::fflush(stderr);
}

void report_unraisable(value what, const char* fallback) {
  value exc = take_pending();
  ref text(what ? op_repr(what) : value());
  clear_pending();
  flush_stdout();
  std::fprintf(stderr, "Exception ignored in: %s\n", text ? stderr_text(str_of(text.get())).c_str() : fallback);
  print_exception(exc);
  decref(exc);
}

GILLAB_RUNTIME_NAMESPACE_END
