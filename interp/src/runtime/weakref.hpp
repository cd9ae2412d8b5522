// weakref.hpp — what the rest of the runtime calls of weakref.cpp (weak
// references; the design and invariants are at the top of weakref.cpp).
#pragma once

#include "types.hpp"

#include <vector>

GILLAB_RUNTIME_NAMESPACE_BEGIN

/// The referent `o` is being deallocated (its count reached zero and its
/// gc_head's weak marker is set): clears its weak references and runs
/// their callbacks (deallocate(), heap_dealloc after __del__).
void clear_weakrefs(object* o);
/// The collector, with the world stopped: detaches the weak references to
/// its garbage; `callbacks` gets the live references (each held) whose
/// callbacks must run once the world runs again (run_weakref_callbacks).
void detach_weakrefs_of_garbage(const std::vector<object*>& garbage, std::vector<value>& callbacks);
/// Calls each reference's callback with it, reports errors as unraisable,
/// and drops the references.
void run_weakref_callbacks(std::vector<value>& refs);
/// The _weakref module (made on first import).
value weakref_module();

GILLAB_RUNTIME_NAMESPACE_END
