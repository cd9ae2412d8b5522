// Tokenizer: INDENT/DEDENT, line joining, literals, and CPython's errors.
#include <gillab/interp/lexer.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace gillab::interp;

namespace {

// "NAME:x OP:= NUMBER:1 NEWLINE" style rendering of the token kinds.
std::string kinds(std::string_view src) {
  std::string out;
  for (const token& t : tokenize(src)) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case tok::end: out += "END"; break;
      case tok::newline: out += "NL"; break;
      case tok::indent: out += "IN"; break;
      case tok::dedent: out += "DE"; break;
      case tok::name: out += "N:" + t.text; break;
      case tok::number: out += "#:" + t.text; break;
      case tok::string: out += std::string(t.is_bytes ? "B:" : "S:") + t.text; break;
      case tok::op: out += t.text; break;
    }
  }
  return out;
}

syntax_error error_of(std::string_view src) {
  try {
    tokenize(src);
  } catch (const syntax_error& e) {
    return e;
  }
  FAIL("no syntax error for: " << src);
  throw;
}

}  // namespace

TEST_CASE("indentation produces INDENT and DEDENT", "[interp][lexer]") {
  CHECK(kinds("if x:\n  y\nz\n") == "N:if N:x : NL IN N:y NL DE N:z NL END");
  CHECK(kinds("if a:\n    if b:\n        c\nd") == "N:if N:a : NL IN N:if N:b : NL IN N:c NL DE DE N:d NL END");
  // Blank lines and comment-only lines do not affect indentation.
  CHECK(kinds("if a:\n\n   # c\n  b\n") == "N:if N:a : NL IN N:b NL DE END");
  // Tabs alone, consistently, indent as well as spaces do.
  CHECK(kinds("if a:\n\tb\n\tc\n") == "N:if N:a : NL IN N:b NL N:c NL DE END");
  // A tab and eight spaces reach the same column, but CPython rejects the
  // mix: it also compares the lines counting a tab as one column.
  const auto e = error_of("if a:\n\tb\n        c\n");
  CHECK(e.what_kind == syntax_error::kind::tab);
  CHECK(e.msg == "inconsistent use of tabs and spaces in indentation");
}

TEST_CASE("line joining: brackets and backslash", "[interp][lexer]") {
  CHECK(kinds("x = (1,\n     2)\n") == "N:x = ( #:1 , #:2 ) NL END");
  CHECK(kinds("x = 1 + \\\n    2\n") == "N:x = #:1 + #:2 NL END");
  CHECK(kinds("x = [\n  1,\n]  # end\n") == "N:x = [ #:1 , ] NL END");
}

TEST_CASE("numeric literals in every base, with underscores", "[interp][lexer]") {
  CHECK(kinds("0x_FF 0o17 0b1010 1_000 1.5e-3 .5 5. 1E10 0") ==
        "#:0x_FF #:0o17 #:0b1010 #:1_000 #:1.5e-3 #:.5 #:5. #:1E10 #:0 NL END");
  CHECK(error_of("x = 012").msg ==
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
  CHECK(error_of("x = 1__0").msg == "invalid decimal literal");
  CHECK(error_of("x = 0b102").msg == "invalid digit '2' in binary literal");
  CHECK(error_of("x = 1abc").msg == "invalid decimal literal");
  CHECK(error_of("x = 1j").what_kind == syntax_error::kind::not_implemented);
}

TEST_CASE("string literals: quotes, prefixes, escapes", "[interp][lexer]") {
  CHECK(kinds(R"('a' "b" '''c
d''' r'\n' b'\x41\n')") == "S:a S:b S:c\nd S:\\n B:A\n NL END");
  CHECK(tokenize(R"('\u00e9\t\x41\101\\')").at(0).text == "\xC3\xA9\tAA\\");
  CHECK(tokenize(R"('\U0001F600')").at(0).text == "\xF0\x9F\x98\x80");
  const auto f = tokenize("f'{x}'");
  CHECK(f.at(0).is_fstring);
  CHECK(f.at(0).text == "{x}");
  CHECK(tokenize("'a\\\nb'").at(0).text == "ab");  // backslash-newline inside a string
}

TEST_CASE("CPython's tokenizer errors, word for word", "[interp][lexer]") {
  auto e = error_of("s = \"abc\n");
  CHECK(e.msg == "unterminated string literal (detected at line 1)");
  CHECK(e.line == 1);
  CHECK(e.column == 5);
  // CPython counts the last line with text: a final newline opens no line.
  CHECK(error_of("s = '''abc\n\n").msg == "unterminated triple-quoted string literal (detected at line 2)");
  CHECK(error_of("s = '''abc\nxyz").msg == "unterminated triple-quoted string literal (detected at line 2)");
  e = error_of("x = (1,\n2\n");
  CHECK(e.msg == "'(' was never closed");
  CHECK(e.column == 5);
  CHECK(error_of("x = (1]").msg == "closing parenthesis ']' does not match opening parenthesis '('");
  CHECK(error_of("x = 1)").msg == "unmatched ')'");
  e = error_of("x = 3 \xE2\x82\xAC\n");
  CHECK(e.msg == "invalid character '\xE2\x82\xAC' (U+20AC)");
  CHECK(e.column == 7);
  e = error_of("if 1:\n  x=1\n y=2\n");
  CHECK(e.what_kind == syntax_error::kind::indentation);
  CHECK(e.msg == "unindent does not match any outer indentation level");
  CHECK(error_of(std::string(201, '(')).msg == "too many nested parentheses");
  CHECK(error_of("b'\xC3\xA9'").msg == "bytes can only contain ASCII literal characters");
}

TEST_CASE("columns count code points, not bytes", "[interp][lexer]") {
  const auto toks = tokenize("\xC3\xA9t\xC3\xA9 = 'x'\n");
  REQUIRE(toks.at(0).kind == tok::name);
  CHECK(toks.at(0).text == "\xC3\xA9t\xC3\xA9");
  CHECK(toks.at(1).column == 5);  // "été " is 4 code points
}
