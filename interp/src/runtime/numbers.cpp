// numbers.cpp — int (tagged small ints and arbitrary-precision ints), bool
// and float, with CPython's semantics: floor division and modulo round
// toward negative infinity, int/float comparisons are exact, hashes match
// CPython's (so 1 == 1.0 == True hash alike), floats print as the shortest
// string that round-trips (repr), exactly as CPython prints them.
#include "free_list.hpp"
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

using ast::binop;
constexpr std::int64_t hash_modulus = (std::int64_t{1} << 61) - 1;  // CPython's _PyHASH_MODULUS

big_int_object* as_big(value v) { return static_cast<big_int_object*>(v.obj()); }
float_object* as_float_obj(value v) { return static_cast<float_object*>(v.obj()); }

bool is_int_like(value v) { return v.is_small() || type_of(v) == &int_type || type_of(v) == &bool_type; }

// The value of an int, bool or big int as big_int (slow path only).
big_int to_big(value v) {
  if (v.is_small()) return big_int(v.small_int());
  if (v.obj() == &true_object) return 1;
  if (v.obj() == &false_object) return 0;
  return as_big(v)->v;
}

bool small_of(value v, std::int64_t* out) {
  if (v.is_small()) {
    *out = v.small_int();
    return true;
  }
  if (v.is_object() && v.obj()->type == &bool_type) {
    *out = v.obj() == &true_object;
    return true;
  }
  return false;
}

}  // namespace

// Correctly rounded (half to even), as CPython's int -> float, whatever the
// library: mpz's own conversion truncates. The top 64 bits go to the FPU
// with a sticky bit for everything below them, so the one rounding there is
// the right one.
double big_to_double(const big_int& b) {
  if (b == 0) return 0.0;
  const big_int m = boost::multiprecision::abs(b);
  const auto bits = static_cast<unsigned>(boost::multiprecision::msb(m)) + 1;
  double d;
  if (bits <= 64) {
    d = static_cast<double>(m.convert_to<std::uint64_t>());
  } else {
    const unsigned shift = bits - 64;
    std::uint64_t top = big_int(m >> shift).convert_to<std::uint64_t>();
    if (boost::multiprecision::lsb(m) < shift) top |= 1;
    d = std::ldexp(static_cast<double>(top), static_cast<int>(shift));
  }
  return b < 0 ? -d : d;
}

namespace {

double big_to_double_checked(const big_int& b, bool* overflow) {
  const double d = big_to_double(b);
  *overflow = std::isinf(d);
  return d;
}

// Converts an int-like value to double, raising OverflowError when too large.
bool to_double(value v, double* out) {
  if (v.is_small()) {
    *out = static_cast<double>(v.small_int());
    return true;
  }
  if (type_of(v) == &float_type) {
    *out = as_float_obj(v)->v;
    return true;
  }
  if (is_int_like(v)) {
    bool overflow = false;
    *out = big_to_double_checked(to_big(v), &overflow);
    if (overflow) {
      raise(&exc_OverflowError, "int too large to convert to float");
      return false;
    }
    return true;
  }
  return false;
}

value floordiv_mod(std::int64_t a, std::int64_t b, bool want_div) {
  std::int64_t q = a / b;
  std::int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) {
    q -= 1;
    r += b;
  }
  return make_int(want_div ? q : r);
}

value big_floordiv_mod(const big_int& a, const big_int& b, bool want_div) {
  big_int q = a / b;
  big_int r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) {
    q -= 1;
    r += b;
  }
  return make_int(want_div ? q : r);
}

value int_pow(value a, value b) {
  std::int64_t base = 0;
  std::int64_t exp = 0;
  const bool small_base = small_of(a, &base);
  if (!small_of(b, &exp)) {
    if (to_big(b) < 0) {
      double x = 0;
      double y = 0;
      if (!to_double(a, &x) || !to_double(b, &y)) return value();
      return make_float(std::pow(x, y));
    }
    return raise(&exc_OverflowError, "exponent too large");
  }
  if (exp < 0) {
    double x = 0;
    if (!to_double(a, &x)) return value();
    if (x == 0) return raise(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return make_float(std::pow(x, static_cast<double>(exp)));
  }
  if (small_base) {
    std::int64_t result = 1;
    std::int64_t b2 = base;
    std::int64_t e = exp;
    bool overflow = false;
    while (e > 0 && !overflow) {
      if (e & 1) overflow |= __builtin_mul_overflow(result, b2, &result);
      e >>= 1;
      if (e > 0) overflow |= __builtin_mul_overflow(b2, b2, &b2);
    }
    if (!overflow) return make_int(result);
  }
  if (exp > 100'000'000) return raise(&exc_MemoryError, "");
  return make_int(boost::multiprecision::pow(to_big(a), static_cast<unsigned>(exp)));
}

value int_binary(value a, value b, int op) {
  if (!is_int_like(a) || !is_int_like(b)) return not_implemented();
  const auto o = static_cast<binop>(op & 15);
  std::int64_t x = 0;
  std::int64_t y = 0;
  if (small_of(a, &x) && small_of(b, &y)) {
    std::int64_t r = 0;
    switch (o) {
      case binop::add: return make_int(x + y);  // 63-bit operands: no int64 overflow
      case binop::sub: return make_int(x - y);
      case binop::mul:
        if (!__builtin_mul_overflow(x, y, &r)) return make_int(r);
        break;
      case binop::floordiv:
      case binop::mod:
        if (y == 0) {
          return raise(&exc_ZeroDivisionError, o == binop::mod ? "integer modulo by zero" : "integer division or modulo by zero");
        }
        return floordiv_mod(x, y, o == binop::floordiv);
      case binop::div:
        if (y == 0) return raise(&exc_ZeroDivisionError, "division by zero");
        if (std::llabs(x) < (std::int64_t{1} << 53) && std::llabs(y) < (std::int64_t{1} << 53)) {
          return make_float(static_cast<double>(x) / static_cast<double>(y));
        }
        break;
      case binop::pow: return int_pow(a, b);
      case binop::lshift:
        if (y < 0) return raise(&exc_ValueError, "negative shift count");
        if (y < 62 && (x == 0 || (std::llabs(x) < (std::int64_t{1} << (62 - y))))) return make_int(x << y);
        break;
      case binop::rshift:
        if (y < 0) return raise(&exc_ValueError, "negative shift count");
        return make_int(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
      case binop::bitand_: return make_int(x & y);
      case binop::bitor_: return make_int(x | y);
      case binop::bitxor: return make_int(x ^ y);
      case binop::matmul: return not_implemented();
    }
  }
  // Arbitrary precision.
  const big_int bx = to_big(a);
  const big_int by = to_big(b);
  switch (o) {
    case binop::add: return make_int(big_int(bx + by));
    case binop::sub: return make_int(big_int(bx - by));
    case binop::mul: return make_int(big_int(bx * by));
    case binop::floordiv:
    case binop::mod:
      if (by == 0) {
        return raise(&exc_ZeroDivisionError, o == binop::mod ? "integer modulo by zero" : "integer division or modulo by zero");
      }
      return big_floordiv_mod(bx, by, o == binop::floordiv);
    case binop::div: {
      if (by == 0) return raise(&exc_ZeroDivisionError, "division by zero");
      // Correctly rounded quotient: scale so the integer quotient has 64+
      // significant bits, then let the double conversion round once.
      const bool negative = (bx < 0) != (by < 0);
      big_int n = boost::multiprecision::abs(bx);
      const big_int d = boost::multiprecision::abs(by);
      long shift = 0;
      const long nbits = n == 0 ? 0 : static_cast<long>(boost::multiprecision::msb(n));
      const long dbits = static_cast<long>(boost::multiprecision::msb(d));
      shift = 66 - (nbits - dbits);
      if (shift > 0) n <<= shift;
      big_int q = shift > 0 ? big_int(n / d) : big_int((n >> static_cast<unsigned>(-shift)) / d);
      if (q * d != (shift > 0 ? n : big_int(n >> static_cast<unsigned>(-shift)))) q |= 1;  // sticky bit
      double r = std::ldexp(big_to_double(q), static_cast<int>(-shift));
      if (std::isinf(r)) return raise(&exc_OverflowError, "integer division result too large for a float");
      return make_float(negative ? -r : r);
    }
    case binop::pow: return int_pow(a, b);
    case binop::lshift:
      if (by < 0) return raise(&exc_ValueError, "negative shift count");
      if (by > 1'000'000'000) return raise(&exc_OverflowError, "too many digits in integer");
      return make_int(big_int(bx << static_cast<unsigned>(by)));
    case binop::rshift:
      if (by < 0) return raise(&exc_ValueError, "negative shift count");
      if (by > 1'000'000'000) return make_int(bx < 0 ? -1 : 0);
      // Python's >> floors; so do cpp_int's and mpz's (two's complement
      // semantics for negatives), with no correction needed.
      return make_int(big_int(bx >> static_cast<unsigned>(by)));
    case binop::bitand_: return make_int(big_int(bx & by));
    case binop::bitor_: return make_int(big_int(bx | by));
    case binop::bitxor: return make_int(big_int(bx ^ by));
    case binop::matmul: break;
  }
  return not_implemented();
}

int compare_result(int c, int op) {
  switch (static_cast<ast::cmpop>(op)) {
    case ast::cmpop::eq: return c == 0;
    case ast::cmpop::ne: return c != 0;
    case ast::cmpop::lt: return c < 0;
    case ast::cmpop::le: return c <= 0;
    case ast::cmpop::gt: return c > 0;
    case ast::cmpop::ge: return c >= 0;
    default: return 0;
  }
}

// Exact comparison of an int-like value with a double (CPython's
// float_richcompare): -1, 0, 1; `unordered` for NaN.
int compare_int_double(value i, double d, bool* unordered) {
  *unordered = std::isnan(d);
  if (*unordered) return 0;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  std::int64_t x = 0;
  if (small_of(i, &x) && std::llabs(x) < (std::int64_t{1} << 53)) {
    const double xd = static_cast<double>(x);
    return xd < d ? -1 : xd > d ? 1 : 0;
  }
  // Compare exactly: floor(d) as an integer, then the fraction.
  const double fl = std::floor(d);
  big_int di(fl);
  const big_int xi = to_big(i);
  if (xi < di) return -1;
  if (xi > di) return 1;
  return fl == d ? 0 : -1;
}

value int_compare(value a, value b, int op) {
  std::int64_t x = 0;
  std::int64_t y = 0;
  if (small_of(a, &x) && small_of(b, &y)) return boolean(compare_result(x < y ? -1 : x > y ? 1 : 0, op));
  if (is_int_like(a) && is_int_like(b)) {
    const big_int bx = to_big(a);
    const big_int by = to_big(b);
    return boolean(compare_result(bx < by ? -1 : bx > by ? 1 : 0, op));
  }
  if (is_int_like(a) && type_of(b) == &float_type) {
    bool unordered = false;
    const int c = compare_int_double(a, as_float_obj(b)->v, &unordered);
    if (unordered) return boolean(op == static_cast<int>(ast::cmpop::ne));
    return boolean(compare_result(c, op));
  }
  return not_implemented();
}

std::int64_t hash_big(const big_int& b) {
  big_int m = boost::multiprecision::abs(b) % hash_modulus;
  auto h = m.convert_to<std::int64_t>();
  if (b < 0) h = -h;
  return h == -1 ? -2 : h;
}

bool int_hash(value v, std::int64_t* out) {
  std::int64_t x = 0;
  if (small_of(v, &x)) {
    *out = hash_small_int(x);
    return true;
  }
  *out = hash_big(as_big(v)->v);
  return true;
}

value int_repr(value v) {
  std::int64_t x = 0;
  if (small_of(v, &x)) {
    if (v.is_object()) return make_str(x ? "True" : "False");
    return make_str(std::to_string(x));
  }
  const big_int& b = as_big(v)->v;
  if (boost::multiprecision::msb(boost::multiprecision::abs(b)) > 14000) {
    return raise(&exc_ValueError,
                 "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
  }
  return make_str(b.str());
}

value int_unary(value v, int op) {
  switch (static_cast<ast::unaryop>(op)) {
    case ast::unaryop::neg: {
      std::int64_t x = 0;
      if (small_of(v, &x)) return make_int(-x);
      return make_int(big_int(-as_big(v)->v));
    }
    case ast::unaryop::pos: {
      std::int64_t x = 0;
      if (small_of(v, &x)) return make_int(x);  // bools become ints
      return newref(v);
    }
    case ast::unaryop::invert: {
      std::int64_t x = 0;
      if (small_of(v, &x)) return make_int(~x);
      return make_int(big_int(-as_big(v)->v - 1));
    }
    default: return not_implemented();
  }
}

int int_truth(value v) {
  std::int64_t x = 0;
  if (small_of(v, &x)) return x != 0;
  return as_big(v)->v != 0;
}

void dealloc_big(object* o) {
  static_cast<big_int_object*>(o)->~big_int_object();
  free_object_memory(o);
}

// ---- float ----
value float_binary(value a, value b, int op) {
  const bool af = type_of(a) == &float_type;
  const bool bf = type_of(b) == &float_type;
  if (!(af || is_int_like(a)) || !(bf || is_int_like(b))) return not_implemented();
  double x = 0;
  double y = 0;
  if (!to_double(a, &x) || !to_double(b, &y)) return value();
  switch (static_cast<binop>(op & 15)) {
    case binop::add: return make_float(x + y);
    case binop::sub: return make_float(x - y);
    case binop::mul: return make_float(x * y);
    case binop::div:
      if (y == 0) return raise(&exc_ZeroDivisionError, "float division by zero");
      return make_float(x / y);
    case binop::floordiv:
    case binop::mod: {
      if (y == 0) {
        return raise(&exc_ZeroDivisionError, (op & 15) == static_cast<int>(binop::mod) ? "float modulo" : "float floor division by zero");
      }
      // CPython's float_divmod.
      double mod = std::fmod(x, y);
      double div = (x - mod) / y;
      if (mod != 0) {
        if ((y < 0) != (mod < 0)) {
          mod += y;
          div -= 1.0;
        }
      } else {
        mod = std::copysign(0.0, y);
      }
      double floordiv = 0;
      if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
      } else {
        floordiv = std::copysign(0.0, x / y);
      }
      return make_float((op & 15) == static_cast<int>(binop::mod) ? mod : floordiv);
    }
    case binop::pow: {
      if (x == 0 && y < 0) return raise(&exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
      if (x < 0 && y != std::floor(y)) {
        return raise(&exc_ValueError, "complex results are not supported by gillab");
      }
      const double r = std::pow(x, y);
      if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return raise(&exc_OverflowError, "(34, 'Numerical result out of range')");
      return make_float(r);
    }
    default: return not_implemented();
  }
}

value float_compare(value a, value b, int op) {
  if (type_of(a) == &float_type && type_of(b) == &float_type) {
    const double x = as_float_obj(a)->v;
    const double y = as_float_obj(b)->v;
    if (std::isnan(x) || std::isnan(y)) return boolean(op == static_cast<int>(ast::cmpop::ne));
    return boolean(compare_result(x < y ? -1 : x > y ? 1 : 0, op));
  }
  if (type_of(a) == &float_type && is_int_like(b)) {
    bool unordered = false;
    const int c = -compare_int_double(b, as_float_obj(a)->v, &unordered);
    if (unordered) return boolean(op == static_cast<int>(ast::cmpop::ne));
    return boolean(compare_result(c, op));
  }
  return int_compare(a, b, op);
}

bool float_hash(value v, std::int64_t* out) {
  // CPython's _Py_HashDouble: equal to the int hash for integral values.
  const double d = as_float_obj(v)->v;
  if (std::isinf(d)) {
    *out = d > 0 ? 314159 : -314159;
    return true;
  }
  if (std::isnan(d)) {
    *out = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.obj()) >> 4);
    return true;
  }
  int e = 0;
  double m = std::frexp(d, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  std::uint64_t x = 0;
  while (m) {
    x = ((x << 28) & static_cast<std::uint64_t>(hash_modulus)) | x >> (61 - 28);
    m *= 268435456.0;
    e -= 28;
    const auto y = static_cast<std::uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= static_cast<std::uint64_t>(hash_modulus)) x -= static_cast<std::uint64_t>(hash_modulus);
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & static_cast<std::uint64_t>(hash_modulus)) | x >> (61 - e);
  auto h = static_cast<std::int64_t>(x) * sign;
  *out = h == -1 ? -2 : h;
  return true;
}

value float_unary(value v, int op) {
  const double d = as_float_obj(v)->v;
  switch (static_cast<ast::unaryop>(op)) {
    case ast::unaryop::neg: return make_float(-d);
    case ast::unaryop::pos: return newref(v);
    default: return not_implemented();
  }
}

int float_truth(value v) { return as_float_obj(v)->v != 0; }

}  // namespace

std::string format_float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  const std::string sci(buf, res.ptr);  // "-d.ddde+XX"
  const bool negative = sci[0] == '-';
  const std::size_t epos = sci.find('e');
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < epos; ++i)
    if (sci[i] != '.') digits += sci[i];
  const int exp10 = std::stoi(sci.substr(epos + 1));
  const int decpt = exp10 + 1;  // digits d1 d2 ... with the point after decpt of them
  std::string out = negative ? "-" : "";
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
    } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
      out += digits + std::string(static_cast<std::size_t>(decpt) - digits.size(), '0') + ".0";
    } else {
      out += digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
    }
  } else {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    out += e;
  }
  return out;
}

namespace {
value float_repr(value v) { return make_str(format_float_repr(as_float_obj(v)->v)); }
}  // namespace

value make_int_slow(std::int64_t i) {
  auto* b = make<big_int_object>(&int_type);
  b->v = i;
  return value::from(b);
}

value make_int(const big_int& b) { return make_int(big_int(b)); }

value make_int(big_int&& b) {
  if (b >= value::small_min && b <= value::small_max) return value::small(b.convert_to<std::int64_t>());
  auto* o = make<big_int_object>(&int_type);
  o->v = std::move(b);  // GMP's limbs change hands: no copy of a big result
  return value::from(o);
}

namespace {

// Float arithmetic allocates a result per operation: malloc/free were a
// third of nbody's instructions before this cache.
thread_local free_list<float_object, 256> float_cache;

void dealloc_float(object* o) { float_cache.give(o); }

}  // namespace

value make_float(double d) {
  float_object* f = float_cache.take(&float_type);
  f->v = d;
  return value::from(f);
}

bool as_int64(value v, std::int64_t* out) { return small_of(v, out); }

double float_value(value v) { return as_float_obj(v)->v; }

// The numbers' data attributes (CPython's int/float getset): real, imag,
// numerator, denominator (conjugate() is in builtins.cpp). A bool's are
// ints, as CPython's int_int.
value number_getattr(value v, value name) {
  const std::string& n = as_str(name)->utf8;
  const bool is_float = type_of(v) == &float_type;
  auto as_int = [&] {
    std::int64_t i = 0;
    return type_of(v) == &bool_type && small_of(v, &i) ? make_int(i) : newref(v);
  };
  if (n == "real") return is_float ? newref(v) : as_int();
  if (n == "imag") return is_float ? make_float(0.0) : make_int(0);
  if (is_float) return value();
  if (n == "numerator") return as_int();
  if (n == "denominator") return make_int(1);
  return value();
}
void init_numbers() {
  init_type(int_type, "int", nullptr);
  int_type.dealloc = dealloc_big;
  int_type.repr = int_repr;
  int_type.hash = int_hash;
  int_type.compare = int_compare;
  int_type.binary = int_binary;
  int_type.unary = int_unary;
  int_type.truth = int_truth;

  init_type(bool_type, "bool", &int_type);
  bool_type.repr = int_repr;
  bool_type.hash = int_hash;
  bool_type.compare = int_compare;
  bool_type.binary = int_binary;
  bool_type.unary = int_unary;
  bool_type.truth = int_truth;
  make_immortal(true_object, &bool_type);
  make_immortal(false_object, &bool_type);

  init_type(float_type, "float", nullptr);
  float_type.dealloc = dealloc_float;
  float_type.repr = float_repr;
  float_type.hash = float_hash;
  float_type.compare = float_compare;
  float_type.binary = float_binary;
  float_type.unary = float_unary;
  float_type.truth = float_truth;
  for (type_object* t : {&int_type, &bool_type, &float_type}) t->getattr = number_getattr;
}

GILLAB_RUNTIME_NAMESPACE_END
