// dict.hpp — the dict's internal API, used by the runtime (globals, kwargs,
// sets) without going through Python-level method calls.
#pragma once

#include "types.hpp"

GILLAB_RUNTIME_NAMESPACE_BEGIN

/// Borrowed reference to the value for `key`, null if absent (or on error:
/// check error_pending()).
value dict_get(value dict, value key);
/// The value for `key` as a new reference: what a reader of a dict other
/// threads may change must use (a borrowed value could be freed by a
/// concurrent store before the caller increfs it). Without the dict's
/// section on back-ends with lockfree_reads, inside it on the others.
/// Null if absent (or on error: check error_pending()).
value dict_get_ref(value dict, value key);
/// Removes `key` and returns its value (new reference) in one section; null
/// without an exception if absent.
value dict_pop_ref(value dict, value key);
/// Stores `v` under `key` and returns the value it replaced (the dict's
/// reference passes to the caller) in one section; null without an
/// exception when the key was new, null with one on error.
value dict_exchange(value dict, value key, value v);
/// dict.setdefault in one section: the value (new reference), inserting
/// `dflt` first if `key` is absent. Null on error.
value dict_setdefault_ref(value dict, value key, value dflt);
int dict_set(value dict, value key, value v);  // borrowed key and value; -1 error
int dict_del(value dict, value key);           // 0 ok, -1 error (KeyError raised)
/// dict.popitem(): removes the last item inserted (LIFO, as CPython), in one
/// section and without calling __hash__/__eq__, and gives the caller both
/// references; false when the dict is empty.
bool dict_popitem_ref(value dict, value* key, value* v);
std::size_t dict_size(value dict);
/// The position of `key` among the entries (stable until the next insert or
/// delete, which bumps `version`), or -1; -2 on error.
std::int64_t dict_entry_index(value dict, value key);
/// The value at entry `position` if that entry still holds `key` (a new
/// reference), else null; never raises (LOAD_GLOBAL's cache). Lock-free on
/// back-ends with lockfree_reads, else inside the dict's read section.
value dict_entry_value_ref(dict_object* d, std::size_t position, value key);
/// The dict's version (bumped by every insert and delete), read as
/// dict_entry_value_ref reads.
std::uint64_t dict_version(dict_object* d);
/// Iterates live entries in insertion order; `pos` starts at 0.
bool dict_next(value dict, std::size_t* pos, value* key, value* v);

GILLAB_RUNTIME_NAMESPACE_END
