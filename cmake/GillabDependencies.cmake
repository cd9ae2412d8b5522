# Every dependency comes from Debian's packages through find_package; a
# missing one stops configure with the package to install (scripts/setup.sh
# installs them all).
include_guard(GLOBAL)

function(gillab_require package debian_package)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR
      "gillab needs ${package}: install Debian's package '${debian_package}' "
      "(apt-get install -y ${debian_package}), or run scripts/setup.sh as root.")
  endif()
endfunction()

find_package(Threads REQUIRED)
# Boost 1.74 (Debian 12) ships CMake configs per component.
gillab_require(Boost "libboost-dev libboost-atomic-dev" CONFIG COMPONENTS headers atomic)
gillab_require(TBB libtbb-dev CONFIG)
if(GILLAB_BUILD_BENCH)
  gillab_require(benchmark libbenchmark-dev CONFIG)
endif()
if(GILLAB_BUILD_BENCH OR GILLAB_BIGINT STREQUAL "gmp")
  # GMP has no CMake package: found by header and library (the VM's int, and
  # the bigint benchmark that compares it with cpp_int).
  find_path(GMP_INCLUDE_DIR gmp.h)
  find_library(GMP_LIBRARY gmp)
  if(NOT GMP_INCLUDE_DIR OR NOT GMP_LIBRARY)
    message(FATAL_ERROR
      "gillab needs GMP: install Debian's package 'libgmp-dev' "
      "(apt-get install -y libgmp-dev), or run scripts/setup.sh as root.")
  endif()
  add_library(GMP::gmp UNKNOWN IMPORTED)
  set_target_properties(GMP::gmp PROPERTIES
    IMPORTED_LOCATION "${GMP_LIBRARY}" INTERFACE_INCLUDE_DIRECTORIES "${GMP_INCLUDE_DIR}")
endif()
if(GILLAB_BUILD_TESTS)
  gillab_require(Catch2 catch2 CONFIG)
  if(NOT Catch2_VERSION VERSION_LESS 3)
    message(FATAL_ERROR "gillab's tests are written for Catch2 v2 (Debian 12's 'catch2'); found ${Catch2_VERSION}")
  endif()
  # Debian ships Catch.cmake (catch_discover_tests) beside the package config.
  list(APPEND CMAKE_MODULE_PATH "${Catch2_DIR}")
  include(Catch)
endif()
