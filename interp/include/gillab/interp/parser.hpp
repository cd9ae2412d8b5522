// parser.hpp — recursive-descent parser for gillab's Python 3 subset.
//
// Follows the structure and precedence of CPython 3.11's Grammar/python.gram
// for what it accepts; what it rejects, it rejects with CPython's message
// where CPython has a specific one (expected ':', unexpected indent, cannot
// assign to ..., Missing parentheses in call to 'print', ...) and "invalid
// syntax" at the offending token otherwise. Constructs the VM does not run
// (async, match, class patterns, ...) fail with a NotImplementedError naming
// them, never a crash.
//
// Invariants: recursion depth is bounded (max_depth, as CPython's parser
// bounds its stack: "too many nested parentheses" comes from the tokenizer
// first), so no input overflows the C stack.
#pragma once

#include <gillab/interp/ast.hpp>
#include <gillab/interp/lexer.hpp>

#include <memory>
#include <string_view>

namespace gillab::interp {

/// Parses a whole file. Throws syntax_error.
std::unique_ptr<ast::module> parse(std::string_view source);

/// A compact s-expression rendering of the tree, for tests and --ast.
std::string dump(const ast::module& m);

}  // namespace gillab::interp
