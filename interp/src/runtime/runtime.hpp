// runtime.hpp — start-up of the runtime's pieces (called once, in order, by
// the interpreter before any Python code runs).
#pragma once

#include "types.hpp"

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

/// Sets up every type and singleton (once) and attaches the calling thread.
void init_runtime();
/// transaction.cpp: the stm back-end's hooks and undo images (nothing elsewhere).
void init_transactions();

void make_immortal(object& o, type_object* type);
void init_type(type_object& t, const char* name, type_object* base);
/// Sets a built-in type's base (object when null) and its MRO.
void set_base(type_object& t, type_object* base);
/// classes.cpp: object, classes, instances, methods, property,
/// staticmethod, classmethod, super.
void init_classes();
/// The attribute `name` found along the MRO of `t` (borrowed), or null.
/// Cached per thread (classes.cpp); whoever changes a type's dict after
/// start-up calls invalidate_type_cache().
value type_lookup(type_object* t, value name);
/// The attribute dict whose pointer is at `slot` (an instance __dict__, a
/// built-in exception's attributes), made on first need when `create`; the
/// slot is written once, by a CAS, so racing makers agree on one dict.
dict_object* instance_dict(dict_object** slot, bool create);
/// The same for reading o's dict at `slot`: null while o has none. Under
/// stm's concurrent mode o is then read-locked, so that a dict made for it
/// meanwhile meets this transaction (transaction.hpp, before_unlocked_field).
dict_object* instance_dict_read(object* o, dict_object** slot);
/// The same for writing: o's dict, made now if it has none (stm: made
/// irrevocably in concurrent mode). Null: an error is pending (a
/// transaction unwinding to abort).
dict_object* instance_dict_made(object* o, dict_object** slot);
/// Where v's instance __dict__ pointer is (its type's dict_offset), or null.
dict_object** dict_slot(value v);
void invalidate_type_cache();
/// Runs a class body function with `ns` as its locals (eval.cpp).
value run_class_body(value fn, value ns);
/// builtins.__build_class__.
value build_class(value self, const value* args, std::size_t nargs, value kwnames);
/// The bound `name` special method of v's type (e.g. __enter__), or null
/// without an exception set when the type has none.
value lookup_special(value v, const char* name);
/// Calls a Python-level special method found on a type: m(self, args...).
value call_method(value m, value self, const value* args, std::size_t nargs);
/// A class (type.__new__'s work): `metatype` its type (`type` or a
/// metaclass), the keywords (in the calling convention: values, names
/// tuple or null) passed on to __init_subclass__.
value make_class(value name, value bases, value ns, type_object* metatype = &type_type,
                 const value* kw_values = nullptr, value kwnames = value());
/// Calling a class: __new__, then __init__.
value call_class(type_object* t, const value* args, std::size_t nargs, value kwnames);
/// type(name, bases, dict)
value make_type3(const value* args);
/// type.__new__(metatype, name, bases, dict, **keywords) (also type(x)).
value type_new(value self, const value* args, std::size_t nargs, value kwnames);
/// Attributes of a type object (null without an exception: not found).
value class_getattr(type_object* t, value name);
/// A bound method object: func called with self first (classes.cpp).
value make_method(value func, value self);
bool is_bound_method(value v);
int class_setattr(type_object* t, value name, value v);
/// LOAD_METHOD's fast path for instances of classes (borrowed, or null).
value method_for_call(value obj, value name);
/// LOAD_ATTR through its inline cache (types.hpp's attr_cache_entry): the
/// attribute as a new reference; null with an error raised (a key's __eq__
/// in the instance dict, as the generic path would raise it), or with
/// nothing raised on a miss (the caller takes op_getattr, then
/// fill_attr_cache unless *fill was set false: the entry says that path is
/// the one for obj's type).
value cached_getattr(const attr_cache_entry& c, value obj, value name, bool* fill);
/// LOAD_METHOD through its inline cache: on a hit, *function is true with
/// the class's function (borrowed; obj is self), or false with the
/// attribute itself (a new reference). Null: an error or a miss, as above.
value cached_method(const attr_cache_entry& c, value obj, value name, bool* function, bool* fill);
/// After a lookup of obj.name took the generic path: records in c what
/// obj's type lets the next lookup skip, or that it lets nothing be skipped.
void fill_attr_cache(attr_cache_entry& c, value obj, value name, bool for_method);
/// STORE_ATTR through its inline cache: 0 stored, -1 error raised, 1 a
/// miss (the caller takes op_setattr, then fill_setattr_cache, as above).
int cached_setattr(const attr_cache_entry& c, value obj, value name, value v, bool* fill);
void fill_setattr_cache(attr_cache_entry& c, value obj, value name);
/// "__main__.Point" for a class, "int" for a built-in (repr of a type).
std::string type_display_name(const type_object* t);
/// What tracebacks print: "mod.Error", but "Error" for __main__'s.
std::string exception_type_name(const type_object* t);
using class_constructor_fn = value (*)(const value* args, std::size_t nargs, value kwnames);
class_constructor_fn class_constructor(const type_object* t);
void register_class_builtins(dict_object* builtins);
/// The dunder wrappers of the built-in types' slots (after their init).
void finish_builtin_types();
void init_exceptions();
void init_numbers();
void init_strings();
void init_containers();
void init_dict();
void init_sets();
value make_set(type_object* type);
int set_add(value set, value key);
int set_update(value set, value iterable);
value construct_set_of(type_object* type, const value* args, std::size_t nargs, value kwnames);
void init_functions();
void init_generic_alias();  // generic_alias.cpp: C[...] and X | Y on classes
/// The members of a types.UnionType (int | str), borrowed; null otherwise.
value union_members(value v);
// ---- imports.cpp ----
/// The import statement's machinery (IMPORT_NAME, __import__): `name` at
/// `level`, relative to `globals` (null: none), with its fromlist.
value import_name_in(value name, value fromlist, value level, value globals);
/// `from module import *`: the names module.__all__ lists (through
/// getattr), else every name not starting with '_'; false with an error.
bool import_star(value module, value globals);
/// Attribute `name` of the module `module` (imported if needed): how a
/// native module reaches the part of it written in Python (interp/lib).
value import_attribute(const char* module, value name);
bool is_generic_alias(value v);
void init_generators();
void init_bytes();
/// A built-in module (immortal) with these functions (stdlib.cpp); its other
/// attributes the caller sets.
value make_native_module(const char* name, std::initializer_list<std::pair<const char*, native_fn>> functions);
/// stdlib.cpp: the time and random modules (created on first import).
value time_module();
value random_module();
value construct_bytes(const value* args, std::size_t nargs, value kwnames);
/// ascii(v): repr(v) with non-ASCII code points escaped.
value op_ascii(value v);
/// str % args (printf-style formatting).
value str_percent_format(value fmt, value args);
/// bytes % args (PEP 461).
value bytes_percent_format(value fmt, value args);
value str_encode(value self, const value* args, std::size_t nargs, value kwnames);
/// False with UnicodeEncodeError raised if str holds a lone surrogate (what
/// CPython's UTF-8 encoder refuses: type names, for one).
bool check_utf8_encodable(value str);
/// Adds a built-in method to a built-in type's dict.
void add_method(type_object& t, const char* name, native_fn fn);
/// stm: every method t has now makes system calls no transaction can undo
/// (flag_irrevocable: a transaction commits before each call).
void mark_methods_irrevocable(type_object& t);
/// A method of a built-in type that receives the class, from the class or
/// an instance (dict.fromkeys, int.from_bytes): marked flag_class_method.
void add_class_method(type_object& t, const char* name, native_fn fn);
void init_builtins();
void flush_stdout();
/// Around fork(): flushes print()'s buffer and keeps it locked until
/// release_stdout() (called in the parent and in the child).
void flush_stdout_and_hold();
/// Around fork(), the leaf locks the forking thread holds across it (after
/// the registry and the back-end's, before print's buffer): the import
/// table's (the child then forgets the threads it does not have) and the
/// traceback source table's.
void hold_import_locks_for_fork();
void release_import_locks_in_parent();
void reset_import_locks_after_fork();
void hold_sources_for_fork();
void release_sources_after_fork();
void release_stdout();
void set_argv(const std::vector<std::string>& argv);

GILLAB_RUNTIME_NAMESPACE_END
