# Results describe themselves (DESIGN.md): the gillab_build_info library
# carries the commit, compiler, flags and build type, regenerated at every
# build (the commit changes without a re-configure) but rewritten only when it
# changed, so it does not force relinks.
include_guard(GLOBAL)

string(TOUPPER "${CMAKE_BUILD_TYPE}" _gillab_bt)
set(GILLAB_CXX_FLAGS_EFFECTIVE "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${_gillab_bt}}")
if(GILLAB_SANITIZER)
  string(APPEND GILLAB_CXX_FLAGS_EFFECTIVE " -fsanitize=${GILLAB_SANITIZER}")
endif()
set(_gillab_info_cpp "${CMAKE_BINARY_DIR}/generated/build_info.cpp")
add_custom_target(gillab_build_info_gen
  BYPRODUCTS "${_gillab_info_cpp}"
  COMMAND "${CMAKE_COMMAND}"
    -DSOURCE_DIR=${CMAKE_SOURCE_DIR}
    -DOUTPUT=${_gillab_info_cpp}
    -DVERSION=${PROJECT_VERSION}
    "-DCOMPILER=${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}"
    "-DFLAGS=${GILLAB_CXX_FLAGS_EFFECTIVE}"
    -DBUILD_TYPE=${CMAKE_BUILD_TYPE}
    "-DBACKENDS=${GILLAB_BACKENDS}"
    -P "${CMAKE_CURRENT_LIST_DIR}/write_build_info.cmake"
  COMMENT "build info (commit, compiler, flags)"
  VERBATIM)
add_library(gillab_build_info STATIC "${_gillab_info_cpp}")
add_library(gillab::build_info ALIAS gillab_build_info)
add_dependencies(gillab_build_info gillab_build_info_gen)
target_include_directories(gillab_build_info PUBLIC "${CMAKE_CURRENT_LIST_DIR}/include")
target_compile_features(gillab_build_info PUBLIC cxx_std_20)
