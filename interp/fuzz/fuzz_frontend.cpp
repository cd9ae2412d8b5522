// fuzz_frontend.cpp — libFuzzer target for the front end (seeds: the golden
// programs, tests/golden/programs; commands in interp/CMakeLists.txt): any byte string
// must tokenize, parse and compile, or fail with a syntax_error; never crash,
// hang, overflow the stack or trip a sanitizer. The driver's own checks (NUL
// bytes, UTF-8) are applied first, as pyvm does, since the lexer assumes
// valid UTF-8.
#include <gillab/interp/compiler.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

bool valid_utf8_without_nul(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) return false;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0xC0) != 0x80) return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  if (!valid_utf8_without_nul(source)) return 0;
  try {
    (void)gillab::interp::compile_source(source, "<fuzz>");
  } catch (const gillab::interp::syntax_error&) {
    // The expected outcome for most inputs.
  }
  return 0;
}
