// gc.hpp — the cycle collector: CPython's trial deletion over container
// objects (Modules/gcmodule.c, after Lins' "cyclic reference counting" and
// the design Neil Schemenauer wrote for CPython 2.0), with two generations.
//
// Reference counting frees everything but cycles. A *container* type (one
// with a `traverse` slot: list, tuple, dict, set, instances, functions,
// cells, bound methods, exceptions, ...) is allocated with a gc_head in front
// of the object, which links it into a generation list. A collection takes a
// set of tracked objects and:
//  1. copies each one's reference count into its head (`refs`);
//  2. for every reference from one member of the set to another (traverse),
//     subtracts one from the target's `refs`: what remains is the number of
//     references from outside the set (other objects, C++ owners, frames);
//  3. marks everything reachable from a member whose `refs` stayed above
//     zero; the rest is garbage: only the set itself keeps it alive;
//  4. clears the weak references to garbage (with the world stopped, so
//     none can revive it) and runs the callbacks of those that are not
//     garbage themselves (weakref.cpp);
//  5. holds every garbage object (incref), runs the `finalize` slot of
//     those that have one (a suspended generator's finally blocks, PEP 442),
//     finds again which are still garbage if any finalizer ran (one may
//     have stored an object in a global: CPython's resurrection check),
//     breaks their references through their type's `clear` slot, then lets
//     go of all: reference counting frees them.
// Survivors of a young collection move to the old generation.
//
// When: allocations of container objects, minus frees, past threshold0
// (700, CPython's) in one thread's nursery (the young generation is kept per
// thread: gc.cpp, `nursery`) *schedule* a young collection; it runs at the thread's
// next safepoint (eval loop back edges and calls), as CPython 3.12+ defers
// it to the eval breaker, so no collection starts inside half-built runtime
// state. Every threshold1-th young collection (10) is a full one, if the
// old generation grew by a quarter since the last full collection (CPython's
// long_lived_pending rule, which keeps a program that builds a large
// structure linear rather than quadratic).
//
// Which thread: the collector must see every object still. Under `nosync`
// and `gil` the collecting thread holds the GIL (others wait for it or sit
// in blocking regions, touching no object), as in CPython. Under `fine` the
// collecting thread stops the world first (backend stop_the_world: every
// other thread parks at its next safepoint or stays in its blocking region,
// as free-threaded CPython's collector does).
//
// Invariants:
//  - An object is tracked iff flag_gc_tracked is set; its gc_head then sits
//    right before it and it is on exactly one list (a nursery, old or
//    frozen), except immortal objects, which are unlinked (never garbage,
//    never freed).
//  - traverse visits exactly the references the object owns (a subset is
//    safe: an unvisited reference only keeps its target alive; a visit of a
//    reference the object does not own would free a live object).
//  - Collections never nest. Finalizers (__del__, a generator's finally
//    blocks) run after the world starts again, before the clears.
//  - On back-ends whose threads run in parallel (fine) each nursery has its
//    own parking mutex and the old and frozen lists share one; an object's
//    nursery field changes only with the world stopped. Under gil every
//    container is allocated and freed by the thread holding the GIL
//    (blocking regions wrap only system calls), so the lists need nothing
//    more.
#pragma once

#include "types.hpp"

#include <atomic>
#include <cstdint>
#include <string>

GILLAB_RUNTIME_NAMESPACE_BEGIN

namespace gc_detail {
extern std::atomic<bool> scheduled;
void run_scheduled();
}  // namespace gc_detail

/// Where a tracked object's weak-reference marker is: a byte of its
/// gc_head, this many bytes before the object (gc.cpp checks the layout).
/// Set under weakref.cpp's lock when the object gets a weak reference;
/// read by deallocate() without it (an acquire load: the weak reference
/// table entry it then looks up was written before).
constexpr std::size_t gc_weak_marker_offset = 2;
inline std::atomic_ref<std::uint8_t> weak_marker(object* o) {
  return std::atomic_ref<std::uint8_t>(*(reinterpret_cast<std::uint8_t*>(o) - gc_weak_marker_offset));
}

/// Memory for a container object of `size` bytes, tracked (allocate() calls
/// this for types with a traverse slot).
object* gc_allocate(type_object* type, std::size_t size);
/// Unlinks a tracked object that became immortal (immortalize()).
void gc_untrack(object* o);
/// A thread that ends returns its nursery (threads.cpp, while still attached).
void gc_thread_exit();

/// At a safepoint: run the collection an allocation scheduled.
inline void gc_safepoint() {
  if (gc_detail::scheduled.load(std::memory_order_relaxed)) [[unlikely]] gc_detail::run_scheduled();
}

/// Collects generation 0 (young) or 2 (everything; 1 means the same here).
/// Returns the number of objects found unreachable.
std::int64_t gc_collect(int generation);

/// -X gc_stress=N: schedule a collection every N container allocations
/// (young; every 64th full).
void gc_set_stress(std::int64_t every);

/// os.fork: the list lock is held across fork(2) (fine).
void gc_before_fork();
void gc_after_fork_parent();
void gc_after_fork_child();

/// The gc module (stdlib).
value gc_module();

/// {"collections": ..., "collected": ..., ...} for --stats.
std::string gc_statistics_json();

GILLAB_RUNTIME_NAMESPACE_END
