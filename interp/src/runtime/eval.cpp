// eval.cpp — the bytecode interpreter.
//
// Design (after CPython 3.11's ceval.c, Lua's lvm.c and clox):
//  - one C++ activation of run_frame per Python call; the value stack and
//    locals live in the frame, allocated once per call;
//  - dispatch by computed goto (GILLAB_COMPUTED_GOTO), with a switch
//    fallback for builds where labels-as-values are unwanted;
//  - the back-end's safepoint (eval breaker) runs on loop back edges and
//    calls, the instructions opcodes.def marks;
//  - errors: the failing instruction sets the pending exception and jumps
//    to `error`, which records a traceback entry, finds the innermost
//    exception-table entry covering the instruction, unwinds the stack to
//    its depth, pushes the exception and continues at its handler — or
//    returns null to the caller.
//
// Invariants: between instructions, stack[0 .. sp) holds owned references;
// an instruction with locals that have destructors keeps them in an inner
// scope that closes before DISPATCH (a computed goto runs no destructors);
// `lasti` is the index of the executing instruction (the named save point
// before anything that can raise, as Lua's `Protect`).
#include "threads.hpp"
#include "eval.hpp"
#include "dict.hpp"
#include "operations.hpp"
#include "gc.hpp"
#include "reclaim.hpp"
#include "transaction.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>
#include <gillab/interp/lexer.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>
#if GILLAB_RESTARTABLE && GILLAB_SANITIZER_ADDRESS
#include <sanitizer/asan_interface.h>
#endif

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

// Freed frames are kept per thread by slot count for the next call of the
// same shape (a call otherwise costs a malloc and a free: 15% of a
// recursive fib's instructions). Small lists, so idle memory stays small.
struct frame_cache {
  static constexpr std::size_t max_slots = 64;
  static constexpr int per_size = 8;
  struct free_block {
    free_block* next;
  };
  free_block* lists[max_slots + 1] = {};
  int counts[max_slots + 1] = {};
  ~frame_cache() {
    for (free_block*& head : lists) {
      while (head) std::free(std::exchange(head, head->next));
    }
  }
};
thread_local frame_cache frames;

std::size_t frame_slots(const code_unit& u) {
  return u.varnames.size() + u.cellvars.size() + u.freevars.size() + static_cast<std::size_t>(u.max_stack);
}

frame* new_frame(code_object* code, function_object* func, dict_object* globals, dict_object* builtins) {
  const code_unit& u = *code->unit;
  const std::size_t nfast = u.varnames.size() + u.cellvars.size() + u.freevars.size();
  const std::size_t slots = frame_slots(u);
  void* mem;
  if (slots <= frame_cache::max_slots && frames.lists[slots]) {
    frame_cache::free_block* b = frames.lists[slots];
    frames.lists[slots] = b->next;
    --frames.counts[slots];
    mem = b;
  } else {
    const std::size_t size = sizeof(frame) + (slots ? slots - 1 : 0) * sizeof(value);
    mem = std::malloc(size);
    if (!mem) throw std::bad_alloc();
  }
  auto* f = new (mem) frame;
  f->code = code;
  f->func = func;
  f->globals = globals;
  f->builtins = builtins;
  f->nfast = nfast;
  for (std::size_t i = 0; i < slots; ++i) f->storage[i] = value();
  f->stack = f->storage + nfast;
  return f;
}

// Drops the frame's references (value stack up to sp, locals, cells).
void clear_frame(frame* f, value* sp) {
  for (value* p = f->stack; p < sp; ++p) xdecref(std::exchange(*p, value()));
  for (std::size_t i = 0; i < f->nfast; ++i) xdecref(std::exchange(f->storage[i], value()));
}

// Gives the frame's memory back (to the per-thread cache); its values must
// have been released (or, stm, be an abort's to take back).
void free_frame_memory(frame* f) {
  const std::size_t slots = frame_slots(*f->code->unit);
  if (slots <= frame_cache::max_slots && frames.counts[slots] < frame_cache::per_size) {
    auto* b = reinterpret_cast<frame_cache::free_block*>(f);
    b->next = frames.lists[slots];
    frames.lists[slots] = b;
    ++frames.counts[slots];
    return;
  }
  std::free(f);
}

void free_frame(frame* f, value* sp) {
  clear_frame(f, sp);
  free_frame_memory(f);
}

}  // namespace

// CPython's _PyObject_FunctionStr: "module.qualname()" ("qualname()" for
// builtins), else "<type name> object"; for call errors.
std::string function_str(value fn) {
  ref qualname(op_getattr(fn, intern("__qualname__")));
  if (!qualname || type_of(qualname.get()) != &str_type) {
    clear_pending();
    return std::string(type_name(fn)) + " object";
  }
  ref module(op_getattr(fn, intern("__module__")));
  if (!module) clear_pending();
  if (module && type_of(module.get()) == &str_type && str_of(module.get()) != "builtins") {
    return str_of(module.get()) + "." + str_of(qualname.get()) + "()";
  }
  return str_of(qualname.get()) + "()";
}

int line_of(const frame* f) {
  const auto& lines = f->code->unit->line_of;
  return lines.empty() ? f->code->unit->first_line : lines[static_cast<std::size_t>(std::max(f->lasti, 0))];
}

namespace {

void add_traceback(value exc, frame* f) {
  auto* e = static_cast<exception_object*>(exc.obj());
  before_write(e);  // stm: a re-raised exception may be older than the transaction
  incref(value::from(f->code));
  // Threads that raise one exception object append at once (exception_object).
  backend::write_section guard(current_thread().backend_state, e->header);
  e->traceback.push_back({f->code, line_of(f)});
}

const exception_entry* find_handler(const code_unit& u, int lasti) {
  const exception_entry* best = nullptr;
  for (const exception_entry& e : u.exception_table) {
    if (static_cast<std::uint32_t>(lasti) >= e.start && static_cast<std::uint32_t>(lasti) < e.end) {
      if (!best || e.end - e.start < best->end - best->start) best = &e;
    }
  }
  return best;
}

value unbound_local(const code_unit& u, std::uint32_t i) {
  return raise(&exc_UnboundLocalError, "cannot access local variable '" + u.varnames[i] +
                                           "' where it is not associated with a value");
}

// container[key] for BINARY_SUBSCR(_LOCAL): list[i] and tuple[i] in range
// without the protocol's dispatch, else op_getitem. A new reference, or
// null with an exception set.
inline value subscript(thread_state& ts, value container, value key) {
  if (key.is_small()) {
    std::int64_t i = key.small_int();
    if (type_of(container) == &list_type) {
      if constexpr (backend::lockfree_reads) {
        if (value v = list_item_ref(container, i)) return v;  // null: the protocol's path answers
      } else {
        value v;
        {
          backend::read_section guard(ts.backend_state, container.obj()->header);
          const auto& items = as_list(container)->items;
          if (i < 0) i += static_cast<std::int64_t>(items.size());
          if (i >= 0 && i < static_cast<std::int64_t>(items.size())) v = newref(items[static_cast<std::size_t>(i)]);
        }
        if (v) return v;
      }
    } else if (type_of(container) == &tuple_type) {
      tuple_object* t = as_tuple(container);
      if (i < 0) i += static_cast<std::int64_t>(t->size);
      if (i >= 0 && i < static_cast<std::int64_t>(t->size)) return newref(t->items[i]);
    }
  }
  return op_getitem(container, key);
}

value name_error(value name) {
  return raise(&exc_NameError, "name '" + str_of(name) + "' is not defined");
}

// Normalises the operand of `raise`: a class is instantiated; anything that
// is not an exception is a TypeError.
value exception_instance(value v) {
  if (is_type(v) && static_cast<type_object*>(v.obj())->is_exception) {
    return op_call(v, nullptr, 0);
  }
  if (type_of(v)->is_exception) return newref(v);
  return raise_type_error("exceptions must derive from BaseException");
}

/// What an except clause may name: a class derived from BaseException, or
/// a tuple of them (CPython checks in CHECK_EXC_MATCH).
bool catchable(value type) {
  if (type_of(type) == &tuple_type) {
    for (std::size_t i = 0; i < as_tuple(type)->size; ++i) {
      value t = as_tuple(type)->items[i];
      if (!is_type(t) || !static_cast<type_object*>(t.obj())->is_exception) return false;
    }
    return true;
  }
  return is_type(type) && static_cast<type_object*>(type.obj())->is_exception;
}

bool exception_matches(value exc, value type) {
  if (type_of(type) == &tuple_type) {
    for (std::size_t i = 0; i < as_tuple(type)->size; ++i)
      if (exception_matches(exc, as_tuple(type)->items[i])) return true;
    return false;
  }
  return is_type(type) && is_instance(exc, static_cast<type_object*>(type.obj()));
}

value load_global(frame* f, value name) {
  value v = dict_get_ref(value::from(f->globals), name);
  if (!v && !error_pending()) v = dict_get_ref(value::from(f->builtins), name);
  if (!v) return error_pending() ? value() : name_error(name);
  return v;
}

// LOAD_GLOBAL's inline cache (global_cache_entry in types.hpp): a new
// reference on a verified hit, else null (nothing raised).
value cached_global(frame* f, const global_cache_entry& shared_entry, value name) {
  const global_cache_entry c = shared_entry.load();
  if (c.where == 0) return value();
  dict_object* d = c.where == 1 ? f->globals : f->builtins;
  // A builtin, valid while globals did not gain the name.
  if (c.where == 2 && dict_version(f->globals) != c.globals_version) return value();
  return dict_entry_value_ref(d, c.index, name);
}

void fill_global_cache(frame* f, global_cache_entry& shared_entry, value name) {
  global_cache_entry c;
  // The globals' version is read before the globals are searched: a name
  // another thread adds meanwhile then bumps it past the recorded one, so a
  // builtins entry can only be conservatively stale, never wrong.
  const std::uint64_t version = dict_version(f->globals);
  std::int64_t ix = dict_entry_index(value::from(f->globals), name);
  if (ix >= 0) {
    shared_entry.store({0, static_cast<std::uint32_t>(ix), 1});
    return;
  }
  ix = ix == -1 ? dict_entry_index(value::from(f->builtins), name) : ix;
  if (ix >= 0) {
    c = {version, static_cast<std::uint32_t>(ix), 2};
  } else {
    c = {};
    if (ix == -2) clear_pending();
  }
  shared_entry.store(c);
}

value run_frame(frame* f, value sent = value(), bool throwing = false);

}  // namespace

value format_value(value v, int conversion, value spec);       // builtins.cpp

#if GILLAB_RESTARTABLE && GILLAB_SANITIZER_ADDRESS
// ASan with detect_stack_use_after_return keeps addressable locals on a
// "fake stack", each frame freed by its function's epilogue — which a C++
// exception skips. A throw only marks the fake stack; the next allocation
// frees the frames whose real stack position lies strictly deeper than its
// own. After run_frame catches an abort, its next call sits where the callee
// that let the exception through sat, so that callee's frame was never
// freed: one leak per abort thrown, until the size class filled and every
// later call of the thread scanned it in vain (the stm stress tests 10x
// slower; llvm-project issue 224084). So the handler marks the fake stack
// again (a destructor run during the unwinding may have spent the mark on a
// collection deeper down) and allocates, and at once frees, one fake frame
// from run_frame's own frame, strictly above every callee's: the collection
// that allocation runs frees them all. The allocator is the one the
// instrumented prologues call (compiler-rt asan_fake_stack.cpp); it returns
// 0 when use-after-return detection is off.
extern "C" {
std::uintptr_t __asan_stack_malloc_0(std::uintptr_t size);
void __asan_stack_free_0(std::uintptr_t ptr, std::uintptr_t size);
}
#define COLLECT_UNWOUND_FAKE_FRAMES()                                               \
  do {                                                                              \
    __asan_handle_no_return();                                                      \
    if (const std::uintptr_t fake_ = __asan_stack_malloc_0(64)) __asan_stack_free_0(fake_, 64); \
  } while (0)
#else
#define COLLECT_UNWOUND_FAKE_FRAMES() \
  do {                                \
  } while (0)
#endif

// ---- argument binding ----
namespace {

// CPython's argument binding with every form (keywords, defaults, *args,
// **kwargs, keyword-only) and its error messages. False with the error
// pending; the caller frees the frame.
bool bind_general(function_object* fn, frame* f, const value* args, std::size_t nargs, value kwnames) {
  const code_unit& u = *fn->code->unit;
  value* fast = f->storage;
  const std::string qual = str_of(unlocked_field(fn->qualname));  // only this path builds messages
  const std::size_t npos = static_cast<std::size_t>(u.argcount);
  const std::size_t nkwonly = static_cast<std::size_t>(u.kwonlyargcount);
  const bool has_varargs = u.flags & cf_varargs;
  const bool has_varkw = u.flags & cf_varkeywords;
  const std::size_t nkw = kwnames ? as_tuple(kwnames)->size : 0;
  const std::size_t npassed = nargs - nkw;
  auto fail = [](value) { return false; };
  // Positional.
  for (std::size_t i = 0; i < std::min(npassed, npos); ++i) fast[i] = newref(args[i]);
  const std::size_t varargs_slot = npos + nkwonly;
  const std::size_t varkw_slot = varargs_slot + (has_varargs ? 1 : 0);
  // Too many positional arguments is reported after the keywords' errors,
  // as CPython's initialize_locals does.
  const bool too_many_positional = npassed > npos && !has_varargs;
  if (npassed > npos && has_varargs) {
    value t = make_tuple(npassed - npos);
    for (std::size_t i = npos; i < npassed; ++i) as_tuple(t)->items[i - npos] = newref(args[i]);
    fast[varargs_slot] = t;
  } else if (has_varargs) {
    fast[varargs_slot] = make_tuple(std::size_t{0});
  }
  if (has_varkw) fast[varkw_slot] = make_dict();
  // Keywords.
  for (std::size_t k = 0; k < nkw; ++k) {
    value name = as_tuple(kwnames)->items[k];
    const std::string n = str_of(name);
    std::size_t slot = SIZE_MAX;
    for (std::size_t i = static_cast<std::size_t>(u.posonlyargcount); i < npos + nkwonly; ++i) {
      if (u.varnames[i] == n) {
        slot = i;
        break;
      }
    }
    if (slot == SIZE_MAX) {
      if (!has_varkw) {
        // CPython names every positional-only parameter passed by keyword.
        std::string posonly;
        for (std::size_t j = k; j < nkw; ++j) {
          const std::string kn = str_of(as_tuple(kwnames)->items[j]);
          for (std::size_t i = 0; i < static_cast<std::size_t>(u.posonlyargcount); ++i)
            if (u.varnames[i] == kn) posonly += (posonly.empty() ? "" : ", ") + kn;
        }
        if (!posonly.empty()) {
          return fail(raise_type_error(qual + "() got some positional-only arguments passed as keyword arguments: '" +
                                       posonly + "'"));
        }
        return fail(raise_type_error(qual + "() got an unexpected keyword argument '" + n + "'"));
      }
      if (dict_set(fast[varkw_slot], name, args[npassed + k]) < 0) return fail(value());
      continue;
    }
    if (fast[slot]) return fail(raise_type_error(qual + "() got multiple values for argument '" + n + "'"));
    fast[slot] = newref(args[npassed + k]);
  }
  // One load: another thread may assign __defaults__ meanwhile (types.hpp).
  const value defaults = unlocked_field(fn->defaults);
  const std::size_t ndefaults = defaults ? as_tuple(defaults)->size : 0;
  if (too_many_positional) {
    std::string takes;
    if (ndefaults) {
      takes = "from " + std::to_string(npos - ndefaults) + " to " + std::to_string(npos);
    } else {
      takes = std::to_string(npos);
    }
    std::size_t kwonly_given = 0;
    for (std::size_t i = npos; i < npos + nkwonly; ++i) kwonly_given += fast[i] ? 1 : 0;
    std::string given = std::to_string(npassed);
    if (kwonly_given) {
      given += std::string(" positional argument") + (npassed != 1 ? "s" : "") + " (and " + std::to_string(kwonly_given) +
               " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
    }
    return fail(raise_type_error(qual + "() takes " + takes + " positional argument" + (npos == 1 && !ndefaults ? "" : "s") +
                                 " but " + given + (npassed == 1 && !kwonly_given ? " was" : " were") + " given"));
  }
  // Defaults and missing arguments.
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < npos; ++i) {
    if (fast[i]) continue;
    if (i >= npos - ndefaults) {
      fast[i] = newref(as_tuple(defaults)->items[i - (npos - ndefaults)]);
    } else {
      missing.push_back(u.varnames[i]);
    }
  }
  auto missing_error = [&](const char* kind) {
    std::string list;
    for (std::size_t i = 0; i < missing.size(); ++i) {
      if (i) list += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
      list += "'" + missing[i] + "'";
    }
    return raise_type_error(qual + "() missing " + std::to_string(missing.size()) + " required " + kind + " argument" +
                            (missing.size() == 1 ? "" : "s") + ": " + list);
  };
  if (!missing.empty()) return fail(missing_error("positional"));
  for (std::size_t i = npos; i < npos + nkwonly; ++i) {
    if (fast[i]) continue;
    value d = fn->kwdefaults ? dict_get(fn->kwdefaults, intern(u.varnames[i])) : value();
    if (d) {
      fast[i] = newref(d);
    } else {
      missing.push_back(u.varnames[i]);
    }
  }
  if (!missing.empty()) return fail(missing_error("keyword-only"));
  return true;
}

value bind_and_run(function_object* fn, const value* args, std::size_t nargs, value kwnames) {
  code_object* code = fn->code;
  const code_unit& u = *code->unit;
  thread_state& ts = current_thread();
  if (ts.depth >= ts.recursion_limit) return raise(&exc_RecursionError, "maximum recursion depth exceeded");
  frame* f = new_frame(code, fn, fn->globals, fn->builtins);
  value* fast = f->storage;
  // The common call: exactly the positional parameters, nothing else.
  const bool simple = !kwnames && nargs == static_cast<std::size_t>(u.argcount) && u.kwonlyargcount == 0 &&
                      !(u.flags & (cf_varargs | cf_varkeywords));
  if (simple) {
    for (std::size_t i = 0; i < nargs; ++i) fast[i] = newref(args[i]);
  } else if (!bind_general(fn, f, args, nargs, kwnames)) {
    free_frame(f, f->stack);
    return value();
  }
  // Cells: fresh, or starting from their parameter; then the closure.
  const std::size_t nvars = u.varnames.size();
  for (std::size_t c = 0; c < u.cellvars.size(); ++c) {
    const int arg = u.cell_of_arg[c];
    fast[nvars + c] = make_cell(arg >= 0 ? fast[static_cast<std::size_t>(arg)] : value());
  }
  if (fn->closure) {
    for (std::size_t c = 0; c < u.freevars.size(); ++c) fast[nvars + u.cellvars.size() + c] = newref(as_tuple(fn->closure)->items[c]);
  }
  if (u.flags & (cf_generator | cf_coroutine)) {
    // The body runs on the first next()/send(); the generator owns the frame.
    f->is_generator = true;
    return u.flags & cf_coroutine ? make_coroutine(f, fn) : make_generator(f, fn);
  }
  ++ts.depth;
  value r = run_frame(f);
  --ts.depth;
  return r;
}

}  // namespace

value resume_frame(frame* f, value sent, bool throwing) {
  thread_state& ts = current_thread();
  if (ts.depth >= ts.recursion_limit) {
    xdecref(sent);
    if (throwing) clear_pending();
    return raise(&exc_RecursionError, "maximum recursion depth exceeded");
  }
  ++ts.depth;
  value r = run_frame(f, sent, throwing);
  --ts.depth;
  return r;
}

void release_frame(frame* f) { free_frame(f, f->stack + (f->resume_at > 0 ? f->stack_depth : 0)); }

value call_function(value fn, const value* args, std::size_t nargs, value kwnames) {
  return bind_and_run(static_cast<function_object*>(fn.obj()), args, nargs, kwnames);
}

value run_class_body(value fn_value, value ns) {
  auto* fn = static_cast<function_object*>(fn_value.obj());
  code_object* code = fn->code;
  const code_unit& u = *code->unit;
  thread_state& ts = current_thread();
  if (ts.depth >= ts.recursion_limit) return raise(&exc_RecursionError, "maximum recursion depth exceeded");
  frame* f = new_frame(code, fn, fn->globals, fn->builtins);
  f->locals = as_dict(ns);
  value* fast = f->storage;
  const std::size_t nvars = u.varnames.size();
  for (std::size_t c = 0; c < u.cellvars.size(); ++c) fast[nvars + c] = make_cell(value());
  if (fn->closure) {
    for (std::size_t c = 0; c < u.freevars.size(); ++c) fast[nvars + u.cellvars.size() + c] = newref(as_tuple(fn->closure)->items[c]);
  }
  ++ts.depth;
  value r = run_frame(f);
  --ts.depth;
  return r;
}

value run_code(code_object* code, dict_object* globals) {
  frame* f = new_frame(code, nullptr, globals, builtins_dict());
  return run_frame(f);
}

namespace {

value make_function(frame* f, code_object* code, std::uint32_t flags, value* popped) {
  auto* fn = make<function_object>(&function_type);
  fn->code = static_cast<code_object*>(newref(value::from(code)).obj());
  fn->globals = static_cast<dict_object*>(newref(value::from(f->globals)).obj());
  fn->builtins = static_cast<dict_object*>(newref(value::from(f->builtins)).obj());
  fn->defaults = fn->kwdefaults = fn->closure = fn->annotations = fn->doc = fn->module_name = fn->dict = value();
  fn->name = newref(code->name);
  fn->qualname = newref(code->qualname);
  // popped[] is in stack order: defaults, kwdefaults, annotations, closure.
  std::size_t k = 0;
  if (flags & mf_defaults) fn->defaults = popped[k++];
  if (flags & mf_kwdefaults) fn->kwdefaults = popped[k++];
  if (flags & mf_annotations) fn->annotations = popped[k++];
  if (flags & mf_closure) fn->closure = popped[k++];
  value mod = dict_get(value::from(f->globals), intern("__name__"));
  fn->module_name = mod ? newref(mod) : value();
  if (!code->unit->constants.empty()) {
    // A leading string statement is the docstring (constant 0 when it is).
    if (std::holds_alternative<std::string>(code->unit->constants[0]) && !code->unit->code.empty() &&
        op_of(code->unit->code[0]) == opcode::LOAD_CONST && arg_of(code->unit->code[0]) == 0 &&
        code->unit->code.size() > 1 && op_of(code->unit->code[1]) == opcode::POP_TOP) {
      fn->doc = newref(code->constants[0]);
    }
  }
  // A `def` in a module or class body lives as long as its module or class:
  // it is in a cycle with its namespace (fn -> globals -> fn) that only a
  // cycle collector could break, and this VM has none. Making it immortal
  // changes no lifetime (except of a def re-run in a module-level loop) and
  // spares every call two count changes — which, with threads calling one
  // function, are the cache line PEP 703's deferred reference counting
  // exists to keep unshared. Lambdas and comprehensions (names in <>) are
  // made again each time their line runs and stay counted.
  if ((f->code->unit->flags & (cf_module | cf_class_body)) && !str_of(code->name).starts_with('<')) {
    immortalize(value::from(fn));
  }
  return value::from(fn);
}

value run_frame(frame* f, value sent, bool throwing) {
  thread_state& ts = current_thread();
  frame* const saved_frame = ts.current_frame;
  f->back = saved_frame;
  ts.current_frame = f;
  code_object* const code = f->code;
  const code_unit& unit = *code->unit;
  const instruction* const first = unit.code.data();
  const instruction* ip = first + f->resume_at;  // 0 except when resuming a generator
  value* sp = f->stack + f->stack_depth;
  value* const fast = f->storage;
  value* const consts = code->constants.data();
  value* const names = code->names.data();
  const std::size_t ncells_base = unit.varnames.size();
  std::uint32_t arg = 0;
  value result;

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
#define SAVE_POINT() (f->lasti = static_cast<int>(ip - first - 1))
#define CHECK(v)            \
  do {                      \
    if (!(v)) goto error;   \
  } while (0)
// The stm back-end's transaction boundaries (transaction.hpp): a commit
// point before the safepoint's other work, a begin point after it; an
// abort continues from the transaction's start in this frame. Nothing on
// the other back-ends.
// A commit point and the exit point save the instruction at ip - 1 (the
// call, the backward jump, the return or yield) as the frame's last, so
// that an abort decided there is reported at its line, not at the line of
// the frame's last call. (lasti is scratch: whatever reads it sets it first.)
#define TRANSACTION_COMMIT_POINT()                                    \
  do {                                                                \
    if constexpr (backend::restartable) {                             \
      if (transaction_detail::start && --transaction_detail::countdown == 0) { \
        SAVE_POINT();                                                 \
        int at_ = 0;                                                  \
        int depth_ = 0;                                               \
        switch (transaction_commit_point(f, &at_, &depth_)) {         \
          case commit_outcome::go_on:                                 \
            break;                                                    \
          case commit_outcome::restored:                              \
            ip = first + at_;                                         \
            sp = f->stack + depth_;                                   \
            DISPATCH();                                               \
          case commit_outcome::unwind:                                \
            goto error;                                               \
        }                                                             \
      }                                                               \
    }                                                                 \
  } while (0)
#define TRANSACTION_BEGIN_POINT()                                                                        \
  do {                                                                                                   \
    if constexpr (backend::restartable) {                                                                \
      if (!transaction_detail::start)                                                                    \
        transaction_begin_point(f, static_cast<int>(ip - first), static_cast<int>(sp - f->stack));      \
    }                                                                                                    \
  } while (0)
#define TRANSACTION_EXIT_POINT()                                      \
  do {                                                                \
    if constexpr (backend::restartable) {                             \
      int at_ = 0;                                                    \
      int depth_ = 0;                                                 \
      if (transaction_detail::start == f) {                           \
        SAVE_POINT();                                                 \
        if (transaction_exit_point(f, &at_, &depth_)) {               \
          ip = first + at_;                                           \
          sp = f->stack + depth_;                                     \
          result = value();                                           \
          DISPATCH();                                                 \
        }                                                             \
      }                                                               \
    }                                                                 \
  } while (0)

#if GILLAB_COMPUTED_GOTO
  static const void* const labels[] = {
#define OPCODE(name, operand, effect, flags) &&op_##name,
#include <gillab/interp/opcodes.def>
  };
#define DISPATCH()                                      \
  do {                                                  \
    const instruction ins_ = *ip++;                     \
    arg = arg_of(ins_);                                 \
    goto* labels[static_cast<unsigned>(op_of(ins_))];  \
  } while (0)
#define TARGET(name) op_##name:
#else
#define DISPATCH() goto dispatch
#define TARGET(name) case opcode::name:
#endif
#if GILLAB_RESTARTABLE
  // stm: an abort exception thrown by runtime code this loop called stops
  // here (transaction.hpp). In the start frame the loop goes on from the
  // snapshot (`reentered`); any other frame is abandoned.
  bool reentered = false;
  for (;;) {
  try {
#else
  constexpr bool reentered = false;
#endif
  if (f->resume_at > 0 && !reentered) {
    // A suspended generator: its `yield` evaluates to the sent value, or
    // raises the thrown exception (pending) at the yield's instruction.
    if (throwing) goto error;
    PUSH(sent);
  }
#if GILLAB_COMPUTED_GOTO
  DISPATCH();
#else
dispatch:
  {
    const instruction ins_ = *ip++;
    arg = arg_of(ins_);
    switch (op_of(ins_)) {
#endif

  TARGET(NOP) { DISPATCH(); }
  TARGET(POP_TOP) {
    decref(POP());
    DISPATCH();
  }
  TARGET(COPY) {
    value v = PEEK(arg);
    PUSH(newref(v));
    DISPATCH();
  }
  TARGET(SWAP) {
    std::swap(TOP(), PEEK(arg));
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(value());
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(newref(consts[arg]));
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    value v = fast[arg];
    if (!v) {
      SAVE_POINT();
      unbound_local(unit, arg);
      goto error;
    }
    PUSH(newref(v));
    DISPATCH();
  }
  TARGET(LOAD_FAST_BORROW)
  TARGET(LOAD_FAST_BORROW_2) {
    value v = fast[arg];
    if (!v) {
      SAVE_POINT();
      unbound_local(unit, arg);
      // _2's first operand, below it, holds no reference: it leaves the
      // stack before the unwinder would drop it.
      if (op_of(ip[-1]) == opcode::LOAD_FAST_BORROW_2) sp--;
      goto error;
    }
    PUSH(v);  // no reference: see opcodes.def
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    value old = fast[arg];
    fast[arg] = POP();
    xdecref(old);
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (!fast[arg]) {
      SAVE_POINT();
      unbound_local(unit, arg);
      goto error;
    }
    decref(fast[arg]);
    fast[arg] = value();
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    // Cells are mutable and shared by closures that may run on other
    // threads (`nonlocal n` in a thread's target): read and count the
    // contents inside the cell's section.
    auto* cell = static_cast<cell_object*>(fast[ncells_base + arg].obj());
    value v;
    {
      backend::read_section guard(ts.backend_state, cell->header);
      v = cell->contents;
      if (v) incref(v);
    }
    if (!v) {
      SAVE_POINT();
      const std::string n = arg < unit.cellvars.size() ? unit.cellvars[arg] : unit.freevars[arg - unit.cellvars.size()];
      if (arg < unit.cellvars.size()) {
        raise(&exc_UnboundLocalError, "cannot access local variable '" + n + "' where it is not associated with a value");
      } else {
        raise(&exc_NameError, "cannot access free variable '" + n + "' where it is not associated with a value in enclosing scope");
      }
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    auto* cell = static_cast<cell_object*>(fast[ncells_base + arg].obj());
    value old;
    {
      backend::write_section guard(ts.backend_state, cell->header);
      old = cell->contents;
      cell->contents = POP();
    }
    xdecref(old);
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    auto* cell = static_cast<cell_object*>(fast[ncells_base + arg].obj());
    value old;
    {
      backend::write_section guard(ts.backend_state, cell->header);
      old = cell->contents;
      cell->contents = value();
    }
    xdecref(old);
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(newref(fast[ncells_base + arg]));
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    SAVE_POINT();
    {
      value name = names[arg];
      global_cache_entry& c = code->global_cache[static_cast<std::size_t>(f->lasti)];
      value v = cached_global(f, c, name);
      if (!v) {
        v = load_global(f, name);
        CHECK(v);
        fill_global_cache(f, c, name);
      }
      PUSH(v);
    }
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    SAVE_POINT();
    value v = POP();
    const int rc = dict_set(value::from(f->globals), names[arg], v);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    SAVE_POINT();
    if (dict_del(value::from(f->globals), names[arg]) < 0) {
      if (pending_matches(&exc_KeyError)) {
        clear_pending();
        name_error(names[arg]);
      }
      goto error;
    }
    DISPATCH();
  }
  // Module and class bodies: a class body's names live in its namespace
  // (f->locals), a module's in its globals.
  // A metaclass's __prepare__ may give a class body a dict subclass: its
  // own __setitem__/__getitem__/__delitem__ decide (enum's namespace).
  TARGET(STORE_NAME) {
    SAVE_POINT();
    value v = POP();
    const int rc = f->locals && f->locals->type != &dict_type ? op_setitem(value::from(f->locals), names[arg], v)
                                                              : dict_set(value::from(f->locals ? f->locals : f->globals), names[arg], v);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    SAVE_POINT();
    if (f->locals && f->locals->type != &dict_type ? op_setitem(value::from(f->locals), names[arg], value()) < 0
                                                   : dict_del(value::from(f->locals ? f->locals : f->globals), names[arg]) < 0) {
      if (pending_matches(&exc_KeyError)) {
        clear_pending();
        name_error(names[arg]);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    SAVE_POINT();
    value v;
    if (f->locals && f->locals->type != &dict_type) {
      v = op_getitem(value::from(f->locals), names[arg]);
      if (!v && !pending_matches(&exc_KeyError)) goto error;
      if (!v) clear_pending();
    } else if (f->locals) {
      v = dict_get(value::from(f->locals), names[arg]);
      if (v) incref(v);
      if (!v && error_pending()) goto error;
    }
    if (!v) v = load_global(f, names[arg]);
    CHECK(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    SAVE_POINT();
    value obj = TOP();
    attr_cache_entry& c = code->attr_cache[static_cast<std::size_t>(f->lasti)];
    bool fill = true;
    value v = cached_getattr(c, obj, names[arg], &fill);
    if (!v) {
      if (error_pending()) goto error;
      v = op_getattr(obj, names[arg]);
      CHECK(v);
      if (fill) fill_attr_cache(c, obj, names[arg], false);
    }
    decref(obj);
    TOP() = v;
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    SAVE_POINT();
    value obj = POP();
    value v = POP();
    attr_cache_entry& c = code->attr_cache[static_cast<std::size_t>(f->lasti)];
    bool fill = true;
    int rc = cached_setattr(c, obj, names[arg], v, &fill);
    if (rc > 0) {
      rc = op_setattr(obj, names[arg], v);
      if (rc == 0 && fill) fill_setattr_cache(c, obj, names[arg]);
    }
    decref(obj);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    SAVE_POINT();
    value obj = POP();
    const int rc = op_setattr(obj, names[arg], value());
    decref(obj);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    SAVE_POINT();
    value obj = TOP();
    attr_cache_entry& c = code->attr_cache[static_cast<std::size_t>(f->lasti)];
    bool function = false, fill = true;
    value fn = cached_method(c, obj, names[arg], &function, &fill);
    if (!fn) {
      if (error_pending()) goto error;
      fn = method_for_call(obj, names[arg]);
      if (fn) {
        function = true;
      } else {
        if (error_pending()) goto error;
        fn = op_getattr(obj, names[arg]);
        CHECK(fn);
      }
      if (fill) fill_attr_cache(c, obj, names[arg], true);
    }
    if (function) {
      // A method of a class: call the function with the instance as self,
      // without making a bound method.
      TOP() = newref(fn);
      PUSH(obj);
      DISPATCH();
    }
    decref(obj);
    TOP() = fn;
    PUSH(value());  // bound already: no separate self
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    SAVE_POINT();
    value key = POP();
    value container = TOP();
    value v = subscript(ts, container, key);
    decref(key);
    CHECK(v);  // on error the container stays on the stack, owned, for the unwinder
    decref(container);
    TOP() = v;
    DISPATCH();
  }
  TARGET(CHECK_FAST) {
    if (!fast[arg]) {
      SAVE_POINT();
      unbound_local(unit, arg);
      goto error;
    }
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR_LOCAL) {
    SAVE_POINT();
    value container = fast[arg];  // borrowed: the frame's local keeps it alive
    if (!container) {  // a constant key: no CHECK_FAST before it
      unbound_local(unit, arg);
      goto error;  // the key, owned, stays on the stack for the unwinder
    }
    value key = TOP();
    value v = subscript(ts, container, key);
    CHECK(v);
    decref(key);
    TOP() = v;
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    SAVE_POINT();
    value key = POP();
    value container = POP();
    value v = POP();
    int rc = 1;
    if (key.is_small() && type_of(container) == &list_type) {
      // list[i] = v in range: swap under the write section, drop the old
      // value after it (its destructor may run code).
      value old;
      {
        backend::write_section guard(ts.backend_state, container.obj()->header);
        auto& items = as_list(container)->items;
        std::int64_t i = key.small_int();
        if (i < 0) i += static_cast<std::int64_t>(items.size());
        if (i >= 0 && i < static_cast<std::int64_t>(items.size())) {
          old = items.exchange(static_cast<std::size_t>(i), newref(v));
          rc = 0;
        }
      }
      if (old) release_displaced(old);
    }
    if (rc) rc = op_setitem(container, key, v);
    decref(key);
    decref(container);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    SAVE_POINT();
    value key = POP();
    value container = POP();
    const int rc = op_setitem(container, key, value());
    decref(key);
    decref(container);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    value step = arg == 3 ? POP() : value();
    value stop = POP();
    value start = POP();
    value s = make_slice(start, stop, step ? step : none());
    decref(start);
    decref(stop);
    xdecref(step);
    PUSH(s);
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    value b = POP();
    value a = TOP();
    value r;
    if (a.is_small() && b.is_small()) {
      // Fast paths: no allocation while results stay small.
      const std::int64_t x = a.small_int(), y = b.small_int();
      std::int64_t p = 0;
      switch (static_cast<ast::binop>(arg & 15)) {
        case ast::binop::add: r = make_int(x + y); break;
        case ast::binop::sub: r = make_int(x - y); break;
        case ast::binop::mul:
          if (!__builtin_mul_overflow(x, y, &p)) r = make_int(p);
          break;
        case ast::binop::mod:
          if (y != 0) {
            std::int64_t m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) m += y;  // Python's modulo takes the divisor's sign
            r = value::small(m);
          }
          break;
        case ast::binop::floordiv:
          if (y != 0) {
            std::int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
            r = make_int(q);
          }
          break;
        default: break;
      }
    } else if ((a.is_small() || a.obj()->type == &float_type) && (b.is_small() || b.obj()->type == &float_type)) {
      // One of them is a float (both small ints took the branch above):
      // float arithmetic without the protocol's dispatch.
      const double x = a.is_small() ? static_cast<double>(a.small_int()) : static_cast<float_object*>(a.obj())->v;
      const double y = b.is_small() ? static_cast<double>(b.small_int()) : static_cast<float_object*>(b.obj())->v;
      switch (static_cast<ast::binop>(arg & 15)) {
        case ast::binop::add: r = make_float(x + y); break;
        case ast::binop::sub: r = make_float(x - y); break;
        case ast::binop::mul: r = make_float(x * y); break;
        case ast::binop::div:
          if (y != 0) r = make_float(x / y);  // else the slow path raises
          break;
        default: break;
      }
    }
    if (!r) {
      SAVE_POINT();
      r = op_binary(a, b, static_cast<int>(arg & ~binop_borrowed));
    }
    if (arg & binop_borrowed) {  // the frame's locals own a and b
      if (!r) {
        sp--;
        goto error;
      }
    } else {
      decref(b);
      if (!r) goto error;
      decref(a);
    }
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE)
  TARGET(UNARY_POSITIVE)
  TARGET(UNARY_INVERT) {
    SAVE_POINT();
    const opcode op = op_of(ip[-1]);
    const auto u = op == opcode::UNARY_NEGATIVE   ? ast::unaryop::neg
                   : op == opcode::UNARY_POSITIVE ? ast::unaryop::pos
                                                  : ast::unaryop::invert;
    value v = TOP();
    value r = op_unary(v, static_cast<int>(u));
    CHECK(r);
    decref(v);
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    SAVE_POINT();
    value v = TOP();
    const int t = op_truth(v);
    if (t < 0) goto error;
    decref(v);
    TOP() = boolean(!t);
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    SAVE_POINT();
    value b = POP();
    value a = TOP();
    if (a.is_small() && b.is_small()) {
      // Small ints: no protocol dispatch, no references to drop.
      const std::int64_t x = a.small_int(), y = b.small_int();
      bool t = false;
      switch (static_cast<ast::cmpop>(arg)) {
        case ast::cmpop::eq: t = x == y; break;
        case ast::cmpop::ne: t = x != y; break;
        case ast::cmpop::lt: t = x < y; break;
        case ast::cmpop::le: t = x <= y; break;
        case ast::cmpop::gt: t = x > y; break;
        case ast::cmpop::ge: t = x >= y; break;
        default: goto compare_slow;
      }
      TOP() = boolean(t);
      DISPATCH();
    }
  compare_slow:
    value r = op_compare(a, b, static_cast<int>(arg));
    decref(b);
    CHECK(r);
    decref(a);
    TOP() = r;
    DISPATCH();
  }
  TARGET(IS_OP) {
    value b = POP();
    value a = TOP();
    const bool same = a == b;
    decref(a);
    decref(b);
    TOP() = boolean(arg ? !same : same);
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    SAVE_POINT();
    value container = POP();
    value item = TOP();
    const int c = op_contains(container, item);
    decref(container);
    if (c < 0) goto error;
    decref(item);
    TOP() = boolean(arg ? !c : c);
    DISPATCH();
  }
  TARGET(BUILD_TUPLE) {
    value t = make_tuple(static_cast<std::size_t>(arg));
    for (std::uint32_t i = arg; i > 0; --i) as_tuple(t)->items[i - 1] = POP();
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    value l = make_list();
    auto& items = as_list(l)->items;
    items.resize_unshared(arg);
    for (std::uint32_t i = arg; i > 0; --i) items.set(i - 1, POP());
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    SAVE_POINT();
    value set = make_set(&set_type);
    value* base = sp - arg;
    bool ok = true;
    for (value* p = base; p < sp; ++p) {
      if (ok && set_add(set, *p) < 0) ok = false;
      decref(*p);
    }
    sp = base;
    if (!ok) {
      decref(set);
      goto error;
    }
    PUSH(set);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    SAVE_POINT();
    value v = POP();
    const int rc = set_add(PEEK(arg), v);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    SAVE_POINT();
    value iterable = POP();
    const int rc = set_update(PEEK(arg), iterable);
    decref(iterable);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    SAVE_POINT();
    value d = make_dict();
    value* base = sp - 2 * arg;
    bool ok = true;
    for (std::uint32_t i = 0; i < arg && ok; ++i) ok = dict_set(d, base[2 * i], base[2 * i + 1]) == 0;
    for (value* p = base; p < sp; ++p) decref(*p);
    sp = base;
    if (!ok) {
      decref(d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    {  // scoped: DISPATCH is a computed goto, which runs no destructors
    std::string s;
    value* base = sp - arg;
    for (value* p = base; p < sp; ++p) {
      s += str_of(*p);
      decref(*p);
    }
    sp = base;
    PUSH(make_str(s));
    }
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    value v = POP();
    {
      append_scope appending(PEEK(arg).obj());  // stm: the list may predate the transaction
      before_write(PEEK(arg).obj());
    }
    as_list(PEEK(arg))->items.push_back(v);
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    SAVE_POINT();
    value v = POP();
    value k = POP();
    const int rc = dict_set(PEEK(arg), k, v);
    decref(k);
    decref(v);
    if (rc < 0) goto error;
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    {  // scoped: DISPATCH is a computed goto, which runs no destructors
    SAVE_POINT();
    value iterable = POP();
    const std::uint32_t depth = arg & ~list_extend_sole_call_argument;
    std::vector<value> items;
    const bool ok = collect(iterable, items);
    if (!ok) {
      for (value x : items) decref(x);
      if (pending_matches(&exc_TypeError) && !type_of(iterable)->iter) {
        clear_pending();
        // f(*x): the stack is [f null list]; CPython's message names f.
        const std::string what = (arg & list_extend_sole_call_argument)
                                     ? function_str(PEEK(depth + 2)) + " argument after *"
                                     : std::string("Value after *");
        raise_type_error(what + " must be an iterable, not " + type_name(iterable));
      }
      decref(iterable);
      goto error;
    }
    decref(iterable);
    {
      append_scope appending(PEEK(depth).obj());
      before_write(PEEK(depth).obj());
    }
    auto& dst = as_list(PEEK(depth))->items;
    dst.insert(dst.size(), items.data(), items.data() + items.size());  // adopts the references
    }
    DISPATCH();
  }
  TARGET(DICT_UPDATE)
  TARGET(DICT_MERGE) {
    SAVE_POINT();
    const bool merge = op_of(ip[-1]) == opcode::DICT_MERGE;  // f(**m): duplicates are errors
    value src = POP();
    value dst = PEEK(arg);
    // In a call the stack is [callable null args kwargs]: errors name the callable.
    const auto callee = [&] { return function_str(PEEK(arg + 3)); };
    if (type_of(src) != &dict_type) {
      if (merge) {
        raise_type_error(callee() + " argument after ** must be a mapping, not " + type_name(src));
      } else {
        raise_type_error(std::string("'") + type_name(src) + "' object is not a mapping");
      }
      decref(src);
      goto error;
    }
    std::size_t pos = 0;
    value k, v;
    bool ok = true;
    while (ok && dict_next(src, &pos, &k, &v)) {
      if (merge && dict_get(dst, k)) {
        raise_type_error(callee() + " got multiple values for keyword argument '" + str_of(k) + "'");
        ok = false;
        break;
      }
      ok = dict_set(dst, k, v) == 0;
    }
    decref(src);
    if (!ok) goto error;
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    value l = TOP();
    auto& items = as_list(l)->items;
    value t = make_tuple(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) as_tuple(t)->items[i] = newref(items[i]);
    decref(l);
    TOP() = t;
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    {  // scoped: DISPATCH is a computed goto, which runs no destructors
    SAVE_POINT();
    value seq = TOP();
    // Fast paths: a tuple or list of the right length, no vector built.
    if (type_of(seq) == &tuple_type && as_tuple(seq)->size == arg) {
      sp--;
      for (std::size_t i = arg; i > 0; --i) PUSH(newref(as_tuple(seq)->items[i - 1]));
      decref(seq);
      DISPATCH();
    }
    if (type_of(seq) == &list_type) {
      bool done = false;
      {
        backend::read_section guard(ts.backend_state, seq.obj()->header);
        const auto& items = as_list(seq)->items;
        if (items.size() == arg) {
          sp--;
          for (std::size_t i = arg; i > 0; --i) PUSH(newref(items[i - 1]));
          done = true;
        }
      }
      if (done) {
        decref(seq);
        DISPATCH();
      }
    }
    sp--;
    std::vector<value> items;
    if (!collect_at_most(seq, items, arg + 1)) {
      for (value x : items) decref(x);
      if (pending_matches(&exc_TypeError) && !type_of(seq)->iter) {
        clear_pending();
        raise_type_error(std::string("cannot unpack non-iterable ") + type_name(seq) + " object");
      }
      decref(seq);
      goto error;
    }
    decref(seq);
    if (items.size() != arg) {
      for (value x : items) decref(x);
      if (items.size() > arg) {
        raise(&exc_ValueError, "too many values to unpack (expected " + std::to_string(arg) + ")");
      } else {
        raise(&exc_ValueError, "not enough values to unpack (expected " + std::to_string(arg) + ", got " +
                                   std::to_string(items.size()) + ")");
      }
      goto error;
    }
    for (std::size_t i = items.size(); i > 0; --i) PUSH(items[i - 1]);
    }
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    {  // scoped: DISPATCH is a computed goto, which runs no destructors
    SAVE_POINT();
    const std::size_t before = arg & 0xFF;
    const std::size_t after = arg >> 8;
    value seq = POP();
    std::vector<value> items;
    if (!collect(seq, items)) {
      decref(seq);
      goto error;
    }
    decref(seq);
    if (items.size() < before + after) {
      for (value x : items) decref(x);
      raise(&exc_ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                 ", got " + std::to_string(items.size()) + ")");
      goto error;
    }
    value middle = make_list();
    for (std::size_t i = before; i < items.size() - after; ++i) as_list(middle)->items.push_back(items[i]);
    for (std::size_t i = items.size(); i > items.size() - after; --i) PUSH(items[i - 1]);
    PUSH(middle);
    for (std::size_t i = before; i > 0; --i) PUSH(items[i - 1]);
    }
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    SAVE_POINT();
    value spec = (arg & 4) ? POP() : value();
    value v = TOP();
    value r = format_value(v, static_cast<int>(arg & 3), spec);
    xdecref(spec);
    CHECK(r);
    decref(v);
    TOP() = r;
    DISPATCH();
  }
  TARGET(JUMP) {
    ip = first + arg;
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    // The eval breaker. Pending work (GIL drop requests, stop-the-world)
    // arrives here with the back-ends that post it; Ctrl-C is checked with
    // one relaxed load, before the jump, so the traceback names this loop.
    if (signals_pending() && handle_signals()) goto error;
    TRANSACTION_COMMIT_POINT();  // before the jump: ip - 1 is the jump
    ip = first + arg;
    (void)backend::safepoint(ts.backend_state);
    reclaim_safepoint();
    gc_safepoint();
    TRANSACTION_BEGIN_POINT();
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    value v = POP();
    int t;
    if (v == false_value()) t = 0;
    else if (v == true_value()) t = 1;
    else {
      SAVE_POINT();
      t = op_truth(v);
      decref(v);
      if (t < 0) goto error;
    }
    if (!t) ip = first + arg;
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    value v = POP();
    int t;
    if (v == false_value()) t = 0;
    else if (v == true_value()) t = 1;
    else {
      SAVE_POINT();
      t = op_truth(v);
      decref(v);
      if (t < 0) goto error;
    }
    if (t) ip = first + arg;
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    SAVE_POINT();
    const int t = op_truth(TOP());
    if (t < 0) goto error;
    if (!t) {
      ip = first + arg;
    } else {
      decref(POP());
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    SAVE_POINT();
    const int t = op_truth(TOP());
    if (t < 0) goto error;
    if (t) {
      ip = first + arg;
    } else {
      decref(POP());
    }
    DISPATCH();
  }
  TARGET(GET_ITER) {
    SAVE_POINT();
    value v = TOP();
    value it = op_iter(v);
    CHECK(it);
    decref(v);
    TOP() = it;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    SAVE_POINT();
    value it = TOP();
    value next = op_next(it);
    if (next) {
      PUSH(next);
      DISPATCH();
    }
    if (error_pending()) {
      if (!pending_matches(&exc_StopIteration)) goto error;
      clear_pending();
    }
    decref(POP());
    ip = first + arg;
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    auto* c = static_cast<code_object*>(POP().obj());
    const int count = ((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0);
    value* popped = sp - count;
    value fn = make_function(f, c, arg, popped);
    sp = popped;
    PUSH(fn);
    DISPATCH();
  }
  TARGET(CALL) {
    SAVE_POINT();
    value* args = sp - arg;
    value self = args[-1];
    value callable = args[-2];
    value r;
    if (self) {
      r = op_call(callable, args - 1, arg + 1);
    } else {
      r = op_call(callable, args, arg);
    }
    for (value* p = args - 2; p < sp; ++p) xdecref(*p);
    sp = args - 2;
    CHECK(r);
    PUSH(r);
    TRANSACTION_COMMIT_POINT();
    (void)backend::safepoint(ts.backend_state);
    reclaim_safepoint();
    gc_safepoint();
    TRANSACTION_BEGIN_POINT();
    if (signals_pending() && handle_signals()) goto error;
    DISPATCH();
  }
  TARGET(CALL_KW) {
    SAVE_POINT();
    value kwnames = POP();
    value* args = sp - arg;
    value self = args[-1];
    value callable = args[-2];
    value r = self ? op_call(callable, args - 1, arg + 1, kwnames) : op_call(callable, args, arg, kwnames);
    decref(kwnames);
    for (value* p = args - 2; p < sp; ++p) xdecref(*p);
    sp = args - 2;
    CHECK(r);
    PUSH(r);
    DISPATCH();
  }
  TARGET(CALL_EX) {
    {  // scoped: DISPATCH is a computed goto, which runs no destructors
    SAVE_POINT();
    value kwargs = (arg & 1) ? POP() : value();
    value posargs = POP();
    decref(POP());  // the null self slot
    value callable = POP();
    std::vector<value> args;
    tuple_object* t = as_tuple(posargs);
    for (std::size_t i = 0; i < t->size; ++i) args.push_back(t->items[i]);
    value kwnames;
    if (kwargs) {
      std::size_t pos = 0;
      value k, v;
      bool all_str = true;
      while (dict_next(kwargs, &pos, &k, &v)) all_str = all_str && type_of(k) == &str_type;
      if (!all_str) {
        decref(kwargs);
        decref(posargs);
        decref(callable);
        raise_type_error("keywords must be strings");
        goto error;
      }
    }
    if (kwargs) {
      const std::size_t n = dict_size(kwargs);
      kwnames = make_tuple(n);
      std::size_t pos = 0, i = 0;
      value k, v;
      while (dict_next(kwargs, &pos, &k, &v)) {
        as_tuple(kwnames)->items[i++] = newref(k);
        args.push_back(v);
      }
    }
    value r = op_call(callable, args.data(), args.size(), kwnames);
    xdecref(kwnames);
    xdecref(kwargs);
    decref(posargs);
    decref(callable);
    CHECK(r);
    PUSH(r);
    }
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    result = POP();
    goto exit;
  }
  TARGET(YIELD_VALUE) {
    // Suspend: the frame keeps its locals and stack; the generator resumes
    // it at the next instruction (resume_frame).
    result = POP();
    TRANSACTION_EXIT_POINT();
    f->resume_at = static_cast<int>(ip - first);
    f->stack_depth = static_cast<int>(sp - f->stack);
    ts.current_frame = saved_frame;
    return result;
  }
  TARGET(GET_YIELD_FROM_ITER) {
    SAVE_POINT();
    if (is_coroutine(TOP())) {
      raise_type_error("cannot 'yield from' a coroutine object in a non-coroutine generator");
      goto error;
    }
    if (!is_generator(TOP())) {
      value it = op_iter(TOP());
      CHECK(it);
      decref(TOP());
      TOP() = it;
    }
    DISPATCH();
  }
  TARGET(SEND) {
    // [iter v] -> [iter yielded] and on to YIELD_VALUE; when the iterator
    // is done: [its return value] and jump past the yield-from loop.
    SAVE_POINT();
    {
      value v = POP();
      value it = TOP();
      bool returned = false;
      value r;
      if (is_generator(it)) {
        r = generator_send(it, v, &returned);
      } else if (v == none()) {
        r = op_next(it);
        if (!r && !error_pending()) {
          returned = true;
          r = none();
        }
      } else {
        ref send(op_getattr(it, intern("send")));
        r = send ? op_call(send.get(), &v, 1) : value();
      }
      decref(v);
      if (!r && pending_matches(&exc_StopIteration)) {
        ref stop(take_pending());
        value x = exception_args(static_cast<exception_object*>(stop.get().obj()));
        r = newref(as_tuple(x)->size ? as_tuple(x)->items[0] : none());
        returned = true;
      }
      CHECK(r);
      if (returned) {
        decref(POP());
        PUSH(r);
        ip = first + arg;
      } else {
        PUSH(r);
      }
    }
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    SAVE_POINT();
    {
      value it = awaitable_iter(TOP());
      CHECK(it);
      decref(TOP());
      TOP() = it;
    }
    DISPATCH();
  }
  TARGET(GET_AITER) {
    SAVE_POINT();
    {
      value obj = TOP();
      ref aiter_fn(lookup_special(obj, "__aiter__"));
      if (!aiter_fn) {
        if (!error_pending()) {
          raise_type_error(std::string("'async for' requires an object with __aiter__ method, got ") + type_name(obj));
        }
        goto error;
      }
      value it = op_call(aiter_fn.get(), nullptr, 0);
      CHECK(it);
      decref(obj);
      TOP() = it;
    }
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    SAVE_POINT();
    {
      value aiter = TOP();
      ref anext_fn(lookup_special(aiter, "__anext__"));
      if (!anext_fn) {
        if (!error_pending()) {
          raise_type_error(std::string("'async for' requires an iterator with __anext__ method, got ") +
                           type_name(aiter));
        }
        goto error;
      }
      ref awaitable(op_call(anext_fn.get(), nullptr, 0));
      CHECK(awaitable.get());
      value it = awaitable_iter(awaitable.get());
      if (!it) {
        if (pending_matches(&exc_TypeError)) {
          clear_pending();
          raise_type_error(std::string("'async for' received an invalid object from __anext__: ") +
                           type_name(awaitable.get()));
        }
        goto error;
      }
      PUSH(it);
    }
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    // The handler of an async for's GET_ANEXT + await: StopAsyncIteration
    // ends the loop; anything else propagates.
    value exc = POP();
    if (is_instance(exc, &exc_StopAsyncIteration)) {
      decref(exc);
      decref(POP());  // the async iterator
      DISPATCH();
    }
    raise_value(exc);
    decref(exc);
    goto reraise;
  }
  TARGET(LOAD_BUILD_CLASS) {
    SAVE_POINT();
    {
      value bc = dict_get(value::from(f->builtins), intern("__build_class__"));
      if (!bc) {
        if (!error_pending()) raise(&exc_NameError, "__build_class__ not found");
        goto error;
      }
      PUSH(newref(bc));
    }
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    SAVE_POINT();
    {
      value mgr = TOP();
      const bool async = arg != 0;
      const char* protocol = async ? "' object does not support the asynchronous context manager protocol"
                                   : "' object does not support the context manager protocol";
      ref enter(lookup_special(mgr, async ? "__aenter__" : "__enter__"));
      if (!enter) {
        if (!error_pending()) raise_type_error(std::string("'") + type_name(mgr) + protocol);
        goto error;
      }
      value exit_fn = lookup_special(mgr, async ? "__aexit__" : "__exit__");
      if (!exit_fn) {
        if (!error_pending()) {
          raise_type_error(std::string("'") + type_name(mgr) + protocol +
                           (async ? " (missed __aexit__ method)" : " (missed __exit__ method)"));
        }
        goto error;
      }
      value res = op_call(enter.get(), nullptr, 0);
      if (!res) {
        decref(exit_fn);
        goto error;
      }
      decref(mgr);
      TOP() = exit_fn;
      PUSH(res);
    }
    DISPATCH();
  }
  TARGET(WITH_EXIT) {
    SAVE_POINT();
    {
      value exit_fn = POP();
      value args[3] = {none(), none(), none()};
      value r = op_call(exit_fn, args, 3);
      decref(exit_fn);
      CHECK(r);
      if (arg != 0) {
        PUSH(r);  // async with: the awaitable of __aexit__
      } else {
        decref(r);
      }
    }
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    SAVE_POINT();
    {
      value exc = TOP();
      value exit_fn = PEEK(3);
      // No traceback objects in gillab: __exit__ gets None for the traceback.
      value args[3] = {value::from(type_of(exc)), exc, none()};
      value r = op_call(exit_fn, args, 3);
      CHECK(r);
      if (arg != 0) {  // async with: awaited first, then tested
        PUSH(r);
        DISPATCH();
      }
      const int suppress = op_truth(r);
      decref(r);
      if (suppress < 0) goto error;
      PUSH(boolean(suppress));
    }
    DISPATCH();
  }
  TARGET(RAISE_VARARGS) {
    SAVE_POINT();
    if (arg == 0) {
      if (ts.handled.empty() || !ts.handled.back()) {
        raise(&exc_RuntimeError, "No active exception to reraise");
        goto error;
      }
      raise_value(ts.handled.back());
      goto reraise;
    }
    value cause = arg == 2 ? POP() : value();
    value exc_arg = POP();
    value exc = exception_instance(exc_arg);
    decref(exc_arg);
    if (!exc) {
      xdecref(cause);
      goto error;
    }
    if (cause) {
      auto* e = static_cast<exception_object*>(exc.obj());
      value c = cause == none() ? value() : exception_instance(cause);
      decref(cause);
      if (!c && cause != none()) {
        decref(exc);
        goto error;
      }
      unlocked_field_writer writer;  // releases the old cause after the world restarts
      unlocked_fields_write writing(e);  // e may be raised in other threads too (exception_object)
      if (!writing.ok()) {
        xdecref(c);
        decref(exc);
        goto error;
      }
      writer.replace(e->cause, c);
      std::atomic_ref<bool>(e->suppress_context).store(true, std::memory_order_relaxed);
    }
    raise_value(exc);
    decref(exc);
    goto error;
  }
  TARGET(RERAISE) {
    value exc = POP();
    raise_value(exc);
    decref(exc);
    goto reraise;
  }
  TARGET(PUSH_EXC_INFO) {
    value exc = TOP();
    value prev = ts.handled.empty() ? value() : ts.handled.back();
    TOP() = prev ? newref(prev) : none();
    ts.handled.push_back(newref(exc));
    PUSH(exc);
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    value prev = POP();
    if (!ts.handled.empty()) {
      xdecref(ts.handled.back());
      ts.handled.pop_back();
    }
    decref(prev);
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    SAVE_POINT();
    value type = TOP();
    value exc = PEEK(2);
    if (!catchable(type)) {
      raise_type_error("catching classes that do not inherit from BaseException is not allowed");
      goto error;
    }
    const bool ok = exception_matches(exc, type);
    decref(type);
    TOP() = boolean(ok);
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(value::from(&exc_AssertionError));
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    SAVE_POINT();
    value fromlist = POP();
    value level = POP();
    value m = import_name_in(names[arg], fromlist, level, value::from(f->globals));
    decref(fromlist);
    decref(level);
    CHECK(m);
    PUSH(m);
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    SAVE_POINT();
    value m = TOP();
    value v = op_getattr(m, names[arg]);
    if (!v) {
      if (pending_matches(&exc_AttributeError)) {
        clear_pending();
        if (type_of(m) == &module_type) {
          auto* mod = static_cast<module_object*>(m.obj());
          value file = dict_get(value::from(mod->dict), intern("__file__"));
          raise(&exc_ImportError, "cannot import name '" + str_of(names[arg]) + "' from '" + str_of(mod->name) +
                                      "' (" + (file && type_of(file) == &str_type ? str_of(file) : "unknown location") + ")");
        } else {
          raise(&exc_ImportError, "cannot import name '" + str_of(names[arg]) + "'");
        }
      }
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    SAVE_POINT();
    value m = POP();
    const bool ok = import_star(m, value::from(f->globals));
    decref(m);
    if (!ok) goto error;
    DISPATCH();
  }

#if !GILLAB_COMPUTED_GOTO
    }
  }
#endif

error:
  if constexpr (backend::restartable) {
    // stm: a transaction aborting to its start frame passes through here
    // untouched (transaction.hpp); the start frame's exit point restores it.
    if (transaction_unwinding()) {
      result = value();
      goto exit;
    }
  }
  // The failing instruction is the one just fetched (ip is one past it;
  // no instruction jumps before it fails). Record where the exception
  // passed, then look for a handler here.
  f->lasti = static_cast<int>(ip - first - 1);
  add_traceback(ts.pending, f);
  goto find_handler;
reraise:
  f->lasti = static_cast<int>(ip - first - 1);
find_handler : {
  const exception_entry* h = find_handler(unit, f->lasti);
  if (!h) goto exit;
  value* target = f->stack + h->depth;
  while (sp > target) xdecref(POP());
  PUSH(take_pending());
  ip = first + h->target;
  DISPATCH();
}

exit:
  TRANSACTION_EXIT_POINT();
  ts.current_frame = saved_frame;
  if (f->is_generator) {
    // The generator still owns the frame's memory; its values go now, as
    // CPython clears a finished generator's frame.
    clear_frame(f, sp);
    f->resume_at = -1;
    f->stack_depth = 0;
    return result;
  }
  free_frame(f, sp);
  return result;

#if GILLAB_RESTARTABLE
  } catch (const transaction_abort_exception&) {
    COLLECT_UNWOUND_FAKE_FRAMES();  // a macro: it must run in this frame
    int at = 0, depth = 0;
    if (transaction_caught_abort(f, &at, &depth)) {  // the start frame, restored
      ip = first + at;
      sp = f->stack + depth;
      reentered = true;
      continue;
    }
    ts.current_frame = saved_frame;
    if (f->is_generator) {  // the generator keeps the memory; the abort restores or frees it
      f->resume_at = -1;
      f->stack_depth = 0;
    } else {
      free_frame_memory(f);  // its values' counts: the abort puts them back
    }
    return value();
  }
  }
#endif

#undef PUSH
#undef POP
#undef TOP
#undef PEEK
#undef SAVE_POINT
#undef CHECK
#undef TRANSACTION_COMMIT_POINT
#undef TRANSACTION_BEGIN_POINT
#undef TRANSACTION_EXIT_POINT
#undef DISPATCH
#undef TARGET
}

}  // namespace

GILLAB_RUNTIME_NAMESPACE_END
