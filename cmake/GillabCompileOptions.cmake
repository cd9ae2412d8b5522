# Warnings per target (gillab_target_defaults); sanitizers for the whole build,
# since an uninstrumented piece hides races and overflows from the others.
include_guard(GLOBAL)

add_library(gillab_options INTERFACE)
add_library(gillab::options ALIAS gillab_options)
target_compile_options(gillab_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)

if(GILLAB_SANITIZER STREQUAL "thread")
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
  add_compile_definitions(GILLAB_SANITIZER_THREAD=1)
elseif(GILLAB_SANITIZER STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  add_compile_definitions(GILLAB_SANITIZER_ADDRESS=1)
elseif(NOT GILLAB_SANITIZER STREQUAL "")
  message(FATAL_ERROR "GILLAB_SANITIZER must be '', 'thread' or 'address', not '${GILLAB_SANITIZER}'")
endif()

function(gillab_target_defaults target)
  target_link_libraries(${target} PRIVATE gillab::options)
endfunction()
