// symtable.hpp — the compiler's first pass: scopes and how each name binds.
// Private to the front end; see compiler.hpp for the rules it follows.
#pragma once

#include <gillab/interp/ast.hpp>
#include <gillab/interp/syntax_error.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace gillab::interp::symtable {

enum class scope_kind { module, function, class_body, comprehension };
enum class binding { local, global_explicit, global_implicit, free, cell };

enum symbol_flags : unsigned {
  def_local = 1,     // assigned, deleted, imported, or a def/class name
  def_param = 2,
  def_global = 4,    // `global x`
  def_nonlocal = 8,  // `nonlocal x`, or a walrus target inside a comprehension
  use = 16,
};

struct scope {
  scope_kind kind = scope_kind::module;
  std::string name;
  // The class whose private names (__x) are mangled in this scope: the
  // innermost enclosing class body, itself included ("" outside classes).
  std::string private_name;
  const void* node = nullptr;  // the stmt or expr that opened it
  scope* parent = nullptr;
  std::vector<std::unique_ptr<scope>> children;
  std::map<std::string, unsigned> symbols;
  std::map<std::string, ast::span> declared_at;  // global/nonlocal statements, for errors
  std::vector<std::string> params;        // in order
  std::vector<std::string> local_order;   // first binding order, for varnames
  std::map<std::string, binding> resolved;
  std::vector<std::string> cellvars;      // sorted, as CPython
  std::vector<std::string> freevars;      // sorted
  bool is_generator = false;
  bool is_coroutine = false;  // async def

  [[nodiscard]] binding lookup(const std::string& n) const {
    auto it = resolved.find(n);
    return it == resolved.end() ? binding::global_implicit : it->second;
  }
};

/// mangle_private_name (gillab/interp/names.hpp) for this scope's class:
/// applied to every name a scope binds or uses and to attribute names,
/// never to keyword argument names in calls (CPython neither).
std::string mangle(const std::string& private_name, const std::string& name);

/// Builds and resolves the scope tree of a module. Throws syntax_error.
std::unique_ptr<scope> build(const ast::module& m);

/// The child scope opened by `node` (a function_def stmt, lambda or comprehension expr).
scope* child_for(scope& parent, const void* node);

}  // namespace gillab::interp::symtable
