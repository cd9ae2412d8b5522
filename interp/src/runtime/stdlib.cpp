// stdlib.cpp — the `time` and `random` modules.
//
// random follows CPython 3.11's _randommodule.c and random.py exactly, so a
// seeded program prints what CPython prints: MT19937 seeded by
// init_by_array from the seed's 32-bit words (a str or bytes seed: its
// bytes and their SHA-512, sha512.hpp; a float: its hash), random() from two draws
// (53 bits), getrandbits() filling words from the least significant,
// _randbelow() by rejection on n.bit_length() bits, and randrange, randint,
// choice, shuffle, uniform on top of those as random.py writes them. The
// module-level functions share one hidden generator, as random.py's _inst;
// random.Random(seed) makes more (the same native methods, bound to their
// own state). What random.py writes on top of random() and _randbelow()
// (sample, choices, gauss, ...) is Python: interp/lib/_random_extras.py,
// reached through the module's and the type's attribute lookup.
// Invariant: a generator's state changes only inside its object's write
// section (nothing under gil; the object's lock under fine), held for the
// draws alone, never across Python code (shuffle's item moves run outside).
//
// time.sleep() runs in the back-end's blocking region (the gil back-end
// releases the lock around it).
#include "transaction.hpp"
#include "threads.hpp"
#include "dict.hpp"
#include "eval.hpp"
#include "operations.hpp"
#include "runtime.hpp"
#include "sha512.hpp"

#include <gillab/interp/ast.hpp>
#include <gillab/interp/backend.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <cmath>
#include <limits>
#include <ctime>
#include <random>
#include <thread>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

bool exactly(const char* fname, std::size_t nargs, std::size_t lo, std::size_t hi) {
  if (nargs >= lo && nargs <= hi) return true;
  raise_type_error(std::string(fname) + "() takes " + (lo == hi ? std::to_string(lo) : "from " + std::to_string(lo) + " to " + std::to_string(hi)) +
                   " positional argument" + (hi == 1 ? "" : "s") + " but " + std::to_string(nargs) + (nargs == 1 ? " was" : " were") + " given");
  return false;
}

// ---- time ----

value time_time(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("time", kwnames) || !exactly("time", nargs, 0, 0)) return value();
  return make_float(std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count());
}

value time_time_ns(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("time_ns", kwnames) || !exactly("time_ns", nargs, 0, 0)) return value();
  return make_int(static_cast<std::int64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count()));
}

value time_perf_counter(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("perf_counter", kwnames) || !exactly("perf_counter", nargs, 0, 0)) return value();
  return make_float(std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

value time_perf_counter_ns(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("perf_counter_ns", kwnames) || !exactly("perf_counter_ns", nargs, 0, 0)) return value();
  return make_int(static_cast<std::int64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count()));
}

value time_process_time(value, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("process_time", kwnames) || !exactly("process_time", nargs, 0, 0)) return value();
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return make_float(static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9);
}

value time_sleep(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("sleep", kwnames) || !exactly("sleep", nargs, 1, 1)) return value();
  double secs = 0;
  std::int64_t i = 0;
  if (type_of(args[0]) == &float_type) {
    secs = static_cast<float_object*>(args[0].obj())->v;
  } else if (as_int64(args[0], &i)) {
    secs = static_cast<double>(i);
  } else {
    return raise_type_error(std::string("'") + type_name(args[0]) + "' object cannot be interpreted as an integer");
  }
  if (std::isnan(secs)) return raise(&exc_ValueError, "Invalid value NaN (not a number)");
  if (secs < 0) return raise(&exc_ValueError, "sleep length must be non-negative");
  if (!transaction_irrevocable()) return value();  // stm: not inside a transaction unwinding to abort
  // In slices of signal_poll_ms, so that Ctrl-C interrupts a sleeping main
  // thread (threads.hpp); other threads sleep in one go. Always one
  // blocking region at least: sleep(0) is CPython's way to let other
  // threads take the GIL (its clock_nanosleep to a deadline already past
  // returns at once, outside the GIL). Without it a thread woken from a
  // lock wait waited for the holder's forced switch, up to the switch
  // interval: a lock handed over behind 2 000 sleep(0) polls took 10.7 s
  // on pyvm-gil against 0.5 s on CPython.
  auto now = std::chrono::steady_clock::now();
  const auto until =
      now + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(secs));
  do {
    {
      gillab::interp::blocking_region<backend> region(current_thread().backend_state);
      if (now < until) {
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(signal_poll_ms)));
      } else {
        timespec already_past{};
        clock_gettime(CLOCK_MONOTONIC, &already_past);
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &already_past, nullptr);
      }
    }
    if (signals_pending() && handle_signals()) return value();
    now = std::chrono::steady_clock::now();
  } while (now < until);
  return none();
}

// ---- random: CPython's Mersenne Twister ----

class mersenne_twister {
 public:
  void init_genrand(std::uint32_t s) {
    mt_[0] = s;
    for (index_ = 1; index_ < n; ++index_) {
      mt_[index_] = 1812433253U * (mt_[index_ - 1] ^ (mt_[index_ - 1] >> 30)) + static_cast<std::uint32_t>(index_);
    }
  }

  // Matsumoto & Nishimura's init_by_array, as _randommodule.c has it.
  void init_by_array(const std::vector<std::uint32_t>& key) {
    init_genrand(19650218U);
    std::size_t i = 1, j = 0;
    const std::size_t length = key.size();
    for (std::size_t k = std::max(n, length); k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<std::uint32_t>(j);
      ++i;
      ++j;
      if (i >= n) {
        mt_[0] = mt_[n - 1];
        i = 1;
      }
      if (j >= length) j = 0;
    }
    for (std::size_t k = n - 1; k; --k) {
      mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941U)) - static_cast<std::uint32_t>(i);
      ++i;
      if (i >= n) {
        mt_[0] = mt_[n - 1];
        i = 1;
      }
    }
    mt_[0] = 0x80000000U;
    index_ = n;
  }

  std::uint32_t next() {
    if (index_ >= n) twist();
    std::uint32_t y = mt_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
  }

  double random() {
    const std::uint32_t a = next() >> 5, b = next() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

 private:
  static constexpr std::size_t n = 624, m = 397;
  void twist() {
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t y = (mt_[k] & 0x80000000U) | (mt_[(k + 1) % n] & 0x7fffffffU);
      mt_[k] = mt_[(k + m) % n] ^ (y >> 1) ^ ((y & 1U) ? 0x9908b0dfU : 0U);
    }
    index_ = 0;
  }
  std::uint32_t mt_[n] = {};
  std::size_t index_ = n + 1;
};

// random.Random: a generator of its own, and random.py's gauss_next.
type_object random_type;
struct random_object : object {
  mersenne_twister mt;
  value gauss_next;  // null: none saved
};

std::vector<std::uint32_t> urandom_key() {
  std::random_device device;  // CPython seeds from os.urandom
  std::vector<std::uint32_t> key(624);
  for (auto& k : key) k = device();
  return key;
}

// Unseeded: the caller seeds it (global_random, or Random()'s seed call).
random_object* new_random_object() {
  auto* r = static_cast<random_object*>(allocate(&random_type, sizeof(random_object)));
  new (&r->mt) mersenne_twister;
  r->gauss_next = value();
  return r;
}

// The module-level functions' generator (random.py's _inst): never freed.
random_object* global_random() {
  static random_object* g = [] {
    random_object* r = new_random_object();
    r->mt.init_by_array(urandom_key());
    immortalize(value::from(r));
    return r;
  }();
  return g;
}

// The generator a function draws from: its bound Random, else the module's.
random_object* state_of(value self) {
  return self && type_of(self) == &random_type ? static_cast<random_object*>(self.obj()) : global_random();
}

backend::thread_state& random_bts() { return current_thread().backend_state; }

// getrandbits(k) for k <= 64 (what _randbelow needs for int64 bounds).
std::uint64_t random_bits(mersenne_twister& mt, unsigned k) {
  if (k == 0) return 0;
  if (k <= 32) return mt.next() >> (32 - k);
  const std::uint64_t low = mt.next();
  const std::uint64_t high = mt.next() >> (64 - k);
  return high << 32 | low;
}

// random.py's _randbelow_with_getrandbits: 0 <= r < n by rejection.
std::int64_t random_below(random_object* st, std::int64_t n) {
  backend::write_section guard(random_bts(), st->header);
  const unsigned k = 64 - static_cast<unsigned>(__builtin_clzll(static_cast<std::uint64_t>(n)));
  std::uint64_t r = random_bits(st->mt, k);
  while (r >= static_cast<std::uint64_t>(n)) r = random_bits(st->mt, k);
  return static_cast<std::int64_t>(r);
}

double random_double(random_object* st) {
  backend::write_section guard(random_bts(), st->header);
  return st->mt.random();
}

void random_reseed(random_object* st, const std::vector<std::uint32_t>& key) {
  backend::write_section guard(random_bts(), st->header);
  st->mt.init_by_array(key);
  xdecref(std::exchange(st->gauss_next, value()));
}

bool int64_arg(value v, std::int64_t* out) {
  if (as_int64(v, out)) return true;
  if (type_of(v) == &int_type) {
    const big_int& b = static_cast<big_int_object*>(v.obj())->v;
    if (b >= std::numeric_limits<std::int64_t>::min() && b <= std::numeric_limits<std::int64_t>::max()) {
      *out = b.convert_to<std::int64_t>();
      return true;
    }
    raise(&exc_NotImplementedError, "random with integers beyond 64 bits is not supported by gillab");
  } else {
    raise_type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
  }
  return false;
}

}  // namespace

big_int big_int_from_bytes(std::string_view raw, bool little);  // builtins.cpp

namespace {

value random_seed(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("seed", kwnames) || !exactly("seed", nargs, 0, 1)) return value();
  random_object* st = state_of(self);
  if (nargs == 0 || args[0] == none()) {
    random_reseed(st, urandom_key());
    return none();
  }
  // The key is |seed| in 32-bit words, least significant first ([0] for 0).
  // A str or bytes seeds as random.py's version 2 does, from
  // int.from_bytes(a + sha512(a).digest()); a float from its hash read as a
  // size_t, as _randommodule.c does for any non-int.
  big_int b;
  std::int64_t x = 0;
  const bool text = is_instance(args[0], &str_type);
  if (text || is_instance(args[0], &bytes_type)) {
    std::string data = text ? as_str(args[0])->utf8 : static_cast<bytes_object*>(args[0].obj())->bytes;
    const auto digest = sha512(data);
    data.append(reinterpret_cast<const char*>(digest.data()), digest.size());
    b = big_int_from_bytes(data, false);
  } else if (is_instance(args[0], &float_type)) {
    if (!op_hash(args[0], &x)) return value();
    b = static_cast<std::uint64_t>(x);
  } else if (!is_instance(args[0], &int_type)) {
    return raise_type_error("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  } else if (as_int64(args[0], &x)) {
    b = x;
  } else {
    b = static_cast<big_int_object*>(args[0].obj())->v;
  }
  if (b < 0) b = -b;
  std::vector<std::uint32_t> key;
  while (b > 0) {
    key.push_back(static_cast<std::uint32_t>(big_int(b & 0xffffffffU).convert_to<std::uint64_t>()));
    b >>= 32;
  }
  if (key.empty()) key.push_back(0);
  random_reseed(st, key);
  return none();
}

value random_random(value self, const value*, std::size_t nargs, value kwnames) {
  if (!no_keywords("random", kwnames) || !exactly("random", nargs, 0, 0)) return value();
  return make_float(random_double(state_of(self)));
}

value random_getrandbits(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("getrandbits", kwnames) || !exactly("getrandbits", nargs, 1, 1)) return value();
  std::int64_t k = 0;
  if (!int64_arg(args[0], &k)) return value();
  if (k < 0) return raise(&exc_ValueError, "number of bits must be non-negative");
  random_object* st = state_of(self);
  backend::write_section guard(random_bts(), st->header);
  if (k <= 62) return make_int(static_cast<std::int64_t>(random_bits(st->mt, static_cast<unsigned>(k))));
  // Words from the least significant; the last one keeps its top bits.
  big_int r = 0;
  unsigned shift = 0;
  for (std::int64_t left = k; left > 0; left -= 32, shift += 32) {
    std::uint32_t w = st->mt.next();
    if (left < 32) w >>= (32 - left);
    r |= big_int(w) << shift;
  }
  return make_int(std::move(r));
}

value randrange_of(random_object* st, std::int64_t start, std::int64_t stop, std::int64_t step, bool has_stop) {
  if (!has_stop) {
    if (start > 0) return make_int(random_below(st, start));
    return raise(&exc_ValueError, "empty range for randrange()");
  }
  std::int64_t width = 0;
  if (__builtin_sub_overflow(stop, start, &width)) {
    return raise(&exc_NotImplementedError, "random with integers beyond 64 bits is not supported by gillab");
  }
  if (step == 1) {
    if (width > 0) return make_int(start + random_below(st, width));
    return raise(&exc_ValueError, "empty range for randrange() (" + std::to_string(start) + ", " + std::to_string(stop) +
                                      ", " + std::to_string(width) + ")");
  }
  if (step == 0) return raise(&exc_ValueError, "zero step for randrange()");
  std::int64_t adjusted = 0;
  if (__builtin_add_overflow(width, step > 0 ? step - 1 : step + 1, &adjusted)) {
    return raise(&exc_NotImplementedError, "random with integers beyond 64 bits is not supported by gillab");
  }
  const std::int64_t count = adjusted / step;
  if (count <= 0) return raise(&exc_ValueError, "empty range for randrange()");
  return make_int(start + step * random_below(st, count));
}

value random_randrange(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("randrange", kwnames) || !exactly("randrange", nargs, 1, 3)) return value();
  std::int64_t start = 0, stop = 0, step = 1;
  if (!int64_arg(args[0], &start)) return value();
  if (nargs >= 2 && args[1] != none() && !int64_arg(args[1], &stop)) return value();
  if (nargs == 3 && !int64_arg(args[2], &step)) return value();
  return randrange_of(state_of(self), start, stop, step, nargs >= 2 && args[1] != none());
}

value random_randint(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("randint", kwnames) || !exactly("randint", nargs, 2, 2)) return value();
  std::int64_t a = 0, b = 0;
  if (!int64_arg(args[0], &a) || !int64_arg(args[1], &b)) return value();
  if (b == std::numeric_limits<std::int64_t>::max()) {
    return raise(&exc_NotImplementedError, "random with integers beyond 64 bits is not supported by gillab");
  }
  return randrange_of(state_of(self), a, b + 1, 1, true);
}

value random_choice(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("choice", kwnames) || !exactly("choice", nargs, 1, 1)) return value();
  const std::int64_t n = op_length(args[0]);
  if (n < 0) return value();
  if (n == 0) return raise(&exc_IndexError, "Cannot choose from an empty sequence");
  ref index(make_int(random_below(state_of(self), n)));
  return op_getitem(args[0], index.get());
}

value random_shuffle(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("shuffle", kwnames) || !exactly("shuffle", nargs, 1, 1)) return value();
  const std::int64_t n = op_length(args[0]);
  if (n < 0) return value();
  for (std::int64_t i = n - 1; i > 0; --i) {
    const std::int64_t j = random_below(state_of(self), i + 1);
    ref ki(make_int(i)), kj(make_int(j));
    ref a(op_getitem(args[0], ki.get()));
    if (!a) return value();
    ref b(op_getitem(args[0], kj.get()));
    if (!b) return value();
    if (op_setitem(args[0], ki.get(), b.get()) < 0 || op_setitem(args[0], kj.get(), a.get()) < 0) return value();
  }
  return none();
}

value random_uniform(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("uniform", kwnames) || !exactly("uniform", nargs, 2, 2)) return value();
  ref diff(op_binary(args[1], args[0], static_cast<int>(ast::binop::sub)));
  if (!diff) return value();
  ref r(make_float(random_double(state_of(self))));
  ref scaled(op_binary(diff.get(), r.get(), static_cast<int>(ast::binop::mul)));
  if (!scaled) return value();
  return op_binary(args[0], scaled.get(), static_cast<int>(ast::binop::add));
}

// random.py's _randbelow, for the Python half (_random_extras.py).
value random_randbelow(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("_randbelow", kwnames) || !exactly("_randbelow", nargs, 1, 1)) return value();
  std::int64_t n = 0;
  if (!int64_arg(args[0], &n)) return value();
  if (n <= 0) return raise(&exc_ValueError, "_randbelow() needs a positive bound");
  return make_int(random_below(state_of(self), n));
}

// The functions random.py writes in Python over random() and _randbelow():
// found in interp/lib/_random_extras.py and bound to a generator.
constexpr std::string_view python_random_functions[] = {
    "sample", "choices", "gauss", "normalvariate", "lognormvariate", "expovariate", "triangular",
    "paretovariate", "weibullvariate", "betavariate", "gammavariate", "vonmisesvariate", "randbytes"};

value python_random_function(value name, value bound_to) {
  const std::string n = type_of(name) == &str_type ? str_of(name) : std::string();
  if (std::find(std::begin(python_random_functions), std::end(python_random_functions), n) ==
      std::end(python_random_functions)) {
    return value();
  }
  ref fn(import_attribute("_random_extras", name));
  if (!fn) return value();
  return make_method(fn.get(), bound_to);
}

// random.sample & co. (PEP 562 on the module): bound to the module's
// generator, then kept in the module's dict.
value random_module_getattr(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("__getattr__", kwnames) || !exactly("__getattr__", nargs, 1, 1)) return value();
  value found = python_random_function(args[0], value::from(global_random()));
  if (!found) {
    if (error_pending()) return value();
    return raise(&exc_AttributeError, "module 'random' has no attribute '" +
                                          (type_of(args[0]) == &str_type ? str_of(args[0]) : std::string()) + "'");
  }
  dict_set(value::from(static_cast<module_object*>(random_module().obj())->dict), args[0], found);
  return found;
}

// Random(x).sample & co., and its gauss_next.
value random_getattr(value v, value name) {
  auto* r = static_cast<random_object*>(v.obj());
  if (type_of(name) == &str_type && str_of(name) == "gauss_next") {
    backend::read_section guard(random_bts(), r->header);
    return newref(r->gauss_next ? r->gauss_next : none());
  }
  return python_random_function(name, v);
}

int random_setattr(value v, value name, value x) {
  auto* r = static_cast<random_object*>(v.obj());
  if (type_of(name) != &str_type || str_of(name) != "gauss_next") {
    raise(&exc_AttributeError, "'Random' object has no attribute '" + (type_of(name) == &str_type ? str_of(name) : "") + "'");
    return -1;
  }
  value old;
  {
    backend::write_section guard(random_bts(), r->header);
    old = std::exchange(r->gauss_next, x && x != none() ? newref(x) : value());
  }
  xdecref(old);
  return 0;
}

void dealloc_random(object* o) {
  auto* r = static_cast<random_object*>(o);
  xdecref(r->gauss_next);
  free_object_memory(o);
}

/// random.Random([seed]): a generator of its own, seeded as random.seed()
/// seeds (from the seed, or from random_device without one).
value construct_random(const value* args, std::size_t nargs, value kwnames) {
  if (kwnames && as_tuple(kwnames)->size) return raise_type_error("Random() takes no keyword arguments");
  if (nargs > 1) return raise_type_error("Random() expected at most 1 argument, got " + std::to_string(nargs));
  ref r(value::from(new_random_object()));
  ref seeded(random_seed(r.get(), args, nargs, value()));
  return seeded ? r.release() : value();
}

}  // namespace

value make_native_module(const char* name, std::initializer_list<std::pair<const char*, native_fn>> functions) {
  value mod = make_module(name);
  immortalize(mod);
  value d = value::from(static_cast<module_object*>(mod.obj())->dict);
  // stm: the system-call modules' functions cannot be undone; a
  // transaction commits before each (their objects' methods commit in the
  // blocking regions around their waits).
  const bool irrevocable = std::string_view(name) == "posix" || std::string_view(name) == "select";
  for (const auto& [fname, fn] : functions) {
    value f = make_immortal_builtin(fname, fn);
    if (irrevocable) f.obj()->flags |= flag_irrevocable;
    dict_set(d, intern(fname), f);
  }
  return mod;
}

value time_module() {
  static value m = make_native_module("time", {{"time", time_time},
                                       {"time_ns", time_time_ns},
                                       {"perf_counter", time_perf_counter},
                                       {"perf_counter_ns", time_perf_counter_ns},
                                       {"monotonic", time_perf_counter},
                                       {"process_time", time_process_time},
                                       {"sleep", time_sleep}});
  return m;
}

value random_module() {
  static value m = [] {
    static constexpr std::pair<const char*, native_fn> methods[] = {
        {"seed", random_seed},       {"random", random_random},   {"getrandbits", random_getrandbits},
        {"randrange", random_randrange}, {"randint", random_randint}, {"choice", random_choice},
        {"shuffle", random_shuffle}, {"uniform", random_uniform}, {"_randbelow", random_randbelow}};
    init_type(random_type, "Random", nullptr);
    random_type.module = "random";
    random_type.qualname = "Random";
    random_type.dealloc = dealloc_random;
    random_type.save_undo = save_plain_fields<random_object>;
    random_type.getattr = random_getattr;
    random_type.setattr = random_setattr;
    random_type.construct = construct_random;
    for (const auto& [name, fn] : methods) add_method(random_type, name, fn);
    value mod = make_native_module("random", {{"seed", random_seed},
                                              {"random", random_random},
                                              {"getrandbits", random_getrandbits},
                                              {"randrange", random_randrange},
                                              {"randint", random_randint},
                                              {"choice", random_choice},
                                              {"shuffle", random_shuffle},
                                              {"uniform", random_uniform},
                                              {"__getattr__", random_module_getattr}});
    value d = value::from(static_cast<module_object*>(mod.obj())->dict);
    dict_set(d, intern("Random"), value::from(&random_type));
    // `from random import *` reaches the Python half through __getattr__.
    static constexpr const char* exported[] = {"Random", "seed", "random", "getrandbits", "randrange", "randint",
                                               "choice", "shuffle", "uniform"};
    ref all(make_list());
    for (const char* name : exported) as_list(all.get())->items.push_back(newref(intern(name)));
    for (std::string_view name : python_random_functions) as_list(all.get())->items.push_back(newref(intern(name)));
    dict_set(d, intern("__all__"), all.get());
    return mod;
  }();
  return m;
}

GILLAB_RUNTIME_NAMESPACE_END
