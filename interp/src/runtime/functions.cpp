// functions.cpp — functions, built-in functions, code objects, cells,
// modules, type objects as callables, and the small singletons.
#include "transaction.hpp"
#include "dict.hpp"
#include "eval.hpp"
#include "gc.hpp"
#include "operations.hpp"
#include "reclaim.hpp"
#include "runtime.hpp"

#include <atomic>
#include <mutex>
#include <cstdlib>
#include <cstring>
#include <utility>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

void dealloc_function(object* o) {
  auto* f = static_cast<function_object*>(o);
  decref(value::from(f->code));
  decref(value::from(f->globals));
  decref(value::from(f->builtins));
  xdecref(f->defaults);
  xdecref(f->kwdefaults);
  xdecref(f->closure);
  xdecref(f->name);
  xdecref(f->qualname);
  xdecref(f->annotations);
  xdecref(f->doc);
  xdecref(f->module_name);
  xdecref(f->dict);
  free_object_memory(o);
}
void traverse_function(object* o, void (*visit)(value, void*), void* arg) {
  auto* f = static_cast<function_object*>(o);
  visit(value::from(f->globals), arg);
  visit(value::from(f->builtins), arg);
  for (value v : {f->defaults, f->kwdefaults, f->closure, f->name, f->qualname, f->annotations, f->doc,
                  f->module_name, f->dict}) {
    if (v) visit(v, arg);
  }
}
// What a function refers to that can lead back to it. Its code, globals,
// names and closure stay (CPython's func_clear drops more, but the eval
// loop reads those unchecked; a closure's cells are cleared as cells, which
// breaks a recursive inner function's cycle, and a finalizer that still
// calls it gets NameError, not a crash).
void clear_function(object* o) {
  auto* f = static_cast<function_object*>(o);
  xdecref(std::exchange(f->defaults, value()));
  xdecref(std::exchange(f->kwdefaults, value()));
  xdecref(std::exchange(f->annotations, value()));
  xdecref(std::exchange(f->dict, value()));
}

value function_repr(value v) {
  auto* f = static_cast<function_object*>(v.obj());
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(f));
  return make_str("<function " + str_of(unlocked_field(f->qualname)) + buf);
}

namespace {
/// f's __dict__ (borrowed), made on first need; null: an error is pending
/// (stm: unwinding to abort). Readers load the pointer without a lock.
value function_dict(function_object* f) {
  if (value d = unlocked_field(f->dict)) return d;
  std::atomic_ref<value> field(f->dict);
  unlocked_fields_write writing(f);
  if (!writing.ok()) return value();
  // Another thread (fine: a section of its own on f) may have made it meanwhile.
  backend::write_section guard(current_thread().backend_state, f->header);
  if (value d = field.load(std::memory_order_acquire)) return d;
  value made = make_dict();
  field.store(made, std::memory_order_release);
  return made;
}
}  // namespace

value function_getattr(value v, value name) {
  auto* f = static_cast<function_object*>(v.obj());
  const std::string n = str_of(name);
  const auto or_none = [](value field) { return newref(field ? field : none()); };
  if (n == "__name__") return newref(unlocked_field(f->name));
  if (n == "__qualname__") return newref(unlocked_field(f->qualname));
  if (n == "__doc__") return or_none(unlocked_field(f->doc));
  if (n == "__module__") return or_none(unlocked_field(f->module_name));
  if (n == "__defaults__") return or_none(unlocked_field(f->defaults));
  if (n == "__annotations__") {
    if (value a = unlocked_field(f->annotations)) return newref(a);
    unlocked_fields_write writing(f);  // stm: made on first use, inside a transaction perhaps
    if (!writing.ok()) return value();
    // Another thread may make or assign it meanwhile: only a null is replaced.
    value made = make_dict();
    value expected;
    if (std::atomic_ref<value>(f->annotations).compare_exchange_strong(expected, made, std::memory_order_acq_rel)) {
      return newref(made);
    }
    decref(made);
    return newref(expected);
  }
  if (n == "__code__") return newref(value::from(f->code));
  if (n == "__globals__") return newref(value::from(f->globals));
  if (n == "__kwdefaults__") return newref(f->kwdefaults ? f->kwdefaults : none());
  if (n == "__closure__") return newref(f->closure ? f->closure : none());
  if (n == "__dict__") {
    value d = function_dict(f);
    return d ? newref(d) : value();
  }
  if (value d = unlocked_field(f->dict)) {
    if (value attr = dict_get_ref(d, name)) return attr;
  }
  return value();
}

// Function attributes: the writable dunders, else the function's __dict__.
// Calls and attribute reads follow a function's fields without a lock (its
// defaults at every call; types.hpp, unlocked_field), so under stm's
// concurrent mode a field changes only with the world stopped
// (transaction.hpp, unlocked_fields_write), and on fine the old value waits
// for a grace period (reclaim.hpp): a reader may have loaded it. An
// attribute of an existing __dict__ is a store into that dict as any.
int function_setattr(value v, value name, value x) {
  auto* f = static_cast<function_object*>(v.obj());
  const std::string n = str_of(name);
  value* field = n == "__name__"          ? &f->name
                 : n == "__qualname__"    ? &f->qualname
                 : n == "__doc__"         ? &f->doc
                 : n == "__module__"      ? &f->module_name
                 : n == "__defaults__"    ? &f->defaults
                 : n == "__annotations__" ? &f->annotations
                                          : nullptr;
  if (!field) {
    value d = function_dict(f);
    if (!d) return -1;
    if (x) return dict_set(d, name, x);
    if (dict_del(d, name) < 0) {
      if (pending_matches(&exc_KeyError)) {
        clear_pending();
        raise(&exc_AttributeError, "'function' object has no attribute '" + n + "'");
      }
      return -1;
    }
    return 0;
  }
  if ((field == &f->name || field == &f->qualname) && (!x || type_of(x) != &str_type)) {
    raise_type_error("__" + n.substr(2, n.size() - 4) + "__ must be set to a string object");
    return -1;
  }
  if (field == &f->defaults && x == none()) x = value();
  if (field == &f->defaults && x && type_of(x) != &tuple_type) {
    raise_type_error("__defaults__ must be set to a tuple object");
    return -1;
  }
  unlocked_field_writer writer;       // releases the old value after the world restarts
  unlocked_fields_write writing(f);  // stm: the old value is no reader's any more
  if (!writing.ok()) return -1;
  writer.replace(*field, x ? newref(x) : value());
  return 0;
}

void dealloc_builtin(object* o) {
  xdecref(static_cast<builtin_function_object*>(o)->self);
  free_object_memory(o);
}
void traverse_builtin(object* o, void (*visit)(value, void*), void* arg) {
  if (value self = static_cast<builtin_function_object*>(o)->self) visit(self, arg);  // l.append kept in l
}

value builtin_repr(value v) {
  auto* b = static_cast<builtin_function_object*>(v.obj());
  if (b->self) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(b->self.obj()));
    return make_str(std::string("<built-in method ") + b->name + " of " + type_name(b->self) + buf);
  }
  return make_str(std::string("<built-in function ") + b->name + ">");
}

value builtin_call(value v, const value* args, std::size_t nargs, value kwnames) {
  auto* b = static_cast<builtin_function_object*>(v.obj());
  if ((v.obj()->flags & flag_irrevocable) && !transaction_irrevocable()) return value();
  return b->fn(b->self, args, nargs, kwnames);
}

void dealloc_cell(object* o) {
  xdecref(static_cast<cell_object*>(o)->contents);
  free_object_memory(o);
}
void traverse_cell(object* o, void (*visit)(value, void*), void* arg) {
  if (value v = static_cast<cell_object*>(o)->contents) visit(v, arg);
}
void clear_cell(object* o) { xdecref(std::exchange(static_cast<cell_object*>(o)->contents, value())); }

void dealloc_module(object* o) {
  auto* m = static_cast<module_object*>(o);
  decref(value::from(m->dict));
  xdecref(m->name);
  free_object_memory(o);
}
void traverse_module(object* o, void (*visit)(value, void*), void* arg) {
  auto* m = static_cast<module_object*>(o);
  visit(value::from(m->dict), arg);
  if (m->name) visit(m->name, arg);
}

value module_repr(value v) {
  auto* m = static_cast<module_object*>(v.obj());
  value file = dict_get(value::from(m->dict), intern("__file__"));
  if (file && type_of(file) == &str_type) {
    const std::string f = str_of(file);
    if (f.rfind("<frozen ", 0) == 0) return make_str("<module '" + str_of(m->name) + "' (frozen)>");
    return make_str("<module '" + str_of(m->name) + "' from '" + f + "'>");
  }
  return make_str("<module '" + str_of(m->name) + "' (built-in)>");
}

value module_getattr(value v, value name) {
  auto* m = static_cast<module_object*>(v.obj());
  value found = dict_get_ref(value::from(m->dict), name);
  if (found || error_pending()) return found;
  const std::string n = str_of(name);
  if (n == "__annotations__") {
    // A module without annotations gets an empty __annotations__ on first
    // access, as CPython's module getset does (3.10+).
    ref fresh(make_dict());
    return dict_setdefault_ref(value::from(m->dict), name, fresh.get());
  }
  // PEP 562: the module's own __getattr__ answers the names it lacks.
  if (n != "__getattr__") {
    ref hook(dict_get_ref(value::from(m->dict), intern("__getattr__")));
    if (hook) return op_call(hook.get(), &name, 1);
  }
  return value();
}

// Two bound built-in methods are equal when they are the same method of
// the same object (log.append == log.append), as CPython's meth_richcompare.
value builtin_compare(value a, value b, int op) {
  if (op > 1 || type_of(b) != &builtin_function_type) return not_implemented();
  const auto* x = static_cast<builtin_function_object*>(a.obj());
  const auto* y = static_cast<builtin_function_object*>(b.obj());
  const bool same = x->fn == y->fn && x->self == y->self && std::strcmp(x->name, y->name) == 0;
  return boolean(op == 0 ? same : !same);
}

bool builtin_hash(value v, std::int64_t* out) {
  const auto* b = static_cast<builtin_function_object*>(v.obj());
  *out = static_cast<std::int64_t>((b->self.raw() >> 4) ^ reinterpret_cast<std::uintptr_t>(b->fn));
  if (*out == -1) *out = -2;
  return true;
}

value type_repr(value v) {
  return make_str("<class '" + type_display_name(static_cast<type_object*>(v.obj())) + "'>");
}

value type_call(value v, const value* args, std::size_t nargs, value kwnames) {
  auto* t = static_cast<type_object*>(v.obj());
  if (t->heap) return call_class(t, args, nargs, kwnames);
  if (t->is_exception) return t->call(v, args, nargs, kwnames);
  if (t == &object_type) {
    if (nargs || (kwnames && as_tuple(kwnames)->size)) return raise_type_error("object() takes no arguments");
    return value::from(allocate(&object_type, sizeof(object)));
  }
  if (t == &type_type && nargs == 3 && !(kwnames && as_tuple(kwnames)->size)) return make_type3(args);
  if (t->construct) return t->construct(args, nargs, kwnames);
  constructor_fn c = constructor_of(t);
  if (!c) c = class_constructor(t);
  if (!c) return raise_type_error(std::string("cannot create '") + t->name + "' instances");
  return c(args, nargs, kwnames);
}

value type_getattr(value v, value name) { return class_getattr(static_cast<type_object*>(v.obj()), name); }

int type_setattr(value v, value name, value x) { return class_setattr(static_cast<type_object*>(v.obj()), name, x); }

// A built-in function's __name__ and __qualname__ (its name; a bound
// method's qualname would need its type: the name is what messages use),
// __self__, and __module__: None for a bound method as in CPython, else
// "builtins" (also for the functions of built-in modules such as time,
// which CPython attributes to their module: gillab does not record it).
value builtin_getattr(value v, value name) {
  const auto* b = static_cast<builtin_function_object*>(v.obj());
  const std::string n = str_of(name);
  if (n == "__name__" || n == "__qualname__") return make_str(b->name);
  if (n == "__self__") return newref(b->self ? b->self : none());
  if (n == "__module__") return b->self ? none() : make_str("builtins");
  return value();
}

// A code object's attributes, with CPython's co_flags bits (what
// inspect.iscoroutinefunction and asyncio test).
value code_getattr(value v, value name) {
  const auto* c = static_cast<code_object*>(v.obj());
  const code_unit& u = *c->unit;
  const std::string n = str_of(name);
  if (n == "co_name") return newref(c->name);
  if (n == "co_qualname") return newref(c->qualname);
  if (n == "co_filename") return newref(c->filename);
  if (n == "co_firstlineno") return make_int(u.first_line);
  if (n == "co_argcount") return make_int(u.argcount);
  if (n == "co_kwonlyargcount") return make_int(u.kwonlyargcount);
  if (n == "co_flags") {
    std::int64_t f = 0;
    if (!(u.flags & (cf_module | cf_class_body))) f |= 0x1 | 0x2;  // CO_OPTIMIZED | CO_NEWLOCALS
    if (u.flags & cf_varargs) f |= 0x4;
    if (u.flags & cf_varkeywords) f |= 0x8;
    if (u.flags & cf_nested) f |= 0x10;
    if (u.flags & cf_generator) f |= 0x20;
    if (u.flags & cf_coroutine) f |= 0x80;
    return make_int(f);
  }
  return value();
}

value none_repr(value) { return make_str("None"); }
value not_implemented_repr(value) { return make_str("NotImplemented"); }
value ellipsis_repr(value) { return make_str("Ellipsis"); }

}  // namespace

value bind_builtin(const builtin_function_object* b, value self) {
  value r = make_builtin(b->name, b->fn, self);
  r.obj()->flags |= b->flags & flag_irrevocable;
  return r;
}

value make_immortal_builtin(const char* name, native_fn fn) { return immortalize(make_builtin(name, fn)); }

value make_builtin(const char* name, native_fn fn, value self) {
  auto* b = make<builtin_function_object>(&builtin_function_type);
  b->name = name;
  b->fn = fn;
  b->self = self ? newref(self) : value();
  return value::from(b);
}

value make_cell(value contents) {
  auto* c = make<cell_object>(&cell_type);
  c->contents = contents ? newref(contents) : value();
  return value::from(c);
}

namespace {

// Constants live as long as their code: immortal, so loading one costs no
// count. They stay reachable from this registry until process exit, so a
// leak checker reports only objects a reference-count bug lost.
std::vector<object*>& immortal_registry() {
  static auto* registry = new std::vector<object*>();
  return *registry;
}

}  // namespace

value immortalize(value v) {
  if (v.is_object()) {
    // stm: what becomes immortal is shared for good and an abort could not
    // take it back (nor what it refers to): the transaction commits first.
    // One unwinding to abort may neither make v immortal nor return it
    // mortal to a table that keeps it (intern): the abort is thrown from
    // here, or where it cannot be, v stays mortal (a known gap).
    if (!transaction_irrevocable_or_throw()) return v;
    static std::mutex registry_mutex;  // threads import and define concurrently
    std::lock_guard lock(registry_mutex);
    v.obj()->flags |= flag_immortal;
    gc_untrack(v.obj());  // never garbage: the collector need not look at it
    immortal_registry().push_back(v.obj());
  }
  return v;
}

namespace {
value immortal(value v) { return immortalize(v); }

}  // namespace

code_object* materialize(const std::shared_ptr<const code_unit>& unit) {
  auto* c = make<code_object>(&code_type);
  immortal(value::from(c));
  c->unit = unit;
  for (const constant& k : unit->constants) {
    struct visitor {
      value operator()(none_literal) const { return none(); }
      value operator()(bool b) const { return boolean(b); }
      value operator()(std::int64_t i) const { return immortal(make_int(i)); }
      value operator()(const big_int_literal& b) const { return immortal(make_int(big_int(b.digits))); }
      value operator()(double d) const { return immortal(make_float(d)); }
      value operator()(const std::string& s) const { return intern(s); }
      value operator()(const bytes_literal& b) const { return immortal(make_bytes(b.bytes)); }
      value operator()(ellipsis_literal) const { return value::from(&ellipsis_object); }
      value operator()(const std::shared_ptr<const code_unit>& inner) const { return value::from(materialize(inner)); }
      value operator()(const std::vector<std::string>& names) const {
        value t = make_tuple(names.size());
        for (std::size_t i = 0; i < names.size(); ++i) as_tuple(t)->items[i] = intern(names[i]);
        return immortal(t);
      }
    };
    c->constants.push_back(std::visit(visitor{}, k));
  }
  for (const std::string& n : unit->names) c->names.push_back(intern(n));
  c->global_cache.resize(unit->code.size());
  c->attr_cache.resize(unit->code.size());
  c->name = intern(unit->name);
  c->qualname = intern(unit->qualname);
  c->filename = intern(unit->filename);
  return c;
}

value make_module(std::string_view name) {
  auto* m = make<module_object>(&module_type);
  m->dict = as_dict(make_dict());
  m->name = make_str(name);
  ref n(make_str(name));
  dict_set(value::from(m->dict), intern("__name__"), n.get());
  dict_set(value::from(m->dict), intern("__doc__"), none());  // the module's docstring replaces it
  return value::from(m);
}

void init_functions() {
  init_type(type_type, "type", nullptr);
  type_type.type = &type_type;
  type_type.repr = type_repr;
  type_type.call = type_call;
  type_type.getattr = type_getattr;
  type_type.setattr = type_setattr;

  init_type(none_type, "NoneType", nullptr);
  none_type.repr = none_repr;
  make_immortal(none_object, &none_type);
  init_type(not_implemented_type, "NotImplementedType", nullptr);
  not_implemented_type.repr = not_implemented_repr;
  make_immortal(not_implemented_object, &not_implemented_type);
  init_type(ellipsis_type, "ellipsis", nullptr);
  ellipsis_type.repr = ellipsis_repr;
  make_immortal(ellipsis_object, &ellipsis_type);

  init_type(function_type, "function", nullptr);
  function_type.dealloc = dealloc_function;
  function_type.traverse = traverse_function;
  function_type.clear = clear_function;
  function_type.repr = function_repr;
  function_type.call = call_function;
  function_type.getattr = function_getattr;
  function_type.setattr = function_setattr;

  init_type(builtin_function_type, "builtin_function_or_method", nullptr);
  builtin_function_type.dealloc = dealloc_builtin;
  builtin_function_type.traverse = traverse_builtin;
  builtin_function_type.repr = builtin_repr;
  builtin_function_type.call = builtin_call;
  builtin_function_type.getattr = builtin_getattr;
  builtin_function_type.compare = builtin_compare;
  builtin_function_type.hash = builtin_hash;

  init_type(code_type, "code", nullptr);
  code_type.getattr = code_getattr;
  init_type(cell_type, "cell", nullptr);
  cell_type.dealloc = dealloc_cell;
  cell_type.traverse = traverse_cell;
  cell_type.clear = clear_cell;
  init_type(module_type, "module", nullptr);
  module_type.dealloc = dealloc_module;
  module_type.traverse = traverse_module;
  module_type.repr = module_repr;
  module_type.getattr = module_getattr;
}

GILLAB_RUNTIME_NAMESPACE_END
