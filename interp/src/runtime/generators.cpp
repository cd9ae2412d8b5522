// generators.cpp — generator objects: the frame of a generator function,
// suspended at each `yield` and resumed by next(), send(), throw(), close().
//
// After CPython 3.11's genobject.c (gen_send_ex, gen_throw, gen_close,
// PEP 342 / PEP 380 / PEP 479):
//  - the generator owns its frame; the frame's resume_at says where it
//    stands: 0 not started, > 0 suspended after a YIELD_VALUE, -1 finished
//    (its values already released by the eval loop);
//  - `running` guards re-entry ("generator already executing");
//  - the exceptions being handled inside the generator (sys.exc_info())
//    are taken off the thread's stack when it suspends and put back when it
//    resumes, so an `except` block that yields keeps its exception;
//  - a StopIteration escaping the body becomes RuntimeError (PEP 479);
//  - `yield from`: a frame suspended right after SEND is delegating to the
//    iterator on top of its stack; throw() and close() go to it first;
//  - a suspended generator that is freed is closed first (its `finally`
//    blocks run), and an error from that is reported as "Exception ignored".
// Generators are thread-private while running (the `running` flag); the
// back-ends see them as mutable objects whose state changes only through
// these functions. A thread claims a generator by setting `running` with
// one atomic exchange before it reads or changes the frame (free-threaded
// CPython 3.14's atomic frame-state transition): a second thread that
// resumes it meanwhile gets "generator already executing", as under the
// GIL when the first is in the middle of its body, and never runs the
// frame twice at once.
//
// Coroutines (PEP 492, CPython's genobject.c coroutine part) are the same
// object with another type: an `async def` frame, driven by send/throw/close
// (and by `await`, which is `yield from` on it: SEND treats both alike), but
// not iterable; awaiting one that is already being awaited, or resuming one
// that finished, is a RuntimeError; one freed without ever running prints
// CPython's "RuntimeWarning: coroutine '...' was never awaited".
#include "eval.hpp"
#include "operations.hpp"
#include "runtime.hpp"
#include "text.hpp"
#include "transaction.hpp"

#include <atomic>
#include <cstdio>

GILLAB_RUNTIME_NAMESPACE_BEGIN

type_object generator_type;
type_object coroutine_type;
type_object coroutine_wrapper_type;  // what coroutine.__await__() returns

namespace {

struct generator_object : object {
  frame* f;
  value name, qualname;
  std::vector<value> exc_state;  // handled exceptions saved across a yield
  bool running = false;
  bool closed = false;  // close() ended it (a closed coroutine may be closed again, silently)
};

generator_object* as_gen(value v) { return static_cast<generator_object*>(v.obj()); }
void warn_never_awaited(const std::string& qualname);

bool started(const generator_object* g) { return g->f->resume_at != 0; }
bool finished(const generator_object* g) { return g->f->resume_at < 0; }

std::atomic_ref<bool> running_flag(generator_object* g) { return std::atomic_ref<bool>(g->running); }
bool is_running(generator_object* g) { return running_flag(g).load(std::memory_order_acquire); }

/// This thread's claim on g (see the file's head): held() false when
/// another resume has it; released when it goes out of scope.
class running_claim {
 public:
  explicit running_claim(generator_object* g)
      : g_(g), held_(!running_flag(g).exchange(true, std::memory_order_acquire)) {}
  ~running_claim() { release(); }
  running_claim(const running_claim&) = delete;
  running_claim& operator=(const running_claim&) = delete;
  [[nodiscard]] bool held() const { return held_; }
  void release() {
    if (held_) running_flag(g_).store(false, std::memory_order_release);
    held_ = false;
  }

 private:
  generator_object* g_;
  bool held_;
};

// The iterator a suspended `yield from` delegates to (borrowed), or null.
value delegate_of(const generator_object* g) {
  const frame* f = g->f;
  if (f->resume_at < 2) return value();
  const auto& code = f->code->unit->code;
  if (op_of(code[static_cast<std::size_t>(f->resume_at - 2)]) != opcode::SEND) return value();
  return f->stack[f->stack_depth - 1];
}

// Runs the frame once: sent (owned) is the value of the suspended yield, or,
// with `throwing`, the pending exception is raised there.
value resume(generator_object* g, value sent, bool throwing, bool* returned) {
  *returned = false;
  before_write(g);  // stm: running it (or finishing it unstarted) changes its frame
  running_claim claim(g);
  if (!claim.held()) {
    xdecref(sent);
    if (throwing) clear_pending();
    return raise(&exc_ValueError, "generator already executing");
  }
  if (finished(g)) {
    xdecref(sent);
    if (g->type == &coroutine_type && !g->closed) {
      if (throwing) clear_pending();
      return raise(&exc_RuntimeError, "cannot reuse already awaited coroutine");
    }
    if (throwing) return value();  // the thrown exception propagates as is
    *returned = true;
    return none();
  }
  if (!started(g) && !throwing && sent && sent != none()) {
    decref(sent);
    return raise_type_error(g->type == &coroutine_type ? "can't send non-None value to a just-started coroutine"
                                                        : "can't send non-None value to a just-started generator");
  }
  if (!started(g) && throwing) {
    // As CPython: thrown into a generator that never ran, the exception is
    // raised before its first instruction, where nothing can catch it; the
    // generator is finished without running any of its body.
    xdecref(sent);
    frame* f = g->f;
    for (std::size_t i = 0; i < f->nfast; ++i) xdecref(std::exchange(f->storage[i], value()));
    f->resume_at = -1;
    return value();
  }
  if (!started(g)) {
    xdecref(sent);
    sent = value();
  }
  thread_state& ts = current_thread();
  const std::size_t base = ts.handled.size();
  for (value v : g->exc_state) ts.handled.push_back(v);
  g->exc_state.clear();
  value r = resume_frame(g->f, sent, throwing);
  // What the body still handles at a yield is its own; at the end it has
  // popped everything it pushed.
  g->exc_state.assign(ts.handled.begin() + static_cast<std::ptrdiff_t>(base), ts.handled.end());
  ts.handled.resize(base);
  if (finished(g)) {
    for (value v : g->exc_state) xdecref(v);
    g->exc_state.clear();
    *returned = static_cast<bool>(r);
    if (!r && pending_matches(&exc_StopIteration)) {
      // PEP 479: a StopIteration may not silently end the generator.
      value stop = take_pending();
      raise(&exc_RuntimeError, "generator raised StopIteration");
      auto* e = static_cast<exception_object*>(current_thread().pending.obj());
      xdecref(e->cause);
      xdecref(e->context);
      e->cause = stop;
      e->context = newref(stop);
    }
  }
  return r;
}

value stop_iteration_value() {
  value stop = take_pending();
  value args = exception_args(static_cast<exception_object*>(stop.obj()));
  value v = newref(as_tuple(args)->size ? as_tuple(args)->items[0] : none());
  decref(stop);
  return v;
}

}  // namespace

value raise_stop_iteration(value result) {  // owned; returns null
  ref r(result);
  ref args(result == none() ? make_tuple(std::size_t{0}) : make_tuple({result}));
  ref exc(make_exception(&exc_StopIteration, args.get()));
  return raise_value(exc.get());
}

namespace {

value set_stop_iteration(value result) { return raise_stop_iteration(result); }

value gen_close(generator_object* g);

// gen_throw: the exception is pending. Delegates to a `yield from` target
// first, as CPython's _gen_throw does.
value throw_pending(generator_object* g, bool* returned) {
  *returned = false;
  // stm: `running` is set while the delegate runs: saved first, so that an
  // abort thrown meanwhile (transaction.hpp) does not leave it set.
  before_write(g);
  running_claim claim(g);  // not held: resume() below raises "already executing"
  value yf = claim.held() ? delegate_of(g) : value();
  if (yf) {
    ref sub(newref(yf));
    value r;
    if (pending_matches(&exc_GeneratorExit)) {
      // Close the delegate, then raise GeneratorExit here.
      value exc = take_pending();
      value closed;
      if (is_generator(sub.get())) {
        closed = gen_close(as_gen(sub.get()));
      } else {
        ref close(op_getattr(sub.get(), intern("close")));
        if (!close && pending_matches(&exc_AttributeError)) {
          clear_pending();
          closed = none();
        } else {
          closed = close ? op_call(close.get(), nullptr, 0) : value();
        }
      }
      claim.release();
      if (closed) {
        decref(closed);
        current_thread().pending = exc;
      } else {
        decref(exc);  // the delegate's error is thrown in instead
      }
      return resume(g, value(), true, returned);
    }
    if (is_generator(sub.get())) {
      bool sub_returned = false;
      r = throw_pending(as_gen(sub.get()), &sub_returned);
      if (r && sub_returned) {
        // The delegate finished: its return value is the yield from's value.
        goto delegate_done_with_value;
      }
    } else {
      value exc = take_pending();
      ref meth(op_getattr(sub.get(), intern("throw")));
      if (!meth) {
        claim.release();
        if (!pending_matches(&exc_AttributeError)) {
          decref(exc);
          return resume(g, value(), true, returned);
        }
        clear_pending();
        current_thread().pending = exc;
        return resume(g, value(), true, returned);
      }
      r = op_call(meth.get(), &exc, 1);
      decref(exc);
    }
    if (r) return r;  // the delegate yielded
    if (!pending_matches(&exc_StopIteration)) {
      claim.release();
      return resume(g, value(), true, returned);
    }
    r = stop_iteration_value();
  delegate_done_with_value: {
    // Leave the yield-from loop as SEND does when its iterator is done: pop
    // the delegate and continue after the loop with the value pushed.
    frame* f = g->f;
    const instruction send = f->code->unit->code[static_cast<std::size_t>(f->resume_at - 2)];
    decref(f->stack[--f->stack_depth]);
    f->stack[f->stack_depth] = value();
    f->resume_at = static_cast<int>(arg_of(send));
    claim.release();
    return resume(g, r, false, returned);
  }
  }
  claim.release();
  return resume(g, value(), true, returned);
}

value gen_close(generator_object* g) {
  if (finished(g)) return none();  // (checked again under the claim)
  // stm: `closed`, and an unstarted generator's locals. Before the claim,
  // here and in resume(): the image an abort restores has `running` false.
  before_write(g);
  {
    running_claim claim(g);
    if (!claim.held()) return raise(&exc_ValueError, "generator already executing");
    if (finished(g)) return none();
    g->closed = true;
    if (!started(g)) {
      // Never ran: drop its bound arguments; it can no longer start.
      frame* f = g->f;
      for (std::size_t i = 0; i < f->nfast; ++i) xdecref(std::exchange(f->storage[i], value()));
      f->resume_at = -1;
      return none();
    }
  }
  ref no_args(make_tuple(std::size_t{0}));
  ref exit(make_exception(&exc_GeneratorExit, no_args.get()));
  raise_value(exit.get());
  bool returned = false;
  value r = throw_pending(g, &returned);
  if (r) {
    decref(r);
    if (!returned) return raise(&exc_RuntimeError, "generator ignored GeneratorExit");
    return none();
  }
  if (pending_matches(&exc_GeneratorExit) || pending_matches(&exc_StopIteration)) {
    clear_pending();
    return none();
  }
  return value();
}

// ---- the type ----

#if GILLAB_RESTARTABLE
/// stm: a generator's frame (locals, suspended stack, where it resumes) and
/// its saved exception state, as a transaction found them.
struct generator_image final : pooled_image<generator_image> {
  std::vector<value> slots;
  std::vector<value> exc_state;
  int lasti = 0, resume_at = 0, stack_depth = 0;
  bool running = false, closed = false;
  void clear() {
    clear_buffer(slots);
    clear_buffer(exc_state);
  }
  void restore(object* o) override {
    auto* g = static_cast<generator_object*>(o);
    frame* f = g->f;
    std::copy(slots.begin(), slots.begin() + static_cast<std::ptrdiff_t>(f->nfast), f->storage);
    std::copy(slots.begin() + static_cast<std::ptrdiff_t>(f->nfast), slots.end(), f->stack);
    f->lasti = lasti;
    f->resume_at = resume_at;
    f->stack_depth = stack_depth;
    g->exc_state = std::move(exc_state);
    g->running = running;
    g->closed = closed;
  }
};
void save_generator(object* o) {
  auto* g = static_cast<generator_object*>(o);
  const frame* f = g->f;
  auto image = generator_image::take();
  image->slots.assign(f->storage, f->storage + f->nfast);
  image->slots.insert(image->slots.end(), f->stack, f->stack + (f->resume_at > 0 ? f->stack_depth : 0));
  image->exc_state = g->exc_state;
  image->lasti = f->lasti;
  image->resume_at = f->resume_at;
  image->stack_depth = f->stack_depth;
  image->running = g->running;
  image->closed = g->closed;
  push_undo(o, std::move(image));
}
#endif

/// Runs a suspended generator's finally blocks (CPython's _PyGen_Finalize),
/// keeping any exception in flight; an error is reported, not raised. The
/// caller holds a reference for the duration.
void finalize_generator(generator_object* g) {
  object* o = g;
  thread_state& ts = current_thread();
  value saved = std::exchange(ts.pending, value());
  value r;
  {
    no_abort_exceptions in_a_deallocator;  // stm: closing may call a delegate's close()
    r = gen_close(g);
  }
  if (!r) {
    report_unraisable(value::from(o), "<generator>");
  } else {
    decref(r);
  }
  ts.pending = saved;
}

void dealloc_generator(object* o) {
  auto* g = static_cast<generator_object*>(o);
  if (g->type == &coroutine_type && !started(g) && !finished(g) && !transaction_aborting()) warn_never_awaited(str_of(g->qualname));
  if (started(g) && !finished(g) && !transaction_aborting()) {
    // Alive again while it runs: code in its finally blocks may take and
    // drop references to it without freeing it twice.
    backend::incref(o->header);
    finalize_generator(g);
    if (!backend::decref(o->header)) return;  // resurrected: a finally block kept it
  }
  release_frame(g->f);
  xdecref(g->name);
  xdecref(g->qualname);
  for (value v : g->exc_state) xdecref(v);
  g->~generator_object();
  free_object_memory(o);
}

// A generator running now (on this or, parked, another thread) is skipped:
// its frame's value stack is in the eval loop's hands, and whoever runs it
// holds a reference, so what it refers to is reachable anyway.
void traverse_generator(object* o, void (*visit)(value, void*), void* arg) {
  auto* g = static_cast<generator_object*>(o);
  if (g->name) visit(g->name, arg);
  if (g->qualname) visit(g->qualname, arg);
  for (value v : g->exc_state)
    if (v) visit(v, arg);
  if (g->running || finished(g)) return;
  const frame* f = g->f;
  for (std::size_t i = 0; i < f->nfast; ++i)
    if (f->storage[i]) visit(f->storage[i], arg);
  if (started(g)) {
    for (int i = 0; i < f->stack_depth; ++i)
      if (f->stack[i]) visit(f->stack[i], arg);
  }
}

// Garbage is closed (gen_close) before anything is cleared: a suspended
// generator's finally blocks run (PEP 442) and its frame's values go; one
// never started just drops its arguments. A never-awaited coroutine is left
// for its deallocator's warning.
void finalize_garbage_generator(object* o) {
  auto* g = static_cast<generator_object*>(o);
  if (g->running || finished(g)) return;
  if (!started(g) && g->type == &coroutine_type) return;
  finalize_generator(g);
}

value generator_repr(value v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(v.obj()));
  return make_str(std::string(v.obj()->type == &coroutine_type ? "<coroutine object " : "<generator object ") +
                  str_of(as_gen(v)->qualname) + buf);
}

value generator_iter(value v) { return newref(v); }

// The iterator slot: for loops, list(), sum() ... only need "exhausted", so
// the return value is dropped here (builtin next() keeps it: next_value).
value generator_next(value v) {
  bool returned = false;
  value r = resume(as_gen(v), none(), false, &returned);
  if (!r || !returned) return r;
  decref(r);
  return value();
}

value generator_getattr(value v, value name) {
  const std::string n = str_of(name);
  generator_object* g = as_gen(v);
  const bool coro = v.obj()->type == &coroutine_type;
  if (n == "__name__") return newref(g->name);
  if (n == "__qualname__") return newref(g->qualname);
  if (n == (coro ? "cr_running" : "gi_running")) return boolean(is_running(g));
  if (n == (coro ? "cr_await" : "gi_yieldfrom")) {
    value yf = started(g) && !finished(g) ? delegate_of(g) : value();
    return yf ? newref(yf) : none();
  }
  if (n == (coro ? "cr_suspended" : "gi_suspended")) return boolean(started(g) && !finished(g) && !is_running(g));
  return value();
}

bool self_is_generator(value self, const char* method) {
  if (is_generator(self)) return true;
  raise_type_error(std::string("descriptor '") + method + "' requires a 'generator' object");
  return false;
}

// ---- coroutines ----

// CPython's _PyErr_WarnUnawaitedCoroutine, through the warnings module's
// default format: the location is the Python code running when the
// coroutine is freed.
void warn_never_awaited(const std::string& qualname) {
  flush_stdout();
  const frame* f = current_thread().current_frame;
  if (f) {
    const std::string& file = f->code->unit->filename;
    const int line = line_of(f);
    std::fprintf(stderr, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n", file.c_str(), line,
                 stderr_text(qualname).c_str());
    const std::string text = source_line_of(file, line);
    if (!text.empty()) std::fprintf(stderr, "  %s\n", text.c_str());
  } else {
    std::fprintf(stderr, "sys:1: RuntimeWarning: coroutine '%s' was never awaited\n", stderr_text(qualname).c_str());
  }
  std::fputs("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", stderr);
  std::fflush(stderr);
}

// coroutine.__await__(): an iterator over the coroutine (CPython's
// coroutine_wrapper), for code that drives one by hand.
struct coroutine_wrapper : object {
  value coro;
};

value coro_await_method(value self, const value*, std::size_t nargs, value kwnames) {
  if ((kwnames && as_tuple(kwnames)->size) || nargs != 0) return raise_type_error("__await__() takes no arguments");
  auto* w = make<coroutine_wrapper>(&coroutine_wrapper_type);
  w->coro = newref(self);
  return value::from(w);
}

void dealloc_coroutine_wrapper(object* o) {
  auto* w = static_cast<coroutine_wrapper*>(o);
  decref(w->coro);
  w->~coroutine_wrapper();
  free_object_memory(o);
}

value wrapper_next(value v) {
  bool returned = false;
  value r = resume(as_gen(static_cast<coroutine_wrapper*>(v.obj())->coro), none(), false, &returned);
  if (r && returned) return set_stop_iteration(r);
  return r;
}

value wrapper_forward(value self, const char* method, const value* args, std::size_t nargs, value kwnames) {
  ref m(op_getattr(static_cast<coroutine_wrapper*>(self.obj())->coro, intern(method)));
  return m ? op_call(m.get(), args, nargs, kwnames) : value();
}
value wrapper_send(value self, const value* args, std::size_t nargs, value kwnames) {
  return wrapper_forward(self, "send", args, nargs, kwnames);
}
value wrapper_throw(value self, const value* args, std::size_t nargs, value kwnames) {
  return wrapper_forward(self, "throw", args, nargs, kwnames);
}
value wrapper_close(value self, const value* args, std::size_t nargs, value kwnames) {
  return wrapper_forward(self, "close", args, nargs, kwnames);
}

value gen_send_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!self_is_generator(self, "send")) return value();
  if ((kwnames && as_tuple(kwnames)->size) || nargs != 1) {
    return raise_type_error("generator.send() takes exactly one argument (" + std::to_string(nargs) + " given)");
  }
  bool returned = false;
  value r = resume(as_gen(self), newref(args[0]), false, &returned);
  if (r && returned) return set_stop_iteration(r);
  return r;
}

value gen_throw_method(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!self_is_generator(self, "throw")) return value();
  if ((kwnames && as_tuple(kwnames)->size) || nargs < 1 || nargs > 3) {
    return raise_type_error("throw expected at least 1 argument, got " + std::to_string(nargs));
  }
  value typ = args[0];
  ref exc;
  if (is_type(typ) && static_cast<type_object*>(typ.obj())->is_exception) {
    if (nargs >= 2 && args[1] != none()) {
      if (is_instance(args[1], static_cast<type_object*>(typ.obj()))) {
        exc = ref(newref(args[1]));
      } else {
        exc = ref(op_call(typ, &args[1], 1));
      }
    } else {
      exc = ref(op_call(typ, nullptr, 0));
    }
    if (!exc) return value();
  } else if (type_of(typ)->is_exception) {
    if (nargs >= 2 && args[1] != none()) return raise_type_error("instance exception may not have a separate value");
    exc = ref(newref(typ));
  } else {
    return raise_type_error(std::string("exceptions must be classes or instances deriving from BaseException, not ") +
                            type_name(typ));
  }
  current_thread().pending = exc.release();
  bool returned = false;
  value r = throw_pending(as_gen(self), &returned);
  if (r && returned) return set_stop_iteration(r);
  return r;
}

value gen_close_method(value self, const value*, std::size_t nargs, value kwnames) {
  if (!self_is_generator(self, "close")) return value();
  if ((kwnames && as_tuple(kwnames)->size) || nargs != 0) {
    return raise_type_error("generator.close() takes no arguments (" + std::to_string(nargs) + " given)");
  }
  return gen_close(as_gen(self));
}

}  // namespace

bool is_generator(value v) {
  return !v.is_small() && (v.obj()->type == &generator_type || v.obj()->type == &coroutine_type);
}

bool is_coroutine(value v) { return !v.is_small() && v.obj()->type == &coroutine_type; }

value make_generator(frame* f, function_object* fn) {
  auto* g = make<generator_object>(&generator_type);
  g->f = f;
  g->name = newref(unlocked_field(fn->name));
  g->qualname = newref(unlocked_field(fn->qualname));
  return value::from(g);
}

value make_coroutine(frame* f, function_object* fn) {
  value c = make_generator(f, fn);
  c.obj()->type = &coroutine_type;
  return c;
}

value awaitable_iter(value v) {
  if (is_coroutine(v)) {
    generator_object* g = as_gen(v);
    if (started(g) && !finished(g) && delegate_of(g) && !is_running(g)) {
      return raise(&exc_RuntimeError, "coroutine is being awaited already");
    }
    return newref(v);
  }
  ref await_fn(lookup_special(v, "__await__"));
  if (!await_fn) {
    if (!error_pending()) {
      raise_type_error(std::string("object ") + type_name(v) + " can't be used in 'await' expression");
    }
    return value();
  }
  value it = op_call(await_fn.get(), nullptr, 0);
  if (!it) return value();
  if (is_coroutine(it)) {
    decref(it);
    return raise_type_error("__await__() returned a coroutine");
  }
  if (!is_generator(it) && !type_of(it)->next) {
    ref next_fn(lookup_special(it, "__next__"));
    if (!next_fn) {
      const std::string t = type_name(it);
      decref(it);
      if (error_pending()) return value();
      return raise_type_error("__await__() returned non-iterator of type '" + t + "'");
    }
  }
  return it;
}

value generator_send(value gen, value sent, bool* returned) {
  return resume(as_gen(gen), newref(sent), false, returned);
}

void init_generators() {
  init_type(generator_type, "generator", nullptr);
  generator_type.dealloc = dealloc_generator;
  generator_type.traverse = traverse_generator;
  generator_type.finalize = finalize_garbage_generator;
#if GILLAB_RESTARTABLE
  generator_type.save_undo = save_generator;
#endif
  generator_type.repr = generator_repr;
  generator_type.iter = generator_iter;
  generator_type.next = generator_next;
  generator_type.getattr = generator_getattr;
  add_method(generator_type, "send", gen_send_method);
  add_method(generator_type, "throw", gen_throw_method);
  add_method(generator_type, "close", gen_close_method);
  init_type(coroutine_type, "coroutine", nullptr);
  coroutine_type.dealloc = dealloc_generator;
  coroutine_type.traverse = traverse_generator;
  coroutine_type.finalize = finalize_garbage_generator;
#if GILLAB_RESTARTABLE
  coroutine_type.save_undo = save_generator;
#endif
  coroutine_type.repr = generator_repr;
  coroutine_type.getattr = generator_getattr;
  add_method(coroutine_type, "send", gen_send_method);
  add_method(coroutine_type, "throw", gen_throw_method);
  add_method(coroutine_type, "close", gen_close_method);
  add_method(coroutine_type, "__await__", coro_await_method);
  init_type(coroutine_wrapper_type, "coroutine_wrapper", nullptr);
  coroutine_wrapper_type.dealloc = dealloc_coroutine_wrapper;
  coroutine_wrapper_type.iter = generator_iter;
  coroutine_wrapper_type.next = wrapper_next;
  add_method(coroutine_wrapper_type, "send", wrapper_send);
  add_method(coroutine_wrapper_type, "throw", wrapper_throw);
  add_method(coroutine_wrapper_type, "close", wrapper_close);
}

GILLAB_RUNTIME_NAMESPACE_END
