// classes.cpp — `object`, classes made by the class statement, their
// instances, bound methods, property / staticmethod / classmethod, super().
//
// Follows CPython's typeobject.c in what it keeps:
//  - A class is a heap type whose MRO is the C3 linearization of its bases
//    (Barrett et al., "A Monotonic Superclass Linearization for Dylan",
//    OOPSLA 1996; Python 2.3's MRO). Attribute lookup walks the MRO dicts.
//  - Its instances have the layout of its `solid` base — the one built-in
//    type among its ancestors whose C++ layout they need (object, an
//    exception, list, dict) — then the instance __dict__ pointer (created on
//    first store) and one value per __slots__ name.
//  - Every slot of a heap type is a trampoline (CPython's slot_tp_*): it
//    calls the special method a class in the heap part of the MRO defines,
//    else the solid base's slot, else what `object` does. A binary operator
//    runs both directions in one slot call (op_binary calls a shared slot
//    once), so a.__add__(b) then b.__radd__(a), as CPython's SLOT1BINFULL.
//  - Attribute access is object.__getattribute__: data descriptors of the
//    type (property, __slots__ members, classes defining __set__/__delete__)
//    before the instance dict, then the rest of the type's attributes
//    (functions bind to a method, classmethods to the class), then
//    __getattr__. A class that defines __getattribute__ in Python gets a
//    getattr slot that calls it instead (set when the class is made).
//  - The built-in types' dunder methods (list.__len__, object.__init__ ...)
//    are wrappers around their slots, so that super().__len__() and
//    object.__setattr__(self, ...) reach the built-in behaviour.
//  - Metaclasses: a class derived from `type` has `type` as its solid base;
//    its instances are classes (type_objects made by make_class, whose
//    header's type is the metaclass) with no instance dict: their attributes
//    are their namespace. The class statement finds the most derived
//    metaclass of metaclass= and the bases', asks its __prepare__ for the
//    namespace (a dict or a dict subclass, whose __setitem__ the body's
//    stores go through) and calls it (build_class); type.__new__,
//    __init__, __call__ are methods of `type` for metaclasses' super().
//    A class's attribute the class lacks comes from its metaclass, bound to
//    the class (C.mro(), a metaclass's methods and properties).
//
// Invariants: a heap type's slots are all set (trampolines) and its
// dealloc releases the instance dict and slot values before the solid
// base's dealloc; heap types are immortal (types.hpp says why). Instance
// state (the dict pointer, slot values) is accessed under the instance's
// write/read section, as every mutable object's.
#include "transaction.hpp"
#include "dict.hpp"
#include "eval.hpp"
#include "gc.hpp"
#include "operations.hpp"
#include "reclaim.hpp"
#include "runtime.hpp"
#include "weakref.hpp"

#include <gillab/interp/ast.hpp>
#include <gillab/interp/names.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <utility>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

backend::thread_state& bts() { return current_thread().backend_state; }

// CPython keeps a type's name as UTF-8 without NULs (type_new,
// type_set_name): a name it cannot encode, or one holding a NUL, is refused.
bool check_type_name(value name) {
  if (!check_utf8_encodable(name)) return false;
  if (str_of(name).find('\0') != std::string::npos) {
    raise(&exc_ValueError, "type name must not contain null characters");
    return false;
  }
  return true;
}

struct method_object : object {
  value func;
  value self;
};
struct wrapper_object : object {  // static/class method, property's parts
  value func;
};
struct property_object : object {
  value fget, fset, fdel, doc;
};
struct member_object : object {  // one __slots__ name
  value name;
  type_object* owner;
  std::size_t offset;
};
struct super_object : object {
  type_object* start;  // look after this type in the MRO
  value obj;           // the instance, or a class (in classmethods / __new__)
  type_object* obj_type;
};
struct descriptor_object : object {  // an unbound built-in method: str.join
  value fn;                          // builtin_function_object, self null
  type_object* owner;
};

type_object method_type, staticmethod_type, classmethod_type, property_type, member_type, super_type,
    descriptor_type;

value intern_c(const char* s) { return intern(s); }

// ---- lookups ----

// The attribute cache (CPython's type method cache): (type, name) -> what
// the MRO walk found, found or not. Keys are interned (immortal) names only,
// so a key's address is never reused for another string. Every change to a
// type dict after start-up (a class statement, C.x = ..., a built-in type's
// methods added late) bumps one global generation, which empties it: class
// attributes change rarely, lookups happen on every attribute access. One
// cache per thread: nothing shared to synchronise.
std::atomic<std::uint64_t> type_generation{1};

struct attribute_cache {
  struct entry {
    const type_object* type = nullptr;
    const object* name = nullptr;
    std::uint64_t generation = 0;
    value found;
    type_object* owner = nullptr;
  };
  static constexpr std::size_t size = 4096;
  entry entries[size];
};
thread_local attribute_cache attr_cache;

value lookup_uncached(type_object* t, value name, type_object** owner) {
  for (type_object* k : t->mro) {
    if (!k->dict) continue;
    value v = dict_get(value::from(k->dict), name);
    if (v) {
      *owner = k;
      return v;
    }
    // (Names are strs: their hash and comparison cannot fail, so a null
    // here is "absent", even while the caller has an exception pending.)
  }
  *owner = nullptr;
  return value();
}

value lookup_owner(type_object* t, value name, type_object** owner) {
  type_object* found_in = nullptr;
  if (!name.is_object() || !(name.obj()->flags & flag_immortal)) {
    value v = lookup_uncached(t, name, &found_in);
    if (owner) *owner = found_in;
    return v;
  }
  const auto h = ((reinterpret_cast<std::uintptr_t>(t) >> 4) ^ (reinterpret_cast<std::uintptr_t>(name.obj()) >> 3)) &
                 (attribute_cache::size - 1);
  attribute_cache::entry& e = attr_cache.entries[h];
  const std::uint64_t gen = type_generation.load(std::memory_order_acquire);
  if (e.type == t && e.name == name.obj() && e.generation == gen) {
    if (owner) *owner = e.owner;
    return e.found;
  }
  value v = lookup_uncached(t, name, &found_in);
  e = {t, name.obj(), gen, v, found_in};
  if (owner) *owner = found_in;
  return v;
}

/// A special method defined by a class (the heap part of the MRO), or null.
value lookup_user(type_object* t, value name) {
  if (!t->heap) return value();
  type_object* owner = nullptr;
  value v = lookup_owner(t, name, &owner);
  return (v && owner && owner->heap) ? v : value();
}

// An interned special-method name, made once (thread-safe static).
#define SPECIAL(literal) ([] {                 \
  static const value special_name_ = intern(literal); \
  return special_name_;                               \
}())


bool is_data_descriptor(value d) {
  type_object* t = type_of(d);
  if (t == &property_type || t == &member_type) return true;
  return t->heap && (lookup_user(t, SPECIAL("__set__")) || lookup_user(t, SPECIAL("__delete__")));
}

/// The descriptor protocol's __get__: `d` found on type `t` (in `owner`'s
/// dict), read through `obj` (null: through the class).
value descr_get(value d, value obj, type_object* t, type_object* owner) {
  type_object* dt = type_of(d);
  if (dt == &function_type) return obj ? make_method(d, obj) : newref(d);
  if (dt == &builtin_function_type && owner && !owner->heap && !static_cast<builtin_function_object*>(d.obj())->self) {
    auto* b = static_cast<builtin_function_object*>(d.obj());
    // The built-in class methods bind to the class, from it or an instance.
    if (b->flags & flag_class_method) return bind_builtin(b, value::from(t));
    if (obj) return bind_builtin(b, obj);
    auto* w = make<descriptor_object>(&descriptor_type);
    w->fn = newref(d);
    w->owner = owner;
    return value::from(w);
  }
  if (dt == &descriptor_type && obj) {  // list.append stored on a class: binds like a function
    auto* b = static_cast<builtin_function_object*>(static_cast<descriptor_object*>(d.obj())->fn.obj());
    return bind_builtin(b, obj);
  }
  if (dt == &staticmethod_type) return newref(static_cast<wrapper_object*>(d.obj())->func);
  if (dt == &classmethod_type) return make_method(static_cast<wrapper_object*>(d.obj())->func, value::from(t));
  if (dt == &property_type) {
    if (!obj) return newref(d);
    auto* p = static_cast<property_object*>(d.obj());
    if (!p->fget) return raise(&exc_AttributeError, "unreadable attribute");
    return op_call(p->fget, &obj, 1);
  }
  if (dt == &member_type) {
    if (!obj) return newref(d);
    auto* m = static_cast<member_object*>(d.obj());
    if (!is_instance(obj, m->owner)) {
      return raise_type_error("descriptor '" + str_of(m->name) + "' for '" + m->owner->name +
                              "' objects doesn't apply to a '" + type_name(obj) + "' object");
    }
    backend::read_section guard(bts(), obj.obj()->header);
    value v = *reinterpret_cast<value*>(reinterpret_cast<char*>(obj.obj()) + m->offset);
    if (!v) return raise(&exc_AttributeError, "'" + std::string(type_name(obj)) + "' object has no attribute '" + str_of(m->name) + "'");
    return newref(v);
  }
  if (dt->heap) {
    value get = lookup_user(dt, SPECIAL("__get__"));
    if (get) {
      value args[3] = {d, obj ? obj : none(), value::from(t)};
      return op_call(get, args, 3);
    }
  }
  return newref(d);
}

std::string qualified_name(const type_object* t) {
  if (t->module == "builtins" || t->module.empty()) return t->qualname;
  return t->module + "." + t->qualname;
}

value no_attribute(value v, value name) {
  if (is_type(v)) {  // a class made by a metaclass
    return raise(&exc_AttributeError, std::string("type object '") + static_cast<type_object*>(v.obj())->name +
                                          "' has no attribute '" + str_of(name) + "'");
  }
  return raise(&exc_AttributeError, std::string("'") + type_name(v) + "' object has no attribute '" + str_of(name) + "'");
}

}  // namespace

bool is_bound_method(value v) { return type_of(v) == &method_type; }

/// A bound method: func with self as its first argument.
value make_method(value func, value self) {
  auto* m = make<method_object>(&method_type);
  m->func = newref(func);
  m->self = newref(self);
  return value::from(m);
}

dict_object** dict_slot(value v) {
  type_object* t = type_of(v);
  if (!t->dict_offset) return nullptr;
  return reinterpret_cast<dict_object**>(reinterpret_cast<char*>(v.obj()) + t->dict_offset);
}

/// The instance dict in `slot`, made on first need. The slot is written once
/// (null -> dict, by a CAS, so two threads making it at once agree on one)
/// and cleared only when the instance dies, so a reader that holds the
/// instance needs no section to follow it: under fine that saves a lock
/// round trip on every attribute access (the dict's own section remains).
dict_object* instance_dict(dict_object** slot, bool create) {
  std::atomic_ref<dict_object*> field(*slot);
  dict_object* d = field.load(std::memory_order_acquire);
  if (d || !create) return d;
  dict_object* made = as_dict(make_dict());
  if (field.compare_exchange_strong(d, made, std::memory_order_acq_rel, std::memory_order_acquire)) return made;
  decref(value::from(made));  // another thread made it first
  return d;
}

dict_object* instance_dict_read(object* o, dict_object** slot) {
  dict_object* d = instance_dict(slot, false);
  if (d || !backend::restartable || !transactions_concurrent()) return d;
  backend::read_section guard(bts(), o->header);
  return instance_dict(slot, false);
}

dict_object* instance_dict_made(object* o, dict_object** slot) {
  if (dict_object* d = instance_dict(slot, false)) return d;
  if (!before_unlocked_field(o)) return nullptr;
  return instance_dict(slot, true);
}

value type_lookup(type_object* t, value name) { return lookup_owner(t, name, nullptr); }

void invalidate_type_cache() { type_generation.fetch_add(1, std::memory_order_acq_rel); }

namespace {

/// callable(first, *args) — args in the calling convention (nargs counts
/// the keyword values, which follow the positional ones and stay last).
/// Up to 7 arguments need no allocation: the common method call.
value call_with_first(value callable, value first, const value* args, std::size_t nargs, value kwnames) {
  value stack_args[8];
  std::vector<value> heap_args;
  value* all = stack_args;
  if (nargs + 1 > 8) {
    heap_args.resize(nargs + 1);
    all = heap_args.data();
  }
  all[0] = first;
  for (std::size_t i = 0; i < nargs; ++i) all[i + 1] = args[i];
  return op_call(callable, all, nargs + 1, kwnames);
}

}  // namespace

value call_method(value m, value self, const value* args, std::size_t nargs) {
  if (type_of(m) == &function_type || type_of(m) == &builtin_function_type || type_of(m) == &descriptor_type) {
    return call_with_first(m, self, args, nargs, value());
  }
  // Anything else found on a type (a staticmethod, a callable object): bind it first.
  ref bound(descr_get(m, self, type_of(self), nullptr));
  if (!bound) return value();
  return op_call(bound.get(), args, nargs);
}

value lookup_special(value v, const char* name) {
  type_object* owner = nullptr;
  value d = lookup_owner(type_of(v), intern_c(name), &owner);
  if (!d) return value();
  return descr_get(d, v, type_of(v), owner);
}

namespace {

// ---- object.__getattribute__ / __setattr__ ----

value generic_getattr(value v, value name) {
  type_object* t = type_of(v);
  type_object* owner = nullptr;
  value d = lookup_owner(t, name, &owner);
  if (d && is_data_descriptor(d)) return descr_get(d, v, t, owner);
  if (t->solid->getattr) {
    value r = t->solid->getattr(v, name);
    if (r || error_pending()) return r;
  }
  if (dict_object** slot = dict_slot(v)) {
    // The dict's own section (inside dict_get_ref) keeps the value alive
    // until it is counted.
    dict_object* dict = instance_dict_read(v.obj(), slot);
    value x = dict ? dict_get_ref(value::from(dict), name) : value();
    if (x) return x;
    if (error_pending()) return value();
  }
  if (d) return descr_get(d, v, t, owner);
  const std::string n = str_of(name);
  if (n == "__class__") return newref(value::from(t));
  if (n == "__dict__") {
    if (dict_object** slot = dict_slot(v)) {
      dict_object* made = instance_dict_made(v.obj(), slot);
      return made ? newref(value::from(made)) : value();
    }
  }
  return value();  // the caller tries __getattr__, then raises
}

value instance_getattr(value v, value name) {
  value r = generic_getattr(v, name);
  if (r || error_pending()) {
    if (r || !pending_matches(&exc_AttributeError)) return r;
  }
  value hook = lookup_user(type_of(v), SPECIAL("__getattr__"));
  if (hook) {
    clear_pending();
    return call_method(hook, v, &name, 1);
  }
  if (!error_pending()) no_attribute(v, name);
  return value();
}

// A class whose MRO defines __getattribute__ in Python (CPython's
// slot_tp_getattr_hook): every attribute read calls it, and an
// AttributeError from it falls back to __getattr__. Chosen when the class is
// made (make_class), so classes without one pay nothing; assigning
// __getattribute__ to a class afterwards is not seen (documented gap).
value instance_getattribute_hook(value v, value name) {
  value hook = lookup_user(type_of(v), SPECIAL("__getattribute__"));
  if (!hook) return instance_getattr(v, name);
  value r = call_method(hook, v, &name, 1);
  if (r || !pending_matches(&exc_AttributeError)) return r;
  value fallback = lookup_user(type_of(v), SPECIAL("__getattr__"));
  if (!fallback) return value();
  clear_pending();
  return call_method(fallback, v, &name, 1);
}

// Setting (x) or deleting (x null) through a data descriptor `d` found on
// v's type: 0 done, -1 error raised, 1 when `d` is not a data descriptor
// (the caller stores into the instance dict).
int descr_set(value d, value v, value name, value x) {
  type_object* dt = type_of(d);
  if (dt == &property_type) {
    auto* p = static_cast<property_object*>(d.obj());
    value f = x ? p->fset : p->fdel;
    if (!f) {
      // Python 3.11's wording: named after the getter.
      std::string prop = "property";
      if (p->fget) {
        ref n(op_getattr(p->fget, intern("__name__")));
        if (n && type_of(n.get()) == &str_type) prop += " '" + str_of(n.get()) + "'";
        if (!n) clear_pending();
      }
      raise(&exc_AttributeError, prop + " of '" + type_name(v) + "' object has no " + (x ? "setter" : "deleter"));
      return -1;
    }
    value args[2] = {v, x};
    ref r(op_call(f, args, x ? 2 : 1));
    return r ? 0 : -1;
  }
  if (dt == &member_type) {
    auto* m = static_cast<member_object*>(d.obj());
    if (!is_instance(v, m->owner)) {
      raise_type_error("descriptor '" + str_of(m->name) + "' for '" + m->owner->name +
                       "' objects doesn't apply to a '" + type_name(v) + "' object");
      return -1;
    }
    auto* cell = reinterpret_cast<value*>(reinterpret_cast<char*>(v.obj()) + m->offset);
    value old;
    {
      backend::write_section guard(bts(), v.obj()->header);
      old = *cell;
      *cell = x ? newref(x) : value();
    }
    if (!x && !old) {
      no_attribute(v, name);
      return -1;
    }
    xdecref(old);
    return 0;
  }
  if (dt->heap) {
    value hook = lookup_user(dt, x ? SPECIAL("__set__") : SPECIAL("__delete__"));
    if (hook) {
      value args[3] = {d, v, x};
      ref r(op_call(hook, args, x ? 3 : 2));
      return r ? 0 : -1;
    }
  }
  return 1;
}

int generic_setattr(value v, value name, value x) {
  type_object* t = type_of(v);
  if (name == SPECIAL("__class__") || (type_of(name) == &str_type && as_str(name)->utf8 == "__class__")) {
    // Storing it in the instance dict, as before, read back the new class
    // from __class__ while type() and every lookup kept the old one.
    raise(&exc_NotImplementedError, "assigning or deleting __class__ is not supported by gillab");
    return -1;
  }
  value d = lookup_owner(t, name, nullptr);
  if (d) {
    const int rc = descr_set(d, v, name, x);
    if (rc <= 0) return rc;
  }
  dict_object** slot = dict_slot(v);
  // A class made by a metaclass keeps its attributes in its namespace.
  if (!slot && t->solid == &type_type) return class_setattr(static_cast<type_object*>(v.obj()), name, x);
  if (!slot) {
    if (d && t->heap) {
      raise(&exc_AttributeError, std::string("'") + t->name + "' object attribute '" + str_of(name) + "' is read-only");
    } else {
      no_attribute(v, name);
    }
    return -1;
  }
  dict_object* made = instance_dict_made(v.obj(), slot);  // alive while v is
  if (!made) return -1;
  const value dict = value::from(made);
  if (x) return dict_set(dict, name, x);
  if (dict_del(dict, name) < 0) {
    if (pending_matches(&exc_KeyError)) {
      clear_pending();
      no_attribute(v, name);
    }
    return -1;
  }
  return 0;
}

int instance_setattr(value v, value name, value x) {
  value hook = lookup_user(type_of(v), x ? SPECIAL("__setattr__") : SPECIAL("__delattr__"));
  if (hook) {
    value args[2] = {name, x};
    ref r(call_method(hook, v, args, x ? 2 : 1));
    return r ? 0 : -1;
  }
  int rc = 0;
  if (type_of(v)->solid->is_exception && exception_setattr_special(v, name, x, &rc)) return rc;
  return generic_setattr(v, name, x);
}

// ---- slot trampolines ----

value call1(value m, value self) { return call_method(m, self, nullptr, 0); }
value call2(value m, value self, value a) { return call_method(m, self, &a, 1); }

value default_repr(value v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(v.obj()));
  return make_str("<" + qualified_name(type_of(v)) + buf);
}

value checked_str(value r, const char* method) {
  if (r && type_of(r) != &str_type && !is_instance(r, &str_type)) {
    std::string msg = std::string(method) + " returned non-string (type " + type_name(r) + ")";
    decref(r);
    return raise_type_error(msg);
  }
  return r;
}

value heap_repr(value v) {
  if (value m = lookup_user(type_of(v), SPECIAL("__repr__"))) return checked_str(call1(m, v), "__repr__");
  type_object* s = type_of(v)->solid;
  if (s->repr) return s->repr(v);
  return default_repr(v);
}

value heap_str(value v) {
  if (value m = lookup_user(type_of(v), SPECIAL("__str__"))) return checked_str(call1(m, v), "__str__");
  type_object* s = type_of(v)->solid;
  if (s->str) return s->str(v);
  return heap_repr(v);
}

bool unhashable(value v) {
  raise_type_error(std::string("unhashable type: '") + type_name(v) + "'");
  return false;
}

bool heap_hash(value v, std::int64_t* out) {
  value m = lookup_user(type_of(v), SPECIAL("__hash__"));
  if (m == none()) return unhashable(v);
  if (m) {
    ref r(call1(m, v));
    if (!r) return false;
    if (!is_instance(r.get(), &int_type)) {
      raise_type_error("__hash__ method should return an integer");
      return false;
    }
    // As CPython's slot_tp_hash: an int that fits 64 bits is the hash as it
    // is (a str's hash, say, is not reduced), -1 becoming -2; a larger one
    // reduces as hash(int) does.
    std::int64_t h = 0;
    if (as_int64(r.get(), &h)) {
      *out = h == -1 ? -2 : h;
      return true;
    }
    if (type_of(r.get()) == &int_type) {
      const big_int& b = static_cast<big_int_object*>(r.get().obj())->v;
      if (b >= std::numeric_limits<std::int64_t>::min() && b <= std::numeric_limits<std::int64_t>::max()) {
        h = static_cast<std::int64_t>(b);
        *out = h == -1 ? -2 : h;
        return true;
      }
    }
    return op_hash(r.get(), out);
  }
  type_object* s = type_of(v)->solid;
  if (s->hash) return s->hash(v, out);
  if (s == &list_type || s == &dict_type) return unhashable(v);
  *out = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.obj()) >> 4);
  return true;
}

constexpr const char* compare_names[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};

value heap_compare(value a, value b, int op) {
  type_object* t = type_of(a);
  if (op < 0 || op > 5) return not_implemented();
  static const value interned[6] = {intern(compare_names[0]), intern(compare_names[1]), intern(compare_names[2]),
                                    intern(compare_names[3]), intern(compare_names[4]), intern(compare_names[5])};
  if (value m = lookup_user(t, interned[op])) return call2(m, a, b);
  if (op == static_cast<int>(ast::cmpop::ne)) {
    // object.__ne__: the inverse of __eq__ unless that is NotImplemented.
    if (value eq = lookup_user(t, SPECIAL("__eq__"))) {
      ref r(call2(eq, a, b));
      if (!r || r.get() == not_implemented()) return r.release();
      const int truth = op_truth(r.get());
      return truth < 0 ? value() : boolean(!truth);
    }
  }
  if (t->solid->compare) return t->solid->compare(a, b, op);
  return not_implemented();
}

struct binop_names {
  const char* name;
  const char* reflected;
  const char* inplace;
};
constexpr binop_names binary_names[] = {
    {"__add__", "__radd__", "__iadd__"},          {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},          {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"}, {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},          {"__pow__", "__rpow__", "__ipow__"},
    {"__lshift__", "__rlshift__", "__ilshift__"}, {"__rshift__", "__rrshift__", "__irshift__"},
    {"__or__", "__ror__", "__ior__"},             {"__xor__", "__rxor__", "__ixor__"},
    {"__and__", "__rand__", "__iand__"},
};

value heap_binary(value a, value b, int op);

bool has_heap_binary(type_object* t) { return t->binary == heap_binary; }

struct binop_values {
  value name, reflected, inplace;
};

const binop_values& binary_values(int op) {
  static const std::vector<binop_values> table = [] {
    std::vector<binop_values> t;
    for (const binop_names& n : binary_names) t.push_back({intern(n.name), intern(n.reflected), intern(n.inplace)});
    return t;
  }();
  return table[static_cast<std::size_t>(op & 15)];
}

value heap_binary(value a, value b, int op) {
  const bool inplace = op & 16;
  const binop_values& n = binary_values(op);
  type_object* ta = type_of(a);
  type_object* tb = type_of(b);
  const bool do_left = has_heap_binary(ta);
  const bool do_right = has_heap_binary(tb) && tb != ta;
  if (do_left && inplace) {
    if (value m = lookup_user(ta, n.inplace)) {
      value r = call2(m, a, b);
      if (!r || r != not_implemented()) return r;
    }
  }
  // A subclass's reflected method goes first when it overrides it (CPython).
  value right_m = do_right ? lookup_user(tb, n.reflected) : value();
  bool right_done = false;
  if (right_m && is_subtype(tb, ta) && right_m != lookup_user(ta, n.reflected)) {
    value r = call2(right_m, b, a);
    if (!r || r != not_implemented()) return r;
    right_done = true;
  }
  if (do_left) {
    if (value m = lookup_user(ta, n.name)) {
      value r = call2(m, a, b);
      if (!r || r != not_implemented()) return r;
    } else if (ta->solid->binary) {
      value r = ta->solid->binary(a, b, op);
      if (!r || r != not_implemented()) return r;
    }
  }
  if (do_right) {
    if (right_m && !right_done) {
      value r = call2(right_m, b, a);
      if (!r || r != not_implemented()) return r;
    } else if (!right_m && tb->solid->binary) {
      value r = tb->solid->binary(a, b, op);
      if (!r || r != not_implemented()) return r;
    }
  }
  return not_implemented();
}

value heap_unary(value v, int op) {
  static constexpr const char* names[] = {"__neg__", "__pos__", "__invert__"};
  if (op >= 0 && op < 3) {
    static const value interned[3] = {intern(names[0]), intern(names[1]), intern(names[2])};
    if (value m = lookup_user(type_of(v), interned[op])) return call1(m, v);
  }
  type_object* s = type_of(v)->solid;
  if (s->unary) return s->unary(v, op);
  return not_implemented();
}

std::int64_t checked_length(value r) {
  if (!r) return -1;
  std::int64_t n = 0;
  if (!as_int64(r, &n)) {
    raise_type_error(std::string("'") + type_name(r) + "' object cannot be interpreted as an integer");
    decref(r);
    return -1;
  }
  decref(r);
  if (n < 0) {
    raise(&exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

std::int64_t heap_length(value v) {
  if (value m = lookup_user(type_of(v), SPECIAL("__len__"))) return checked_length(call1(m, v));
  type_object* s = type_of(v)->solid;
  if (s->length) return s->length(v);
  raise_type_error(std::string("object of type '") + type_name(v) + "' has no len()");
  return -1;
}

int heap_truth(value v) {
  type_object* t = type_of(v);
  if (value m = lookup_user(t, SPECIAL("__bool__"))) {
    ref r(call1(m, v));
    if (!r) return -1;
    if (type_of(r.get()) != &bool_type) {
      raise_type_error(std::string("__bool__ should return bool, returned ") + type_name(r.get()));
      return -1;
    }
    return r.get() == true_value();
  }
  if (value m = lookup_user(t, SPECIAL("__len__"))) {
    const std::int64_t n = checked_length(call1(m, v));
    return n < 0 ? -1 : n != 0;
  }
  if (t->solid->truth) return t->solid->truth(v);
  if (t->solid->length) {
    const std::int64_t n = t->solid->length(v);
    return n < 0 ? -1 : n != 0;
  }
  return 1;
}

value heap_getitem(value v, value key) {
  if (value m = lookup_user(type_of(v), SPECIAL("__getitem__"))) return call2(m, v, key);
  type_object* s = type_of(v)->solid;
  if (s->getitem) {
    value r = s->getitem(v, key);
    // dict subclasses: a missing key goes to __missing__ (collections.defaultdict, Counter).
    if (!r && s == &dict_type && pending_matches(&exc_KeyError)) {
      if (value missing = lookup_user(type_of(v), SPECIAL("__missing__"))) {
        clear_pending();
        return call2(missing, v, key);
      }
    }
    return r;
  }
  return raise_type_error(std::string("'") + type_name(v) + "' object is not subscriptable");
}

int heap_setitem(value v, value key, value x) {
  if (value m = lookup_user(type_of(v), x ? SPECIAL("__setitem__") : SPECIAL("__delitem__"))) {
    value args[2] = {key, x};
    ref r(call_method(m, v, args, x ? 2 : 1));
    return r ? 0 : -1;
  }
  type_object* s = type_of(v)->solid;
  if (s->setitem) return s->setitem(v, key, x);
  raise_type_error(std::string("'") + type_name(v) +
                   (x ? "' object does not support item assignment" : "' object doesn't support item deletion"));
  return -1;
}

value heap_iter(value v);

int heap_contains(value v, value item) {
  type_object* t = type_of(v);
  if (value m = lookup_user(t, SPECIAL("__contains__"))) {
    ref r(call2(m, v, item));
    return r ? op_truth(r.get()) : -1;
  }
  if (t->solid->contains) return t->solid->contains(v, item);
  ref it(heap_iter(v));
  if (!it) {
    if (pending_matches(&exc_TypeError)) {
      clear_pending();
      raise_type_error(std::string("argument of type '") + t->name + "' is not iterable");
    }
    return -1;
  }
  for (;;) {
    ref x(op_next(it.get()));
    if (!x) return error_pending() ? -1 : 0;
    const int eq = op_equal(x.get(), item);
    if (eq != 0) return eq;
  }
}

// The old sequence protocol: iter() of an object with __getitem__ only.
value sequence_step(iterator_object* it) {
  ref i(make_int(it->index));
  value r = op_getitem(it->seq, i.get());
  if (!r) {
    if (pending_matches(&exc_IndexError) || pending_matches(&exc_StopIteration)) {
      clear_pending();  // the end: iterator_next marks it exhausted
    }
    return value();
  }
  backend::write_section again(bts(), it->header);  // __getitem__ may have blocked (iterator_next)
  ++it->index;
  return r;
}

value heap_iter(value v) {
  type_object* t = type_of(v);
  if (value m = lookup_user(t, SPECIAL("__iter__"))) {
    value r = call1(m, v);
    if (r && !type_of(r)->next) {
      std::string msg = std::string("iter() returned non-iterator of type '") + type_name(r) + "'";
      decref(r);
      return raise_type_error(msg);
    }
    return r;
  }
  if (t->solid->iter) return t->solid->iter(v);
  if (lookup_user(t, SPECIAL("__getitem__"))) return make_iterator(v, sequence_step);
  return raise_type_error(std::string("'") + t->name + "' object is not iterable");
}

value heap_next(value v) {
  if (value m = lookup_user(type_of(v), SPECIAL("__next__"))) {
    value r = call1(m, v);
    if (!r && pending_matches(&exc_StopIteration)) clear_pending();  // exhausted
    return r;
  }
  type_object* s = type_of(v)->solid;
  if (s->next) return s->next(v);
  return raise_type_error(std::string("'") + type_name(v) + "' object is not an iterator");
}

value heap_call(value v, const value* args, std::size_t nargs, value kwnames) {
  value m = lookup_user(type_of(v), SPECIAL("__call__"));
  // A class whose metaclass has no __call__ of its own: type's (make an instance).
  if (!m && type_of(v)->solid == &type_type) return type_of(v)->solid->call(v, args, nargs, kwnames);
  if (!m) return raise_type_error(std::string("'") + type_name(v) + "' object is not callable");
  if (type_of(m) == &function_type) return call_with_first(m, v, args, nargs, kwnames);
  ref bound(descr_get(m, v, type_of(v), nullptr));
  if (!bound) return value();
  return op_call(bound.get(), args, nargs, kwnames);
}

// __del__ (CPython's slot_tp_finalize and PEP 442): called at most once per
// object, by the collector before it clears a cycle or by heap_dealloc when
// the last reference goes; the exception in flight is kept, and an error in
// __del__ is reported ("Exception ignored in: ...") and not raised.
void heap_finalize(object* o) {
  if (o->flags & flag_finalized) return;
  o->flags |= flag_finalized;
  value del = lookup_user(o->type, SPECIAL("__del__"));
  if (!del) return;  // deleted from the class since
  thread_state& ts = current_thread();
  value saved = std::exchange(ts.pending, value());
  ref fn(newref(del));
  value self = value::from(o);
  ref r;
  if (type_of(fn.get()) == &function_type) {
    r = ref(call_with_first(fn.get(), self, nullptr, 0, value()));
  } else if (ref bound(descr_get(fn.get(), self, o->type, nullptr)); bound) {
    r = ref(op_call(bound.get(), nullptr, 0));
  }
  if (!r) report_unraisable(fn.get(), "<__del__>");
  ts.pending = saved;
}

void heap_dealloc(object* o) {
  type_object* t = o->type;
  if (t->finalize && !(o->flags & flag_finalized) && !transaction_aborting()) {
    // Alive again while __del__ runs (as a generator's finally blocks are
    // in dealloc_generator); if __del__ stored a reference, it stays alive.
    backend::incref(o->header);
    {
      no_abort_exceptions in_a_deallocator;  // stm: __del__ may be a built-in
      t->finalize(o);
    }
    if (!backend::decref(o->header)) return;  // resurrected
    // deallocate() left the weak references for after __del__ (CPython's
    // subtype_dealloc order): they die now.
    if ((o->flags & flag_gc_tracked) && weak_marker(o).load(std::memory_order_acquire)) clear_weakrefs(o);
  }
  char* base = reinterpret_cast<char*>(o);
  if (t->dict_offset) {
    auto* d = *reinterpret_cast<dict_object**>(base + t->dict_offset);
    if (d) decref(value::from(d));
  }
  for (std::size_t off = t->solid->basic_size; off + sizeof(value) <= t->basic_size; off += sizeof(value)) {
    if (off == t->dict_offset) continue;
    xdecref(*reinterpret_cast<value*>(base + off));
  }
  if (t->solid->dealloc) {
    t->solid->dealloc(o);
  } else {
    free_object_memory(o);
  }
}

// An instance of a class: its __dict__, its slots, then what its built-in
// base holds (a list subclass's items).
void heap_traverse(object* o, void (*visit)(value, void*), void* arg) {
  type_object* t = o->type;
  char* base = reinterpret_cast<char*>(o);
  if (t->dict_offset) {
    if (auto* d = *reinterpret_cast<dict_object**>(base + t->dict_offset)) visit(value::from(d), arg);
  }
  for (std::size_t off = t->solid->basic_size; off + sizeof(value) <= t->basic_size; off += sizeof(value)) {
    if (off == t->dict_offset) continue;
    if (value v = *reinterpret_cast<value*>(base + off)) visit(v, arg);
  }
  if (t->solid->traverse) t->solid->traverse(o, visit, arg);
}
// The slots are emptied, as CPython's subtype_clear does. The __dict__
// pointer stays (instance_dict: it changes only when the instance dies); the
// dict itself is tracked, and cleared as a dict when it is garbage too.
void heap_clear(object* o) {
  type_object* t = o->type;
  char* base = reinterpret_cast<char*>(o);
  for (std::size_t off = t->solid->basic_size; off + sizeof(value) <= t->basic_size; off += sizeof(value)) {
    if (off == t->dict_offset) continue;
    xdecref(std::exchange(*reinterpret_cast<value*>(base + off), value()));
  }
  if (t->solid->clear) t->solid->clear(o);
}

// ---- creating instances ----

bool subclassable(const type_object* s) {
  return s == &object_type || s->is_exception || s == &list_type || s == &dict_type || s == &tuple_type ||
         s == &type_type;
}

// tuple.__new__(cls, iterable=()): a tuple whose type is cls (a tuple
// subclass: its instances are variable-sized tuples with no __dict__).
value tuple_new(value cls, const value* args, std::size_t nargs, value kwnames) {
  if (kwnames && as_tuple(kwnames)->size) return raise_type_error("tuple() takes no keyword arguments");
  if (!is_type(cls) || !is_subtype(static_cast<type_object*>(cls.obj()), &tuple_type)) {
    return raise_type_error("tuple.__new__(X): X is not a subtype of tuple");
  }
  if (nargs > 1) return raise_type_error("tuple expected at most 1 argument, got " + std::to_string(nargs));
  auto* t = static_cast<type_object*>(cls.obj());
  std::vector<value> items;
  if (nargs && !collect(args[0], items)) return value();
  const std::size_t n = items.size();
  auto* o = static_cast<tuple_object*>(allocate(t, sizeof(tuple_object) + (n ? n - 1 : 0) * sizeof(value)));
  o->size = n;
  for (std::size_t i = 0; i < n; ++i) o->items[i] = items[i];  // owned by collect
  return value::from(o);
}

/// object.__new__'s refusal of an abstract class (CPython 3.11's message),
/// or false with nothing raised.
bool refuse_abstract(type_object* t) {
  if (!t->is_abstract.load(std::memory_order_relaxed)) return false;
  std::vector<value> items;
  value methods = dict_get(value::from(t->dict), intern("__abstractmethods__"));
  std::vector<std::string> names;
  if (methods && collect(methods, items)) {
    for (value x : items) {
      if (type_of(x) == &str_type) names.push_back(str_of(x));
      decref(x);
    }
  }
  if (error_pending()) return true;
  std::sort(names.begin(), names.end());
  std::string joined;
  for (const std::string& n : names) joined += (joined.empty() ? "" : ", ") + n;
  raise_type_error("Can't instantiate abstract class " + std::string(t->name) + " with abstract method" +
                   (names.size() == 1 ? "" : "s") + " " + joined);
  return true;
}

object* alloc_instance(type_object* t) {
  object* o = allocate(t, t->basic_size);
  type_object* s = t->solid;
  if (s->is_exception) {
    auto* e = new (o) exception_object;
    e->args = make_tuple(0);
  } else if (s == &list_type) {
    new (o) list_object;
  } else if (s == &dict_type) {
    new (o) dict_object;
  }
  o->type = t;
  std::memset(reinterpret_cast<char*>(o) + s->basic_size, 0, t->basic_size - s->basic_size);
  return o;
}

value make_args_tuple(const value* args, std::size_t nargs) {
  value t = make_tuple(nargs);
  for (std::size_t i = 0; i < nargs; ++i) as_tuple(t)->items[i] = newref(args[i]);
  return t;
}

std::size_t kw_count(value kwnames) { return kwnames ? as_tuple(kwnames)->size : 0; }

value call_with_self(value m, value self, const value* args, std::size_t nargs, value kwnames) {
  if (type_of(m) == &staticmethod_type) m = static_cast<wrapper_object*>(m.obj())->func;
  return call_with_first(m, self, args, nargs, kwnames);
}

// The built-in base's part of __init__ when no class defines one.
bool solid_init(value obj, const value* args, std::size_t nargs, value kwnames) {
  type_object* t = type_of(obj);
  type_object* s = t->solid;
  if (s == &object_type) {
    if (nargs || kw_count(kwnames)) {
      raise_type_error(std::string(t->name) + "() takes no arguments");
      return false;
    }
    return true;
  }
  if (s->is_exception) {
    if (kw_count(kwnames)) {
      raise_type_error(std::string(t->name) + "() takes no keyword arguments");
      return false;
    }
    return set_exception_args(obj, make_args_tuple(args, nargs));  // __new__ may return an old one
  }
  value init = dict_get(value::from(s->dict), intern("__init__"));
  if (!init || type_of(init) != &builtin_function_type) return true;
  ref r(static_cast<builtin_function_object*>(init.obj())->fn(obj, args, nargs, kwnames));
  return static_cast<bool>(r);
}

value class_call(type_object* t, const value* args, std::size_t nargs, value kwnames) {
  value self_type = value::from(t);
  ref obj;
  if (value new_m = lookup_user(t, SPECIAL("__new__"))) {
    obj = ref(call_with_self(new_m, self_type, args, nargs, kwnames));
    if (!obj) return value();
    if (!is_instance(obj.get(), t)) return obj.release();
  } else if (t->solid == &tuple_type) {
    obj = ref(tuple_new(self_type, args, nargs, kwnames));
    if (!obj) return value();
  } else if (t->solid == &type_type) {  // a metaclass without __new__: type's
    obj = ref(type_new(self_type, args, nargs, kwnames));
    if (!obj) return value();
    if (!is_instance(obj.get(), t)) return obj.release();
  } else {
    if (t->solid == &object_type && refuse_abstract(t)) return value();
    obj = ref(value::from(alloc_instance(t)));
    if (t->solid->is_exception) {
      auto* e = static_cast<exception_object*>(obj.get().obj());
      decref(e->args);
      e->args = make_args_tuple(args, nargs - kw_count(kwnames));
      init_new_os_error(obj.get());
    }
  }
  if (value init = lookup_user(t, SPECIAL("__init__"))) {
    ref r(call_with_self(init, obj.get(), args, nargs, kwnames));
    if (!r) return value();
    if (r.get() != none()) {
      return raise_type_error(std::string("__init__() should return None, not '") + type_name(r.get()) + "'");
    }
  } else if (!lookup_user(t, SPECIAL("__new__")) || nargs == 0) {
    if (!solid_init(obj.get(), args, nargs, kwnames)) return value();
  }
  return obj.release();
}

// ---- C3 ----

/// C3; on failure, *stuck holds the heads of what could not be merged, in
/// order (what CPython's error names).
bool c3_merge(std::vector<std::vector<type_object*>> seqs, std::vector<type_object*>& out,
              std::vector<type_object*>* stuck) {
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](const auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return true;
    type_object* next = nullptr;
    for (const auto& s : seqs) {
      type_object* head = s.front();
      const bool in_tail = std::any_of(seqs.begin(), seqs.end(), [&](const auto& o) {
        return std::find(o.begin() + 1, o.end(), head) != o.end();
      });
      if (!in_tail) {
        next = head;
        break;
      }
    }
    if (!next) {
      for (const auto& seq : seqs)
        if (std::find(stuck->begin(), stuck->end(), seq.front()) == stuck->end()) stuck->push_back(seq.front());
      return false;
    }
    out.push_back(next);
    for (auto& s : seqs)
      if (s.front() == next) s.erase(s.begin());
  }
}

std::size_t solid_size(const type_object* s) {
  if (s == &tuple_type) return sizeof(tuple_object);
  if (s->is_exception) return sizeof(exception_object);
  if (s == &list_type) return sizeof(list_object);
  if (s == &dict_type) return sizeof(dict_object);
  if (s == &type_type) return sizeof(type_object);
  return sizeof(object);
}

}  // namespace

value make_class(value name, value bases, value ns, type_object* metatype, const value* kw_values, value kwnames) {
  const std::string cls_name = str_of(name);
  tuple_object* bt = as_tuple(bases);
  std::vector<type_object*> base_types;
  for (std::size_t i = 0; i < bt->size; ++i) {
    value b = bt->items[i];
    if (!is_type(b)) return raise_type_error("bases must be types");
    auto* t = static_cast<type_object*>(b.obj());
    if (!t->heap && !subclassable(t)) {
      if (t == &bool_type || t == &none_type || t == &function_type || t == &range_type || t == &slice_type) {
        return raise_type_error(std::string("type '") + t->name + "' is not an acceptable base type");
      }
      return raise(&exc_NotImplementedError,
                   std::string("subclassing the built-in type '") + t->name + "' is not supported by gillab yet");
    }
    if (std::find(base_types.begin(), base_types.end(), t) != base_types.end()) {
      return raise_type_error(std::string("duplicate base class ") + t->name);
    }
    base_types.push_back(t);
  }
  if (base_types.empty()) base_types.push_back(&object_type);
  // The solid base: the most derived built-in layout; all must agree.
  // Built-in exceptions all share one layout: class E(OSError, ValueError) is fine.
  auto layout = [](type_object* s) { return s->is_exception ? &exc_BaseException : s; };
  type_object* solid = &object_type;
  for (type_object* b : base_types) {
    type_object* s = b->solid;
    if (is_subtype(s, solid)) {
      solid = s;
    } else if (!is_subtype(layout(solid), layout(s)) && !is_subtype(layout(s), layout(solid))) {
      return raise_type_error("multiple bases have instance lay-out conflict");
    } else if (is_subtype(layout(s), layout(solid)) && layout(s) != layout(solid)) {
      solid = s;
    }
  }
  std::vector<std::vector<type_object*>> seqs;
  for (type_object* b : base_types) seqs.push_back(b->mro);
  seqs.push_back(base_types);
  std::vector<type_object*> linear;
  std::vector<type_object*> stuck;
  if (!c3_merge(seqs, linear, &stuck)) {
    std::string msg = "Cannot create a consistent method resolution\norder (MRO) for bases";
    for (std::size_t i = 0; i < stuck.size(); ++i) msg += (i ? ", " : " ") + std::string(stuck[i]->name);
    return raise_type_error(msg);
  }
  auto* t = new type_object();  // a new type: no cache entry can name it yet
  make_immortal(*t, metatype);  // (metaclasses are classes: immortal too)
  t->heap = true;
  t->name = strdup(cls_name.c_str());
  t->qualname = cls_name;
  t->mro.push_back(t);
  t->mro.insert(t->mro.end(), linear.begin(), linear.end());
  t->base = base_types.front();
  t->bases = bt->size ? newref(bases) : make_tuple({value::from(&object_type)});
  t->solid = solid;
  t->is_exception = solid->is_exception;
  t->dict = as_dict(make_dict());
  immortalize(value::from(t));
  immortalize(value::from(t->dict));
  // Layout: the inherited one (a heap base's dict pointer and slots), then ours.
  std::size_t size = solid_size(solid);
  std::size_t dict_offset = 0;
  for (type_object* b : base_types) {
    if (b->heap) {
      if (b->basic_size > size) size = b->basic_size;
      if (b->dict_offset) dict_offset = b->dict_offset;
    }
  }
  std::vector<value> slot_names;
  value slots = dict_get(ns, intern("__slots__"));
  bool wants_dict = !slots;
  if (slots) {
    if (type_of(slots) == &str_type) {
      slot_names.push_back(newref(slots));
    } else if (!collect(slots, slot_names)) {
      return value();
    }
    for (value s : slot_names) {
      if (type_of(s) != &str_type) {
        for (value x : slot_names) decref(x);
        return raise_type_error(std::string("__slots__ items must be strings, not '") + type_name(s) + "'");
      }
      if (str_of(s) == "__dict__") wants_dict = true;
    }
    // A slot is a descriptor in the class dict: a class variable of the same
    // name would replace it (CPython refuses the class).
    for (value s : slot_names) {
      if (str_of(s) != "__dict__" && str_of(s) != "__weakref__" && dict_get(ns, s)) {
        const std::string message = "'" + str_of(s) + "' in __slots__ conflicts with class variable";
        for (value x : slot_names) decref(x);
        return raise(&exc_ValueError, message);
      }
    }
    // __slots__ = ("__x",) makes a member _C__x, as the compiler mangles self.__x.
    for (value& s : slot_names) {
      const std::string mangled = mangle_private_name(t->name, str_of(s));
      if (mangled == str_of(s)) continue;
      decref(s);
      s = newref(intern(mangled));
    }
  }
  if (solid == &tuple_type || solid == &type_type) {
    // Tuples: variable-sized instances, no fixed place after the items for a
    // dict or slots (CPython would put them at a negative offset). A
    // metaclass: its instances are classes, whose attributes live in their
    // own namespace (type_object::dict), made by make_class at
    // sizeof(type_object).
    for (value sn : slot_names) {
      if (str_of(sn) != "__dict__") {
        for (value x : slot_names) decref(x);
        return raise_type_error(std::string("nonempty __slots__ not supported for subtype of '") + solid->name + "'");
      }
    }
    wants_dict = false;
  }
  if (wants_dict && !dict_offset) {
    dict_offset = size;
    size += sizeof(value);
  }
  // Namespace -> the class dict (minus what the class statement itself used).
  std::size_t pos = 0;
  value k, v;
  value classcell;
  while (dict_next(ns, &pos, &k, &v)) {
    const std::string key = str_of(k);
    if (key == "__classcell__") {
      classcell = v;
      continue;
    }
    if (key == "__qualname__") {
      if (type_of(v) == &str_type) t->qualname = str_of(v);
      continue;
    }
    if (key == "__module__" && type_of(v) == &str_type) t->module = str_of(v);
    dict_set(value::from(t->dict), k, v);
  }
  for (value s : slot_names) {
    if (str_of(s) == "__dict__") {
      decref(s);
      continue;
    }
    auto* m = make<member_object>(&member_type);
    m->name = s;  // owns the reference
    m->owner = t;
    m->offset = size;
    size += sizeof(value);
    dict_set(value::from(t->dict), s, value::from(m));
    decref(value::from(m));
  }
  t->basic_size = size;
  t->dict_offset = dict_offset;
  if (!dict_get(value::from(t->dict), intern("__doc__"))) dict_set(value::from(t->dict), intern("__doc__"), none());
  // A class that defines __eq__ and not __hash__ is unhashable (CPython).
  if (dict_get(value::from(t->dict), intern("__eq__")) && !dict_get(value::from(t->dict), intern("__hash__"))) {
    dict_set(value::from(t->dict), intern("__hash__"), none());
  }
  // __init_subclass__ and __class_getitem__ are implicit classmethods, __new__ a staticmethod.
  if (value f = dict_get(value::from(t->dict), intern("__new__")); f && type_of(f) == &function_type) {
    auto* w = make<wrapper_object>(&staticmethod_type);
    w->func = newref(f);
    dict_set(value::from(t->dict), intern("__new__"), value::from(w));
    decref(value::from(w));
  }
  if (value f = dict_get(value::from(t->dict), intern("__init_subclass__")); f && type_of(f) == &function_type) {
    auto* w = make<wrapper_object>(&classmethod_type);
    w->func = newref(f);
    dict_set(value::from(t->dict), intern("__init_subclass__"), value::from(w));
    decref(value::from(w));
  }
  t->dealloc = heap_dealloc;
  // Only a class with a __del__ (its own or a base's) pays for finalizing;
  // one assigned to the class after it was made is not seen (CPython
  // updates the slot on assignment).
  if (lookup_user(t, SPECIAL("__del__"))) t->finalize = heap_finalize;
  t->traverse = heap_traverse;
  t->clear = heap_clear;
  t->repr = heap_repr;
  t->str = heap_str;
  t->hash = heap_hash;
  t->compare = heap_compare;
  t->binary = heap_binary;
  t->unary = heap_unary;
  t->truth = heap_truth;
  t->length = heap_length;
  t->getitem = heap_getitem;
  t->setitem = heap_setitem;
  t->contains = heap_contains;
  t->iter = heap_iter;
  t->next = heap_next;
  t->call = heap_call;
  t->getattr = lookup_user(t, SPECIAL("__getattribute__")) ? instance_getattribute_hook : instance_getattr;
  t->setattr = instance_setattr;
  if (classcell) {
    if (type_of(classcell) != &cell_type) return raise_type_error("__classcell__ must be a nonlocal cell");
    auto* c = static_cast<cell_object*>(classcell.obj());
    xdecref(c->contents);
    c->contents = value::from(t);
  }
  value tv = value::from(t);
  // __set_name__ of the descriptors in the namespace.
  pos = 0;
  while (dict_next(ns, &pos, &k, &v)) {
    if (!type_of(v)->heap) continue;
    if (value hook = lookup_user(type_of(v), SPECIAL("__set_name__"))) {
      value args[2] = {tv, k};
      ref r(call_method(hook, v, args, 2));
      if (!r) return value();
    }
  }
  // The parent's __init_subclass__ with the class statement's keywords (a
  // user-defined one; object's takes none and does nothing).
  const std::size_t nkw = kw_count(kwnames);
  for (std::size_t i = 1; i < t->mro.size(); ++i) {
    type_object* b = t->mro[i];
    if (!b->heap) break;
    value f = dict_get(value::from(b->dict), intern("__init_subclass__"));
    if (!f) continue;
    ref bound(descr_get(f, value(), t, b));
    if (!bound) return value();
    ref r(op_call(bound.get(), kw_values, nkw, nkw ? kwnames : value()));
    if (!r) return value();
    return tv;
  }
  if (nkw) return raise_type_error(std::string(t->name) + ".__init_subclass__() takes no keyword arguments");
  return tv;
}

/// The metaclass a class with these bases gets (CPython's
/// _PyType_CalculateMetaclass): the most derived of `meta` and the bases'
/// metaclasses, which must form a chain; null with TypeError raised if not.
type_object* winning_metaclass(type_object* meta, value bases) {
  type_object* winner = meta;
  for (std::size_t i = 0; i < as_tuple(bases)->size; ++i) {
    type_object* base_meta = type_of(as_tuple(bases)->items[i]);
    if (is_subtype(winner, base_meta)) continue;
    if (is_subtype(base_meta, winner)) {
      winner = base_meta;
      continue;
    }
    raise_type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                     "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

/// The class statement (CPython's builtin___build_class__): the metaclass
/// (metaclass= or the bases'), its __prepare__ for the namespace, the body,
/// then metaclass(name, bases, namespace, **keywords). Plain classes (the
/// metaclass is type) take a direct path to make_class.
value build_class(value, const value* args, std::size_t nargs_all, value kwnames) {
  const std::size_t nargs = nargs_all - kw_count(kwnames);  // the keyword values follow
  if (nargs < 2) return raise_type_error("__build_class__: not enough arguments");
  if (type_of(args[0]) != &function_type) return raise_type_error("__build_class__: func must be a function");
  if (type_of(args[1]) != &str_type) return raise_type_error("__build_class__: name is not a string");
  // The keywords minus metaclass=, kept in the calling convention (values, names).
  value meta;
  std::vector<value> kw_values;
  std::vector<value> kw_names;
  for (std::size_t i = 0; i < kw_count(kwnames); ++i) {
    value k = as_tuple(kwnames)->items[i];
    if (str_of(k) == "metaclass") {
      meta = args[nargs + i];
      continue;
    }
    kw_values.push_back(args[nargs + i]);
    kw_names.push_back(k);
  }
  ref bases(make_args_tuple(args + 2, nargs - 2));
  ref kw_names_tuple(kw_names.empty() ? value() : make_tuple(kw_names.size()));
  for (std::size_t i = 0; i < kw_names.size(); ++i) as_tuple(kw_names_tuple.get())->items[i] = newref(kw_names[i]);
  if (!meta) meta = nargs > 2 ? value::from(type_of(args[2])) : value::from(&type_type);
  if (is_type(meta)) {  // (a metaclass= that is a plain function is just called)
    type_object* winner = winning_metaclass(static_cast<type_object*>(meta.obj()), bases.get());
    if (!winner) return value();
    meta = value::from(winner);
  }
  if (meta == value::from(&type_type)) {
    ref ns(make_dict());
    ref cell(run_class_body(args[0], ns.get()));
    if (!cell) return value();
    return make_class(args[1], bases.get(), ns.get(), &type_type, kw_values.data(), kw_names_tuple.get());
  }
  // __prepare__(name, bases, **keywords) makes the namespace (type's: a new dict).
  ref ns;
  if (ref prepare{op_getattr(meta, intern("__prepare__"))}) {
    std::vector<value> call{args[1], bases.get()};
    call.insert(call.end(), kw_values.begin(), kw_values.end());
    ns = ref(op_call(prepare.get(), call.data(), call.size(), kw_names_tuple.get()));
    if (!ns) return value();
  } else if (pending_matches(&exc_AttributeError)) {
    clear_pending();
    ns = ref(make_dict());
  } else {
    return value();
  }
  if (!is_instance(ns.get(), &dict_type)) {
    return raise(&exc_NotImplementedError, std::string("a __prepare__ that returns a '") + type_name(ns.get()) +
                                               "' (not a dict) is not supported by gillab yet");
  }
  ref cell(run_class_body(args[0], ns.get()));
  if (!cell) return value();
  std::vector<value> call{args[1], bases.get(), ns.get()};
  call.insert(call.end(), kw_values.begin(), kw_values.end());
  return op_call(meta, call.data(), call.size(), kw_names_tuple.get());
}

namespace {

// ---- method, staticmethod, classmethod, property, member, super ----

void dealloc_method(object* o) {
  auto* m = static_cast<method_object*>(o);
  decref(m->func);
  decref(m->self);
  free_object_memory(o);
}
void traverse_method(object* o, void (*visit)(value, void*), void* arg) {
  auto* m = static_cast<method_object*>(o);
  visit(m->func, arg);
  visit(m->self, arg);
}

value method_call(value v, const value* args, std::size_t nargs, value kwnames) {
  auto* m = static_cast<method_object*>(v.obj());
  return call_with_first(m->func, m->self, args, nargs, kwnames);
}

value method_repr(value v) {
  auto* m = static_cast<method_object*>(v.obj());
  ref name(op_getattr(m->func, intern("__qualname__")));
  if (!name) clear_pending();
  ref self(op_repr(m->self));
  if (!self) return value();
  return make_str("<bound method " + (name ? str_of(name.get()) : std::string("?")) + " of " + str_of(self.get()) + ">");
}

value method_getattr(value v, value name) {
  auto* m = static_cast<method_object*>(v.obj());
  const std::string n = str_of(name);
  if (n == "__self__") return newref(m->self);
  if (n == "__func__") return newref(m->func);
  return op_getattr(m->func, name);
}

value method_compare(value a, value b, int op) {
  if (type_of(b) != &method_type || op > 1) return not_implemented();
  auto* x = static_cast<method_object*>(a.obj());
  auto* y = static_cast<method_object*>(b.obj());
  const bool same = x->self == y->self && x->func == y->func;
  return boolean(op == 0 ? same : !same);
}

bool method_hash(value v, std::int64_t* out) {
  auto* m = static_cast<method_object*>(v.obj());
  *out = static_cast<std::int64_t>((reinterpret_cast<std::uintptr_t>(m->self.obj()) >> 4) ^
                                   (reinterpret_cast<std::uintptr_t>(m->func.obj()) >> 4));
  return true;
}

void dealloc_wrapper(object* o) {
  xdecref(static_cast<wrapper_object*>(o)->func);
  free_object_memory(o);
}
void traverse_wrapper(object* o, void (*visit)(value, void*), void* arg) {
  if (value f = static_cast<wrapper_object*>(o)->func) visit(f, arg);
}

value wrapper_getattr(value v, value name) {
  const std::string n = str_of(name);
  value f = static_cast<wrapper_object*>(v.obj())->func;
  if (n == "__func__" || n == "__wrapped__") return newref(f);
  if (n == "__name__" || n == "__qualname__" || n == "__doc__") return op_getattr(f, name);
  return value();
}

value staticmethod_call(value v, const value* args, std::size_t nargs, value kwnames) {
  return op_call(static_cast<wrapper_object*>(v.obj())->func, args, nargs, kwnames);
}

value make_wrapper(type_object* t, const char* what, const value* args, std::size_t nargs, value kwnames) {
  if (kw_count(kwnames) || nargs != 1) {
    return raise_type_error(std::string(what) + " expected 1 argument, got " + std::to_string(nargs));
  }
  auto* w = make<wrapper_object>(t);
  w->func = newref(args[0]);
  return value::from(w);
}

value construct_staticmethod(const value* args, std::size_t nargs, value kwnames) {
  return make_wrapper(&staticmethod_type, "staticmethod", args, nargs, kwnames);
}
value construct_classmethod(const value* args, std::size_t nargs, value kwnames) {
  return make_wrapper(&classmethod_type, "classmethod", args, nargs, kwnames);
}

void dealloc_property(object* o) {
  auto* p = static_cast<property_object*>(o);
  xdecref(p->fget);
  xdecref(p->fset);
  xdecref(p->fdel);
  xdecref(p->doc);
  free_object_memory(o);
}
void traverse_property(object* o, void (*visit)(value, void*), void* arg) {
  auto* p = static_cast<property_object*>(o);
  for (value v : {p->fget, p->fset, p->fdel, p->doc})
    if (v) visit(v, arg);
}

value make_property(value fget, value fset, value fdel, value doc) {
  auto* p = make<property_object>(&property_type);
  auto keep = [](value x) { return (x && x != none()) ? newref(x) : value(); };
  p->fget = keep(fget);
  p->fset = keep(fset);
  p->fdel = keep(fdel);
  p->doc = keep(doc);
  if (!p->doc && p->fget) {
    value d = op_getattr(p->fget, intern("__doc__"));
    if (!d) {
      clear_pending();
    } else if (d == none()) {
      decref(d);
    } else {
      p->doc = d;
    }
  }
  return value::from(p);
}

value construct_property(const value* args, std::size_t nargs, value kwnames) {
  value slots[4] = {value(), value(), value(), value()};
  static constexpr const char* names[] = {"fget", "fset", "fdel", "doc"};
  const std::size_t npos = nargs - kw_count(kwnames);
  if (npos > 4) return raise_type_error("property() takes at most 4 arguments (" + std::to_string(npos) + " given)");
  for (std::size_t i = 0; i < npos; ++i) slots[i] = args[i];
  for (std::size_t i = 0; i < kw_count(kwnames); ++i) {
    const std::string k = str_of(as_tuple(kwnames)->items[i]);
    auto it = std::find_if(std::begin(names), std::end(names), [&](const char* n) { return k == n; });
    if (it == std::end(names)) return raise_type_error("property() got an unexpected keyword argument '" + k + "'");
    slots[it - std::begin(names)] = args[npos + i];
  }
  return make_property(slots[0], slots[1], slots[2], slots[3]);
}

value property_with(value self, int which, const value* args, std::size_t nargs, value kwnames, const char* name) {
  if (kw_count(kwnames) || nargs != 1) return raise_type_error(std::string(name) + "() takes exactly one argument");
  auto* p = static_cast<property_object*>(self.obj());
  value parts[3] = {p->fget, p->fset, p->fdel};
  parts[which] = args[0];
  return make_property(parts[0], parts[1], parts[2], p->doc);
}
value property_getter(value self, const value* a, std::size_t n, value kw) { return property_with(self, 0, a, n, kw, "getter"); }
value property_setter(value self, const value* a, std::size_t n, value kw) { return property_with(self, 1, a, n, kw, "setter"); }
value property_deleter(value self, const value* a, std::size_t n, value kw) { return property_with(self, 2, a, n, kw, "deleter"); }

value property_getattr(value v, value name) {
  auto* p = static_cast<property_object*>(v.obj());
  const std::string n = str_of(name);
  auto or_none = [](value x) { return newref(x ? x : none()); };
  if (n == "fget") return or_none(p->fget);
  if (n == "fset") return or_none(p->fset);
  if (n == "fdel") return or_none(p->fdel);
  if (n == "__doc__") return or_none(p->doc);
  return value();
}

void dealloc_member(object* o) {
  decref(static_cast<member_object*>(o)->name);
  free_object_memory(o);
}

value member_repr(value v) {
  auto* m = static_cast<member_object*>(v.obj());
  return make_str("<member '" + str_of(m->name) + "' of '" + m->owner->name + "' objects>");
}

void dealloc_descriptor(object* o) {
  decref(static_cast<descriptor_object*>(o)->fn);
  free_object_memory(o);
}

value descriptor_call(value v, const value* args, std::size_t nargs, value kwnames) {
  auto* d = static_cast<descriptor_object*>(v.obj());
  auto* b = static_cast<builtin_function_object*>(d->fn.obj());
  if (nargs == 0) return raise_type_error(std::string("unbound method ") + d->owner->name + "." + b->name + "() needs an argument");
  if (!is_instance(args[0], d->owner) && !(std::strcmp(b->name, "__new__") == 0 && is_type(args[0]))) {
    return raise_type_error(std::string("descriptor '") + b->name + "' for '" + d->owner->name +
                            "' objects doesn't apply to a '" + type_name(args[0]) + "' object");
  }
  return b->fn(args[0], args + 1, nargs - 1, kwnames);
}

value descriptor_repr(value v) {
  auto* d = static_cast<descriptor_object*>(v.obj());
  return make_str(std::string("<method '") + static_cast<builtin_function_object*>(d->fn.obj())->name + "' of '" +
                  d->owner->name + "' objects>");
}

void dealloc_super(object* o) {
  decref(static_cast<super_object*>(o)->obj);
  free_object_memory(o);
}

value super_getattr(value v, value name) {
  auto* s = static_cast<super_object*>(v.obj());
  const auto& mro = s->obj_type->mro;
  auto it = std::find(mro.begin(), mro.end(), s->start);
  if (it != mro.end() && str_of(name) != "__class__") {
    for (++it; it != mro.end(); ++it) {
      type_object* k = *it;
      if (!k->dict) continue;
      value d = dict_get(value::from(k->dict), name);
      if (!d) continue;
      const bool through_class = s->obj == value::from(s->obj_type);
      return descr_get(d, through_class ? value() : s->obj, s->obj_type, k);
    }
  }
  return raise(&exc_AttributeError, "'super' object has no attribute '" + str_of(name) + "'");
}

value super_repr(value v) {
  auto* s = static_cast<super_object*>(v.obj());
  return make_str(std::string("<super: <class '") + s->start->name + "'>, <" + s->obj_type->name + " object>>");
}

value make_super(type_object* start, value obj) {
  type_object* obj_type;
  if (is_type(obj) && is_subtype(static_cast<type_object*>(obj.obj()), start)) {
    obj_type = static_cast<type_object*>(obj.obj());
  } else if (is_instance(obj, start)) {
    obj_type = type_of(obj);
  } else {
    return raise_type_error("super(type, obj): obj must be an instance or subtype of type");
  }
  auto* s = make<super_object>(&super_type);
  s->start = start;
  s->obj = newref(obj);
  s->obj_type = obj_type;
  return value::from(s);
}

value construct_super(const value* args, std::size_t nargs, value kwnames) {
  if (kw_count(kwnames)) return raise_type_error("super() takes no keyword arguments");
  if (nargs == 2) {
    if (!is_type(args[0])) {
      return raise_type_error(std::string("super() argument 1 must be a type, not ") + type_name(args[0]));
    }
    return make_super(static_cast<type_object*>(args[0].obj()), args[1]);
  }
  if (nargs != 0) return raise_type_error("super() takes 0 or 2 arguments");
  // Zero arguments: the calling function's __class__ cell and first argument.
  frame* f = current_thread().current_frame;
  if (!f || !f->func) return raise(&exc_RuntimeError, "super(): no arguments");
  const code_unit& u = *f->code->unit;
  if (u.argcount == 0 && !(u.flags & cf_varargs)) return raise(&exc_RuntimeError, "super(): no arguments");
  auto fv = std::find(u.freevars.begin(), u.freevars.end(), "__class__");
  if (fv == u.freevars.end()) return raise(&exc_RuntimeError, "super(): __class__ cell not found");
  value cell = f->storage[u.varnames.size() + u.cellvars.size() + static_cast<std::size_t>(fv - u.freevars.begin())];
  value cls = static_cast<cell_object*>(cell.obj())->contents;
  if (!cls || !is_type(cls)) return raise(&exc_RuntimeError, "super(): empty __class__ cell");
  value first = f->storage[0];
  // A first argument captured by an inner function lives in its cell.
  for (std::size_t c = 0; c < u.cellvars.size(); ++c) {
    if (u.cell_of_arg[c] == 0) first = static_cast<cell_object*>(f->storage[u.varnames.size() + c].obj())->contents;
  }
  if (!first) return raise(&exc_RuntimeError, "super(): arg[0] deleted");
  return make_super(static_cast<type_object*>(cls.obj()), first);
}

// ---- object's methods, and wrappers of built-in slots ----

bool exact_args(const char* name, std::size_t nargs, std::size_t want) {
  if (nargs != want) {
    raise_type_error(std::string(name) + "() takes exactly " + std::to_string(want) + " argument" +
                     (want == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
    return false;
  }
  return true;
}

/// object.__getattribute__/__setattr__/__delattr__'s name check.
bool attribute_name_ok(value name) {
  if (type_of(name) == &str_type) return true;
  raise_type_error(std::string("attribute name must be string, not '") + type_name(name) + "'");
  return false;
}

value object_new(value self, const value* args, std::size_t nargs, value kwnames) {
  (void)args;
  (void)nargs;
  (void)kwnames;
  if (!is_type(self)) return raise_type_error("object.__new__(X): X is not a type object");
  auto* t = static_cast<type_object*>(self.obj());
  if (t == &object_type) return value::from(allocate(&object_type, sizeof(object)));
  if (!t->heap) return raise_type_error(std::string("object.__new__(") + t->name + ") is not safe, use " + t->name + ".__new__()");
  if (t->solid == &type_type) {  // a metaclass: its instances are made by type.__new__
    return raise_type_error(std::string("object.__new__(") + t->name + ") is not safe, use type.__new__()");
  }
  if (refuse_abstract(t)) return value();
  return value::from(alloc_instance(t));
}

value object_init(value self, const value* args, std::size_t nargs, value kwnames) {
  (void)args;
  if ((nargs || kw_count(kwnames)) && !lookup_user(type_of(self), SPECIAL("__new__"))) {
    return raise_type_error("object.__init__() takes exactly one argument (the instance to initialize)");
  }
  return none();
}

value object_setattr_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__setattr__", kwnames) || !exact_args("__setattr__", nargs, 2)) return value();
  if (!attribute_name_ok(args[0])) return value();
  if (!type_of(self)->heap) return op_setattr(self, args[0], args[1]) < 0 ? value() : none();
  return generic_setattr(self, args[0], args[1]) < 0 ? value() : none();
}

value object_delattr_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__delattr__", kwnames) || !exact_args("__delattr__", nargs, 1)) return value();
  if (!attribute_name_ok(args[0])) return value();
  if (!type_of(self)->heap) return op_setattr(self, args[0], value()) < 0 ? value() : none();
  return generic_setattr(self, args[0], value()) < 0 ? value() : none();
}

value object_getattribute_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__getattribute__", kwnames) || !exact_args("__getattribute__", nargs, 1)) return value();
  if (!attribute_name_ok(args[0])) return value();
  if (!type_of(self)->heap) return op_getattr(self, args[0]);
  value r = generic_getattr(self, args[0]);
  if (!r && !error_pending()) no_attribute(self, args[0]);
  return r;
}

// The descriptor protocol as methods (property.__get__, a __slots__
// member's __set__, function.__get__ ...), for code that calls them or asks
// hasattr(type(d), "__set__") to tell data descriptors apart.
value descr_get_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__get__", kwnames)) return value();
  if (nargs < 1 || nargs > 2) return raise_type_error("expected 1 or 2 arguments, got " + std::to_string(nargs));
  const value obj = args[0] == none() ? value() : args[0];
  const value owner = nargs > 1 && args[1] != none() ? args[1] : value();
  if (!obj && !owner) return raise_type_error("__get__(None, None) is invalid");
  if (owner && !is_type(owner)) return raise_type_error("__get__(None, owner): owner must be a type");
  type_object* t = owner ? static_cast<type_object*>(owner.obj()) : type_of(obj);
  return descr_get(self, obj, t, nullptr);
}

value descr_set_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__set__", kwnames) || !exact_args("__set__", nargs, 2)) return value();
  value name = type_of(self) == &member_type ? static_cast<member_object*>(self.obj())->name : intern("?");
  return descr_set(self, args[0], name, args[1]) < 0 ? value() : none();
}

value descr_delete_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__delete__", kwnames) || !exact_args("__delete__", nargs, 1)) return value();
  value name = type_of(self) == &member_type ? static_cast<member_object*>(self.obj())->name : intern("?");
  return descr_set(self, args[0], name, value()) < 0 ? value() : none();
}

value object_init_subclass(value cls, const value*, std::size_t, value kwnames) {
  if (kw_count(kwnames)) {
    return raise_type_error(std::string(is_type(cls) ? static_cast<type_object*>(cls.obj())->name : "object") +
                            ".__init_subclass__() takes no keyword arguments");
  }
  return none();
}

/// object.__subclasshook__: no opinion (abc's __subclasscheck__ goes on).
value object_subclasshook(value, const value*, std::size_t, value) { return not_implemented(); }

value object_format(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__format__", kwnames) || !exact_args("__format__", nargs, 1)) return value();
  if (type_of(args[0]) == &str_type && as_str(args[0])->length > 0) {
    return raise_type_error(std::string("unsupported format string passed to ") + type_name(self) + ".__format__");
  }
  return op_str(self);
}

// Wrappers of the solid layout's slots (what list.__len__ etc. do).
type_object* solid_of(value v) { return type_of(v)->solid; }

value wrap_repr(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__repr__", kwnames) || !exact_args("__repr__", nargs, 0)) return value();
  type_object* s = solid_of(self);
  return s->repr ? s->repr(self) : default_repr(self);
}
value wrap_str(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__str__", kwnames) || !exact_args("__str__", nargs, 0)) return value();
  type_object* s = solid_of(self);
  if (s->str) return s->str(self);
  return type_of(self)->repr ? type_of(self)->repr(self) : default_repr(self);
}
value wrap_hash(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__hash__", kwnames) || !exact_args("__hash__", nargs, 0)) return value();
  std::int64_t h = 0;
  type_object* s = solid_of(self);
  if (s->hash) {
    if (!s->hash(self, &h)) return value();
  } else if (self.is_small()) {
    h = hash_small_int(self.small_int());
  } else {
    h = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(self.obj()) >> 4);
  }
  return make_int(h);
}
template <int Op>
value wrap_compare(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords(compare_names[Op], kwnames) || !exact_args(compare_names[Op], nargs, 1)) return value();
  type_object* s = solid_of(self);
  if (s->compare) return s->compare(self, args[0], Op);
  if (self.is_small()) return op_compare(self, args[0], Op);
  if (Op == 0) return self == args[0] ? true_value() : not_implemented();
  if (Op == 1) return self == args[0] ? false_value() : not_implemented();
  return not_implemented();
}
value wrap_len(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__len__", kwnames) || !exact_args("__len__", nargs, 0)) return value();
  const std::int64_t n = solid_of(self)->length(self);
  return n < 0 ? value() : make_int(n);
}
value wrap_getitem(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__getitem__", kwnames) || !exact_args("__getitem__", nargs, 1)) return value();
  return solid_of(self)->getitem(self, args[0]);
}
value wrap_setitem(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__setitem__", kwnames) || !exact_args("__setitem__", nargs, 2)) return value();
  return solid_of(self)->setitem(self, args[0], args[1]) < 0 ? value() : none();
}
value wrap_delitem(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__delitem__", kwnames) || !exact_args("__delitem__", nargs, 1)) return value();
  return solid_of(self)->setitem(self, args[0], value()) < 0 ? value() : none();
}
value wrap_contains(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__contains__", kwnames) || !exact_args("__contains__", nargs, 1)) return value();
  const int r = solid_of(self)->contains(self, args[0]);
  return r < 0 ? value() : boolean(r);
}
value wrap_iter(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__iter__", kwnames) || !exact_args("__iter__", nargs, 0)) return value();
  return solid_of(self)->iter(self);
}
value wrap_next(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__next__", kwnames) || !exact_args("__next__", nargs, 0)) return value();
  value r = solid_of(self)->next(self);
  if (!r && !error_pending()) return raise(&exc_StopIteration, "");
  return r;
}

value exception_init(value self, const value* args, std::size_t nargs, value) {
  // stm: an exception made before the transaction (its class's __init__
  // began one), which other threads may read (exception_object).
  return set_exception_args(self, make_args_tuple(args, nargs)) ? none() : value();
}

value list_init(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("list", kwnames)) return value();
  if (nargs > 1) return raise_type_error("list expected at most 1 argument, got " + std::to_string(nargs));
  std::vector<value> items;
  if (nargs && !collect(args[0], items)) return value();
  std::vector<value> old;
  {
    backend::write_section guard(bts(), self.obj()->header);
    old = as_list(self)->items.take();
    as_list(self)->items.adopt(std::move(items));
  }
  for (value x : old) release_displaced(x);
  return none();
}

value dict_init(value self, const value* args, std::size_t nargs, value kwnames) {
  value update = dict_get(value::from(dict_type.dict), intern("update"));
  if (!update) return none();
  auto* b = static_cast<builtin_function_object*>(update.obj());
  return b->fn(self, args, nargs, kwnames);
}

void add_slot_wrappers(type_object& t) {
  if (t.repr) add_method(t, "__repr__", wrap_repr);
  if (t.str) add_method(t, "__str__", wrap_str);
  if (t.hash) add_method(t, "__hash__", wrap_hash);
  if (t.compare) {
    add_method(t, "__eq__", wrap_compare<0>);
    add_method(t, "__ne__", wrap_compare<1>);
    add_method(t, "__lt__", wrap_compare<2>);
    add_method(t, "__le__", wrap_compare<3>);
    add_method(t, "__gt__", wrap_compare<4>);
    add_method(t, "__ge__", wrap_compare<5>);
  }
  if (t.length) add_method(t, "__len__", wrap_len);
  if (t.getitem) add_method(t, "__getitem__", wrap_getitem);
  if (t.setitem) {
    add_method(t, "__setitem__", wrap_setitem);
    add_method(t, "__delitem__", wrap_delitem);
  }
  if (t.contains) add_method(t, "__contains__", wrap_contains);
  if (t.iter) add_method(t, "__iter__", wrap_iter);
  if (t.next) add_method(t, "__next__", wrap_next);
}

}  // namespace

/// type.__call__ for classes (functions.cpp's type_call sends heap types here).
value call_class(type_object* t, const value* args, std::size_t nargs, value kwnames) {
  return class_call(t, args, nargs, kwnames);
}

/// type.__new__(metatype, name, bases, namespace, **keywords): a new class
/// (the keywords go to __init_subclass__), or type(x) with one argument.
value type_new(value self, const value* args, std::size_t nargs_all, value kwnames) {
  const std::size_t nargs = nargs_all - kw_count(kwnames);
  if (!is_type(self) || !is_subtype(static_cast<type_object*>(self.obj()), &type_type)) {
    return raise_type_error(std::string("type.__new__(X): X is not a type object (") + type_name(self) + ")");
  }
  auto* meta = static_cast<type_object*>(self.obj());
  if (meta == &type_type && nargs == 1 && !kw_count(kwnames)) return newref(value::from(type_of(args[0])));
  if (nargs != 3) {
    return raise_type_error("type.__new__() takes exactly 3 arguments (" + std::to_string(nargs) + " given)");
  }
  if (type_of(args[0]) != &str_type) return raise_type_error("type.__new__() argument 1 must be str, not " + std::string(type_name(args[0])));
  if (type_of(args[1]) != &tuple_type) return raise_type_error("type.__new__() argument 2 must be tuple, not " + std::string(type_name(args[1])));
  if (!is_instance(args[2], &dict_type)) return raise_type_error("type.__new__() argument 3 must be dict, not " + std::string(type_name(args[2])));
  if (!check_type_name(args[0])) return value();
  type_object* winner = winning_metaclass(meta, args[1]);
  if (!winner) return value();
  if (winner != meta) {  // a base's metaclass is more derived: it makes the class
    if (value new_m = lookup_user(winner, SPECIAL("__new__"))) {
      return call_with_self(new_m, value::from(winner), args, nargs_all, kwnames);
    }
  }
  // __module__ defaults to the calling code's __name__, as in a class statement.
  ref ns(make_dict());
  std::size_t pos = 0;
  value k, v;
  if (frame* f = current_thread().current_frame; f && !dict_get(args[2], intern("__module__"))) {
    if (value mod = dict_get(value::from(f->globals), intern("__name__"))) dict_set(ns.get(), intern("__module__"), mod);
  }
  while (dict_next(args[2], &pos, &k, &v)) dict_set(ns.get(), k, v);
  return make_class(args[0], args[1], ns.get(), winner, args + nargs, kwnames);
}

/// type(name, bases, dict). When a base's metaclass made the class, its
/// __init__ runs too (CPython's type_call initialises with the type of
/// what __new__ returned).
value make_type3(const value* args) {
  ref cls(type_new(value::from(&type_type), args, 3, value()));
  if (!cls || type_of(cls.get()) == &type_type) return cls.release();
  if (value init = lookup_user(type_of(cls.get()), SPECIAL("__init__"))) {
    ref r(call_with_self(init, cls.get(), args, 3, value()));
    if (!r) return value();
  }
  return cls.release();
}

/// type.mro(): the linearisation as a list (what __mro__ holds).
value type_mro(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("mro", kwnames) || nargs != 0) {
    return error_pending() ? value() : raise_type_error("type.mro() takes no arguments (" + std::to_string(nargs) + " given)");
  }
  const type_object* t = static_cast<type_object*>(self.obj());
  value r = make_list();
  for (type_object* k : t->mro) as_list(r)->items.push_back(newref(value::from(k)));  // a new list: no other thread sees it
  return r;
}

/// type.__init__: nothing to do (type.__new__ made the class); checks the arguments as CPython.
value type_init(value, const value*, std::size_t nargs_all, value kwnames) {
  const std::size_t nargs = nargs_all - kw_count(kwnames);
  if (nargs == 1 && kw_count(kwnames)) return raise_type_error("type.__init__() takes no keyword arguments");
  if (nargs != 1 && nargs != 3) return raise_type_error("type.__init__() takes 1 or 3 arguments");
  return none();
}

/// type.__call__(cls, ...): what calling a class does (a metaclass's
/// __call__ reaches it through super()).
value type_call_method(value self, const value* args, std::size_t nargs, value kwnames) {
  return type_type.call(self, args, nargs, kwnames);
}

/// type.__prepare__(name, bases, **keywords): the class body's namespace.
value type_prepare(value, const value*, std::size_t, value) { return make_dict(); }

/// type.__instancecheck__ / __subclasscheck__: what isinstance and
/// issubclass do without a metaclass's own.
value type_instancecheck(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__instancecheck__", kwnames) || !exact_args("__instancecheck__", nargs, 1)) return value();
  return boolean(is_instance(args[0], static_cast<type_object*>(self.obj())));
}
value type_subclasscheck(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__subclasscheck__", kwnames) || !exact_args("__subclasscheck__", nargs, 1)) return value();
  if (!is_type(args[0])) return raise_type_error("issubclass() arg 1 must be a class");
  return boolean(is_subtype(static_cast<type_object*>(args[0].obj()), static_cast<type_object*>(self.obj())));
}

/// type_getattr's part for every type: what the MRO holds, through the
/// descriptor protocol, and the class-level attributes.
value class_getattr(type_object* t, value name) {
  const std::string n = str_of(name);
  if (n == "__name__") return make_str(t->name);
  if (n == "__qualname__") return make_str(t->qualname);
  if (n == "__module__") return make_str(t->module);
  if (n == "__base__") return newref(t->base ? value::from(t->base) : none());
  if (n == "__bases__") {
    if (t->bases) return newref(t->bases);
    return t->base ? make_tuple({value::from(t->base)}) : make_tuple(0);
  }
  if (n == "__mro__") {
    value r = make_tuple(t->mro.size());
    for (std::size_t i = 0; i < t->mro.size(); ++i) as_tuple(r)->items[i] = value::from(t->mro[i]);
    return r;
  }
  if (n == "__dict__") {
    // A copy stands in for the read-only mappingproxy.
    value d = make_dict();
    if (t->dict) {
      std::size_t pos = 0;
      value k, v;
      while (dict_next(value::from(t->dict), &pos, &k, &v)) dict_set(d, k, v);
    }
    return d;
  }
  type_object* owner = nullptr;
  value d = lookup_owner(t, name, &owner);
  if (d) return descr_get(d, value(), t, owner);
  if (n == "__doc__") return none();
  // Else type's methods bound to the class (C.mro(), C.__call__), as
  // CPython's type_getattro looks in the metatype. A heap metaclass's
  // instances get this from generic_getattr, which comes here first.
  if (t->type == &type_type) {
    if (value m = lookup_owner(&type_type, name, &owner)) return descr_get(m, value::from(t), &type_type, owner);
  }
  return value();
}

int class_setattr_uncached(type_object* t, value name, value v);

namespace {
/// Adopts `v` (a new reference) until the process ends.
void keep_until_exit(value v) {
  static std::mutex mutex;
  static auto* kept = new std::vector<value>();  // reachable to the end: no leak report
  if (!v.is_object() || (v.obj()->flags & flag_immortal)) return decref(v);
  std::lock_guard lock(mutex);
  kept->push_back(v);
}
}  // namespace

int class_setattr(type_object* t, value name, value v) {
  // stm: a class's fields (its name, its abstract flag) and the values its
  // dict displaces (kept until exit) are not rolled back; class attributes
  // change rarely, so the transaction commits first. In concurrent mode the
  // world stops too: the attribute caches answer without a lock, and a
  // running transaction that read the old value there must not go on to
  // read what this thread writes after (transaction.hpp).
  if (!transaction_irrevocable()) return -1;
  unlocked_fields_write writing(t);
  if (!writing.ok()) return -1;
  const int rc = class_setattr_uncached(t, name, v);
  invalidate_type_cache();  // after the write: no lookup may cache the old value with the new generation
  return rc;
}

int class_setattr_uncached(type_object* t, value name, value v) {
  if (!t->heap) {
    raise_type_error("cannot set '" + str_of(name) + "' attribute of immutable type '" + t->name + "'");
    return -1;
  }
  const std::string n = str_of(name);
  if (n == "__name__" || n == "__qualname__") {
    if (!v || type_of(v) != &str_type) {
      raise_type_error("can only assign string to " + std::string(t->name) + "." + n);
      return -1;
    }
    if (n == "__name__" && !check_type_name(v)) return -1;
    if (n == "__qualname__") {
      t->qualname = str_of(v);
    } else {
      // Immortal type: another thread may be printing the old name, so it
      // is kept (reachable, for the leak checker) rather than freed.
      static std::mutex retired_mutex;
      static auto* retired_names = new std::vector<const char*>;  // never destroyed: outlives exit's leak check
      {
        std::lock_guard lock(retired_mutex);
        retired_names->push_back(t->name);
      }
      t->name = strdup(str_of(v).c_str());
    }
    return 0;
  }
  if (v && n == "__module__" && type_of(v) == &str_type) t->module = str_of(v);
  if (n == "__abstractmethods__") {
    const int abstract = v ? op_truth(v) : 0;
    if (abstract < 0) return -1;
    t->is_abstract.store(abstract != 0, std::memory_order_relaxed);
  }
  // The old value is taken out in the same section that puts the new one
  // in: reading it first and storing after let two writers each free the
  // other's value.
  value old = v ? dict_exchange(value::from(t->dict), name, v) : dict_pop_ref(value::from(t->dict), name);
  if (old) {
    // (stm is parallel only in its concurrent mode: serially, its deaths
    // keep CPython's moment, as under the GIL.)
    if (backend::parallel && (!backend::restartable || transactions_concurrent())) {
      // Other threads' attribute caches and lookups hold borrowed pointers
      // to what the type's dict holds and use them without a lock, across
      // Python calls (longer than a QSBR grace period): keep a replaced
      // value alive until exit rather than free it under them (class
      // attributes change rarely; ints and None cost nothing here).
      keep_until_exit(old);
    } else {
      // Its death may run Python code (a __del__ that switches threads
      // under the GIL): the caches must no longer name it by then.
      invalidate_type_cache();
      decref(old);
    }
    return 0;
  }
  if (error_pending()) return -1;
  if (v) return 0;  // a new attribute
  raise(&exc_AttributeError, "type object '" + std::string(t->name) + "' has no attribute '" + n + "'");
  return -1;
}

/// LOAD_METHOD's fast path: a plain function found on a class, not shadowed
/// by the instance dict; the caller passes the instance as self (no bound
/// method is made). Borrowed result, or null to take the generic path.
namespace {

/// t reads attributes generically: no __getattribute__ of its own decides.
bool reads_generically(const type_object* t) { return t->heap && t->getattr == instance_getattr; }

/// What the MRO of t gave (`found`) is called with the instance as self:
/// a plain function, and t is no class made by a metaclass (whose own MRO
/// comes first).
bool calls_as_method(const type_object* t, value found) {
  return reads_generically(t) && t->solid != &type_type && found && type_of(found) == &function_type;
}

/// Whether obj's instance dict has `name` (which then shadows the class's
/// method), or an error was raised looking (the caller passes it on).
bool shadowed_by_instance(value obj, value name) {
  dict_object** slot = dict_slot(obj);
  dict_object* d = slot ? instance_dict_read(obj.obj(), slot) : nullptr;
  if (!d || dict_size(value::from(d)) == 0) return false;
  return dict_get(value::from(d), name) || error_pending();
}

}  // namespace

value method_for_call(value obj, value name) {
  type_object* t = type_of(obj);
  if (!reads_generically(t)) return value();
  value d = lookup_owner(t, name, nullptr);
  if (!calls_as_method(t, d) || shadowed_by_instance(obj, name)) return value();
  return d;
}

// ---- the inline attribute cache (types.hpp's attr_cache_entry) ----
//
// What an entry vouches for, for receivers of exactly type t while the type
// generation is the recorded one (a module's entry needs no generation: its
// answer is its dict's entry, checked against the key):

namespace {

enum attr_kind : std::uint8_t {
  attr_empty,
  // t reads attributes generically with nothing to say for the name (no
  // __getattribute__, no solid-layout hook, nothing on the MRO), so the
  // instance's dict has the answer if it has the name. For STORE_ATTR: t
  // sets attributes generically (no __setattr__ of its own, not an
  // exception) and the MRO has no data descriptor for the name, so the
  // value goes into the instance's dict.
  attr_instance_dict,
  // LOAD_METHOD: the MRO gives this plain function and t reads attributes
  // generically (method_for_call's test): unless the instance's dict
  // shadows it, it is called with the instance as self.
  attr_method,
  // As attr_instance_dict, but the MRO gives a value no descriptor protocol
  // applies to (a class constant): the instance's dict first, then it.
  attr_class_value,
  // The MRO gives this __slots__ member of t: the value at offset `hint`
  // (STORE_ATTR: `found` is the member).
  attr_slot,
  // A module (exactly): its dict's entry at `hint`, if it still holds the name.
  attr_module,
  // None of the above: the generic path, without trying to fill again.
  attr_generic,
  // Any type (the entry's type is null): a site that met more types than
  // refills allow (a base class's method run on its subclasses' instances)
  // and whose answer was attr_instance_dict for each. The receiver's type is
  // tested as a fill would (one attribute-cache probe), and if it passes,
  // the instance's dict as above; else the generic path.
  attr_any_instance_dict,
};

struct attr_snapshot {
  const type_object* type;
  std::uint64_t generation;
  object* found;
  std::uint32_t hint;
  std::uint8_t kind;
  std::uint8_t refills;
};

template <class T>
std::atomic_ref<T> cache_field(const T& f) {
  return std::atomic_ref<T>(const_cast<T&>(f));
}

bool read_attr_cache(const attr_cache_entry& c, attr_snapshot* out) {
  const std::uint32_t before = cache_field(c.seq).load(std::memory_order_acquire);
  if (before & 1U) return false;
  out->type = cache_field(c.type).load(std::memory_order_relaxed);
  out->generation = cache_field(c.generation).load(std::memory_order_relaxed);
  out->found = cache_field(c.found).load(std::memory_order_relaxed);
  out->hint = cache_field(c.hint).load(std::memory_order_relaxed);
  out->kind = cache_field(c.kind).load(std::memory_order_relaxed);
  out->refills = cache_field(c.refills).load(std::memory_order_relaxed);
  std::atomic_thread_fence(std::memory_order_acquire);
  return cache_field(c.seq).load(std::memory_order_relaxed) == before;
}

/// Stores e into c, unless another thread is filling c right now.
void write_attr_cache(attr_cache_entry& c, const attr_snapshot& e) {
  std::uint32_t seq = cache_field(c.seq).load(std::memory_order_relaxed);
  if ((seq & 1U) || !cache_field(c.seq).compare_exchange_strong(seq, seq + 1, std::memory_order_relaxed)) return;
  std::atomic_thread_fence(std::memory_order_release);
  cache_field(c.type).store(e.type, std::memory_order_relaxed);
  cache_field(c.generation).store(e.generation, std::memory_order_relaxed);
  cache_field(c.found).store(e.found, std::memory_order_relaxed);
  cache_field(c.hint).store(e.hint, std::memory_order_relaxed);
  cache_field(c.kind).store(e.kind, std::memory_order_relaxed);
  cache_field(c.refills).store(e.refills, std::memory_order_relaxed);
  cache_field(c.seq).store(seq + 2, std::memory_order_release);
}

constexpr std::uint8_t max_refills = 4;

/// Stores e (what a fill found for e.type), counting it as a refill when the
/// entry held another type's answer: past max_refills the site becomes
/// attr_any_instance_dict if both answers were the instance's dict, else
/// generic for every type.
void store_fill(attr_cache_entry& c, attr_snapshot e) {
  attr_snapshot old;
  const bool read = read_attr_cache(c, &old);
  if (read && old.type == e.type && old.generation == e.generation && old.kind == e.kind && old.found == e.found &&
      old.hint == e.hint) {
    return;  // the same answer again (a miss the kind allows: a shadowed method, a __getattr__ name): no write
  }
  if (read && old.generation == e.generation && old.kind != attr_empty && old.type != e.type) {
    e.refills = static_cast<std::uint8_t>(old.refills + 1);
    if (e.refills > max_refills) {
      const bool both_dict = e.kind == attr_instance_dict && old.kind == attr_instance_dict;
      e.kind = both_dict ? attr_any_instance_dict : attr_generic;
      e.type = nullptr;
      e.found = nullptr;
    }
  }
  write_attr_cache(c, e);
}

/// For a type that reads attributes generically: whether an instance's dict
/// is searched before what the MRO gave (no solid-layout hook first).
bool instance_dict_read_first(const type_object* t) { return !t->solid->getattr && t->dict_offset; }

/// Whether the MRO of t answers nothing for `name` and t reads attributes
/// generically: attr_instance_dict's condition for LOAD_ATTR.
bool reads_from_instance_dict(type_object* t, value name) {
  return reads_generically(t) && instance_dict_read_first(t) && !lookup_owner(t, name, nullptr);
}

/// For STORE_ATTR: whether t sets attributes generically; `found` receives
/// what the MRO gives for name.
bool writes_generically(type_object* t, value name, value* found) {
  if (!t->heap || t->setattr != instance_setattr || t->solid->is_exception || t->solid == &type_type) return false;
  if (lookup_user(t, SPECIAL("__setattr__"))) return false;
  *found = lookup_owner(t, name, nullptr);
  return true;
}

/// ... and then whether the value goes into the instance's dict.
bool store_goes_to_instance_dict(const type_object* t, value found) {
  return t->dict_offset && (!found || !is_data_descriptor(found));
}

/// The entry, if it answers for obj's type now; else false, with *fill set
/// false if the entry says the generic path is the way for obj's type.
/// `store`: STORE_ATTR's entry (attr_any_instance_dict tests the type for
/// writing).
bool attr_cache_hit(const attr_cache_entry& c, value obj, value name, attr_snapshot* e, bool* fill, bool store) {
  if (!read_attr_cache(c, e)) return false;
  type_object* t = type_of(obj);
  if (e->type == t && e->kind == attr_module) return true;
  if (e->generation != type_generation.load(std::memory_order_acquire)) return false;
  if (e->type == t) {
    if (e->kind != attr_generic) return true;
    *fill = false;
    return false;
  }
  if (e->type != nullptr) return false;
  *fill = false;  // every type: the site stays as it is until a class changes
  if (e->kind != attr_any_instance_dict) return false;
  value found;
  const bool dict_answers = store ? writes_generically(t, name, &found) && store_goes_to_instance_dict(t, found)
                                  : reads_from_instance_dict(t, name);
  if (!dict_answers) return false;
  e->kind = attr_instance_dict;
  return true;
}

/// name in obj's instance dict (a new reference, the hint's entry tried
/// first), or null: absent, or an error raised (a key's __eq__), which the
/// caller passes on as the generic path would.
value from_instance_dict(value obj, std::uint32_t hint, value name) {
  dict_object** slot = dict_slot(obj);  // never null for these kinds: the fill saw t->dict_offset
  dict_object* d = slot ? instance_dict_read(obj.obj(), slot) : nullptr;
  if (!d) return value();
  if (value v = dict_entry_value_ref(d, hint, name)) return v;
  return dict_get_ref(value::from(d), name);
}

/// The attribute for the non-method kinds; null: take the generic path.
value cached_attribute(const attr_snapshot& e, value obj, value name) {
  switch (e.kind) {
    case attr_instance_dict:
      return from_instance_dict(obj, e.hint, name);
    case attr_class_value:
      if (value v = from_instance_dict(obj, e.hint, name)) return v;
      if (error_pending()) return value();
      return newref(value::from(e.found));
    case attr_slot: {
      backend::read_section guard(bts(), obj.obj()->header);
      const value v = *reinterpret_cast<value*>(reinterpret_cast<char*>(obj.obj()) + e.hint);
      return v ? newref(v) : value();  // empty: the generic path raises
    }
    case attr_module:
      return dict_entry_value_ref(static_cast<module_object*>(obj.obj())->dict, e.hint, name);
    default:
      return value();
  }
}

/// Whether descr_get would hand `d` back unchanged (no descriptor protocol).
bool plain_class_value(value d) {
  type_object* dt = type_of(d);
  return !dt->heap && dt != &function_type && dt != &builtin_function_type && dt != &descriptor_type &&
         dt != &staticmethod_type && dt != &classmethod_type && dt != &property_type && dt != &member_type;
}

/// The hint for name in d (0 if absent).
std::uint32_t dict_hint(dict_object* d, value name) {
  if (!d) return 0;
  const std::int64_t ix = dict_entry_index(value::from(d), name);
  if (ix == -2) clear_pending();
  return ix >= 0 ? static_cast<std::uint32_t>(ix) : 0;
}

/// An interned name: its address is never reused for another string, and
/// the special ones compare by identity.
bool interned(value name) { return name.is_object() && (name.obj()->flags & flag_immortal); }

}  // namespace

value cached_getattr(const attr_cache_entry& c, value obj, value name, bool* fill) {
  attr_snapshot e;
  if (!attr_cache_hit(c, obj, name, &e, fill, false)) return value();
  return cached_attribute(e, obj, name);
}

value cached_method(const attr_cache_entry& c, value obj, value name, bool* function, bool* fill) {
  attr_snapshot e;
  if (!attr_cache_hit(c, obj, name, &e, fill, false)) return value();
  if (e.kind != attr_method) {
    *function = false;
    return cached_attribute(e, obj, name);
  }
  if (shadowed_by_instance(obj, name)) return value();
  *function = true;
  return value::from(e.found);
}

void fill_attr_cache(attr_cache_entry& c, value obj, value name, bool for_method) {
  type_object* t = type_of(obj);
  // The generation first: a class changed while this looks is then newer
  // than the recorded one, so the entry is only ever stale, never wrong.
  attr_snapshot e{t, type_generation.load(std::memory_order_acquire), nullptr, 0, attr_generic, 0};
  if (t == &module_type) {
    e.kind = attr_module;
    e.hint = dict_hint(static_cast<module_object*>(obj.obj())->dict, name);
  } else if (reads_generically(t) && interned(name)) {
    value found = lookup_owner(t, name, nullptr);
    // Answered after the dict by generic_getattr.
    const bool special = name == SPECIAL("__class__") || name == SPECIAL("__dict__");
    if (for_method && calls_as_method(t, found)) {
      e.kind = attr_method;
      e.found = found.obj();
    } else if (found && type_of(found) == &member_type) {
      auto* m = static_cast<member_object*>(found.obj());
      if (is_instance(obj, m->owner) && m->offset <= std::numeric_limits<std::uint32_t>::max()) {
        e.kind = attr_slot;
        e.hint = static_cast<std::uint32_t>(m->offset);
      }
    } else if (instance_dict_read_first(t) && !special && (!found || plain_class_value(found))) {
      e.kind = found ? attr_class_value : attr_instance_dict;
      e.found = found ? found.obj() : nullptr;
      e.hint = dict_hint(instance_dict(dict_slot(obj), false), name);  // t->dict_offset: a slot
    }
  }
  store_fill(c, e);
}

int cached_setattr(const attr_cache_entry& c, value obj, value name, value v, bool* fill) {
  attr_snapshot e;
  if (!attr_cache_hit(c, obj, name, &e, fill, true)) return 1;
  if (e.kind == attr_slot) return descr_set(value::from(e.found), obj, name, v);
  if (e.kind != attr_instance_dict) return 1;
  dict_object** slot = dict_slot(obj);  // never null for this kind: the fill saw t->dict_offset
  if (!slot) return 1;
  dict_object* d = instance_dict_made(obj.obj(), slot);
  return d ? dict_set(value::from(d), name, v) : -1;
}

void fill_setattr_cache(attr_cache_entry& c, value obj, value name) {
  type_object* t = type_of(obj);
  attr_snapshot e{t, type_generation.load(std::memory_order_acquire), nullptr, 0, attr_generic, 0};
  value found;
  if (interned(name) && name != SPECIAL("__class__") && writes_generically(t, name, &found)) {
    if (found && type_of(found) == &member_type && is_instance(obj, static_cast<member_object*>(found.obj())->owner)) {
      e.kind = attr_slot;
      e.found = found.obj();
    } else if (store_goes_to_instance_dict(t, found)) {
      e.kind = attr_instance_dict;
    }
  }
  store_fill(c, e);
}

/// The qualified name of a type as repr prints it ("__main__.Point").
std::string type_display_name(const type_object* t) { return qualified_name(t); }

/// ... and as tracebacks print it: __main__'s and builtins' classes bare
/// (CPython's traceback.TracebackException).
std::string exception_type_name(const type_object* t) {
  return t->module == "__main__" ? t->qualname : qualified_name(t);
}

value construct_deque_value(const value* args, std::size_t nargs, value kwnames);  // collections.cpp
bool is_deque_type(const type_object* t);
value construct_rlock(const value* args, std::size_t nargs, value kwnames);  // threads.cpp
bool is_rlock_type(const type_object* t);

constructor_fn class_constructor(const type_object* t) {
  if (is_deque_type(t)) return construct_deque_value;
  if (is_rlock_type(t)) return construct_rlock;
  if (t == &property_type) return construct_property;
  if (t == &staticmethod_type) return construct_staticmethod;
  if (t == &classmethod_type) return construct_classmethod;
  if (t == &super_type) return construct_super;
  return nullptr;
}

void register_class_builtins(dict_object* builtins) {
  value d = value::from(builtins);
  dict_set(d, intern("object"), value::from(&object_type));
  dict_set(d, intern("property"), value::from(&property_type));
  dict_set(d, intern("staticmethod"), value::from(&staticmethod_type));
  dict_set(d, intern("classmethod"), value::from(&classmethod_type));
  dict_set(d, intern("super"), value::from(&super_type));
  value bc = make_builtin("__build_class__", build_class);
  dict_set(d, intern("__build_class__"), bc);
  decref(bc);
}

void init_classes() {
  init_type(object_type, "object", nullptr);
  object_type.basic_size = sizeof(object);
  init_type(method_type, "method", nullptr);
  method_type.dealloc = dealloc_method;
  method_type.traverse = traverse_method;
  method_type.call = method_call;
  method_type.repr = method_repr;
  method_type.getattr = method_getattr;
  method_type.compare = method_compare;
  method_type.hash = method_hash;
  for (type_object* t : {&staticmethod_type, &classmethod_type}) {
    init_type(*t, t == &staticmethod_type ? "staticmethod" : "classmethod", nullptr);
    t->dealloc = dealloc_wrapper;
    t->traverse = traverse_wrapper;
    t->getattr = wrapper_getattr;
  }
  staticmethod_type.call = staticmethod_call;
  init_type(property_type, "property", nullptr);
  property_type.dealloc = dealloc_property;
  property_type.traverse = traverse_property;
  property_type.getattr = property_getattr;
  init_type(member_type, "member_descriptor", nullptr);
  member_type.dealloc = dealloc_member;
  member_type.repr = member_repr;
  init_type(super_type, "super", nullptr);
  super_type.dealloc = dealloc_super;
  super_type.getattr = super_getattr;
  super_type.repr = super_repr;
  init_type(descriptor_type, "method_descriptor", nullptr);
  descriptor_type.dealloc = dealloc_descriptor;
  descriptor_type.call = descriptor_call;
  descriptor_type.repr = descriptor_repr;
}

/// After every built-in type is set up: the dunder wrappers of their slots,
/// and __init__ of the subclassable ones.
void finish_builtin_types() {
  // Methods are added only now: a dict keyed by strs needs str's hash,
  // which init_strings sets up after init_classes.
  add_method(object_type, "__new__", object_new);
  add_method(object_type, "__init__", object_init);
  add_method(object_type, "__setattr__", object_setattr_method);
  add_method(object_type, "__delattr__", object_delattr_method);
  add_method(object_type, "__getattribute__", object_getattribute_method);
  add_class_method(object_type, "__init_subclass__", object_init_subclass);
  add_class_method(object_type, "__subclasshook__", object_subclasshook);
  add_method(object_type, "__format__", object_format);
  add_method(object_type, "__repr__", wrap_repr);
  add_method(object_type, "__str__", wrap_str);
  add_method(object_type, "__hash__", wrap_hash);
  add_method(object_type, "__eq__", wrap_compare<0>);
  add_method(object_type, "__ne__", wrap_compare<1>);
  // type's own methods: found on a class through its metaclass
  // (type_getattr, generic_getattr), and by a metaclass's super().
  add_method(type_type, "__new__", type_new);
  add_method(type_type, "__init__", type_init);
  add_method(type_type, "__call__", type_call_method);
  add_class_method(type_type, "__prepare__", type_prepare);
  add_method(type_type, "__instancecheck__", type_instancecheck);
  add_method(type_type, "__subclasscheck__", type_subclasscheck);
  add_method(type_type, "mro", type_mro);

  add_method(property_type, "getter", property_getter);
  add_method(property_type, "setter", property_setter);
  add_method(property_type, "deleter", property_deleter);
  for (type_object* t : {&property_type, &member_type}) {
    add_method(*t, "__get__", descr_get_method);
    add_method(*t, "__set__", descr_set_method);
    add_method(*t, "__delete__", descr_delete_method);
  }
  for (type_object* t : {&function_type, &staticmethod_type, &classmethod_type}) add_method(*t, "__get__", descr_get_method);
  for (type_object* t : {&int_type, &float_type, &str_type, &bytes_type, &tuple_type, &list_type, &dict_type,
                         &set_type, &frozenset_type, &range_type, &exc_BaseException}) {
    add_slot_wrappers(*t);
  }
  list_type.basic_size = sizeof(list_object);
  dict_type.basic_size = sizeof(dict_object);
#define GILLAB_EXC_SIZE(name, base) exc_##name.basic_size = sizeof(exception_object);
  GILLAB_EXCEPTION_TYPES(GILLAB_EXC_SIZE)
#undef GILLAB_EXC_SIZE
  add_method(exc_BaseException, "__init__", exception_init);
  add_method(list_type, "__init__", list_init);
  add_method(tuple_type, "__new__", tuple_new);
  tuple_type.basic_size = sizeof(tuple_object);
  add_method(dict_type, "__init__", dict_init);
}

GILLAB_RUNTIME_NAMESPACE_END
