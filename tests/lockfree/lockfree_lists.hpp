// lockfree_lists.hpp — the reclamation schemes as macro lists (Catch2 v2's
// TEMPLATE_TEST_CASE names each test after its type), and the helpers a test
// thread calls to behave as the schemes expect of an application.
#pragma once

#include <gillab/locks/mpmc_queue.hpp>
#include <gillab/locks/mpsc_queue.hpp>
#include <gillab/locks/ms_queue.hpp>
#include <gillab/locks/reclaim/epoch.hpp>
#include <gillab/locks/reclaim/hazard_pointers.hpp>
#include <gillab/locks/reclaim/leak.hpp>
#include <gillab/locks/reclaim/qsbr.hpp>
#include <gillab/locks/treiber_stack.hpp>

#define GILLAB_RECLAIMERS                                                                        \
  gillab::locks::reclaim::epoch, gillab::locks::reclaim::hazard_pointers,                        \
      gillab::locks::reclaim::qsbr, gillab::locks::reclaim::leak

namespace gillab::test {

/// Between two operations: the thread holds no reference (QSBR's
/// announcement; a no-op for the other schemes).
template <class R>
void between_operations() {
  R::quiescent_state();
}

/// Before the thread blocks or stops using the domain (joins, waits): QSBR
/// goes offline so it does not hold back the others.
template <class R>
void leave_domain() {
  if constexpr (requires { R::offline(); }) R::offline();
}

}  // namespace gillab::test
