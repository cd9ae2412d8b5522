// strings.cpp — str (UTF-8 storage with a code-point length; ASCII strings
// index in O(1), others walk the UTF-8), bytes, and repr quoting as CPython.
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>
#include <gillab/interp/utf8.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <unordered_map>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace {

std::int64_t count_code_points(std::string_view s, bool* ascii) {
  // ASCII text, the common case, goes eight bytes at a time.
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  if (i == s.size() || (i + 8 > s.size() && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                                                         [](char c) { return static_cast<unsigned char>(c) < 0x80; }))) {
    *ascii = true;
    return static_cast<std::int64_t>(s.size());
  }
  std::int64_t n = static_cast<std::int64_t>(i);
  bool a = true;
  for (const char c : s.substr(i)) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) a = false;
    n += (u & 0xC0) != 0x80;
  }
  *ascii = a;
  return n;
}

// Byte offset of code point `index` (0 <= index <= length).
std::size_t byte_offset(const str_object* s, std::int64_t index) {
  if (s->ascii) return static_cast<std::size_t>(index);
  std::size_t i = 0;
  std::int64_t cp = 0;
  while (i < s->utf8.size() && cp < index) {
    ++i;
    while (i < s->utf8.size() && (static_cast<unsigned char>(s->utf8[i]) & 0xC0) == 0x80) ++i;
    ++cp;
  }
  return i;
}

void dealloc_str(object* o) {
  static_cast<str_object*>(o)->~str_object();
  free_object_memory(o);
}

bool printable(char32_t cp) {
  // CPython's str.isprintable(): not printable are the controls (Cc), format
  // characters (Cf), separators other than the space (Zs, Zl, Zp), private
  // use (Co) and surrogates (Cs). The ranges below cover those categories in
  // the Basic Multilingual Plane and the common supplementary ones.
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0)) return false;
  if (cp == 0xAD || cp == 0x1680 || cp == 0x061C || cp == 0x180E) return false;
  if (cp >= 0x2000 && cp <= 0x200F) return false;
  if (cp >= 0x2028 && cp <= 0x202F) return false;
  if (cp >= 0x205F && cp <= 0x206F) return false;
  if (cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)) return false;
  if (cp >= 0xD800 && cp <= 0xF8FF) return false;  // surrogates and private use
  if (cp >= 0xE0000 || (cp >= 0xF0000 && cp <= 0x10FFFF)) return false;
  return true;
}

value str_repr(value v) {
  const std::string& s = as_str(v)->utf8;
  const bool has_single = s.find('\'') != std::string::npos;
  const bool has_double = s.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::decode(s, i);
    switch (cp) {
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (cp == static_cast<char32_t>(quote)) {
      out += '\\';
      out += quote;
    } else if (!printable(cp)) {
      char buf[16];
      if (cp < 0x100) {
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      } else if (cp < 0x10000) {
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      } else {
        std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
      }
      out += buf;
    } else {
      out.append(s, start, i - start);
    }
  }
  out += quote;
  return make_str(out);
}

value str_str(value v) { return newref(v); }

bool str_hash(value v, std::int64_t* out) {
  str_object* s = as_str(v);
  // Threads may compute a shared string's hash at once (no GIL under fine):
  // relaxed atomic accesses, as each writes the same value. Free on x86.
  std::atomic_ref<std::int64_t> cache(s->hash_cache);
  std::int64_t cached = cache.load(std::memory_order_relaxed);
  if (cached == -1) {
    // FNV-1a, 64-bit. CPython's str hash is randomised per process, so no
    // program can depend on its values; only equal strings must hash alike.
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : s->utf8) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    auto r = static_cast<std::int64_t>(h >> 1);
    cached = s->utf8.empty() ? 0 : r == -1 ? -2 : r;  // "" hashes to 0, as in CPython
    cache.store(cached, std::memory_order_relaxed);
  }
  *out = cached;
  return true;
}

value str_compare(value a, value b, int op) {
  if (type_of(a) != &str_type || type_of(b) != &str_type) return not_implemented();
  // UTF-8 byte order is code-point order.
  const int c = as_str(a)->utf8.compare(as_str(b)->utf8);
  return comparison_result(c, op);
}

value str_binary(value a, value b, int op) {
  const auto o = static_cast<ast::binop>(op & 15);
  if (o == ast::binop::add) {
    // Not both str: the other operand's __radd__ may answer (op_binary
    // raises CPython's "can only concatenate str" if nothing does).
    if (type_of(a) != &str_type || type_of(b) != &str_type) return not_implemented();
    // The length and ASCII-ness of a concatenation are known: no rescan.
    const str_object* x = as_str(a);
    const str_object* y = as_str(b);
    auto* r = make<str_object>(&str_type);
    r->utf8.reserve(x->utf8.size() + y->utf8.size());
    r->utf8 += x->utf8;
    r->utf8 += y->utf8;
    r->length = x->length + y->length;
    r->ascii = x->ascii && y->ascii;
    return value::from(r);
  }
  if (o == ast::binop::mod && type_of(a) == &str_type) return str_percent_format(a, b);
  if (o == ast::binop::mul) {
    const value sv = type_of(a) == &str_type ? a : b;
    const value nv = type_of(a) == &str_type ? b : a;
    std::int64_t n = 0;
    const int counted = repeat_count(nv, &n);
    if (counted < 0) return value();
    if (counted == 0) return not_implemented();  // nv's __rmul__/__mul__ may answer; else op_binary's message
    const std::string& s = as_str(sv)->utf8;
    if (n <= 0 || s.empty()) return make_str("");
    if (static_cast<double>(s.size()) * static_cast<double>(n) > 1e10) return raise(&exc_MemoryError, "");
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) out += s;
    return make_str(out);
  }
  return not_implemented();
}

std::int64_t str_length(value v) { return as_str(v)->length; }
int str_truth(value v) { return !as_str(v)->utf8.empty(); }

int str_contains(value container, value item) {
  if (type_of(item) != &str_type) {
    raise_type_error(std::string("'in <string>' requires string as left operand, not ") + type_name(item));
    return -1;
  }
  return as_str(container)->utf8.find(as_str(item)->utf8) != std::string::npos;
}

}  // namespace

/// Normalises a slice against `length` (CPython's PySlice_AdjustIndices).
bool slice_indices(value slice, std::int64_t length, std::int64_t* start, std::int64_t* stop, std::int64_t* step,
                   std::int64_t* count);

namespace {

value str_getitem(value v, value key) {
  str_object* s = as_str(v);
  std::int64_t i = 0;
  if (as_int64(key, &i)) {
    if (i < 0) i += s->length;
    if (i < 0 || i >= s->length) return raise(&exc_IndexError, "string index out of range");
    const std::size_t from = byte_offset(s, i);
    std::size_t to = from + 1;
    while (to < s->utf8.size() && (static_cast<unsigned char>(s->utf8[to]) & 0xC0) == 0x80) ++to;
    return make_str(std::string_view(s->utf8).substr(from, to - from));
  }
  if (type_of(key) == &slice_type) {
    std::int64_t start = 0, stop = 0, step = 0, count = 0;
    if (!slice_indices(key, s->length, &start, &stop, &step, &count)) return value();
    if (step == 1) {
      const std::size_t from = byte_offset(s, start);
      const std::size_t to = byte_offset(s, start + count);
      return make_str(std::string_view(s->utf8).substr(from, to - from));
    }
    std::string out;
    for (std::int64_t k = 0, idx = start; k < count; ++k, idx += step) {
      const std::size_t from = byte_offset(s, idx);
      std::size_t to = from + 1;
      while (to < s->utf8.size() && (static_cast<unsigned char>(s->utf8[to]) & 0xC0) == 0x80) ++to;
      out.append(s->utf8, from, to - from);
    }
    return make_str(out);
  }
  return raise_type_error(std::string("string indices must be integers, not '") + type_name(key) + "'");
}

value str_iter_step(iterator_object* it) {
  str_object* s = as_str(it->seq);
  if (static_cast<std::size_t>(it->index) >= s->utf8.size()) return value();
  auto i = static_cast<std::size_t>(it->index);
  const std::size_t from = i;
  utf8::decode(s->utf8, i);
  it->index = static_cast<std::int64_t>(i);
  return make_str(std::string_view(s->utf8).substr(from, i - from));
}

value str_iter(value v);

}  // namespace


namespace {
value str_iter(value v) { return make_iterator(v, str_iter_step); }

value bytes_repr(value v) {
  const std::string& s = static_cast<bytes_object*>(v.obj())->bytes;
  const bool has_single = s.find('\'') != std::string::npos;
  const bool has_double = s.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\') out += "\\\\";
    else if (c == static_cast<unsigned char>(quote)) { out += '\\'; out += quote; }
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return make_str(out);
}

void dealloc_bytes(object* o) {
  static_cast<bytes_object*>(o)->~bytes_object();
  free_object_memory(o);
}

}  // namespace

value make_str(std::string_view utf8) {
  auto* s = make<str_object>(&str_type);
  s->utf8.assign(utf8);
  s->length = count_code_points(utf8, &s->ascii);
  return value::from(s);
}

value make_bytes(std::string_view bytes) {
  auto* b = make<bytes_object>(&bytes_type);
  b->bytes.assign(bytes);
  return value::from(b);
}

value intern(std::string_view s) {
  // Interned strings are immortal and shared: names, attribute keys, constants.
  static std::unordered_map<std::string, value>* table = new std::unordered_map<std::string, value>();
  // Without a GIL two threads may intern at once (getattr with a new name).
  static std::mutex table_mutex;
  std::unique_lock<std::mutex> lock(table_mutex, std::defer_lock);
  if constexpr (backend::parallel) lock.lock();
  auto it = table->find(std::string(s));
  if (it != table->end()) return it->second;
  value v = make_str(s);
  immortalize(v);
  table->emplace(std::string(s), v);
  return v;
}

std::string str_of(value str) { return as_str(str)->utf8; }

void init_strings() {
  init_type(str_type, "str", nullptr);
  str_type.dealloc = dealloc_str;
  str_type.repr = str_repr;
  str_type.str = str_str;
  str_type.hash = str_hash;
  str_type.compare = str_compare;
  str_type.binary = str_binary;
  str_type.length = str_length;
  str_type.truth = str_truth;
  str_type.contains = str_contains;
  str_type.getitem = str_getitem;
  str_type.iter = str_iter;

  init_type(bytes_type, "bytes", nullptr);
  bytes_type.dealloc = dealloc_bytes;
  bytes_type.repr = bytes_repr;
}

GILLAB_RUNTIME_NAMESPACE_END
