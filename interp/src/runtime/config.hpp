// config.hpp — which back-end this copy of the runtime is built for.
//
// The runtime sources are compiled once per back-end (interp/CMakeLists.txt,
// gillab_add_vm): the target defines GILLAB_BACKEND_HEADER and
// GILLAB_BACKEND_TYPE, and everything here lives in an inline namespace named
// after the back-end, so two builds never share a symbol. This is the
// "template over the back-end, instantiated once per back-end" of DESIGN.md
// done by the build rather than by `template <class B>` on every runtime
// function: each executable holds exactly one instantiation either way, and
// the runtime reads as ordinary code.
#pragma once

#include <gillab/interp/backend.hpp>

#ifndef GILLAB_BACKEND_HEADER
#error "the runtime is built per back-end: GILLAB_BACKEND_HEADER must be defined"
#endif
#include GILLAB_BACKEND_HEADER

#define GILLAB_RUNTIME_NAMESPACE_BEGIN \
  namespace gillab::interp {           \
  inline namespace GILLAB_BACKEND_NAMESPACE {
#define GILLAB_RUNTIME_NAMESPACE_END \
  }                                  \
  }

GILLAB_RUNTIME_NAMESPACE_BEGIN
using backend = GILLAB_BACKEND_TYPE;
static_assert(vm_backend<backend>, "the back-end must answer every question of the seam");
GILLAB_RUNTIME_NAMESPACE_END
