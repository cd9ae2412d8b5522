// free_list.hpp — per-thread caches of freed objects of one type (CPython's
// free lists for floats, slices, ...): the hottest allocations skip malloc.
//
// Invariants: a cached block is a dead object of exactly sizeof(T) bytes,
// with nothing to release; take() gives it a fresh header from the calling
// thread's back-end state, as allocate() does. Per thread, so back-ends with
// parallel threads need no lock; an object freed by another thread than the
// one that made it simply joins that thread's cache. The cache frees what it
// holds when its thread ends (so leak checkers see nothing lost).
#pragma once

#include "errors.hpp"
#include "types.hpp"

#include <cstdlib>

GILLAB_RUNTIME_NAMESPACE_BEGIN

template <class T, int Capacity>
class free_list {
 public:
  free_list() = default;
  free_list(const free_list&) = delete;
  free_list& operator=(const free_list&) = delete;
  ~free_list() {
    while (count_ > 0) std::free(slots_[--count_]);
  }

  T* take(type_object* type) {
    if (count_ == 0) return make<T>(type);
    T* o = slots_[--count_];
    backend::init_header(o->header, current_thread().backend_state);
    o->flags = 0;
    o->type = type;
    return o;
  }

  void give(object* o) {
#if GILLAB_RESTARTABLE
    backend::forget(o->header);  // dead, as free_object_memory says
#endif
    if (count_ < Capacity) {
      slots_[count_++] = static_cast<T*>(o);
    } else if (!transaction_defer_free(o)) {
      std::free(o);
    }
  }

 private:
  T* slots_[Capacity];
  int count_ = 0;
};

GILLAB_RUNTIME_NAMESPACE_END
