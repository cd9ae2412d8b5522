// imports.cpp — the import system: sys.modules, the built-in modules, .py
// files and packages on sys.path, and the frozen standard library.
//
// Follows CPython's importlib in what programs can see:
//  - A module is looked up in sys.modules first; on a miss the finders run
//    in CPython's order: the built-in (C++) modules, then each directory of
//    sys.path (NAME.py, or NAME/__init__.py for a package) — sys.path[0] is
//    the script's directory, so a program's own modules come first — and
//    last the standard library written in Python (interp/lib, frozen into
//    the executable; frozen.hpp).
//  - A module is entered into sys.modules before its body runs, so circular
//    imports see the partly initialised module, as in CPython; a body that
//    raises removes it again.
//  - One thread at a time runs a module's body (CPython's per-module
//    _ModuleLock): another thread importing the module meanwhile waits,
//    GIL released, until the body has finished, then sees the finished
//    module (or loads it itself if the body failed: CPython hands the
//    threads that found the module before the failure the broken partial
//    module instead). The loading thread itself sees the partial module (a
//    circular import), and so does a thread whose wait would close a cycle
//    of waits (two threads importing each other's modules), where CPython's
//    _DeadlockError does the same.
//  - `import a.b.c` imports a, a.b, a.b.c in turn, each submodule bound as
//    an attribute of its parent, and evaluates to a; `from a.b import x`
//    evaluates to a.b and imports a.b.x when x is a submodule; relative
//    imports resolve against __package__.
//
// Invariant: every module in sys.modules stays alive until exit (sys is
// immortal), so functions keep their globals without a cycle collector.
#include "dict.hpp"
#include "eval.hpp"
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/compiler.hpp>
#include <gillab/interp/frozen.hpp>
#include <gillab/interp/syntax_error.hpp>

#include "threads.hpp"

#include <gillab/interp/backend.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unordered_map>

GILLAB_RUNTIME_NAMESPACE_BEGIN

value builtin_module(const std::string& name);  // builtins.cpp: sys, math, ..., or null
value sys_module_value();                        // builtins.cpp

namespace {

value sys_attr(const char* name) {
  auto* sys = static_cast<module_object*>(sys_module_value().obj());
  return dict_get(value::from(sys->dict), intern(name));
}

value module_dict_value(value m) { return value::from(static_cast<module_object*>(m.obj())->dict); }

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool read_file(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  return true;
}

type_object* exception_class(const syntax_error& e) {
  switch (e.what_kind) {
    case syntax_error::kind::indentation: return &exc_IndentationError;
    case syntax_error::kind::tab: return &exc_IndentationError;
    case syntax_error::kind::not_implemented: return &exc_NotImplementedError;
    case syntax_error::kind::recursion: return &exc_RecursionError;
    case syntax_error::kind::syntax: break;
  }
  return &exc_SyntaxError;
}

/// Compiles and runs a module's source as `name`; the new module, or null.
value exec_module(const std::string& name, const std::string& filename, const std::string& text, bool package,
                  const std::string& package_dir) {
  std::shared_ptr<const code_unit> unit;
  try {
    unit = compile_source(text, filename);
  } catch (const syntax_error& e) {
    return raise(exception_class(e), e.msg + " (" + filename + ", line " + std::to_string(e.line) + ")");
  }
  register_source(filename, text);
  value mod = make_module(name);
  ref hold(mod);
  value d = module_dict_value(mod);
  ref file(make_str(filename));
  dict_set(d, intern("__file__"), file.get());
  const std::string parent = package ? name : name.substr(0, name.rfind('.') == std::string::npos ? 0 : name.rfind('.'));
  ref pkg(make_str(parent));
  dict_set(d, intern("__package__"), pkg.get());
  if (package) {
    ref path(make_list());
    as_list(path.get())->items.push_back(make_str(package_dir));
    dict_set(d, intern("__path__"), path.get());
  }
  value modules = sys_attr("modules");
  if (dict_set(modules, intern(name), mod) < 0) return value();
  code_object* code = materialize(unit);
  value r = run_code(code, as_dict(d));
  if (!r) {
    ref exc(take_pending());
    if (dict_get(modules, intern(name))) dict_del(modules, intern(name));
    clear_pending();
    raise_value(exc.get());
    return value();
  }
  decref(r);
  // The module may have replaced itself in sys.modules (CPython returns that).
  value found = dict_get(modules, intern(name));
  return newref(found ? found : mod);
}

/// Finds and loads `name` (dotted; its parent already imported when it has
/// one). Null without an exception: not found.
value find_and_load(const std::string& name, value parent) {
  const std::string last = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
  if (!parent) {
    if (value m = builtin_module(name)) {
      dict_set(sys_attr("modules"), intern(name), m);
      return m;
    }
    if (error_pending()) return value();
  }
  // The directories to search: the parent package's __path__, or sys.path.
  std::vector<std::string> dirs;
  value path = parent ? dict_get(module_dict_value(parent), intern("__path__")) : sys_attr("path");
  if (path && type_of(path) == &list_type) {
    for (value p : as_list(path)->items)
      if (type_of(p) == &str_type) dirs.push_back(str_of(p));
  }
  for (const std::string& dir : dirs) {
    const std::string base = (dir.empty() ? std::string() : dir + "/") + last;
    std::string text;
    if (is_file(base + "/__init__.py") && read_file(base + "/__init__.py", &text)) {
      return exec_module(name, base + "/__init__.py", text, true, base);
    }
    if (is_file(base + ".py") && read_file(base + ".py", &text)) return exec_module(name, base + ".py", text, false, "");
  }
  if (const frozen_module* f = find_frozen(name)) {
    return exec_module(name, "<frozen " + name + ">", std::string(f->source), f->is_package, "<frozen " + name + ">");
  }
  return value();
}

// ---- per-module import locks ----
struct module_locks {
  std::mutex mutex;
  std::condition_variable changed;
  std::unordered_map<std::string, const void*> loader;   // module -> the thread running its body
  std::unordered_map<const void*, std::string> awaited;  // thread -> the module it waits for
};
module_locks* locks = new module_locks;  // never destroyed: threads may import during exit
std::atomic<int> modules_loading{0};      // loader's size: imports skip the mutex when 0

const void* this_importer() { return &current_thread(); }

// Whether another thread runs `name`'s body and this thread may wait for it
// (waiting would not close a cycle of waits). Called with the mutex held.
bool loaded_by_other(const std::string& name) {
  std::string module = name;
  for (std::size_t hops = 0; hops <= locks->loader.size(); ++hops) {
    auto owner = locks->loader.find(module);
    if (owner == locks->loader.end()) return hops != 0;  // the chain ends in a thread that will finish
    if (owner->second == this_importer()) return false;  // own body, or a cycle through this thread
    auto next = locks->awaited.find(owner->second);
    if (next == locks->awaited.end()) return true;
    module = next->second;
  }
  return false;
}

// sys.modules[name] (a new reference) if it is there and no other thread
// is running its body; else null, with *present saying whether it is there.
value finished_module(value modules, const std::string& name, bool* present) {
  value m = dict_get_ref(modules, intern(name));
  *present = static_cast<bool>(m);
  if (!m || modules_loading.load(std::memory_order_acquire) == 0) return m;
  bool busy;
  {
    std::lock_guard lk(locks->mutex);
    busy = loaded_by_other(name);
  }
  if (!busy) return m;
  decref(m);
  return value();
}

// Waits (GIL released) while another thread runs the body of `name`. With
// `claim`, then makes this thread its loader and returns true, unless this
// thread already is (a circular import) or a cycle of waits forbids it.
bool wait_for_module(const std::string& name, bool claim) {
  if (!claim && modules_loading.load(std::memory_order_acquire) == 0) return false;
  auto try_claim = [&] {  // the mutex held
    if (!claim || locks->loader.count(name)) return false;
    locks->loader.emplace(name, this_importer());
    modules_loading.fetch_add(1, std::memory_order_release);
    return true;
  };
  {
    std::lock_guard lk(locks->mutex);
    if (!loaded_by_other(name)) return try_claim();
  }
  // The region is entered before and left after the mutex (declaration
  // order): the mutex is never held while taking the GIL back.
  gillab::interp::blocking_region<backend> region(current_thread().backend_state);
  std::unique_lock lk(locks->mutex);
  locks->awaited[this_importer()] = name;
  locks->changed.wait(lk, [&] { return !loaded_by_other(name); });
  locks->awaited.erase(this_importer());
  return try_claim();
}

void release_module(const std::string& name) {
  {
    std::lock_guard lk(locks->mutex);
    locks->loader.erase(name);
    modules_loading.fetch_sub(1, std::memory_order_release);
  }
  locks->changed.notify_all();
}

}  // namespace

// fork() copies the table but not the other threads: the forking thread
// holds the table's mutex across fork() (so the copy is consistent), and
// the child keeps only the modules its one thread was loading.
void hold_import_locks_for_fork() { locks->mutex.lock(); }
void release_import_locks_in_parent() { locks->mutex.unlock(); }

void reset_import_locks_after_fork() {
  auto* fresh = new module_locks;
  for (const auto& [module, owner] : locks->loader)
    if (owner == this_importer()) fresh->loader.emplace(module, owner);
  locks->mutex.unlock();  // held by this thread across the fork (hold_import_locks_for_fork)
  locks = fresh;          // the old table is left alone: a fresh one is simpler than scrubbing it
  modules_loading.store(static_cast<int>(fresh->loader.size()), std::memory_order_relaxed);
}

namespace {

value not_found(const std::string& name) {
  return raise(&exc_ModuleNotFoundError, "No module named '" + name + "'");
}

/// Imports `name` and each of its parents; returns the module `name`.
value import_dotted(const std::string& name) {
  value modules = sys_attr("modules");
  // Found, unless another thread is running its body (then wait for it; if
  // it failed there, load it here).
  bool present = false;
  while (true) {
    if (value m = finished_module(modules, name, &present)) return m;
    if (!present) break;
    wait_for_module(name, false);
  }
  if (error_pending()) return value();
  value parent;
  ref parent_ref;
  const std::size_t dot = name.rfind('.');
  if (dot != std::string::npos) {
    parent_ref = ref(import_dotted(name.substr(0, dot)));
    if (!parent_ref) return value();
    parent = parent_ref.get();
    // The parent's body may have imported it (or put it in sys.modules, as
    // os does os.path); if another thread is still running its body, the
    // claim below waits for it.
    if (value m = finished_module(modules, name, &present)) return m;
    if (!present && !dict_get(module_dict_value(parent), intern("__path__"))) {
      return raise(&exc_ModuleNotFoundError, "No module named '" + name + "'; '" + name.substr(0, dot) +
                                                 "' is not a package");
    }
  }
  struct claim_guard {  // releases the claim on every way out
    const std::string& name;
    bool held;
    ~claim_guard() {
      if (held) release_module(name);
    }
  } claim{name, wait_for_module(name, true)};
  if (value done = dict_get_ref(modules, intern(name))) return done;  // loaded meanwhile, or partial (circular)
  value m = find_and_load(name, parent);
  // Bound in its parent before other importers are let in.
  if (m && parent && dict_set(module_dict_value(parent), intern(name.substr(dot + 1)), m) < 0) {
    decref(m);
    m = value();
  }
  if (!m) return error_pending() ? value() : not_found(name);
  return m;
}

std::string resolve_relative(const std::string& name, std::int64_t level, value globals) {
  value pkg = globals ? dict_get(globals, intern("__package__")) : value();
  std::string base;
  if (pkg && type_of(pkg) == &str_type) {
    base = str_of(pkg);
  } else if (globals) {
    value n = dict_get(globals, intern("__name__"));
    if (n && type_of(n) == &str_type) {
      base = str_of(n);
      if (!dict_get(globals, intern("__path__"))) base = base.rfind('.') == std::string::npos ? "" : base.substr(0, base.rfind('.'));
    }
  }
  if (base.empty()) {
    raise(&exc_ImportError, "attempted relative import with no known parent package");
    return {};
  }
  for (std::int64_t i = 1; i < level; ++i) {
    const std::size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(&exc_ImportError, "attempted relative import beyond top-level package");
      return {};
    }
    base = base.substr(0, dot);
  }
  return name.empty() ? base : base + "." + name;
}

}  // namespace

value import_name_in(value name_v, value fromlist, value level_v, value globals) {
  std::int64_t level = 0;
  as_int64(level_v, &level);
  std::string name = str_of(name_v);
  if (level > 0) {
    name = resolve_relative(name, level, globals);
    if (name.empty()) return value();
  }
  ref m(import_dotted(name));
  if (!m) return value();
  const bool has_fromlist = fromlist && fromlist != none() && type_of(fromlist) == &tuple_type && as_tuple(fromlist)->size;
  if (!has_fromlist) {
    if (level > 0 || name.find('.') == std::string::npos) return m.release();
    return newref(dict_get(sys_attr("modules"), intern(name.substr(0, name.find('.')))));
  }
  // from package import submodule: import the submodules not yet bound.
  if (dict_get(module_dict_value(m.get()), intern("__path__"))) {
    for (std::size_t i = 0; i < as_tuple(fromlist)->size; ++i) {
      value item = as_tuple(fromlist)->items[i];
      if (type_of(item) != &str_type || str_of(item) == "*") continue;
      if (dict_get(module_dict_value(m.get()), item)) continue;
      ref sub(import_dotted(name + "." + str_of(item)));
      if (!sub) {
        if (!pending_matches(&exc_ModuleNotFoundError)) return value();
        clear_pending();  // IMPORT_FROM reports the missing name
      }
    }
  }
  return m.release();
}

value import_name(value name, value fromlist, value level) { return import_name_in(name, fromlist, level, value()); }

value import_attribute(const char* module, value name) {
  ref module_name(make_str(module));
  ref level(make_int(0));
  ref m(import_name_in(module_name.get(), none(), level.get(), value()));
  return m ? op_getattr(m.get(), name) : value();
}

bool import_star(value module, value globals) {
  value names = dict_get(module_dict_value(module), intern("__all__"));
  if (names) {
    // The names __all__ lists, each looked up as an attribute (a module's
    // __getattr__ may provide it, PEP 562), underscores included.
    std::vector<value> listed;
    if (!collect(names, listed)) return false;
    bool ok = true;
    for (value n : listed) {
      if (ok && type_of(n) != &str_type) {
        raise_type_error(std::string("Item in ") + str_of(dict_get(module_dict_value(module), intern("__name__"))) +
                         ".__all__ must be str, not " + type_name(n));
        ok = false;
      }
      if (ok) {
        ref v(op_getattr(module, n));
        ok = v && dict_set(globals, n, v.get()) == 0;
      }
      decref(n);
    }
    return ok;
  }
  if (error_pending()) return false;
  std::size_t pos = 0;
  value k, v;
  while (dict_next(module_dict_value(module), &pos, &k, &v)) {
    if (str_of(k).rfind('_', 0) == 0) continue;
    if (dict_set(globals, k, v) < 0) return false;
  }
  return true;
}

void init_sys_path(const std::string& script) {
  // sys.path[0]: the script's directory (made absolute), '' for -c; then
  // PYTHONPATH's directories.
  value path = make_list();
  std::string first;
  if (script != "-c" && !script.empty()) {
    const std::size_t slash = script.rfind('/');
    std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : script.substr(0, slash));
    if (char* real = ::realpath(dir.c_str(), nullptr)) {
      first = real;
      std::free(real);
    } else {
      first = dir;
    }
  }
  as_list(path)->items.push_back(make_str(first));
  if (const char* env = std::getenv("PYTHONPATH")) {
    std::string rest = env;
    std::size_t start = 0;
    while (start <= rest.size()) {
      const std::size_t colon = rest.find(':', start);
      const std::string dir = rest.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!dir.empty()) as_list(path)->items.push_back(make_str(dir));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  auto* sys = static_cast<module_object*>(sys_module_value().obj());
  dict_set(value::from(sys->dict), intern("path"), path);
  decref(path);
}

GILLAB_RUNTIME_NAMESPACE_END
