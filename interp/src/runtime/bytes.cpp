// bytes.cpp — the immutable byte string: construction, the sequence and
// comparison protocol, str.encode / bytes.decode (UTF-8, ASCII, Latin-1),
// and the methods programs use on wire data (split, strip, find, join,
// replace, startswith, hex, ...). After CPython 3.11's bytesobject.c; its
// error messages are CPython's.
//
// Invariant: a bytes object never changes after construction (no section
// of the back-end is needed to read it).
#include "eval.hpp"
#include "operations.hpp"
#include "runtime.hpp"
#include "text.hpp"

#include <gillab/interp/ast.hpp>
#include <gillab/interp/utf8.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

bool slice_indices(value slice, std::int64_t length, std::int64_t* start, std::int64_t* stop, std::int64_t* step,
                   std::int64_t* count);

namespace {

const std::string& bytes_of(value v) { return static_cast<bytes_object*>(v.obj())->bytes; }
bool is_bytes(value v) { return type_of(v) == &bytes_type; }

bool bytes_hash(value v, std::int64_t* out) {
  // FNV-1a like str's: equal bytes hash alike (and b"a" need not equal "a").
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : bytes_of(v)) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  auto r = static_cast<std::int64_t>(h >> 2);
  // CPython hashes b"" (and "") to 0 whatever the seed; sets holding it
  // then iterate in CPython's order.
  *out = bytes_of(v).empty() ? 0 : r == -1 ? -2 : r;
  return true;
}

value bytes_compare(value a, value b, int op) {
  if (!is_bytes(a) || !is_bytes(b)) return not_implemented();
  const int c = bytes_of(a).compare(bytes_of(b));
  return comparison_result(c, op);
}

value bytes_binary(value a, value b, int op) {
  const auto o = static_cast<ast::binop>(op & 15);
  if (o == ast::binop::mod) return is_bytes(a) ? bytes_percent_format(a, b) : not_implemented();
  if (o == ast::binop::add) {
    if (!is_bytes(a) || !is_bytes(b)) {
      if (is_bytes(a)) return raise_type_error(std::string("can't concat ") + type_name(b) + " to bytes");
      return not_implemented();
    }
    return make_bytes(bytes_of(a) + bytes_of(b));
  }
  if (o == ast::binop::mul) {
    const value sv = is_bytes(a) ? a : b;
    const value nv = is_bytes(a) ? b : a;
    std::int64_t n = 0;
    const int counted = repeat_count(nv, &n);
    if (counted < 0) return value();
    if (counted == 0) {
      return raise_type_error(std::string("can't multiply sequence by non-int of type '") + type_name(nv) + "'");
    }
    const std::string& s = bytes_of(sv);
    if (n <= 0 || s.empty()) return make_bytes("");
    if (static_cast<double>(s.size()) * static_cast<double>(n) > 1e10) return raise(&exc_MemoryError, "");
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) out += s;
    return make_bytes(out);
  }
  return not_implemented();
}

std::int64_t bytes_length(value v) { return static_cast<std::int64_t>(bytes_of(v).size()); }
int bytes_truth(value v) { return !bytes_of(v).empty(); }

int bytes_contains(value container, value item) {
  std::int64_t i = 0;
  if (as_int64(item, &i)) {
    if (i < 0 || i > 255) {
      raise(&exc_ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return bytes_of(container).find(static_cast<char>(i)) != std::string::npos;
  }
  if (!is_bytes(item)) {
    raise_type_error(std::string("a bytes-like object is required, not '") + type_name(item) + "'");
    return -1;
  }
  return bytes_of(container).find(bytes_of(item)) != std::string::npos;
}

value bytes_getitem(value v, value key) {
  const std::string& s = bytes_of(v);
  const auto n = static_cast<std::int64_t>(s.size());
  std::int64_t i = 0;
  if (as_int64(key, &i)) {
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(&exc_IndexError, "index out of range");
    return make_int(static_cast<unsigned char>(s[static_cast<std::size_t>(i)]));
  }
  if (type_of(key) == &slice_type) {
    std::int64_t start = 0, stop = 0, step = 0, count = 0;
    if (!slice_indices(key, n, &start, &stop, &step, &count)) return value();
    std::string out;
    out.reserve(static_cast<std::size_t>(count));
    for (std::int64_t k = 0, idx = start; k < count; ++k, idx += step) out += s[static_cast<std::size_t>(idx)];
    return make_bytes(out);
  }
  return raise_type_error(std::string("byte indices must be integers or slices, not ") + type_name(key));
}

value bytes_iter_step(iterator_object* it) {
  const std::string& s = bytes_of(it->seq);
  if (static_cast<std::size_t>(it->index) >= s.size()) return value();
  return make_int(static_cast<unsigned char>(s[static_cast<std::size_t>(it->index++)]));
}
value bytes_iter(value v) { return make_iterator(v, bytes_iter_step); }

// ---- encode / decode ----

std::string normal_encoding(std::string e) {
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return c == '_' ? '-' : std::tolower(c); });
  if (e == "utf8" || e == "utf-8" || e == "u8") return "utf-8";
  if (e == "ascii" || e == "us-ascii") return "ascii";
  if (e == "latin-1" || e == "latin1" || e == "iso-8859-1" || e == "iso8859-1") return "latin-1";
  return e;
}

bool encoding_args(const char* fname, const value* args, std::size_t nargs, value kwnames, std::string* encoding,
                   std::string* errors) {
  const std::size_t npos = nargs - (kwnames ? as_tuple(kwnames)->size : 0);
  if (npos > 2) {
    raise_type_error(std::string(fname) + "() takes at most 2 arguments (" + std::to_string(npos) + " given)");
    return false;
  }
  value enc = npos >= 1 ? args[0] : value();
  value err = npos >= 2 ? args[1] : value();
  if (kwnames) {
    for (std::size_t k = 0; k < as_tuple(kwnames)->size; ++k) {
      const std::string n = str_of(as_tuple(kwnames)->items[k]);
      if (n == "encoding") enc = args[npos + k];
      else if (n == "errors") err = args[npos + k];
      else {
        raise_type_error(std::string(fname) + "() got an unexpected keyword argument '" + n + "'");
        return false;
      }
    }
  }
  for (value v : {enc, err}) {
    if (v && type_of(v) != &str_type) {
      raise_type_error(std::string(fname) + "() argument must be str, not " + type_name(v));
      return false;
    }
  }
  *encoding = enc ? normal_encoding(str_of(enc)) : "utf-8";
  *errors = err ? str_of(err) : "strict";
  if (*encoding != "utf-8" && *encoding != "ascii" && *encoding != "latin-1") {
    raise(&exc_LookupError, "unknown encoding: " + str_of(enc));
    return false;
  }
  return true;
}

// The error handler is looked up only when an error occurs, as in CPython.
bool known_handler(const std::string& errors) {
  if (errors == "strict" || errors == "ignore" || errors == "replace") return true;
  raise(&exc_LookupError, "unknown error handler name '" + errors + "'");
  return false;
}

char hex_digit(unsigned v) { return "0123456789abcdef"[v & 15]; }

value unicode_error(type_object* type, const std::string& codec, const std::string& what, std::size_t pos,
                    const std::string& reason) {
  return raise(type, "'" + codec + "' codec can't " + what + " in position " + std::to_string(pos) + ": " + reason);
}

// UTF-8 with lone surrogates: strict raises as CPython does (a run of them
// is one error), replace writes '?', ignore drops, surrogatepass keeps them.
value encode_utf8_with_surrogates(const std::string& s, const std::string& errors) {
  std::string out;
  std::size_t i = 0, position = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const char32_t cp = utf8::decode(s, i);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (!surrogate || errors == "surrogatepass") {
      out.append(s, start, i - start);
    } else if (!known_handler(errors)) {
      return value();
    } else if (errors == "replace") {
      out += '?';
    } else if (errors == "strict") {
      std::size_t end = position + 1, j = i;  // the run of surrogates from here
      while (j < s.size()) {
        std::size_t k = j;
        const char32_t next = utf8::decode(s, k);
        if (next < 0xD800 || next > 0xDFFF) break;
        j = k;
        ++end;
      }
      if (end == position + 1) {
        return unicode_error(&exc_UnicodeEncodeError, "utf-8", "encode character '" + escaped_character(cp) + "'",
                             position, "surrogates not allowed");
      }
      return raise(&exc_UnicodeEncodeError, "'utf-8' codec can't encode characters in position " +
                                                std::to_string(position) + "-" + std::to_string(end - 1) +
                                                ": surrogates not allowed");
    }
    ++position;
  }
  return make_bytes(out);
}

}  // namespace

bool check_utf8_encodable(value str) {
  const std::string& s = as_str(str)->utf8;
  if (as_str(str)->ascii || !holds_surrogate(s)) return true;
  return static_cast<bool>(ref(encode_utf8_with_surrogates(s, "strict")));
}

value str_encode(value self, const value* args, std::size_t nargs, value kwnames) {
  std::string encoding, errors;
  if (!encoding_args("encode", args, nargs, kwnames, &encoding, &errors)) return value();
  const std::string& s = as_str(self)->utf8;
  if (as_str(self)->ascii) return make_bytes(s);
  if (encoding == "utf-8") return holds_surrogate(s) ? encode_utf8_with_surrogates(s, errors) : make_bytes(s);
  const unsigned limit = encoding == "ascii" ? 0x80 : 0x100;
  std::string out;
  std::size_t i = 0, position = 0;
  while (i < s.size()) {
    const char32_t cp = utf8::decode(s, i);
    if (cp < limit) {
      out += static_cast<char>(cp);
    } else if (!known_handler(errors)) {
      return value();
    } else if (errors == "replace") {
      out += '?';
    } else if (errors == "strict") {
      return unicode_error(&exc_UnicodeEncodeError, encoding, "encode character '" + escaped_character(cp) + "'",
                           position, "ordinal not in range(" + std::to_string(limit) + ")");
    }
    ++position;
  }
  return make_bytes(out);
}

namespace {

value bytes_decode(value self, const value* args, std::size_t nargs, value kwnames) {
  std::string encoding, errors;
  if (!encoding_args("decode", args, nargs, kwnames, &encoding, &errors)) return value();
  const std::string& b = bytes_of(self);
  std::string out;
  out.reserve(b.size());
  for (std::size_t i = 0; i < b.size();) {
    const auto c = static_cast<unsigned char>(b[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (encoding == "latin-1") {
      utf8::append(out, c);
      ++i;
      continue;
    }
    std::size_t len = 0;
    if (encoding == "utf-8") {
      len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
      bool ok = len > 0 && i + len <= b.size();
      for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(b[i + k]) & 0xC0) == 0x80;
      if (ok) {
        std::size_t j = i;
        const char32_t cp = utf8::decode(b, j);
        // Reject overlong forms, surrogates and values beyond U+10FFFF.
        const char32_t min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
        ok = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
      }
      if (ok) {
        out.append(b, i, len);
        i += len;
        continue;
      }
    }
    if (!known_handler(errors)) return value();
    if (errors == "strict") {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", c);
      const std::string reason = encoding == "ascii" ? "ordinal not in range(128)"
                                 : (c >> 6) == 2 || c >= 0xF8 ? "invalid start byte"
                                 : i + 1 >= b.size()           ? "unexpected end of data"
                                                               : "invalid continuation byte";
      return unicode_error(&exc_UnicodeDecodeError, encoding, std::string("decode byte ") + buf, i, reason);
    }
    if (errors == "replace") utf8::append(out, 0xFFFD);
    ++i;
  }
  return make_str(out);
}

bool bytes_arg(const char* fname, value v) {
  if (is_bytes(v)) return true;
  raise_type_error(std::string(fname) + ": a bytes-like object is required, not '" + type_name(v) + "'");
  return false;
}

bool exact_args(const char* fname, std::size_t nargs, value kwnames, std::size_t lo, std::size_t hi) {
  if (!no_keywords(fname, kwnames)) return false;
  if (nargs < lo || nargs > hi) {
    raise_type_error(std::string(fname) + "() takes " + (lo == hi ? "exactly " : "at most ") + std::to_string(hi) +
                     " argument" + (hi == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
    return false;
  }
  return true;
}

value bytes_hex(value self, const value*, std::size_t nargs, value kwnames) {
  if (!exact_args("hex", nargs, kwnames, 0, 0)) return value();
  std::string out;
  for (const char c : bytes_of(self)) {
    out += hex_digit(static_cast<unsigned char>(c) >> 4);
    out += hex_digit(static_cast<unsigned char>(c));
  }
  return make_str(out);
}

value bytes_join(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!exact_args("join", nargs, kwnames, 1, 1)) return value();
  std::vector<value> items;
  if (!collect(args[0], items)) return value();
  std::string out;
  bool ok = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (ok && !is_bytes(items[i])) {
      raise_type_error("sequence item " + std::to_string(i) + ": expected a bytes-like object, " + type_name(items[i]) +
                       " found");
      ok = false;
    }
    if (ok) {
      if (i) out += bytes_of(self);
      out += bytes_of(items[i]);
    }
    decref(items[i]);
  }
  return ok ? make_bytes(out) : value();
}

// partition/rpartition(sep): (head, sep, tail) around the first (last) sep;
// not found: (self, b"", b"") or (b"", b"", self).
value bytes_partition_impl(value self, const value* args, std::size_t nargs, value kwnames, bool from_right) {
  const char* name = from_right ? "rpartition" : "partition";
  if (!exact_args(name, nargs, kwnames, 1, 1)) return value();
  if (!is_bytes(args[0])) {
    return raise_type_error(std::string("a bytes-like object is required, not '") + type_name(args[0]) + "'");
  }
  const std::string& s = bytes_of(self);
  const std::string& sep = bytes_of(args[0]);
  if (sep.empty()) return raise(&exc_ValueError, "empty separator");
  const std::size_t at = from_right ? s.rfind(sep) : s.find(sep);
  ref empty(make_bytes(""));
  if (at == std::string::npos) {
    if (from_right) return make_tuple({empty.get(), empty.get(), self});
    return make_tuple({self, empty.get(), empty.get()});
  }
  ref head(make_bytes(std::string_view(s).substr(0, at)));
  ref tail(make_bytes(std::string_view(s).substr(at + sep.size())));
  return make_tuple({head.get(), args[0], tail.get()});
}
value bytes_partition(value s, const value* a, std::size_t n, value k) { return bytes_partition_impl(s, a, n, k, false); }
value bytes_rpartition(value s, const value* a, std::size_t n, value k) { return bytes_partition_impl(s, a, n, k, true); }

// bytes.fromhex(s): pairs of hex digits, ASCII whitespace allowed between
// pairs; CPython's error names the position of the first bad character.
value bytes_fromhex(value, const value* args, std::size_t nargs, value kwnames) {
  if (!exact_args("fromhex", nargs, kwnames, 1, 1)) return value();
  if (type_of(args[0]) != &str_type) {
    return raise_type_error(std::string("fromhex() argument must be str, not ") + type_name(args[0]));
  }
  const std::string text = str_of(args[0]);
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  auto bad = [](std::size_t at) {
    return raise(&exc_ValueError, "non-hexadecimal number found in fromhex() arg at position " + std::to_string(at));
  };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    const int hi = digit(text[i]);
    if (hi < 0) return bad(i);
    if (i + 1 >= text.size()) return bad(i + 1);
    const int lo = digit(text[i + 1]);
    if (lo < 0) return bad(i + 1);
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return make_bytes(out);
}

// find/index/count/rfind/rindex(sub[, start[, end]]): sub is bytes or an
// int in range(256); start and end with slice semantics (None: absent).
enum class search { find, index, count, rfind, rindex };
value bytes_find_impl(value self, const value* args, std::size_t nargs, value kwnames, const char* name, search mode) {
  if (!no_keywords(name, kwnames)) return value();
  if (nargs < 1 || nargs > 3) {
    return raise_type_error(std::string(name) + " expected " + (nargs < 1 ? "at least 1 argument" : "at most 3 arguments") +
                            ", got " + std::to_string(nargs));
  }
  std::string needle;
  std::int64_t byte = 0;
  if (as_int64(args[0], &byte)) {
    if (byte < 0 || byte > 255) return raise(&exc_ValueError, "byte must be in range(0, 256)");
    needle = std::string(1, static_cast<char>(byte));
  } else if (is_bytes(args[0])) {
    needle = bytes_of(args[0]);
  } else {
    if (error_pending()) return value();
    return raise_type_error(std::string("argument should be integer or bytes-like object, not '") + type_name(args[0]) + "'");
  }
  const std::string& s = bytes_of(self);
  const auto len = static_cast<std::int64_t>(s.size());
  std::int64_t bounds[2] = {0, len};
  for (std::size_t k = 1; k < nargs; ++k) {
    if (args[k] == none()) continue;
    if (!as_int64(args[k], &bounds[k - 1])) {
      if (error_pending()) return value();
      return raise_type_error("slice indices must be integers or None or have an __index__ method");
    }
  }
  // As CPython's ADJUST_INDICES: a start past the end stays there (nothing,
  // not even b"", is found beyond the end).
  for (auto& b : bounds) b = b < 0 ? std::max<std::int64_t>(0, b + len) : b;
  bounds[1] = std::min(bounds[1], len);
  const auto lo = static_cast<std::size_t>(bounds[0]);
  const auto hi = static_cast<std::size_t>(bounds[1]);
  const bool fits = bounds[0] <= bounds[1] && needle.size() <= hi - lo;  // (lo, hi used only when it fits)
  if (mode == search::count) {
    if (!fits) return make_int(0);
    if (needle.empty()) return make_int(static_cast<std::int64_t>(hi - lo) + 1);
    std::int64_t n = 0;
    for (std::size_t i = s.find(needle, lo); i != std::string::npos && i + needle.size() <= hi;
         i = s.find(needle, i + needle.size()))
      ++n;
    return make_int(n);
  }
  std::size_t j = std::string::npos;
  if (fits) {
    if (mode == search::rfind || mode == search::rindex) {
      j = s.rfind(needle, hi - needle.size());
      if (j != std::string::npos && j < lo) j = std::string::npos;
    } else {
      j = s.find(needle, lo);
      if (j != std::string::npos && j + needle.size() > hi) j = std::string::npos;
    }
  }
  if (j == std::string::npos) {
    return mode == search::index || mode == search::rindex ? raise(&exc_ValueError, "subsection not found") : make_int(-1);
  }
  return make_int(static_cast<std::int64_t>(j));
}
value bytes_find(value s, const value* a, std::size_t n, value k) { return bytes_find_impl(s, a, n, k, "find", search::find); }
value bytes_index(value s, const value* a, std::size_t n, value k) { return bytes_find_impl(s, a, n, k, "index", search::index); }
value bytes_count(value s, const value* a, std::size_t n, value k) { return bytes_find_impl(s, a, n, k, "count", search::count); }
value bytes_rfind(value s, const value* a, std::size_t n, value k) { return bytes_find_impl(s, a, n, k, "rfind", search::rfind); }
value bytes_rindex(value s, const value* a, std::size_t n, value k) { return bytes_find_impl(s, a, n, k, "rindex", search::rindex); }

value bytes_affix(value self, const value* args, std::size_t nargs, value kwnames, bool starts) {
  const char* name = starts ? "startswith" : "endswith";
  if (!exact_args(name, nargs, kwnames, 1, 1)) return value();
  return match_affix(bytes_of(self), args[0], starts, &bytes_type, name);
}
value bytes_startswith(value s, const value* a, std::size_t n, value k) { return bytes_affix(s, a, n, k, true); }
value bytes_endswith(value s, const value* a, std::size_t n, value k) { return bytes_affix(s, a, n, k, false); }

value bytes_split(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!exact_args("split", nargs, kwnames, 0, 2)) return value();
  std::int64_t maxsplit = -1;
  if (nargs == 2 && !as_int64(args[1], &maxsplit)) {
    return raise_type_error(std::string("'") + type_name(args[1]) + "' object cannot be interpreted as an integer");
  }
  const std::string& s = bytes_of(self);
  value l = make_list();
  auto& out = as_list(l)->items;
  if (nargs == 0 || args[0] == none()) {
    split_whitespace(s, maxsplit, [&](std::string_view piece) { out.push_back(make_bytes(piece)); });
    return l;
  }
  if (!bytes_arg("split", args[0])) {
    decref(l);
    return value();
  }
  const std::string& sep = bytes_of(args[0]);
  if (sep.empty()) {
    decref(l);
    return raise(&exc_ValueError, "empty separator");
  }
  std::size_t i = 0;
  for (;;) {
    const std::size_t j = (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) >= maxsplit) ? std::string::npos
                                                                                              : s.find(sep, i);
    if (j == std::string::npos) {
      out.push_back(make_bytes(s.substr(i)));
      return l;
    }
    out.push_back(make_bytes(s.substr(i, j - i)));
    i = j + sep.size();
  }
}

value bytes_strip_impl(value self, const value* args, std::size_t nargs, value kwnames, bool left, bool right,
                       const char* name) {
  if (!exact_args(name, nargs, kwnames, 0, 1)) return value();
  std::string chars = " \t\n\r\f\v";
  if (nargs == 1 && args[0] != none()) {
    if (!bytes_arg(name, args[0])) return value();
    chars = bytes_of(args[0]);
  }
  return make_bytes(strip_bytes(bytes_of(self), chars, left, right));
}
value bytes_strip(value s, const value* a, std::size_t n, value k) { return bytes_strip_impl(s, a, n, k, true, true, "strip"); }
value bytes_lstrip(value s, const value* a, std::size_t n, value k) { return bytes_strip_impl(s, a, n, k, true, false, "lstrip"); }
value bytes_rstrip(value s, const value* a, std::size_t n, value k) { return bytes_strip_impl(s, a, n, k, false, true, "rstrip"); }

value bytes_replace(value self, const value* args, std::size_t nargs, value kwnames) {
  if (!exact_args("replace", nargs, kwnames, 2, 3)) return value();
  if (!bytes_arg("replace", args[0]) || !bytes_arg("replace", args[1])) return value();
  std::int64_t count = -1;
  if (nargs == 3 && !as_int64(args[2], &count)) return raise_type_error("replace() count must be an integer");
  const std::string& s = bytes_of(self);
  const std::string& from = bytes_of(args[0]);
  const std::string& to = bytes_of(args[1]);
  if (from.empty()) return raise(&exc_NotImplementedError, "bytes.replace with an empty pattern is not supported by gillab");
  std::string out;
  std::size_t i = 0;
  std::int64_t done = 0;
  while (count < 0 || done < count) {
    const std::size_t j = s.find(from, i);
    if (j == std::string::npos) break;
    out.append(s, i, j - i);
    out += to;
    i = j + from.size();
    ++done;
  }
  out.append(s, i);
  return make_bytes(out);
}

value bytes_recase(value self, std::size_t nargs, value kwnames, bool upper) {
  if (!exact_args(upper ? "upper" : "lower", nargs, kwnames, 0, 0)) return value();
  std::string out = bytes_of(self);
  for (char& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return make_bytes(out);
}
value bytes_upper(value s, const value*, std::size_t n, value k) { return bytes_recase(s, n, k, true); }
value bytes_lower(value s, const value*, std::size_t n, value k) { return bytes_recase(s, n, k, false); }

}  // namespace

/// bytes(), bytes(n), bytes(iterable of ints), bytes(str, encoding[, errors]).
value construct_bytes(const value* args, std::size_t nargs, value kwnames) {
  const std::size_t npos = nargs - (kwnames ? as_tuple(kwnames)->size : 0);
  if (nargs == 0) return make_bytes("");
  value source = npos >= 1 ? args[0] : value();
  if (source && type_of(source) == &str_type) {
    if (nargs == 1) return raise_type_error("string argument without an encoding");
    return str_encode(source, args + 1, nargs - 1, kwnames);
  }
  if (nargs > 1 || !source) {
    return raise_type_error(source ? "encoding without a string argument" : "bytes() argument 'source' is missing");
  }
  if (is_bytes(source)) return newref(source);
  std::int64_t n = 0;
  if (as_int64(source, &n)) {
    if (n < 0) return raise(&exc_ValueError, "negative count");
    if (n > (std::int64_t{1} << 34)) return raise(&exc_MemoryError, "");
    return make_bytes(std::string(static_cast<std::size_t>(n), '\0'));
  }
  if (!type_of(source)->iter) {
    return raise_type_error(std::string("cannot convert '") + type_name(source) + "' object to bytes");
  }
  std::vector<value> items;
  if (!collect(source, items)) return value();
  std::string out;
  value failed;
  for (value x : items) {
    std::int64_t b = 0;
    if (!failed) {
      if (!as_int64(x, &b)) {
        raise_type_error(std::string("'") + type_name(x) + "' object cannot be interpreted as an integer");
        failed = x;
      } else if (b < 0 || b > 255) {
        raise(&exc_ValueError, "bytes must be in range(0, 256)");
        failed = x;
      } else {
        out += static_cast<char>(b);
      }
    }
    decref(x);
  }
  return failed ? value() : make_bytes(out);
}

void init_bytes() {
  bytes_type.hash = bytes_hash;
  bytes_type.compare = bytes_compare;
  bytes_type.binary = bytes_binary;
  bytes_type.length = bytes_length;
  bytes_type.truth = bytes_truth;
  bytes_type.contains = bytes_contains;
  bytes_type.getitem = bytes_getitem;
  bytes_type.iter = bytes_iter;
  add_method(bytes_type, "decode", bytes_decode);
  add_method(bytes_type, "hex", bytes_hex);
  add_method(bytes_type, "join", bytes_join);
  add_method(bytes_type, "find", bytes_find);
  add_method(bytes_type, "index", bytes_index);
  add_method(bytes_type, "count", bytes_count);
  add_method(bytes_type, "rfind", bytes_rfind);
  add_method(bytes_type, "partition", bytes_partition);
  add_method(bytes_type, "rpartition", bytes_rpartition);
  add_class_method(bytes_type, "fromhex", bytes_fromhex);
  add_method(bytes_type, "rindex", bytes_rindex);
  add_method(bytes_type, "startswith", bytes_startswith);
  add_method(bytes_type, "endswith", bytes_endswith);
  add_method(bytes_type, "split", bytes_split);
  add_method(bytes_type, "strip", bytes_strip);
  add_method(bytes_type, "lstrip", bytes_lstrip);
  add_method(bytes_type, "rstrip", bytes_rstrip);
  add_method(bytes_type, "replace", bytes_replace);
  add_method(bytes_type, "upper", bytes_upper);
  add_method(bytes_type, "lower", bytes_lower);
  add_method(str_type, "encode", str_encode);
}

GILLAB_RUNTIME_NAMESPACE_END

// ---- _struct: the native half of the struct module (interp/lib/struct.py) ----
//
// CPython's format language: a byte-order character (@ native with native
// sizes and alignment, = native order with standard sizes, < little, > and
// ! big), then items "[count]code". x86-64 is little-endian, so @ and = read
// and write little-endian. Errors are raised as the module's struct.error,
// which struct.py passes in; the messages are CPython 3.11's.
GILLAB_RUNTIME_NAMESPACE_BEGIN
double float_value(value v);  // numbers.cpp

namespace {

struct struct_item {
  char code;
  std::size_t count;   // repeat count, or the byte length of s/p
  std::size_t size;    // of one value
  std::size_t offset;  // of the first value
};

struct struct_layout {
  std::vector<struct_item> items;
  std::size_t size = 0;
  std::size_t values = 0;
  bool little = true;
};

// struct.error is a class of struct.py: an instance is made by calling it
// (raise() makes only built-in exceptions, whose layout it knows).
value struct_error(type_object* error, const std::string& message) {
  ref text(make_str(message));
  value arg = text.get();
  ref exc(op_call(value::from(error), &arg, 1));
  if (!exc) return value();
  return raise_value(exc.get());
}

bool parse_struct_format(const std::string& fmt, type_object* error, struct_layout* out) {
  std::size_t i = 0;
  bool native = true;
  if (!fmt.empty() && std::strchr("@=<>!", fmt[0])) {
    native = fmt[0] == '@';
    out->little = fmt[0] == '@' || fmt[0] == '=' || fmt[0] == '<';
    ++i;
  }
  std::size_t offset = 0;
  while (i < fmt.size()) {
    if (std::isspace(static_cast<unsigned char>(fmt[i]))) {
      ++i;
      continue;
    }
    std::size_t count = 1;
    if (std::isdigit(static_cast<unsigned char>(fmt[i]))) {
      count = 0;
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) {
        count = count * 10 + static_cast<std::size_t>(fmt[i] - '0');
        if (count > (std::size_t{1} << 40)) {
          struct_error(error, "total struct size too long");
          return false;
        }
        ++i;
      }
      if (i == fmt.size()) {
        struct_error(error, "repeat count given without format specifier");
        return false;
      }
    }
    const char code = fmt[i++];
    std::size_t size = 0;
    switch (code) {
      case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': size = 1; break;
      case 'h': case 'H': case 'e': size = 2; break;
      case 'i': case 'I': case 'f': size = 4; break;
      case 'l': case 'L': size = native ? 8 : 4; break;
      case 'q': case 'Q': case 'd': size = 8; break;
      case 'n': case 'N': case 'P':
        if (!native) {
          struct_error(error, "bad char in struct format");
          return false;
        }
        size = 8;
        break;
      default:
        struct_error(error, "bad char in struct format");
        return false;
    }
    if (native && size > 1) offset = (offset + size - 1) / size * size;  // C's alignment
    if (code == 's' || code == 'p') {
      out->items.push_back(struct_item{code, count, 1, offset});
      offset += count;
      out->values += 1;
    } else {
      out->items.push_back(struct_item{code, count, size, offset});
      offset += count * size;
      if (code != 'x') out->values += count;
    }
  }
  out->size = offset;
  return true;
}

type_object* error_class(value v) { return static_cast<type_object*>(v.obj()); }

void put_uint(std::string& buf, std::size_t at, std::uint64_t v, std::size_t size, bool little) {
  for (std::size_t k = 0; k < size; ++k) {
    const auto byte = static_cast<char>((v >> (8 * k)) & 0xff);
    buf[little ? at + k : at + size - 1 - k] = byte;
  }
}

std::uint64_t get_uint(const std::string& buf, std::size_t at, std::size_t size, bool little) {
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < size; ++k) {
    const auto byte = static_cast<unsigned char>(buf[little ? at + k : at + size - 1 - k]);
    v |= static_cast<std::uint64_t>(byte) << (8 * k);
  }
  return v;
}

/// An integer to pack, range-checked as CPython's struct does (its messages).
bool struct_int(value v, char code, std::size_t size, type_object* error, std::uint64_t* out) {
  if (!is_instance(v, &int_type)) {
    struct_error(error, "required argument is not an integer");
    return false;
  }
  const bool is_signed = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n';
  big_int x;
  std::int64_t small = 0;
  if (as_int64(v, &small)) {
    x = small;
  } else {
    clear_pending();
    x = static_cast<big_int_object*>(v.obj())->v;
  }
  if (code == 'P') {  // a pointer: any 64-bit pattern (negative values wrap, as CPython's)
    if (x < big_int(INT64_MIN) || x > big_int(UINT64_MAX)) {
      raise(&exc_OverflowError, "int too big to convert");
      return false;
    }
    *out = x < 0 ? static_cast<std::uint64_t>(static_cast<std::int64_t>(x)) : static_cast<std::uint64_t>(x);
    return true;
  }
  const big_int lo = is_signed ? -(big_int(1) << (8 * size - 1)) : big_int(0);
  const big_int hi = is_signed ? (big_int(1) << (8 * size - 1)) - 1 : (big_int(1) << (8 * size)) - 1;
  if (x < lo || x > hi) {
    std::string message;
    if (size == 1) {
      message = std::string(is_signed ? "byte" : "ubyte") + " format requires " + lo.str() + " <= number <= " + hi.str();
    } else if (size == 2) {
      message = std::string(is_signed ? "short" : "ushort") + " format requires " + lo.str() + " <= number <= " + hi.str();
    } else if (size == 4 && (is_signed || x >= 0)) {
      message = std::string("'") + code + "' format requires " + lo.str() + " <= number <= " + hi.str();
    } else {
      message = "argument out of range";
    }
    struct_error(error, message);
    return false;
  }
  *out = x < 0 ? static_cast<std::uint64_t>(static_cast<std::int64_t>(x)) : static_cast<std::uint64_t>(x);
  return true;
}

// _struct.calcsize(format, error)
value struct_calcsize(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("calcsize", kwnames) || nargs != 2 || type_of(args[0]) != &str_type) {
    return error_pending() ? value() : raise_type_error("_struct.calcsize(format, error)");
  }
  struct_layout layout;
  if (!parse_struct_format(str_of(args[0]), error_class(args[1]), &layout)) return value();
  return make_int(static_cast<std::int64_t>(layout.size));
}

// _struct.pack(format, values, error)
value struct_pack(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("pack", kwnames) || nargs != 3 || type_of(args[0]) != &str_type || type_of(args[1]) != &tuple_type) {
    return error_pending() ? value() : raise_type_error("_struct.pack(format, values, error)");
  }
  type_object* error = error_class(args[2]);
  struct_layout layout;
  if (!parse_struct_format(str_of(args[0]), error, &layout)) return value();
  const tuple_object* vals = as_tuple(args[1]);
  if (vals->size != layout.values) {
    return struct_error(error, "pack expected " + std::to_string(layout.values) + " items for packing (got " +
                                   std::to_string(vals->size) + ")");
  }
  std::string buf(layout.size, '\0');
  std::size_t next = 0;
  for (const struct_item& it : layout.items) {
    if (it.code == 'x') continue;
    if (it.code == 's' || it.code == 'p') {
      value v = vals->items[next++];
      if (!is_bytes(v)) return struct_error(error, std::string("argument for '") + it.code + "' must be a bytes object");
      const std::string& data = bytes_of(v);
      if (it.code == 's') {
        buf.replace(it.offset, std::min(data.size(), it.count), data.substr(0, std::min(data.size(), it.count)));
      } else if (it.count > 0) {
        const std::size_t n = std::min({data.size(), it.count - 1, std::size_t{255}});
        buf[it.offset] = static_cast<char>(n);
        buf.replace(it.offset + 1, n, data.substr(0, n));
      }
      continue;
    }
    for (std::size_t k = 0; k < it.count; ++k) {
      value v = vals->items[next++];
      const std::size_t at = it.offset + k * it.size;
      switch (it.code) {
        case 'c':
          if (!is_bytes(v) || bytes_of(v).size() != 1) {
            return struct_error(error, "char format requires a bytes object of length 1");
          }
          buf[at] = bytes_of(v)[0];
          break;
        case '?': {
          const int t = op_truth(v);
          if (t < 0) return value();
          buf[at] = static_cast<char>(t);
          break;
        }
        case 'f':
        case 'd': {
          double d = 0;
          if (type_of(v) == &float_type) {
            d = float_value(v);
          } else if (is_instance(v, &int_type)) {
            std::int64_t small = 0;
            if (as_int64(v, &small)) {
              d = static_cast<double>(small);
            } else {
              clear_pending();
              d = big_to_double(static_cast<big_int_object*>(v.obj())->v);
              if (std::isinf(d)) return raise(&exc_OverflowError, "int too large to convert to float");
            }
          } else {
            return struct_error(error, "required argument is not a float");
          }
          if (it.code == 'f') {
            const auto f = static_cast<float>(d);
            if (std::isinf(f) && std::isfinite(d)) return raise(&exc_OverflowError, "float too large to pack with f format");
            std::uint32_t bits = 0;
            std::memcpy(&bits, &f, 4);
            put_uint(buf, at, bits, 4, layout.little);
          } else {
            std::uint64_t bits = 0;
            std::memcpy(&bits, &d, 8);
            put_uint(buf, at, bits, 8, layout.little);
          }
          break;
        }
        case 'e':
          return raise(&exc_NotImplementedError, "struct format 'e' (half-precision float) is not supported by gillab yet");
        default: {
          std::uint64_t bits = 0;
          if (!struct_int(v, it.code, it.size, error, &bits)) return value();
          put_uint(buf, at, bits, it.size, layout.little);
        }
      }
    }
  }
  return make_bytes(buf);
}

// _struct.unpack(format, buffer, offset, error, from): from false means the
// buffer must be exactly the format's size (unpack), true that it may be
// longer (unpack_from, iter_unpack's pieces).
value struct_unpack(value, const value* args, std::size_t nargs, value kwnames) {
  if (!no_keywords("unpack", kwnames) || nargs != 5 || type_of(args[0]) != &str_type) {
    return error_pending() ? value() : raise_type_error("_struct.unpack(format, buffer, offset, error, from)");
  }
  type_object* error = error_class(args[3]);
  struct_layout layout;
  if (!parse_struct_format(str_of(args[0]), error, &layout)) return value();
  if (!is_bytes(args[1])) {
    return raise_type_error(std::string("a bytes-like object is required, not '") + type_name(args[1]) + "'");
  }
  const std::string& buf = bytes_of(args[1]);
  std::int64_t offset = 0;
  if (!as_int64(args[2], &offset)) return value();
  const bool from = op_truth(args[4]) > 0;
  if (!from && buf.size() != layout.size) {
    return struct_error(error, "unpack requires a buffer of " + std::to_string(layout.size) + " bytes");
  }
  if (from) {
    if (offset < 0) offset += static_cast<std::int64_t>(buf.size());
    if (offset < 0 || buf.size() < static_cast<std::size_t>(offset) + layout.size) {
      return struct_error(error, "unpack_from requires a buffer of at least " + std::to_string(layout.size + static_cast<std::size_t>(std::max<std::int64_t>(offset, 0))) +
                                     " bytes for unpacking " + std::to_string(layout.size) + " bytes at offset " +
                                     std::to_string(offset) + " (actual buffer size is " + std::to_string(buf.size()) + ")");
    }
  }
  const auto base = static_cast<std::size_t>(offset);
  value out = make_tuple(layout.values);
  std::size_t next = 0;
  for (const struct_item& it : layout.items) {
    if (it.code == 'x') continue;
    const std::size_t at0 = base + it.offset;
    if (it.code == 's') {
      as_tuple(out)->items[next++] = make_bytes(std::string_view(buf).substr(at0, it.count));
      continue;
    }
    if (it.code == 'p') {
      const std::size_t n = it.count == 0 ? 0 : std::min<std::size_t>(static_cast<unsigned char>(buf[at0]), it.count - 1);
      as_tuple(out)->items[next++] = make_bytes(std::string_view(buf).substr(at0 + 1, n));
      continue;
    }
    for (std::size_t k = 0; k < it.count; ++k) {
      const std::size_t at = at0 + k * it.size;
      value v;
      switch (it.code) {
        case 'c': v = make_bytes(std::string_view(buf).substr(at, 1)); break;
        case '?': v = boolean(buf[at] != 0); break;
        case 'e':
          decref(out);
          return raise(&exc_NotImplementedError, "struct format 'e' (half-precision float) is not supported by gillab yet");
        case 'f': {
          const auto bits = static_cast<std::uint32_t>(get_uint(buf, at, 4, layout.little));
          float f = 0;
          std::memcpy(&f, &bits, 4);
          v = make_float(f);
          break;
        }
        case 'd': {
          const std::uint64_t bits = get_uint(buf, at, 8, layout.little);
          double d = 0;
          std::memcpy(&d, &bits, 8);
          v = make_float(d);
          break;
        }
        default: {
          const std::uint64_t bits = get_uint(buf, at, it.size, layout.little);
          const bool is_signed = std::strchr("bhilqn", it.code) != nullptr;
          if (is_signed) {
            const unsigned shift = static_cast<unsigned>(64 - 8 * it.size);
            v = make_int(static_cast<std::int64_t>(bits << shift) >> shift);
          } else if (bits > static_cast<std::uint64_t>(INT64_MAX)) {
            v = make_int(big_int(bits));
          } else {
            v = make_int(static_cast<std::int64_t>(bits));
          }
        }
      }
      as_tuple(out)->items[next++] = v;
    }
  }
  return out;
}

}  // namespace

value struct_module() {
  static value m = [] {
    value mod = make_native_module("_struct", {{"calcsize", struct_calcsize},
                                               {"pack", struct_pack},
                                               {"unpack", struct_unpack}});
    return mod;
  }();
  return m;
}
GILLAB_RUNTIME_NAMESPACE_END
