// lock_lists.hpp — the lock types as macro lists, so Catch2 v2's
// TEMPLATE_TEST_CASE names each generated test after its type (the
// TEMPLATE_LIST form would name them by index only).
#pragma once

#include <gillab/locks/locks.hpp>

#define GILLAB_ALL_LOCKS                                                                         \
  gillab::locks::tas_lock, gillab::locks::ttas_lock, gillab::locks::ticket_lock,                 \
      gillab::locks::mcs_lock, gillab::locks::clh_lock, gillab::locks::futex_mutex,              \
      gillab::locks::adaptive_mutex, gillab::locks::rw_lock, gillab::locks::parking_mutex
#define GILLAB_FIFO_LOCKS gillab::locks::ticket_lock, gillab::locks::mcs_lock, gillab::locks::clh_lock
#define GILLAB_BLOCKING_LOCKS                                                                    \
  gillab::locks::futex_mutex, gillab::locks::adaptive_mutex, gillab::locks::rw_lock,             \
      gillab::locks::parking_mutex
