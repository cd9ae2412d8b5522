// stm_configs.hpp — algorithm x contention-manager pairs, named, for
// TEMPLATE_TEST_CASE (explicit type lists name the tests by type).
#pragma once

#include <gillab/stm/stm.hpp>

namespace gillab::test {

template <class A, class CM>
struct stm_config {
  using algorithm = A;
  using contention_manager = CM;
  template <class F>
  static auto atomically(F&& f) {
    return stm::atomically<A, CM>(std::forward<F>(f));
  }
};

using tl2_immediate = stm_config<stm::tl2, stm::immediate_retry>;
using tl2_backoff = stm_config<stm::tl2, stm::exponential_backoff>;
using tl2_serial_after = stm_config<stm::tl2, stm::serial_after<4>>;
using norec_immediate = stm_config<stm::norec, stm::immediate_retry>;
using norec_backoff = stm_config<stm::norec, stm::exponential_backoff>;
using norec_serial_after = stm_config<stm::norec, stm::serial_after<4>>;
using etl_immediate = stm_config<stm::etl, stm::immediate_retry>;
using etl_backoff = stm_config<stm::etl, stm::exponential_backoff>;
using etl_serial_after = stm_config<stm::etl, stm::serial_after<4>>;

}  // namespace gillab::test

#define GILLAB_STM_ALL_CONFIGS                                                                     \
  gillab::test::tl2_immediate, gillab::test::tl2_backoff, gillab::test::tl2_serial_after,          \
      gillab::test::norec_immediate, gillab::test::norec_backoff, gillab::test::norec_serial_after, \
      gillab::test::etl_immediate, gillab::test::etl_backoff, gillab::test::etl_serial_after
