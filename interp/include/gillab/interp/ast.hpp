// ast.hpp — the abstract syntax tree the parser builds and the compiler reads.
//
// Shaped after CPython's Python.asdl for what gillab supports, with one
// struct for expressions and one for statements (a kind tag plus the fields
// the kinds use, documented per kind) rather than a class per node: the
// compiler switches on the kind, and the arena owns every node.
//
// Invariants: every node carries the 1-based line and column span of its
// source text (tracebacks and error carets use them); nodes are owned by the
// `module` arena and live exactly as long as it.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace gillab::interp::ast {

enum class binop : unsigned char { add, sub, mul, matmul, div, floordiv, mod, pow, lshift, rshift, bitor_, bitxor, bitand_ };
enum class unaryop : unsigned char { neg, pos, invert, not_ };
enum class cmpop : unsigned char { eq, ne, lt, le, gt, ge, is, is_not, in, not_in };
enum class ctx : unsigned char { load, store, del };

const char* to_string(binop op);
const char* to_string(cmpop op);

struct expr;
struct stmt;
struct arguments;

struct span {
  int line = 0, column = 0, end_line = 0, end_column = 0;
};

struct keyword {
  std::string name;  // empty for **mapping
  expr* value = nullptr;
  span where;
};

struct comprehension {
  expr* target = nullptr;
  expr* iter = nullptr;
  std::vector<expr*> ifs;
};

enum class expr_kind : unsigned char {
  name,          // s = identifier, context
  int_const,     // s = literal text as written (any base, '_' allowed)
  float_const,   // number = value
  str_const,     // s = value (UTF-8)
  bytes_const,   // s = value (bytes)
  none_const, true_const, false_const, ellipsis_const,
  fstring,       // items = parts: str_const or formatted
  formatted,     // a = value, conversion ('r','s','a' or 0), b = format spec (fstring) or null
  binop,         // a op b (op = binop)
  unaryop,       // op a (op = unaryop)
  boolop,        // items joined by `and` (flag = false) or `or` (flag = true)
  compare,       // a, then cmpops[i] items[i]
  call,          // a(items..., keywords...)
  attribute,     // a.s
  subscript,     // a[b]
  slice,         // a:b:c, any may be null
  list, tuple, set,  // items
  dict,          // keys[i]: values[i]; a null key means **values[i]
  list_comp, set_comp, gen_exp,  // a = element, generators
  dict_comp,     // a: b, generators
  lambda,        // args, a = body
  if_exp,        // b if a else c
  starred,       // *a
  named,         // a := b (a is a name)
  yield,         // yield a (a may be null)
  yield_from,    // yield from a
  await_,        // await a
};

struct expr {
  expr_kind kind = expr_kind::name;
  span where;
  ctx context = ctx::load;
  unsigned char op = 0;
  bool flag = false;
  char conversion = 0;
  bool parenthesized = false;  // written inside (...): "(a) = 1" is fine, "(yield)" etc.
  double number = 0;
  std::string s;
  expr* a = nullptr;
  expr* b = nullptr;
  expr* c = nullptr;
  std::vector<expr*> items;
  std::vector<expr*> keys;
  std::vector<expr*> values;
  std::vector<cmpop> cmpops;
  std::vector<keyword> keywords;
  std::vector<comprehension> generators;
  arguments* args = nullptr;
};

struct arg {
  std::string name;
  expr* annotation = nullptr;
  span where;
};

struct arguments {
  std::vector<arg> posonly;
  std::vector<arg> args;
  std::vector<expr*> defaults;       // for the last len(defaults) of posonly+args
  arg* vararg = nullptr;             // *args
  std::vector<arg> kwonly;
  std::vector<expr*> kw_defaults;    // parallel to kwonly; null = required
  arg* kwarg = nullptr;              // **kwargs
  std::vector<std::unique_ptr<arg>> owned;
};

struct except_handler {
  expr* type = nullptr;  // null: bare except
  std::string name;      // `as` name or empty
  std::vector<stmt*> body;
  span where;
};

struct with_item {
  expr* context = nullptr;
  expr* target = nullptr;
};

struct alias {
  std::string name;    // dotted name
  std::string asname;  // may be empty
  span where;
};

enum class stmt_kind : unsigned char {
  expr,        // value
  assign,      // targets = value (chained: a = b = value)
  aug_assign,  // target op= value
  ann_assign,  // target: annotation [= value]; simple = plain name not in parens
  if_, while_, for_,  // if test: body else orelse; while test; for target in iter
  break_, continue_, pass, return_,  // return value (may be null)
  function_def,  // name, args, body, decorators, returns (is_async: a coroutine)
  class_def,     // name, bases (call_args), keywords, body, decorators
  del,         // targets
  global, nonlocal,  // names
  assert_,     // test, msg
  raise,       // exc, cause
  try_,        // body, handlers, orelse, finalbody
  with,        // items, body
  import,      // aliases
  import_from, // module, aliases, level
};

struct stmt {
  stmt_kind kind = stmt_kind::pass;
  span where;
  unsigned char op = 0;
  bool simple = false;
  bool is_async = false;  // async def / async for / async with
  int level = 0;
  std::string name;
  expr* value = nullptr;
  expr* target = nullptr;
  expr* test = nullptr;
  expr* iter = nullptr;
  expr* msg = nullptr;
  expr* annotation = nullptr;
  expr* returns = nullptr;
  std::vector<expr*> targets;
  std::vector<expr*> decorators;
  std::vector<expr*> bases;
  std::vector<keyword> keywords;
  std::vector<stmt*> body;
  std::vector<stmt*> orelse;
  std::vector<stmt*> finalbody;
  std::vector<except_handler> handlers;
  std::vector<with_item> items;
  std::vector<alias> aliases;
  std::vector<std::string> names;
  arguments* args = nullptr;
};

/// A parsed file: its statements and the arena that owns every node.
struct module {
  std::vector<stmt*> body;

  expr* new_expr(expr_kind k, span where) {
    expr& e = exprs_.emplace_back();
    e.kind = k;
    e.where = where;
    return &e;
  }
  stmt* new_stmt(stmt_kind k, span where) {
    stmt& s = stmts_.emplace_back();
    s.kind = k;
    s.where = where;
    return &s;
  }
  arguments* new_arguments() {
    args_.emplace_back();
    return &args_.back();
  }

 private:
  std::deque<expr> exprs_;  // deque: stable addresses as it grows
  std::deque<stmt> stmts_;
  std::deque<arguments> args_;
};

}  // namespace gillab::interp::ast
