// dict.cpp — see containers.cpp for the design; this file holds the table.
#include "dict.hpp"
#include "operations.hpp"
#include "reclaim.hpp"
#include "runtime.hpp"
#include "transaction.hpp"

#include <gillab/interp/ast.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <new>
#include <optional>
#include <utility>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

constexpr std::int32_t slot_empty = -1;
constexpr std::int32_t slot_dummy = -2;
constexpr std::size_t min_index = 8;

backend::thread_state& bts() { return current_thread().backend_state; }

using table = dict_object::table;
using entry = dict_object::entry;

// Writers change a table only inside the dict's write section, but with
// lockfree_reads a reader may load the same fields at the same time: every
// store to a field a reader loads is atomic (release where it publishes),
// and readers outside a section load with acquire. Inside a section plain
// loads are enough: the section orders them against every writer.
template <class T>
void publish(T& field, T v) {
  std::atomic_ref<T>(field).store(v, std::memory_order_release);
}
template <class T>
T observe(const T& field) {
  return std::atomic_ref<T>(const_cast<T&>(field)).load(std::memory_order_acquire);
}
void bump_version(dict_object* d) { publish(d->version, d->version + 1); }

/// CPython's open-addressing probe sequence over an index of `size` slots.
struct probe {
  std::size_t mask;
  std::size_t slot;
  std::uint64_t perturb;
  probe(std::int64_t hash, std::size_t size)
      : mask(size - 1), slot(static_cast<std::size_t>(hash) & mask), perturb(static_cast<std::uint64_t>(hash)) {}
  void next() {
    perturb >>= 5;
    slot = (slot * 5 + perturb + 1) & mask;
  }
};

table* new_table(std::size_t index_size, std::size_t capacity) {
  void* mem = std::malloc(sizeof(table) + index_size * sizeof(std::int32_t) + capacity * sizeof(entry));
  if (mem == nullptr) throw std::bad_alloc();
  auto* t = new (mem) table{static_cast<std::uint32_t>(index_size), static_cast<std::uint32_t>(capacity), 0, 0};
  std::int32_t* index = t->index();
  for (std::size_t i = 0; i < index_size; ++i) index[i] = slot_empty;
  return t;
}

// Finds the index slot of `key` (or the slot to insert it at). Returns the
// entry number, -1 if absent, -2 on error. Caller holds the section.
std::int64_t lookup(dict_object* d, value key, std::int64_t hash, std::size_t* slot_out) {
  table* t = d->tab;
  if (t == nullptr) {
    *slot_out = 0;
    return -1;
  }
  std::size_t first_free = SIZE_MAX;
  for (probe p(hash, t->index_size);; p.next()) {
    const std::size_t i = p.slot;
    const std::int32_t ix = t->index()[i];
    if (ix == slot_empty) {
      *slot_out = first_free != SIZE_MAX ? first_free : i;
      return -1;
    }
    if (ix == slot_dummy) {
      if (first_free == SIZE_MAX) first_free = i;
    } else {
      const entry& e = t->entries()[static_cast<std::size_t>(ix)];
      if (e.key == key) {
        *slot_out = i;
        return ix;
      }
      if (e.hash == hash) {
        // __eq__ may run Python that changes the dict (and replaces `t`):
        // the version says whether what we are walking is still the dict.
        const std::uint64_t version = d->version;
        const int eq = op_equal(e.key, key);
        if (eq < 0) return -2;
        if (d->version != version) {
          raise(&exc_RuntimeError, "dictionary changed size during iteration");
          return -2;
        }
        if (eq) {
          *slot_out = i;
          return ix;
        }
      }
    }
  }
}

bool exact_str_equal(value a, value b) {
  return type_of(a) == &str_type && type_of(b) == &str_type &&
         static_cast<str_object*>(a.obj())->utf8 == static_cast<str_object*>(b.obj())->utf8;
}

/// PEP 703's lock-free lookup (_Py_dict_lookup_threadsafe), without the
/// section: 1 with the value (borrowed) in *out, 0 if absent, -1
/// when only the locked path can answer (a key equal by __eq__ but not
/// identical, or a table replaced under us twice). Safe because nothing it
/// loads is freed before this thread's next safepoint (reclaim.hpp).
int lookup_lockfree(dict_object* d, value key, std::int64_t hash, value* out) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    table* t = observe(d->tab);
    value found;
    if (t != nullptr) {
      const std::int32_t* index = t->index();
      const entry* entries = t->entries();
      // Slots only go empty -> entry -> dummy within one table, and at
      // least a third stay empty: the probe ends.
      for (probe p(hash, t->index_size);; p.next()) {
        const std::int32_t ix = observe(index[p.slot]);
        if (ix == slot_empty) break;
        if (ix != slot_dummy) {
          const entry& e = entries[static_cast<std::size_t>(ix)];
          const value k = observe(e.key);
          if (k == key) {
            found = observe(e.val);  // null: deleted meanwhile
            break;
          }
          if (k && observe(e.hash) == hash) {
            if (!exact_str_equal(k, key)) return -1;  // __eq__ runs code: lock
            found = observe(e.val);
            break;
          }
        }
      }
    }
    // The table still current: what we read was the dict's state when we
    // read it (a store goes to the current table only).
    if (observe(d->tab) != t) continue;
    if (!found) return 0;
    *out = found;
    return 1;
  }
  return -1;
}

void rebuild_index(dict_object* d, std::size_t min_size) {
  // Compact the entries into a new table whose index stays under 2/3 full
  // even when all `capacity` entries are used (the index keeps a third of
  // its slots empty: probes end).
  std::size_t size = min_index;
  while (size * 2 < (std::max(min_size, d->used) + 1) * 3) size <<= 1;
  table* old = d->tab;
  table* t = new_table(size, size * 2 / 3);
  std::size_t n = 0;
  for (std::size_t k = 0; old != nullptr && k < old->nentries; ++k) {
    const entry& e = old->entries()[k];
    if (!e.key) continue;
    t->entries()[n] = e;
    probe p(e.hash, size);
    while (t->index()[p.slot] != slot_empty) p.next();
    t->index()[p.slot] = static_cast<std::int32_t>(n++);
  }
  t->nentries = static_cast<std::uint32_t>(n);
  publish(d->tab, t);  // the copies move the references: the old table owns none
  if (old != nullptr) retire_memory(old);
}

// Adds an absent key at the slot lookup() found. Caller holds the section.
void insert_new(dict_object* d, value key, std::int64_t hash, value v, std::size_t slot) {
  table* t = d->tab;
  if (t == nullptr || t->nentries == t->capacity) {
    rebuild_index(d, (d->used + 1) * 2);
    t = d->tab;
    lookup(d, key, hash, &slot);
  }
  const std::uint32_t n = t->nentries;
  entry& e = t->entries()[n];
  publish(e.hash, hash);
  publish(e.key, newref(key));
  publish(e.val, newref(v));
  publish(t->nentries, n + 1);
  publish(t->index()[slot], static_cast<std::int32_t>(n));  // the entry is visible from here
  ++d->used;
  bump_version(d);
}

void dealloc_dict(object* o) {
  auto* d = static_cast<dict_object*>(o);
  // Nobody can be reading a dict nobody references: free at once.
  if (table* t = d->tab) {
    for (std::size_t k = 0; k < t->nentries; ++k) {
      const entry& e = t->entries()[k];
      if (e.key) {
        decref(e.key);
        decref(e.val);
      }
    }
    std::free(t);
  }
  d->~dict_object();
  free_object_memory(o);
}

void traverse_dict(object* o, void (*visit)(value, void*), void* arg) {
  if (const table* t = static_cast<dict_object*>(o)->tab) {
    for (std::size_t k = 0; k < t->nentries; ++k) {
      const entry& e = t->entries()[k];
      if (e.key) {  // a deleted entry's value is stale, not owned
        visit(e.key, arg);
        visit(e.val, arg);
      }
    }
  }
}

// The cycle collector's clear: the table goes as a whole (no key is
// compared, so no Python code runs), retired as a replaced table is.
void clear_dict(object* o) {
  auto* d = static_cast<dict_object*>(o);
  table* t;
  {
    backend::write_section guard(current_thread().backend_state, o->header);
    t = d->tab;
    publish(d->tab, static_cast<table*>(nullptr));
    d->used = 0;
    bump_version(d);
  }
  if (t == nullptr) return;
  for (std::size_t k = 0; k < t->nentries; ++k) {
    const entry& e = t->entries()[k];
    if (e.key) {
      release_displaced(e.key);
      release_displaced(e.val);
    }
  }
  retire_memory(t);
}

value dict_repr(value v) {
  repr_guard guard_recursion(v.obj());
  if (guard_recursion.recursive()) return make_str("{...}");
  std::vector<std::pair<value, value>> items;
  {
    backend::read_section guard(bts(), v.obj()->header);
    const table* t = as_dict(v)->tab;
    for (std::size_t k = 0; t != nullptr && k < t->nentries; ++k) {
      const entry& e = t->entries()[k];
      if (!e.key) continue;
      items.emplace_back(newref(e.key), newref(e.val));
    }
  }
  std::string out = "{";
  bool ok = true;
  for (std::size_t i = 0; i < items.size() && ok; ++i) {
    ref k(op_repr(items[i].first));
    ref x(k ? op_repr(items[i].second) : value());
    if (!k || !x) {
      ok = false;
      break;
    }
    if (i) out += ", ";
    out += str_of(k.get()) + ": " + str_of(x.get());
  }
  for (auto& [k, x] : items) {
    decref(k);
    decref(x);
  }
  if (!ok) return value();
  return make_str(out + "}");
}

std::int64_t dict_length(value v) { return static_cast<std::int64_t>(dict_size(v)); }

value dict_subscript(value v, value key) {
  if (value r = dict_get_ref(v, key)) return r;
  if (!error_pending()) {
    ref args(make_tuple({key}));
    ref exc(make_exception(&exc_KeyError, args.get()));
    raise_value(exc.get());
  }
  return value();
}

int dict_ass_subscript(value v, value key, value x) { return x ? dict_set(v, key, x) : dict_del(v, key); }

int dict_contains(value v, value key) {
  value r = dict_get(v, key);
  if (r) return 1;
  return error_pending() ? -1 : 0;
}

value dict_compare(value a, value b, int op) {
  const auto cmp = static_cast<ast::cmpop>(op);
  if (!is_instance(a, &dict_type) || !is_instance(b, &dict_type) || (cmp != ast::cmpop::eq && cmp != ast::cmpop::ne)) {
    return not_implemented();
  }
  bool equal = dict_size(a) == dict_size(b);
  std::size_t pos = 0;
  value k, x;
  while (equal && dict_next(a, &pos, &k, &x)) {
    ref kk(newref(k)), xx(newref(x));
    value y = dict_get(b, k);
    if (!y) {
      if (error_pending()) return value();
      equal = false;
      break;
    }
    ref yy(newref(y));
    const int eq = op_equal(x, y);
    if (eq < 0) return value();
    equal = eq;
  }
  return boolean(cmp == ast::cmpop::eq ? equal : !equal);
}

value dict_keys_step(iterator_object* it) {
  dict_object* d = as_dict(it->seq);
  backend::read_section guard(bts(), d->header);
  if (d->version != it->version) {
    return raise(&exc_RuntimeError, "dictionary changed size during iteration");
  }
  const table* t = d->tab;
  while (t != nullptr && static_cast<std::size_t>(it->index) < t->nentries) {
    const entry& e = t->entries()[static_cast<std::size_t>(it->index++)];
    if (e.key) return newref(e.key);
  }
  return value();
}

}  // namespace


namespace {
value dict_iter(value v) {
  value it = make_iterator(v, dict_keys_step);
  backend::read_section guard(bts(), v.obj()->header);
  static_cast<iterator_object*>(it.obj())->version = as_dict(v)->version;
  return it;
}
}  // namespace

value make_dict() { return value::from(make<dict_object>(&dict_type)); }

namespace {

/// dict_get and dict_get_ref: the value for `key`, borrowed or as a new
/// reference taken before the section ends.
value find_value(value dict, value key, bool new_reference) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return value();
  dict_object* d = as_dict(dict);
  if constexpr (backend::lockfree_reads) {
    // A borrowed value stays valid until this thread's next safepoint even
    // if another thread displaces it (reclaim.hpp).
    value found;
    if (lookup_lockfree(d, key, hash, &found) >= 0) return new_reference ? newref(found) : found;
  }
  backend::read_section guard(bts(), d->header);
  std::size_t slot = 0;
  const std::int64_t ix = lookup(d, key, hash, &slot);
  if (ix < 0) return value();
  const value v = d->tab->entries()[static_cast<std::size_t>(ix)].val;
  return new_reference ? newref(v) : v;
}

}  // namespace

value dict_get(value dict, value key) { return find_value(dict, key, false); }

value dict_get_ref(value dict, value key) { return find_value(dict, key, true); }

std::uint64_t dict_version(dict_object* d) {
  if constexpr (backend::lockfree_reads) return observe(d->version);
  backend::read_section guard(bts(), d->header);
  return d->version;
}

value dict_entry_value_ref(dict_object* d, std::size_t position, value key) {
  std::optional<backend::read_section> guard;  // lock-free where the back-end allows it
  if constexpr (!backend::lockfree_reads) guard.emplace(bts(), d->header);
  const table* t = observe(d->tab);
  if (t == nullptr || position >= observe(t->nentries)) return value();
  const entry& e = t->entries()[position];
  if (observe(e.key) != key) return value();
  const value v = observe(e.val);
  if (!v || observe(d->tab) != t) return value();
  return newref(v);
}

namespace {

// The two writers every mutator of an entry goes through, each one section:
// remove_entry (dict_pop_ref, dict_del) and store_entry (dict_exchange,
// dict_set). They hand the displaced reference to the caller, which drops
// or keeps it outside the section.

/// Removes `key`: 1 with its value in *val (the entry's reference), 0 if
/// absent, -1 on error.
int remove_entry(value dict, value key, value* val) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return -1;
  dict_object* d = as_dict(dict);
  value old_key;
  {
    backend::write_section guard(bts(), d->header);
    std::size_t slot = 0;
    const std::int64_t ix = lookup(d, key, hash, &slot);
    if (ix < 0) return ix == -1 ? 0 : -1;
    table* t = d->tab;
    entry& e = t->entries()[static_cast<std::size_t>(ix)];
    old_key = e.key;
    *val = e.val;
    publish(t->index()[slot], slot_dummy);
    publish(e.key, value());
    publish(e.val, value());
    --d->used;
    bump_version(d);
  }
  release_displaced(old_key);
  return 1;
}

/// Stores `v` under `key`: 1 with the replaced value in *old (the entry's
/// reference), 0 if the key was new, -1 on error.
int store_entry(value dict, value key, value v, value* old) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return -1;
  dict_object* d = as_dict(dict);
  std::size_t slot = 0;
  std::int64_t ix = -1;
  auto replace_value = [&] {
    entry& e = d->tab->entries()[static_cast<std::size_t>(ix)];
    *old = e.val;
    publish(e.val, newref(v));  // not a change of size: iteration goes on
    return 1;
  };
  std::optional<std::uint64_t> looked_up_at;  // the version the lookup below saw: it runs __eq__ once per store
  if (dict_entry_undo_applies(d)) {  // stm, a dict too big to copy: replace one value
    ix = lookup(d, key, hash, &slot);
    if (ix == -2) return -1;
    if (ix >= 0 && save_dict_entry(d, static_cast<std::size_t>(ix))) return replace_value();
    looked_up_at = d->version;
  }
  backend::write_section guard(bts(), d->header);
  // The section's commit (the dict is too big to copy) runs no code, so the
  // lookup above still holds; the version says so.
  if (!looked_up_at || *looked_up_at != d->version) {
    ix = lookup(d, key, hash, &slot);
    if (ix == -2) return -1;
  }
  if (ix >= 0) return replace_value();
  insert_new(d, key, hash, v, slot);
  return 0;
}

}  // namespace

namespace {
/// The caller gets its own reference to a displaced value, and the dict's
/// goes through release_displaced: a lock-free reader may be about to
/// incref it.
value caller_reference(value displaced) {
  value mine = newref(displaced);
  release_displaced(displaced);
  return mine;
}
}  // namespace

value dict_pop_ref(value dict, value key) {
  value v;
  return remove_entry(dict, key, &v) > 0 ? caller_reference(v) : value();
}

bool dict_popitem_ref(value dict, value* key, value* v) {
  dict_object* d = as_dict(dict);
  value old_key, old_val;
  {
    backend::write_section guard(bts(), d->header);
    table* t = d->tab;
    std::size_t n = t != nullptr ? t->nentries : 0;
    while (n > 0 && !t->entries()[n - 1].key) --n;
    if (n == 0) return false;
    entry& e = t->entries()[n - 1];
    // The index slot that holds entry n-1: the probe sequence of its stored
    // hash, comparing entry numbers only (no __eq__, no Python code).
    probe p(e.hash, t->index_size);
    while (t->index()[p.slot] != static_cast<std::int32_t>(n - 1)) p.next();
    old_key = e.key;
    old_val = e.val;
    publish(t->index()[p.slot], slot_dummy);
    publish(e.key, value());
    publish(e.val, value());
    // As CPython's popitem: the trailing deleted entries go, so popping
    // every item is linear. A lock-free reader checks the position against
    // nentries and the entry's key, so it sees a miss either way.
    publish(t->nentries, static_cast<std::uint32_t>(n - 1));
    --d->used;
    bump_version(d);
  }
  *key = caller_reference(old_key);
  *v = caller_reference(old_val);
  return true;
}

value dict_exchange(value dict, value key, value v) {
  value old;
  return store_entry(dict, key, v, &old) > 0 ? caller_reference(old) : value();
}

value dict_setdefault_ref(value dict, value key, value dflt) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return value();
  dict_object* d = as_dict(dict);
  backend::write_section guard(bts(), d->header);
  std::size_t slot = 0;
  const std::int64_t ix = lookup(d, key, hash, &slot);
  if (ix == -2) return value();
  if (ix >= 0) return newref(d->tab->entries()[static_cast<std::size_t>(ix)].val);
  insert_new(d, key, hash, dflt, slot);
  return newref(dflt);
}

std::int64_t dict_entry_index(value dict, value key) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return -2;
  dict_object* d = as_dict(dict);
  backend::read_section guard(bts(), d->header);
  std::size_t slot = 0;
  return lookup(d, key, hash, &slot);
}

int dict_set(value dict, value key, value v) {
  value old;
  const int r = store_entry(dict, key, v, &old);
  if (r > 0) release_displaced(old);
  return r < 0 ? -1 : 0;
}

int dict_del(value dict, value key) {
  value old;
  const int r = remove_entry(dict, key, &old);
  if (r > 0) {
    release_displaced(old);
    return 0;
  }
  if (r == 0) {
    ref args(make_tuple({key}));
    ref exc(make_exception(&exc_KeyError, args.get()));
    raise_value(exc.get());
  }
  return -1;
}

std::size_t dict_size(value dict) {
  backend::read_section guard(bts(), dict.obj()->header);
  return as_dict(dict)->used;
}

bool dict_next(value dict, std::size_t* pos, value* key, value* v) {
  dict_object* d = as_dict(dict);
  backend::read_section guard(bts(), d->header);
  const table* t = d->tab;
  while (t != nullptr && *pos < t->nentries) {
    const entry& e = t->entries()[(*pos)++];
    if (e.key) {
      *key = e.key;
      *v = e.val;
      return true;
    }
  }
  return false;
}

void init_dict() {
  init_type(dict_type, "dict", nullptr);
  dict_type.dealloc = dealloc_dict;
  dict_type.traverse = traverse_dict;
  dict_type.clear = clear_dict;
  dict_type.repr = dict_repr;
  dict_type.length = dict_length;
  dict_type.getitem = dict_subscript;
  dict_type.setitem = dict_ass_subscript;
  dict_type.contains = dict_contains;
  dict_type.compare = dict_compare;
  dict_type.iter = dict_iter;
  dict_type.truth = [](value v) -> int { return dict_size(v) != 0; };
}

GILLAB_RUNTIME_NAMESPACE_END
