// compiler.hpp — from the AST to code units, with Python's scoping.
//
// Two passes, as CPython's Python/symtable.c and Python/compile.c: a symbol
// table pass decides for every name in every scope whether it is local,
// global (explicit or implicit), a cell (a local captured by an inner
// function) or free (captured from an enclosing function); code generation
// then emits LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME accordingly.
// Comprehensions and lambdas are their own function scopes; class bodies are
// not enclosing scopes for the functions inside them.
//
// Exceptions compile to CPython 3.11's zero-cost scheme: no setup
// instructions, an exception table of (start, end, handler, stack depth)
// ranges; `finally` bodies are emitted once for the normal path and once in
// the handler, and break/continue/return run the enclosing finally bodies
// inline before they jump.
//
// What the VM does not support yet is rejected here with a NotImplementedError
// naming the construct (class definitions, with, yield, import, ... until the
// issues that bring them).
#pragma once

#include <gillab/interp/ast.hpp>
#include <gillab/interp/bytecode.hpp>
#include <gillab/interp/syntax_error.hpp>

#include <memory>
#include <string>

namespace gillab::interp {

/// Compiles a parsed module. Throws syntax_error (symbol-table errors such as
/// "'return' outside function" are SyntaxErrors in CPython too).
std::shared_ptr<const code_unit> compile_module(const ast::module& m, const std::string& filename);

/// Tokenizes, parses and compiles `source`.
std::shared_ptr<const code_unit> compile_source(std::string_view source, const std::string& filename);

}  // namespace gillab::interp
