// list_items.hpp — a list's item array, readable without the list's lock.
//
// What std::vector<value> was for list_object, plus what fine's lock-free
// readers (containers.cpp, eval.cpp's list[i]) need. It follows PEP 703's
// list (free-threaded CPython's Objects/listobject.c: an item array that
// carries its own allocated size, replaced rather than realloc'd, freed
// through QSBR).
//
// Invariants:
//  - Writers hold the list's write section (or are the only thread that can
//    see the list). They store slots, the size and the array pointer with
//    atomic stores, release where a store publishes; a new array is filled
//    before its pointer is published. Inside a section plain loads suffice.
//  - Every slot of the current array at index >= size() is null: a reader
//    that races a shrink finds null and takes the locked path, never a
//    pointer whose reference was dropped.
//  - A published array is never freed at once while other threads run:
//    retire_memory (reclaim.hpp) frees it after every thread has passed a
//    safepoint. The destructor frees at once (the list is dead: no reader).
//  - Dropping the reference a slot held is the caller's job and goes through
//    release_displaced / take_displaced (reclaim.hpp), so a value a reader
//    loaded also outlives its read.
#pragma once

#include "object.hpp"

#include <atomic>
#include <cstddef>
#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

class list_items {
 public:
  list_items() = default;
  list_items(const list_items&) = delete;
  list_items& operator=(const list_items&) = delete;
  ~list_items();

  // ---- reads: inside the list's section, or by the only thread that sees it
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  value operator[](std::size_t i) const { return slots()[i]; }
  [[nodiscard]] const value* data() const { return slots(); }
  [[nodiscard]] const value* begin() const { return slots(); }
  [[nodiscard]] const value* end() const { return slots() + size_; }
  [[nodiscard]] value back() const { return slots()[size_ - 1]; }
  /// The items as a vector (borrowed: incref them before the section ends).
  [[nodiscard]] std::vector<value> copy() const { return {begin(), end()}; }

  // ---- reads without any section (lockfree_reads back-ends)
  /// The size at some moment during the call.
  [[nodiscard]] std::size_t size_lockfree() const {
    return observe(size_);
  }
  /// Item i as it was at some moment during the call (borrowed; it stays
  /// valid until this thread's next safepoint), or null when only the
  /// locked path can answer (out of range, or a shrink raced the read).
  [[nodiscard]] value load_lockfree(std::size_t i) const {
    const array* a = observe(arr_);
    if (a == nullptr || i >= size_lockfree() || i >= a->capacity) return value();
    return observe(a->slots()[i]);
  }

  // ---- writes: inside the list's write section. None drops a reference:
  // what leaves a slot is the caller's (the vector-like names mean the same
  // as std::vector's, positions are indices).
  void set(std::size_t i, value v) { store(slots()[i], v); }
  value exchange(std::size_t i, value v) {
    const value old = slots()[i];
    set(i, v);
    return old;
  }
  void push_back(value v) {
    if (arr_ == nullptr || size_ == arr_->capacity) grow(size_ + 1);
    store(slots()[size_], v);
    store(size_, size_ + 1);
  }
  void reserve(std::size_t n) {
    if (n > capacity()) grow(n);
  }
  void insert(std::size_t pos, value v) { insert(pos, &v, &v + 1); }
  void insert(std::size_t pos, const value* first, const value* last);  // adopts the references
  void erase(std::size_t pos) { erase(pos, pos + 1); }
  void erase(std::size_t first, std::size_t last);
  void reverse();
  /// Replaces the (empty) contents with `items`, adopting their references.
  void adopt(std::vector<value>&& items);
  /// Moves the contents out (their references with them); the list is empty.
  std::vector<value> take();
  /// For a new, empty list no other thread can see yet: size n, every slot
  /// null, to be filled by the caller with set().
  void resize_unshared(std::size_t n);

 private:
  struct array {
    std::size_t capacity;
    value* slots() { return reinterpret_cast<value*>(this + 1); }
    const value* slots() const { return reinterpret_cast<const value*>(this + 1); }
  };
  template <class T>
  static T observe(const T& field) {
    return std::atomic_ref<T>(const_cast<T&>(field)).load(std::memory_order_acquire);
  }
  template <class T>
  static void store(T& field, T v) {
    std::atomic_ref<T>(field).store(v, std::memory_order_release);
  }
  value* slots() { return arr_ != nullptr ? arr_->slots() : nullptr; }
  const value* slots() const { return arr_ != nullptr ? arr_->slots() : nullptr; }
  std::size_t capacity() const { return arr_ != nullptr ? arr_->capacity : 0; }
  void grow(std::size_t at_least);
  void replace_array(array* next);  // publishes `next`, retires the old one

  array* arr_ = nullptr;
  std::size_t size_ = 0;
};

GILLAB_RUNTIME_NAMESPACE_END
