// dict.cpp — see containers.cpp for the design; this file holds the table.
#include "dict.hpp"
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>

#include <cstdlib>
#include <utility>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

constexpr std::int32_t slot_empty = -1;
constexpr std::int32_t slot_dummy = -2;
constexpr std::size_t min_index = 8;

backend::thread_state& bts() { return current_thread().backend_state; }

// Finds the index slot of `key` (or the slot to insert it at). Returns the
// entry number, -1 if absent, -2 on error. Caller holds the section.
std::int64_t lookup(dict_object* d, value key, std::int64_t hash, std::size_t* slot_out) {
  if (d->index.empty()) {
    *slot_out = 0;
    return -1;
  }
  const std::size_t mask = d->index.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  std::uint64_t perturb = static_cast<std::uint64_t>(hash);
  std::size_t first_free = SIZE_MAX;
  for (;;) {
    const std::int32_t ix = d->index[i];
    if (ix == slot_empty) {
      *slot_out = first_free != SIZE_MAX ? first_free : i;
      return -1;
    }
    if (ix == slot_dummy) {
      if (first_free == SIZE_MAX) first_free = i;
    } else {
      dict_object::entry& e = d->entries[static_cast<std::size_t>(ix)];
      if (e.key == key) {
        *slot_out = i;
        return ix;
      }
      if (e.hash == hash) {
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
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void rebuild_index(dict_object* d, std::size_t min_size) {
  // Compact the entries, then size the index to keep it at most 2/3 full.
  std::vector<dict_object::entry> live;
  live.reserve(d->used);
  for (auto& e : d->entries)
    if (e.key) live.push_back(e);
  d->entries.swap(live);
  std::size_t size = min_index;
  while (size * 2 < (std::max(min_size, d->entries.size()) + 1) * 3) size <<= 1;
  d->index.assign(size, slot_empty);
  const std::size_t mask = size - 1;
  for (std::size_t n = 0; n < d->entries.size(); ++n) {
    std::size_t i = static_cast<std::size_t>(d->entries[n].hash) & mask;
    std::uint64_t perturb = static_cast<std::uint64_t>(d->entries[n].hash);
    while (d->index[i] != slot_empty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    d->index[i] = static_cast<std::int32_t>(n);
  }
}

// Adds an absent key at the slot lookup() found. Caller holds the section.
void insert_new(dict_object* d, value key, std::int64_t hash, value v, std::size_t slot) {
  if (d->index.empty() || (d->entries.size() + 1) * 3 >= d->index.size() * 2) {
    rebuild_index(d, (d->used + 1) * 2);
    lookup(d, key, hash, &slot);
  }
  d->index[slot] = static_cast<std::int32_t>(d->entries.size());
  d->entries.push_back({hash, newref(key), newref(v)});
  ++d->used;
  ++d->version;
}

void dealloc_dict(object* o) {
  auto* d = static_cast<dict_object*>(o);
  for (auto& e : d->entries) {
    if (e.key) {
      decref(e.key);
      decref(e.val);
    }
  }
  d->~dict_object();
  std::free(o);
}

value dict_repr(value v) {
  std::vector<std::pair<value, value>> items;
  {
    backend::read_section guard(bts(), v.obj()->header);
    for (auto& e : as_dict(v)->entries) {
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
  while (static_cast<std::size_t>(it->index) < d->entries.size()) {
    auto& e = d->entries[static_cast<std::size_t>(it->index++)];
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

value dict_get(value dict, value key) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return value();
  dict_object* d = as_dict(dict);
  backend::read_section guard(bts(), d->header);
  std::size_t slot = 0;
  const std::int64_t ix = lookup(d, key, hash, &slot);
  return ix >= 0 ? d->entries[static_cast<std::size_t>(ix)].val : value();
}

value dict_get_ref(value dict, value key) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return value();
  dict_object* d = as_dict(dict);
  backend::read_section guard(bts(), d->header);
  std::size_t slot = 0;
  const std::int64_t ix = lookup(d, key, hash, &slot);
  return ix >= 0 ? newref(d->entries[static_cast<std::size_t>(ix)].val) : value();
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
    auto& e = d->entries[static_cast<std::size_t>(ix)];
    old_key = std::exchange(e.key, value());
    *val = std::exchange(e.val, value());
    d->index[slot] = slot_dummy;
    --d->used;
    ++d->version;
  }
  decref(old_key);
  return 1;
}

/// Stores `v` under `key`: 1 with the replaced value in *old (the entry's
/// reference), 0 if the key was new, -1 on error.
int store_entry(value dict, value key, value v, value* old) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return -1;
  dict_object* d = as_dict(dict);
  backend::write_section guard(bts(), d->header);
  std::size_t slot = 0;
  const std::int64_t ix = lookup(d, key, hash, &slot);
  if (ix == -2) return -1;
  if (ix >= 0) {
    *old = std::exchange(d->entries[static_cast<std::size_t>(ix)].val, newref(v));
    return 1;
  }
  insert_new(d, key, hash, v, slot);
  return 0;
}

}  // namespace

value dict_pop_ref(value dict, value key) {
  value v;
  return remove_entry(dict, key, &v) > 0 ? v : value();
}

value dict_exchange(value dict, value key, value v) {
  value old;
  return store_entry(dict, key, v, &old) > 0 ? old : value();
}

value dict_setdefault_ref(value dict, value key, value dflt) {
  std::int64_t hash = 0;
  if (!op_hash(key, &hash)) return value();
  dict_object* d = as_dict(dict);
  backend::write_section guard(bts(), d->header);
  std::size_t slot = 0;
  const std::int64_t ix = lookup(d, key, hash, &slot);
  if (ix == -2) return value();
  if (ix >= 0) return newref(d->entries[static_cast<std::size_t>(ix)].val);
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
  if (r > 0) decref(old);
  return r < 0 ? -1 : 0;
}

int dict_del(value dict, value key) {
  value old;
  const int r = remove_entry(dict, key, &old);
  if (r > 0) {
    decref(old);
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
  while (*pos < d->entries.size()) {
    auto& e = d->entries[(*pos)++];
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
