// types.hpp — type objects and the built-in object layouts of the runtime.
//
// A type is a table of slots (CPython's tp_* and nb_* slots, reduced to what
// gillab's subset needs) plus a dict of methods. Binary operators follow
// CPython's protocol: the left operand's slot is tried first, then the right
// operand's (for a different type), and a slot returns NotImplemented for
// operand types it does not handle.
//
// Objects whose state can change (list, dict, set, cell, function, module,
// exception) are the mutable ones: every access to their state from the
// runtime goes through the back-end's read/write sections (backend.hpp).
// Immutable objects (int, float, str, tuple, range, code) need none.
#pragma once

#include "list_items.hpp"
#include "object.hpp"

#include <gillab/interp/bytecode.hpp>

#if GILLAB_BIGINT_GMP
#include <boost/multiprecision/gmp.hpp>
#else
#include <boost/multiprecision/cpp_int.hpp>
#endif

#include <atomic>
#include <memory>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

// The int beyond 62 bits (GILLAB_BIGINT in CMakeLists.txt says how it was
// chosen). Both give Python's semantics here: >> floors, bitwise operators
// act on two's complement.
#if GILLAB_BIGINT_GMP
using big_int = boost::multiprecision::mpz_int;
inline constexpr const char* big_int_library = "gmp";
#else
using big_int = boost::multiprecision::cpp_int;
inline constexpr const char* big_int_library = "cpp_int";
#endif
/// int -> float, correctly rounded (numbers.cpp).
double big_to_double(const big_int& b);

using native_fn = value (*)(value self, const value* args, std::size_t nargs, value kwnames);

struct dict_object;

struct type_object : object {
  const char* name = "";
  type_object* base = nullptr;
  void (*dealloc)(object*) = nullptr;
  value (*repr)(value) = nullptr;
  value (*str)(value) = nullptr;
  bool (*hash)(value, std::int64_t*) = nullptr;       // null: unhashable
  value (*compare)(value, value, int op) = nullptr;    // op: ast::cmpop eq..ge
  value (*binary)(value, value, int op) = nullptr;     // op: ast::binop; NotImplemented if unsupported
  value (*unary)(value, int op) = nullptr;             // op: ast::unaryop neg/pos/invert
  int (*truth)(value) = nullptr;                       // -1 error
  std::int64_t (*length)(value) = nullptr;             // -1 error
  value (*getitem)(value, value) = nullptr;
  int (*setitem)(value, value, value) = nullptr;       // value null: delete; -1 error
  int (*contains)(value, value) = nullptr;             // -1 error
  value (*iter)(value) = nullptr;
  value (*next)(value) = nullptr;                      // null and nothing pending: exhausted
  value (*call)(value, const value*, std::size_t, value kwnames) = nullptr;
  value (*getattr)(value, value name) = nullptr;       // null: use the generic lookup
  int (*setattr)(value, value name, value v) = nullptr;  // v null: delete; -1 error; null slot: read-only
  dict_object* dict = nullptr;                         // methods and class attributes
  // Calling the type (socket.socket(...)): set by built-in modules' types;
  // the core types are constructed through builtins.cpp's constructor_of.
  value (*construct)(const value* args, std::size_t nargs, value kwnames) = nullptr;
  bool is_exception = false;
  // The cycle collector (gc.hpp). A type with `traverse` is a container: its
  // objects are allocated tracked. traverse calls visit(child, arg) for each
  // reference the object owns (null children are skipped by visitors);
  // clear drops the references that can form cycles, leaving the object
  // valid (empty) until its count reaches zero.
  void (*traverse)(object*, void (*visit)(value, void*), void* arg) = nullptr;
  void (*clear)(object*) = nullptr;
  // Runs Python-level clean-up of garbage before any of it is cleared
  // (CPython's tp_finalize, PEP 442): a suspended generator's finally blocks.
  void (*finalize)(object*) = nullptr;
  // stm (transaction.hpp): saves what a write section may change in an
  // object of this layout, so that an abort can put it back; null for
  // layouts no write changes (or whose changes go through a dict).
  void (*save_undo)(object*) = nullptr;
  // Classes (classes.cpp). Built-in types have a single base and an MRO
  // that follows it to `object`; a class made by a class statement is a
  // heap type: its MRO is C3's linearization of its bases, its instances
  // have the layout of its `solid` built-in base (object, an exception,
  // list, dict) followed by the instance __dict__ pointer at dict_offset
  // (0: none, as with __slots__) and its slot values; basic_size covers it
  // all. Heap types are immortal (classes live until exit, as nearly all
  // do; without a cycle collector their dict <-> method cycles would keep
  // them anyway).
  bool heap = false;
  std::vector<type_object*> mro;        // this type first, `object` last
  value bases;                          // tuple (heap types), else null
  type_object* solid = nullptr;         // the built-in type whose layout instances have
  std::size_t basic_size = 0;           // instance size (heap types)
  std::size_t dict_offset = 0;          // where the instance __dict__ pointer is; 0: none
  std::string qualname, module;         // heap types; built-ins: name and "builtins"
  // Its __abstractmethods__ is non-empty (set by assigning it, as abc's
  // ABCMeta does): object.__new__ refuses to make instances (CPython's
  // Py_TPFLAGS_IS_ABSTRACT). Atomic: another thread may assign it.
  std::atomic<bool> is_abstract{false};
};

// ---- immortal singletons ----
extern type_object object_type, none_type, bool_type, int_type, float_type, str_type, bytes_type, tuple_type,
    list_type, dict_type, set_type, frozenset_type, range_type, slice_type, function_type,
    builtin_function_type, code_type, cell_type, module_type, type_type, not_implemented_type,
    ellipsis_type, iterator_type;

extern object none_object, true_object, false_object, not_implemented_object, ellipsis_object;
inline value none() { return value::from(&none_object); }
inline value true_value() { return value::from(&true_object); }
inline value false_value() { return value::from(&false_object); }
inline value boolean(bool b) { return b ? true_value() : false_value(); }
inline value not_implemented() { return value::from(&not_implemented_object); }

/// CPython's hash of an int that fits 63 bits: the value modulo 2^61 - 1,
/// keeping the sign, with -1 (the C API's error marker) mapped to -2.
inline std::int64_t hash_small_int(std::int64_t x) {
  constexpr std::int64_t modulus = (std::int64_t{1} << 61) - 1;
  const std::int64_t h = x >= 0 ? x % modulus : -((-x) % modulus);
  return h == -1 ? -2 : h;
}

inline type_object* type_of(value v) {
  if (v.is_null()) __builtin_unreachable();  // callers never pass "no value"
  return v.is_small() ? &int_type : v.obj()->type;
}
bool is_subtype(const type_object* t, const type_object* base);
inline bool is_instance(value v, const type_object* t) { return is_subtype(type_of(v), t); }
/// v is a class: its type is `type` or a metaclass (a class derived from
/// type, whose instances have type's layout: classes.cpp).
inline bool is_type(value v) {
  const type_object* t = type_of(v);
  return t == &type_type || t->solid == &type_type;
}

// ---- layouts ----
struct big_int_object : object {
  big_int v;
};
struct float_object : object {
  double v;
};
struct str_object : object {
  std::string utf8;
  std::int64_t length = 0;     // code points
  std::int64_t hash_cache = -1;
  bool ascii = true;
};
struct bytes_object : object {
  std::string bytes;
};
struct tuple_object : object {
  std::size_t size;
  value items[1];  // allocated with room for `size`
};
struct list_object : object {
  list_items items;  // lock-free readable on fine (list_items.hpp)
};
struct dict_object : object {
  struct entry {
    std::int64_t hash;
    value key;  // null: deleted
    value val;
  };
  /// One allocation: this header, `index_size` int32 index slots (open
  /// addressing; -1 empty, -2 dummy), then room for `capacity` entries in
  /// insertion order, with holes. A full table is replaced, never resized in
  /// place, so a lock-free reader (dict.cpp) can finish with an old one.
  struct table {
    std::uint32_t index_size;  // a power of two
    std::uint32_t capacity;
    std::uint32_t nentries;    // entries [0, nentries) are written
    std::uint32_t padding;     // keeps the entries 8-byte aligned
    std::int32_t* index() const { return reinterpret_cast<std::int32_t*>(const_cast<table*>(this) + 1); }
    entry* entries() const { return reinterpret_cast<entry*>(index() + index_size); }
  };
  table* tab = nullptr;        // null: never had an entry
  std::size_t used = 0;
  std::uint64_t version = 0;   // bumped on every change: iteration checks it
};
struct set_object : object {
  // CPython's setobject.c table, so iteration order (slot order) matches
  // CPython's for keys whose hashes match (ints, floats, bools, tuples).
  struct slot {
    value key;              // null: never used
    std::int64_t hash = 0;  // -1 with key == dummy marker: deleted
  };
  std::vector<slot> table;  // size is a power of two, at least 8
  std::size_t fill = 0;     // active + deleted
  std::size_t used = 0;     // active
  std::size_t finger = 0;   // where pop() resumes
  std::int64_t hash_cache = -1;  // frozenset only
};
struct range_object : object {
  std::int64_t start, stop, step, length;
};
struct slice_object : object {
  value start, stop, step;
};
struct cell_object : object {
  value contents;  // null: empty
};
// LOAD_GLOBAL's inline cache, one per instruction: where the name was found
// last time. A hit is checked, not trusted: the entry at `index` must still
// hold this very name (interned, so compared by identity); a builtins hit
// also needs the globals' key set unchanged since (`globals_version`), so
// that the name is still absent from them. Threads running the same code
// share the entry, so each field is read and written as a relaxed atomic
// (plain moves on x86); an entry torn between two fills is still checked,
// not trusted (a wrong index fails the name check, and a version recorded
// by any fill was read before that fill found globals without the name),
// so per-field atomicity is all the fine back-end needs.
struct global_cache_entry {
  std::uint64_t globals_version = 0;
  std::uint32_t index = 0;
  std::uint8_t where = 0;  // 0 empty, 1 globals, 2 builtins

  [[nodiscard]] global_cache_entry load() const {
    global_cache_entry e;
    e.globals_version = field(globals_version).load(std::memory_order_relaxed);
    e.index = field(index).load(std::memory_order_relaxed);
    e.where = field(where).load(std::memory_order_relaxed);
    return e;
  }
  void store(const global_cache_entry& e) {
    field(globals_version).store(e.globals_version, std::memory_order_relaxed);
    field(index).store(e.index, std::memory_order_relaxed);
    field(where).store(e.where, std::memory_order_relaxed);
  }

 private:
  template <class T>
  static std::atomic_ref<T> field(const T& f) {
    return std::atomic_ref<T>(const_cast<T&>(f));
  }
};

// LOAD_ATTR's and LOAD_METHOD's inline cache, one per instruction (after
// CPython 3.11's specialised LOAD_ATTR_INSTANCE_VALUE/WITH_HINT/SLOT/MODULE
// and LOAD_METHOD_WITH_DICT): what the receiver's type was when the entry
// was filled, the type generation then (classes.cpp: bumped by every change
// to a class dict, so the MRO's answer for the name is still the recorded
// one while it is unchanged), what kind of answer that was (classes.cpp's
// attr_kind), the class's value it found, and `hint`: where the name sat in
// the instance's or module's dict (checked against the key, like
// LOAD_GLOBAL's index) or a __slots__ member's offset. Unlike that index,
// type, generation, kind and value must be read as one: a type from one
// fill with the kind of another would vouch for a class nobody checked. So
// a fill writes them under a sequence count (odd while it writes; a second
// filler gives up) and a reader whose count moved or is odd has a miss.
// Fields are relaxed atomics (plain moves on x86), the count ordered by
// fences, as in a seqlock. A site that sees many types (a base class's
// method run on instances of its subclasses) would refill at every call:
// after a few refills it is marked generic for every type (type null)
// until the next class change, like CPython's adaptive back-off.
struct attr_cache_entry {
  std::uint32_t seq = 0;
  std::uint32_t hint = 0;
  const type_object* type = nullptr;
  std::uint64_t generation = 0;
  object* found = nullptr;  // borrowed: the class dict keeps it while the generation holds
  std::uint8_t kind = 0;
  std::uint8_t refills = 0;  // fills for another type: past a few, the site is left generic
};

struct code_object : object {
  std::shared_ptr<const code_unit> unit;
  std::vector<value> constants;  // materialised
  std::vector<value> names;      // interned strs
  value name, qualname, filename;
  std::vector<global_cache_entry> global_cache;  // by instruction index
  std::vector<attr_cache_entry> attr_cache;      // by instruction index
};
// An object field that readers follow without a lock while another thread
// may replace it (a function's __defaults__, read by every call that uses a
// default; an exception's args, __cause__, __context__). Readers load it
// with unlocked_field(); writers use an unlocked_field_writer (reclaim.hpp),
// which publishes with release and hands the old value to
// release_displaced(), so on the fine back-end a reader that loaded it may
// still incref it until its next safepoint.
inline value unlocked_field(const value& field) {
  return std::atomic_ref<value>(const_cast<value&>(field)).load(std::memory_order_acquire);
}

// The replaceable fields (defaults, name, qualname, annotations, doc,
// module_name, dict) are unlocked fields (above).
struct function_object : object {
  code_object* code;
  dict_object* globals;
  dict_object* builtins;
  value defaults;    // tuple or null
  value kwdefaults;  // dict or null; never replaced
  value closure;     // tuple of cells or null; never replaced
  value name, qualname, annotations, doc;
  value module_name;
  value dict;  // attributes set on the function (f.cache = ...), or null
};
struct builtin_function_object : object {
  const char* name;
  native_fn fn;
  value self;  // bound receiver, or null
};
struct module_object : object {
  dict_object* dict;
  value name;
};
// args, cause, context and extra are unlocked fields (above): threads that
// share an exception read them (str(e), a traceback) while another thread
// assigns them, calls __init__, or raises the exception. The traceback is
// appended and read inside the exception's sections.
struct exception_object : object {
  value args;  // tuple
  value cause, context;
  bool suppress_context = false;  // read and written with std::atomic_ref (relaxed)
  struct tb_entry {
    code_object* code;
    int line;
  };
  std::vector<tb_entry> traceback;  // innermost last
  value extra;                      // StopIteration.value, SystemExit.code, ...
  dict_object* attrs = nullptr;     // attributes a program set (made on first set; see instance_dict)
};
/// e's args tuple, loaded once (an unlocked field; never null).
inline value exception_args(const exception_object* e) {
  value tuple = unlocked_field(e->args);
  if (!tuple) __builtin_unreachable();  // set at creation, replaced only by tuples
  return tuple;
}
struct iterator_object : object {
  // Kept until the iterator dies, also once exhausted: a step may call
  // Python (a filter's predicate, a __getitem__), and another thread's step
  // on the same iterator may then run — and end it — meanwhile, while the
  // first still uses what it borrowed from `seq` (free-threaded CPython's
  // list iterator keeps its list so too).
  value seq;
  bool exhausted = false;  // sticky; read and written inside the iterator's section
  std::int64_t index = 0;
  std::int64_t limit = 0;
  std::uint64_t version = 0;
  value (*step)(iterator_object*) = nullptr;
};

// ---- allocation ----
/// Memory for an object of `size` bytes with a fresh header; tracked by the
/// cycle collector when the type has a traverse slot (gc.hpp).
object* allocate(type_object* type, std::size_t size);
/// Frees an object's memory, tracked or not: what deallocators call last.
void free_object_memory(object* o);
/// stm (transaction.cpp): while an abort frees what its transaction made,
/// objects' memory is freed only once all of them are done (one may still
/// refer to another): true when `memory` was taken to free then.
bool transaction_defer_free(void* memory);
template <class T>
T* make(type_object* type) {
  void* mem = allocate(type, sizeof(T));
  T* o = new (mem) T;
  o->type = type;
  return o;
}

// ---- constructors ----
value make_int_slow(std::int64_t i);  // beyond 62 bits: a big int object
inline value make_int(std::int64_t i) { return value::fits_small(i) ? value::small(i) : make_int_slow(i); }
value make_int(const big_int& b);
value make_int(big_int&& b);
value make_float(double d);
value make_str(std::string_view utf8);
value make_bytes(std::string_view bytes);
value make_tuple(std::size_t n);  // items null: fill them
value make_tuple(std::initializer_list<value> items);  // borrowed items
value make_list();
value make_dict();
value make_cell(value contents);  // borrowed
value make_builtin(const char* name, native_fn fn, value self = value());
/// A built-in that lives until exit: a native module's function (builtins,
/// sys, math, _thread, ...) or a built-in type's method (add_method). It is
/// immortal, as its module or type is; every thread calling `len` would
/// otherwise change one shared count twice per call — the cache line that
/// PEP 703's deferred reference counting keeps unshared (module-level
/// `def`s are immortal for the same reason, eval.cpp).
value make_immortal_builtin(const char* name, native_fn fn);
/// b bound to self: a new built-in with b's function and b's flag_irrevocable.
value bind_builtin(const builtin_function_object* b, value self);
value make_range(std::int64_t start, std::int64_t stop, std::int64_t step);
value make_slice(value start, value stop, value step);
value make_iterator(value seq, value (*step)(iterator_object*));  // borrowed seq
value intern(std::string_view s);
/// Marks a heap object immortal and keeps it reachable until exit.
value immortalize(value v);

inline str_object* as_str(value v) { return static_cast<str_object*>(v.obj()); }
inline tuple_object* as_tuple(value v) { return static_cast<tuple_object*>(v.obj()); }
inline list_object* as_list(value v) { return static_cast<list_object*>(v.obj()); }
/// Item i of a list (negative from the end), a new reference, read without
/// the list's lock; null when the locked path must answer. Only on
/// back-ends with lockfree_reads: safe because whatever a reader can load
/// outlives this thread's next safepoint (list_items.hpp, reclaim.hpp).
/// Inline: list[i] and list iteration call it on every item.
inline value list_item_ref(value list, std::int64_t i) {
  const list_items& items = as_list(list)->items;
  if (i < 0) i += static_cast<std::int64_t>(items.size_lockfree());
  if (i < 0) return value();
  const value v = items.load_lockfree(static_cast<std::size_t>(i));
  return v ? newref(v) : v;
}
inline dict_object* as_dict(value v) { return static_cast<dict_object*>(v.obj()); }

GILLAB_RUNTIME_NAMESPACE_END
