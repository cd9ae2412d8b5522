// pyvm.cpp — the `pyvm-<backend>` command line: run a script (sys.argv),
// `-c CODE`, `--dis script.py`, `--version`, `--stats[=FILE]` (the
// back-end's statistics at exit), `-X gil=new|legacy|fair`, `-X stats`, `-X gc_stress=N` (gc.hpp).
// Exit codes as CPython: 0, 1 for an uncaught exception, SystemExit's code,
// 2 for a usage error.
#include "dict.hpp"
#include "eval.hpp"
#include "gc.hpp"
#include "operations.hpp"
#include "runtime.hpp"
#include "text.hpp"
#include "threads.hpp"

#include <gillab/build_info.hpp>
#include <gillab/interp/compiler.hpp>
#include <gillab/interp/lexer.hpp>

#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

GILLAB_RUNTIME_NAMESPACE_BEGIN

value sys_module_value();  // builtins.cpp
namespace {

// CPython's display of a SyntaxError: the location, the line, a caret.
int report_syntax_error(const syntax_error& e, const std::string& filename, std::string_view source) {
  flush_stdout();
  if (e.what_kind == syntax_error::kind::recursion) {
    std::fprintf(stderr, "%s: %s\n", e.class_name(), e.msg.c_str());
    return 1;
  }
  std::fprintf(stderr, "  File \"%s\", line %d\n", filename.c_str(), e.line);
  const std::string_view line = source_line(source, e.line);
  const std::size_t b = line.find_first_not_of(" \t\f");
  if (b != std::string_view::npos) {
    const std::string_view shown = line.substr(b);
    std::fprintf(stderr, "    %.*s\n", static_cast<int>(shown.size()), shown.data());
    const int skipped = utf8_columns(line, b);
    const int col = std::max(1, e.column - skipped);
    const int end = e.end_column > e.column ? e.end_column - skipped : col + 1;
    std::string caret(static_cast<std::size_t>(col - 1 + 4), ' ');
    caret += std::string(static_cast<std::size_t>(std::max(1, end - col)), '^');
    std::fprintf(stderr, "%s\n", caret.c_str());
  }
  std::fprintf(stderr, "%s: %s\n", e.class_name(), e.msg.c_str());
  return 1;
}

// Source checks CPython makes before tokenizing.
bool check_source(const std::string& filename, const std::string& text) {
  const std::size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n'));
    std::fprintf(stderr, "  File \"%s\", line %d\n", filename.c_str(), line);
    std::fprintf(stderr, "SyntaxError: source code cannot contain null bytes\n");
    return false;
  }
  // UTF-8 validation.
  int line = 1;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') ++line;
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= text.size();
    for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0xC0) == 0x80;
    if (!ok) {
      std::fprintf(stderr,
                   "SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; "
                   "see https://peps.python.org/pep-0263/ for details\n",
                   c, filename.c_str(), line);
      return false;
    }
    i += static_cast<std::size_t>(len);
  }
  return true;
}

int exit_code_of_system_exit(value exc) {
  auto* e = static_cast<exception_object*>(exc.obj());
  ref held(newref(exception_args(e)));  // str() below runs Python (types.hpp, exception_object)
  tuple_object* args = as_tuple(held.get());
  if (args->size == 0 || args->items[0] == none()) return 0;
  std::int64_t code = 0;
  if (as_int64(args->items[0], &code)) return static_cast<int>(code & 0xFF);
  flush_stdout();
  ref s(op_str(args->items[0]));
  if (s) {
    const std::string text = stderr_text(str_of(s.get())) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
  }
  return 1;
}

int run_source(const std::string& filename, const std::string& text) {
  if (!check_source(filename, text)) return 1;
  std::shared_ptr<const code_unit> unit;
  try {
    unit = compile_source(text, filename);
  } catch (const syntax_error& e) {
    return report_syntax_error(e, filename, text);
  }
  register_source(filename, text);
  // The module's globals live until process exit, as CPython leaves much of
  // its state: tearing down would only cost time. Immortal, so they stay
  // reachable and leak checkers report only what a counting bug lost.
  // The script's globals are the dict of module __main__, which is in
  // sys.modules as in CPython (pickle and multiprocessing find the main
  // program's functions there).
  value main_module = immortalize(make_module("__main__"));
  value globals = immortalize(value::from(static_cast<module_object*>(main_module.obj())->dict));
  value modules = dict_get(value::from(static_cast<module_object*>(sys_module_value().obj())->dict), intern("modules"));
  if (modules && type_of(modules) == &dict_type) dict_set(modules, intern("__main__"), main_module);
  ref file(make_str(filename));
  dict_set(globals, intern("__file__"), file.get());
  ref annotations(make_dict());
  dict_set(globals, intern("__annotations__"), annotations.get());
  code_object* code = materialize(unit);
  value result = run_code(code, as_dict(globals));
  int rc = 0;
  if (!result) {
    ref exc(take_pending());
    if (is_instance(exc.get(), &exc_SystemExit)) {
      rc = exit_code_of_system_exit(exc.get());
    } else {
      print_exception(exc.get());
      rc = 1;
      // CPython ends by SIGINT after an uncaught KeyboardInterrupt, so a
      // shell sees it (status 130) and stops a script loop.
      if (is_instance(exc.get(), &exc_KeyboardInterrupt)) exit_by_sigint_at_end();
    }
  } else {
    decref(result);
  }
  flush_stdout();
  return rc;
}

int usage() {
  std::fprintf(stderr,
               "usage: pyvm-%s [--version] [--dis] [--stats[=FILE]] [-X gil=new|legacy|fair] [-X stats] [-X gc_stress=N]"
               " (script.py | -c CODE) [args...]\n",
               backend::name);
  return 2;
}

}  // namespace

int pyvm_main(int argc, char** argv) {
  init_runtime();
  std::vector<std::string> args(argv + 1, argv + argc);
  bool dis = false;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    if (args[i] == "--version") {
      std::printf("gillab %s, back-end %s, int %s, build %s, %s, flags: %s, commit %s\n", build_info::version,
                  backend::name, big_int_library, build_info::build_type, build_info::compiler, build_info::flags,
                  build_info::commit);
      return 0;
    }
    if (args[i] == "--dis") {
      dis = true;
      continue;
    }
    // --stats[=FILE], -X stats, -X gil=VARIANT (threads.hpp).
    if (args[i] == "--stats" || args[i].rfind("--stats=", 0) == 0) {
      set_statistics_output(args[i].size() > 8 ? args[i].substr(8) : "-");
      continue;
    }
    if (args[i].rfind("-X", 0) == 0) {
      std::string opt = args[i].size() > 2 ? args[i].substr(2) : (i + 1 < args.size() ? args[++i] : "");
      const std::size_t eq = opt.find('=');
      const std::string name = opt.substr(0, eq), val = eq == std::string::npos ? "" : opt.substr(eq + 1);
      std::string error;
      if (name == "stats") set_statistics_output("-");
      if (name == "gc_stress") {
        // The collector's stress switch: a collection every N container allocations.
        char* end = nullptr;
        const long long every = std::strtoll(val.c_str(), &end, 10);
        if (val.empty() || *end != '\0' || every < 1) {
          std::fprintf(stderr, "pyvm-%s: -X gc_stress=N needs a positive count, not '%s'\n", backend::name, val.c_str());
          return 2;
        }
        gc_set_stress(every);
        continue;
      }
      if (!set_backend_option(name, val, error)) {
        std::fprintf(stderr, "pyvm-%s: %s\n", backend::name, error.c_str());
        return 2;
      }
      continue;
    }
    break;
  }
  if (i >= args.size()) return usage();
  std::string filename, text;
  std::vector<std::string> sys_argv;
  if (args[i] == "-c") {
    if (i + 1 >= args.size()) {
      std::fprintf(stderr, "Argument expected for the -c option\n");
      return 2;
    }
    filename = "<string>";
    text = args[i + 1];
    sys_argv.push_back("-c");
    sys_argv.insert(sys_argv.end(), args.begin() + static_cast<std::ptrdiff_t>(i + 2), args.end());
  } else {
    filename = args[i];
    std::ifstream in(filename, std::ios::binary);
    // CPython 3.11 names the script by its absolute path in __file__,
    // tracebacks and SyntaxErrors: the working directory joined as is,
    // without resolving "..". sys.argv[0] keeps what was typed.
    if (in && !filename.empty() && filename[0] != '/') {
      if (char* cwd = ::getcwd(nullptr, 0)) {
        filename = std::string(cwd) + "/" + filename;
        std::free(cwd);
      }
    }
    if (!in) {
      std::fprintf(stderr, "pyvm-%s: can't open file '%s': [Errno %d] %s\n", backend::name, filename.c_str(), errno,
                   std::strerror(errno));
      return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    text = ss.str();
    sys_argv.assign(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  }
  set_argv(sys_argv);
  install_signal_handlers();  // Ctrl-C: KeyboardInterrupt in this (the main) thread
  if (dis) {
    if (!check_source(filename, text)) return 1;
    try {
      std::fputs(disassemble(*compile_source(text, filename)).c_str(), stdout);
    } catch (const syntax_error& e) {
      return report_syntax_error(e, filename, text);
    }
    return 0;
  }
  return finish_main_program(run_source(filename, text));
}

GILLAB_RUNTIME_NAMESPACE_END

namespace {

// Each Python call is one C++ activation of the eval loop, so the C stack
// must hold sys.getrecursionlimit() of them (and more under sanitizers,
// whose frames are several times larger). The interpreter therefore runs on
// a thread with a large stack; only the pages it touches are committed.
constexpr std::size_t interpreter_stack_bytes = std::size_t{1} << 30;

struct main_args {
  int argc;
  char** argv;
  int rc;
};

void* interpreter_thread(void* p) {
  auto* a = static_cast<main_args*>(p);
  a->rc = gillab::interp::pyvm_main(a->argc, a->argv);
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  main_args args{argc, argv, 0};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, interpreter_stack_bytes);
  pthread_t thread;
  if (pthread_create(&thread, &attr, interpreter_thread, &args) != 0) {
    return gillab::interp::pyvm_main(argc, argv);  // no big stack to be had: run here
  }
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  return args.rc;
}
