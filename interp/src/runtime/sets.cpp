// sets.cpp — set and frozenset on CPython's set table (Objects/setobject.c):
// open addressing with runs of LINEAR_PROBES adjacent slots before the
// perturbed jump, resize when 3/5 full, deleted slots kept as dummies. The
// same table algorithm gives the same iteration order as CPython wherever
// the hashes agree (ints, floats, bools, tuples of them); strings hash
// differently (CPython randomises them anyway).
//
// set is mutable: its table is accessed in the back-end's sections;
// frozenset is immutable and hashable.
#include "dict.hpp"
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>

#include <cstdlib>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

constexpr std::size_t min_size = 8;
constexpr std::size_t linear_probes = 9;
constexpr int perturb_shift = 5;

// The dummy marks a deleted slot; it is never a Python-visible value.
object dummy_marker;
value dummy() { return value::from(&dummy_marker); }

set_object* as_set(value v) { return static_cast<set_object*>(v.obj()); }
bool is_set_like(value v) { return type_of(v) == &set_type || type_of(v) == &frozenset_type; }
backend::thread_state& bts() { return current_thread().backend_state; }

// Finds `key`: returns the slot index, or -1 if absent (then *free_slot is
// where to insert), -2 on error.
std::int64_t lookup(set_object* s, value key, std::int64_t hash, std::size_t* free_slot) {
  const std::size_t mask = s->table.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  std::size_t perturb = static_cast<std::size_t>(hash);
  std::size_t freeslot = SIZE_MAX;
  for (;;) {
    std::size_t probes = (i + linear_probes <= mask) ? linear_probes : 0;
    std::size_t j = i;
    for (;;) {
      set_object::slot& e = s->table[j];
      if (!e.key) {
        *free_slot = freeslot != SIZE_MAX ? freeslot : j;
        return -1;
      }
      if (e.hash == hash && !(e.key == dummy())) {
        if (e.key == key) return static_cast<std::int64_t>(j);
        const int eq = op_equal(e.key, key);
        if (eq < 0) return -2;
        if (eq) return static_cast<std::int64_t>(j);
      } else if (e.hash == -1 && e.key == dummy() && freeslot == SIZE_MAX) {
        freeslot = j;
      }
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= perturb_shift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void insert_clean(std::vector<set_object::slot>& table, value key, std::int64_t hash) {
  const std::size_t mask = table.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  std::size_t perturb = static_cast<std::size_t>(hash);
  for (;;) {
    if (!table[i].key) {
      table[i] = {key, hash};
      return;
    }
    if (i + linear_probes <= mask) {
      for (std::size_t j = 1; j <= linear_probes; ++j) {
        if (!table[i + j].key) {
          table[i + j] = {key, hash};
          return;
        }
      }
    }
    perturb >>= perturb_shift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void resize(set_object* s, std::size_t minused) {
  std::size_t size = min_size;
  while (size <= minused) size <<= 1;
  std::vector<set_object::slot> table(size);
  for (const auto& e : s->table)
    if (e.key && !(e.key == dummy())) insert_clean(table, e.key, e.hash);
  s->table.swap(table);
  s->fill = s->used;
}

int add_entry(set_object* s, value key, std::int64_t hash) {
  std::size_t free_slot = 0;
  const std::int64_t ix = lookup(s, key, hash, &free_slot);
  if (ix == -2) return -1;
  if (ix >= 0) return 0;
  set_object::slot& e = s->table[free_slot];
  const bool was_dummy = static_cast<bool>(e.key);
  e = {newref(key), hash};
  ++s->used;
  if (was_dummy) return 0;
  ++s->fill;
  const std::size_t mask = s->table.size() - 1;
  if (s->fill * 5 < mask * 3) return 0;
  resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
  return 0;
}

void dealloc_set(object* o) {
  auto* s = static_cast<set_object*>(o);
  for (auto& e : s->table)
    if (e.key && !(e.key == dummy())) decref(e.key);
  s->~set_object();
  free_object_memory(o);
}
void traverse_set(object* o, void (*visit)(value, void*), void* arg) {
  for (const auto& e : static_cast<set_object*>(o)->table)
    if (e.key && !(e.key == dummy())) visit(e.key, arg);
}
void clear_set(object* o) {
  auto* s = static_cast<set_object*>(o);
  std::vector<set_object::slot> old(min_size);
  {
    backend::write_section guard(bts(), o->header);
    old.swap(s->table);
    s->fill = s->used = s->finger = 0;
  }
  for (auto& e : old)
    if (e.key && !(e.key == dummy())) decref(e.key);
}

}  // namespace

value make_set(type_object* type) {
  auto* s = make<set_object>(type);
  s->table.resize(min_size);
  return value::from(s);
}

int set_add(value set, value key) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return -1;
  backend::write_section guard(bts(), set.obj()->header);
  return add_entry(as_set(set), key, hash);
}

int set_contains(value set, value key) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) {
    // CPython: an unhashable set is looked up as the equivalent frozenset.
    return -1;
  }
  backend::read_section guard(bts(), set.obj()->header);
  std::size_t free_slot = 0;
  const std::int64_t ix = lookup(as_set(set), key, hash, &free_slot);
  return ix == -2 ? -1 : ix >= 0;
}

// 1 removed, 0 absent, -1 error.
int set_discard(value set, value key) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return -1;
  value old;
  {
    backend::write_section guard(bts(), set.obj()->header);
    set_object* s = as_set(set);
    std::size_t free_slot = 0;
    const std::int64_t ix = lookup(s, key, hash, &free_slot);
    if (ix < 0) return ix == -2 ? -1 : 0;
    set_object::slot& e = s->table[static_cast<std::size_t>(ix)];
    old = e.key;
    e = {dummy(), -1};
    --s->used;
  }
  decref(old);
  return 1;
}

/// Snapshot of the keys in iteration (slot) order; new references.
std::vector<value> set_items(value set) {
  std::vector<value> out;
  backend::read_section guard(bts(), set.obj()->header);
  for (const auto& e : as_set(set)->table)
    if (e.key && !(e.key == dummy())) out.push_back(newref(e.key));
  return out;
}

namespace {

// CPython's set_merge: another set's entries, in its slot order, after
// growing the table once for all of them.
void merge_from(set_object* s, const set_object* other) {
  if (other->used == 0) return;
  if ((s->fill + other->used) * 5 >= (s->table.size() - 1) * 3) resize(s, (s->used + other->used) * 2);
  if (s->fill == 0 && s->table.size() == other->table.size() && other->fill == other->used) {
    // Same size, no dummies: copy slot for slot.
    for (std::size_t i = 0; i < other->table.size(); ++i) {
      const auto& e = other->table[i];
      if (e.key) s->table[i] = {newref(e.key), e.hash};
    }
    s->fill = s->used = other->used;
    return;
  }
  if (s->fill == 0) {
    for (const auto& e : other->table) {
      if (!e.key || e.key == dummy()) continue;
      insert_clean(s->table, newref(e.key), e.hash);
    }
    s->fill = s->used = other->used;
    return;
  }
  for (const auto& e : other->table) {
    if (!e.key || e.key == dummy()) continue;
    add_entry(s, e.key, e.hash);  // equality of existing keys: may not fail for hashable keys of built-in types
  }
}

}  // namespace

int set_update(value set, value iterable) {
  if (is_set_like(iterable)) {
    if (iterable == set) return 0;
    backend::write_section2 guard(bts(), set.obj()->header, iterable.obj()->header);
    merge_from(as_set(set), as_set(iterable));
    return error_pending() ? -1 : 0;
  }
  std::vector<value> items;
  bool ok = collect(iterable, items);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (ok && set_add(set, items[i]) < 0) ok = false;
    decref(items[i]);
  }
  return ok ? 0 : -1;
}

namespace {

value set_repr(value v) {
  const bool frozen = type_of(v) == &frozenset_type;
  std::vector<value> items = set_items(v);
  if (items.empty()) return make_str(frozen ? "frozenset()" : "set()");
  std::string out = frozen ? "frozenset({" : "{";
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (ok) {
      ref r(op_repr(items[i]));
      if (!r) ok = false;
      else out += (i ? ", " : "") + str_of(r.get());
    }
    decref(items[i]);
  }
  if (!ok) return value();
  return make_str(out + (frozen ? "})" : "}"));
}

std::int64_t set_length(value v) {
  backend::read_section guard(bts(), v.obj()->header);
  return static_cast<std::int64_t>(as_set(v)->used);
}

int set_contains_slot(value v, value key) { return set_contains(v, key); }

value set_iter_step(iterator_object* it) {
  backend::read_section guard(bts(), it->seq.obj()->header);
  set_object* s = as_set(it->seq);
  if (s->used != static_cast<std::size_t>(it->limit)) {
    it->limit = -1;
    return raise(&exc_RuntimeError, "Set changed size during iteration");
  }
  while (static_cast<std::size_t>(it->index) < s->table.size()) {
    const auto& e = s->table[static_cast<std::size_t>(it->index++)];
    if (e.key && !(e.key == dummy())) return newref(e.key);
  }
  return value();
}

value set_iter(value v) {
  value it = make_iterator(v, set_iter_step);
  backend::read_section guard(bts(), v.obj()->header);
  static_cast<iterator_object*>(it.obj())->limit = static_cast<std::int64_t>(as_set(v)->used);
  return it;
}

bool frozenset_hash(value v, std::int64_t* out) {
  // CPython's frozenset_hash: order-independent mix of the entry hashes.
  set_object* s = as_set(v);
  std::atomic_ref<std::int64_t> cache(s->hash_cache);  // racing threads store the same value (str_hash)
  if (const std::int64_t cached = cache.load(std::memory_order_relaxed); cached != -1) {
    *out = cached;
    return true;
  }
  std::uint64_t hash = 0;
  for (const auto& e : s->table) {
    if (!e.key || e.key == dummy()) continue;
    const auto h = static_cast<std::uint64_t>(e.hash);
    hash ^= ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
  }
  if ((s->table.size() - 1) & 1) hash ^= (static_cast<std::uint64_t>(s->used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == static_cast<std::uint64_t>(-1)) hash = 590923713UL;
  *out = static_cast<std::int64_t>(hash);
  cache.store(*out, std::memory_order_relaxed);
  return true;
}

// Is every element of a in b?
int subset(value a, value b) {
  if (set_length(a) > set_length(b)) return 0;
  std::vector<value> items = set_items(a);
  int r = 1;
  for (value x : items) {
    if (r == 1) {
      const int c = set_contains(b, x);
      if (c <= 0) r = c;
    }
    decref(x);
  }
  return r;
}

value set_compare(value a, value b, int op) {
  if (!is_set_like(a) || !is_set_like(b)) return not_implemented();
  const std::int64_t na = set_length(a), nb = set_length(b);
  int r = 0;
  switch (static_cast<ast::cmpop>(op)) {
    case ast::cmpop::eq: r = na == nb ? subset(a, b) : 0; break;
    case ast::cmpop::ne: r = na == nb ? subset(a, b) : 0; if (r >= 0) r = !r; break;
    case ast::cmpop::le: r = subset(a, b); break;
    case ast::cmpop::lt: r = na < nb ? subset(a, b) : 0; break;
    case ast::cmpop::ge: r = subset(b, a); break;
    case ast::cmpop::gt: r = na > nb ? subset(b, a) : 0; break;
    default: return not_implemented();
  }
  return r < 0 ? value() : boolean(r);
}

value result_set(value like) { return make_set(type_of(like) == &frozenset_type ? &frozenset_type : &set_type); }

value set_union(value a, value b) {
  ref r(result_set(a));
  if (set_update(r.get(), a) < 0 || set_update(r.get(), b) < 0) return value();
  return r.release();
}

value set_intersection(value a, value b) {
  ref r(result_set(a));
  // As CPython: iterate the smaller set (the right one on a tie) and keep
  // what the other holds.
  const bool right_is_bigger = set_length(b) > set_length(a);
  value small = right_is_bigger ? a : b, big = right_is_bigger ? b : a;
  std::vector<value> items = set_items(small);
  bool ok = true;
  for (value x : items) {
    if (ok) {
      const int c = set_contains(big, x);
      if (c < 0 || (c && set_add(r.get(), x) < 0)) ok = false;
    }
    decref(x);
  }
  return ok ? r.release() : value();
}

value set_difference(value a, value b) {
  ref r(result_set(a));
  if ((set_length(a) >> 2) > set_length(b)) {
    // Much smaller right side: copy, then discard (CPython's choice).
    if (set_update(r.get(), a) < 0) return value();
    std::vector<value> items = set_items(b);
    bool ok = true;
    for (value x : items) {
      if (ok && set_discard(r.get(), x) < 0) ok = false;
      decref(x);
    }
    return ok ? r.release() : value();
  }
  std::vector<value> items = set_items(a);
  bool ok = true;
  for (value x : items) {
    if (ok) {
      const int c = set_contains(b, x);
      if (c < 0 || (!c && set_add(r.get(), x) < 0)) ok = false;
    }
    decref(x);
  }
  return ok ? r.release() : value();
}

value set_symmetric_difference(value a, value b) {
  // As CPython: start from a copy of the right side, then toggle the left's.
  ref r(result_set(a));
  if (set_update(r.get(), b) < 0) return value();
  std::vector<value> items = set_items(a);
  bool ok = true;
  for (value x : items) {
    if (ok) {
      const int d = set_discard(r.get(), x);
      if (d < 0 || (d == 0 && set_add(r.get(), x) < 0)) ok = false;
    }
    decref(x);
  }
  return ok ? r.release() : value();
}

// In place, as CPython's set_ior/isub/ixor/iand: `a` (a set) keeps its
// identity and its table history (which decides its iteration order).
// |=, -=, ^=, &= and the *_update methods.
value set_inplace(value a, value b, ast::binop o) {
    switch (o) {
      case ast::binop::bitor_:
        if (set_update(a, b) < 0) return value();
        return newref(a);
      case ast::binop::sub: {
        std::vector<value> items = set_items(b);
        bool ok = true;
        for (value x : items) {
          if (ok && set_discard(a, x) < 0) ok = false;
          decref(x);
        }
        return ok ? newref(a) : value();
      }
      case ast::binop::bitxor: {
        std::vector<value> items = set_items(b);
        bool ok = true;
        for (value x : items) {
          if (ok) {
            const int d = set_discard(a, x);
            if (d < 0 || (d == 0 && set_add(a, x) < 0)) ok = false;
          }
          decref(x);
        }
        return ok ? newref(a) : value();
      }
      case ast::binop::bitand_: {
        ref result(set_intersection(a, b));
        if (!result) return value();
        // `a` takes the intersection's table; the result, freed on return,
        // releases a's old keys.
        backend::write_section2 guard(bts(), a.obj()->header, result.get().obj()->header);
        std::swap(as_set(a)->table, as_set(result.get())->table);
        std::swap(as_set(a)->used, as_set(result.get())->used);
        std::swap(as_set(a)->fill, as_set(result.get())->fill);
        return newref(a);
      }
      default: return not_implemented();
    }
}

value set_binary(value a, value b, int op) {
  if (!is_set_like(a) || !is_set_like(b)) return not_implemented();
  const auto o = static_cast<ast::binop>(op & 15);
  if ((op & 16) && type_of(a) == &set_type) return set_inplace(a, b, o);
  switch (o) {
    case ast::binop::bitor_: return set_union(a, b);
    case ast::binop::bitand_: return set_intersection(a, b);
    case ast::binop::sub: return set_difference(a, b);
    case ast::binop::bitxor: return set_symmetric_difference(a, b);
    default: return not_implemented();
  }
}

// ---- methods ----
bool one_arg(value self, const char* name, std::size_t nargs, value kwnames) {
  if (!no_keywords(name, kwnames)) return false;
  if (nargs != 1) {
    // CPython names the type: "set.add() takes exactly one argument (0 given)".
    raise_type_error(std::string(type_name(self)) + "." + name + "() takes exactly one argument (" + std::to_string(nargs) + " given)");
    return false;
  }
  return true;
}

value m_add(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!one_arg(self, "add", nargs, kwnames)) return value();
  return set_add(self, args[0]) < 0 ? value() : none();
}
value m_discard(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!one_arg(self, "discard", nargs, kwnames)) return value();
  return set_discard(self, args[0]) < 0 ? value() : none();
}
value m_remove(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!one_arg(self, "remove", nargs, kwnames)) return value();
  const int r = set_discard(self, args[0]);
  if (r < 0) return value();
  if (r == 0) {
    ref a(make_tuple({args[0]}));
    ref e(make_exception(&exc_KeyError, a.get()));
    return raise_value(e.get());
  }
  return none();
}
value m_pop(value self, const value*, std::size_t nargs, value) {
  if (nargs) return raise_type_error("set.pop() takes no arguments (" + std::to_string(nargs) + " given)");
  backend::write_section guard(bts(), self.obj()->header);
  set_object* s = as_set(self);
  if (s->used == 0) return raise(&exc_KeyError, "pop from an empty set");
  std::size_t i = s->finger & (s->table.size() - 1);
  while (!s->table[i].key || s->table[i].key == dummy()) i = (i + 1) & (s->table.size() - 1);
  value key = s->table[i].key;
  s->table[i] = {dummy(), -1};
  --s->used;
  s->finger = i + 1;
  return key;
}
value m_update(value self, const value* args, std::size_t nargs, value) {
  for (std::size_t i = 0; i < nargs; ++i)
    if (set_update(self, args[i]) < 0) return value();
  return none();
}
value m_clear(value self, const value*, std::size_t, value) {
  std::vector<set_object::slot> old;
  {
    backend::write_section guard(bts(), self.obj()->header);
    old.swap(as_set(self)->table);
    as_set(self)->table.resize(min_size);
    as_set(self)->used = as_set(self)->fill = 0;
  }
  for (auto& e : old)
    if (e.key && !(e.key == dummy())) decref(e.key);
  return none();
}
value m_copy(value self, const value*, std::size_t, value) {
  if (type_of(self) == &frozenset_type) return newref(self);
  ref r(make_set(&set_type));
  if (set_update(r.get(), self) < 0) return value();
  return r.release();
}

// union/intersection/difference/... accept any iterables.
template <value (*op)(value, value)>
value m_setop(value self, const value* args, std::size_t nargs, value) {
  ref acc(newref(self));
  for (std::size_t i = 0; i < nargs; ++i) {
    ref other(make_set(&set_type));
    if (set_update(other.get(), args[i]) < 0) return value();
    ref r(op(acc.get(), other.get()));
    if (!r) return value();
    acc = std::move(r);
  }
  if (acc.get() == self) {
    // No arguments: a copy of the same kind.
    ref r(result_set(self));
    if (set_update(r.get(), self) < 0) return value();
    return r.release();
  }
  return acc.release();
}

// difference_update/intersection_update(*others), symmetric_difference_update(other):
// each argument any iterable, applied in place in turn.
template <ast::binop o>
value m_inplace(value self, const value* args, std::size_t nargs, value kwnames) {
  const char* name = o == ast::binop::sub      ? "difference_update"
                     : o == ast::binop::bitand_ ? "intersection_update"
                                                : "symmetric_difference_update";
  if (o == ast::binop::bitxor ? !one_arg(self, name, nargs, kwnames) : !no_keywords(name, kwnames)) return value();
  for (std::size_t i = 0; i < nargs; ++i) {
    ref other(make_set(&set_type));
    if (set_update(other.get(), args[i]) < 0) return value();
    ref r(set_inplace(self, other.get(), o));
    if (!r) return value();
  }
  return none();
}

template <bool sub>
value m_issub(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!one_arg(self, sub ? "issubset" : "issuperset", nargs, kwnames)) return value();
  ref other(make_set(&set_type));
  if (set_update(other.get(), args[0]) < 0) return value();
  const int r = sub ? subset(self, other.get()) : subset(other.get(), self);
  return r < 0 ? value() : boolean(r);
}

value m_isdisjoint(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!one_arg(self, "isdisjoint", nargs, kwnames)) return value();
  ref other(make_set(&set_type));
  if (set_update(other.get(), args[0]) < 0) return value();
  ref both(set_intersection(self, other.get()));
  if (!both) return value();
  return boolean(set_length(both.get()) == 0);
}

}  // namespace

value construct_set_of(type_object* type, const value* args, std::size_t nargs, value kwnames) {
  const char* name = type == &set_type ? "set" : "frozenset";
  if (kwnames && as_tuple(kwnames)->size) return raise_type_error(std::string(name) + "() takes no keyword arguments");
  if (nargs > 1) return raise_type_error(std::string(name) + " expected at most 1 argument, got " + std::to_string(nargs));
  if (type == &frozenset_type && nargs == 1 && type_of(args[0]) == &frozenset_type) return newref(args[0]);
  ref s(make_set(type));
  if (nargs == 1 && set_update(s.get(), args[0]) < 0) return value();
  return s.release();
}

void init_sets() {
  make_immortal(dummy_marker, &none_type);
  for (type_object* t : {&set_type, &frozenset_type}) {
    init_type(*t, t == &set_type ? "set" : "frozenset", nullptr);
    t->dealloc = dealloc_set;
    t->traverse = traverse_set;
    t->clear = clear_set;
    t->repr = set_repr;
    t->length = set_length;
    t->contains = set_contains_slot;
    t->iter = set_iter;
    t->compare = set_compare;
    t->binary = set_binary;
    add_method(*t, "copy", m_copy);
    add_method(*t, "union", m_setop<set_union>);
    add_method(*t, "intersection", m_setop<set_intersection>);
    add_method(*t, "difference", m_setop<set_difference>);
    add_method(*t, "symmetric_difference", m_setop<set_symmetric_difference>);
    add_method(*t, "issubset", m_issub<true>);
    add_method(*t, "issuperset", m_issub<false>);
    add_method(*t, "isdisjoint", m_isdisjoint);
  }
  frozenset_type.hash = frozenset_hash;
  add_method(set_type, "add", m_add);
  add_method(set_type, "discard", m_discard);
  add_method(set_type, "remove", m_remove);
  add_method(set_type, "pop", m_pop);
  add_method(set_type, "update", m_update);
  add_method(set_type, "difference_update", m_inplace<ast::binop::sub>);
  add_method(set_type, "intersection_update", m_inplace<ast::binop::bitand_>);
  add_method(set_type, "symmetric_difference_update", m_inplace<ast::binop::bitxor>);
  add_method(set_type, "clear", m_clear);
}

GILLAB_RUNTIME_NAMESPACE_END
