// weakref.cpp — weak references (weakref.ref, the _weakref module).
//
// Follows CPython's Objects/weakrefobject.c in behaviour (a callback-less
// reference to an object is shared, ref() returns None once the referent
// died, a reference's hash is its referent's, kept; == compares referents
// while both live; callbacks run when the referent dies, with the dead
// reference, unless the reference died first) and free-threaded CPython
// (PEP 703) in how a dereference races the referent's death.
//
// Design:
//  - One table, object -> its weak references (borrowed pointers), under one
//    mutex. A referent is marked in its gc_head (gc.hpp's weak_marker), so
//    deallocate() pays one byte test for the objects that never had a weak
//    reference. Only tracked objects (instances, functions, bound methods,
//    sets, generators, modules) and immortal ones (classes: never die, never
//    cleared) can be weakly referenced.
//  - Dereferencing takes the mutex and the back-end's try_incref, which
//    fails once the count reached zero: the thread that dropped the last
//    reference is then on its way to clear the table entry (it waits for
//    the mutex), and the dereference answers None instead of reviving it.
//  - A referent's death clears every reference to it under the mutex
//    (referent = null) and takes the ones with a callback that are still
//    alive (try_incref on the reference: one that is being deallocated
//    meanwhile is skipped, as CPython skips the callback of a dead
//    reference); the callbacks run after the mutex is released. A
//    reference's own death unlinks it under the mutex; so neither side ever
//    touches freed memory.
//  - The collector (gc.cpp) detaches the references to its garbage with the
//    world stopped, right after finding it (CPython's handle_weakrefs), so
//    no thread can revive garbage through a reference; the callbacks of
//    references that are not garbage themselves run with the world started,
//    before the finalizers.
// Invariants: a referent's marker is set iff the table has an entry for it
// (both changed under the mutex); every reference in an entry has that
// referent, and a reference with a null referent is in no entry. Nothing
// under the mutex allocates a Python object, calls Python code or reaches
// a safepoint (a stopped world can always take it).
#include "transaction.hpp"
#include "weakref.hpp"

#include "dict.hpp"
#include "errors.hpp"
#include "eval.hpp"
#include "gc.hpp"
#include "operations.hpp"
#include "runtime.hpp"

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

type_object weakref_type;
extern type_object generator_type, coroutine_type;  // generators.cpp

namespace {

struct weakref_object : object {
  object* referent;  // borrowed; null once it died (written under table_mutex)
  value callback;    // owned, or null
  std::int64_t hash;
  bool hashed;
};

std::mutex table_mutex;
// Reachable to the end (no leak report); entries come and go with referents.
auto& table = *new std::unordered_map<object*, std::vector<weakref_object*>>();

weakref_object* as_weakref(value v) { return static_cast<weakref_object*>(v.obj()); }

bool is_immortal(const object* o) { return (o->flags & flag_immortal) != 0; }

/// The types whose objects CPython lets be weakly referenced, as far as
/// gillab has them (not list, dict, tuple, int, str, ...); a class's own
/// instances unless its __slots__ leave out __weakref__ (and it has no
/// __dict__), as CPython's tp_weaklistoffset.
bool weakrefable(value v) {
  if (!v.is_object()) return false;
  const object* o = v.obj();
  type_object* t = o->type;
  if (is_type(v)) return true;
  if (!(o->flags & flag_gc_tracked) && !is_immortal(o)) return false;  // no marker to set
  if (t == &function_type || t == &builtin_function_type || t == &set_type || t == &frozenset_type || t == &module_type || t == &generator_type ||
      t == &coroutine_type || is_bound_method(v)) {
    return true;
  }
  if (!t->heap || t->solid == &tuple_type) return false;
  return t->dict_offset != 0 || type_lookup(t, intern("__weakref__"));
}

/// Under table_mutex: takes `w` out of its referent's entry.
void unlink_locked(weakref_object* w) {
  auto it = table.find(w->referent);
  if (it != table.end()) {
    auto& refs = it->second;
    refs.erase(std::remove(refs.begin(), refs.end(), w), refs.end());
    if (refs.empty()) {
      if (!is_immortal(w->referent)) weak_marker(w->referent).store(0, std::memory_order_relaxed);
      table.erase(it);
    }
  }
  w->referent = nullptr;
}

/// Under table_mutex: clears every reference to `o`, adding those with a
/// callback that are alive (and not in `skip`) to `callbacks`, each held.
void detach_locked(object* o, const std::unordered_set<object*>* skip, std::vector<value>& callbacks) {
  auto it = table.find(o);
  if (it == table.end()) return;
  for (weakref_object* w : it->second) {
    w->referent = nullptr;
    if (!w->callback || (skip && skip->count(w))) continue;
    if (backend::try_incref(w->header)) callbacks.push_back(value::from(w));
  }
  table.erase(it);
  weak_marker(o).store(0, std::memory_order_relaxed);
}

/// stm's concurrent mode: the new reference a dereference makes must count
/// at once (stm::try_incref), so it commits first (outside the mutex: a
/// commit frees, and a free may take the mutex). False: the transaction is
/// unwinding to abort (its exception pending) and no reference may be
/// handed out — counted in its log, it would not keep the referent alive
/// against another thread.
[[nodiscard]] bool irrevocable_for_strong_reference() {
  return !transactions_concurrent() || transaction_irrevocable();
}

/// A new reference to the referent, or null if it died.
value referent_of(weakref_object* w) {
  if (!irrevocable_for_strong_reference()) return value();  // (as if dead: the abort discards what follows)
  std::lock_guard lock(table_mutex);
  object* o = w->referent;
  if (!o) return value();
  if (is_immortal(o) || backend::try_incref(o->header)) return value::from(o);
  return value();  // its count reached zero: the thread freeing it will clear us
}

value make_weakref(value target, value callback) {
  if (!weakrefable(target)) {
    return raise_type_error(std::string("cannot create weak reference to '") + type_name(target) + "' object");
  }
  if (callback == none()) callback = value();
  transaction_settle_deaths();  // stm: target may be held only by objects dead until the commit
  if (!irrevocable_for_strong_reference()) return value();  // (an existing reference may be handed out)
  object* o = target.obj();
  auto* w = make<weakref_object>(&weakref_type);  // allocated outside the mutex
  w->referent = nullptr;
  w->callback = callback ? newref(callback) : value();
  w->hash = 0;
  w->hashed = false;
  backend::mark_weakly_referenced(w->header);  // our try_incref on it must work
  if (!is_immortal(o)) backend::mark_weakly_referenced(o->header);
  weakref_object* shared = nullptr;
  {
    std::lock_guard lock(table_mutex);
    auto& refs = table[o];  // (C++ allocation only: no safepoint)
    if (!callback) {
      // A callback-less reference is shared (CPython's): the lookup and the
      // insertion in one critical section, so two threads agree on one.
      for (weakref_object* existing : refs) {
        if (!existing->callback && backend::try_incref(existing->header)) {
          shared = existing;
          break;
        }
      }
    }
    if (!shared) {
      w->referent = o;
      refs.push_back(w);
      if (!is_immortal(o)) weak_marker(o).store(1, std::memory_order_release);
    }
  }
  if (shared) {
    decref(value::from(w));  // never linked: its dealloc finds no referent
    return value::from(shared);
  }
  return value::from(w);
}

void dealloc_weakref(object* o) {
  auto* w = static_cast<weakref_object*>(o);
  {
    std::lock_guard lock(table_mutex);
    if (w->referent) unlink_locked(w);
  }
  xdecref(w->callback);
  free_object_memory(o);
}

void traverse_weakref(object* o, void (*visit)(value, void*), void* arg) {
  if (value c = static_cast<weakref_object*>(o)->callback) visit(c, arg);
}

void clear_weakref(object* o) {
  // (The callback is read under the mutex by a referent's death in another
  // thread while the collector clears this reference.)
  auto* w = static_cast<weakref_object*>(o);
  value c;
  {
    std::lock_guard lock(table_mutex);
    c = std::exchange(w->callback, value());
  }
  xdecref(c);
}

value weakref_call(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("weakref", kwnames)) return value();
  if (nargs) {
    return raise_type_error("weakref() takes no arguments (" + std::to_string(nargs) + " given)");
  }
  value r = referent_of(as_weakref(self));
  return r ? r : error_pending() ? value() : none();  // (pending: stm unwinding to abort)
}

value weakref_construct(const value* args, std::size_t nargs, value kwnames) {
  if (kwnames && as_tuple(kwnames)->size) return raise_type_error("ref() takes no keyword arguments");
  if (nargs < 1 || nargs > 2) {
    return raise_type_error("__new__ expected at most 2 arguments, got " + std::to_string(nargs));
  }
  return make_weakref(args[0], nargs == 2 ? args[1] : value());
}

value weakref_repr(value self) {
  char buf[96];
  ref r(referent_of(as_weakref(self)));
  if (!r) {
    std::snprintf(buf, sizeof buf, "<weakref at %p; dead>", static_cast<void*>(self.obj()));
    return make_str(buf);
  }
  std::snprintf(buf, sizeof buf, "<weakref at %p; to '", static_cast<void*>(self.obj()));
  std::string s = buf;
  s += type_display_name(type_of(r.get()));
  std::snprintf(buf, sizeof buf, "' at %p>", static_cast<void*>(r.get().obj()));
  return make_str(s + buf);
}

bool weakref_hash(value self, std::int64_t* out) {
  auto* w = as_weakref(self);
  {
    std::lock_guard lock(table_mutex);
    if (w->hashed) {
      *out = w->hash;
      return true;
    }
  }
  ref r(referent_of(w));
  if (!r) {
    raise_type_error("weak object has gone away");
    return false;
  }
  std::int64_t h = 0;
  if (!op_hash(r.get(), &h)) return false;
  std::lock_guard lock(table_mutex);
  w->hash = h;
  w->hashed = true;
  *out = h;
  return true;
}

value weakref_compare(value a, value b, int op) {
  if (op > 1 || type_of(b) != &weakref_type) return not_implemented();
  ref x(referent_of(as_weakref(a)));
  ref y(referent_of(as_weakref(b)));
  if (!x || !y) {
    const bool same = a == b;
    return boolean(op == 0 ? same : !same);
  }
  return op_compare(x.get(), y.get(), op);
}

value weakref_getattr(value self, value name) {
  if (str_of(name) == "__callback__") {
    value c = as_weakref(self)->callback;
    return newref(c ? c : none());
  }
  return value();
}

/// getweakrefcount(object): how many weak references it has.
value weakref_count(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("getweakrefcount", kwnames)) return value();
  if (nargs != 1) return raise_type_error("getweakrefcount() takes exactly one argument (" + std::to_string(nargs) + " given)");
  if (!args[0].is_object()) return make_int(0);
  std::lock_guard lock(table_mutex);
  auto it = table.find(args[0].obj());
  return make_int(it == table.end() ? 0 : static_cast<std::int64_t>(it->second.size()));
}

/// getweakrefs(object): a list of its (live) weak references.
value weakref_list(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("getweakrefs", kwnames)) return value();
  if (nargs != 1) return raise_type_error("getweakrefs() takes exactly one argument (" + std::to_string(nargs) + " given)");
  std::vector<value> held;
  if (!irrevocable_for_strong_reference()) return value();
  if (args[0].is_object()) {
    std::lock_guard lock(table_mutex);
    auto it = table.find(args[0].obj());
    if (it != table.end()) {
      for (weakref_object* w : it->second)
        if (backend::try_incref(w->header)) held.push_back(value::from(w));
    }
  }
  value out = make_list();
  for (value w : held) as_list(out)->items.push_back(w);  // a new list: nobody else sees it; adopts
  return out;
}

}  // namespace

void run_weakref_callbacks(std::vector<value>& refs) {
  if (refs.empty()) return;
  if (transaction_aborting()) {
    // stm: an abort frees objects that, as far as the program will ever
    // know, never existed; their weak references (made by the same
    // transaction) die with them, silently.
    for (value w : refs) decref(w);
    refs.clear();
    return;
  }
  thread_state& ts = current_thread();
  value saved = std::exchange(ts.pending, value());
  for (value w : refs) {
    value callback;
    {
      std::lock_guard lock(table_mutex);  // the collector may be clearing it
      callback = as_weakref(w)->callback;
      if (callback) incref(callback);
    }
    if (callback) {
      no_abort_exceptions in_a_deallocator;  // stm: the callback may be a built-in
      ref r(op_call(callback, &w, 1));
      if (!r) report_unraisable(callback, "<weakref callback>");
      decref(callback);
    }
    decref(w);
  }
  refs.clear();
  ts.pending = saved;
}

void clear_weakrefs(object* o) {
  std::vector<value> callbacks;
  {
    std::lock_guard lock(table_mutex);
    detach_locked(o, nullptr, callbacks);
  }
  run_weakref_callbacks(callbacks);
}

void detach_weakrefs_of_garbage(const std::vector<object*>& garbage, std::vector<value>& callbacks) {
  std::vector<object*> marked;
  for (object* o : garbage)
    if (weak_marker(o).load(std::memory_order_acquire)) marked.push_back(o);
  if (marked.empty()) return;
  const std::unordered_set<object*> skip(garbage.begin(), garbage.end());  // a garbage reference's callback never runs
  std::lock_guard lock(table_mutex);
  for (object* o : marked) detach_locked(o, &skip, callbacks);
}

value weakref_module() {
  static value m = [] {
    init_type(weakref_type, "ReferenceType", nullptr);
    weakref_type.module = "weakref";
    weakref_type.dealloc = dealloc_weakref;
    weakref_type.traverse = traverse_weakref;
    weakref_type.clear = clear_weakref;
    weakref_type.call = weakref_call;
    weakref_type.construct = weakref_construct;
    weakref_type.repr = weakref_repr;
    weakref_type.hash = weakref_hash;
    weakref_type.compare = weakref_compare;
    weakref_type.getattr = weakref_getattr;
    value mod = make_native_module("_weakref", {{"getweakrefcount", weakref_count}, {"getweakrefs", weakref_list}});
    dict_set(value::from(static_cast<module_object*>(mod.obj())->dict), intern("ref"), value::from(&weakref_type));
    return mod;
  }();
  return m;
}

GILLAB_RUNTIME_NAMESPACE_END
