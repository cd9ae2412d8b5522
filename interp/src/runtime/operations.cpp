// operations.cpp — the object protocol: slot dispatch with CPython's rules
// (reflected binary operators, comparison fallbacks, identity before
// equality in containers, "unsupported operand type(s)" messages).
#include "operations.hpp"
#include "dict.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>

#include <algorithm>
#include <vector>

#include <limits>
#include <stdexcept>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {
thread_local std::vector<const object*> reprs_running;
}  // namespace

repr_guard::repr_guard(const object* o) : o_(o) {
  recursive_ = std::find(reprs_running.begin(), reprs_running.end(), o) != reprs_running.end();
  if (!recursive_) reprs_running.push_back(o);
}

repr_guard::~repr_guard() {
  if (!recursive_) reprs_running.pop_back();
}

value op_repr(value v) {
  type_object* t = type_of(v);
  if (t->repr) return t->repr(v);
  char buf[96];
  std::snprintf(buf, sizeof buf, "<%s object at %p>", t->name, static_cast<void*>(v.obj()));
  return make_str(buf);
}

value op_str(value v) {
  type_object* t = type_of(v);
  if (t->str) return t->str(v);
  return op_repr(v);
}

bool op_hash(value v, std::int64_t* out) {
  type_object* t = type_of(v);
  if (v.is_small()) {
    *out = hash_small_int(v.small_int());
    return true;
  }
  if (t->hash) return t->hash(v, out);
  if (t == &list_type || t == &dict_type || t == &set_type) {
    raise_type_error(std::string("unhashable type: '") + t->name + "'");
    return false;
  }
  // Identity hash, as object.__hash__.
  *out = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.obj()) >> 4);
  return true;
}

namespace {

const char* cmp_symbol(int op) { return ast::to_string(static_cast<ast::cmpop>(op)); }

int swapped(int op) {
  switch (static_cast<ast::cmpop>(op)) {
    case ast::cmpop::lt: return static_cast<int>(ast::cmpop::gt);
    case ast::cmpop::le: return static_cast<int>(ast::cmpop::ge);
    case ast::cmpop::gt: return static_cast<int>(ast::cmpop::lt);
    case ast::cmpop::ge: return static_cast<int>(ast::cmpop::le);
    default: return op;
  }
}

}  // namespace

value op_compare(value a, value b, int op) {
  if (a.is_small() && b.is_small()) {
    const std::int64_t x = a.small_int(), y = b.small_int();
    switch (static_cast<ast::cmpop>(op)) {
      case ast::cmpop::eq: return boolean(x == y);
      case ast::cmpop::ne: return boolean(x != y);
      case ast::cmpop::lt: return boolean(x < y);
      case ast::cmpop::le: return boolean(x <= y);
      case ast::cmpop::gt: return boolean(x > y);
      case ast::cmpop::ge: return boolean(x >= y);
      default: break;
    }
  }
  type_object* ta = type_of(a);
  type_object* tb = type_of(b);
  // A right operand of a Python subclass of the left's type has its
  // reflected comparison tried first (CPython's checked_reverse_op).
  const bool reflected_first = tb != ta && tb->heap && tb->compare && is_subtype(tb, ta);
  if (reflected_first) {
    value r = tb->compare(b, a, swapped(op));
    if (!r || !(r == not_implemented())) return r;
  }
  if (ta->compare) {
    value r = ta->compare(a, b, op);
    if (!r || !(r == not_implemented())) return r;
  }
  // The reflected method, also for two instances of one class (a < b may
  // be answered by b.__gt__(a)), as CPython's do_richcompare.
  if (!reflected_first && tb->compare && (tb != ta || ta->heap)) {
    value r = tb->compare(b, a, swapped(op));
    if (!r || !(r == not_implemented())) return r;
  }
  const auto c = static_cast<ast::cmpop>(op);
  if (c == ast::cmpop::eq) return boolean(a == b);
  if (c == ast::cmpop::ne) return boolean(!(a == b));
  return raise_type_error(std::string("'") + cmp_symbol(op) + "' not supported between instances of '" + ta->name +
                          "' and '" + tb->name + "'");
}

int op_equal(value a, value b) {
  if (a == b) return 1;
  ref r(op_compare(a, b, static_cast<int>(ast::cmpop::eq)));
  if (!r) return -1;
  return op_truth(r.get());
}

value op_binary(value a, value b, int op) {
  type_object* ta = type_of(a);
  type_object* tb = type_of(b);
  // A right operand whose class is a Python subclass of the left's built-in
  // type goes first (CPython's binary_op1), so `{} | D()` reaches D's
  // __ror__ before dict's |. (Two classes share heap_binary, which applies
  // the rule itself; an in-place operator tries the left first, as CPython.)
  const bool right_first = !(op & 16) && tb->heap && tb != ta && tb->binary && tb->binary != ta->binary && is_subtype(tb, ta);
  if (right_first) {
    value r = tb->binary(a, b, op);
    if (!r || !(r == not_implemented())) return r;
  }
  if (ta->binary) {
    value r = ta->binary(a, b, op);
    if (!r || !(r == not_implemented())) return r;
  }
  // A slot shared by both types has already tried both directions.
  if (!right_first && tb != ta && tb->binary && tb->binary != ta->binary) {
    value r = tb->binary(a, b, op);
    if (!r || !(r == not_implemented())) return r;
  }
  const bool inplace = op & 16;
  const auto o = static_cast<ast::binop>(op & 15);
  if (o == ast::binop::mul) {
    // A sequence times a non-int: CPython's sequence-repeat message.
    auto is_sequence = [](type_object* t) {
      return is_subtype(t, &list_type) || is_subtype(t, &tuple_type) || t == &str_type || t == &bytes_type;
    };
    if (is_sequence(ta) || is_sequence(tb)) {
      type_object* other = is_sequence(ta) ? tb : ta;
      return raise_type_error(std::string("can't multiply sequence by non-int of type '") + other->name + "'");
    }
  }
  if (o == ast::binop::add && (ta == &list_type || ta == &tuple_type || ta == &str_type)) {  // CPython's sequence concat message
    return raise_type_error(std::string("can only concatenate ") + ta->name + " (not \"" + tb->name + "\") to " +
                            ta->name);
  }
  std::string sym = ast::to_string(o);
  if (inplace) sym += "=";
  if (o == ast::binop::pow && !inplace) sym = "** or pow()";
  return raise_type_error("unsupported operand type(s) for " + sym + ": '" + ta->name + "' and '" + tb->name + "'");
}

value op_unary(value v, int unaryop) {
  const auto u = static_cast<ast::unaryop>(unaryop);
  if (u == ast::unaryop::not_) {
    const int t = op_truth(v);
    if (t < 0) return value();
    return boolean(!t);
  }
  type_object* t = type_of(v);
  if (t->unary) {
    value r = t->unary(v, unaryop);
    if (!r || !(r == not_implemented())) return r;
  }
  const char* sym = u == ast::unaryop::neg ? "-" : u == ast::unaryop::pos ? "+" : "~";
  return raise_type_error(std::string("bad operand type for unary ") + sym + ": '" + t->name + "'");
}

int op_truth(value v) {
  if (v.is_small()) return v.small_int() != 0;
  object* o = v.obj();
  if (o == &true_object) return 1;
  if (o == &false_object || o == &none_object) return 0;
  type_object* t = o->type;
  if (t->truth) return t->truth(v);
  if (t->length) {
    const std::int64_t n = t->length(v);
    return n < 0 ? -1 : n != 0;
  }
  return 1;
}

std::int64_t op_length(value v) {
  type_object* t = type_of(v);
  if (t->length) return t->length(v);
  raise_type_error(std::string("object of type '") + t->name + "' has no len()");
  return -1;
}

value op_getitem(value container, value key) {
  type_object* t = type_of(container);
  if (t->getitem) return t->getitem(container, key);
  return raise_type_error(std::string("'") + t->name + "' object is not subscriptable");
}

int op_setitem(value container, value key, value v) {
  type_object* t = type_of(container);
  if (t->setitem) return t->setitem(container, key, v);
  raise_type_error(std::string("'") + t->name + (v ? "' object does not support item assignment" : "' object doesn't support item deletion"));
  return -1;
}

int op_contains(value container, value item) {
  type_object* t = type_of(container);
  if (t->contains) return t->contains(container, item);
  if (t->iter) {
    ref it(op_iter(container));
    if (!it) return -1;
    for (;;) {
      ref x(op_next(it.get()));
      if (!x) return error_pending() ? -1 : 0;
      const int eq = op_equal(x.get(), item);
      if (eq != 0) return eq;
    }
  }
  raise_type_error(std::string("argument of type '") + t->name + "' is not iterable");
  return -1;
}

value op_iter(value v) {
  type_object* t = type_of(v);
  if (t->iter) return t->iter(v);
  return raise_type_error(std::string("'") + t->name + "' object is not iterable");
}

value op_next(value iterator) {
  type_object* t = type_of(iterator);
  if (t->next) return t->next(iterator);
  return raise_type_error(std::string("'") + t->name + "' object is not an iterator");
}

value op_call(value callable, const value* args, std::size_t nargs, value kwnames) {
  type_object* t = type_of(callable);
  if (t->call) return t->call(callable, args, nargs, kwnames);
  return raise_type_error(std::string("'") + t->name + "' object is not callable");
}

value op_getattr(value v, value name) {
  type_object* t = type_of(v);
  if (t->getattr) {
    value r = t->getattr(v, name);
    if (r || error_pending()) return r;
  }
  // Methods of built-in types: bind to the receiver.
  for (type_object* k : t->mro) {
    if (!k->dict) continue;
    value m = dict_get(value::from(k->dict), name);
    if (m) {
      auto* b = static_cast<builtin_function_object*>(m.obj());
      if (type_of(m) == &builtin_function_type && !b->self) {
        return bind_builtin(b, (b->flags & flag_class_method) ? value::from(t) : v);
      }
      return newref(m);
    }
  }
  if (str_of(name) == "__class__") return newref(value::from(t));
  if (t == &module_type) {
    auto* mod = static_cast<module_object*>(v.obj());
    return raise(&exc_AttributeError, "module '" + str_of(mod->name) + "' has no attribute '" + str_of(name) + "'");
  }
  if (is_type(v)) {
    return raise(&exc_AttributeError, std::string("type object '") + static_cast<type_object*>(v.obj())->name +
                                          "' has no attribute '" + str_of(name) + "'");
  }
  return raise(&exc_AttributeError, std::string("'") + t->name + "' object has no attribute '" + str_of(name) + "'");
}

int op_setattr(value v, value name, value x) {
  type_object* t = type_of(v);
  if (t->setattr) return t->setattr(v, name, x);
  if (t == &module_type) {
    auto* mod = static_cast<module_object*>(v.obj());
    if (x) return dict_set(value::from(mod->dict), name, x);
    return dict_del(value::from(mod->dict), name);
  }
  if (t->dict && dict_get(value::from(t->dict), name)) {
    raise(&exc_AttributeError, std::string("'") + t->name + "' object attribute '" + str_of(name) + "' is read-only");
  } else {
    raise(&exc_AttributeError, std::string("'") + t->name + "' object has no attribute '" + str_of(name) + "'");
  }
  return -1;
}

value comparison_result(std::int64_t c, int cmp) {
  switch (static_cast<ast::cmpop>(cmp)) {
    case ast::cmpop::eq: return boolean(c == 0);
    case ast::cmpop::ne: return boolean(c != 0);
    case ast::cmpop::lt: return boolean(c < 0);
    case ast::cmpop::le: return boolean(c <= 0);
    case ast::cmpop::gt: return boolean(c > 0);
    case ast::cmpop::ge: return boolean(c >= 0);
    default: return not_implemented();
  }
}

value match_affix(std::string_view s, value arg, bool starts, const type_object* type, const char* method) {
  auto test = [&](value p) -> int {
    if (type_of(p) != type) {
      raise_type_error(std::string(method) + " first arg must be " + type->name + " or a tuple of " + type->name +
                       ", not " + type_name(p));
      return -1;
    }
    const std::string_view a = type == &str_type ? std::string_view(as_str(p)->utf8)
                                                 : std::string_view(static_cast<bytes_object*>(p.obj())->bytes);
    if (a.size() > s.size()) return 0;
    return starts ? s.substr(0, a.size()) == a : s.substr(s.size() - a.size()) == a;
  };
  if (type_of(arg) == &tuple_type) {
    for (std::size_t i = 0; i < as_tuple(arg)->size; ++i) {
      const int r = test(as_tuple(arg)->items[i]);
      if (r) return r < 0 ? value() : true_value();
    }
    return false_value();
  }
  const int r = test(arg);
  return r < 0 ? value() : boolean(r);
}

int repeat_count(value n, std::int64_t* out) {
  if (as_int64(n, out)) return 1;
  if (type_of(n) != &int_type) return 0;
  const big_int& b = static_cast<big_int_object*>(n.obj())->v;
  if (b < std::numeric_limits<std::int64_t>::min() || b > std::numeric_limits<std::int64_t>::max()) {
    raise(&exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (b < 0) {
    *out = 0;
    return 1;
  }
  raise(&exc_MemoryError, "");  // at least 2^62 items
  return -1;
}

bool collect_at_most(value iterable, std::vector<value>& out, std::size_t limit) {
  type_object* t = type_of(iterable);
  if (t == &tuple_type || t == &list_type) return collect(iterable, out);  // finite, and cheap
  ref it(op_iter(iterable));
  if (!it) return false;
  while (out.size() < limit) {
    value x = op_next(it.get());
    if (!x) return !error_pending();
    out.push_back(x);
  }
  return true;
}

bool collect(value iterable, std::vector<value>& out) {
  type_object* t = type_of(iterable);
  if (t == &tuple_type) {
    for (std::size_t i = 0; i < as_tuple(iterable)->size; ++i) out.push_back(newref(as_tuple(iterable)->items[i]));
    return true;
  }
  if (t == &list_type) {
    // A snapshot under the list's read section (no iterator object).
    backend::read_section guard(current_thread().backend_state, iterable.obj()->header);
    const auto& items = as_list(iterable)->items;
    out.reserve(out.size() + items.size());
    for (value x : items) out.push_back(newref(x));
    return true;
  }
  if (t->length && !t->heap) {  // a class's __len__ is user code: no hint taken
    // Size up front when the length is known: list(range(10**12)) is then
    // a MemoryError at once, as in CPython, not a slow march through RAM.
    const std::int64_t n = t->length(iterable);
    if (n < 0) return false;
    // Past 2^36 items (512 GiB of references) no machine here has the
    // memory: say so without asking the allocator (ASan's aborts instead of
    // failing on sizes beyond its limit).
    if (n > (std::int64_t{1} << 36)) {
      raise(&exc_MemoryError, "");
      return false;
    }
    try {
      out.reserve(out.size() + static_cast<std::size_t>(n));
    } catch (const std::exception&) {  // length_error or bad_alloc
      raise(&exc_MemoryError, "");
      return false;
    }
  }
  ref it(op_iter(iterable));
  if (!it) return false;
  const std::size_t first = out.size();
  for (;;) {
    value x = op_next(it.get());
    if (x) {
      out.push_back(x);
      continue;
    }
    if (!error_pending()) return true;
    // The iterator raised: what this call gathered goes, so no caller can leak it.
    for (std::size_t i = first; i < out.size(); ++i) decref(out[i]);
    out.resize(first);
    return false;
  }
}

GILLAB_RUNTIME_NAMESPACE_END
