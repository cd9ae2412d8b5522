// core.cpp — allocation, the immortal singletons, exceptions, thread state,
// and the generic parts of the object protocol.
#include "transaction.hpp"
#include "dict.hpp"
#include "gc.hpp"
#include "operations.hpp"
#include "reclaim.hpp"
#include "runtime.hpp"
#include "weakref.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <new>

GILLAB_RUNTIME_NAMESPACE_BEGIN

// ---- allocation ----
object* allocate(type_object* type, std::size_t size) {
  object* o;
  if (type->traverse) {
    o = gc_allocate(type, size);
  } else {
    void* mem = std::malloc(size);
    if (!mem) throw std::bad_alloc();
    o = static_cast<object*>(mem);
    o->flags = 0;
    o->type = type;
  }
  backend::init_header(o->header, current_thread().backend_state);
  return o;
}

void deallocate(object* o) {
  type_object* t = o->type;
  // Its weak references die first (callbacks see them dead), except that a
  // class's __del__ still to run goes before them (heap_dealloc clears them).
  if ((o->flags & flag_gc_tracked) && weak_marker(o).load(std::memory_order_acquire)) [[unlikely]] {
    if (!(t->heap && t->finalize && !(o->flags & flag_finalized))) clear_weakrefs(o);
  }
  if (t->dealloc) {
    t->dealloc(o);
  } else {
    free_object_memory(o);
  }
}

// ---- singletons and types ----
#define GILLAB_DEFINE_TYPE(var) type_object var;
GILLAB_DEFINE_TYPE(object_type)
GILLAB_DEFINE_TYPE(none_type)
GILLAB_DEFINE_TYPE(bool_type)
GILLAB_DEFINE_TYPE(int_type)
GILLAB_DEFINE_TYPE(float_type)
GILLAB_DEFINE_TYPE(str_type)
GILLAB_DEFINE_TYPE(bytes_type)
GILLAB_DEFINE_TYPE(tuple_type)
GILLAB_DEFINE_TYPE(list_type)
GILLAB_DEFINE_TYPE(dict_type)
GILLAB_DEFINE_TYPE(set_type)
GILLAB_DEFINE_TYPE(frozenset_type)
GILLAB_DEFINE_TYPE(range_type)
GILLAB_DEFINE_TYPE(slice_type)
GILLAB_DEFINE_TYPE(function_type)
GILLAB_DEFINE_TYPE(builtin_function_type)
GILLAB_DEFINE_TYPE(code_type)
GILLAB_DEFINE_TYPE(cell_type)
GILLAB_DEFINE_TYPE(module_type)
GILLAB_DEFINE_TYPE(type_type)
GILLAB_DEFINE_TYPE(not_implemented_type)
GILLAB_DEFINE_TYPE(ellipsis_type)
GILLAB_DEFINE_TYPE(iterator_type)
#undef GILLAB_DEFINE_TYPE

object none_object, true_object, false_object, not_implemented_object, ellipsis_object;

#define GILLAB_DEFINE_EXC(name, base) type_object exc_##name;
GILLAB_EXCEPTION_TYPES(GILLAB_DEFINE_EXC)
#undef GILLAB_DEFINE_EXC

void make_immortal(object& o, type_object* type) {
  backend::init_header(o.header, current_thread().backend_state);
  o.flags = flag_immortal;
  o.type = type;
}

void set_base(type_object& t, type_object* base) {
  // Every built-in type but object derives from object; its MRO follows
  // the single-base chain.
  t.base = (base || &t == &object_type) ? base : &object_type;
  t.mro.clear();
  for (type_object* k = &t; k; k = k->base) t.mro.push_back(k);
}

void init_type(type_object& t, const char* name, type_object* base) {
  make_immortal(t, &type_type);
  t.name = name;
  t.qualname = name;
  t.module = "builtins";
  t.solid = &t;
  set_base(t, base);
}

bool is_subtype(const type_object* t, const type_object* base) {
  if (t == base || base == &object_type) return true;
  for (const type_object* k : t->mro)
    if (k == base) return true;
  return false;
}

const char* type_name(value v) { return type_of(v)->name; }

// ---- thread state and exceptions ----
thread_state& thread_detail::first_use() {
  thread_local thread_state state;
  current = &state;
  return state;
}

value make_exception(type_object* type, value args_tuple) {
  auto* e = make<exception_object>(type);
  e->args = newref(args_tuple);
  return value::from(e);
}

value raise_value(value exception) {
  thread_state& ts = current_thread();
  xdecref(ts.pending);
  ts.pending = newref(exception);
  // Implicit chaining: raising while handling sets __context__ — but not
  // on stm's unwind sentinel, re-raised by code between (an import): it is
  // one immortal object every thread's unwinding shares.
  if (!ts.handled.empty() && !transaction_unwinding()) {
    value handled = ts.handled.back();
    auto* e = static_cast<exception_object*>(exception.obj());
    if (handled && !(handled == exception) && !unlocked_field(e->context)) {
      // (stm, when e is older than the transaction: committed, with the world
      // stopped, exception_object; not ok: the transaction is unwinding to
      // abort, its exception pending instead of this one.)
      unlocked_fields_write writing(e);
      if (!writing.ok()) return value();
      // Another thread raising the same exception may set it meanwhile.
      value expected;
      if (!std::atomic_ref<value>(e->context).compare_exchange_strong(expected, newref(handled),
                                                                      std::memory_order_acq_rel)) {
        decref(handled);
      }
    }
  }
  return value();
}

value raise(type_object* type, std::string message) {
  ref msg(make_str(message));
  ref args(make_tuple({msg.get()}));
  ref exc(make_exception(type, args.get()));
  return raise_value(exc.get());
}

value raise_type_error(std::string message) { return raise(&exc_TypeError, std::move(message)); }

bool no_keywords(const char* fname, value kwnames) {
  if (kwnames && as_tuple(kwnames)->size) {
    raise_type_error(std::string(fname) + "() takes no keyword arguments");
    return false;
  }
  return true;
}

bool error_pending() { return static_cast<bool>(current_thread().pending); }

value take_pending() {
  thread_state& ts = current_thread();
  value v = ts.pending;
  ts.pending = value();
  return v;
}

bool pending_matches(const type_object* type) {
  value p = current_thread().pending;
  return p && is_instance(p, type);
}

void clear_pending() { xdecref(take_pending()); }

static void traverse_exception(object* o, void (*visit)(value, void*), void* arg) {
  auto* e = static_cast<exception_object*>(o);
  for (value v : {e->args, e->cause, e->context, e->extra})
    if (v) visit(v, arg);
  if (e->attrs) visit(value::from(e->attrs), arg);
}
// args stays (a tuple, read unchecked); the rest can lead back to the
// exception (an error kept in an attribute of an object it refers to).
static void clear_exception(object* o) {
  auto* e = static_cast<exception_object*>(o);
  xdecref(std::exchange(e->cause, value()));
  xdecref(std::exchange(e->context, value()));
  xdecref(std::exchange(e->extra, value()));
}

static void dealloc_exception(object* o) {
  auto* e = static_cast<exception_object*>(o);
  xdecref(e->args);
  xdecref(e->cause);
  xdecref(e->context);
  xdecref(e->extra);
  if (e->attrs) decref(value::from(e->attrs));
  for (auto& tb : e->traceback) decref(value::from(tb.code));
  e->~exception_object();
  free_object_memory(o);
}

// ---- OSError ----
// errno and strerror are args[0] and args[1] when OSError got 2 to 5
// arguments; a filename (args[2]) is kept in `extra` and args cut to two,
// as CPython does (OSError(2, 'x', 'f').args == (2, 'x')).
static bool is_os_error(const exception_object* e) { return is_subtype(e->type, &exc_OSError); }
// (args may have been set again since: at least two items, or no errno.)
static bool has_errno_args(const exception_object* e, const tuple_object* args) {
  return is_os_error(e) && args->size >= 2 && (args->size == 2 || unlocked_field(e->extra));
}

namespace {
/// OSError's rule for `args` (a tuple): the args to store (a new
/// reference) and, when they were cut, the filename for `extra` (borrowed
/// from `args`), else null.
value os_error_args(const exception_object* e, value args, value* filename) {
  const tuple_object* t = as_tuple(args);
  *filename = value();
  if (!is_os_error(e) || t->size < 3 || t->size > 5) return newref(args);
  *filename = t->items[2];
  return make_tuple({t->items[0], t->items[1]});
}
}  // namespace

bool set_exception_args(value exception, value args) {
  ref given(args);
  auto* e = static_cast<exception_object*>(exception.obj());
  value filename;
  value stored = os_error_args(e, given.get(), &filename);
  unlocked_field_writer writer;  // releases the old args after the world restarts
  unlocked_fields_write writing(e);  // other threads may read it (exception_object)
  if (!writing.ok()) {
    decref(stored);
    return false;
  }
  writer.replace(e->args, stored);
  if (filename) writer.replace(e->extra, newref(filename));
  return true;
}

void init_new_os_error(value exception) {
  auto* e = static_cast<exception_object*>(exception.obj());
  value filename;
  value stored = os_error_args(e, e->args, &filename);  // (nobody else reads a new exception)
  if (!filename) {
    decref(stored);
    return;
  }
  before_write(e);  // stm: made outside a transaction perhaps
  unlocked_field_writer writer;
  writer.replace(e->extra, newref(filename));
  writer.replace(e->args, stored);
}

type_object* os_error_subclass_for(type_object* type, value args_tuple) {
  tuple_object* args = as_tuple(args_tuple);
  std::int64_t err = 0;
  if (type != &exc_OSError || args->size < 2 || args->size > 5 || !as_int64(args->items[0], &err)) return type;
  switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    case EEXIST: return &exc_FileExistsError;
    case ENOENT: return &exc_FileNotFoundError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EINTR: return &exc_InterruptedError;
    case EACCES: case EPERM: return &exc_PermissionError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    default: return type;
  }
}

value raise_os_error(int err, value filename) {
  ref code(make_int(err));
  ref message(make_str(std::strerror(err)));
  ref args(filename ? make_tuple({code.get(), message.get(), filename}) : make_tuple({code.get(), message.get()}));
  ref exc(make_exception(os_error_subclass_for(&exc_OSError, args.get()), args.get()));
  init_new_os_error(exc.get());
  return raise_value(exc.get());
}

static value exception_str(value v) {
  auto* e = static_cast<exception_object*>(v.obj());
  // Held: the str() of an item runs Python, and another thread may replace
  // args meanwhile (exception_object).
  ref held(newref(exception_args(e)));
  tuple_object* args = as_tuple(held.get());
  if (has_errno_args(e, args)) {
    // "[Errno 111] Connection refused", "[Errno 2] No such file or directory: 'x'"
    ref code(op_str(args->items[0]));
    ref message(code ? op_str(args->items[1]) : value());
    if (!message) return value();
    std::string s = "[Errno " + str_of(code.get()) + "] " + str_of(message.get());
    if (ref extra(newref(unlocked_field(e->extra))); extra) {  // held: repr runs Python
      ref name(op_repr(extra.get()));
      if (!name) return value();
      s += ": " + str_of(name.get());
    }
    return make_str(s);
  }
  if (is_subtype(e->type, &exc_KeyError) && args->size == 1) return op_repr(args->items[0]);
  if (args->size == 0) return make_str("");
  if (args->size == 1) return op_str(args->items[0]);
  return op_repr(held.get());
}

static value exception_repr(value v) {
  auto* e = static_cast<exception_object*>(v.obj());
  ref held(newref(exception_args(e)));  // as in exception_str
  ref args(op_repr(held.get()));
  if (!args) return value();
  std::string s = str_of(args.get());
  if (as_tuple(held.get())->size == 1) s.erase(s.size() - 2, 1);  // "(x,)" -> "(x)"
  return make_str(std::string(e->type->name) + s);
}

static value exception_call(value self, const value* args, std::size_t nargs, value kwnames) {
  auto* type = static_cast<type_object*>(self.obj());
  if (kwnames && as_tuple(kwnames)->size) return raise_type_error(std::string(type->name) + "() takes no keyword arguments");
  ref t(make_tuple(nargs));
  for (std::size_t i = 0; i < nargs; ++i) as_tuple(t.get())->items[i] = newref(args[i]);
  value exc = make_exception(os_error_subclass_for(type, t.get()), t.get());
  init_new_os_error(exc);
  return exc;
}

// The attributes of exception instances (BaseException's getset and
// members, and StopIteration.value / SystemExit.code).
static value exception_getattr(value v, value name) {
  auto* e = static_cast<exception_object*>(v.obj());
  const std::string n = str_of(name);
  // One load of args per read, increfed before anything can run (exception_object).
  auto first_arg = [&] {
    tuple_object* args = as_tuple(exception_args(e));
    return newref(args->size ? args->items[0] : none());
  };
  // A member a program assigned (e.errno = 2, SystemExit.code, ...) is in
  // the instance's own dict and wins over the value derived from args, as
  // CPython's member slots do.
  if (n == "errno" || n == "strerror" || n == "filename" || n == "filename2" || n == "code" || n == "value") {
    dict_object** slot = dict_slot(v);
    if (dict_object* own = instance_dict_read(e, slot ? slot : &e->attrs)) {
      if (value found = dict_get_ref(value::from(own), name)) return found;
    }
  }
  if (n == "args") return newref(exception_args(e));
  if (n == "__cause__" || n == "__context__") {
    value found = unlocked_field(n == "__cause__" ? e->cause : e->context);
    return newref(found ? found : none());
  }
  if (n == "__suppress_context__") {
    return boolean(std::atomic_ref<bool>(e->suppress_context).load(std::memory_order_relaxed));
  }
  if (n == "__traceback__") return none();  // traceback objects are not modelled
  if (n == "value" && is_subtype(e->type, &exc_StopIteration)) return first_arg();
  if (is_os_error(e) && (n == "errno" || n == "strerror" || n == "filename" || n == "filename2")) {
    tuple_object* args = as_tuple(exception_args(e));
    if (n == "filename") {
      value extra = unlocked_field(e->extra);
      return newref(extra ? extra : none());
    }
    if (n == "filename2" || !has_errno_args(e, args)) return none();
    return newref(args->items[n == "errno" ? 0 : 1]);
  }
  if (n == "code" && is_subtype(e->type, &exc_SystemExit)) {
    const value args = exception_args(e);
    const tuple_object* t = as_tuple(args);
    return newref(t->size > 1 ? args : t->size ? t->items[0] : none());
  }
  // A built-in exception's own attributes (a subclass instance has its
  // instance dict instead, which the class's attribute lookup handles).
  if (e->type->dict_offset) return value();
  if (n == "__dict__") {
    dict_object* attrs = instance_dict_made(e, &e->attrs);
    return attrs ? newref(value::from(attrs)) : value();
  }
  if (dict_object* attrs = instance_dict_read(e, &e->attrs)) {
    if (value found = dict_get_ref(value::from(attrs), name)) return found;
  }
  return value();
}

bool exception_setattr_special(value v, value name, value x, int* rc) {
  auto* e = static_cast<exception_object*>(v.obj());
  const std::string n = str_of(name);
  *rc = -1;
  if (n != "__cause__" && n != "__context__" && n != "__suppress_context__" && n != "__traceback__" && n != "args") {
    return false;
  }
  if (!x) {
    raise_type_error(n + " may not be deleted");
    return true;
  }
  // The new value first: tuple(x) and bool(x) run Python, which must not
  // run inside the write's scope (stm: with the world stopped).
  ref made;
  int truth = -1;
  if (n == "__cause__" || n == "__context__") {
    if (x != none() && !type_of(x)->is_exception && !type_of(x)->solid->is_exception) {
      raise_type_error(std::string("exception ") + (n == "__cause__" ? "cause" : "context") +
                       " must be None or derive from BaseException");
      return true;
    }
    if (x != none()) made = ref(newref(x));
  } else if (n == "__suppress_context__") {
    truth = op_truth(x);
    if (truth < 0) return true;
  } else if (n == "__traceback__") {
    if (x != none()) {
      raise_type_error("__traceback__ must be a traceback or None");
      return true;
    }
    *rc = 0;
    return true;
  } else {  // args
    made = ref(type_of(x) == &tuple_type ? newref(x) : op_call(value::from(&tuple_type), &x, 1));
    if (!made) return true;
  }
  unlocked_field_writer writer;  // releases the old value after the world restarts
  unlocked_fields_write writing(e);  // other threads may read it (exception_object)
  if (!writing.ok()) return true;
  if (n == "__suppress_context__") {
    std::atomic_ref<bool>(e->suppress_context).store(truth != 0, std::memory_order_relaxed);
  } else {
    writer.replace(n == "args" ? e->args : n == "__cause__" ? e->cause : e->context, made.release());
    if (n == "__cause__") std::atomic_ref<bool>(e->suppress_context).store(true, std::memory_order_relaxed);  // as CPython's setter
  }
  *rc = 0;
  return true;
}

// Any other attribute goes to the instance's own dict, as in CPython
// (BaseException has a __dict__): e.g. asyncio keeps objects alive on an
// exception, PEP 678's __notes__.
static int exception_setattr(value v, value name, value x) {
  int rc = 0;
  if (exception_setattr_special(v, name, x, &rc)) return rc;
  auto* e = static_cast<exception_object*>(v.obj());
  dict_object* made = instance_dict_made(e, &e->attrs);  // alive while e is
  if (!made) return -1;
  const value attrs = value::from(made);
  if (x) return dict_set(attrs, name, x);
  if (value old = dict_pop_ref(attrs, name)) {
    decref(old);
    return 0;
  }
  if (error_pending()) return -1;
  raise(&exc_AttributeError, std::string("'") + type_of(v)->name + "' object has no attribute '" + str_of(name) + "'");
  return -1;
}

void init_exception_type(type_object& t, const char* name, type_object* base) {
  init_type(t, name, nullptr);
  t.is_exception = true;
  t.dealloc = dealloc_exception;
  t.traverse = traverse_exception;
  t.clear = clear_exception;
  t.str = exception_str;
  t.repr = exception_repr;
  t.call = exception_call;
  t.getattr = exception_getattr;
  t.setattr = exception_setattr;
  t.basic_size = sizeof(exception_object);
  set_base(t, base);
}

void init_exceptions() {
#define GILLAB_INIT_EXC(name, base)           \
  init_type(exc_##name, #name, nullptr);      \
  exc_##name.is_exception = true;             \
  exc_##name.dealloc = dealloc_exception;     \
  exc_##name.traverse = traverse_exception;   \
  exc_##name.clear = clear_exception;         \
  exc_##name.str = exception_str;             \
  exc_##name.repr = exception_repr;           \
  exc_##name.call = exception_call;             \
  exc_##name.getattr = exception_getattr;       \
  exc_##name.setattr = exception_setattr;
  GILLAB_EXCEPTION_TYPES(GILLAB_INIT_EXC)
#undef GILLAB_INIT_EXC
  // Bases in a second pass: the list names them, and BaseException's is none.
  auto by_name = [](std::string_view n) -> type_object* {
#define GILLAB_FIND(name, base) \
  if (n == #name) return &exc_##name;
    GILLAB_EXCEPTION_TYPES(GILLAB_FIND)
#undef GILLAB_FIND
    return nullptr;
  };
#define GILLAB_SET_BASE(name, parent) set_base(exc_##name, by_name(#parent));
  GILLAB_EXCEPTION_TYPES(GILLAB_SET_BASE)
#undef GILLAB_SET_BASE
}

template <class B>
concept frees_objects = requires(void (*fn)(void*)) { B::set_deallocator(fn); };
template <class B>
void register_deallocator() {
  if constexpr (frees_objects<B>) B::set_deallocator([](void* header) { deallocate(static_cast<object*>(header)); });
}

template <class B>
concept names_types = requires(const char* (*fn)(const void*)) { B::set_type_namer(fn); };
template <class B>
void register_type_namer() {
  if constexpr (names_types<B>) {
    B::set_type_namer([](const void* header) -> const char* {
      return type_name(value::from(static_cast<object*>(const_cast<void*>(header))));
    });
  }
}

void init_runtime() {
  static const bool done = [] {
    init_functions();  // type objects first: every other type's type is `type`
    init_classes();
    init_generic_alias();
    init_numbers();
    init_strings();
    init_containers();
    init_dict();
    init_sets();
    init_exceptions();
    init_builtins();
    init_generators();
    init_bytes();
    finish_builtin_types();
    init_transactions();
    return true;
  }();
  (void)done;
  // Back-ends that free objects themselves (fine-biased merges queued
  // objects at safepoints) call the runtime's deallocator through this.
  register_deallocator<backend>();
  register_type_namer<backend>();  // --stats: contention per object type
  backend::attach(current_thread().backend_state);
}

GILLAB_RUNTIME_NAMESPACE_END
