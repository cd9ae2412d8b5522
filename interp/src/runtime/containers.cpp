// containers.cpp — tuple, list, dict, range, slice and the iterator objects.
//
// Mutable containers (list, dict) take the back-end's sections around every
// access to their state (write_section to change it, read_section to read
// it), so `fine` and `stm` only have to fill those hooks in. Equality of
// keys calls back into the object protocol, which for user types (part 2)
// may run Python code: the dict re-checks its version after such a call.
//
// The dict is insertion-ordered in the way of CPython's compact dict: an
// entries array in insertion order plus an open-addressing index of int32
// slots (empty -1, deleted -2), probed with CPython's perturbation scheme.
#include "free_list.hpp"
#include "operations.hpp"
#include "reclaim.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>

#include <boost/container/small_vector.hpp>

#include <atomic>
#include <cstdlib>
#include <limits>
#include <utility>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

backend::thread_state& bts() { return current_thread().backend_state; }

// ---- tuple ----
void dealloc_tuple(object* o) {
  auto* t = static_cast<tuple_object*>(o);
  for (std::size_t i = 0; i < t->size; ++i) xdecref(t->items[i]);
  free_object_memory(o);
}
// No clear slot (as CPython's tuple): a tuple is in a cycle only through a
// mutable object, whose clear breaks it.
void traverse_tuple(object* o, void (*visit)(value, void*), void* arg) {
  auto* t = static_cast<tuple_object*>(o);
  for (std::size_t i = 0; i < t->size; ++i)
    if (t->items[i]) visit(t->items[i], arg);
}

std::string join_reprs(const value* items, std::size_t n, bool* ok) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    ref r(op_repr(items[i]));
    if (!r) {
      *ok = false;
      return {};
    }
    if (i) out += ", ";
    out += str_of(r.get());
  }
  *ok = true;
  return out;
}

value tuple_repr(value v) {
  tuple_object* t = as_tuple(v);
  bool ok = false;
  std::string inner = join_reprs(t->items, t->size, &ok);
  if (!ok) return value();
  return make_str("(" + inner + (t->size == 1 ? ",)" : ")"));
}

bool tuple_hash(value v, std::int64_t* out) {
  // CPython's xxHash-based tuplehash.
  tuple_object* t = as_tuple(v);
  constexpr std::uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL, p5 = 2870177450012600261ULL;
  std::uint64_t acc = p5;
  for (std::size_t i = 0; i < t->size; ++i) {
    std::int64_t h = 0;
    if (!op_hash(t->items[i], &h)) return false;
    acc += static_cast<std::uint64_t>(h) * p2;
    acc = (acc << 31) | (acc >> 33);
    acc *= p1;
  }
  acc += t->size ^ (p5 ^ 3527539UL);
  if (acc == static_cast<std::uint64_t>(-1)) acc = 1546275796;
  *out = static_cast<std::int64_t>(acc);
  return true;
}

// Lexicographic comparison of two item arrays (tuples, lists).
value compare_sequences(const value* a, std::size_t na, const value* b, std::size_t nb, int op) {
  std::size_t i = 0;
  for (; i < na && i < nb; ++i) {
    const int eq = op_equal(a[i], b[i]);
    if (eq < 0) return value();
    if (!eq) break;
  }
  const auto cmp = static_cast<ast::cmpop>(op);
  if (i >= na || i >= nb) {
    const std::int64_t c = static_cast<std::int64_t>(na) - static_cast<std::int64_t>(nb);
    return comparison_result(c, static_cast<int>(cmp));
  }
  if (cmp == ast::cmpop::eq) return false_value();
  if (cmp == ast::cmpop::ne) return true_value();
  return op_compare(a[i], b[i], op);
}

value tuple_compare(value a, value b, int op) {
  if (!is_instance(a, &tuple_type) || !is_instance(b, &tuple_type)) return not_implemented();
  return compare_sequences(as_tuple(a)->items, as_tuple(a)->size, as_tuple(b)->items, as_tuple(b)->size, op);
}

std::int64_t tuple_length(value v) { return static_cast<std::int64_t>(as_tuple(v)->size); }

}  // namespace

bool slice_indices(value slice, std::int64_t length, std::int64_t* start, std::int64_t* stop, std::int64_t* step,
                   std::int64_t* count) {
  auto* s = static_cast<slice_object*>(slice.obj());
  auto get = [](value v, std::int64_t dflt, std::int64_t* out) {
    if (v.is_null() || v == none()) {
      *out = dflt;
      return true;
    }
    if (!as_int64(v, out)) {
      if (type_of(v) == &int_type) {  // huge: clamp
        *out = big_int(static_cast<big_int_object*>(v.obj())->v) < 0 ? value::small_min : value::small_max;
        return true;
      }
      raise_type_error("slice indices must be integers or None or have an __index__ method");
      return false;
    }
    return true;
  };
  if (!get(s->step, 1, step)) return false;
  if (*step == 0) {
    raise(&exc_ValueError, "slice step cannot be zero");
    return false;
  }
  const bool back = *step < 0;
  if (!get(s->start, back ? length - 1 : 0, start) || !get(s->stop, back ? -1 : length, stop)) return false;
  if (!(s->start.is_null() || s->start == none())) {
    if (*start < 0) *start += length;
    if (*start < 0) *start = back ? -1 : 0;
    else if (*start >= length) *start = back ? length - 1 : length;
  }
  if (!(s->stop.is_null() || s->stop == none())) {
    if (*stop < 0) *stop += length;
    if (*stop < 0) *stop = back ? -1 : 0;
    else if (*stop >= length) *stop = back ? length - 1 : length;
  }
  if (back) {
    *count = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
  } else {
    *count = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
  }
  return true;
}

namespace {

value sequence_index(const value* items, std::size_t n, value key, const char* what, type_object* type) {
  std::int64_t i = 0;
  if (as_int64(key, &i)) {
    if (i < 0) i += static_cast<std::int64_t>(n);
    if (i < 0 || i >= static_cast<std::int64_t>(n)) return raise(&exc_IndexError, std::string(what) + " index out of range");
    return newref(items[i]);
  }
  if (type_of(key) == &slice_type) {
    std::int64_t start = 0, stop = 0, step = 0, count = 0;
    if (!slice_indices(key, static_cast<std::int64_t>(n), &start, &stop, &step, &count)) return value();
    if (type == &tuple_type) {
      value t = make_tuple(static_cast<std::size_t>(count));
      for (std::int64_t k = 0; k < count; ++k) as_tuple(t)->items[k] = newref(items[start + k * step]);
      return t;
    }
    value l = make_list();
    as_list(l)->items.resize_unshared(static_cast<std::size_t>(count));
    for (std::int64_t k = 0; k < count; ++k) as_list(l)->items.set(static_cast<std::size_t>(k), newref(items[start + k * step]));
    return l;
  }
  return raise_type_error(std::string(what) + " indices must be integers or slices, not " + type_name(key));
}

value tuple_getitem(value v, value key) {
  return sequence_index(as_tuple(v)->items, as_tuple(v)->size, key, "tuple", &tuple_type);
}

int contains_in(const value* items, std::size_t n, value item) {
  for (std::size_t i = 0; i < n; ++i) {
    if (items[i] == item) return 1;
    const int eq = op_equal(items[i], item);
    if (eq != 0) return eq;
  }
  return 0;
}

int tuple_contains(value v, value item) { return contains_in(as_tuple(v)->items, as_tuple(v)->size, item); }

value tuple_iter_step(iterator_object* it) {
  tuple_object* t = as_tuple(it->seq);
  if (it->index >= static_cast<std::int64_t>(t->size)) return value();
  return newref(t->items[it->index++]);
}

value tuple_binary(value a, value b, int op) {
  const auto o = static_cast<ast::binop>(op & 15);
  if (o == ast::binop::add && is_instance(a, &tuple_type) && is_instance(b, &tuple_type)) {
    tuple_object* x = as_tuple(a);
    tuple_object* y = as_tuple(b);
    value t = make_tuple(x->size + y->size);
    for (std::size_t i = 0; i < x->size; ++i) as_tuple(t)->items[i] = newref(x->items[i]);
    for (std::size_t i = 0; i < y->size; ++i) as_tuple(t)->items[x->size + i] = newref(y->items[i]);
    return t;
  }
  if (o == ast::binop::mul) {
    const value tv = is_instance(a, &tuple_type) ? a : b;
    std::int64_t n = 0;
    const int counted = repeat_count(is_instance(a, &tuple_type) ? b : a, &n);
    if (counted <= 0) return counted < 0 ? value() : not_implemented();
    tuple_object* x = as_tuple(tv);
    if (n < 0) n = 0;
    value t = make_tuple(x->size * static_cast<std::size_t>(n));
    for (std::int64_t r = 0; r < n; ++r)
      for (std::size_t i = 0; i < x->size; ++i) as_tuple(t)->items[static_cast<std::size_t>(r) * x->size + i] = newref(x->items[i]);
    return t;
  }
  return not_implemented();
}

// ---- list ----
void dealloc_list(object* o) {
  auto* l = static_cast<list_object*>(o);
  for (value v : l->items) decref(v);
  l->~list_object();
  free_object_memory(o);
}
void traverse_list(object* o, void (*visit)(value, void*), void* arg) {
  for (value v : static_cast<list_object*>(o)->items) visit(v, arg);
}
void clear_list(object* o) {
  std::vector<value> old;
  {
    backend::write_section guard(bts(), o->header);
    old = static_cast<list_object*>(o)->items.take();
  }
  for (value v : old) release_displaced(v);
}

value list_repr(value v) {
  repr_guard guard_recursion(v.obj());
  if (guard_recursion.recursive()) return make_str("[...]");
  // Snapshot under the read section: item reprs may run arbitrary code.
  std::vector<value> items;
  {
    backend::read_section guard(bts(), v.obj()->header);
    items = as_list(v)->items.copy();
    for (value x : items) incref(x);
  }
  bool ok = false;
  std::string inner = join_reprs(items.data(), items.size(), &ok);
  for (value x : items) decref(x);
  if (!ok) return value();
  return make_str("[" + inner + "]");
}

value list_compare(value a, value b, int op) {
  if (!is_instance(a, &list_type) || !is_instance(b, &list_type)) return not_implemented();
  std::vector<value> x, y;
  {
    backend::read_section ga(bts(), a.obj()->header);
    x = as_list(a)->items.copy();
    for (value v : x) incref(v);
  }
  {
    backend::read_section gb(bts(), b.obj()->header);
    y = as_list(b)->items.copy();
    for (value v : y) incref(v);
  }
  value r = compare_sequences(x.data(), x.size(), y.data(), y.size(), op);
  for (value v : x) decref(v);
  for (value v : y) decref(v);
  return r;
}

std::int64_t list_length(value v) {
  if constexpr (backend::lockfree_reads) return static_cast<std::int64_t>(as_list(v)->items.size_lockfree());
  backend::read_section guard(bts(), v.obj()->header);
  return static_cast<std::int64_t>(as_list(v)->items.size());
}

value list_getitem(value v, value key) {
  if constexpr (backend::lockfree_reads) {
    if (key.is_small()) {
      if (value item = list_item_ref(v, key.small_int())) return item;
    }
  }
  backend::read_section guard(bts(), v.obj()->header);
  const auto& items = as_list(v)->items;
  return sequence_index(items.data(), items.size(), key, "list", &list_type);
}

// a[i:j] = x, a[i:j:k] = x and del a[...] (CPython's list_ass_slice and
// list_ass_subscript): the new items are collected before the section, so
// `a[:] = a` and an iterable that runs code are safe.
int list_set_slice(value v, value key, value x) {
  std::vector<value> incoming;  // collect() fills a std::vector
  if (x && !type_of(x)->iter) {
    raise_type_error("can only assign an iterable");
    return -1;
  }
  if (x && !collect(x, incoming)) {
    for (value item : incoming) decref(item);
    return -1;
  }
  boost::container::small_vector<value, 16> removed;  // no allocation for short slices
  {
    backend::write_section guard(bts(), v.obj()->header);
    auto& items = as_list(v)->items;
    std::int64_t start = 0, stop = 0, step = 0, count = 0;
    if (!slice_indices(key, static_cast<std::int64_t>(items.size()), &start, &stop, &step, &count)) return -1;
    const auto at = [](std::int64_t i) { return static_cast<std::size_t>(i); };
    if (step == 1) {
      removed.assign(items.begin() + start, items.begin() + start + count);
      items.erase(at(start), at(start + count));
      items.insert(at(start), incoming.data(), incoming.data() + incoming.size());  // adopts the references
      incoming.clear();
    } else if (!x) {
      // Erase from the highest index down so the lower ones stay put (a
      // negative step visits them highest first already).
      for (std::int64_t k = 0; k < count; ++k) {
        const std::int64_t index = step < 0 ? start + k * step : start + (count - 1 - k) * step;
        removed.push_back(items[at(index)]);
        items.erase(at(index));
      }
    } else {
      if (static_cast<std::int64_t>(incoming.size()) != count) {
        const std::size_t n = incoming.size();
        for (value item : incoming) decref(item);
        raise(&exc_ValueError, "attempt to assign sequence of size " + std::to_string(n) +
                                   " to extended slice of size " + std::to_string(count));
        return -1;
      }
      for (std::int64_t k = 0; k < count; ++k)
        removed.push_back(items.exchange(at(start + k * step), incoming[static_cast<std::size_t>(k)]));
      incoming.clear();
    }
  }
  // Outside the section (destructors may run code), and after readers.
  for (value old : removed) release_displaced(old);
  return 0;
}

int list_setitem(value v, value key, value x) {
  std::int64_t i = 0;
  if (type_of(key) == &slice_type) return list_set_slice(v, key, x);
  if (!as_int64(key, &i)) {
    raise_type_error(std::string("list indices must be integers or slices, not ") + type_name(key));
    return -1;
  }
  value old;
  {
    backend::write_section guard(bts(), v.obj()->header);
    auto& items = as_list(v)->items;
    if (i < 0) i += static_cast<std::int64_t>(items.size());
    if (i < 0 || i >= static_cast<std::int64_t>(items.size())) {
      raise(&exc_IndexError, x ? "list assignment index out of range" : "list assignment index out of range");
      return -1;
    }
    if (x) {
      old = items.exchange(static_cast<std::size_t>(i), newref(x));
    } else {
      old = items[static_cast<std::size_t>(i)];
      items.erase(static_cast<std::size_t>(i));
    }
  }
  release_displaced(old);  // outside the section: a destructor may run arbitrary code
  return 0;
}

int list_contains(value v, value item) {
  std::vector<value> items;
  {
    backend::read_section guard(bts(), v.obj()->header);
    items = as_list(v)->items.copy();
    for (value x : items) incref(x);
  }
  const int r = contains_in(items.data(), items.size(), item);
  for (value x : items) decref(x);
  return r;
}

int list_truth(value v) { return list_length(v) != 0; }

/// Item i of a list (0 <= i), read under the list's section: a new
/// reference, or null past the end. Where a lock-free read missed, this
/// decides (a list growing past the array the reader loaded, or a write
/// section half-way: a slice assignment erases, then inserts).
value list_item_locked(value list, std::int64_t i) {
  backend::read_section guard(bts(), list.obj()->header);
  const auto& items = as_list(list)->items;
  if (i >= static_cast<std::int64_t>(items.size())) return value();
  return newref(items[static_cast<std::size_t>(i)]);
}

value list_iter_step(iterator_object* it) {
  // The iterator's own section (iterator_next) orders `index`; the list
  // itself is read without its lock where the back-end allows it.
  value item;
  if constexpr (backend::lockfree_reads) item = list_item_ref(it->seq, it->index);
  if (!item) item = list_item_locked(it->seq, it->index);
  if (item) ++it->index;
  return item;
}

value list_binary(value a, value b, int op) {
  const auto o = static_cast<ast::binop>(op & 15);
  if (o == ast::binop::add && (op & 16) && is_instance(a, &list_type)) {
    // +=: extend in place, from any iterable (CPython's list_inplace_concat).
    std::vector<value> add;
    if (!collect(b, add)) return value();  // (a list: a snapshot under its section)
    {
      backend::write_section ga(bts(), a.obj()->header);
      auto& dst = as_list(a)->items;
      dst.insert(dst.size(), add.data(), add.data() + add.size());  // adopts the references
    }
    return newref(a);
  }
  if (o == ast::binop::add && is_instance(a, &list_type) && is_instance(b, &list_type)) {
    value r = make_list();
    backend::write_section2 guard(bts(), a.obj()->header, b.obj()->header);
    const auto& x = as_list(a)->items;
    const auto& y = as_list(b)->items;
    auto& out = as_list(r)->items;
    out.resize_unshared(x.size() + y.size());
    for (std::size_t i = 0; i < x.size(); ++i) out.set(i, newref(x[i]));
    for (std::size_t i = 0; i < y.size(); ++i) out.set(x.size() + i, newref(y[i]));
    return r;
  }
  if (o == ast::binop::mul) {
    const value lv = is_instance(a, &list_type) ? a : b;
    std::int64_t n = 0;
    const int counted = repeat_count(is_instance(a, &list_type) ? b : a, &n);
    if (counted <= 0) return counted < 0 ? value() : not_implemented();
    std::vector<value> src;
    {
      backend::read_section guard(bts(), lv.obj()->header);
      src = as_list(lv)->items.copy();
      for (value x : src) incref(x);
    }
    if (n < 0) n = 0;
    if (static_cast<double>(src.size()) * static_cast<double>(n) > 1e9) {
      for (value x : src) decref(x);
      return raise(&exc_MemoryError, "");
    }
    if ((op & 16) && lv == a) {  // *=: repeat in place (the list keeps its identity)
      if (n == 0) {
        for (value x : src) decref(x);
        clear_list(a.obj());
        return newref(a);
      }
      std::vector<value> more;
      more.reserve(src.size() * static_cast<std::size_t>(n - 1));
      for (std::int64_t k = 1; k < n; ++k)
        for (value x : src) more.push_back(newref(x));
      for (value x : src) decref(x);
      backend::write_section ga(bts(), a.obj()->header);
      auto& dst = as_list(a)->items;
      dst.insert(dst.size(), more.data(), more.data() + more.size());  // adopts the references
      return newref(a);
    }
    value r = make_list();
    auto& out = as_list(r)->items;
    out.resize_unshared(src.size() * static_cast<std::size_t>(n));
    std::size_t i = 0;
    for (std::int64_t k = 0; k < n; ++k)
      for (value x : src) out.set(i++, newref(x));
    for (value x : src) decref(x);
    return r;
  }
  return not_implemented();
}

// ---- range ----
value range_repr(value v) {
  auto* r = static_cast<range_object*>(v.obj());
  std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
  if (r->step != 1) s += ", " + std::to_string(r->step);
  return make_str(s + ")");
}
std::int64_t range_length(value v) { return static_cast<range_object*>(v.obj())->length; }
value range_getitem(value v, value key) {
  auto* r = static_cast<range_object*>(v.obj());
  std::int64_t i = 0;
  if (!as_int64(key, &i)) return raise_type_error(std::string("range indices must be integers or slices, not ") + type_name(key));
  if (i < 0) i += r->length;
  if (i < 0 || i >= r->length) return raise(&exc_IndexError, "range object index out of range");
  return make_int(r->start + i * r->step);
}
int range_contains(value v, value item) {
  auto* r = static_cast<range_object*>(v.obj());
  std::int64_t x = 0;
  if (!as_int64(item, &x)) return 0;
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return 0;
  return (x - r->start) % r->step == 0;
}
value range_iter_step(iterator_object* it) {
  auto* r = static_cast<range_object*>(it->seq.obj());
  if (it->index >= r->length) return value();
  return make_int(r->start + (it->index++) * r->step);
}

// ---- slice ----
// a[i:j] builds a slice per execution (fannkuch's inner loop).
thread_local free_list<slice_object, 64> slice_cache;

void dealloc_slice(object* o) {
  auto* s = static_cast<slice_object*>(o);
  xdecref(s->start);
  xdecref(s->stop);
  xdecref(s->step);
  slice_cache.give(o);
}
value slice_repr(value v) {
  auto* s = static_cast<slice_object*>(v.obj());
  ref a(op_repr(s->start)), b(op_repr(s->stop)), c(op_repr(s->step));
  if (!a || !b || !c) return value();
  return make_str("slice(" + str_of(a.get()) + ", " + str_of(b.get()) + ", " + str_of(c.get()) + ")");
}

// ---- iterators ----
void dealloc_iterator(object* o) {
  auto* it = static_cast<iterator_object*>(o);
  xdecref(it->seq);
  free_object_memory(o);
}
void traverse_iterator(object* o, void (*visit)(value, void*), void* arg) {
  if (value seq = static_cast<iterator_object*>(o)->seq) visit(seq, arg);
}
value iterator_self(value v) { return newref(v); }

/// Under a parallel back-end, the step of an iterator over an immutable
/// sequence of `length` items: claims the next index with one
/// compare-and-swap instead of the iterator's lock and unlock. Returns it,
/// or -1 at the end. The sequence is kept until the iterator dies (CPython's
/// range iterator holds no range at all), so no step can read a sequence
/// another step dropped.
std::int64_t claim_index(iterator_object* it, std::int64_t length) {
  std::atomic_ref<std::int64_t> index(it->index);
  std::int64_t i = index.load(std::memory_order_relaxed);
  do {
    if (i >= length) return -1;
  } while (!index.compare_exchange_weak(i, i + 1, std::memory_order_relaxed));
  return i;
}

/// A range iterator (every `for i in range(n)` step).
value range_iter_next_shared(iterator_object* it) {
  const auto* r = static_cast<const range_object*>(it->seq.obj());
  const std::int64_t i = claim_index(it, r->length);
  return i < 0 ? value() : make_int(r->start + i * r->step);
}

/// A tuple iterator.
value tuple_iter_next_shared(iterator_object* it) {
  const tuple_object* t = as_tuple(it->seq);
  const std::int64_t i = claim_index(it, static_cast<std::int64_t>(t->size));
  return i < 0 ? value() : newref(t->items[i]);
}

/// A list iterator under a parallel back-end with lock-free list reads:
/// the item is read without the list's lock and the index claimed with one
/// compare-and-swap, instead of the iterator's lock and unlock. Each item
/// still goes to one caller (a step that lost the race drops what it read
/// and retries at the index the winner left). As free-threaded CPython's
/// listiter_next, the list is kept until the iterator dies and exhaustion
/// is sticky (the index parks at exhausted_index).
constexpr std::int64_t exhausted_index = std::numeric_limits<std::int64_t>::max();
value list_iter_next_shared(iterator_object* it) {
  std::atomic_ref<std::int64_t> index(it->index);
  std::int64_t i = index.load(std::memory_order_relaxed);
  for (;;) {
    if (i == exhausted_index) return value();
    value item = list_item_ref(it->seq, i);
    if (!item) item = list_item_locked(it->seq, i);  // a lock-free miss only says "ask the lock"
    if (!item) {
      if (index.compare_exchange_weak(i, exhausted_index, std::memory_order_relaxed)) return value();
      continue;  // someone stepped meanwhile: the list may be longer now
    }
    if (index.compare_exchange_weak(i, i + 1, std::memory_order_relaxed)) return item;
    decref(item);
  }
}

value iterator_next(value v) {
  // An iterator is mutable and may be shared (threads taking work with
  // next(it)): advance it inside its own section, so that under fine each
  // item is produced once. The step takes
  // the sequence's section inside this one where the sequence is mutable.
  auto* it = static_cast<iterator_object*>(v.obj());
  if constexpr (backend::parallel && !backend::restartable) {
    if (it->step == range_iter_step) return range_iter_next_shared(it);
    if (it->step == tuple_iter_step) return tuple_iter_next_shared(it);
    if constexpr (backend::lockfree_reads) {
      if (it->step == list_iter_step) return list_iter_next_shared(it);
    }
  }
  backend::write_section guard(bts(), it->header);
  if (it->exhausted) return value();
  value r = it->step(it);
  if (!r && !error_pending()) {
    // The step may have called Python that blocked (a filter's predicate),
    // and a blocking call gives the iterator's lock up on stm's concurrent
    // mode (stm.hpp): take it again for this write (a no-op where held).
    backend::write_section again(bts(), it->header);
    it->exhausted = true;  // the sequence stays (iterator_object)
  }
  return r;
}

value seq_iter(value v) {
  type_object* t = type_of(v);
  if (is_subtype(t, &tuple_type)) return make_iterator(v, tuple_iter_step);
  if (is_subtype(t, &list_type)) return make_iterator(v, list_iter_step);
  return make_iterator(v, range_iter_step);
}

}  // namespace

value make_iterator(value seq, value (*step)(iterator_object*)) {
  auto* it = make<iterator_object>(&iterator_type);
  it->seq = newref(seq);
  it->step = step;
  return value::from(it);
}

value make_tuple(std::size_t n) {
  const std::size_t size = sizeof(tuple_object) + (n ? n - 1 : 0) * sizeof(value);
  auto* t = static_cast<tuple_object*>(allocate(&tuple_type, size));
  t->size = n;
  for (std::size_t i = 0; i < n; ++i) t->items[i] = value();
  return value::from(t);
}

value make_tuple(std::initializer_list<value> items) {
  value t = make_tuple(items.size());
  std::size_t i = 0;
  for (value v : items) as_tuple(t)->items[i++] = newref(v);
  return t;
}

value make_list() { return value::from(make<list_object>(&list_type)); }

value make_range(std::int64_t start, std::int64_t stop, std::int64_t step) {
  auto* r = make<range_object>(&range_type);
  r->start = start;
  r->stop = stop;
  r->step = step;
  if (step > 0) {
    r->length = start < stop ? (stop - start - 1) / step + 1 : 0;
  } else {
    r->length = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
  }
  return value::from(r);
}

value make_slice(value start, value stop, value step) {
  slice_object* s = slice_cache.take(&slice_type);
  s->start = newref(start);
  s->stop = newref(stop);
  s->step = newref(step);
  return value::from(s);
}

namespace {

value slice_getattr(value v, value name) {
  const auto* sl = static_cast<slice_object*>(v.obj());
  const std::string n = str_of(name);
  if (n == "start") return newref(sl->start);
  if (n == "stop") return newref(sl->stop);
  if (n == "step") return newref(sl->step);
  return value();
}

value slice_compare(value a, value b, int op) {
  if (type_of(b) != &slice_type) return not_implemented();
  const auto* x = static_cast<slice_object*>(a.obj());
  const auto* y = static_cast<slice_object*>(b.obj());
  ref l(make_tuple({x->start, x->stop, x->step}));
  ref r(make_tuple({y->start, y->stop, y->step}));
  return op_compare(l.get(), r.get(), op);
}

/// slice(stop), slice(start, stop[, step]): what a[start:stop:step] builds.
value construct_slice(const value* args, std::size_t nargs, value kwnames) {
  if (kwnames && as_tuple(kwnames)->size) return raise_type_error("slice() takes no keyword arguments");
  if (nargs < 1 || nargs > 3) {
    return raise_type_error(nargs ? "slice expected at most 3 arguments, got " + std::to_string(nargs)
                                  : std::string("slice expected at least 1 argument, got 0"));
  }
  if (nargs == 1) return make_slice(none(), args[0], none());
  return make_slice(args[0], args[1], nargs == 3 ? args[2] : none());
}

}  // namespace

void init_containers() {
  init_type(tuple_type, "tuple", nullptr);
  tuple_type.dealloc = dealloc_tuple;
  tuple_type.traverse = traverse_tuple;
  tuple_type.repr = tuple_repr;
  tuple_type.hash = tuple_hash;
  tuple_type.compare = tuple_compare;
  tuple_type.length = tuple_length;
  tuple_type.getitem = tuple_getitem;
  tuple_type.contains = tuple_contains;
  tuple_type.iter = seq_iter;
  tuple_type.binary = tuple_binary;

  init_type(list_type, "list", nullptr);
  list_type.dealloc = dealloc_list;
  list_type.traverse = traverse_list;
  list_type.clear = clear_list;
  list_type.repr = list_repr;
  list_type.compare = list_compare;
  list_type.length = list_length;
  list_type.getitem = list_getitem;
  list_type.setitem = list_setitem;
  list_type.contains = list_contains;
  list_type.truth = list_truth;
  list_type.iter = seq_iter;
  list_type.binary = list_binary;

  init_type(range_type, "range", nullptr);
  range_type.repr = range_repr;
  range_type.length = range_length;
  range_type.getitem = range_getitem;
  range_type.contains = range_contains;
  range_type.iter = seq_iter;

  init_type(slice_type, "slice", nullptr);
  slice_type.dealloc = dealloc_slice;
  slice_type.repr = slice_repr;
  slice_type.getattr = slice_getattr;
  slice_type.construct = construct_slice;
  slice_type.compare = slice_compare;

  init_type(iterator_type, "iterator", nullptr);
  iterator_type.dealloc = dealloc_iterator;
  iterator_type.traverse = traverse_iterator;
  iterator_type.iter = iterator_self;
  iterator_type.next = iterator_next;
}

GILLAB_RUNTIME_NAMESPACE_END
