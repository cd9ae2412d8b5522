// object.hpp — values, the object header, type objects, and reference counts.
//
// A value is one machine word: a small int tagged in its low bit (63 bits,
// overflow promotes to an arbitrary-precision int object), or a pointer to
// a heap object, or 0 (no value: an exception is pending). Every heap
// object starts with the back-end's header (reference count, and whatever
// the back-end needs: a lock, a version word), a flags word and its type.
//
// Ownership: a function that returns a value returns a new reference; the
// caller owns it. Arguments are borrowed. A null return means an exception
// was raised and is pending in the thread state (CPython's convention: no
// C++ exceptions on the hot path).
//
// Invariants:
//  - An int value whose magnitude fits 62 bits is always tagged, never an
//    int object; an int object always holds a value outside that range.
//  - Immortal objects (None, True, False, NotImplemented, Ellipsis, types,
//    interned constants) are never freed and never touch the back-end's
//    counters: incref/decref test the flag first.
//  - Containers hold strong references to their items.
#pragma once

#include "config.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

GILLAB_RUNTIME_NAMESPACE_BEGIN

struct object;
struct type_object;

class value {
 public:
  constexpr value() = default;
  static constexpr std::int64_t small_max = (std::int64_t{1} << 62) - 1;
  static constexpr std::int64_t small_min = -(std::int64_t{1} << 62);

  static value small(std::int64_t i) {  // caller guarantees the range
    return value(static_cast<std::uintptr_t>(i) << 1 | 1);
  }
  static bool fits_small(std::int64_t i) { return i >= small_min && i <= small_max; }
  static value from(object* o) { return value(reinterpret_cast<std::uintptr_t>(o)); }

  [[nodiscard]] bool is_small() const { return bits_ & 1; }
  [[nodiscard]] std::int64_t small_int() const { return static_cast<std::int64_t>(bits_) >> 1; }
  [[nodiscard]] bool is_object() const { return bits_ != 0 && !(bits_ & 1); }
  [[nodiscard]] object* obj() const { return reinterpret_cast<object*>(bits_); }
  [[nodiscard]] bool is_null() const { return bits_ == 0; }
  explicit operator bool() const { return bits_ != 0; }
  [[nodiscard]] std::uintptr_t raw() const { return bits_; }
  friend bool operator==(value a, value b) { return a.bits_ == b.bits_; }  // identity (`is`)

 private:
  explicit constexpr value(std::uintptr_t bits) : bits_(bits) {}
  std::uintptr_t bits_ = 0;
};

enum object_flags : std::uint32_t {
  flag_immortal = 1,
  flag_class_method = 2,  // a built-in method that receives the class (add_class_method)
  flag_gc_tracked = 4,    // allocated with a gc_head in front, known to the cycle collector (gc.hpp)
  flag_finalized = 8,     // its class's __del__ has run (PEP 442: at most once per object)
  flag_irrevocable = 16,  // a built-in whose effects (system calls) no transaction can undo (stm)
};

struct object {
  backend::object_header header;
  std::uint32_t flags;
  type_object* type;
};

// ---- reference counting, through the back-end ----
void deallocate(object* o);

// Always inline (as CPython's Py_INCREF/Py_DECREF): GCC otherwise stops
// inlining them into run_frame, a very large function, once its growth
// limits are reached, and with biased counting nbody then spent 11% of its
// instructions in call overhead around out-of-line decref/incref.
[[gnu::always_inline]] inline void incref(value v) {
  if (v.is_object() && !(v.obj()->flags & flag_immortal)) backend::incref(v.obj()->header);
}
[[gnu::always_inline]] inline void decref(value v) {
  if (v.is_object() && !(v.obj()->flags & flag_immortal) && backend::decref(v.obj()->header)) {
    deallocate(v.obj());
  }
}
[[gnu::always_inline]] inline void xdecref(value v) {
  if (v) decref(v);
}
[[gnu::always_inline]] inline value newref(value v) {
  incref(v);
  return v;
}

/// Owning handle for a value: decref on scope exit unless released.
class ref {
 public:
  ref() = default;
  explicit ref(value v) : v_(v) {}  // adopts a new reference
  ref(const ref&) = delete;
  ref& operator=(const ref&) = delete;
  ref(ref&& o) noexcept : v_(o.release()) {}
  ref& operator=(ref&& o) noexcept {
    if (this != &o) {
      xdecref(v_);
      v_ = o.release();
    }
    return *this;
  }
  ~ref() { xdecref(v_); }
  [[nodiscard]] value get() const { return v_; }
  value release() {
    value v = v_;
    v_ = value();
    return v;
  }
  explicit operator bool() const { return static_cast<bool>(v_); }

 private:
  value v_;
};

GILLAB_RUNTIME_NAMESPACE_END
