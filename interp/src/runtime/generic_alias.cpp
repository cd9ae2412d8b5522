// generic_alias.cpp — the typing objects built from classes at run time:
//  - C[...]: a user class's __class_getitem__ (PEP 560), and for the
//    built-in containers a types.GenericAlias (PEP 585: list[int],
//    dict[str, tuple[int, ...]]), as CPython's Objects/genericaliasobject.c:
//    the repr Python prints, __origin__ and __args__, calling it makes the
//    origin, == and hash by both;
//  - X | Y: a types.UnionType (PEP 604: int | None), as CPython's
//    Objects/unionobject.c: arguments flattened and deduplicated in order,
//    None as NoneType, == as sets, and isinstance()/issubclass() accept it.
//
// Invariants: aliases and unions own their members (types are immortal)
// and are immutable, so they take no section. Subscripting an alias again
// (list[T][int]) is not supported; isinstance() against an alias is a
// TypeError, as in CPython.
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>

#include <cstdlib>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

type_object generic_alias_type;

struct generic_alias_object : object {
  value origin;  // a type
  value args;    // a tuple
};

generic_alias_object* as_alias(value v) { return static_cast<generic_alias_object*>(v.obj()); }

void dealloc_alias(object* o) {
  auto* a = static_cast<generic_alias_object*>(o);
  decref(a->origin);
  decref(a->args);
  free_object_memory(o);
}

// One argument as CPython's ga_repr_item writes it: a type by its
// (qualified) name, ... as itself, anything else by repr().
bool repr_item(value v, std::string& out) {
  if (v == value::from(&ellipsis_object)) {
    out += "...";
    return true;
  }
  if (is_type(v)) {
    auto* t = static_cast<type_object*>(v.obj());
    out += t->module == "builtins" || t->module.empty() ? t->qualname : t->module + "." + t->qualname;
    return true;
  }
  ref r(op_repr(v));
  if (!r) return false;
  out += str_of(r.get());
  return true;
}

value alias_repr(value v) {
  generic_alias_object* a = as_alias(v);
  std::string out;
  if (!repr_item(a->origin, out)) return value();
  out += '[';
  const tuple_object* args = as_tuple(a->args);
  if (args->size == 0) out += "()";
  for (std::size_t i = 0; i < args->size; ++i) {
    if (i) out += ", ";
    if (!repr_item(args->items[i], out)) return value();
  }
  out += ']';
  return make_str(out);
}

value alias_getattr(value v, value name) {
  generic_alias_object* a = as_alias(v);
  const std::string n = str_of(name);
  if (n == "__origin__") return newref(a->origin);
  if (n == "__args__") return newref(a->args);
  if (n == "__parameters__") return make_tuple(0);
  // Everything else is the origin's (list[int].append is list.append).
  return op_getattr(a->origin, name);
}

value alias_call(value v, const value* args, std::size_t nargs, value kwnames) {
  return op_call(as_alias(v)->origin, args, nargs, kwnames);
}

value alias_compare(value a, value b, int op) {
  if (type_of(b) != &generic_alias_type || (op != 0 && op != 1)) return not_implemented();
  if (as_alias(a)->origin != as_alias(b)->origin) return boolean(op == 1);
  ref same(op_compare(as_alias(a)->args, as_alias(b)->args, op));
  return same ? same.release() : value();
}

bool alias_hash(value v, std::int64_t* out) {
  std::int64_t h1 = 0, h2 = 0;
  if (!op_hash(as_alias(v)->origin, &h1) || !op_hash(as_alias(v)->args, &h2)) return false;
  *out = h1 ^ h2;
  if (*out == -1) *out = -2;
  return true;
}

value make_alias(value origin, value key) {
  auto* a = static_cast<generic_alias_object*>(allocate(&generic_alias_type, sizeof(generic_alias_object)));
  a->origin = newref(origin);
  a->args = type_of(key) == &tuple_type ? newref(key) : make_tuple({key});
  return value::from(a);
}

// The library classes that are generic (PEP 585's list, as far as gillab
// has them); a subclass of one is generic too (class L(list): L[int]).
bool generic_class(const type_object* t) {
  for (const type_object* k : t->mro) {
    if (k == &list_type || k == &dict_type || k == &tuple_type || k == &set_type || k == &frozenset_type ||
        k == &type_type) {
      return true;
    }
    const std::string_view name = k->name;
    if ((!k->heap || k->module == "collections") &&
        (name == "deque" || name == "defaultdict" || name == "OrderedDict" || name == "Counter")) {
      return true;
    }
  }
  return false;
}

value type_subscript(value cls, value key) {
  auto* t = static_cast<type_object*>(cls.obj());
  if (t->heap) {
    // __class_getitem__ is an implicit class method (PEP 560).
    if (value hook = type_lookup(t, intern("__class_getitem__"))) {
      if (type_of(hook) == &function_type) {
        value args[2] = {cls, key};
        return op_call(hook, args, 2);
      }
      ref bound(op_getattr(cls, intern("__class_getitem__")));
      if (!bound) return value();
      return op_call(bound.get(), &key, 1);
    }
    if (error_pending()) return value();
  }
  if (generic_class(t)) return make_alias(cls, key);
  return raise_type_error(std::string("type '") + t->name + "' is not subscriptable");
}

// ---- X | Y (PEP 604) ----

type_object union_type;

struct union_object : object {
  value args;  // a tuple of types and aliases, flattened, no duplicates
};

void dealloc_union(object* o) {
  decref(static_cast<union_object*>(o)->args);
  free_object_memory(o);
}

bool unionable(value v) {
  const type_object* t = type_of(v);
  return is_type(v) || t == &generic_alias_type || t == &union_type || v == none();
}

// Members compare as add_members merges them: types by identity, aliases
// by value (so int | list[int] equals itself rebuilt).
bool same_member(value a, value b) {
  if (a == b) return true;
  if (type_of(a) != &generic_alias_type || type_of(b) != &generic_alias_type) return false;
  ref same(alias_compare(a, b, 0));
  if (!same) {
    clear_pending();
    return false;
  }
  return same.get() == true_value();
}

// The members a union operand contributes, None as NoneType.
void add_members(value v, std::vector<value>& out) {
  if (type_of(v) == &union_type) {
    const tuple_object* args = as_tuple(static_cast<union_object*>(v.obj())->args);
    for (std::size_t i = 0; i < args->size; ++i) add_members(args->items[i], out);
    return;
  }
  const value member = v == none() ? value::from(&none_type) : v;
  for (value seen : out)
    if (same_member(seen, member)) return;
  out.push_back(member);
}

value union_or(value a, value b, int op) {
  if (static_cast<ast::binop>(op & 15) != ast::binop::bitor_ || !unionable(a) || !unionable(b)) {
    return not_implemented();
  }
  std::vector<value> members;
  add_members(a, members);
  add_members(b, members);
  if (members.size() == 1) return newref(members[0]);  // int | int is int
  auto* u = static_cast<union_object*>(allocate(&union_type, sizeof(union_object)));
  u->args = make_tuple(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) as_tuple(u->args)->items[i] = newref(members[i]);
  return value::from(u);
}

value union_repr(value v) {
  const tuple_object* args = as_tuple(static_cast<union_object*>(v.obj())->args);
  std::string out;
  for (std::size_t i = 0; i < args->size; ++i) {
    if (i) out += " | ";
    if (args->items[i] == value::from(&none_type)) {
      out += "None";
    } else if (!repr_item(args->items[i], out)) {
      return value();
    }
  }
  return make_str(out);
}

value union_getattr(value v, value name) {
  if (str_of(name) == "__args__") return newref(static_cast<union_object*>(v.obj())->args);
  if (str_of(name) == "__parameters__") return make_tuple(0);
  return value();
}

bool union_contains_all(value a, value b) {
  const tuple_object* x = as_tuple(static_cast<union_object*>(a.obj())->args);
  const tuple_object* y = as_tuple(static_cast<union_object*>(b.obj())->args);
  for (std::size_t i = 0; i < y->size; ++i) {
    bool found = false;
    for (std::size_t j = 0; j < x->size && !found; ++j) found = same_member(x->items[j], y->items[i]);
    if (!found) return false;
  }
  return true;
}

value union_compare(value a, value b, int op) {
  if (type_of(b) != &union_type || (op != 0 && op != 1)) return not_implemented();
  const bool equal = union_contains_all(a, b) && union_contains_all(b, a);
  return boolean(op == 0 ? equal : !equal);
}

bool union_hash(value v, std::int64_t* out) {
  // Order-free, as CPython hashes a frozenset of the members.
  const tuple_object* args = as_tuple(static_cast<union_object*>(v.obj())->args);
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (std::size_t i = 0; i < args->size; ++i) {
    std::int64_t m = 0;
    if (!op_hash(args->items[i], &m)) return false;
    h ^= static_cast<std::uint64_t>(m) * 0x100000001b3ULL;
  }
  *out = static_cast<std::int64_t>(h >> 1);
  return true;
}

}  // namespace

value union_members(value v) {
  return type_of(v) == &union_type ? static_cast<union_object*>(v.obj())->args : value();
}

bool is_generic_alias(value v) { return type_of(v) == &generic_alias_type; }

void init_generic_alias() {
  init_type(generic_alias_type, "types.GenericAlias", nullptr);
  generic_alias_type.dealloc = dealloc_alias;
  generic_alias_type.repr = alias_repr;
  generic_alias_type.getattr = alias_getattr;
  generic_alias_type.call = alias_call;
  generic_alias_type.compare = alias_compare;
  generic_alias_type.hash = alias_hash;
  type_type.getitem = type_subscript;
  init_type(union_type, "types.UnionType", nullptr);
  union_type.dealloc = dealloc_union;
  union_type.repr = union_repr;
  union_type.getattr = union_getattr;
  union_type.compare = union_compare;
  union_type.hash = union_hash;
  union_type.binary = union_or;
  generic_alias_type.binary = union_or;
  type_type.binary = union_or;
}

GILLAB_RUNTIME_NAMESPACE_END
