// symtable.cpp — see symtable.hpp and compiler.hpp.
#include "symtable.hpp"

#include <gillab/interp/names.hpp>

#include <algorithm>

namespace gillab::interp::symtable {
namespace {

using namespace ast;
using ek = expr_kind;
using sk = stmt_kind;

class builder {
 public:
  explicit builder(scope& top) : cur_(&top) {}

  void body(const std::vector<stmt*>& stmts) {
    for (const stmt* s : stmts) statement(s);
  }

 private:
  [[noreturn]] static void fail(const span& where, const std::string& msg) {
    throw syntax_error(syntax_error::kind::syntax, msg, where.line, where.column);
  }
  [[noreturn]] static void unsupported_here(const span& where, const std::string& what) {
    throw syntax_error(syntax_error::kind::not_implemented, what + " is not supported by gillab", where.line,
                       where.column);
  }
  void require_coroutine(const span& where, const std::string& msg) const {
    if (cur_->kind != scope_kind::function || !cur_->is_coroutine) fail(where, msg);
  }

  void add(const std::string& plain_name, unsigned flag, const span& where) {
    const std::string name = mangle(cur_->private_name, plain_name);
    unsigned& f = cur_->symbols[name];
    if ((flag & (def_local | def_param)) && !(f & (def_local | def_param))) {
      cur_->local_order.push_back(name);
    }
    if (flag == def_param) cur_->params.push_back(name);
    if ((flag & (def_global | def_nonlocal)) && (f & (def_local | def_param | use))) {
      const bool global = flag & def_global;
      if (f & def_param) fail(where, "name '" + name + "' is parameter and " + (global ? "global" : "nonlocal"));
      fail(where, "name '" + name + "' is " + ((f & use) && !(f & def_local) ? "used" : "assigned to") +
                      " prior to " + (global ? "global" : "nonlocal") + " declaration");
    }
    f |= flag;
    if (flag & (def_global | def_nonlocal)) cur_->declared_at.emplace(name, where);
  }

  scope* open(scope_kind k, const std::string& name, const void* node) {
    auto child = std::make_unique<scope>();
    child->kind = k;
    child->name = name;
    child->node = node;
    child->parent = cur_;
    child->private_name = k == scope_kind::class_body ? name : cur_->private_name;
    scope* raw = child.get();
    cur_->children.push_back(std::move(child));
    return raw;
  }

  void statement(const stmt* s) {
    switch (s->kind) {
      case sk::expr: expression(s->value); break;
      case sk::assign:
        expression(s->value);
        for (const expr* t : s->targets) target(t);
        break;
      case sk::aug_assign:
        expression(s->value);
        if (s->target->kind == ek::name) {
          add(s->target->s, def_local | use, s->target->where);
        } else {
          target(s->target);
        }
        break;
      case sk::ann_assign:
        if (s->value) expression(s->value);
        if (s->target->kind == ek::name) {
          add(s->target->s, def_local, s->target->where);
        } else {
          target(s->target);
        }
        if (cur_->kind == scope_kind::module || cur_->kind == scope_kind::class_body) expression(s->annotation);
        break;
      case sk::if_:
      case sk::while_:
        expression(s->test);
        body(s->body);
        body(s->orelse);
        break;
      case sk::for_:
        if (s->is_async) require_coroutine(s->where, "'async for' outside async function");
        expression(s->iter);
        target(s->target);
        body(s->body);
        body(s->orelse);
        break;
      case sk::return_:
        if (cur_->kind != scope_kind::function) fail(s->where, "'return' outside function");
        if (s->value) expression(s->value);
        break;
      case sk::break_:
      case sk::continue_:
      case sk::pass: break;
      case sk::function_def: {
        for (const expr* d : s->decorators) expression(d);
        arguments_defaults(s->args);
        if (s->returns) expression(s->returns);
        add(s->name, def_local, s->where);
        scope* fn = open(scope_kind::function, s->name, s);
        fn->is_coroutine = s->is_async;
        scope* saved = cur_;
        cur_ = fn;
        parameters(s->args);
        body(s->body);
        cur_ = saved;
        break;
      }
      case sk::class_def: {
        for (const expr* d : s->decorators) expression(d);
        for (const expr* b : s->bases) expression(b);
        for (const keyword& k : s->keywords) expression(k.value);
        add(s->name, def_local, s->where);
        scope* cls = open(scope_kind::class_body, s->name, s);
        scope* saved = cur_;
        cur_ = cls;
        body(s->body);
        cur_ = saved;
        break;
      }
      case sk::del:
        for (const expr* t : s->targets) target(t);
        break;
      case sk::global:
      case sk::nonlocal:
        for (const std::string& n : s->names) {
          if (s->kind == sk::nonlocal && cur_->kind == scope_kind::module) {
            fail(s->where, "nonlocal declaration not allowed at module level");
          }
          add(n, s->kind == sk::global ? def_global : def_nonlocal, s->where);
        }
        break;
      case sk::assert_:
        expression(s->test);
        if (s->msg) expression(s->msg);
        break;
      case sk::raise:
        if (s->value) expression(s->value);
        if (s->msg) expression(s->msg);
        break;
      case sk::try_:
        body(s->body);
        for (const except_handler& h : s->handlers) {
          if (h.type) expression(h.type);
          if (!h.name.empty()) add(h.name, def_local, h.where);
          body(h.body);
        }
        body(s->orelse);
        body(s->finalbody);
        break;
      case sk::with:
        if (s->is_async) require_coroutine(s->where, "'async with' outside async function");
        for (const with_item& i : s->items) {
          expression(i.context);
          if (i.target) target(i.target);
        }
        body(s->body);
        break;
      case sk::import:
        for (const alias& a : s->aliases) {
          const std::string bound = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
          add(bound, def_local, a.where);
        }
        break;
      case sk::import_from:
        for (const alias& a : s->aliases) {
          if (a.name == "*") {
            if (cur_->kind != scope_kind::module) fail(s->where, "import * only allowed at module level");
            continue;
          }
          add(a.asname.empty() ? a.name : a.asname, def_local, a.where);
        }
        break;
    }
  }

  void arguments_defaults(const arguments* a) {
    for (const expr* d : a->defaults) expression(d);
    for (const expr* d : a->kw_defaults)
      if (d) expression(d);
    auto ann = [&](const arg& x) {
      if (x.annotation) expression(x.annotation);
    };
    for (const arg& x : a->posonly) ann(x);
    for (const arg& x : a->args) ann(x);
    if (a->vararg) ann(*a->vararg);
    for (const arg& x : a->kwonly) ann(x);
    if (a->kwarg) ann(*a->kwarg);
  }

  void parameters(const arguments* a) {
    for (const arg& x : a->posonly) add(x.name, def_param, x.where);
    for (const arg& x : a->args) add(x.name, def_param, x.where);
    for (const arg& x : a->kwonly) add(x.name, def_param, x.where);
    if (a->vararg) add(a->vararg->name, def_param, a->vararg->where);
    if (a->kwarg) add(a->kwarg->name, def_param, a->kwarg->where);
  }

  void target(const expr* e) {
    switch (e->kind) {
      case ek::name: add(e->s, def_local, e->where); break;
      case ek::tuple:
      case ek::list:
        for (const expr* x : e->items) target(x);
        break;
      case ek::starred: target(e->a); break;
      case ek::attribute: expression(e->a); break;
      case ek::subscript:
        expression(e->a);
        expression(e->b);
        break;
      default: expression(e);
    }
  }

  void comprehension_scope(const expr* e, const char* name) {
    // The first iterable is evaluated in the enclosing scope.
    expression(e->generators.front().iter);
    scope* comp = open(scope_kind::comprehension, name, e);
    scope* saved = cur_;
    cur_ = comp;
    add(".0", def_param, e->where);
    for (std::size_t i = 0; i < e->generators.size(); ++i) {
      const comprehension& g = e->generators[i];
      if (i > 0) expression(g.iter);
      target(g.target);
      for (const expr* c : g.ifs) expression(c);
    }
    expression(e->a);
    if (e->b) expression(e->b);
    if (e->kind == ek::gen_exp) comp->is_generator = true;
    cur_ = saved;
  }

  void expression(const expr* e) {
    if (!e) return;
    switch (e->kind) {
      case ek::name:
        add(e->s, use, e->where);
        // Zero-argument super() reads the implicit __class__ cell of the
        // enclosing class body (CPython's symtable does the same).
        if (e->s == "super" && cur_->kind != scope_kind::module && cur_->kind != scope_kind::class_body) {
          add("__class__", use, e->where);
        }
        return;
      case ek::named: {
        expression(e->b);
        // PEP 572: in a comprehension, the target binds in the nearest
        // enclosing non-comprehension scope.
        if (cur_->kind == scope_kind::comprehension) {
          scope* s = cur_;
          for (; s->kind == scope_kind::comprehension; s = s->parent) {
            auto it = s->symbols.find(mangle(s->private_name, e->a->s));
            if (it != s->symbols.end() && (it->second & def_local)) {
              fail(e->where, "assignment expression cannot rebind comprehension iteration variable '" +
                                 e->a->s + "'");
            }
          }
          if (s->kind == scope_kind::class_body) {
            fail(e->where, "assignment expression within a comprehension cannot be used in a class body");
          }
          scope* saved = cur_;
          cur_ = s;
          add(e->a->s, def_local, e->a->where);
          cur_ = saved;
          const unsigned through = s->kind == scope_kind::module ? def_global : def_nonlocal;
          for (scope* c = cur_; c != s; c = c->parent) c->symbols[mangle(c->private_name, e->a->s)] |= through;
        } else {
          add(e->a->s, def_local, e->a->where);
        }
        return;
      }
      case ek::lambda: {
        arguments_defaults(e->args);
        scope* fn = open(scope_kind::function, "<lambda>", e);
        scope* saved = cur_;
        cur_ = fn;
        parameters(e->args);
        expression(e->a);
        cur_ = saved;
        return;
      }
      case ek::list_comp: comprehension_scope(e, "<listcomp>"); return;
      case ek::set_comp: comprehension_scope(e, "<setcomp>"); return;
      case ek::dict_comp: comprehension_scope(e, "<dictcomp>"); return;
      case ek::gen_exp: comprehension_scope(e, "<genexpr>"); return;
      case ek::yield:
      case ek::yield_from:
        if (cur_->kind == scope_kind::module || cur_->kind == scope_kind::class_body) {
          fail(e->where, "'yield' outside function");
        }
        if (cur_->is_coroutine) unsupported_here(e->where, "an asynchronous generator ('yield' inside 'async def')");
        cur_->is_generator = true;
        expression(e->a);
        return;
      case ek::await_:
        if (cur_->kind == scope_kind::comprehension) {
          unsupported_here(e->where, "'await' inside a comprehension (asynchronous comprehensions)");
        }
        if (cur_->kind != scope_kind::function) fail(e->where, "'await' outside function");
        if (!cur_->is_coroutine) fail(e->where, "'await' outside async function");
        expression(e->a);
        return;
      default: break;
    }
    expression(e->a);
    expression(e->b);
    expression(e->c);
    for (const expr* x : e->items) expression(x);
    for (const expr* x : e->keys) expression(x);
    for (const expr* x : e->values) expression(x);
    for (const keyword& k : e->keywords) expression(k.value);
  }

  scope* cur_;
};

// Resolves every symbol; returns the names free in `s` (to its parent).
std::set<std::string> analyze(scope& s, const std::set<std::string>& enclosing_bound) {
  std::set<std::string> bound_here;  // function-scope bindings visible to children
  for (const auto& [name, f] : s.symbols) {
    binding b;
    if (f & def_global) {
      b = binding::global_explicit;
    } else if (f & def_nonlocal) {
      if (!enclosing_bound.count(name)) {
        const ast::span w = s.declared_at[name];
        throw syntax_error(syntax_error::kind::syntax, "no binding for nonlocal '" + name + "' found",
                           w.line, w.column);
      }
      b = binding::free;
    } else if (f & (def_local | def_param)) {
      b = s.kind == scope_kind::module ? binding::global_implicit : binding::local;
      if (s.kind == scope_kind::function || s.kind == scope_kind::comprehension) bound_here.insert(name);
    } else {
      b = (enclosing_bound.count(name) && s.kind != scope_kind::module) ? binding::free : binding::global_implicit;
    }
    s.resolved[name] = b;
  }
  std::set<std::string> child_bound;
  if (s.kind == scope_kind::function || s.kind == scope_kind::comprehension) {
    child_bound = enclosing_bound;
    for (const auto& [name, b] : s.resolved) {
      if (b == binding::global_explicit || b == binding::global_implicit) child_bound.erase(name);
    }
    child_bound.insert(bound_here.begin(), bound_here.end());
  } else if (s.kind == scope_kind::class_body) {
    child_bound = enclosing_bound;  // class names are not visible to methods
    child_bound.insert("__class__");  // ... but the class itself is, as a cell
  }
  std::set<std::string> free_in_children;
  for (auto& c : s.children) {
    for (const std::string& n : analyze(*c, child_bound)) free_in_children.insert(n);
  }
  std::set<std::string> free_here;
  bool class_cell = false;
  for (const std::string& n : free_in_children) {
    if (s.kind == scope_kind::class_body && n == "__class__") {
      class_cell = true;  // type.__new__ fills it with the new class
      continue;
    }
    auto it = s.resolved.find(n);
    if (it != s.resolved.end() && it->second == binding::local && s.kind == scope_kind::class_body) {
      // A class's own name is not what its methods see (CPython's
      // DEF_FREE_CLASS): the body keeps using its namespace (LOAD_NAME,
      // which falls back to globals), and the enclosing function's variable
      // passes through to the children as a free variable.
      free_here.insert(n);
    } else if (it != s.resolved.end() && it->second == binding::local) {
      it->second = binding::cell;
    } else if (it == s.resolved.end() || it->second == binding::free ||
               (it->second == binding::global_implicit && s.kind == scope_kind::class_body &&
                enclosing_bound.count(n))) {
      // Passes through this scope on its way to a child.
      if (s.kind != scope_kind::module) {
        s.resolved[n] = binding::free;
        free_here.insert(n);
      }
    }
  }
  for (const auto& [name, b] : s.resolved) {
    if (b == binding::free) free_here.insert(name);
    if (b == binding::cell) s.cellvars.push_back(name);
  }
  if (class_cell) {
    s.cellvars.push_back("__class__");
    std::sort(s.cellvars.begin(), s.cellvars.end());
  }
  s.freevars.assign(free_here.begin(), free_here.end());
  return free_here;
}

}  // namespace

std::unique_ptr<scope> build(const ast::module& m) {
  auto top = std::make_unique<scope>();
  top->kind = scope_kind::module;
  top->name = "<module>";
  builder(*top).body(m.body);
  analyze(*top, {});
  return top;
}

std::string mangle(const std::string& private_name, const std::string& name) {
  return mangle_private_name(private_name, name);
}

scope* child_for(scope& parent, const void* node) {
  for (auto& c : parent.children)
    if (c->node == node) return c.get();
  return nullptr;
}

}  // namespace gillab::interp::symtable
