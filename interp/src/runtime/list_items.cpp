// list_items.cpp — the out-of-line writers of list_items (invariants in
// list_items.hpp).
#include "list_items.hpp"
#include "reclaim.hpp"

#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <cstring>
#include <new>

GILLAB_RUNTIME_NAMESPACE_BEGIN

list_items::~list_items() { std::free(arr_); }

void list_items::grow(std::size_t at_least) {
  // Doubling, as std::vector did: appends stay amortised O(1).
  const std::size_t capacity = std::max({at_least, this->capacity() * 2, std::size_t{4}});
  if (capacity > (SIZE_MAX - sizeof(array)) / sizeof(value)) throw std::bad_alloc();
  void* memory = std::malloc(sizeof(array) + capacity * sizeof(value));
  if (memory == nullptr) throw std::bad_alloc();
  auto* next = new (memory) array{capacity};
  // Not published yet: plain copies. The old array keeps its slots, so a
  // reader still in it sees the same values.
  if (size_ != 0) std::memcpy(static_cast<void*>(next->slots()), slots(), size_ * sizeof(value));
  std::memset(static_cast<void*>(next->slots() + size_), 0, (capacity - size_) * sizeof(value));
  replace_array(next);
}

void list_items::replace_array(array* next) {
  array* old = arr_;
  store(arr_, next);
  if (old != nullptr) retire_memory(old);
}

void list_items::insert(std::size_t pos, const value* first, const value* last) {
  const auto n = static_cast<std::size_t>(last - first);
  if (n == 0) return;
  if (size_ + n > capacity()) grow(size_ + n);
  value* s = slots();
  // Top down, so every item is in some slot at every moment (a reader may
  // see one twice, never a dropped one).
  for (std::size_t i = size_; i > pos; --i) store(s[i - 1 + n], s[i - 1]);
  for (std::size_t k = 0; k < n; ++k) store(s[pos + k], first[k]);
  store(size_, size_ + n);
}

void list_items::erase(std::size_t first, std::size_t last) {
  if (first >= last) return;
  const std::size_t n = last - first;
  value* s = slots();
  for (std::size_t i = last; i < size_; ++i) store(s[i - n], s[i]);
  const std::size_t new_size = size_ - n;
  store(size_, new_size);
  for (std::size_t i = new_size; i < new_size + n; ++i) store(s[i], value());
}

void list_items::reverse() {
  value* s = slots();
  for (std::size_t i = 0, j = size_; i + 1 < j; ++i, --j) {
    const value a = s[i];
    store(s[i], s[j - 1]);
    store(s[j - 1], a);
  }
}

void list_items::adopt(std::vector<value>&& items) {
  // The contents are empty, so every slot is null: fill, then size.
  reserve(items.size());
  value* s = slots();
  for (std::size_t i = 0; i < items.size(); ++i) store(s[i], items[i]);
  store(size_, items.size());
  items.clear();
}

std::vector<value> list_items::take() {
  std::vector<value> out(begin(), end());
  store(size_, std::size_t{0});
  replace_array(nullptr);  // a reader in the old array still finds the values
  return out;
}

void list_items::resize_unshared(std::size_t n) {
  assert(size_ == 0);
  reserve(n);
  size_ = n;
}

GILLAB_RUNTIME_NAMESPACE_END
