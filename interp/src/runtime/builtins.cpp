// builtins.cpp — the builtins module, methods of the built-in types, the
// format mini-language, and the built-in modules (sys, math).
//
// Messages follow CPython 3.11 word for word where programs (and golden
// tests) can see them.
#include "transaction.hpp"
#include "dict.hpp"
#include "eval.hpp"
#include "operations.hpp"
#include "gc.hpp"
#include "reclaim.hpp"
#include "text.hpp"
#include "runtime.hpp"
#include "threads.hpp"  // thread_module(), sys.setswitchinterval

#include <gillab/build_info.hpp>
#include <gillab/interp/ast.hpp>
#include <gillab/interp/utf8.hpp>

#include <algorithm>
#include <unistd.h>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cfenv>
#include <cmath>
#include <mutex>
#include <cstdio>
#include <clocale>
#include <locale.h>
#include <cwctype>
#include <functional>

GILLAB_RUNTIME_NAMESPACE_BEGIN

std::string format_float_repr(double d);
double float_value(value v);

namespace {

using ast::binop;
using ast::cmpop;

// ---- argument helpers ----
std::size_t npositional(std::size_t nargs, value kwnames) { return nargs - (kwnames ? as_tuple(kwnames)->size : 0); }

bool arg_count(const char* fname, std::size_t n, std::size_t lo, std::size_t hi) {
  if (n >= lo && n <= hi) return true;
  if (lo == hi) {
    if (lo == 1) {
      raise_type_error(std::string(fname) + "() takes exactly one argument (" + std::to_string(n) + " given)");
    } else {
      raise_type_error(std::string(fname) + " expected " + std::to_string(lo) + " arguments, got " + std::to_string(n));
    }
  } else if (n < lo) {
    raise_type_error(std::string(fname) + " expected at least " + std::to_string(lo) + " argument" + (lo == 1 ? "" : "s") +
                     ", got " + std::to_string(n));
  } else {
    raise_type_error(std::string(fname) + " expected at most " + std::to_string(hi) + " argument" + (hi == 1 ? "" : "s") +
                     ", got " + std::to_string(n));
  }
  return false;
}

value keyword_arg(const value* args, std::size_t nargs, value kwnames, std::string_view name) {
  if (!kwnames) return value();
  tuple_object* k = as_tuple(kwnames);
  const std::size_t npos = nargs - k->size;
  for (std::size_t i = 0; i < k->size; ++i)
    if (str_of(k->items[i]) == name) return args[npos + i];
  return value();
}

bool only_keywords(const char* fname, value kwnames, std::initializer_list<std::string_view> allowed) {
  if (!kwnames) return true;
  for (std::size_t i = 0; i < as_tuple(kwnames)->size; ++i) {
    const std::string n = str_of(as_tuple(kwnames)->items[i]);
    if (std::find(allowed.begin(), allowed.end(), n) == allowed.end()) {
      raise_type_error("'" + n + "' is an invalid keyword argument for " + fname + "()");
      return false;
    }
  }
  return true;
}

bool index_arg(value v, std::int64_t* out) {
  if (as_int64(v, out)) return true;
  if (type_of(v) == &int_type) {
    raise(&exc_OverflowError, "Python int too large to convert to C ssize_t");
  } else {
    raise_type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
  }
  return false;
}

// ---- output ----
// print() appends to one process-wide buffer. Under the GIL that is already
// serialised; a back-end that runs threads in parallel (fine) guards it with
// a leaf mutex (no Python code runs while it is held), so gil and nosync pay
// nothing for it.
std::string& stdout_buffer() {
  static std::string buf;
  return buf;
}
std::mutex stdout_mutex;

std::unique_lock<std::mutex> lock_stdout() {
  std::unique_lock<std::mutex> lk(stdout_mutex, std::defer_lock);
  if constexpr (backend::parallel) lk.lock();
  return lk;
}

void flush_stdout_locked() {
  std::string& buf = stdout_buffer();
  if (!buf.empty()) {
    std::fwrite(buf.data(), 1, buf.size(), stdout);
    buf.clear();
  }
  std::fflush(stdout);
}

}  // namespace

void add_method(type_object& t, const char* name, native_fn fn) {
  if (!t.dict) t.dict = as_dict(make_dict());
  immortalize(value::from(t.dict));
  dict_set(value::from(t.dict), intern(name), make_immortal_builtin(name, fn));
  invalidate_type_cache();  // a type's methods added after lookups began (a module's first import)
}

void mark_methods_irrevocable(type_object& t) {
  dict_object* d = t.dict;
  if (!d || !d->tab) return;
  const dict_object::entry* e = d->tab->entries();
  for (std::uint32_t i = 0; i < d->tab->nentries; ++i) {
    if (e[i].key && type_of(e[i].val) == &builtin_function_type) e[i].val.obj()->flags |= flag_irrevocable;
  }
}

void add_class_method(type_object& t, const char* name, native_fn fn) {
  add_method(t, name, fn);
  dict_get(value::from(t.dict), intern(name)).obj()->flags |= flag_class_method;
}

void flush_stdout() {
  auto lk = lock_stdout();
  flush_stdout_locked();
}

// fork() copies the buffer and its mutex: the forking thread flushes and
// holds the mutex across the fork, so the child neither prints the parent's
// output again nor inherits the mutex held by a thread it does not have.
void flush_stdout_and_hold() {
  if constexpr (backend::parallel) stdout_mutex.lock();
  flush_stdout_locked();
}

void release_stdout() {
  if constexpr (backend::parallel) stdout_mutex.unlock();
}

namespace {

[[nodiscard]] bool write_stdout(const std::string& s) {
  if (!transaction_irrevocable()) return false;  // output is never taken back (stm)
  auto lk = lock_stdout();
  std::string& buf = stdout_buffer();
  buf += s;
  if (buf.size() > (1 << 16)) flush_stdout_locked();
  return true;
}

/// CPython's sys.stdout error handler: surrogateescape under a C, POSIX or
/// C.UTF-8 locale (the PEP 538 / 540 coercion; a locale the environment
/// names but the system does not have is C), else strict.
bool stdout_escapes_surrogates() {
  static const bool escapes = [] {
    std::string name;
    for (const char* variable : {"LC_ALL", "LC_CTYPE", "LANG"}) {
      const char* v = std::getenv(variable);
      if (v && *v) {
        name = v;
        break;
      }
    }
    if (name.empty() || name == "C" || name == "POSIX" || name == "C.UTF-8" || name == "C.utf8" || name == "UTF-8") {
      return true;
    }
    locale_t installed = newlocale(LC_CTYPE_MASK, name.c_str(), static_cast<locale_t>(nullptr));
    if (!installed) return true;
    freelocale(installed);
    return false;
  }();
  return escapes;
}

/// Appends `text` (str `s`'s UTF-8) to `out` as sys.stdout writes it; false,
/// with UnicodeEncodeError raised, at a lone surrogate its handler cannot
/// write (a str stores one as bytes that are no UTF-8).
bool append_stdout_text(const std::string& text, value s, std::string* out) {
  if (!holds_surrogate(text)) {
    *out += text;
    return true;
  }
  std::string escaped;
  if (!stdout_escapes_surrogates()) {
    check_utf8_encodable(s);  // raises, naming the first surrogate
    return false;
  }
  if (replace_surrogates(text, &escaped, [](char32_t cp, std::string* o) {
        if (!escapable_surrogate(cp)) return false;
        *o += static_cast<char>(cp - 0xDC00);
        return true;
      })) {
    *out += escaped;
    return true;
  }
  // The error names the first surrogate surrogateescape could not write:
  // strict's error on the text with the others replaced (one character each).
  std::string marked;
  replace_surrogates(text, &marked, [](char32_t cp, std::string* o) {
    if (escapable_surrogate(cp)) {
      *o += '?';
    } else {
      utf8::append(*o, cp);  // kept as it was
    }
    return true;
  });
  ref m(make_str(marked));
  if (m) check_utf8_encodable(m.get());
  return false;
}

bool is_process_stdout(value v);  // the original sys.stdout (below, with its type)
type_object dict_keys_type, dict_values_type, dict_items_type;
value sys_module();

value builtin_print(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("print", kwnames, {"sep", "end", "file", "flush"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  value sep = keyword_arg(args, nargs, kwnames, "sep");
  value end = keyword_arg(args, nargs, kwnames, "end");
  value file = keyword_arg(args, nargs, kwnames, "file");
  value flush = keyword_arg(args, nargs, kwnames, "flush");
  auto text_of = [](value v, const char* dflt, const char* what, std::string* out) {
    if (!v || v == none()) {
      *out = dflt;
      return true;
    }
    if (type_of(v) != &str_type) {
      raise_type_error(std::string(what) + " must be None or a string, not " + type_name(v));
      return false;
    }
    *out = str_of(v);
    return true;
  };
  std::string sep_s, end_s;
  if (!text_of(sep, " ", "sep", &sep_s) || !text_of(end, "\n", "end", &end_s)) return value();
  // No file: sys.stdout as it is now (a program may have replaced it, as
  // contextlib.redirect_stdout does); None prints nothing (CPython's print).
  ref current_stdout;
  if (!file || file == none()) {
    auto* sys = static_cast<module_object*>(sys_module().obj());
    current_stdout = ref(dict_get_ref(value::from(sys->dict), intern("stdout")));
    file = current_stdout.get();
    if (!file || file == none()) return none();
  }
  if (!is_process_stdout(file)) {
    // Another file object: one write() a piece, as CPython's print.
    ref write(op_getattr(file, intern("write")));
    if (!write) return value();
    auto write_text = [&](value text) {
      ref r(op_call(write.get(), &text, 1));
      return static_cast<bool>(r);
    };
    ref sep_text(make_str(sep_s)), end_text(make_str(end_s));
    for (std::size_t i = 0; i < n; ++i) {
      if (i && !write_text(sep_text.get())) return value();
      ref s(op_str(args[i]));
      if (!s || !write_text(s.get())) return value();
    }
    if (!write_text(end_text.get())) return value();
    if (flush && op_truth(flush) > 0) {
      ref fl(op_getattr(file, intern("flush")));
      if (!fl) return value();
      ref r(op_call(fl.get(), nullptr, 0));
      if (!r) return value();
    }
    return none();
  }
  // The process's stdout: one string into its buffer (written before an
  // argument whose class's __str__ may print). A piece that fails (its
  // __str__ raises, or it holds a surrogate stdout cannot write) ends the
  // output there, after what came before it, as CPython's one write a
  // piece does.
  std::string out;
  auto fail = [&out] {
    if (!out.empty()) (void)write_stdout(out);
    return value();
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (i && !append_stdout_text(sep_s, sep, &out)) return fail();
    // A class's __str__ may print: what came before it is written first.
    if (type_of(args[i])->heap && !out.empty()) {
      if (!write_stdout(out)) return value();
      out.clear();
    }
    ref s(op_str(args[i]));
    if (!s || !append_stdout_text(str_of(s.get()), s.get(), &out)) return fail();
  }
  if (!append_stdout_text(end_s, end, &out)) return fail();
  if (!write_stdout(out)) return value();
  if (flush && op_truth(flush) > 0) flush_stdout();
  return none();
}

value builtin_len(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("len", kwnames) || !arg_count("len", nargs, 1, 1)) return value();
  const std::int64_t n = op_length(args[0]);
  return n < 0 ? value() : make_int(n);
}

value builtin_repr(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("repr", kwnames) || !arg_count("repr", nargs, 1, 1)) return value();
  return op_repr(args[0]);
}

value builtin_ascii(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("ascii", kwnames) || !arg_count("ascii", nargs, 1, 1)) return value();
  return op_ascii(args[0]);
}

value checked_str_result(value r, const char* method) {
  if (r && !is_instance(r, &str_type)) {
    std::string msg = std::string(method) + " must return a str, not " + type_name(r);
    decref(r);
    return raise_type_error(msg);
  }
  return r;
}

// A class's special method for a built-in function (abs -> __abs__):
// true with *out set (null on error) when the class defines it.
bool class_special(value v, const char* name, const value* args, std::size_t nargs, value* out) {
  if (!type_of(v)->heap) return false;
  value m = type_lookup(type_of(v), intern(name));
  if (!m || m == none()) return false;
  *out = call_method(m, v, args, nargs);
  return true;
}

// __int__ / __float__ / __index__ results must be of the right type.
value checked_number(value r, const type_object* want, const char* method) {
  if (r && !is_instance(r, want)) {
    std::string msg = std::string(method) + " returned non-" + want->name + " (type " + type_name(r) + ")";
    decref(r);
    return raise_type_error(msg);
  }
  return r;
}

value builtin_abs(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("abs", kwnames) || !arg_count("abs", nargs, 1, 1)) return value();
  value v = args[0];
  if (value r; class_special(v, "__abs__", nullptr, 0, &r)) return r;
  if (type_of(v) == &float_type) return make_float(std::fabs(float_value(v)));
  if (type_of(v) != &int_type && type_of(v) != &bool_type) {
    return raise_type_error(std::string("bad operand type for abs(): '") + type_name(v) + "'");
  }
  ref zero(make_int(0));
  ref neg(op_compare(v, zero.get(), static_cast<int>(cmpop::lt)));
  if (!neg) return value();
  if (neg.get() == true_value()) return op_unary(v, static_cast<int>(ast::unaryop::neg));
  return op_unary(v, static_cast<int>(ast::unaryop::pos));
}

// isinstance/issubclass: whether type t derives from cls, or from any
// class in a (nested) tuple cls; -1 with `error` raised for anything else.
// A class whose metaclass is a Python class asks the metaclass's
// __instancecheck__ (isinstance: `instance` given) or __subclasscheck__.
int subclass_check(type_object* t, value cls, const char* error, value instance = value()) {
  if (type_of(cls) == &tuple_type) {
    for (std::size_t i = 0; i < as_tuple(cls)->size; ++i) {
      const int r = subclass_check(t, as_tuple(cls)->items[i], error, instance);
      if (r) return r;
    }
    return 0;
  }
  if (value members = union_members(cls)) return subclass_check(t, members, error, instance);
  if (type_of(cls)->heap && is_type(cls)) {
    if (instance && value::from(t) == cls) return 1;  // CPython's shortcut: no hook for the exact class
    ref hook(lookup_special(cls, instance ? "__instancecheck__" : "__subclasscheck__"));
    if (!hook) return -1;
    value arg = instance ? instance : value::from(t);
    ref r(op_call(hook.get(), &arg, 1));
    return r ? op_truth(r.get()) : -1;
  }
  if (!is_type(cls)) {
    if (is_generic_alias(cls)) {
      raise_type_error(std::string(error).substr(0, std::string(error).find('(')) +
                       "() argument 2 cannot be a parameterized generic");
      return -1;
    }
    raise_type_error(error);
    return -1;
  }
  return is_subtype(t, static_cast<type_object*>(cls.obj()));
}

value builtin_isinstance(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("isinstance", kwnames) || !arg_count("isinstance", nargs, 2, 2)) return value();
  const int r = subclass_check(type_of(args[0]), args[1], "isinstance() arg 2 must be a type, a tuple of types, or a union",
                               args[0]);
  return r < 0 ? value() : boolean(r);
}

value builtin_issubclass(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("issubclass", kwnames) || !arg_count("issubclass", nargs, 2, 2)) return value();
  if (!is_type(args[0])) return raise_type_error("issubclass() arg 1 must be a class");
  const int r = subclass_check(static_cast<type_object*>(args[0].obj()), args[1],
                               "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return r < 0 ? value() : boolean(r);
}

value builtin_callable(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("callable", kwnames) || !arg_count("callable", nargs, 1, 1)) return value();
  type_object* t = type_of(args[0]);
  if (t->heap) return boolean(static_cast<bool>(type_lookup(t, intern("__call__"))));
  return boolean(t->call != nullptr || t == &type_type);
}

value builtin_dir(value, const value* args, std::size_t nargs, value kwnames);
value builtin_import(value, const value* args, std::size_t nargs, value kwnames);

// globals() and locals() see the calling frame: a built-in runs in its
// caller's frame (the VM pushes none for it). In a function, locals() is a
// new dict of the bound fast locals, then the cells' and free variables'
// contents, as CPython 3.11's snapshot: storing into it changes nothing.
value builtin_globals(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("globals", kwnames)) return value();
  if (nargs) return raise_type_error("globals() takes no arguments (" + std::to_string(nargs) + " given)");
  const frame* f = current_thread().current_frame;
  if (f == nullptr) return raise(&exc_SystemError, "frame does not exist");  // called from no Python code
  return newref(value::from(f->globals));
}

value builtin_locals(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("locals", kwnames)) return value();
  if (nargs) return raise_type_error("locals() takes no arguments (" + std::to_string(nargs) + " given)");
  const frame* f = current_thread().current_frame;
  if (f == nullptr) return raise(&exc_SystemError, "frame does not exist");  // called from no Python code
  if (f->locals) return newref(value::from(f->locals));  // a class body
  if (!f->func) return newref(value::from(f->globals));  // module code
  const code_unit& unit = *f->code->unit;
  ref snapshot(make_dict());
  std::size_t slot = 0;
  for (const std::string& n : unit.varnames) {
    if (value v = f->storage[slot++]; v && dict_set(snapshot.get(), intern(n), v) < 0) return value();
  }
  for (const auto* names : {&unit.cellvars, &unit.freevars}) {
    for (const std::string& n : *names) {
      value c = f->storage[slot++];
      if (!c || type_of(c) != &cell_type) continue;
      auto* cell = static_cast<cell_object*>(c.obj());
      ref contents;
      {
        backend::read_section guard(current_thread().backend_state, cell->header);
        if (cell->contents) contents = ref(newref(cell->contents));
      }
      if (contents && dict_set(snapshot.get(), intern(n), contents.get()) < 0) return value();
    }
  }
  return snapshot.release();
}

value builtin_vars(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("vars", kwnames) || !arg_count("vars", nargs, 1, 1)) return value();
  value r = op_getattr(args[0], intern("__dict__"));
  if (!r && pending_matches(&exc_AttributeError)) {
    clear_pending();
    return raise_type_error("vars() argument must have __dict__ attribute");
  }
  return r;
}

value builtin_type(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("type", kwnames)) return value();
  if (nargs == 3) return make_type3(args);
  if (nargs != 1) return raise_type_error("type() takes 1 or 3 arguments");
  return newref(value::from(type_of(args[0])));
}

value builtin_hash(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("hash", kwnames) || !arg_count("hash", nargs, 1, 1)) return value();
  std::int64_t h = 0;
  if (!op_hash(args[0], &h)) return value();
  return make_int(h);
}

value builtin_id(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("id", kwnames) || !arg_count("id", nargs, 1, 1)) return value();
  if (args[0].is_small()) return make_int(static_cast<std::int64_t>(args[0].raw() >> 1));
  return make_int(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(args[0].obj())));
}

value builtin_iter(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("iter", kwnames) || !arg_count("iter", nargs, 1, 1)) return value();
  return op_iter(args[0]);
}

value builtin_next(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("next", kwnames) || !arg_count("next", nargs, 1, 2)) return value();
  if (!type_of(args[0])->next) {
    return raise_type_error(std::string("'") + type_name(args[0]) + "' object is not an iterator");
  }
  if (is_generator(args[0])) {
    // Keep a generator's return value as StopIteration.value.
    bool returned = false;
    value r = generator_send(args[0], none(), &returned);
    if (!r || !returned) return r;
    if (nargs == 2) {
      decref(r);
      return newref(args[1]);
    }
    return raise_stop_iteration(r);
  }
  value r = op_next(args[0]);
  if (r || error_pending()) return r;
  if (nargs == 2) return newref(args[1]);
  ref none_args(make_tuple(std::size_t{0}));
  ref exc(make_exception(&exc_StopIteration, none_args.get()));
  return raise_value(exc.get());
}

value builtin_ord(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("ord", kwnames) || !arg_count("ord", nargs, 1, 1)) return value();
  if (type_of(args[0]) != &str_type) {
    return raise_type_error(std::string("ord() expected string of length 1, but ") + type_name(args[0]) + " found");
  }
  str_object* s = as_str(args[0]);
  if (s->length != 1) {
    return raise_type_error("ord() expected a character, but string of length " + std::to_string(s->length) + " found");
  }
  std::size_t i = 0;
  const char32_t cp = utf8::decode(s->utf8, i);
  return make_int(static_cast<std::int64_t>(cp));
}

value builtin_chr(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("chr", kwnames) || !arg_count("chr", nargs, 1, 1)) return value();
  std::int64_t cp = 0;
  if (!index_arg(args[0], &cp)) return value();
  if (cp < 0 || cp > 0x10FFFF) return raise(&exc_ValueError, "chr() arg not in range(0x110000)");
  std::string out;
  utf8::append(out, static_cast<char32_t>(cp));
  return make_str(out);
}

value builtin_divmod(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("divmod", kwnames) || !arg_count("divmod", nargs, 2, 2)) return value();
  ref q(op_binary(args[0], args[1], static_cast<int>(binop::floordiv)));
  if (!q) {
    if (pending_matches(&exc_TypeError)) {
      clear_pending();
      return raise_type_error(std::string("unsupported operand type(s) for divmod(): '") + type_name(args[0]) + "' and '" +
                              type_name(args[1]) + "'");
    }
    return value();
  }
  ref r(op_binary(args[0], args[1], static_cast<int>(binop::mod)));
  if (!r) return value();
  return make_tuple({q.get(), r.get()});
}

value builtin_pow(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("pow", kwnames) || !arg_count("pow", nargs, 2, 3)) return value();
  if (nargs == 2 || args[2] == none()) return op_binary(args[0], args[1], static_cast<int>(binop::pow));
  // Three-argument pow: a class's __pow__(exponent, modulus), else modular
  // exponentiation on ints.
  std::int64_t e = 0;
  if (value r; class_special(args[0], "__pow__", args + 1, 2, &r)) {
    if (r != not_implemented()) return r;
    decref(r);
    return raise_type_error(std::string("unsupported operand type(s) for ** or pow(): '") + type_name(args[0]) +
                            "', '" + type_name(args[1]) + "', '" + type_name(args[2]) + "'");
  }
  if (!is_instance(args[0], &int_type) || !is_instance(args[1], &int_type) || !is_instance(args[2], &int_type)) {
    return raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
  }
  const auto big = [](value v) -> big_int {
    std::int64_t x = 0;
    if (as_int64(v, &x)) return x;
    return static_cast<big_int_object*>(v.obj())->v;
  };
  big_int b = big(args[0]), ex = big(args[1]), m = big(args[2]);
  (void)e;
  if (m == 0) return raise(&exc_ValueError, "pow() 3rd argument cannot be 0");
  const bool negative_mod = m < 0;
  if (negative_mod) m = -m;
  b = ((b % m) + m) % m;
  if (ex < 0) {
    // pow(b, -e, m) is pow(inverse of b modulo m, e, m) (Python 3.8+): the
    // extended Euclidean algorithm; no inverse when gcd(b, m) != 1.
    big_int old_r = b, r = m, old_s = 1, s = 0;
    while (r != 0) {
      const big_int q = old_r / r;
      big_int t = old_r - q * r;
      old_r = r;
      r = t;
      t = old_s - q * s;
      old_s = s;
      s = t;
    }
    if (old_r != 1) return raise(&exc_ValueError, "base is not invertible for the given modulus");
    b = ((old_s % m) + m) % m;
    ex = -ex;
  }
  big_int r = boost::multiprecision::powm(b, ex, m);
  if (negative_mod && r != 0) r -= m;
  return make_int(r);
}

value builtin_round(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("round", kwnames, {"ndigits"})) return value();
  value nd = nargs >= 2 ? args[1] : value();
  if (nargs >= 1) {
    if (value r; class_special(args[0], "__round__", args + 1, nargs - 1, &r)) return r;
  }
  if (!nd || nd == none()) {
    if (type_of(args[0]) == &float_type) {
      const double d = float_value(args[0]);
      if (std::isnan(d)) return raise(&exc_ValueError, "cannot convert float NaN to integer");
      if (std::isinf(d)) return raise(&exc_OverflowError, "cannot convert float infinity to integer");
      const double r = std::nearbyint(d);  // ties to even (default rounding mode)
      if (std::fabs(r) < 9e18) return make_int(static_cast<std::int64_t>(r));
      return make_int(big_int(r));
    }
    if (is_instance(args[0], &int_type)) return op_unary(args[0], static_cast<int>(ast::unaryop::pos));
    return raise_type_error(std::string("type ") + type_name(args[0]) + " doesn't define __round__ method");
  }
  std::int64_t n = 0;
  if (!index_arg(nd, &n)) return value();
  if (type_of(args[0]) == &float_type) {
    // Correctly rounded via the shortest decimal formatting, as CPython.
    const double d = float_value(args[0]);
    if (!std::isfinite(d) || n > 300) return newref(args[0]);
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(std::max<std::int64_t>(n, 0)), d);
    double r = std::strtod(buf, nullptr);
    if (n < 0) {
      const double p = std::pow(10.0, static_cast<double>(-n));
      r = std::nearbyint(d / p) * p;
    }
    return make_float(r);
  }
  if (is_instance(args[0], &int_type)) {
    if (n >= 0) return op_unary(args[0], static_cast<int>(ast::unaryop::pos));
    // Round half to even at 10**-n.
    ref p(op_binary(make_int(10), make_int(-n), static_cast<int>(binop::pow)));
    ref q(op_binary(args[0], p.get(), static_cast<int>(binop::floordiv)));
    ref r(op_binary(args[0], p.get(), static_cast<int>(binop::mod)));
    ref twice(op_binary(r.get(), make_int(2), static_cast<int>(binop::mul)));
    ref c(op_compare(twice.get(), p.get(), static_cast<int>(cmpop::gt)));
    ref e(op_compare(twice.get(), p.get(), static_cast<int>(cmpop::eq)));
    ref odd(op_binary(q.get(), make_int(1), static_cast<int>(binop::bitand_)));
    bool up = c.get() == true_value() || (e.get() == true_value() && op_truth(odd.get()));
    ref q2(up ? op_binary(q.get(), make_int(1), static_cast<int>(binop::add)) : newref(q.get()));
    return op_binary(q2.get(), p.get(), static_cast<int>(binop::mul));
  }
  return raise_type_error(std::string("type ") + type_name(args[0]) + " doesn't define __round__ method");
}

// The digits of |b| in `base` (2..36), most significant first.
// The digits of |v| in base 2, 8, 10 or 16 (int or bool; no sign, no prefix).
std::string magnitude_digits(value v, int base, bool upper) {
  std::int64_t x = 0;
  std::string digits;
  if (as_int64(v, &x)) {
    // Machine words: a plain loop (the common case: str(i), f"{i:x}").
    std::uint64_t m = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
    do {
      const auto d = static_cast<int>(m % static_cast<unsigned>(base));
      digits += static_cast<char>(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
      m /= static_cast<unsigned>(base);
    } while (m);
    std::reverse(digits.begin(), digits.end());
    return digits;
  }
  const big_int b = boost::multiprecision::abs(static_cast<big_int_object*>(v.obj())->v);
  if (base == 2) {
    for (auto bit = static_cast<long>(boost::multiprecision::msb(b)); bit >= 0; --bit) {
      digits += boost::multiprecision::bit_test(b, static_cast<unsigned>(bit)) ? '1' : '0';
    }
    return digits;
  }
  // The library's conversion (GMP's is subquadratic), then the case wanted.
  digits = b.str(0, base == 16 ? std::ios_base::hex : base == 8 ? std::ios_base::oct : std::ios_base::dec);
  for (char& c : digits) c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c)));
  return digits;
}

bool int_is_negative(value v) {
  std::int64_t x = 0;
  if (as_int64(v, &x)) return x < 0;
  return static_cast<big_int_object*>(v.obj())->v < 0;
}

value base_repr(value v, int base, const char* prefix) {
  if (!is_instance(v, &int_type)) {
    return raise_type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
  }
  return make_str(std::string(int_is_negative(v) ? "-" : "") + prefix + magnitude_digits(v, base, false));
}

value builtin_hex(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("hex", kwnames) || !arg_count("hex", nargs, 1, 1)) return value();
  return base_repr(args[0], 16, "0x");
}
value builtin_oct(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("oct", kwnames) || !arg_count("oct", nargs, 1, 1)) return value();
  return base_repr(args[0], 8, "0o");
}
value builtin_bin(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("bin", kwnames) || !arg_count("bin", nargs, 1, 1)) return value();
  return base_repr(args[0], 2, "0b");
}

// min/max over an iterable or the arguments, with key= and default=.
value min_max(const char* fname, const value* args, std::size_t nargs, value kwnames, int op) {
  if (!only_keywords(fname, kwnames, {"key", "default"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  value key = keyword_arg(args, nargs, kwnames, "key");
  value dflt = keyword_arg(args, nargs, kwnames, "default");
  if (key == none()) key = value();
  std::vector<value> items;
  if (n == 0) return raise_type_error(std::string(fname) + " expected at least 1 argument, got 0");
  if (n == 1) {
    if (!collect(args[0], items)) return value();
  } else {
    if (dflt) return raise_type_error(std::string("Cannot specify a default for ") + fname + "() with multiple positional arguments");
    for (std::size_t i = 0; i < n; ++i) items.push_back(newref(args[i]));
  }
  struct guard {
    std::vector<value>& v;
    ~guard() {
      for (value x : v) decref(x);
    }
  } g{items};
  if (items.empty()) {
    if (dflt) return newref(dflt);
    return raise(&exc_ValueError, std::string(fname) + "() arg is an empty sequence");
  }
  value best = items[0];
  ref best_key(key ? op_call(key, &best, 1) : newref(best));
  if (!best_key) return value();
  for (std::size_t i = 1; i < items.size(); ++i) {
    ref k(key ? op_call(key, &items[i], 1) : newref(items[i]));
    if (!k) return value();
    ref better(op_compare(k.get(), best_key.get(), op));
    if (!better) return value();
    if (better.get() == true_value()) {
      best = items[i];
      best_key = std::move(k);
    }
  }
  return newref(best);
}
value builtin_min(value, const value* args, std::size_t nargs, value kwnames) {
  return min_max("min", args, nargs, kwnames, static_cast<int>(cmpop::lt));
}
value builtin_max(value, const value* args, std::size_t nargs, value kwnames) {
  return min_max("max", args, nargs, kwnames, static_cast<int>(cmpop::gt));
}

value builtin_sum(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("sum", kwnames, {"start"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  if (n < 1 || n > 2) return raise_type_error("sum() takes at least 1 positional argument (0 given)");
  value start = n == 2 ? args[1] : keyword_arg(args, nargs, kwnames, "start");
  if (start && type_of(start) == &str_type) return raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
  ref acc(start ? newref(start) : make_int(0));
  ref it(op_iter(args[0]));
  if (!it) return value();
  for (;;) {
    ref x(op_next(it.get()));
    if (!x) {
      if (error_pending()) return value();
      break;
    }
    ref r(op_binary(acc.get(), x.get(), static_cast<int>(binop::add)));
    if (!r) return value();
    acc = std::move(r);
  }
  return acc.release();
}

value builtin_any_all(const value* args, std::size_t nargs, value kwnames, bool is_any) {
  if (!no_keywords(is_any ? "any" : "all", kwnames) || !arg_count(is_any ? "any" : "all", nargs, 1, 1)) return value();
  ref it(op_iter(args[0]));
  if (!it) return value();
  for (;;) {
    ref x(op_next(it.get()));
    if (!x) return error_pending() ? value() : boolean(!is_any);
    const int t = op_truth(x.get());
    if (t < 0) return value();
    if (t == static_cast<int>(is_any)) return boolean(is_any);
  }
}
value builtin_any(value, const value* args, std::size_t nargs, value kwnames) { return builtin_any_all(args, nargs, kwnames, true); }
value builtin_all(value, const value* args, std::size_t nargs, value kwnames) { return builtin_any_all(args, nargs, kwnames, false); }

// A stable merge sort (CPython's sort is stable; so is std::stable_sort) whose
// comparisons may fail: the first error stops the sort and is re-raised.
bool sort_values(std::vector<value>& items, value key, bool reverse) {
  std::vector<value> keys;
  keys.reserve(items.size());
  for (value x : items) {
    value k = key ? op_call(key, &x, 1) : newref(x);
    if (!k) {
      for (value y : keys) decref(y);
      return false;
    }
    keys.push_back(k);
  }
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  bool failed = false;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (failed) return false;
    ref lt(op_compare(reverse ? keys[b] : keys[a], reverse ? keys[a] : keys[b], static_cast<int>(cmpop::lt)));
    if (!lt) {
      failed = true;
      return false;
    }
    return lt.get() == true_value() || (lt.get() != false_value() && op_truth(lt.get()) > 0);
  });
  for (value k : keys) decref(k);
  if (failed) return false;
  std::vector<value> sorted;
  sorted.reserve(items.size());
  for (std::size_t i : order) sorted.push_back(items[i]);
  items.swap(sorted);
  return true;
}

value builtin_sorted(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("sorted", kwnames, {"key", "reverse"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  if (n != 1) return raise_type_error("sorted expected 1 argument, got " + std::to_string(n));
  value key = keyword_arg(args, nargs, kwnames, "key");
  value rev = keyword_arg(args, nargs, kwnames, "reverse");
  if (key == none()) key = value();
  std::vector<value> items;
  if (!collect(args[0], items)) return value();
  const bool reverse = rev && op_truth(rev) > 0;
  if (!sort_values(items, key, reverse)) {
    for (value x : items) decref(x);
    return value();
  }
  value l = make_list();
  as_list(l)->items.adopt(std::move(items));
  return l;
}



// ---- iterator adaptors: the state is a tuple in iterator_object::seq ----
// enumerate: (it,), index = next count; zip: (it1, it2, ...);
// map: (fn, it1, ...); filter: (fn, it).
value enumerate_step(iterator_object* s) {
  ref x(op_next(as_tuple(s->seq)->items[0]));
  if (!x) return value();
  ref i(make_int(s->index++));
  return make_tuple({i.get(), x.get()});
}
value zip_step(iterator_object* s) {
  tuple_object* its = as_tuple(s->seq);
  if (its->size == 0) return value();
  value t = make_tuple(its->size);
  for (std::size_t k = 0; k < its->size; ++k) {
    value x = op_next(its->items[k]);
    if (!x) {
      decref(t);
      return value();
    }
    as_tuple(t)->items[k] = x;
  }
  return t;
}
// zip(..., strict=True): when one iterator ends, every other must end at
// the same place, else ValueError naming the first that differs (3.10+).
value zip_strict_step(iterator_object* s) {
  tuple_object* its = as_tuple(s->seq);
  if (its->size == 0) return value();
  value t = make_tuple(its->size);
  for (std::size_t k = 0; k < its->size; ++k) {
    value x = op_next(its->items[k]);
    if (x) {
      as_tuple(t)->items[k] = x;
      continue;
    }
    decref(t);
    if (error_pending()) return value();
    if (k > 0) {
      const std::string which = k == 1 ? "argument 2 is shorter than argument 1"
                                       : "argument " + std::to_string(k + 1) + " is shorter than arguments 1-" + std::to_string(k);
      return raise(&exc_ValueError, "zip() " + which);
    }
    for (std::size_t j = 1; j < its->size; ++j) {
      value y = op_next(its->items[j]);
      if (y) {
        decref(y);
        const std::string which = j == 1 ? "argument 2 is longer than argument 1"
                                         : "argument " + std::to_string(j + 1) + " is longer than arguments 1-" + std::to_string(j);
        return raise(&exc_ValueError, "zip() " + which);
      }
      if (error_pending()) return value();
    }
    return value();
  }
  return t;
}
value map_step(iterator_object* s) {
  tuple_object* st = as_tuple(s->seq);
  std::vector<value> args;
  for (std::size_t k = 1; k < st->size; ++k) {
    value x = op_next(st->items[k]);
    if (!x) {
      for (value a : args) decref(a);
      return value();
    }
    args.push_back(x);
  }
  value r = op_call(st->items[0], args.data(), args.size());
  for (value a : args) decref(a);
  return r;
}
value filter_step(iterator_object* s) {
  tuple_object* st = as_tuple(s->seq);
  for (;;) {
    value x = op_next(st->items[1]);
    if (!x) return value();
    int t;
    if (st->items[0] == none()) {
      t = op_truth(x);
    } else {
      ref r(op_call(st->items[0], &x, 1));
      t = r ? op_truth(r.get()) : -1;
    }
    if (t < 0) {
      decref(x);
      return value();
    }
    if (t) return x;
    decref(x);
  }
}

value adaptor(const char* fname, value (*step)(iterator_object*), const value* args, std::size_t n, std::size_t first_iter,
              std::int64_t start = 0) {
  value t = make_tuple(n);
  for (std::size_t k = 0; k < n; ++k) {
    if (k >= first_iter) {
      value it = op_iter(args[k]);
      if (!it) {
        decref(t);
        if (pending_matches(&exc_TypeError)) {
          clear_pending();
          if (std::string(fname) == "zip") {
            return raise_type_error("zip argument #" + std::to_string(k + 1) + " must support iteration");
          }
          return raise_type_error(std::string("'") + type_name(args[k]) + "' object is not iterable");
        }
        return value();
      }
      as_tuple(t)->items[k] = it;
    } else {
      as_tuple(t)->items[k] = newref(args[k]);
    }
  }
  value it = make_iterator(t, step);
  static_cast<iterator_object*>(it.obj())->index = start;
  decref(t);
  return it;
}

value builtin_enumerate(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("enumerate", kwnames, {"start"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  value start = n >= 2 ? args[1] : keyword_arg(args, nargs, kwnames, "start");
  std::int64_t s0 = 0;
  if (start && !index_arg(start, &s0)) return value();
  if (n < 1) return raise_type_error("enumerate() missing required argument 'iterable' (pos 1)");
  return adaptor("enumerate", enumerate_step, args, 1, 0, s0);
}
value builtin_zip(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("zip", kwnames, {"strict"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  bool strict = false;
  if (value flag = keyword_arg(args, nargs, kwnames, "strict")) {
    const int t = op_truth(flag);
    if (t < 0) return value();
    strict = t;
  }
  return adaptor("zip", strict ? zip_strict_step : zip_step, args, n, 0);
}
value builtin_map(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("map", kwnames)) return value();
  if (nargs < 2) return raise_type_error("map() must have at least two arguments.");
  return adaptor("map", map_step, args, nargs, 1);
}
value builtin_filter(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("filter", kwnames) || !arg_count("filter", nargs, 2, 2)) return value();
  return adaptor("filter", filter_step, args, 2, 1);
}
value builtin_reversed(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("reversed", kwnames) || !arg_count("reversed", nargs, 1, 1)) return value();
  type_object* t = type_of(args[0]);
  if (value m = lookup_special(args[0], "__reversed__")) {
    ref bound(m);
    if (m == none()) {  // `__reversed__ = None` opts out, as CPython
      return raise_type_error(std::string("'") + t->name + "' object is not reversible");
    }
    return op_call(bound.get(), nullptr, 0);
  }
  if (error_pending()) return value();
  std::vector<value> items;
  const bool builtin_seq = is_subtype(t, &list_type) || is_subtype(t, &tuple_type) || t == &range_type ||
                           t == &str_type || is_subtype(t, &dict_type) || t == &dict_keys_type ||
                           t == &dict_values_type || t == &dict_items_type;  // sets are not reversible
  if (!builtin_seq) {
    // The sequence protocol: __len__ and __getitem__ from the end.
    if (!t->heap || !type_lookup(t, intern("__len__")) || !type_lookup(t, intern("__getitem__"))) {
      return raise_type_error(std::string("'") + t->name + "' object is not reversible");
    }
    const std::int64_t n = op_length(args[0]);
    if (n < 0) return value();
    for (std::int64_t i = n - 1; i >= 0; --i) {
      ref idx(make_int(i));
      value x = op_getitem(args[0], idx.get());
      if (!x) {
        for (value y : items) decref(y);
        return value();
      }
      items.push_back(x);
    }
    ref l(make_list());
    as_list(l.get())->items.adopt(std::move(items));
    return op_iter(l.get());
  }
  if (!collect(args[0], items)) return value();
  std::reverse(items.begin(), items.end());
  ref l(make_list());
  as_list(l.get())->items.adopt(std::move(items));
  return op_iter(l.get());
}

value builtin_getattr(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("getattr", kwnames) || !arg_count("getattr", nargs, 2, 3)) return value();
  if (type_of(args[1]) != &str_type) return raise_type_error("attribute name must be string, not '" + std::string(type_name(args[1])) + "'");
  value r = op_getattr(args[0], args[1]);
  if (!r && nargs == 3 && pending_matches(&exc_AttributeError)) {
    clear_pending();
    return newref(args[2]);
  }
  return r;
}
value builtin_hasattr(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("hasattr", kwnames) || !arg_count("hasattr", nargs, 2, 2)) return value();
  if (type_of(args[1]) != &str_type) return raise_type_error("attribute name must be string, not '" + std::string(type_name(args[1])) + "'");
  value r = op_getattr(args[0], args[1]);
  if (r) {
    decref(r);
    return true_value();
  }
  if (pending_matches(&exc_AttributeError)) {
    clear_pending();
    return false_value();
  }
  return value();
}
value builtin_setattr(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("setattr", kwnames) || !arg_count("setattr", nargs, 3, 3)) return value();
  if (type_of(args[1]) != &str_type) return raise_type_error("attribute name must be string, not '" + std::string(type_name(args[1])) + "'");
  return op_setattr(args[0], args[1], args[2]) < 0 ? value() : none();
}
value builtin_delattr(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("delattr", kwnames) || !arg_count("delattr", nargs, 2, 2)) return value();
  if (type_of(args[1]) != &str_type) return raise_type_error("attribute name must be string, not '" + std::string(type_name(args[1])) + "'");
  return op_setattr(args[0], args[1], value()) < 0 ? value() : none();
}

// ---- constructors ----
value parse_int_text(std::string text, std::int64_t base, value original) {
  auto invalid = [&]() {
    ref r(op_repr(original));
    return raise(&exc_ValueError, "invalid literal for int() with base " + std::to_string(base) + ": " + (r ? str_of(r.get()) : "?"));
  };
  std::size_t b = text.find_first_not_of(" \t\n\r\f\v");
  std::size_t e = text.find_last_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return invalid();
  text = text.substr(b, e - b + 1);
  bool negative = false;
  std::size_t i = 0;
  if (text[0] == '+' || text[0] == '-') {
    negative = text[0] == '-';
    i = 1;
  }
  if (base == 0 || base == 16 || base == 8 || base == 2) {
    if (i + 1 < text.size() && text[i] == '0') {
      const char p = static_cast<char>(text[i + 1] | 0x20);
      const std::int64_t pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
      if (pb && (base == 0 || base == pb)) {
        base = pb;
        i += 2;
        if (i < text.size() && text[i] == '_') ++i;
      }
    }
    if (base == 0) {
      base = 10;
      if (text.size() - i > 1 && text[i] == '0' && text.find_first_not_of("0_", i) != std::string::npos) return invalid();
    }
  }
  big_int v = 0;
  bool any = false;
  bool last_underscore = true;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') {
      if (last_underscore) return invalid();
      last_underscore = true;
      continue;
    }
    int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
    if (d >= base) return invalid();
    v = v * base + d;
    any = true;
    last_underscore = false;
  }
  if (!any || last_underscore) return invalid();
  return make_int(negative ? big_int(-v) : v);
}

value construct_int(const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("int", kwnames, {"base"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  value basev = n >= 2 ? args[1] : keyword_arg(args, nargs, kwnames, "base");
  if (n == 0) return make_int(0);
  value x = args[0];
  if (basev) {
    std::int64_t base = 0;
    if (!index_arg(basev, &base)) return value();
    if (base != 0 && (base < 2 || base > 36)) return raise(&exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (type_of(x) == &bytes_type) return parse_int_text(static_cast<bytes_object*>(x.obj())->bytes, base, x);
    if (type_of(x) != &str_type) return raise_type_error("int() can't convert non-string with explicit base");
    return parse_int_text(str_of(x), base, x);
  }
  type_object* t = type_of(x);
  if (value r; class_special(x, "__int__", nullptr, 0, &r)) return checked_number(r, &int_type, "__int__");
  if (value r; class_special(x, "__index__", nullptr, 0, &r)) return checked_number(r, &int_type, "__index__");
  if (t == &int_type || t == &bool_type) return op_unary(x, static_cast<int>(ast::unaryop::pos));
  if (t == &float_type) {
    const double d = float_value(x);
    if (std::isnan(d)) return raise(&exc_ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d)) return raise(&exc_OverflowError, "cannot convert float infinity to integer");
    const double tr = std::trunc(d);
    if (std::fabs(tr) < 9e18) return make_int(static_cast<std::int64_t>(tr));
    return make_int(big_int(tr));
  }
  if (t == &str_type) return parse_int_text(str_of(x), 10, x);
  if (t == &bytes_type) return parse_int_text(static_cast<bytes_object*>(x.obj())->bytes, 10, x);
  return raise_type_error(std::string("int() argument must be a string, a bytes-like object or a real number, not '") + t->name + "'");
}

value construct_float(const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("float", kwnames) || !arg_count("float", nargs, 0, 1)) return value();
  if (nargs == 0) return make_float(0.0);
  value x = args[0];
  type_object* t = type_of(x);
  if (t == &float_type) return newref(x);
  if (value r; class_special(x, "__float__", nullptr, 0, &r)) return checked_number(r, &float_type, "__float__");
  if (value r; class_special(x, "__index__", nullptr, 0, &r)) {
    ref i(checked_number(r, &int_type, "__index__"));
    if (!i) return value();
    value iv = i.get();
    return construct_float(&iv, 1, value());
  }
  if (t == &int_type || t == &bool_type) {
    std::int64_t i = 0;
    if (as_int64(x, &i)) return make_float(static_cast<double>(i));
    const double d = big_to_double(static_cast<big_int_object*>(x.obj())->v);
    if (std::isinf(d)) return raise(&exc_OverflowError, "int too large to convert to float");
    return make_float(d);
  }
  if (t == &str_type) {
    std::string s = str_of(x);
    std::string clean;
    const std::size_t b = s.find_first_not_of(" \t\n\r\f\v");
    const std::size_t e = s.find_last_not_of(" \t\n\r\f\v");
    if (b != std::string::npos) clean = s.substr(b, e - b + 1);
    std::string lower;
    for (char c : clean) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string body = (!lower.empty() && (lower[0] == '+' || lower[0] == '-')) ? lower.substr(1) : lower;
    const bool neg = !lower.empty() && lower[0] == '-';
    if (body == "inf" || body == "infinity") return make_float(neg ? -HUGE_VAL : HUGE_VAL);
    if (body == "nan") return make_float(neg ? -NAN : NAN);
    std::string digits;
    bool ok = !clean.empty();
    for (std::size_t i = 0; i < clean.size() && ok; ++i) {
      const char c = clean[i];
      if (c == '_') {
        ok = i > 0 && i + 1 < clean.size() && std::isdigit(static_cast<unsigned char>(clean[i - 1])) &&
             std::isdigit(static_cast<unsigned char>(clean[i + 1]));
        continue;
      }
      ok = std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
      digits += c;
    }
    char* end = nullptr;
    const double d = ok ? std::strtod(digits.c_str(), &end) : 0;
    if (!ok || !end || *end != '\0' || digits.empty()) {
      ref r(op_repr(x));
      return raise(&exc_ValueError, "could not convert string to float: " + str_of(r.get()));
    }
    return make_float(d);
  }
  return raise_type_error(std::string("float() argument must be a string or a real number, not '") + t->name + "'");
}

value construct_str(const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("str", kwnames) || !arg_count("str", nargs, 0, 1)) return value();
  if (nargs == 0) return make_str("");
  return op_str(args[0]);
}

value construct_bool(const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("bool", kwnames) || !arg_count("bool", nargs, 0, 1)) return value();
  if (nargs == 0) return false_value();
  const int t = op_truth(args[0]);
  return t < 0 ? value() : boolean(t);
}

value construct_list(const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("list", kwnames) || !arg_count("list", nargs, 0, 1)) return value();
  std::vector<value> items;
  if (nargs == 1 && !collect(args[0], items)) {
    for (value x : items) decref(x);
    return value();
  }
  value l = make_list();
  as_list(l)->items.adopt(std::move(items));
  return l;
}

value construct_tuple(const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("tuple", kwnames) || !arg_count("tuple", nargs, 0, 1)) return value();
  if (nargs == 0) return make_tuple(std::size_t{0});
  if (type_of(args[0]) == &tuple_type) return newref(args[0]);
  std::vector<value> items;
  if (!collect(args[0], items)) return value();
  value t = make_tuple(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) as_tuple(t)->items[i] = items[i];
  return t;
}

int dict_update_from(value d, value src) {
  if (type_of(src) == &dict_type) {
    std::size_t pos = 0;
    value k, v;
    while (dict_next(src, &pos, &k, &v))
      if (dict_set(d, k, v) < 0) return -1;
    return 0;
  }
  // A mapping (anything with keys(): a dict subclass, a class of one's
  // own): src[k] for each key, as CPython's dict.update does.
  if (value keys_m = lookup_special(src, "keys")) {
    ref keys_fn(keys_m);
    ref keys(op_call(keys_fn.get(), nullptr, 0));
    if (!keys) return -1;
    std::vector<value> ks;
    if (!collect(keys.get(), ks)) return -1;
    int rc = 0;
    for (value k : ks) {
      if (rc == 0) {
        ref v(op_getitem(src, k));
        rc = v ? dict_set(d, k, v.get()) : -1;
      }
      decref(k);
    }
    return rc;
  }
  if (error_pending()) return -1;
  ref it(op_iter(src));
  if (!it) return -1;
  for (std::int64_t n = 0;; ++n) {
    ref pair(op_next(it.get()));
    if (!pair) return error_pending() ? -1 : 0;
    std::vector<value> kv;
    if (!collect(pair.get(), kv)) {
      clear_pending();
      raise_type_error("cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
      return -1;
    }
    if (kv.size() != 2) {
      for (value x : kv) decref(x);
      raise(&exc_ValueError, "dictionary update sequence element #" + std::to_string(n) + " has length " +
                                 std::to_string(kv.size()) + "; 2 is required");
      return -1;
    }
    const int rc = dict_set(d, kv[0], kv[1]);
    decref(kv[0]);
    decref(kv[1]);
    if (rc < 0) return -1;
  }
}

value construct_dict(const value* args, std::size_t nargs, value kwnames) {
  const std::size_t n = npositional(nargs, kwnames);
  if (n > 1) return raise_type_error("dict expected at most 1 argument, got " + std::to_string(n));
  ref d(make_dict());
  if (n == 1 && dict_update_from(d.get(), args[0]) < 0) return value();
  if (kwnames) {
    for (std::size_t i = 0; i < as_tuple(kwnames)->size; ++i)
      if (dict_set(d.get(), as_tuple(kwnames)->items[i], args[n + i]) < 0) return value();
  }
  return d.release();
}

value construct_range(const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("range", kwnames)) return value();
  if (nargs == 0) return raise_type_error("range expected at least 1 argument, got 0");
  if (nargs > 3) return raise_type_error("range expected at most 3 arguments, got " + std::to_string(nargs));
  std::int64_t v[3] = {0, 0, 1};
  for (std::size_t i = 0; i < nargs; ++i) {
    if (!as_int64(args[i], &v[i])) {
      if (type_of(args[i]) == &int_type) return raise(&exc_OverflowError, "range() arguments beyond 62 bits are not supported by gillab");
      return raise_type_error(std::string("'") + type_name(args[i]) + "' object cannot be interpreted as an integer");
    }
  }
  if (nargs == 1) return make_range(0, v[0], 1);
  if (nargs == 3 && v[2] == 0) return raise(&exc_ValueError, "range() arg 3 must not be zero");
  return make_range(v[0], v[1], nargs == 3 ? v[2] : 1);
}

value construct_type(const value* args, std::size_t nargs, value kwnames) {
  return builtin_type(value(), args, nargs, kwnames);
}

// ---- methods of list, dict and str ----
backend::thread_state& bts() { return current_thread().backend_state; }

value list_append(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("list.append", kwnames) || !arg_count("list.append", nargs, 1, 1)) return value();
  append_scope appending(self.obj());
  backend::write_section guard(bts(), self.obj()->header);
  as_list(self)->items.push_back(newref(args[0]));
  return none();
}
value list_pop(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("pop", kwnames) || !arg_count("pop", nargs, 0, 1)) return value();
  std::int64_t i = -1;
  if (nargs == 1 && !index_arg(args[0], &i)) return value();
  backend::write_section guard(bts(), self.obj()->header);
  auto& items = as_list(self)->items;
  if (items.empty()) return raise(&exc_IndexError, "pop from empty list");
  if (i < 0) i += static_cast<std::int64_t>(items.size());
  if (i < 0 || i >= static_cast<std::int64_t>(items.size())) return raise(&exc_IndexError, "pop index out of range");
  value v = items[static_cast<std::size_t>(i)];
  items.erase(static_cast<std::size_t>(i));
  return take_displaced(v);  // a lock-free reader may still be increfing it
}
value list_extend(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("list.extend", kwnames) || !arg_count("list.extend", nargs, 1, 1)) return value();
  std::vector<value> items;
  if (!collect(args[0], items)) return value();
  append_scope appending(self.obj());
  backend::write_section guard(bts(), self.obj()->header);
  auto& dst = as_list(self)->items;
  dst.insert(dst.size(), items.data(), items.data() + items.size());  // adopts the references
  return none();
}
value list_insert(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("insert", kwnames) || !arg_count("insert", nargs, 2, 2)) return value();
  std::int64_t i = 0;
  if (!index_arg(args[0], &i)) return value();
  backend::write_section guard(bts(), self.obj()->header);
  auto& items = as_list(self)->items;
  const auto n = static_cast<std::int64_t>(items.size());
  if (i < 0) i = std::max<std::int64_t>(0, i + n);
  i = std::min(i, n);
  items.insert(static_cast<std::size_t>(i), newref(args[1]));
  return none();
}
/// list.index(x[, start[, stop]]) (bounds as a slice's, clamped to the list)
/// and list.remove(x).
value list_index_or_remove(value self, value x, bool remove, const char* missing, std::int64_t start = 0,
                           std::int64_t stop = INT64_MAX) {
  std::vector<value> items;
  {
    backend::read_section guard(bts(), self.obj()->header);
    items = as_list(self)->items.copy();
    for (value v : items) incref(v);
  }
  const auto n = static_cast<std::int64_t>(items.size());
  if (start < 0) start = std::max<std::int64_t>(0, start + n);
  if (stop < 0) stop = std::max<std::int64_t>(0, stop + n);
  stop = std::min(stop, n);
  std::int64_t found = -1;
  for (auto i = static_cast<std::size_t>(std::min(start, n)); i < static_cast<std::size_t>(std::max(stop, std::int64_t{0})) && found < 0; ++i) {
    const int eq = op_equal(items[i], x);
    if (eq < 0) {
      for (value v : items) decref(v);
      return value();
    }
    if (eq) found = static_cast<std::int64_t>(i);
  }
  for (value v : items) decref(v);
  if (found < 0) {
    if (remove) return raise(&exc_ValueError, missing);
    ref r(op_repr(x));
    return raise(&exc_ValueError, (r ? str_of(r.get()) : std::string("?")) + " is not in list");
  }
  if (!remove) return make_int(found);
  value old;
  {
    backend::write_section guard(bts(), self.obj()->header);
    auto& live = as_list(self)->items;
    if (found < static_cast<std::int64_t>(live.size())) {
      old = live[static_cast<std::size_t>(found)];
      live.erase(static_cast<std::size_t>(found));
    }
  }
  if (old) release_displaced(old);
  return none();
}
value list_remove(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("list.remove", kwnames) || !arg_count("list.remove", nargs, 1, 1)) return value();
  return list_index_or_remove(self, args[0], true, "list.remove(x): x not in list");
}
value list_index(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("index", kwnames) || !arg_count("index", nargs, 1, 3)) return value();
  std::int64_t bounds[2] = {0, INT64_MAX};
  for (std::size_t k = 1; k < nargs; ++k) {
    if (!as_int64(args[k], &bounds[k - 1])) {
      if (error_pending()) return value();
      return raise_type_error("slice indices must be integers or have an __index__ method");
    }
  }
  return list_index_or_remove(self, args[0], false, "", bounds[0], bounds[1]);
}
value list_count(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("list.count", kwnames) || !arg_count("list.count", nargs, 1, 1)) return value();
  std::vector<value> items;
  {
    backend::read_section guard(bts(), self.obj()->header);
    items = as_list(self)->items.copy();
    for (value v : items) incref(v);
  }
  std::int64_t n = 0;
  bool ok = true;
  for (value v : items) {
    const int eq = ok ? op_equal(v, args[0]) : 0;
    if (eq < 0) ok = false;
    n += eq > 0;
    decref(v);
  }
  return ok ? make_int(n) : value();
}
value list_sort(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("sort", kwnames, {"key", "reverse"})) return value();
  if (npositional(nargs, kwnames) != 0) return raise_type_error("sort() takes no positional arguments");
  value key = keyword_arg(args, nargs, kwnames, "key");
  value rev = keyword_arg(args, nargs, kwnames, "reverse");
  if (key == none()) key = value();
  std::vector<value> items;
  {
    // CPython empties the list while sorting; a comparison that mutates it
    // then sees an empty list and the sort reports the mutation.
    backend::write_section guard(bts(), self.obj()->header);
    items = as_list(self)->items.take();
  }
  const bool ok = sort_values(items, key, rev && op_truth(rev) > 0);
  std::vector<value> intruders;
  {
    backend::write_section guard(bts(), self.obj()->header);
    intruders = as_list(self)->items.take();
    as_list(self)->items.adopt(std::move(items));
  }
  for (value v : intruders) release_displaced(v);
  if (!ok) return value();
  if (!intruders.empty()) return raise(&exc_ValueError, "list modified during sort");
  return none();
}
value list_reverse(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("reverse", kwnames) || !arg_count("reverse", nargs, 0, 0)) return value();
  backend::write_section guard(bts(), self.obj()->header);
  as_list(self)->items.reverse();
  return none();
}
value list_copy(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("copy", kwnames) || !arg_count("copy", nargs, 0, 0)) return value();
  value l = make_list();
  backend::read_section guard(bts(), self.obj()->header);
  const auto& src = as_list(self)->items;
  auto& dst = as_list(l)->items;
  dst.resize_unshared(src.size());
  for (std::size_t i = 0; i < src.size(); ++i) dst.set(i, newref(src[i]));
  return l;
}
value list_clear(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("clear", kwnames) || !arg_count("clear", nargs, 0, 0)) return value();
  std::vector<value> old;
  {
    backend::write_section guard(bts(), self.obj()->header);
    old = as_list(self)->items.take();
  }
  for (value v : old) release_displaced(v);
  return none();
}

value dict_get_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("get", kwnames) || !arg_count("get", nargs, 1, 2)) return value();
  if (value v = dict_get_ref(self, args[0])) return v;
  if (error_pending()) return value();
  return newref(nargs == 2 ? args[1] : none());
}
value dict_pop_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("pop", kwnames) || !arg_count("pop", nargs, 1, 2)) return value();
  value v = dict_pop_ref(self, args[0]);
  if (!v) {
    if (error_pending()) return value();
    if (nargs == 2) return newref(args[1]);
    ref a(make_tuple({args[0]}));
    ref e(make_exception(&exc_KeyError, a.get()));
    return raise_value(e.get());
  }
  return v;
}
value dict_setdefault(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("setdefault", kwnames) || !arg_count("setdefault", nargs, 1, 2)) return value();
  return dict_setdefault_ref(self, args[0], nargs == 2 ? args[1] : none());
}
value dict_update_method(value self, const value* args, std::size_t nargs, value kwnames) {
  const std::size_t n = npositional(nargs, kwnames);
  if (n > 1) return raise_type_error("update expected at most 1 argument, got " + std::to_string(n));
  if (n == 1 && dict_update_from(self, args[0]) < 0) return value();
  if (kwnames) {
    for (std::size_t i = 0; i < as_tuple(kwnames)->size; ++i)
      if (dict_set(self, as_tuple(kwnames)->items[i], args[n + i]) < 0) return value();
  }
  return none();
}
value dict_copy(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("copy", kwnames) || !arg_count("copy", nargs, 0, 0)) return value();
  ref d(make_dict());
  if (dict_update_from(d.get(), self) < 0) return value();
  return d.release();
}
value dict_clear(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("clear", kwnames) || !arg_count("clear", nargs, 0, 0)) return value();
  std::vector<value> keys;
  std::size_t pos = 0;
  value k, v;
  while (dict_next(self, &pos, &k, &v)) keys.push_back(newref(k));
  for (value key : keys) {
    dict_del(self, key);
    decref(key);
  }
  return none();
}

// keys(), values() and items() return lists wrapped as views: enough for
// iteration, len, `in` and their CPython repr (dict_keys([...])).
struct view_object : object {
  value list;
};
void dealloc_view(object* o) {
  decref(static_cast<view_object*>(o)->list);
  free_object_memory(o);
}
value view_repr(value v) {
  ref inner(op_repr(static_cast<view_object*>(v.obj())->list));
  if (!inner) return value();
  return make_str(std::string(type_of(v)->name) + "(" + str_of(inner.get()) + ")");
}
value view_iter(value v) { return op_iter(static_cast<view_object*>(v.obj())->list); }
std::int64_t view_length(value v) { return op_length(static_cast<view_object*>(v.obj())->list); }
int view_contains(value v, value x) { return op_contains(static_cast<view_object*>(v.obj())->list, x); }

// keys() and items() views are set-like, as CPython's: |, &, -, ^ with any
// iterable on either side give a set; == and the order comparisons against
// a set or another such view compare as sets.
bool is_set_view(value v) { return type_of(v) == &dict_keys_type || type_of(v) == &dict_items_type; }
value set_of(value iterable) {
  ref s(make_set(&set_type));
  if (set_update(s.get(), iterable) < 0) return value();
  return s.release();
}
value view_binary(value a, value b, int op) {
  const auto o = static_cast<ast::binop>(op & 15);
  if (o != ast::binop::bitor_ && o != ast::binop::bitand_ && o != ast::binop::sub && o != ast::binop::bitxor) {
    return not_implemented();
  }
  ref left(set_of(a));
  if (!left) return value();
  ref right(set_of(b));
  if (!right) return value();
  return op_binary(left.get(), right.get(), static_cast<int>(o) | 16);  // in place on the new left set
}
value view_compare(value a, value b, int cmp) {
  auto set_like = [](value v) { return is_set_view(v) || type_of(v) == &set_type || type_of(v) == &frozenset_type; };
  if (!set_like(a) || !set_like(b)) return not_implemented();
  ref left(set_of(a));
  if (!left) return value();
  ref right(set_of(b));
  if (!right) return value();
  return op_compare(left.get(), right.get(), cmp);
}
value view_isdisjoint(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("isdisjoint", kwnames) || !arg_count("isdisjoint", nargs, 1, 1)) return value();
  ref it(op_iter(args[0]));
  if (!it) return value();
  while (value x = op_next(it.get())) {
    const int c = view_contains(self, x);
    decref(x);
    if (c < 0) return value();
    if (c) return false_value();
  }
  return error_pending() ? value() : true_value();
}
value make_view(value dict, int kind) {
  type_object* t = kind == 0 ? &dict_keys_type : kind == 1 ? &dict_values_type : &dict_items_type;
  auto* view = make<view_object>(t);
  view->list = make_list();
  std::size_t pos = 0;
  value k, x;
  while (dict_next(dict, &pos, &k, &x)) {
    value item = kind == 0 ? newref(k) : kind == 1 ? newref(x) : make_tuple({k, x});
    as_list(view->list)->items.push_back(item);
  }
  return value::from(view);
}
value dict_keys(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("keys", kwnames) || !arg_count("keys", nargs, 0, 0)) return value();
  return make_view(self, 0);
}
value dict_values(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("values", kwnames) || !arg_count("values", nargs, 0, 0)) return value();
  return make_view(self, 1);
}
value dict_items(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("items", kwnames) || !arg_count("items", nargs, 0, 0)) return value();
  return make_view(self, 2);
}

value str_join(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("join", kwnames) || !arg_count("join", nargs, 1, 1)) return value();
  std::vector<value> items;
  if (!collect(args[0], items)) return value();
  std::string out;
  const std::string sep = str_of(self);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (type_of(items[i]) != &str_type) {
      const std::string t = type_name(items[i]);
      for (value x : items) decref(x);
      return raise_type_error("sequence item " + std::to_string(i) + ": expected str instance, " + t + " found");
    }
    if (i) out += sep;
    out += as_str(items[i])->utf8;
  }
  for (value x : items) decref(x);
  return make_str(out);
}


value str_split(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("split", kwnames, {"sep", "maxsplit"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  value sepv = n >= 1 ? args[0] : keyword_arg(args, nargs, kwnames, "sep");
  value maxv = n >= 2 ? args[1] : keyword_arg(args, nargs, kwnames, "maxsplit");
  std::int64_t maxsplit = -1;
  if (maxv && !index_arg(maxv, &maxsplit)) return value();
  const std::string& s = as_str(self)->utf8;
  value l = make_list();
  auto& out = as_list(l)->items;
  if (!sepv || sepv == none()) {
    split_whitespace(s, maxsplit, [&](std::string_view piece) { out.push_back(make_str(piece)); });
    return l;
  }
  if (type_of(sepv) != &str_type) {
    decref(l);
    return raise_type_error(std::string("must be str or None, not ") + type_name(sepv));
  }
  const std::string sep = str_of(sepv);
  if (sep.empty()) {
    decref(l);
    return raise(&exc_ValueError, "empty separator");
  }
  std::size_t i = 0;
  for (;;) {
    const std::size_t j = s.find(sep, i);
    if (j == std::string::npos || (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit)) {
      out.push_back(make_str(s.substr(i)));
      break;
    }
    out.push_back(make_str(s.substr(i, j - i)));
    i = j + sep.size();
  }
  return l;
}

value strip_impl(value self, const value* args, std::size_t nargs, value kwnames, bool left, bool right, const char* name) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 0, 1)) return value();
  const std::string& s = as_str(self)->utf8;
  std::string chars = " \t\n\r\f\v";
  if (nargs == 1 && args[0] != none()) {
    if (type_of(args[0]) != &str_type) return raise_type_error(std::string(name) + " arg must be None or str");
    chars = str_of(args[0]);
  }
  return make_str(strip_bytes(s, chars, left, right));
}
value str_strip(value self, const value* a, std::size_t n, value k) { return strip_impl(self, a, n, k, true, true, "strip"); }
value str_lstrip(value self, const value* a, std::size_t n, value k) { return strip_impl(self, a, n, k, true, false, "lstrip"); }
value str_rstrip(value self, const value* a, std::size_t n, value k) { return strip_impl(self, a, n, k, false, true, "rstrip"); }

value str_replace(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("replace", kwnames) || !arg_count("replace", nargs, 2, 3)) return value();
  if (type_of(args[0]) != &str_type || type_of(args[1]) != &str_type) {
    return raise_type_error(std::string("replace() argument 1 must be str, not ") + type_name(type_of(args[0]) != &str_type ? args[0] : args[1]));
  }
  std::int64_t count = -1;
  if (nargs == 3 && !index_arg(args[2], &count)) return value();
  const std::string& s = as_str(self)->utf8;
  const std::string from = str_of(args[0]), to = str_of(args[1]);
  std::string out;
  if (from.empty()) {
    // Insert between every code point (and at both ends).
    std::int64_t done = 0;
    for (std::size_t i = 0; i <= s.size();) {
      if (count < 0 || done < count) {
        out += to;
        ++done;
      }
      if (i == s.size()) break;
      std::size_t j = i + 1;
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
      out.append(s, i, j - i);
      i = j;
    }
    return make_str(out);
  }
  std::size_t i = 0;
  std::int64_t done = 0;
  for (;;) {
    const std::size_t j = (count < 0 || done < count) ? s.find(from, i) : std::string::npos;
    if (j == std::string::npos) {
      out.append(s, i, std::string::npos);
      break;
    }
    out.append(s, i, j - i);
    out += to;
    i = j + from.size();
    ++done;
  }
  return make_str(out);
}

bool search_range(value self, const value* args, std::size_t nargs, std::size_t* lo, std::size_t* hi);

// str.startswith/endswith(prefix[, start[, end]]): the prefix (or a tuple of
// them) tested against the slice [start:end].
value affix(value self, const value* args, std::size_t nargs, value kwnames, bool starts) {
  const char* name = starts ? "startswith" : "endswith";
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 1, 3)) return value();
  if (nargs == 1) return match_affix(as_str(self)->utf8, args[0], starts, &str_type, name);
  std::size_t lo = 0, hi = 0;
  if (!search_range(self, args, nargs, &lo, &hi)) return error_pending() ? value() : false_value();
  return match_affix(as_str(self)->utf8.substr(lo, hi - lo), args[0], starts, &str_type, name);
}
value str_startswith(value self, const value* a, std::size_t n, value k) { return affix(self, a, n, k, true); }
value str_endswith(value self, const value* a, std::size_t n, value k) { return affix(self, a, n, k, false); }

std::int64_t code_point_index(const std::string& s, std::size_t byte) {
  std::int64_t n = 0;
  for (std::size_t i = 0; i < byte; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

// The optional [start[, end]] of find/index/count as byte offsets into
// the UTF-8, with slice semantics (negative from the end, clamped); false
// with nothing pending when start lies past the end (nothing can match),
// false with an error pending for a bad argument.
bool search_range(value self, const value* args, std::size_t nargs, std::size_t* lo, std::size_t* hi) {
  const str_object* str = as_str(self);
  const std::int64_t len = str->length;
  std::int64_t bounds[2] = {0, len};
  for (std::size_t k = 1; k < nargs && k < 3; ++k) {
    if (args[k] == none()) continue;
    if (!as_int64(args[k], &bounds[k - 1])) {
      raise_type_error("slice indices must be integers or None or have an __index__ method");
      return false;
    }
  }
  std::int64_t start = bounds[0], end = bounds[1];
  if (start < 0) start = std::max<std::int64_t>(0, start + len);
  if (end < 0) end = std::max<std::int64_t>(0, end + len);
  end = std::min(end, len);
  if (start > len) return false;
  end = std::max(end, start);
  auto to_byte = [&](std::int64_t cp) -> std::size_t {
    if (str->ascii) return static_cast<std::size_t>(cp);
    std::size_t i = 0;
    for (std::int64_t n = 0; i < str->utf8.size(); ++i) {
      if ((static_cast<unsigned char>(str->utf8[i]) & 0xC0) != 0x80 && n++ == cp) break;
    }
    return i;
  };
  *lo = to_byte(start);
  *hi = to_byte(end);
  return true;
}

value find_impl(value self, const value* args, std::size_t nargs, value kwnames, bool raise_missing, const char* name) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 1, 3)) return value();
  if (type_of(args[0]) != &str_type) return raise_type_error(std::string("must be str, not ") + type_name(args[0]));
  const std::string& s = as_str(self)->utf8;
  std::size_t lo = 0, hi = 0;
  const bool in_range = search_range(self, args, nargs, &lo, &hi);
  if (!in_range && error_pending()) return value();
  const std::string& sub = as_str(args[0])->utf8;
  std::size_t j = in_range ? s.find(sub, lo) : std::string::npos;
  if (j != std::string::npos && j + sub.size() > hi) j = std::string::npos;
  if (j == std::string::npos) {
    if (raise_missing) return raise(&exc_ValueError, "substring not found");
    return make_int(-1);
  }
  return make_int(code_point_index(s, j));
}
value str_find(value self, const value* a, std::size_t n, value k) { return find_impl(self, a, n, k, false, "find"); }
value str_index(value self, const value* a, std::size_t n, value k) { return find_impl(self, a, n, k, true, "index"); }

value str_count(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("count", kwnames) || !arg_count("count", nargs, 1, 3)) return value();
  if (type_of(args[0]) != &str_type) return raise_type_error(std::string("must be str, not ") + type_name(args[0]));
  std::size_t lo = 0, hi = 0;
  if (!search_range(self, args, nargs, &lo, &hi)) return error_pending() ? value() : make_int(0);
  const std::string s = as_str(self)->utf8.substr(lo, hi - lo);
  const std::string& sub = as_str(args[0])->utf8;
  if (sub.empty()) return make_int(code_point_index(s, s.size()) + 1);
  std::int64_t n = 0;
  for (std::size_t i = s.find(sub); i != std::string::npos; i = s.find(sub, i + sub.size())) ++n;
  return make_int(n);
}

// glibc's wide-character case mappings and classes (towupper, iswalpha,
// ...) under C.UTF-8: Unicode's, close to CPython's for letters and digits.
bool wide_locale_ready() {
  static const bool ready = std::setlocale(LC_CTYPE, "C.UTF-8") != nullptr;
  return ready;
}

value case_map(value self, std::size_t nargs, value kwnames, bool upper, const char* name) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 0, 0)) return value();
  const str_object* s = as_str(self);
  std::string out;
  out.reserve(s->utf8.size());
  if (s->ascii) {
    out = s->utf8;
    for (char& c : out) {
      if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return make_str(out);
  }
  // Non-ASCII: glibc's towupper/towlower under a UTF-8 locale carry
  // Unicode's one-to-one case mappings (the one-to-many ones, such as
  // German sharp s to "SS", are not applied).
  (void)wide_locale_ready();
  const std::string& in = s->utf8;
  for (std::size_t i = 0; i < in.size();) {
    const char32_t cp = utf8::decode(in, i);
    utf8::append(out, static_cast<char32_t>(upper ? std::towupper(static_cast<wint_t>(cp))
                                                  : std::towlower(static_cast<wint_t>(cp))));
  }
  return make_str(out);
}
value str_upper(value self, const value*, std::size_t n, value k) { return case_map(self, n, k, true, "upper"); }
value str_lower(value self, const value*, std::size_t n, value k) { return case_map(self, n, k, false, "lower"); }

value char_class(value self, std::size_t nargs, value kwnames, const char* name, int (*pred)(int)) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 0, 0)) return value();
  const std::string& s = as_str(self)->utf8;
  if (s.empty()) return false_value();
  for (char c : s)
    if (!pred(static_cast<unsigned char>(c))) return false_value();
  return true_value();
}
value str_isdigit(value self, const value*, std::size_t n, value k) { return char_class(self, n, k, "isdigit", [](int c) { return c >= '0' && c <= '9' ? 1 : 0; }); }
value str_isalpha(value self, const value*, std::size_t n, value k) { return char_class(self, n, k, "isalpha", [](int c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? 1 : 0; }); }
value str_isspace(value self, const value*, std::size_t n, value k) { return char_class(self, n, k, "isspace", [](int c) { return is_ascii_space(static_cast<char>(c)) ? 1 : 0; }); }


// ---- the format mini-language (format(), f-strings) ----
struct format_spec {
  char fill = ' ';
  char align = 0;
  char sign = '-';
  bool alternate = false;
  bool zero = false;
  std::int64_t width = -1;
  char grouping = 0;
  std::int64_t precision = -1;
  char type = 0;
};

bool parse_spec(const std::string& s, format_spec* f) {
  std::size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (s.size() >= 2 && is_align(s[1])) {
    f->fill = s[0];
    f->align = s[1];
    i = 2;
  } else if (!s.empty() && is_align(s[0])) {
    f->align = s[0];
    i = 1;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) f->sign = s[i++];
  if (i < s.size() && s[i] == '#') {
    f->alternate = true;
    ++i;
  }
  if (i < s.size() && s[i] == '0') {
    f->zero = true;
    ++i;
  }
  std::size_t j = i;
  while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  if (j > i) f->width = std::stoll(s.substr(i, j - i));
  i = j;
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) f->grouping = s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j == i) return false;
    f->precision = std::stoll(s.substr(i, j - i));
    i = j;
  }
  if (i < s.size()) f->type = s[i++];
  return i == s.size();
}

std::string group_digits(const std::string& digits, char sep, int every) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i && (n - i) % static_cast<std::size_t>(every) == 0) out += sep;
    out += digits[i];
  }
  return out;
}

std::string pad(const std::string& sign_prefix, const std::string& body, const format_spec& f, char default_align) {
  std::int64_t len = 0;
  for (char c : sign_prefix + body) len += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  char align = f.align ? f.align : (f.zero ? '=' : default_align);
  char fill = f.align ? f.fill : (f.zero ? '0' : f.fill);
  if (f.width <= len) return sign_prefix + body;
  const std::string padding(static_cast<std::size_t>(f.width - len), fill);
  switch (align) {
    case '<': return sign_prefix + body + padding;
    case '^': {
      const std::size_t left = padding.size() / 2;
      return padding.substr(0, left) + sign_prefix + body + padding.substr(left);
    }
    case '=': return sign_prefix + padding + body;
    default: return padding + sign_prefix + body;
  }
}

value format_with_spec(value v, const std::string& spec_text) {
  format_spec f;
  type_object* t = type_of(v);
  if (t->heap) {
    value m = type_lookup(t, intern("__format__"));
    if (m && type_of(m) == &function_type) {
      ref spec(make_str(spec_text));
      value sv = spec.get();
      return checked_str_result(call_method(m, v, &sv, 1), "__format__");
    }
  }
  if (spec_text.empty()) return op_str(v);
  if (!parse_spec(spec_text, &f)) return raise(&exc_ValueError, "Invalid format specifier");
  if (t == &str_type) {
    if (f.type && f.type != 's') {
      return raise(&exc_ValueError, std::string("Unknown format code '") + f.type + "' for object of type 'str'");
    }
    std::string s = str_of(v);
    if (f.precision >= 0) {
      std::size_t b = 0;
      std::int64_t n = 0;
      while (b < s.size() && n < f.precision) {
        ++b;
        while (b < s.size() && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) ++b;
        ++n;
      }
      s = s.substr(0, b);
    }
    return make_str(pad("", s, f, '<'));
  }
  const bool is_int = t == &int_type || t == &bool_type;
  if (is_int && (f.type == 0 || f.type == 'd' || f.type == 'x' || f.type == 'X' || f.type == 'o' || f.type == 'b' || f.type == 'n' || f.type == 'c')) {
    if (f.precision >= 0) return raise(&exc_ValueError, "Precision not allowed in integer format specifier");
    const bool negative = int_is_negative(v);
    const int base = f.type == 'x' || f.type == 'X' ? 16 : f.type == 'o' ? 8 : f.type == 'b' ? 2 : 10;
    if (f.type == 'c') {
      ref c(builtin_chr(value(), &v, 1, value()));
      if (!c) return value();
      return make_str(pad("", str_of(c.get()), f, '<'));
    }
    std::string digits = magnitude_digits(v, base, f.type == 'X');
    if (f.grouping) digits = group_digits(digits, f.grouping, base == 10 ? 3 : 4);
    std::string prefix = negative ? "-" : (f.sign == '+' ? "+" : f.sign == ' ' ? " " : "");
    if (f.alternate && base != 10) prefix += base == 16 ? (f.type == 'X' ? "0X" : "0x") : base == 8 ? "0o" : "0b";
    return make_str(pad(prefix, digits, f, '>'));
  }
  if (is_int || t == &float_type) {
    double d = 0;
    if (t == &float_type) {
      d = float_value(v);
    } else {
      std::int64_t x = 0;
      d = as_int64(v, &x) ? static_cast<double>(x) : big_to_double(static_cast<big_int_object*>(v.obj())->v);
    }
    char type = f.type;
    if (type != 0 && type != 'f' && type != 'F' && type != 'e' && type != 'E' && type != 'g' && type != 'G' && type != '%' && type != 'n') {
      return raise(&exc_ValueError, std::string("Unknown format code '") + type + "' for object of type '" + t->name + "'");
    }
    const bool negative = std::signbit(d) && !std::isnan(d);
    const double a = std::fabs(d);
    std::string body;
    if (std::isinf(a) || std::isnan(a)) {
      body = std::isnan(a) ? "nan" : "inf";
      if (type == 'F' || type == 'E' || type == 'G') for (char& c : body) c = static_cast<char>(std::toupper(c));
    } else if (type == 0 && f.precision < 0) {
      body = format_float_repr(a);
    } else {
      const int prec = static_cast<int>(f.precision < 0 ? 6 : f.precision);
      char buf[512];
      if (type == '%') {
        std::snprintf(buf, sizeof buf, "%.*f", prec, a * 100);
        body = std::string(buf) + "%";
      } else if (type == 0) {
        // General format with at least one digit after the point, as repr-like 'g'.
        std::snprintf(buf, sizeof buf, "%.*g", prec == 0 ? 1 : prec, a);
        body = buf;
        if (body.find_first_of(".en") == std::string::npos) body += ".0";
      } else {
        // '#' means what C's does: always a point, and 'g' keeps its zeros.
        const char fmt[] = {'%', f.alternate ? '#' : '%', '.', '*', type == 'n' ? 'g' : type, '\0'};
        std::snprintf(buf, sizeof buf, f.alternate ? fmt : fmt + 1, prec, a);
        body = buf;
      }
    }
    if (f.grouping) {
      const std::size_t dot = body.find_first_of(".eE%");
      const std::string int_part = body.substr(0, dot);
      body = group_digits(int_part, f.grouping, 3) + (dot == std::string::npos ? "" : body.substr(dot));
    }
    const std::string prefix = negative ? "-" : (f.sign == '+' ? "+" : f.sign == ' ' ? " " : "");
    return make_str(pad(prefix, body, f, '>'));
  }
  return raise_type_error(std::string("unsupported format string passed to ") + t->name + ".__format__");
}

value builtin_format(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("format", kwnames) || !arg_count("format", nargs, 1, 2)) return value();
  if (nargs == 2 && type_of(args[1]) != &str_type) {
    return raise_type_error(std::string("format() argument 2 must be str, not ") + type_name(args[1]));
  }
  return format_with_spec(args[0], nargs == 2 ? str_of(args[1]) : "");
}

// ---- modules ----
type_object textio_type;
struct textio_object : object {
  FILE* stream;
};
bool is_process_stdout(value v) {
  return type_of(v) == &textio_type && static_cast<textio_object*>(v.obj())->stream == stdout;
}

value textio_write(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("write", kwnames) || !arg_count("write", nargs, 1, 1)) return value();
  if (type_of(args[0]) != &str_type) return raise_type_error(std::string("write() argument must be str, not ") + type_name(args[0]));
  FILE* s = static_cast<textio_object*>(self.obj())->stream;
  const std::string& text = as_str(args[0])->utf8;
  if (s == stdout) {
    std::string out;
    if (!append_stdout_text(text, args[0], &out) || !write_stdout(out)) return value();
  } else {  // stderr
    if (!transaction_irrevocable()) return value();
    flush_stdout();
    const std::string out = stderr_text(text);
    std::fwrite(out.data(), 1, out.size(), s);
  }
  return make_int(as_str(args[0])->length);
}
value textio_flush(value self, const value*, std::size_t, value) {
  FILE* s = static_cast<textio_object*>(self.obj())->stream;
  if (s == stdout) flush_stdout();
  std::fflush(s);
  return none();
}

value sys_exit(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("exit", kwnames) || !arg_count("exit", nargs, 0, 1)) return value();
  ref t(nargs ? make_tuple({args[0]}) : make_tuple(std::size_t{0}));
  ref e(make_exception(&exc_SystemExit, t.get()));
  return raise_value(e.get());
}
value sys_getrecursionlimit(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("getrecursionlimit", kwnames) || !arg_count("getrecursionlimit", nargs, 0, 0)) return value();
  return make_int(current_thread().recursion_limit);
}
// sys.getrefcount(x): the count the back-end keeps (biased: local + shared),
// plus the argument's own reference, as CPython reports it; immortal objects
// answer CPython 3.12's immortal count (they are never counted here).
value sys_getrefcount(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("getrefcount", kwnames)) return value();
  if (nargs != 1) return raise_type_error("sys.getrefcount() takes exactly one argument (" + std::to_string(nargs) + " given)");
  if (!args[0].is_object() || (args[0].obj()->flags & flag_immortal)) return make_int(4294967295);
  return make_int(static_cast<std::int64_t>(backend::refcount(args[0].obj()->header)) + 1);
}
value sys_setrecursionlimit(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("setrecursionlimit", kwnames) || !arg_count("setrecursionlimit", nargs, 1, 1)) return value();
  std::int64_t n = 0;
  if (!index_arg(args[0], &n)) return value();
  if (n < 1) return raise(&exc_ValueError, "recursion limit must be greater or equal than 1");
  // Deeper than this would overflow the C stack: each Python call is one
  // C++ activation of the eval loop.
  if (n > 20000) n = 20000;
  current_thread().recursion_limit = static_cast<int>(n);
  return none();
}

// sys.excepthook(type, value, traceback): prints the exception with its
// traceback, as the interpreter does for one that ends the program.
value sys_excepthook(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("excepthook", kwnames) || !arg_count("excepthook", nargs, 3, 3)) return value();
  if (!type_of(args[1])->is_exception) {
    flush_stdout();
    ref r(op_str(args[1]));
    if (!r) return value();
    std::fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n", type_name(args[1]));
    return none();
  }
  flush_stdout();
  print_exception(args[1]);
  return none();
}

// sys.exc_info(): the exception being handled as (type, value, None) —
// gillab models no traceback objects — or (None, None, None).
value sys_exc_info(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("exc_info", kwnames) || !arg_count("exc_info", nargs, 0, 0)) return value();
  const std::vector<value>& handled = current_thread().handled;
  if (handled.empty() || !handled.back()) return make_tuple({none(), none(), none()});
  const value exc = handled.back();
  return make_tuple({value::from(type_of(exc)), exc, none()});
}

// _traceback.format_exception(exc, chain=True): the traceback module's
// text of an exception (lib/traceback.py), from the frames it recorded.
value traceback_format_exception(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("format_exception", kwnames, {"chain"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  if (n < 1 || n > 2) return raise_type_error("format_exception() takes 1 or 2 arguments");
  value chainv = n == 2 ? args[1] : keyword_arg(args, nargs, kwnames, "chain");
  int chain = 1;
  if (chainv && (chain = op_truth(chainv)) < 0) return value();
  const value exc = args[0];
  if (!type_of(exc)->is_exception && !type_of(exc)->solid->is_exception) {
    return raise_type_error(std::string("Exception expected for value, ") + type_name(exc) + " found");
  }
  ref out(make_list());
  for (const std::string& chunk : format_exception_lines(exc, chain != 0)) {
    as_list(out.get())->items.push_back(make_str(chunk));
  }
  return out.release();
}

value traceback_module() {
  static value m = make_native_module("_traceback", {{"format_exception", traceback_format_exception}});
  return m;
}

// sys attributes written in Python (interp/lib/_sysinfo.py: version_info,
// implementation, float_info ...), made on first use through the sys
// module's PEP 562 __getattr__ and then kept in its dict.
value sys_module();
value sys_lazy_attribute(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__getattr__", kwnames) || !arg_count("__getattr__", nargs, 1, 1)) return value();
  static constexpr std::string_view computed[] = {"version_info", "implementation", "float_info", "hexversion",
                                                  "int_info", "getdefaultencoding", "getfilesystemencoding",
                                                  "flags", "hash_info"};
  const std::string n = type_of(args[0]) == &str_type ? str_of(args[0]) : std::string();
  if (std::find(std::begin(computed), std::end(computed), n) == std::end(computed)) {
    return raise(&exc_AttributeError, "module 'sys' has no attribute '" + n + "'");
  }
  ref attribute(import_attribute("_sysinfo", args[0]));
  if (!attribute) return value();
  dict_set(value::from(static_cast<module_object*>(sys_module().obj())->dict), args[0], attribute.get());
  return attribute.release();
}

value sys_module() {
  static value m = [] {
    value mod = make_module("sys");
    immortalize(mod);
    value d = value::from(static_cast<module_object*>(mod.obj())->dict);
    auto set = [&](const char* name, value v) {
      dict_set(d, intern(name), v);
      decref(v);
    };
    set("exit", make_immortal_builtin("exit", sys_exit));
    set("excepthook", make_immortal_builtin("excepthook", sys_excepthook));
    set("exc_info", make_immortal_builtin("exc_info", sys_exc_info));
    set("__excepthook__", make_immortal_builtin("excepthook", sys_excepthook));
    set("getrecursionlimit", make_immortal_builtin("getrecursionlimit", sys_getrecursionlimit));
    set("getrefcount", make_immortal_builtin("getrefcount", sys_getrefcount));
    set("setrecursionlimit", make_immortal_builtin("setrecursionlimit", sys_setrecursionlimit));
    set("setswitchinterval", make_immortal_builtin("setswitchinterval", sys_setswitchinterval));
    set("getswitchinterval", make_immortal_builtin("getswitchinterval", sys_getswitchinterval));
    set("maxsize", make_int(std::numeric_limits<std::int64_t>::max()));
    set("maxunicode", make_int(0x10FFFF));
    set("platform", make_str("linux"));
    set("byteorder", make_str(std::endian::native == std::endian::little ? "little" : "big"));
    set("__getattr__", make_immortal_builtin("__getattr__", sys_lazy_attribute));
    {
      char exe[4096];
      const ssize_t len = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
      set("executable", make_str(len > 0 ? std::string_view(exe, static_cast<std::size_t>(len)) : std::string_view()));
    }
    set("version", make_str(std::string("3.11 (gillab ") + build_info::version + ", back-end " + backend::name + ")"));
    set("argv", make_list());
    set("path", make_list());
    value modules = make_dict();
    dict_set(modules, intern("sys"), mod);
    set("modules", modules);
    auto io = [](FILE* s) {
      auto* o = make<textio_object>(&textio_type);
      o->stream = s;
      return value::from(o);
    };
    value out = io(stdout), err = io(stderr);
    set("stdout", out);
    set("stderr", err);
    set("__stdout__", newref(out));  // the originals, for restoring (set() takes a reference)
    set("__stderr__", newref(err));
    return mod;
  }();
  return m;
}

value math_module();

}  // namespace

void init_sys_path(const std::string& script);  // imports.cpp

void set_argv(const std::vector<std::string>& argv) {
  value sys = sys_module();
  value l = make_list();
  for (const std::string& a : argv) as_list(l)->items.push_back(make_str(a));
  dict_set(value::from(static_cast<module_object*>(sys.obj())->dict), intern("argv"), l);
  decref(l);
  init_sys_path(argv.empty() ? std::string() : argv[0]);
}

value sys_module_value() { return sys_module(); }
value collections_module();  // collections.cpp
value socket_module();       // io.cpp
value select_module();
value posix_module();
value signal_module();
value struct_module();       // bytes.cpp
value weakref_module();      // weakref.cpp

value builtin_module(const std::string& n) {
  if (n == "sys") return newref(sys_module());
  if (n == "math") return newref(math_module());
  if (n == "_thread") return newref(thread_module());
  if (n == "atomic") return newref(atomic_module());
  if (n == "time") return newref(time_module());
  if (n == "gc") return newref(gc_module());
  if (n == "random") return newref(random_module());
  if (n == "_collections") return newref(collections_module());
  if (n == "_socket") return newref(socket_module());
  if (n == "select") return newref(select_module());
  if (n == "posix") return newref(posix_module());
  if (n == "signal") return newref(signal_module());
  if (n == "_struct") return newref(struct_module());
  if (n == "_weakref") return newref(weakref_module());
  if (n == "_traceback") return newref(traceback_module());
  return value();
}

value op_ascii(value v) {
  ref r(op_repr(v));
  if (!r || as_str(r.get())->ascii) return r.release();
  // repr with every non-ASCII code point escaped, as ascii() does.
  const std::string& s = as_str(r.get())->utf8;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = utf8::decode(s, i);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", static_cast<unsigned>(cp));
    out += buf;
  }
  return make_str(out);
}

value format_value(value v, int conversion, value spec) {
  ref converted;
  if (conversion == 1) converted = ref(op_str(v));
  else if (conversion == 2) converted = ref(op_repr(v));
  else if (conversion == 3) converted = ref(op_ascii(v));
  else converted = ref(newref(v));
  if (!converted) return value();
  if (!spec) {
    if (type_of(converted.get()) == &str_type) return converted.release();
    // A class's own __format__ decides even with no spec (format(x, "")).
    if (!type_of(converted.get())->heap) return op_str(converted.get());
    return format_with_spec(converted.get(), "");
  }
  return format_with_spec(converted.get(), str_of(spec));
}

// ---- more str methods: partition, rfind, rsplit, splitlines, justify,
// case and class predicates, and str.format (PEP 3101) ----
namespace {

bool str_arg(const char* fname, value v) {
  if (type_of(v) == &str_type) return true;
  raise_type_error(std::string(fname) + " arg must be str, not " + type_name(v));
  return false;
}

value partition_impl(value self, const value* args, std::size_t nargs, value kwnames, bool from_right) {
  const char* name = from_right ? "rpartition" : "partition";
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 1, 1)) return value();
  if (type_of(args[0]) != &str_type) return raise_type_error(std::string("must be str, not ") + type_name(args[0]));
  const std::string& s = as_str(self)->utf8;
  const std::string& sep = as_str(args[0])->utf8;
  if (sep.empty()) return raise(&exc_ValueError, "empty separator");
  const std::size_t j = from_right ? s.rfind(sep) : s.find(sep);
  ref empty(make_str(""));
  if (j == std::string::npos) {
    return from_right ? make_tuple({empty.get(), empty.get(), self}) : make_tuple({self, empty.get(), empty.get()});
  }
  ref head(make_str(s.substr(0, j)));
  ref tail(make_str(s.substr(j + sep.size())));
  return make_tuple({head.get(), args[0], tail.get()});
}
value str_partition(value self, const value* a, std::size_t n, value k) { return partition_impl(self, a, n, k, false); }
value str_rpartition(value self, const value* a, std::size_t n, value k) { return partition_impl(self, a, n, k, true); }

value rfind_impl(value self, const value* args, std::size_t nargs, value kwnames, bool raise_missing, const char* name) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 1, 3)) return value();
  if (type_of(args[0]) != &str_type) return raise_type_error(std::string("must be str, not ") + type_name(args[0]));
  const std::string& s = as_str(self)->utf8;
  std::size_t lo = 0, hi = 0;
  const bool in_range = search_range(self, args, nargs, &lo, &hi);
  if (!in_range && error_pending()) return value();
  const std::string& sub = as_str(args[0])->utf8;
  std::size_t j = std::string::npos;
  if (in_range && hi - lo >= sub.size()) {
    j = s.rfind(sub, hi - sub.size());
    if (j != std::string::npos && j < lo) j = std::string::npos;
  }
  if (j == std::string::npos) {
    if (raise_missing) return raise(&exc_ValueError, "substring not found");
    return make_int(-1);
  }
  return make_int(code_point_index(s, j));
}
value str_rfind(value self, const value* a, std::size_t n, value k) { return rfind_impl(self, a, n, k, false, "rfind"); }
value str_rindex(value self, const value* a, std::size_t n, value k) { return rfind_impl(self, a, n, k, true, "rindex"); }

value str_rsplit(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("rsplit", kwnames, {"sep", "maxsplit"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  value sepv = n >= 1 ? args[0] : keyword_arg(args, nargs, kwnames, "sep");
  value maxv = n >= 2 ? args[1] : keyword_arg(args, nargs, kwnames, "maxsplit");
  std::int64_t maxsplit = -1;
  if (maxv && !index_arg(maxv, &maxsplit)) return value();
  if (maxsplit < 0) return str_split(self, args, nargs, kwnames);  // the same split from either end
  const std::string& s = as_str(self)->utf8;
  std::vector<std::string> parts;  // from the right
  if (!sepv || sepv == none()) {
    std::size_t e = s.size();
    while (e > 0) {
      while (e > 0 && is_ascii_space(s[e - 1])) --e;
      if (e == 0) break;
      if (static_cast<std::int64_t>(parts.size()) == maxsplit) {
        parts.push_back(s.substr(0, e));  // the rest keeps its leading space
        break;
      }
      std::size_t b = e;
      while (b > 0 && !is_ascii_space(s[b - 1])) --b;
      parts.push_back(s.substr(b, e - b));
      e = b;
    }
  } else {
    if (!str_arg("rsplit", sepv)) return value();
    const std::string& sep = as_str(sepv)->utf8;
    if (sep.empty()) return raise(&exc_ValueError, "empty separator");
    std::size_t e = s.size();
    while (static_cast<std::int64_t>(parts.size()) < maxsplit) {
      if (e < sep.size()) break;
      const std::size_t j = s.rfind(sep, e - sep.size());
      if (j == std::string::npos) break;
      parts.push_back(s.substr(j + sep.size(), e - j - sep.size()));
      e = j;
    }
    parts.push_back(s.substr(0, e));
  }
  value l = make_list();
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) as_list(l)->items.push_back(make_str(*it));
  return l;
}

value str_splitlines(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("splitlines", kwnames, {"keepends"}) || !arg_count("splitlines", nargs, 0, 1)) return value();
  value keepv = nargs == 1 ? args[0] : value();
  const int keep = keepv ? op_truth(keepv) : 0;
  if (keep < 0) return value();
  const std::string& s = as_str(self)->utf8;
  value l = make_list();
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r' && s[j] != '\v' && s[j] != '\f' && s[j] != '\x1c' &&
           s[j] != '\x1d' && s[j] != '\x1e')
      ++j;
    std::size_t end = j;
    if (j < s.size()) end = (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? j + 2 : j + 1;
    as_list(l)->items.push_back(make_str(s.substr(i, (keep ? end : j) - i)));
    i = end;
  }
  return l;
}

value justify(value self, const value* args, std::size_t nargs, value kwnames, const char* name, int where) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 1, 2)) return value();
  std::int64_t width = 0;
  if (!index_arg(args[0], &width)) return value();
  std::string fill = " ";
  if (nargs == 2) {
    if (type_of(args[1]) != &str_type || as_str(args[1])->length != 1) {
      return raise_type_error(std::string("The fill character must be exactly one character long"));
    }
    fill = as_str(args[1])->utf8;
  }
  const str_object* s = as_str(self);
  if (width <= s->length) return newref(self);
  const std::int64_t pad = width - s->length;
  // CPython's center puts the odd pad on the left when the width is odd.
  const std::int64_t left = where < 0 ? 0 : where > 0 ? pad : pad / 2 + (pad & width & 1);
  std::string out;
  for (std::int64_t i = 0; i < left; ++i) out += fill;
  out += s->utf8;
  for (std::int64_t i = 0; i < pad - left; ++i) out += fill;
  return make_str(out);
}
value str_ljust(value self, const value* a, std::size_t n, value k) { return justify(self, a, n, k, "ljust", -1); }
value str_rjust(value self, const value* a, std::size_t n, value k) { return justify(self, a, n, k, "rjust", 1); }
value str_center(value self, const value* a, std::size_t n, value k) { return justify(self, a, n, k, "center", 0); }

value str_zfill(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("zfill", kwnames) || !arg_count("zfill", nargs, 1, 1)) return value();
  std::int64_t width = 0;
  if (!index_arg(args[0], &width)) return value();
  const str_object* s = as_str(self);
  if (width <= s->length) return newref(self);
  std::string out = s->utf8;
  const std::size_t at = !out.empty() && (out[0] == '+' || out[0] == '-') ? 1 : 0;
  out.insert(at, static_cast<std::size_t>(width - s->length), '0');
  return make_str(out);
}

// Case mapping over ASCII letters; other code points keep their case (the
// same limit as upper()/lower(), noted in the issue).
value recase(value self, std::size_t nargs, value kwnames, const char* name, int mode) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 0, 0)) return value();
  std::string out = as_str(self)->utf8;
  bool word_start = true;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    const bool cased = upper || lower || (static_cast<unsigned char>(c) >= 0x80);
    switch (mode) {
      case 0:  // title
        if (upper && !word_start) c = static_cast<char>(c + 32);
        if (lower && word_start) c = static_cast<char>(c - 32);
        break;
      case 1:  // capitalize
        if (i == 0 && lower) c = static_cast<char>(c - 32);
        if (i > 0 && upper) c = static_cast<char>(c + 32);
        break;
      default:  // swapcase
        if (upper) c = static_cast<char>(c + 32);
        if (lower) c = static_cast<char>(c - 32);
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) word_start = !cased;
  }
  return make_str(out);
}
value str_title(value self, const value*, std::size_t n, value k) { return recase(self, n, k, "title", 0); }
value str_capitalize(value self, const value*, std::size_t n, value k) { return recase(self, n, k, "capitalize", 1); }
value str_swapcase(value self, const value*, std::size_t n, value k) { return recase(self, n, k, "swapcase", 2); }

value case_test(value self, std::size_t nargs, value kwnames, const char* name, bool want_upper) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 0, 0)) return value();
  bool cased = false;
  for (char c : as_str(self)->utf8) {
    if ((want_upper && c >= 'a' && c <= 'z') || (!want_upper && c >= 'A' && c <= 'Z')) return false_value();
    cased |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  return boolean(cased);
}
value str_isupper(value self, const value*, std::size_t n, value k) { return case_test(self, n, k, "isupper", true); }
value str_islower(value self, const value*, std::size_t n, value k) { return case_test(self, n, k, "islower", false); }
value str_isalnum(value self, const value*, std::size_t n, value k) {
  return char_class(self, n, k, "isalnum", [](int c) { return std::isalnum(c) ? 1 : 0; });
}
value str_isidentifier(value self, const value*, std::size_t n, value k) {
  if (!no_keywords("isidentifier", k) || !arg_count("isidentifier", n, 0, 0)) return value();
  const std::string& s = as_str(self)->utf8;
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false_value();
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (static_cast<unsigned char>(c) & 0x80))) return false_value();
  return true_value();
}

value affix_remove(value self, const value* args, std::size_t nargs, value kwnames, bool prefix) {
  const char* name = prefix ? "removeprefix" : "removesuffix";
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 1, 1)) return value();
  if (type_of(args[0]) != &str_type) {
    return raise_type_error(std::string(name) + "() argument must be str, not " + type_name(args[0]));
  }
  const std::string& s = as_str(self)->utf8;
  const std::string& a = as_str(args[0])->utf8;
  if (a.empty() || a.size() > s.size()) return newref(self);
  if (prefix && s.compare(0, a.size(), a) == 0) return make_str(s.substr(a.size()));
  if (!prefix && s.compare(s.size() - a.size(), a.size(), a) == 0) return make_str(s.substr(0, s.size() - a.size()));
  return newref(self);
}
value str_removeprefix(value self, const value* a, std::size_t n, value k) { return affix_remove(self, a, n, k, true); }
value str_removesuffix(value self, const value* a, std::size_t n, value k) { return affix_remove(self, a, n, k, false); }

// str.format: "{" [field] ["!" conv] [":" spec] "}", "{{" and "}}"; the
// field is an index or a name, then ".attr" and "[key]" parts; a spec may
// hold nested fields ("{:{width}}"). Errors and messages as CPython's.
struct format_state {
  const value* args;
  std::size_t npos;
  value kwnames;
  std::size_t nargs;
  int auto_index = 0;  // next automatic index; -1 once manual numbering is used
  bool manual = false;
  value mapping{};  // str.format_map's mapping: named fields are its items
};

value format_field(format_state& st, std::string_view field) {
  std::size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
  const std::string_view head = field.substr(0, i);
  ref obj;
  if (head.empty() || std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (st.mapping) return raise(&exc_ValueError, "Format string contains positional fields");
    std::size_t index = 0;
    if (head.empty()) {
      if (st.manual) return raise(&exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
      index = static_cast<std::size_t>(st.auto_index++);
    } else {
      if (st.auto_index > 0) return raise(&exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
      st.manual = true;
      index = std::stoul(std::string(head));
    }
    if (index >= st.npos) {
      return raise(&exc_IndexError, "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
    }
    obj = ref(newref(st.args[index]));
  } else if (st.mapping) {
    ref key(make_str(head));
    obj = ref(op_getitem(st.mapping, key.get()));  // a KeyError, or __missing__, as CPython
    if (!obj) return value();
  } else {
    value v = keyword_arg(st.args, st.nargs, st.kwnames, head);
    if (!v) {
      ref key(make_str(head));
      ref t(make_tuple({key.get()}));
      ref exc(make_exception(&exc_KeyError, t.get()));
      return raise_value(exc.get());
    }
    obj = ref(newref(v));
  }
  while (i < field.size()) {
    if (field[i] == '.') {
      std::size_t j = ++i;
      while (j < field.size() && field[j] != '.' && field[j] != '[') ++j;
      ref name(make_str(field.substr(i, j - i)));
      obj = ref(op_getattr(obj.get(), name.get()));
      i = j;
    } else {
      const std::size_t close = field.find(']', i);
      if (close == std::string_view::npos) return raise(&exc_ValueError, "expected '}' before end of string");
      const std::string_view k = field.substr(i + 1, close - i - 1);
      ref key;
      if (!k.empty() && std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        key = ref(make_int(static_cast<std::int64_t>(std::stoll(std::string(k)))));
      } else {
        key = ref(make_str(k));
      }
      obj = ref(op_getitem(obj.get(), key.get()));
      i = close + 1;
    }
    if (!obj) return value();
  }
  return obj.release();
}

bool format_into(format_state& st, std::string_view fmt, std::string& out, int depth) {
  if (depth > 2) {
    raise(&exc_ValueError, "Max string recursion exceeded");
    return false;
  }
  std::size_t i = 0;
  while (i < fmt.size()) {
    const char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      raise(&exc_ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    // Find the matching '}' (braces nest inside the spec).
    std::size_t j = i + 1;
    int level = 1;
    for (; j < fmt.size(); ++j) {
      if (fmt[j] == '{') ++level;
      if (fmt[j] == '}' && --level == 0) break;
    }
    if (j >= fmt.size()) {
      raise(&exc_ValueError, level > 1 ? "unmatched '{' in format spec" : "Single '{' encountered in format string");
      return false;
    }
    std::string_view body = fmt.substr(i + 1, j - i - 1);
    i = j + 1;
    std::size_t field_end = 0;
    while (field_end < body.size() && body[field_end] != '!' && body[field_end] != ':') {
      if (body[field_end] == '[') {
        const std::size_t close = body.find(']', field_end);
        field_end = close == std::string_view::npos ? body.size() : close + 1;
      } else {
        ++field_end;
      }
    }
    const std::string_view field = body.substr(0, field_end);
    int conversion = 0;
    std::string_view spec;
    std::size_t k = field_end;
    if (k < body.size() && body[k] == '!') {
      if (k + 1 >= body.size() || (k + 2 < body.size() && body[k + 2] != ':') ) {
        raise(&exc_ValueError, k + 1 >= body.size() ? "end of string while looking for conversion specifier"
                                                     : "expected ':' after conversion specifier");
        return false;
      }
      const char conv = body[k + 1];
      if (conv == 's') conversion = 1;
      else if (conv == 'r') conversion = 2;
      else if (conv == 'a') conversion = 3;
      else {
        raise(&exc_ValueError, std::string("Unknown conversion specifier ") + conv);
        return false;
      }
      k += 2;
    }
    if (k < body.size() && body[k] == ':') spec = body.substr(k + 1);
    ref obj(format_field(st, field));
    if (!obj) return false;
    ref spec_value;
    if (!spec.empty()) {
      std::string expanded;
      if (!format_into(st, spec, expanded, depth + 1)) return false;
      spec_value = ref(make_str(expanded));
    }
    ref piece(format_value(obj.get(), conversion, spec_value.get()));
    if (!piece) return false;
    out += str_of(piece.get());
  }
  return true;
}

value str_format(value self, const value* args, std::size_t nargs, value kwnames) {
  format_state st{args, npositional(nargs, kwnames), kwnames, nargs};
  std::string out;
  if (!format_into(st, as_str(self)->utf8, out, 0)) return value();
  return make_str(out);
}

// x.conjugate() of an int, bool or float: x itself (a bool's as an int).
value number_conjugate(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("conjugate", kwnames)) return value();
  if (nargs) {
    return raise_type_error(std::string(type_of(self) == &float_type ? "float" : "int") +
                            ".conjugate() takes no arguments (" + std::to_string(nargs) + " given)");
  }
  if (type_of(self) == &bool_type) return make_int(self == true_value() ? 1 : 0);
  return newref(self);
}

value str_format_map(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("format_map", kwnames) || !arg_count("format_map", nargs, 1, 1)) return value();
  format_state st{nullptr, 0, value(), 0};
  st.mapping = args[0];
  std::string out;
  if (!format_into(st, as_str(self)->utf8, out, 0)) return value();
  return make_str(out);
}

value str_expandtabs(value self, const value* args, std::size_t nargs, value kwnames) {
  // One optional argument, by position or as tabsize=.
  std::int64_t tabsize = 8;
  value arg = npositional(nargs, kwnames) == 1 ? args[0] : keyword_arg(args, nargs, kwnames, "tabsize");
  if (nargs > 1 || (nargs == 1 && !arg)) return raise_type_error("expandtabs() takes at most 1 argument (tabsize)");
  if (arg && !index_arg(arg, &tabsize)) return value();
  const std::string& in = as_str(self)->utf8;
  std::string out;
  std::int64_t column = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '\t') {
      if (tabsize > 0) {
        const std::int64_t spaces = tabsize - column % tabsize;
        out.append(static_cast<std::size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out += c;
      if (c == '\n' || c == '\r') column = 0;
      else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;  // one column a code point
    }
  }
  return make_str(out);
}

value code_point_class(value self, std::size_t nargs, value kwnames, const char* name, bool (*pred)(char32_t)) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 0, 0)) return value();
  (void)wide_locale_ready();
  const std::string& s = as_str(self)->utf8;
  if (s.empty()) return false_value();
  for (std::size_t i = 0; i < s.size();) {
    if (!pred(utf8::decode(s, i))) return false_value();
  }
  return true_value();
}
value str_isascii(value self, const value*, std::size_t n, value k) {
  if (!no_keywords("isascii", k) || !arg_count("isascii", n, 0, 0)) return value();
  return boolean(as_str(self)->ascii);
}
// isdecimal/isdigit/isnumeric differ only beyond ASCII (superscripts,
// fractions, other scripts' digits): gillab treats the decimal digits of
// every script (iswdigit is ASCII-only in glibc, so 0-9 here) alike.
value str_isdecimal(value self, const value*, std::size_t n, value k) {
  return code_point_class(self, n, k, "isdecimal", [](char32_t c) { return c >= '0' && c <= '9'; });
}
value str_isnumeric(value self, const value*, std::size_t n, value k) {
  return code_point_class(self, n, k, "isnumeric", [](char32_t c) { return c >= '0' && c <= '9'; });
}
value str_isprintable(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("isprintable", kwnames) || !arg_count("isprintable", nargs, 0, 0)) return value();
  (void)wide_locale_ready();
  const std::string& s = as_str(self)->utf8;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::decode(s, i);
    // CPython: printable unless a control, separator (but space) or unassigned code point.
    const bool printable = c == ' ' || (c < 0x80 ? (c > 0x20 && c < 0x7f) : (std::iswprint(static_cast<wint_t>(c)) && !std::iswspace(static_cast<wint_t>(c))));
    if (!printable) return false_value();
  }
  return true_value();
}
value str_istitle(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("istitle", kwnames) || !arg_count("istitle", nargs, 0, 0)) return value();
  (void)wide_locale_ready();
  const std::string& s = as_str(self)->utf8;
  bool cased = false, previous_cased = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<wint_t>(utf8::decode(s, i));
    const bool upper = std::iswupper(c), lower = std::iswlower(c);
    if (upper) {
      if (previous_cased) return false_value();
      previous_cased = cased = true;
    } else if (lower) {
      if (!previous_cased) return false_value();
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return boolean(cased);
}

value str_casefold(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("casefold", kwnames) || !arg_count("casefold", nargs, 0, 0)) return value();
  (void)wide_locale_ready();
  const std::string& in = as_str(self)->utf8;
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const char32_t c = utf8::decode(in, i);
    if (c == U'\u00DF') {  // sharp s folds to "ss", the one full folding most text meets
      out += "ss";
    } else {
      utf8::append(out, static_cast<char32_t>(std::towlower(static_cast<wint_t>(c))));
    }
  }
  return make_str(out);
}

// str.translate: each code point looked up in `table` (table[ord(c)]): None
// deletes it, an int or a str replaces it, LookupError keeps it.
value str_translate(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("translate", kwnames) || !arg_count("translate", nargs, 1, 1)) return value();
  const std::string& in = as_str(self)->utf8;
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size();) {
    const std::size_t start = i;
    const char32_t c = utf8::decode(in, i);
    ref key(make_int(static_cast<std::int64_t>(c)));
    ref to(op_getitem(args[0], key.get()));
    if (!to) {
      if (!pending_matches(&exc_LookupError)) return value();
      clear_pending();
      out.append(in, start, i - start);
      continue;
    }
    value t = to.get();
    if (t == none()) continue;
    if (type_of(t) == &str_type) {
      out += as_str(t)->utf8;
    } else if (t.is_small() || type_of(t) == &int_type) {
      std::int64_t cp = 0;
      if (!index_arg(t, &cp)) return value();
      if (cp < 0 || cp > 0x10FFFF) return raise(&exc_ValueError, "character mapping must be in range(0x110000)");
      utf8::append(out, static_cast<char32_t>(cp));
    } else {
      return raise_type_error("character mapping must return integer, None or str");
    }
  }
  return make_str(out);
}

// str.maketrans(x[, y[, z]]), a static method: the table translate() reads.
value str_maketrans(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("maketrans", kwnames) || !arg_count("maketrans", nargs, 1, 3)) return value();
  ref table(make_dict());
  auto code_point_of = [](const std::string& s, std::size_t& i) { return make_int(static_cast<std::int64_t>(utf8::decode(s, i))); };
  if (nargs == 1) {
    if (type_of(args[0]) != &dict_type) {
      return raise_type_error("if you give only one argument to maketrans it must be a dict");
    }
    std::size_t pos = 0;
    value k, v;
    while (dict_next(args[0], &pos, &k, &v)) {
      ref key;
      if (type_of(k) == &str_type) {
        if (as_str(k)->length != 1) return raise(&exc_ValueError, "string keys in translate table must be of length 1");
        std::size_t at = 0;
        key = ref(code_point_of(as_str(k)->utf8, at));
      } else if (k.is_small() || type_of(k) == &int_type) {
        key = ref(newref(k));
      } else {
        return raise_type_error("keys in translate table must be strings or integers");
      }
      if (dict_set(table.get(), key.get(), v) < 0) return value();
    }
    return table.release();
  }
  if (type_of(args[0]) != &str_type || type_of(args[1]) != &str_type) {
    return raise_type_error(std::string("maketrans() argument ") + (type_of(args[0]) != &str_type ? "1" : "2") +
                            " must be str, not " + type_name(type_of(args[0]) != &str_type ? args[0] : args[1]));
  }
  const str_object* x = as_str(args[0]);
  const str_object* y = as_str(args[1]);
  if (x->length != y->length) return raise(&exc_ValueError, "the first two maketrans arguments must have equal length");
  for (std::size_t i = 0, j = 0; i < x->utf8.size();) {
    ref key(code_point_of(x->utf8, i));
    ref to(code_point_of(y->utf8, j));
    if (dict_set(table.get(), key.get(), to.get()) < 0) return value();
  }
  if (nargs == 3) {
    if (type_of(args[2]) != &str_type) return raise_type_error(std::string("maketrans() argument 3 must be str, not ") + type_name(args[2]));
    const std::string& z = as_str(args[2])->utf8;
    for (std::size_t i = 0; i < z.size();) {
      ref key(code_point_of(z, i));
      if (dict_set(table.get(), key.get(), none()) < 0) return value();
    }
  }
  return table.release();
}

value tuple_index(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("index", kwnames) || !arg_count("index", nargs, 1, 1)) return value();
  tuple_object* t = as_tuple(self);
  for (std::size_t i = 0; i < t->size; ++i) {
    const int eq = op_equal(t->items[i], args[0]);
    if (eq < 0) return value();
    if (eq) return make_int(static_cast<std::int64_t>(i));
  }
  return raise(&exc_ValueError, "tuple.index(x): x not in tuple");
}

value tuple_count(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("count", kwnames) || !arg_count("count", nargs, 1, 1)) return value();
  tuple_object* t = as_tuple(self);
  std::int64_t n = 0;
  for (std::size_t i = 0; i < t->size; ++i) {
    const int eq = op_equal(t->items[i], args[0]);
    if (eq < 0) return value();
    n += eq;
  }
  return make_int(n);
}

}  // namespace

// ---- printf-style formatting: str % args (CPython's PyUnicode_Format) ----
// and bytes % args (PEP 461, _PyBytes_FormatEx). Each conversion is
// translated to a format-mini-language spec and run through
// format_with_spec, so both paths print numbers identically. For bytes, f
// and out hold raw bytes: %s and %b take bytes only, %r and %a are ascii(),
// %c an int below 256 or one byte, and mapping keys are bytes.
namespace {
/// Appends f % args to out; null (an exception raised) on error.
value percent_format(const std::string& f, value args, bool bytes, std::string& out) {
  const bool is_tuple = type_of(args) == &tuple_type;
  const bool is_mapping = !is_tuple && type_of(args) == &dict_type;
  const std::size_t nargs = is_tuple ? as_tuple(args)->size : 1;
  std::size_t next_arg = 0;
  auto take = [&]() -> value {
    if (next_arg >= nargs) {
      raise_type_error("not enough arguments for format string");
      return value();
    }
    return is_tuple ? as_tuple(args)->items[next_arg++] : (++next_arg, args);
  };
  std::size_t i = 0;
  while (i < f.size()) {
    if (f[i] != '%') {
      const std::size_t j = f.find('%', i);
      out.append(f, i, j == std::string::npos ? std::string::npos : j - i);
      if (j == std::string::npos) break;
      i = j;
      continue;
    }
    ++i;
    value arg;
    if (i < f.size() && f[i] == '(') {
      if (!is_mapping) return raise_type_error("format requires a mapping");
      int level = 1;
      const std::size_t key_start = ++i;
      while (i < f.size() && level > 0) {
        if (f[i] == '(') ++level;
        if (f[i] == ')') --level;
        ++i;
      }
      if (level > 0) return raise(&exc_ValueError, "incomplete format key");
      const std::string_view name = std::string_view(f).substr(key_start, i - 1 - key_start);
      ref key(bytes ? make_bytes(name) : make_str(name));
      arg = dict_get(args, key.get());
      if (!arg) {
        if (error_pending()) return value();
        ref t(make_tuple({key.get()}));
        ref exc(make_exception(&exc_KeyError, t.get()));
        return raise_value(exc.get());
      }
    }
    std::string flags;
    while (i < f.size() && std::strchr("-+ #0", f[i])) flags += f[i++];
    std::string width, precision;
    bool has_precision = false;
    auto number = [&](std::string& into) -> bool {
      if (i < f.size() && f[i] == '*') {
        ++i;
        value w = take();
        if (!w) return false;
        std::int64_t n = 0;
        if (!as_int64(w, &n)) {
          raise_type_error("* wants int");
          return false;
        }
        if (n < 0 && &into == &width) {
          flags += '-';
          n = -n;
        }
        into = std::to_string(std::max<std::int64_t>(n, 0));
        return true;
      }
      while (i < f.size() && f[i] >= '0' && f[i] <= '9') into += f[i++];
      return true;
    };
    if (!number(width)) return value();
    if (i < f.size() && f[i] == '.') {
      ++i;
      has_precision = true;
      if (!number(precision)) return value();
      if (precision.empty()) precision = "0";
    }
    while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) ++i;  // length modifiers: ignored
    if (i >= f.size()) return raise(&exc_ValueError, "incomplete format");
    const char conv = f[i++];
    if (conv == '%') {
      out += '%';
      continue;
    }
    if (!arg) {
      arg = take();
      if (!arg) return value();
    }
    const bool left = flags.find('-') != std::string::npos;
    const char sign = flags.find('+') != std::string::npos ? '+' : flags.find(' ') != std::string::npos ? ' ' : 0;
    const bool alternate = flags.find('#') != std::string::npos;
    const bool zero = flags.find('0') != std::string::npos && !left;
    std::string spec;
    ref converted;
    if (bytes && (conv == 's' || conv == 'b' || conv == 'c')) {
      // Raw bytes (%s, %b: cut to the precision; %c: one byte), padded with
      // spaces to the width.
      std::string_view piece;
      char byte = 0;
      const bool one_byte =
          type_of(arg) == &bytes_type && static_cast<bytes_object*>(arg.obj())->bytes.size() == 1;
      if (conv != 'c') {
        if (type_of(arg) != &bytes_type) {
          return raise_type_error(std::string("%b requires a bytes-like object, or an object that implements "
                                              "__bytes__, not '") + type_name(arg) + "'");
        }
        piece = static_cast<bytes_object*>(arg.obj())->bytes;
        if (has_precision) piece = piece.substr(0, std::stoul(precision));
      } else if (one_byte) {
        piece = static_cast<bytes_object*>(arg.obj())->bytes;
      } else {
        std::int64_t b = 0;
        if (!is_instance(arg, &int_type) || !as_int64(arg, &b)) {
          if (error_pending()) clear_pending();
          return raise_type_error("%c requires an integer in range(256) or a single byte");
        }
        if (b < 0 || b > 255) return raise(&exc_OverflowError, "%c arg not in range(256)");
        byte = static_cast<char>(b);
        piece = std::string_view(&byte, 1);
      }
      const std::size_t w = width.empty() ? 0 : std::stoul(width);
      const std::size_t pad = w > piece.size() ? w - piece.size() : 0;
      if (!left) out.append(pad, ' ');
      out += piece;
      if (left) out.append(pad, ' ');
      continue;
    }
    switch (conv) {
      case 's': case 'r': case 'a': {
        // bytes: %r is %a (PEP 461), and the result is ASCII.
        converted = ref(conv == 's' ? op_str(arg) : conv == 'r' && !bytes ? op_repr(arg) : op_ascii(arg));
        if (!converted) return value();
        spec = std::string(left ? "<" : ">") + width + (has_precision ? "." + precision : "");
        break;
      }
      case 'c': {
        std::int64_t cp = 0;
        if (as_int64(arg, &cp)) {
          if (cp < 0 || cp > 0x10FFFF) return raise(&exc_OverflowError, "%c arg not in range(0x110000)");
          std::string s;
          utf8::append(s, static_cast<char32_t>(cp));
          converted = ref(make_str(s));
        } else if (type_of(arg) == &str_type && as_str(arg)->length == 1) {
          converted = ref(newref(arg));
        } else {
          return raise_type_error("%c requires int or char");
        }
        spec = std::string(left ? "<" : ">") + width;
        break;
      }
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
        if (type_of(arg) == &float_type && (conv == 'd' || conv == 'i' || conv == 'u')) {
          converted = ref(construct_int(&arg, 1, value()));
          if (!converted) return value();
        } else if (is_instance(arg, &int_type)) {
          converted = ref(newref(arg));
        } else {
          const bool real = conv == 'd' || conv == 'i' || conv == 'u';
          return raise_type_error(std::string("%") + conv + " format: " + (real ? "a real number" : "an integer") +
                                  " is required, not " + type_name(arg));
        }
        const char type = conv == 'o' ? 'o' : conv == 'x' ? 'x' : conv == 'X' ? 'X' : 'd';
        spec = std::string(left ? "<" : "") + (sign ? std::string(1, sign) : "") + (alternate && type != 'd' ? "#" : "") +
               (zero ? "0" : "") + width + type;
        if (has_precision) {
          // %.Nd pads the digits to N with zeros (no mini-language form).
          ref digits(format_with_spec(converted.get(), std::string(1, type)));
          if (!digits) return value();
          std::string d = str_of(digits.get());
          const bool negative = !d.empty() && d[0] == '-';
          if (negative) d.erase(0, 1);
          const auto p = static_cast<std::size_t>(std::stoul(precision));
          if (d.size() < p) d.insert(0, p - d.size(), '0');
          if (alternate && type != 'd') d.insert(0, type == 'o' ? "0o" : type == 'x' ? "0x" : "0X");
          d.insert(0, negative ? "-" : sign ? std::string(1, sign) : "");
          converted = ref(make_str(d));
          spec = std::string(left ? "<" : ">") + width;
        }
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        if (type_of(arg) == &float_type || is_instance(arg, &int_type)) {
          converted = ref(newref(arg));
        } else {
          return raise_type_error(std::string(bytes ? "float argument required, not " : "must be real number, not ") +
                                  type_name(arg));
        }
        spec = std::string(left ? "<" : "") + (sign ? std::string(1, sign) : "") + (alternate ? "#" : "") +
               (zero ? "0" : "") + width + "." + (has_precision ? precision : "6") + conv;
        break;
      }
      default: {
        char buf[96];
        std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", conv,
                      static_cast<unsigned>(static_cast<unsigned char>(conv)), i - 1);
        return raise(&exc_ValueError, buf);
      }
    }
    ref piece(format_with_spec(converted.get(), spec));
    if (!piece) return value();
    out += str_of(piece.get());
  }
  // Every argument must be used: all of a tuple's, or the single one (a
  // mapping may be used by name or not at all).
  if (!is_mapping && next_arg < nargs) {
    return raise_type_error(std::string("not all arguments converted during ") + (bytes ? "bytes" : "string") +
                            " formatting");
  }
  return none();
}
}  // namespace

value str_percent_format(value fmt, value args) {
  std::string out;
  if (!percent_format(as_str(fmt)->utf8, args, false, out)) return value();
  return make_str(out);
}

value bytes_percent_format(value fmt, value args) {
  std::string out;
  if (!percent_format(static_cast<bytes_object*>(fmt.obj())->bytes, args, true, out)) return value();
  return make_bytes(out);
}

namespace {

value math_sqrt(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("sqrt", kwnames) || !arg_count("sqrt", nargs, 1, 1)) return value();
  ref f(construct_float(args, 1, value()));
  if (!f) return value();
  const double d = float_value(f.get());
  if (d < 0) return raise(&exc_ValueError, "math domain error");
  return make_float(std::sqrt(d));
}
value math_floor_ceil(const value* args, std::size_t nargs, value kwnames, bool floor) {
  if (!no_keywords(floor ? "floor" : "ceil", kwnames) || !arg_count(floor ? "floor" : "ceil", nargs, 1, 1)) return value();
  if (is_instance(args[0], &int_type)) return op_unary(args[0], static_cast<int>(ast::unaryop::pos));
  ref f(construct_float(args, 1, value()));
  if (!f) return value();
  const double d = floor ? std::floor(float_value(f.get())) : std::ceil(float_value(f.get()));
  ref r(make_float(d));
  value rv = r.get();
  return construct_int(&rv, 1, value());
}
value math_floor(value, const value* a, std::size_t n, value k) { return math_floor_ceil(a, n, k, true); }
value math_ceil(value, const value* a, std::size_t n, value k) { return math_floor_ceil(a, n, k, false); }

// The float argument of a math function: int or float (CPython's
// PyFloat_AsDouble), else a TypeError naming the type.
bool math_arg(value v, double* out) {
  if (type_of(v) == &float_type) {
    *out = float_value(v);
    return true;
  }
  if (is_instance(v, &int_type)) {
    ref f(construct_float(&v, 1, value()));
    if (!f) return false;
    *out = float_value(f.get());
    return true;
  }
  raise_type_error(std::string("must be real number, not ") + type_name(v));
  return false;
}

// A one-argument math function: C's, with CPython's domain and range errors
// (ValueError "math domain error", OverflowError "math range error").
template <double (*F)(double)>
value math_unary(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("math", kwnames) || !arg_count("math function", nargs, 1, 1)) return value();
  double x = 0;
  if (!math_arg(args[0], &x)) return value();
  // The FPU's flags tell a pole (log(0): domain) from an overflow
  // (exp(1000): range), as CPython's is_error() does with errno.
  std::feclearexcept(FE_ALL_EXCEPT);
  const double r = F(x);
  if (std::fetestexcept(FE_INVALID | FE_DIVBYZERO) || (std::isnan(r) && !std::isnan(x))) {
    return raise(&exc_ValueError, "math domain error");
  }
  if (std::isinf(r) && std::isfinite(x)) return raise(&exc_OverflowError, "math range error");
  return make_float(r);
}

double degrees_of(double x) { return x * (180.0 / M_PI); }
double radians_of(double x) { return x * (M_PI / 180.0); }

value math_log(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("log", kwnames) || !arg_count("log", nargs, 1, 2)) return value();
  double x = 0;
  // log of a huge int: by its bit length, as CPython does past float range.
  const big_int* big = type_of(args[0]) == &int_type && !args[0].is_small()
                           ? &static_cast<big_int_object*>(args[0].obj())->v : nullptr;
  if (big && std::isinf(big_to_double(*big))) {
    // Beyond float range: x = m * 2**e with m in [0.5, 1), as CPython's
    // loghelper does with _PyLong_Frexp.
    if (*big <= 0) return raise(&exc_ValueError, "math domain error");
    const auto e = static_cast<long>(boost::multiprecision::msb(*big)) + 1;
    const long shift = e - 64;
    const double m = std::ldexp(big_to_double(big_int(*big >> static_cast<unsigned>(shift))), -64);
    x = std::log(m) + std::log(2.0) * static_cast<double>(e);
  } else {
    if (!math_arg(args[0], &x)) return value();
    if (x <= 0) return raise(&exc_ValueError, "math domain error");
    x = std::log(x);
  }
  if (nargs == 2) {
    double base = 0;
    if (!math_arg(args[1], &base)) return value();
    if (base <= 0) return raise(&exc_ValueError, "math domain error");
    const double lb = std::log(base);
    if (lb == 0) return raise(&exc_ZeroDivisionError, "float division by zero");
    x /= lb;
  }
  return make_float(x);
}

value math_binary(const char* name, const value* args, std::size_t nargs, value kwnames, double (*f)(double, double)) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 2, 2)) return value();
  double x = 0, y = 0;
  if (!math_arg(args[0], &x) || !math_arg(args[1], &y)) return value();
  const double r = f(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return raise(&exc_ValueError, "math domain error");
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return raise(&exc_OverflowError, "math range error");
  return make_float(r);
}
value math_atan2(value, const value* a, std::size_t n, value k) { return math_binary("atan2", a, n, k, [](double x, double y) { return std::atan2(x, y); }); }
// CPython 3.11's vector_norm (hypot and dist): the coordinates (absolute
// values, max the largest) are scaled by a power of two that puts the
// largest in [0.5, 1), their squares summed with exact error terms (an
// fma gives each product's rounding error, a fast two-sum each addition's),
// and the square root corrected once by the residual. Nearly always
// correctly rounded, and CPython's result bit for bit (C's hypot differs
// in the last place for about 1 pair in 170).
double vector_norm(std::vector<double>& v, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return std::nan("");
  if (max == 0.0 || v.size() <= 1) return max;
  int max_e = 0;
  std::frexp(max, &max_e);
  if (max_e < -1023) {  // subnormal: ldexp(1.0, -max_e) would overflow
    for (double& x : v) x /= DBL_MIN;
    return DBL_MIN * vector_norm(v, max / DBL_MIN, found_nan);
  }
  const double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  auto add_square = [&](double x, double y) {  // csum += x*y, the errors into frac1/frac2
    const double hi = x * y;
    const double lo = std::fma(x, y, -hi);
    const double sum = csum + hi;  // |csum| >= |hi|: fast two-sum
    frac2 += hi - (sum - csum);
    frac1 += lo;
    csum = sum;
  };
  for (double x : v) {
    x *= scale;
    add_square(x, x);
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  add_square(-h, h);
  const double residual = csum - 1.0 + (frac1 + frac2);
  h += residual / (2.0 * h);
  return h / scale;
}

value math_hypot(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("hypot", kwnames)) return value();
  std::vector<double> v(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (std::size_t i = 0; i < nargs; ++i) {
    if (!math_arg(args[i], &v[i])) return value();
    v[i] = std::fabs(v[i]);
    found_nan |= std::isnan(v[i]);
    if (v[i] > max) max = v[i];
  }
  return make_float(vector_norm(v, max, found_nan));
}

// dist(p, q): the norm of p - q; both sequences of one length.
value math_dist(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("dist", kwnames) || !arg_count("dist", nargs, 2, 2)) return value();
  std::vector<value> p, q;
  auto release = [&] {
    for (value x : p) decref(x);
    for (value x : q) decref(x);
  };
  for (int side = 0; side < 2; ++side) {
    if (type_of(args[side]) != &tuple_type && type_of(args[side]) != &list_type) {
      return raise_type_error(std::string("dist() argument ") + (side ? "2" : "1") + " must be tuple, not " +
                              type_name(args[side]));
    }
  }
  if (!collect(args[0], p) || !collect(args[1], q)) {
    release();
    return value();
  }
  if (p.size() != q.size()) {
    release();
    return raise(&exc_ValueError, "both points must have the same number of dimensions");
  }
  std::vector<double> v(p.size());
  double max = 0.0;
  bool found_nan = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    double a = 0, b = 0;
    if (!math_arg(p[i], &a) || !math_arg(q[i], &b)) {
      release();
      return value();
    }
    v[i] = std::fabs(a - b);
    found_nan |= std::isnan(v[i]);
    if (v[i] > max) max = v[i];
  }
  release();
  return make_float(vector_norm(v, max, found_nan));
}

// fsum(iterable): CPython's math_fsum — Shewchuk's exact partial sums, the
// special values and intermediate overflow as CPython reports them, and its
// correction so that a sum exactly halfway between two floats rounds to
// even across several partials.
value math_fsum(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("fsum", kwnames) || !arg_count("fsum", nargs, 1, 1)) return value();
  ref it(op_iter(args[0]));
  if (!it) return value();
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    ref item(op_next(it.get()));
    if (!item) {
      if (error_pending()) return value();
      break;
    }
    double x = 0;
    if (!math_arg(item.get(), &x)) return value();
    const double xsave = x;
    std::size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      const double hi = x + y;
      const double lo = y - (hi - x);
      if (lo != 0.0) partials[kept++] = lo;
      x = hi;
    }
    partials.resize(kept);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        // From an inf or nan summand, or an intermediate overflow.
        if (std::isfinite(xsave)) return raise(&exc_OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        partials.clear();
      } else {
        partials.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(&exc_ValueError, "-inf + inf in fsum");
    return make_float(special_sum);
  }
  double hi = 0.0;
  std::size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0.0;
    // Add from the top down until the sum becomes inexact.
    while (n > 0) {
      const double x = hi, y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    // Round half to even across the partials below.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      const double y = lo * 2.0;
      const double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return make_float(hi);
}

value math_frexp(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("frexp", kwnames) || !arg_count("frexp", nargs, 1, 1)) return value();
  double x = 0;
  if (!math_arg(args[0], &x)) return value();
  int e = 0;
  const double m = (std::isnan(x) || std::isinf(x) || x == 0.0) ? x : std::frexp(x, &e);
  ref a(make_float(m));
  ref b(make_int(e));
  return make_tuple({a.get(), b.get()});
}

value math_modf(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("modf", kwnames) || !arg_count("modf", nargs, 1, 1)) return value();
  double x = 0;
  if (!math_arg(args[0], &x)) return value();
  double whole = 0;
  const double frac = std::isinf(x) ? std::copysign(0.0, x) : std::modf(x, &whole);
  if (std::isinf(x)) whole = x;
  ref a(make_float(frac));
  ref b(make_float(whole));
  return make_tuple({a.get(), b.get()});
}

value math_ldexp(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("ldexp", kwnames) || !arg_count("ldexp", nargs, 2, 2)) return value();
  double x = 0;
  if (!math_arg(args[0], &x)) return value();
  if (!is_instance(args[1], &int_type)) return raise_type_error("Expected an int as second argument to ldexp.");
  std::int64_t e = 0;
  if (!as_int64(args[1], &e)) {  // beyond 64 bits: as large as any exponent can be
    clear_pending();
    ref zero(make_int(0));
    ref below(op_compare(args[1], zero.get(), static_cast<int>(ast::cmpop::lt)));
    if (!below) return value();
    const int sign = op_truth(below.get());
    if (sign < 0) return value();
    e = sign ? INT64_MIN : INT64_MAX;
  }
  if (x == 0.0 || !std::isfinite(x)) return make_float(x);
  const double r = std::ldexp(x, static_cast<int>(std::clamp<std::int64_t>(e, INT_MIN, INT_MAX)));
  if (std::isinf(r)) return raise(&exc_OverflowError, "math range error");
  return make_float(r);
}

value math_ulp(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("ulp", kwnames) || !arg_count("ulp", nargs, 1, 1)) return value();
  double x = 0;
  if (!math_arg(args[0], &x)) return value();
  if (std::isnan(x)) return make_float(x);
  x = std::fabs(x);
  if (std::isinf(x)) return make_float(x);
  const double up = std::nextafter(x, HUGE_VAL);
  if (std::isinf(up)) return make_float(x - std::nextafter(x, -HUGE_VAL));  // the largest float
  return make_float(up - x);
}
value math_remainder(value, const value* a, std::size_t n, value k) { return math_binary("remainder", a, n, k, [](double x, double y) { return std::remainder(x, y); }); }
value math_nextafter(value, const value* a, std::size_t n, value k) { return math_binary("nextafter", a, n, k, [](double x, double y) { return std::nextafter(x, y); }); }
value math_copysign(value, const value* a, std::size_t n, value k) { return math_binary("copysign", a, n, k, [](double x, double y) { return std::copysign(x, y); }); }
value math_fmod(value, const value* a, std::size_t n, value k) {
  if (n == 2) {
    double y = 0;
    if (math_arg(a[1], &y) && y == 0) return raise(&exc_ValueError, "math domain error");
    clear_pending();
  }
  return math_binary("fmod", a, n, k, [](double x, double y) { return std::fmod(x, y); });
}
value math_pow(value, const value* a, std::size_t n, value k) {
  if (n == 2) {
    double x = 0, y = 0;
    if (math_arg(a[0], &x) && math_arg(a[1], &y) && x == 0 && y < 0) return raise(&exc_ValueError, "math domain error");
    clear_pending();
  }
  return math_binary("pow", a, n, k, [](double x, double y) { return std::pow(x, y); });
}

value math_predicate(const char* name, const value* args, std::size_t nargs, value kwnames, bool (*p)(double)) {
  if (!no_keywords(name, kwnames) || !arg_count(name, nargs, 1, 1)) return value();
  double x = 0;
  if (!math_arg(args[0], &x)) return value();
  return boolean(p(x));
}
value math_isnan(value, const value* a, std::size_t n, value k) { return math_predicate("isnan", a, n, k, [](double x) { return std::isnan(x); }); }
value math_isinf(value, const value* a, std::size_t n, value k) { return math_predicate("isinf", a, n, k, [](double x) { return std::isinf(x); }); }
value math_isfinite(value, const value* a, std::size_t n, value k) { return math_predicate("isfinite", a, n, k, [](double x) { return std::isfinite(x); }); }

value math_trunc(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("trunc", kwnames) || !arg_count("trunc", nargs, 1, 1)) return value();
  if (is_instance(args[0], &int_type)) return op_unary(args[0], static_cast<int>(ast::unaryop::pos));
  if (type_of(args[0]) != &float_type) return raise_type_error(std::string("type ") + type_name(args[0]) + " doesn't define __trunc__ method");
  return construct_int(args, 1, value());
}

value math_gcd(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("gcd", kwnames)) return value();
  ref acc(make_int(0));
  for (std::size_t i = 0; i < nargs; ++i) {
    if (!is_instance(args[i], &int_type)) {
      return raise_type_error(std::string("'") + type_name(args[i]) + "' object cannot be interpreted as an integer");
    }
    // Euclid on Python ints (the values may be big).
    ref a(op_unary(acc.get(), static_cast<int>(ast::unaryop::pos)));
    ref b(newref(args[i]));
    for (;;) {
      const int z = op_truth(b.get());
      if (z < 0) return value();
      if (!z) break;
      ref r(op_binary(a.get(), b.get(), static_cast<int>(binop::mod)));
      if (!r) return value();
      a = std::move(b);
      b = std::move(r);
    }
    ref zero(make_int(0));
    ref negative(op_compare(a.get(), zero.get(), static_cast<int>(cmpop::lt)));
    if (!negative) return value();
    acc = ref(negative.get() == true_value() ? op_unary(a.get(), static_cast<int>(ast::unaryop::neg)) : a.release());
    if (!acc) return value();
  }
  return acc.release();
}

value math_factorial(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("factorial", kwnames) || !arg_count("factorial", nargs, 1, 1)) return value();
  std::int64_t n = 0;
  if (!is_instance(args[0], &int_type)) {
    return raise_type_error(std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  }
  if (!as_int64(args[0], &n)) return raise(&exc_OverflowError, "factorial() argument should not exceed 9223372036854775807");
  if (n < 0) return raise(&exc_ValueError, "factorial() not defined for negative values");
  if (n > 100000) return raise(&exc_NotImplementedError, "math.factorial of more than 100000 is not supported by gillab");
  big_int f = 1;
  for (std::int64_t i = 2; i <= n; ++i) f *= static_cast<unsigned long>(i);
  return make_int(f);
}

value math_isclose(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("isclose", kwnames, {"rel_tol", "abs_tol"})) return value();
  const std::size_t np = npositional(nargs, kwnames);
  if (np != 2) return raise_type_error("isclose() takes exactly 2 positional arguments (" + std::to_string(np) + " given)");
  double a = 0, b = 0, rel = 1e-9, abs_tol = 0;
  if (!math_arg(args[0], &a) || !math_arg(args[1], &b)) return value();
  if (value r = keyword_arg(args, nargs, kwnames, "rel_tol"); r && !math_arg(r, &rel)) return value();
  if (value t = keyword_arg(args, nargs, kwnames, "abs_tol"); t && !math_arg(t, &abs_tol)) return value();
  if (rel < 0 || abs_tol < 0) return raise(&exc_ValueError, "tolerances must be non-negative");
  if (a == b) return true_value();
  if (std::isinf(a) || std::isinf(b)) return false_value();
  const double diff = std::fabs(b - a);
  return boolean(diff <= std::fabs(rel * b) || diff <= std::fabs(rel * a) || diff <= abs_tol);
}

value math_module() {
  static value m = [] {
    value mod = make_module("math");
    immortalize(mod);
    value d = value::from(static_cast<module_object*>(mod.obj())->dict);
    auto set = [&](const char* name, value v) {
      dict_set(d, intern(name), v);
      decref(v);
    };
    set("pi", make_float(M_PI));
    set("e", make_float(M_E));
    set("inf", make_float(HUGE_VAL));
    set("tau", make_float(2 * M_PI));
    set("nan", make_float(std::nan("")));
    set("sqrt", make_immortal_builtin("sqrt", math_sqrt));
    set("floor", make_immortal_builtin("floor", math_floor));
    set("ceil", make_immortal_builtin("ceil", math_ceil));
    set("trunc", make_immortal_builtin("trunc", math_trunc));
    set("log", make_immortal_builtin("log", math_log));
    set("gcd", make_immortal_builtin("gcd", math_gcd));
    set("factorial", make_immortal_builtin("factorial", math_factorial));
    set("isclose", make_immortal_builtin("isclose", math_isclose));
    set("atan2", make_immortal_builtin("atan2", math_atan2));
    set("hypot", make_immortal_builtin("hypot", math_hypot));
    set("copysign", make_immortal_builtin("copysign", math_copysign));
    set("fmod", make_immortal_builtin("fmod", math_fmod));
    set("pow", make_immortal_builtin("pow", math_pow));
    set("isnan", make_immortal_builtin("isnan", math_isnan));
    set("isinf", make_immortal_builtin("isinf", math_isinf));
    set("isfinite", make_immortal_builtin("isfinite", math_isfinite));
    set("dist", make_immortal_builtin("dist", math_dist));
    set("fsum", make_immortal_builtin("fsum", math_fsum));
    set("frexp", make_immortal_builtin("frexp", math_frexp));
    set("modf", make_immortal_builtin("modf", math_modf));
    set("ldexp", make_immortal_builtin("ldexp", math_ldexp));
    set("ulp", make_immortal_builtin("ulp", math_ulp));
    set("remainder", make_immortal_builtin("remainder", math_remainder));
    set("nextafter", make_immortal_builtin("nextafter", math_nextafter));
    // The integer functions are Python (interp/lib/_math_extras.py).
    for (const char* name : {"prod", "comb", "perm", "isqrt", "lcm"}) {
      value f = import_attribute("_math_extras", intern(name));
      if (!f) {
        std::fprintf(stderr, "gillab: the math module's Python half is missing (%s)\n", name);
        std::abort();
      }
      set(name, f);
    }
#define GILLAB_MATH_UNARY(name, fn) set(name, make_immortal_builtin(name, math_unary<fn>));
    GILLAB_MATH_UNARY("sin", std::sin)
    GILLAB_MATH_UNARY("cos", std::cos)
    GILLAB_MATH_UNARY("tan", std::tan)
    GILLAB_MATH_UNARY("asin", std::asin)
    GILLAB_MATH_UNARY("acos", std::acos)
    GILLAB_MATH_UNARY("atan", std::atan)
    GILLAB_MATH_UNARY("sinh", std::sinh)
    GILLAB_MATH_UNARY("cosh", std::cosh)
    GILLAB_MATH_UNARY("tanh", std::tanh)
    GILLAB_MATH_UNARY("exp", std::exp)
    GILLAB_MATH_UNARY("expm1", std::expm1)
    GILLAB_MATH_UNARY("log2", std::log2)
    GILLAB_MATH_UNARY("log10", std::log10)
    GILLAB_MATH_UNARY("log1p", std::log1p)
    GILLAB_MATH_UNARY("fabs", std::fabs)
    GILLAB_MATH_UNARY("degrees", degrees_of)
    GILLAB_MATH_UNARY("radians", radians_of)
    GILLAB_MATH_UNARY("asinh", std::asinh)
    GILLAB_MATH_UNARY("acosh", std::acosh)
    GILLAB_MATH_UNARY("atanh", std::atanh)
    GILLAB_MATH_UNARY("erf", std::erf)
    GILLAB_MATH_UNARY("erfc", std::erfc)
    GILLAB_MATH_UNARY("cbrt", std::cbrt)
    GILLAB_MATH_UNARY("exp2", std::exp2)
#undef GILLAB_MATH_UNARY
    return mod;
  }();
  return m;
}

}  // namespace

value construct_set(const value* args, std::size_t nargs, value kwnames) {
  return construct_set_of(&set_type, args, nargs, kwnames);
}
value construct_frozenset(const value* args, std::size_t nargs, value kwnames) {
  return construct_set_of(&frozenset_type, args, nargs, kwnames);
}

constructor_fn constructor_of(const type_object* t) {
  if (t == &set_type) return construct_set;
  if (t == &frozenset_type) return construct_frozenset;
  if (t == &int_type) return construct_int;
  if (t == &float_type) return construct_float;
  if (t == &str_type) return construct_str;
  if (t == &bytes_type) return construct_bytes;
  if (t == &bool_type) return construct_bool;
  if (t == &list_type) return construct_list;
  if (t == &tuple_type) return construct_tuple;
  if (t == &dict_type) return construct_dict;
  if (t == &range_type) return construct_range;
  if (t == &type_type) return construct_type;
  return nullptr;
}

namespace {

// open(file, mode='r', buffering=-1, encoding=None, errors=None,
// newline=None, closefd=True, opener=None): io.open, which is written in
// Python (interp/lib/io.py) over the posix module's descriptors, as
// CPython's builtins.open is io.open. Imported on first use, so a program
// that opens nothing pays nothing.
value builtin_open(value, const value* args, std::size_t nargs, value kwnames) {
  ref zero(make_int(0));
  ref io(import_name_in(intern("io"), none(), zero.get(), value()));
  if (!io) return value();
  ref io_open(op_getattr(io.get(), intern("open")));
  if (!io_open) return value();
  return op_call(io_open.get(), args, nargs, kwnames);
}

}  // namespace

dict_object* builtins_dict() {
  static dict_object* d = [] {
    value dict = make_dict();
    immortalize(dict);
    auto fn = [&](const char* name, native_fn f) {
      dict_set(dict, intern(name), make_immortal_builtin(name, f));
    };
    fn("print", builtin_print);
    fn("open", builtin_open);
    fn("len", builtin_len);
    fn("repr", builtin_repr);
    fn("ascii", builtin_ascii);
    fn("abs", builtin_abs);
    fn("isinstance", builtin_isinstance);
    fn("issubclass", builtin_issubclass);
    fn("callable", builtin_callable);
    fn("vars", builtin_vars);
    fn("dir", builtin_dir);
    fn("__import__", builtin_import);
    fn("globals", builtin_globals);
    fn("locals", builtin_locals);
    fn("hash", builtin_hash);
    fn("id", builtin_id);
    fn("iter", builtin_iter);
    fn("next", builtin_next);
    fn("ord", builtin_ord);
    fn("chr", builtin_chr);
    fn("divmod", builtin_divmod);
    fn("pow", builtin_pow);
    fn("round", builtin_round);
    fn("hex", builtin_hex);
    fn("oct", builtin_oct);
    fn("bin", builtin_bin);
    fn("min", builtin_min);
    fn("max", builtin_max);
    fn("sum", builtin_sum);
    fn("any", builtin_any);
    fn("all", builtin_all);
    fn("sorted", builtin_sorted);
    fn("enumerate", builtin_enumerate);
    fn("zip", builtin_zip);
    fn("map", builtin_map);
    fn("filter", builtin_filter);
    fn("reversed", builtin_reversed);
    fn("getattr", builtin_getattr);
    fn("hasattr", builtin_hasattr);
    fn("setattr", builtin_setattr);
    fn("delattr", builtin_delattr);
    fn("format", builtin_format);
    auto type = [&](const char* name, type_object* t) { dict_set(dict, intern(name), value::from(t)); };
    type("int", &int_type);
    type("float", &float_type);
    type("str", &str_type);
    type("bytes", &bytes_type);
    type("bool", &bool_type);
    type("list", &list_type);
    type("tuple", &tuple_type);
    type("dict", &dict_type);
    type("set", &set_type);
    type("frozenset", &frozenset_type);
    type("range", &range_type);
    type("slice", &slice_type);
    type("type", &type_type);
    register_class_builtins(as_dict(dict));
#define GILLAB_ADD_EXC(name, base) type(#name, &exc_##name);
    GILLAB_EXCEPTION_TYPES(GILLAB_ADD_EXC)
#undef GILLAB_ADD_EXC
    type("EnvironmentError", &exc_OSError);  // aliases since Python 3.3
    type("IOError", &exc_OSError);
    dict_set(dict, intern("None"), none());
    dict_set(dict, intern("NotImplemented"), not_implemented());
    dict_set(dict, intern("Ellipsis"), value::from(&ellipsis_object));
    return as_dict(dict);
  }();
  return d;
}

namespace {

// ---- more methods of the built-in types (int, float, range, dict) ----

big_int big_of(value v) {
  if (v.is_small()) return big_int(v.small_int());
  if (v.obj() == &true_object) return 1;
  if (v.obj() == &false_object) return 0;
  return static_cast<big_int_object*>(v.obj())->v;
}

value int_bit_length(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("bit_length", kwnames) || !arg_count("bit_length", nargs, 0, 0)) return value();
  const big_int m = boost::multiprecision::abs(big_of(self));
  return make_int(m == 0 ? 0 : static_cast<std::int64_t>(boost::multiprecision::msb(m)) + 1);
}

value int_bit_count(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("bit_count", kwnames) || !arg_count("bit_count", nargs, 0, 0)) return value();
  big_int m = boost::multiprecision::abs(big_of(self));
  std::int64_t count = 0;
  while (m != 0) {
    count += std::popcount(static_cast<std::uint64_t>(m & big_int(~std::uint64_t{0})));
    m >>= 64;
  }
  return make_int(count);
}

// byteorder and signed, positional or keyword, as int.to_bytes/from_bytes
// take them (3.11: length 1 and byteorder 'big' by default).
bool byte_order_args(const char* fname, const value* args, std::size_t nargs, value kwnames, std::size_t first,
                     const char* first_name, value* first_arg, bool* little, bool* is_signed) {
  if (!only_keywords(fname, kwnames, {first_name, "byteorder", "signed"})) return false;
  const std::size_t n = npositional(nargs, kwnames);
  if (n > first + 1) {
    raise_type_error(std::string(fname) + "() takes at most " + std::to_string(first + 1) + " positional arguments (" +
                     std::to_string(n) + " given)");
    return false;
  }
  *first_arg = n >= first ? args[first - 1] : keyword_arg(args, nargs, kwnames, first_name);
  value order = n > first ? args[first] : keyword_arg(args, nargs, kwnames, "byteorder");
  *little = false;
  if (order) {
    if (type_of(order) != &str_type) {
      raise_type_error(std::string(fname) + "() argument 'byteorder' must be str, not " + type_name(order));
      return false;
    }
    const std::string o = str_of(order);
    if (o != "big" && o != "little") {
      raise(&exc_ValueError, "byteorder must be either 'little' or 'big'");
      return false;
    }
    *little = o == "little";
  }
  *is_signed = false;
  if (value sg = keyword_arg(args, nargs, kwnames, "signed")) {
    const int t = op_truth(sg);
    if (t < 0) return false;
    *is_signed = t;
  }
  return true;
}

value int_to_bytes(value self, const value* args, std::size_t nargs, value kwnames) {
  value length_arg;
  bool little, is_signed;
  if (!byte_order_args("to_bytes", args, nargs, kwnames, 1, "length", &length_arg, &little, &is_signed)) return value();
  std::int64_t length = 1;
  if (length_arg && !index_arg(length_arg, &length)) return value();
  if (length < 0) return raise(&exc_ValueError, "length argument must be non-negative");
  big_int v = big_of(self);
  if (v < 0 && !is_signed) return raise(&exc_OverflowError, "can't convert negative int to unsigned");
  const big_int limit = big_int(1) << static_cast<unsigned>(8 * length);
  if (is_signed ? (v >= limit / 2 || v < -(limit / 2)) : v >= limit) {
    return raise(&exc_OverflowError, "int too big to convert");
  }
  if (v < 0) v += limit;  // two's complement
  std::string out(static_cast<std::size_t>(length), '\0');
  for (std::int64_t i = 0; i < length; ++i) {
    const auto byte = static_cast<char>(static_cast<unsigned>(big_int(v & 0xff).convert_to<unsigned>()));
    out[static_cast<std::size_t>(little ? i : length - 1 - i)] = byte;
    v >>= 8;
  }
  return make_bytes(out);
}

}  // namespace

// The unsigned integer whose bytes `raw` are (int.from_bytes; random.seed
// of a str or bytes, stdlib.cpp).
big_int big_int_from_bytes(std::string_view raw, bool little) {
  big_int v = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    v <<= 8;
    v += static_cast<unsigned char>(raw[little ? raw.size() - 1 - i : i]);
  }
  return v;
}

namespace {

// A class method (add_class_method): `self` is the class.
value int_from_bytes(value, const value* args, std::size_t nargs, value kwnames) {
  value data;
  bool little, is_signed;
  if (!byte_order_args("from_bytes", args, nargs, kwnames, 1, "bytes", &data, &little, &is_signed)) return value();
  if (!data) return raise_type_error("from_bytes() missing required argument 'bytes' (pos 1)");
  std::string raw;
  if (type_of(data) == &bytes_type) {
    raw = static_cast<bytes_object*>(data.obj())->bytes;
  } else {
    std::vector<value> items;
    if (!collect(data, items)) return value();
    bool ok = true;
    for (value x : items) {
      std::int64_t b = 0;
      if (ok && !is_instance(x, &int_type)) {
        raise_type_error(std::string("'") + type_name(x) + "' object cannot be interpreted as an integer");
        ok = false;
      } else if (ok && (!as_int64(x, &b) || b < 0 || b > 255)) {
        raise(&exc_ValueError, "bytes must be in range(0, 256)");
        ok = false;
      }
      if (ok) raw.push_back(static_cast<char>(b));
      decref(x);
    }
    if (!ok) return value();
  }
  big_int v = big_int_from_bytes(raw, little);
  if (is_signed && !raw.empty() && (static_cast<unsigned char>(raw[little ? raw.size() - 1 : 0]) & 0x80)) {
    v -= big_int(1) << static_cast<unsigned>(8 * raw.size());
  }
  return make_int(std::move(v));
}

double float_of(value self) { return static_cast<float_object*>(self.obj())->v; }

value float_is_integer(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("is_integer", kwnames) || !arg_count("is_integer", nargs, 0, 0)) return value();
  const double d = float_of(self);
  return boolean(std::isfinite(d) && d == std::floor(d));
}

value float_as_integer_ratio(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("as_integer_ratio", kwnames) || !arg_count("as_integer_ratio", nargs, 0, 0)) return value();
  const double d = float_of(self);
  if (std::isinf(d)) return raise(&exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) return raise(&exc_ValueError, "cannot convert NaN to integer ratio");
  // CPython's float_as_integer_ratio: scale the mantissa until it is whole.
  int exponent = 0;
  double part = std::frexp(d, &exponent);
  for (int i = 0; i < 300 && part != std::floor(part); ++i) {
    part *= 2.0;
    --exponent;
  }
  big_int numerator(part);
  big_int denominator = 1;
  if (exponent > 0) {
    numerator <<= static_cast<unsigned>(exponent);
  } else {
    denominator <<= static_cast<unsigned>(-exponent);
  }
  ref n(make_int(std::move(numerator)));
  ref m(make_int(std::move(denominator)));
  return make_tuple({n.get(), m.get()});
}

// float.fromhex(s): CPython's grammar ([sign] ["0x"] hexdigits ["." hexdigits]
// ["p" [sign] digits], or inf/infinity/nan, surrounded by whitespace), read
// by C's strtod, which rounds hexadecimal input correctly as CPython does.
value float_fromhex(value cls, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("fromhex", kwnames) || !arg_count("fromhex", nargs, 1, 1)) return value();
  if (type_of(args[0]) != &str_type) {
    return raise_type_error(std::string("fromhex() argument must be str, not ") + type_name(args[0]));
  }
  const std::string text = str_of(args[0]);
  auto invalid = [] { return raise(&exc_ValueError, "invalid hexadecimal floating-point string"); };
  std::size_t i = 0, end = text.size();
  while (i < end && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  while (end > i && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  std::string body = text.substr(i, end - i);
  std::string sign;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    sign = body.substr(0, 1);
    body.erase(0, 1);
  }
  std::string lower;
  for (const char c : body) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  double d = 0;
  if (lower == "inf" || lower == "infinity") {
    d = HUGE_VAL;
  } else if (lower == "nan") {
    d = std::nan("");
  } else {
    if (lower.rfind("0x", 0) == 0) lower.erase(0, 2);
    std::size_t k = 0, digits = 0;
    while (k < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[k]))) ++k, ++digits;
    if (k < lower.size() && lower[k] == '.') {
      ++k;
      while (k < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[k]))) ++k, ++digits;
    }
    if (digits == 0) return invalid();
    if (k < lower.size() && lower[k] == 'p') {
      ++k;
      if (k < lower.size() && (lower[k] == '+' || lower[k] == '-')) ++k;
      const std::size_t exp_start = k;
      while (k < lower.size() && std::isdigit(static_cast<unsigned char>(lower[k]))) ++k;
      if (k == exp_start) return invalid();
    }
    if (k != lower.size()) return invalid();
    const std::string hex = "0x" + lower;
    errno = 0;
    d = std::strtod(hex.c_str(), nullptr);
    if (std::isinf(d)) return raise(&exc_OverflowError, "hexadecimal value too large to represent as a float");
  }
  if (sign == "-") d = -d;
  ref f(make_float(d));
  if (cls == value::from(&float_type)) return f.release();
  value arg = f.get();
  return op_call(cls, &arg, 1);  // a subclass: cls(float), as CPython does
}

value float_hex(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("hex", kwnames) || !arg_count("hex", nargs, 0, 0)) return value();
  const double d = float_of(self);
  if (std::isnan(d)) return make_str("nan");
  if (std::isinf(d)) return make_str(d > 0 ? "inf" : "-inf");
  if (d == 0) return make_str(std::signbit(d) ? "-0x0.0p+0" : "0x0.0p+0");
  // CPython's float_hex: 1 + 13 hex digits; subnormals keep a leading 0.
  int e = 0;
  double m = std::frexp(std::fabs(d), &e);
  const int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  static const char digits[] = "0123456789abcdef";
  std::string out = d < 0 ? "-0x" : "0x";
  out += digits[static_cast<int>(m)];
  m -= static_cast<int>(m);
  out += '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    m *= 16.0;
    out += digits[static_cast<int>(m)];
    m -= static_cast<int>(m);
  }
  out += e < 0 ? "p-" + std::to_string(-e) : "p+" + std::to_string(e);
  return make_str(out);
}

value range_getattr(value v, value name) {
  const auto* r = static_cast<range_object*>(v.obj());
  const std::string n = str_of(name);
  if (n == "start") return make_int(r->start);
  if (n == "stop") return make_int(r->stop);
  if (n == "step") return make_int(r->step);
  return value();
}

// Ranges compare as the sequences they produce (CPython's range_equals).
value range_compare(value a, value b, int op) {
  if (type_of(b) != &range_type || (op != 0 && op != 1)) return not_implemented();
  const auto* x = static_cast<range_object*>(a.obj());
  const auto* y = static_cast<range_object*>(b.obj());
  bool equal = x->length == y->length;
  if (equal && x->length > 0) equal = x->start == y->start && (x->length == 1 || x->step == y->step);
  return boolean(op == 0 ? equal : !equal);
}

bool range_hash(value v, std::int64_t* out) {
  const auto* r = static_cast<range_object*>(v.obj());
  ref len(make_int(r->length));
  ref start(r->length > 0 ? make_int(r->start) : newref(none()));
  ref step(r->length > 1 ? make_int(r->step) : newref(none()));
  ref key(make_tuple({len.get(), start.get(), step.get()}));
  return op_hash(key.get(), out);
}

// dict.fromkeys: a class method (add_class_method): `cls` is the class.
value dict_fromkeys(value cls, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("fromkeys", kwnames) || !arg_count("fromkeys", nargs, 1, 2)) return value();
  ref d(cls && cls != value::from(&dict_type) ? op_call(cls, nullptr, 0) : make_dict());
  if (!d) return value();
  std::vector<value> keys;
  if (!collect(args[0], keys)) return value();
  const value fill = nargs == 2 ? args[1] : none();
  int rc = 0;
  for (value k : keys) {
    if (rc == 0) rc = op_setitem(d.get(), k, fill);
    decref(k);
  }
  return rc < 0 ? value() : d.release();
}

value dict_popitem(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("popitem", kwnames) || !arg_count("popitem", nargs, 0, 0)) return value();
  value key, v;
  if (!dict_popitem_ref(self, &key, &v)) return raise(&exc_KeyError, "popitem(): dictionary is empty");
  ref k(key), x(v);
  return make_tuple({k.get(), x.get()});
}

// dict | other and dict |= other (3.9+): a new merged dict, or an update.
value dict_binary(value a, value b, int op) {
  const bool inplace = op & 16;
  if (static_cast<ast::binop>(op & 15) != ast::binop::bitor_) return not_implemented();
  if (!is_subtype(type_of(a), &dict_type)) return not_implemented();
  if (inplace) {
    if (dict_update_from(a, b) < 0) return value();
    return newref(a);
  }
  if (!is_subtype(type_of(b), &dict_type)) return not_implemented();
  ref d(make_dict());
  if (dict_update_from(d.get(), a) < 0 || dict_update_from(d.get(), b) < 0) return value();
  return d.release();
}

// dir(x): the names of x's own dict (instances, modules, classes) and of its
// type's (or for a class, its own) MRO, sorted; dir(): the caller's locals.
value builtin_dir(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("dir", kwnames) || !arg_count("dir", nargs, 0, 1)) return value();
  ref names(make_set(&set_type));
  auto add_keys = [&](value dict) {
    std::size_t pos = 0;
    value k, v;
    while (dict_next(dict, &pos, &k, &v))
      if (set_add(names.get(), k) < 0) return false;
    return true;
  };
  if (nargs == 0) {
    ref here(builtin_locals(value(), nullptr, 0, value()));
    if (!here || !add_keys(here.get())) return value();
  } else {
    value x = args[0];
    if (value custom = lookup_special(x, "__dir__")) {
      ref bound(custom);
      ref listed(op_call(bound.get(), nullptr, 0));
      if (!listed) return value();
      value listed_value = listed.get();
      return builtin_sorted(value(), &listed_value, 1, value());
    }
    if (error_pending()) return value();
    const bool is_class = is_type(x);
    type_object* t = is_class ? static_cast<type_object*>(x.obj()) : type_of(x);
    if (type_of(x) == &module_type) {
      if (!add_keys(value::from(static_cast<module_object*>(x.obj())->dict))) return value();
    } else {
      // An instance's own dict; a class's is its own MRO's first (asking a
      // class for __dict__ would copy it).
      if (!is_class) {
        ref own(op_getattr(x, intern("__dict__")));
        if (own && is_subtype(type_of(own.get()), &dict_type)) {
          if (!add_keys(own.get())) return value();
        } else if (!own) {
          clear_pending();
        }
      }
      for (type_object* k : t->mro)
        if (k->dict && !add_keys(value::from(k->dict))) return value();
    }
  }
  value all_names = names.get();
  return builtin_sorted(value(), &all_names, 1, value());
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0): the
// import statement's own machinery (IMPORT_NAME).
value builtin_import(value, const value* args, std::size_t nargs, value kwnames) {
  if (!only_keywords("__import__", kwnames, {"name", "globals", "locals", "fromlist", "level"})) return value();
  const std::size_t n = npositional(nargs, kwnames);
  if (n > 5) return raise_type_error("__import__() takes at most 5 arguments (" + std::to_string(n) + " given)");
  auto arg = [&](std::size_t i, const char* name) { return n > i ? args[i] : keyword_arg(args, nargs, kwnames, name); };
  value name = arg(0, "name");
  if (!name) return raise_type_error("__import__() missing required argument 'name' (pos 1)");
  if (type_of(name) != &str_type) return raise_type_error(std::string("__import__() argument 1 must be str, not ") + type_name(name));
  value globals = arg(1, "globals");
  value fromlist = arg(3, "fromlist");
  value level = arg(4, "level");
  std::int64_t level_number = 0;
  if (level && !index_arg(level, &level_number)) return value();
  if (level_number < 0) return raise(&exc_ValueError, "level must be >= 0");
  // Only a relative import reads globals (its __package__ or __name__).
  if (level_number > 0 && globals && globals != none() && !is_instance(globals, &dict_type)) {
    return raise_type_error("globals must be a dict");
  }
  ref from_tuple;
  if (fromlist && fromlist != none() && type_of(fromlist) != &tuple_type) {
    std::vector<value> items;
    if (!collect(fromlist, items)) return value();
    from_tuple = ref(make_tuple(items.size()));
    for (std::size_t i = 0; i < items.size(); ++i) as_tuple(from_tuple.get())->items[i] = items[i];
    fromlist = from_tuple.get();
  }
  ref zero(make_int(0));
  return import_name_in(name, fromlist ? fromlist : none(), level ? level : zero.get(),
                        globals && globals != none() ? globals : value());
}

}  // namespace

void init_builtins() {
  add_method(list_type, "append", list_append);
  add_method(list_type, "pop", list_pop);
  add_method(list_type, "extend", list_extend);
  add_method(list_type, "insert", list_insert);
  add_method(list_type, "remove", list_remove);
  add_method(list_type, "index", list_index);
  add_method(list_type, "count", list_count);
  add_method(list_type, "sort", list_sort);
  add_method(list_type, "reverse", list_reverse);
  add_method(list_type, "copy", list_copy);
  add_method(list_type, "clear", list_clear);
  add_method(dict_type, "get", dict_get_method);
  add_method(dict_type, "pop", dict_pop_method);
  add_method(dict_type, "setdefault", dict_setdefault);
  add_method(dict_type, "update", dict_update_method);
  add_method(dict_type, "copy", dict_copy);
  add_method(dict_type, "clear", dict_clear);
  add_method(dict_type, "keys", dict_keys);
  add_method(dict_type, "values", dict_values);
  add_method(dict_type, "items", dict_items);
  add_class_method(dict_type, "fromkeys", dict_fromkeys);
  add_method(dict_type, "popitem", dict_popitem);
  dict_type.binary = dict_binary;
  add_method(int_type, "bit_length", int_bit_length);
  add_method(int_type, "conjugate", number_conjugate);
  add_method(float_type, "conjugate", number_conjugate);
  add_method(int_type, "bit_count", int_bit_count);
  add_method(int_type, "to_bytes", int_to_bytes);
  add_class_method(int_type, "from_bytes", int_from_bytes);
  add_method(float_type, "is_integer", float_is_integer);
  add_method(float_type, "as_integer_ratio", float_as_integer_ratio);
  add_method(float_type, "hex", float_hex);
  add_class_method(float_type, "fromhex", float_fromhex);
  range_type.getattr = range_getattr;
  range_type.compare = range_compare;
  range_type.hash = range_hash;
  add_method(str_type, "join", str_join);
  add_method(str_type, "split", str_split);
  add_method(str_type, "strip", str_strip);
  add_method(str_type, "lstrip", str_lstrip);
  add_method(str_type, "rstrip", str_rstrip);
  add_method(str_type, "replace", str_replace);
  add_method(str_type, "startswith", str_startswith);
  add_method(str_type, "endswith", str_endswith);
  add_method(str_type, "find", str_find);
  add_method(str_type, "index", str_index);
  add_method(str_type, "count", str_count);
  add_method(str_type, "upper", str_upper);
  add_method(str_type, "lower", str_lower);
  add_method(str_type, "isdigit", str_isdigit);
  add_method(str_type, "isalpha", str_isalpha);
  add_method(str_type, "isspace", str_isspace);
  add_method(str_type, "partition", str_partition);
  add_method(str_type, "rpartition", str_rpartition);
  add_method(str_type, "rfind", str_rfind);
  add_method(str_type, "rindex", str_rindex);
  add_method(str_type, "rsplit", str_rsplit);
  add_method(str_type, "splitlines", str_splitlines);
  add_method(str_type, "ljust", str_ljust);
  add_method(str_type, "rjust", str_rjust);
  add_method(str_type, "center", str_center);
  add_method(str_type, "zfill", str_zfill);
  add_method(str_type, "title", str_title);
  add_method(str_type, "capitalize", str_capitalize);
  add_method(str_type, "swapcase", str_swapcase);
  add_method(str_type, "isupper", str_isupper);
  add_method(str_type, "islower", str_islower);
  add_method(str_type, "isalnum", str_isalnum);
  add_method(str_type, "isidentifier", str_isidentifier);
  add_method(str_type, "removeprefix", str_removeprefix);
  add_method(str_type, "removesuffix", str_removesuffix);
  add_method(str_type, "format", str_format);
  add_method(str_type, "format_map", str_format_map);
  add_method(str_type, "expandtabs", str_expandtabs);
  add_method(str_type, "isascii", str_isascii);
  add_method(str_type, "isdecimal", str_isdecimal);
  add_method(str_type, "isnumeric", str_isnumeric);
  add_method(str_type, "isprintable", str_isprintable);
  add_method(str_type, "istitle", str_istitle);
  add_method(str_type, "casefold", str_casefold);
  add_method(str_type, "translate", str_translate);
  add_class_method(str_type, "maketrans", str_maketrans);  // static in CPython: the class it receives is ignored
  add_method(tuple_type, "index", tuple_index);
  add_method(tuple_type, "count", tuple_count);

  for (auto [t, name] : {std::pair{&dict_keys_type, "dict_keys"}, {&dict_values_type, "dict_values"}, {&dict_items_type, "dict_items"}}) {
    init_type(*t, name, nullptr);
    t->dealloc = dealloc_view;
    t->repr = view_repr;
    t->iter = view_iter;
    t->length = view_length;
    t->contains = view_contains;
  }
  for (type_object* t : {&dict_keys_type, &dict_items_type}) {
    t->binary = view_binary;
    t->compare = view_compare;
    add_method(*t, "isdisjoint", view_isdisjoint);
  }
  init_type(textio_type, "TextIOWrapper", nullptr);
  add_method(textio_type, "write", textio_write);
  add_method(textio_type, "flush", textio_flush);
}

GILLAB_RUNTIME_NAMESPACE_END
