// Parser: precedence, statements, targets, and CPython's syntax errors.
#include <gillab/interp/parser.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace gillab::interp;

namespace {

std::string tree(std::string_view src) { return dump(*parse(src)); }

syntax_error error_of(std::string_view src) {
  try {
    parse(src);
  } catch (const syntax_error& e) {
    return e;
  }
  FAIL("no syntax error for: " << src);
  throw;
}

}  // namespace

TEST_CASE("operator precedence and associativity follow Python", "[interp][parser]") {
  CHECK(tree("-2 ** 2") == "(neg (** 2 2))\n");
  CHECK(tree("2 ** 3 ** 2") == "(** 2 (** 3 2))\n");
  CHECK(tree("2 ** -1") == "(** 2 (neg 1))\n");
  // await binds tighter than ** and unary minus, looser than attribute access and calls.
  CHECK(tree("await a.b(1) ** 2") == "(** (await (call (. a b) 1)) 2)\n");
  CHECK(tree("-await x") == "(neg (await x))\n");
  CHECK(tree("1 + 2 * 3 - 4") == "(- (+ 1 (* 2 3)) 4)\n");
  CHECK(tree("a | b ^ c & d << 1") == "(| a (^ b (& c (<< d 1))))\n");
  CHECK(tree("not a == b") == "(not (cmp a == b))\n");
  CHECK(tree("a and b or not c") == "(or (and a b) (not c))\n");
  CHECK(tree("x if a else y if b else z") == "(if a x (if b y z))\n");
  CHECK(tree("a < b <= c != d") == "(cmp a < b <= c != d)\n");
  CHECK(tree("a not in b is not c") == "(cmp a not in b is not c)\n");
  CHECK(tree("f(x)[1].y") == "(. ([] (call f x) 1) y)\n");
}

TEST_CASE("assignments, unpacking and targets", "[interp][parser]") {
  CHECK(tree("a = b = 1") == "(= a b 1)\n");
  CHECK(tree("a, *b = c") == "(= (tuple a *b) c)\n");
  CHECK(tree("x[1:2, ::3] = y") == "(= ([] x (tuple (: 1 2 _) (: _ _ 3))) y)\n");
  CHECK(tree("x += 1") == "(+= x 1)\n");
  CHECK(tree("t = 1,") == "(= t (tuple 1))\n");
  CHECK(error_of("f() = 1").msg == "cannot assign to function call here. Maybe you meant '==' instead of '='?");
  CHECK(error_of("1 = x").msg == "cannot assign to literal here. Maybe you meant '==' instead of '='?");
  CHECK(error_of("a + 1 = 2").msg == "cannot assign to expression");
  CHECK(error_of("del f()").msg == "cannot delete function call");
  CHECK(error_of("f() += 1").msg == "'function call' is an illegal expression for augmented assignment");
  CHECK(error_of("*a = 1").msg == "starred assignment target must be in a list or tuple");
  CHECK(error_of("a, *b, *c = d").msg == "multiple starred expressions in assignment");
}

TEST_CASE("compound statements and blocks", "[interp][parser]") {
  CHECK(tree("if a:\n  b\nelif c:\n  d\nelse:\n  e\n") ==
        "(if a\n  b\nelse\n  (if c\n    d\n  else\n    e\n");
  CHECK(tree("for i in r:\n  pass\nelse:\n  x\n") == "(for i in r\n  (pass)\nelse\n  x\n");
  CHECK(tree("while 1: break") == "(while 1\n  (break)\n");
  CHECK(tree("def f(a, b=1, *c, d, e=2, **g): return a") == "(def f\n  (return a)\n");
  CHECK(tree("try:\n x\nexcept E as e:\n y\nfinally:\n z\n") ==
        "(try\n  x\nexcept E as e\n  y\nfinally\n  z\n");
  CHECK(tree("with a as b, c: pass") == "(with a as b c\n  (pass)\n");
  CHECK(tree("from ..m import (a, b as c)") == "(from ..m import a b as c)\n");
}

TEST_CASE("displays, comprehensions, lambdas and f-strings", "[interp][parser]") {
  CHECK(tree("{1: 2, **d}") == "(dict 1:2 _:d)\n");
  CHECK(tree("{1, *s}") == "(set 1 *s)\n");
  CHECK(tree("[x for x in y if x]") == "(listcomp x for x in y if x)\n");
  CHECK(tree("{k: v for k, v in d}") == "(dictcomp k:v for (tuple k v) in d)\n");
  CHECK(tree("f(x for x in y)") == "(call f (genexp x for x in y))\n");
  CHECK(tree("lambda a, b=1: a") == "(lambda a)\n");
  CHECK(tree("f'{x!r:>{w}} {y=}'") == "(f {x!r:(f '>' {w})} ' y=' {y!r})\n");
  CHECK(tree("'a' 'b'") == "'ab'\n");
  // Found by the fuzzer: a literal part holding the other quote, tripled.
  CHECK(tree("f\"\"\"a'''b{x}\\n\"\"\"") == "(f 'a\'\'\'b' {x} '\n')\n");
  CHECK(error_of("'a' b'b'").msg == "cannot mix bytes and nonbytes literals");
  CHECK(error_of("f(x for x in y, 1)").msg == "Generator expression must be parenthesized");
}

TEST_CASE("CPython's parser errors, word for word", "[interp][parser]") {
  auto e = error_of("if x\n  pass\n");
  CHECK(e.msg == "expected ':'");
  CHECK(e.column == 5);
  e = error_of("if x:\npass\n");
  CHECK(e.what_kind == syntax_error::kind::indentation);
  CHECK(e.msg == "expected an indented block after 'if' statement on line 1");
  e = error_of("  x = 1\n");
  CHECK(e.msg == "unexpected indent");
  CHECK(e.what_kind == syntax_error::kind::indentation);
  CHECK(error_of("print 'hi'").msg == "Missing parentheses in call to 'print'. Did you mean print(...)?");
  e = error_of("x = 1 +\n");
  CHECK(e.msg == "invalid syntax");
  CHECK(e.column == 8);
  CHECK(error_of("def f(a=1, b): pass").msg == "non-default argument follows default argument");
  CHECK(error_of("def f(a, a): pass").msg == "duplicate argument 'a' in function definition");
  CHECK(error_of("f(a=1, b)").msg == "positional argument follows keyword argument");
  CHECK_NOTHROW(parse("async def f():\n    async with a as b:\n        async for x in b:\n            await x\n"));
  CHECK(error_of("async def f(): return [x async for x in y]").what_kind == syntax_error::kind::not_implemented);
  CHECK(error_of("async x = 1").msg == "invalid syntax");
}

TEST_CASE("deep nesting is a clear error, not a stack overflow", "[interp][parser]") {
  CHECK_NOTHROW(parse(std::string(150, '(') + std::string(150, ')')));
  CHECK(error_of(std::string(500, '(')).msg == "too many nested parentheses");
  const auto e = error_of(std::string(5000, '-') + "1");
  CHECK(e.what_kind == syntax_error::kind::recursion);
}
