// Compiler: scoping decisions, exception tables, stack depth, and the
// symbol-table errors CPython reports as SyntaxError.
#include <gillab/interp/compiler.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace gillab::interp;

namespace {

std::shared_ptr<const code_unit> nested(const code_unit& c, const std::string& name) {
  for (const constant& k : c.constants) {
    if (const auto* inner = std::get_if<std::shared_ptr<const code_unit>>(&k)) {
      if ((*inner)->name == name) return *inner;
    }
  }
  return nullptr;
}

bool uses(const code_unit& c, opcode op, std::uint32_t arg) {
  return std::any_of(c.code.begin(), c.code.end(), [&](instruction i) { return op_of(i) == op && arg_of(i) == arg; });
}
bool uses(const code_unit& c, opcode op) {
  return std::any_of(c.code.begin(), c.code.end(), [&](instruction i) { return op_of(i) == op; });
}

std::string error_of(std::string_view src) {
  try {
    compile_source(src, "t.py");
  } catch (const syntax_error& e) {
    return e.msg;
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("names bind as local, global, cell and free", "[interp][compiler]") {
  auto m = compile_source(
      "g = 1\n"
      "def f(a):\n"
      "    b = a\n"
      "    def h():\n"
      "        return a + b + g\n"
      "    return h\n",
      "t.py");
  REQUIRE(m->flags & cf_module);
  CHECK(uses(*m, opcode::STORE_GLOBAL));  // module names are globals
  auto f = nested(*m, "f");
  REQUIRE(f);
  CHECK(f->argcount == 1);
  CHECK(f->cellvars == std::vector<std::string>{"a", "b"});
  CHECK(f->cell_of_arg == std::vector<int>{0, -1});  // `a` starts from parameter 0
  auto h = nested(*f, "h");
  REQUIRE(h);
  CHECK(h->freevars == std::vector<std::string>{"a", "b"});
  CHECK(h->qualname == "f.<locals>.h");
  CHECK(uses(*h, opcode::LOAD_DEREF, 0));
  CHECK(uses(*h, opcode::LOAD_GLOBAL));
}

TEST_CASE("assignment anywhere in a function makes the name local", "[interp][compiler]") {
  auto m = compile_source("x = 1\ndef f():\n    print(x)\n    x = 2\n", "t.py");
  auto f = nested(*m, "f");
  REQUIRE(f);
  CHECK(std::find(f->varnames.begin(), f->varnames.end(), "x") != f->varnames.end());
  CHECK(uses(*f, opcode::LOAD_FAST, 0));  // so the first use raises UnboundLocalError
}

TEST_CASE("comprehensions are their own scope; the first iterable is outside", "[interp][compiler]") {
  auto m = compile_source("def f(n):\n    return [x * n for x in range(n)]\n", "t.py");
  auto f = nested(*m, "f");
  REQUIRE(f);
  auto comp = nested(*f, "<listcomp>");
  REQUIRE(comp);
  CHECK(comp->varnames.front() == ".0");
  CHECK(comp->freevars == std::vector<std::string>{"n"});
  CHECK(std::find(f->varnames.begin(), f->varnames.end(), "x") == f->varnames.end());
}

TEST_CASE("try/except/finally compiles to an exception table with stack depths", "[interp][compiler]") {
  auto m = compile_source(
      "for i in r:\n"
      "    try:\n"
      "        f()\n"
      "    except E as e:\n"
      "        break\n"
      "    finally:\n"
      "        g()\n",
      "t.py");
  REQUIRE_FALSE(m->exception_table.empty());
  // Inside the loop the iterator is on the stack: handlers unwind to depth 1 or more.
  for (const exception_entry& e : m->exception_table) {
    CHECK(e.depth >= 1);
    CHECK(e.start < e.end);
    CHECK(e.target < m->code.size());
  }
  CHECK(uses(*m, opcode::PUSH_EXC_INFO));
  CHECK(uses(*m, opcode::CHECK_EXC_MATCH));
  CHECK(m->max_stack >= 3);
}

TEST_CASE("handler depths survive nested code units compiled in between", "[interp][compiler]") {
  // Regression: depths were keyed by the unit's address, which moves when
  // compiling a nested function grows the unit stack.
  auto m = compile_source(
      "try:\n"
      "    def f():\n"
      "        def g():\n"
      "            pass\n"
      "    x = 1 / 0\n"
      "except ZeroDivisionError as e:\n"
      "    pass\n",
      "t.py");
  bool saw_cleanup_depth = false;
  for (const exception_entry& e : m->exception_table) saw_cleanup_depth |= e.depth == 1;
  CHECK(saw_cleanup_depth);  // the except body's cleanup handler keeps the previous exception
}

TEST_CASE("symbol-table errors are CPython's SyntaxErrors", "[interp][compiler]") {
  CHECK(error_of("return 1\n") == "'return' outside function");
  CHECK(error_of("break\n") == "'break' outside loop");
  CHECK(error_of("def f():\n    continue\n") == "'continue' not properly in loop");
  CHECK(error_of("nonlocal x\n") == "nonlocal declaration not allowed at module level");
  CHECK(error_of("def f():\n    nonlocal x\n") == "no binding for nonlocal 'x' found");
  CHECK(error_of("def f():\n    x = 1\n    global x\n") == "name 'x' is assigned to prior to global declaration");
  CHECK(error_of("x = yield 1\n") == "'yield' outside function");
  CHECK(error_of("await x\n") == "'await' outside function");
  CHECK(error_of("def f():\n    await x\n") == "'await' outside async function");
  CHECK(error_of("def f():\n    async for x in y: pass\n") == "'async for' outside async function");
  CHECK(error_of("def f():\n    async with y: pass\n") == "'async with' outside async function");
  CHECK(error_of("async def f():\n    yield 1\n") ==
        "an asynchronous generator ('yield' inside 'async def') is not supported by gillab");
  CHECK(error_of("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n") == "default 'except:' must be last");
}

TEST_CASE("the disassembler names every operand", "[interp][compiler]") {
  auto m = compile_source("x = [1, 'a']\nprint(x[0])\n", "t.py");
  const std::string text = disassemble(*m);
  CHECK(text.find("LOAD_CONST            0 (1)") != std::string::npos);
  CHECK(text.find("STORE_GLOBAL          0 (x)") != std::string::npos);
  CHECK(text.find("BINARY_SUBSCR") != std::string::npos);
}

TEST_CASE("a subscript of a local reads the container from the frame", "[interp][compiler]") {
  // x[key] with x a fast local: [CHECK_FAST x] key BINARY_SUBSCR_LOCAL x.
  auto m = compile_source("def f(x, n):\n    return x[n & 7]\n", "t.py");
  auto f = nested(*m, "f");
  REQUIRE(f);
  CHECK(uses(*f, opcode::CHECK_FAST, 0));
  CHECK(uses(*f, opcode::BINARY_SUBSCR_LOCAL, 0));
  CHECK_FALSE(uses(*f, opcode::BINARY_SUBSCR));
  CHECK_FALSE(uses(*f, opcode::LOAD_FAST, 0));  // x is never pushed
  // A constant key runs nothing before the read: no check.
  auto c = nested(*compile_source("def f(x):\n    return x['k']\n", "t.py"), "f");
  REQUIRE(c);
  CHECK(uses(*c, opcode::BINARY_SUBSCR_LOCAL, 0));
  CHECK_FALSE(uses(*c, opcode::CHECK_FAST));
  // The general form: a key with a walrus (it could rebind x), a global or
  // cell container, a class body.
  for (const char* src : {"def f(x):\n    return x[(x := [5])[0]]\n", "def f(x):\n    return x[[(y := 1) for _ in x][0]]\n",
                          "g = [1]\ndef f(n):\n    return g[n]\n",
                          "def f(x, n):\n    def h():\n        return x\n    return x[n]\n"}) {
    auto n = nested(*compile_source(src, "t.py"), "f");
    REQUIRE(n);
    CAPTURE(src);
    CHECK(uses(*n, opcode::BINARY_SUBSCR));
    CHECK_FALSE(uses(*n, opcode::BINARY_SUBSCR_LOCAL));
  }
  auto k = compile_source("class C:\n    x = [1]\n    y = x[0]\n", "t.py");
  auto body = nested(*k, "C");
  REQUIRE(body);
  CHECK(uses(*body, opcode::BINARY_SUBSCR));
  CHECK_FALSE(uses(*body, opcode::BINARY_SUBSCR_LOCAL));
}

TEST_CASE("a binary operator on two locals borrows both operands", "[interp][compiler]") {
  // Fused: both operands one LOAD_FAST each, right before the operator.
  auto m = compile_source("def f(a, b):\n    return a - b\n", "t.py");
  auto f = nested(*m, "f");
  REQUIRE(f);
  CHECK(uses(*f, opcode::LOAD_FAST_BORROW, 0));
  CHECK(uses(*f, opcode::LOAD_FAST_BORROW_2, 1));
  CHECK(uses(*f, opcode::BINARY_OP, static_cast<std::uint32_t>(ast::binop::sub) | binop_borrowed));
  CHECK_FALSE(uses(*f, opcode::LOAD_FAST));
  // Not fused: a global operand, an expression operand, a cell variable.
  for (const char* src : {"g = 1\ndef f(a):\n    return a - g\n", "def f(a, b):\n    return a - (b + 1)\n",
                          "def f(a, b):\n    def h():\n        return a\n    return a - b\n"}) {
    auto n = nested(*compile_source(src, "t.py"), "f");
    REQUIRE(n);
    CAPTURE(src);
    CHECK_FALSE(uses(*n, opcode::BINARY_OP, static_cast<std::uint32_t>(ast::binop::sub) | binop_borrowed));
    CHECK_FALSE(uses(*n, opcode::LOAD_FAST_BORROW_2));
  }
}
