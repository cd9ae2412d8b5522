// collections.cpp — the `_collections` module: deque, in C++ as in CPython,
// because queue.SimpleQueue and producer/consumer programs rely on
// append/popleft being one indivisible operation from Python's view (one
// call, under the object's write section), which a deque written in Python
// could not be under a back-end that switches threads between bytecodes.
// collections.py (interp/lib) re-exports it beside defaultdict, Counter,
// OrderedDict and namedtuple.
//
// Invariants: items holds strong references; maxlen >= 0 bounds the size
// (-1: unbounded), discarding from the other end as CPython's deque does;
// `state` changes on every mutation so a running iterator notices.
#include "transaction.hpp"
#include "dict.hpp"
#include "eval.hpp"
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>

#include <algorithm>
#include <deque>
#include <functional>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

backend::thread_state& bts() { return current_thread().backend_state; }

type_object deque_type, deque_iterator_type;

struct deque_object : object {
  std::deque<value> items;
  std::int64_t maxlen = -1;
  std::uint64_t state = 0;
};
struct deque_iterator_object : object {
  value deque;
  std::size_t index = 0;
  std::uint64_t state = 0;
  bool reversed = false;
};

deque_object* as_deque(value v) { return static_cast<deque_object*>(v.obj()); }

#if GILLAB_RESTARTABLE
/// stm: a deque's items and state, as a transaction found them.
struct deque_image final : pooled_image<deque_image> {
  std::deque<value> items;
  std::int64_t maxlen = -1;
  std::uint64_t state = 0;
  void clear() { items.clear(); }
  void restore(object* o) override {
    auto* d = static_cast<deque_object*>(o);
    d->items = std::move(items);
    d->maxlen = maxlen;
    d->state = state;
  }
};
void save_deque(object* o) {
  auto* d = static_cast<deque_object*>(o);
  auto image = deque_image::take();
  image->items = d->items;
  image->maxlen = d->maxlen;
  image->state = d->state;
  push_undo(o, std::move(image));
}
#endif

std::size_t nkw(value kwnames) { return kwnames ? as_tuple(kwnames)->size : 0; }

bool count_ok(const char* name, std::size_t nargs, std::size_t lo, std::size_t hi) {
  if (nargs < lo || nargs > hi) {
    if (lo == hi) {
      raise_type_error(std::string(name) + "() takes exactly " + std::to_string(lo) + " argument" +
                       (lo == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
    } else {
      raise_type_error(std::string(name) + " expected at most " + std::to_string(hi) + " argument" +
                       (hi == 1 ? "" : "s") + ", got " + std::to_string(nargs));
    }
    return false;
  }
  return true;
}

// Appends at one end, dropping from the other past maxlen; returns the
// dropped item (to release outside the section) or null.
value push(deque_object* d, value x, bool left) {
  value dropped;
  if (d->maxlen == 0) return newref(x);  // a zero-length deque keeps nothing
  if (left) {
    d->items.push_front(newref(x));
    if (d->maxlen >= 0 && static_cast<std::int64_t>(d->items.size()) > d->maxlen) {
      dropped = d->items.back();
      d->items.pop_back();
    }
  } else {
    d->items.push_back(newref(x));
    if (d->maxlen >= 0 && static_cast<std::int64_t>(d->items.size()) > d->maxlen) {
      dropped = d->items.front();
      d->items.pop_front();
    }
  }
  ++d->state;
  return dropped;
}

value deque_append_impl(value self, value x, bool left) {
  value dropped;
  {
    backend::write_section guard(bts(), self.obj()->header);
    dropped = push(as_deque(self), x, left);
  }
  xdecref(dropped);
  return none();
}

value deque_append(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("append", kwnames) || !count_ok("deque.append", nargs, 1, 1)) return value();
  return deque_append_impl(self, args[0], false);
}
value deque_appendleft(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("appendleft", kwnames) || !count_ok("deque.appendleft", nargs, 1, 1)) return value();
  return deque_append_impl(self, args[0], true);
}

value deque_pop_impl(value self, bool left) {
  backend::write_section guard(bts(), self.obj()->header);
  deque_object* d = as_deque(self);
  if (d->items.empty()) return raise(&exc_IndexError, "pop from an empty deque");
  value v;
  if (left) {
    v = d->items.front();
    d->items.pop_front();
  } else {
    v = d->items.back();
    d->items.pop_back();
  }
  ++d->state;
  return v;
}
value deque_pop(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("pop", kwnames) || !count_ok("deque.pop", nargs, 0, 0)) return value();
  return deque_pop_impl(self, false);
}
value deque_popleft(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("popleft", kwnames) || !count_ok("deque.popleft", nargs, 0, 0)) return value();
  return deque_pop_impl(self, true);
}

value deque_extend_impl(value self, value iterable, bool left) {
  std::vector<value> items;  // collected first: extending by itself is allowed
  if (!collect(iterable, items)) return value();
  std::vector<value> dropped;
  {
    backend::write_section guard(bts(), self.obj()->header);
    for (value x : items) {
      if (value d = push(as_deque(self), x, left)) dropped.push_back(d);
    }
  }
  for (value x : items) decref(x);
  for (value x : dropped) decref(x);
  return none();
}
value deque_extend(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("extend", kwnames) || !count_ok("deque.extend", nargs, 1, 1)) return value();
  return deque_extend_impl(self, args[0], false);
}
value deque_extendleft(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("extendleft", kwnames) || !count_ok("deque.extendleft", nargs, 1, 1)) return value();
  return deque_extend_impl(self, args[0], true);
}

value deque_clear(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("clear", kwnames) || !count_ok("deque.clear", nargs, 0, 0)) return value();
  std::deque<value> old;
  {
    backend::write_section guard(bts(), self.obj()->header);
    old.swap(as_deque(self)->items);
    ++as_deque(self)->state;
  }
  for (value x : old) decref(x);
  return none();
}

value deque_rotate(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("rotate", kwnames) || !count_ok("deque.rotate", nargs, 0, 1)) return value();
  std::int64_t n = 1;
  if (nargs && !as_int64(args[0], &n)) {
    return raise_type_error(std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  }
  backend::write_section guard(bts(), self.obj()->header);
  deque_object* d = as_deque(self);
  const auto size = static_cast<std::int64_t>(d->items.size());
  if (size < 2) return none();
  n %= size;
  if (n < 0) n += size;
  // Rotating right by n: the last n items move to the front.
  std::rotate(d->items.begin(), d->items.end() - n, d->items.end());
  ++d->state;
  return none();
}

value deque_snapshot_op(value self, const std::function<value(const std::vector<value>&)>& f) {
  std::vector<value> items;
  {
    backend::read_section guard(bts(), self.obj()->header);
    items.assign(as_deque(self)->items.begin(), as_deque(self)->items.end());
    for (value x : items) incref(x);
  }
  value r = f(items);
  for (value x : items) decref(x);
  return r;
}

value deque_count(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("count", kwnames) || !count_ok("deque.count", nargs, 1, 1)) return value();
  return deque_snapshot_op(self, [&](const std::vector<value>& items) -> value {
    std::int64_t n = 0;
    for (value x : items) {
      const int eq = op_equal(x, args[0]);
      if (eq < 0) return value();
      n += eq;
    }
    return make_int(n);
  });
}

value deque_index(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("index", kwnames) || !count_ok("deque.index", nargs, 1, 1)) return value();
  return deque_snapshot_op(self, [&](const std::vector<value>& items) -> value {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const int eq = op_equal(items[i], args[0]);
      if (eq < 0) return value();
      if (eq) return make_int(static_cast<std::int64_t>(i));
    }
    ref r(op_repr(args[0]));
    if (!r) return value();
    return raise(&exc_ValueError, str_of(r.get()) + " is not in deque");
  });
}

value deque_remove(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("remove", kwnames) || !count_ok("deque.remove", nargs, 1, 1)) return value();
  ref at(deque_index(self, args, nargs, kwnames));
  if (!at) {
    if (pending_matches(&exc_ValueError)) {
      clear_pending();
      return raise(&exc_ValueError, "deque.remove(x): x not in deque");
    }
    return value();
  }
  value removed;
  {
    backend::write_section guard(bts(), self.obj()->header);
    deque_object* d = as_deque(self);
    const auto i = static_cast<std::size_t>(at.get().small_int());
    if (i < d->items.size()) {
      removed = d->items[i];
      d->items.erase(d->items.begin() + static_cast<std::ptrdiff_t>(i));
      ++d->state;
    }
  }
  xdecref(removed);
  return none();
}

value deque_reverse(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("reverse", kwnames) || !count_ok("deque.reverse", nargs, 0, 0)) return value();
  backend::write_section guard(bts(), self.obj()->header);
  std::reverse(as_deque(self)->items.begin(), as_deque(self)->items.end());
  ++as_deque(self)->state;
  return none();
}

value make_deque(std::int64_t maxlen) {
  auto* d = make<deque_object>(&deque_type);
  d->maxlen = maxlen;
  return value::from(d);
}

value deque_copy(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("copy", kwnames) || !count_ok("deque.copy", nargs, 0, 0)) return value();
  value r = make_deque(as_deque(self)->maxlen);
  backend::read_section guard(bts(), self.obj()->header);
  for (value x : as_deque(self)->items) as_deque(r)->items.push_back(newref(x));
  return r;
}

value deque_insert(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("insert", kwnames) || !count_ok("deque.insert", nargs, 2, 2)) return value();
  std::int64_t i = 0;
  if (!as_int64(args[0], &i)) return raise_type_error("an integer is required");
  backend::write_section guard(bts(), self.obj()->header);
  deque_object* d = as_deque(self);
  if (d->maxlen >= 0 && static_cast<std::int64_t>(d->items.size()) >= d->maxlen) {
    return raise(&exc_IndexError, "deque already at its maximum size");
  }
  const auto size = static_cast<std::int64_t>(d->items.size());
  if (i < 0) i = std::max<std::int64_t>(0, i + size);
  i = std::min(i, size);
  d->items.insert(d->items.begin() + i, newref(args[1]));
  ++d->state;
  return none();
}

bool deque_position(value self, value key, std::size_t* out) {
  std::int64_t i = 0;
  if (!as_int64(key, &i)) {
    raise_type_error(std::string("sequence index must be integer, not '") + type_name(key) + "'");
    return false;
  }
  const auto size = static_cast<std::int64_t>(as_deque(self)->items.size());
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    raise(&exc_IndexError, "deque index out of range");
    return false;
  }
  *out = static_cast<std::size_t>(i);
  return true;
}

value deque_getitem(value self, value key) {
  backend::read_section guard(bts(), self.obj()->header);
  std::size_t i = 0;
  if (!deque_position(self, key, &i)) return value();
  return newref(as_deque(self)->items[i]);
}

int deque_setitem(value self, value key, value v) {
  value old;
  {
    backend::write_section guard(bts(), self.obj()->header);
    std::size_t i = 0;
    if (!deque_position(self, key, &i)) return -1;
    deque_object* d = as_deque(self);
    old = d->items[i];
    if (v) {
      d->items[i] = newref(v);
    } else {
      d->items.erase(d->items.begin() + static_cast<std::ptrdiff_t>(i));
      ++d->state;
    }
  }
  decref(old);
  return 0;
}

std::int64_t deque_length(value self) {
  backend::read_section guard(bts(), self.obj()->header);
  return static_cast<std::int64_t>(as_deque(self)->items.size());
}

int deque_contains(value self, value x) {
  ref r(deque_snapshot_op(self, [&](const std::vector<value>& items) -> value {
    for (value y : items) {
      const int eq = op_equal(y, x);
      if (eq != 0) return eq < 0 ? value() : true_value();
    }
    return false_value();
  }));
  if (!r) return -1;
  return r.get() == true_value();
}

value deque_repr(value self) {
  repr_guard guard_recursion(self.obj());
  if (guard_recursion.recursive()) return make_str("[...]");
  return deque_snapshot_op(self, [&](const std::vector<value>& items) -> value {
    std::string s = std::string(type_name(self)) + "([";
    for (std::size_t i = 0; i < items.size(); ++i) {
      ref r(op_repr(items[i]));
      if (!r) return value();
      if (i) s += ", ";
      s += str_of(r.get());
    }
    s += "]";
    if (as_deque(self)->maxlen >= 0) s += ", maxlen=" + std::to_string(as_deque(self)->maxlen);
    return make_str(s + ")");
  });
}

value deque_compare(value a, value b, int op) {
  if (!is_instance(b, &deque_type)) return not_implemented();
  ref la(deque_snapshot_op(a, [](const std::vector<value>& items) {
    value l = make_list();
    for (value x : items) as_list(l)->items.push_back(newref(x));
    return l;
  }));
  ref lb(deque_snapshot_op(b, [](const std::vector<value>& items) {
    value l = make_list();
    for (value x : items) as_list(l)->items.push_back(newref(x));
    return l;
  }));
  return op_compare(la.get(), lb.get(), op);
}

value deque_binary(value a, value b, int op) {
  const auto o = static_cast<ast::binop>(op & 15);
  if (o == ast::binop::add && is_instance(a, &deque_type) && is_instance(b, &deque_type)) {
    if (op & 16) {
      ref r(deque_extend_impl(a, b, false));
      return r ? newref(a) : value();
    }
    ref c(deque_copy(a, nullptr, 0, value()));
    if (!c) return value();
    ref r(deque_extend_impl(c.get(), b, false));
    return r ? c.release() : value();
  }
  return not_implemented();
}

void dealloc_deque(object* o) {
  auto* d = static_cast<deque_object*>(o);
  for (value x : d->items) decref(x);
  d->~deque_object();
  free_object_memory(o);
}
void traverse_deque(object* o, void (*visit)(value, void*), void* arg) {
  for (value x : static_cast<deque_object*>(o)->items) visit(x, arg);
}
void clear_deque(object* o) { decref(deque_clear(value::from(o), nullptr, 0, value())); }

value deque_iter_impl(value self, bool reversed) {
  auto* it = make<deque_iterator_object>(&deque_iterator_type);
  it->deque = newref(self);
  it->reversed = reversed;
  backend::read_section guard(bts(), self.obj()->header);
  it->state = as_deque(self)->state;
  return value::from(it);
}
value deque_iter(value self) { return deque_iter_impl(self, false); }
value deque_reversed(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("__reversed__", kwnames) || !count_ok("__reversed__", nargs, 0, 0)) return value();
  return deque_iter_impl(self, true);
}

value deque_iterator_next(value v) {
  auto* it = static_cast<deque_iterator_object*>(v.obj());
  if (!it->deque) return value();
  before_write(it);  // stm: its index moves
  backend::read_section guard(bts(), it->deque.obj()->header);
  deque_object* d = as_deque(it->deque);
  if (d->state != it->state) return raise(&exc_RuntimeError, "deque mutated during iteration");
  if (it->index >= d->items.size()) return value();
  const std::size_t i = it->reversed ? d->items.size() - 1 - it->index : it->index;
  ++it->index;
  return newref(d->items[i]);
}

value iterator_self(value v) { return newref(v); }

void dealloc_deque_iterator(object* o) {
  xdecref(static_cast<deque_iterator_object*>(o)->deque);
  free_object_memory(o);
}

value construct_deque(const value* args, std::size_t nargs_all, value kwnames) {
  const std::size_t nargs = nargs_all - nkw(kwnames);  // keyword values follow the positional ones
  value iterable = nargs > 0 ? args[0] : value();
  value maxlen_v = nargs > 1 ? args[1] : value();
  for (std::size_t i = 0; i < nkw(kwnames); ++i) {
    const std::string k = str_of(as_tuple(kwnames)->items[i]);
    if (k == "maxlen") {
      maxlen_v = args[nargs + i];
    } else if (k == "iterable") {
      iterable = args[nargs + i];
    } else {
      return raise_type_error("deque() got an unexpected keyword argument '" + k + "'");
    }
  }
  if (nargs > 2) return raise_type_error("deque() takes at most 2 arguments (" + std::to_string(nargs) + " given)");
  std::int64_t maxlen = -1;
  if (maxlen_v && maxlen_v != none()) {
    if (!as_int64(maxlen_v, &maxlen)) return raise_type_error("an integer is required");
    if (maxlen < 0) return raise(&exc_ValueError, "maxlen must be non-negative");
  }
  ref d(make_deque(maxlen));
  if (iterable) {
    ref r(deque_extend_impl(d.get(), iterable, false));
    if (!r) return value();
  }
  return d.release();
}

value deque_maxlen_getattr(value v, value name) {
  if (str_of(name) == "maxlen") {
    const std::int64_t m = as_deque(v)->maxlen;
    return m < 0 ? none() : make_int(m);
  }
  return value();
}

}  // namespace

value collections_module() {
  static value m = [] {
    init_type(deque_type, "deque", nullptr);
    deque_type.module = "collections";
    deque_type.dealloc = dealloc_deque;
#if GILLAB_RESTARTABLE
    deque_type.save_undo = save_deque;
    set_image_size(deque_type, [](object* o) { return as_deque(value::from(o))->items.size() * sizeof(value); });
#endif
    deque_type.traverse = traverse_deque;
    deque_type.clear = clear_deque;
    deque_type.repr = deque_repr;
    deque_type.compare = deque_compare;
    deque_type.binary = deque_binary;
    deque_type.length = deque_length;
    deque_type.getitem = deque_getitem;
    deque_type.setitem = deque_setitem;
    deque_type.contains = deque_contains;
    deque_type.iter = deque_iter;
    deque_type.getattr = deque_maxlen_getattr;
    add_method(deque_type, "append", deque_append);
    add_method(deque_type, "appendleft", deque_appendleft);
    add_method(deque_type, "pop", deque_pop);
    add_method(deque_type, "popleft", deque_popleft);
    add_method(deque_type, "extend", deque_extend);
    add_method(deque_type, "extendleft", deque_extendleft);
    add_method(deque_type, "clear", deque_clear);
    add_method(deque_type, "rotate", deque_rotate);
    add_method(deque_type, "count", deque_count);
    add_method(deque_type, "index", deque_index);
    add_method(deque_type, "remove", deque_remove);
    add_method(deque_type, "reverse", deque_reverse);
    add_method(deque_type, "copy", deque_copy);
    add_method(deque_type, "insert", deque_insert);
    add_method(deque_type, "__reversed__", deque_reversed);
    add_method(deque_type, "__copy__", deque_copy);
    init_type(deque_iterator_type, "_collections._deque_iterator", nullptr);
    deque_iterator_type.dealloc = dealloc_deque_iterator;
    deque_iterator_type.save_undo = save_plain_fields<deque_iterator_object>;
    deque_iterator_type.iter = iterator_self;
    deque_iterator_type.next = deque_iterator_next;
    value mod = make_module("_collections");
    immortalize(mod);
    dict_set(value::from(static_cast<module_object*>(mod.obj())->dict), intern("deque"), value::from(&deque_type));
    return mod;
  }();
  return m;
}

/// deque(...) through type_call (constructor_of finds it here).
value construct_deque_value(const value* args, std::size_t nargs, value kwnames) {
  return construct_deque(args, nargs, kwnames);
}
bool is_deque_type(const type_object* t) { return t == &deque_type; }

GILLAB_RUNTIME_NAMESPACE_END
