// parser.cpp — see parser.hpp.
#include <gillab/interp/parser.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>
#include <sstream>

namespace gillab::interp {
namespace {

using namespace ast;
using sk = stmt_kind;
using ek = expr_kind;

constexpr int max_depth = 1000;  // bounded recursion: deeper input is a clear error

const std::set<std::string, std::less<>> keywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield"};

class parser {
 public:
  parser(std::string_view src, std::vector<token> toks, module& m)
      : src_(src), t_(std::move(toks)), m_(m) {}

  void file() {
    while (!at(tok::end)) statement(m_.body);
  }

  // Parses one expression from an f-string field; tokens come from a
  // sub-tokenizer whose positions were shifted to the field's place.
  expr* standalone_expression() {
    expr* e = at_kw("yield") ? yield_expr() : star_expressions();
    while (at(tok::newline)) ++p_;
    if (!at(tok::end)) fail_at(cur(), "f-string: invalid syntax");
    return e;
  }

 private:
  // ---- token access ----
  const token& cur() const { return t_[p_]; }
  const token& ahead(std::size_t k) const { return t_[std::min(p_ + k, t_.size() - 1)]; }
  bool at(tok k) const { return cur().kind == k; }
  bool at_op(std::string_view s) const { return cur().kind == tok::op && cur().text == s; }
  bool at_kw(std::string_view s) const { return cur().kind == tok::name && cur().text == s; }
  bool accept_op(std::string_view s) {
    if (!at_op(s)) return false;
    ++p_;
    return true;
  }
  bool accept_kw(std::string_view s) {
    if (!at_kw(s)) return false;
    ++p_;
    return true;
  }
  static span span_of(const token& t) { return {t.line, t.column, t.end_line, t.end_column}; }
  span from(const span& start) const {
    const token& last = t_[p_ == 0 ? 0 : p_ - 1];
    return {start.line, start.column, last.end_line, last.end_column};
  }

  [[noreturn]] void fail_at(const token& t, const std::string& msg,
                            syntax_error::kind k = syntax_error::kind::syntax) const {
    throw syntax_error(k, msg, t.line, t.column);
  }
  [[noreturn]] void fail_span(const span& s, const std::string& msg) const {
    throw syntax_error(syntax_error::kind::syntax, msg, s.line, s.column,
                       s.end_line == s.line ? s.end_column : -1);
  }
  [[noreturn]] void invalid() const {
    const token& t = cur();
    if (t.kind == tok::indent) fail_at(t, "unexpected indent", syntax_error::kind::indentation);
    if (t.kind == tok::newline || t.kind == tok::end) {
      // CPython puts the caret just past the last token of the line.
      const token& prev = t_[p_ == 0 ? 0 : p_ - 1];
      throw syntax_error(syntax_error::kind::syntax, "invalid syntax", prev.end_line, prev.end_column);
    }
    fail_at(t, "invalid syntax");
  }
  void expect_op(std::string_view s) {
    if (!accept_op(s)) {
      if (s == ":") {
        const token& prev = t_[p_ == 0 ? 0 : p_ - 1];
        throw syntax_error(syntax_error::kind::syntax, "expected ':'", prev.end_line, prev.end_column);
      }
      invalid();
    }
  }
  std::string expect_name() {
    if (!at(tok::name) || keywords.count(cur().text)) invalid();
    return t_[p_++].text;
  }
  [[noreturn]] void unsupported(const token& t, const std::string& what) const {
    fail_at(t, what + " is not supported by gillab", syntax_error::kind::not_implemented);
  }

  struct depth_guard {
    explicit depth_guard(parser& p) : p_(p) {
      if (++p_.depth_ > max_depth) {
        // CPython parses deeper but then fails in its compiler with this.
        p_.fail_at(p_.cur(), "maximum recursion depth exceeded during compilation",
                   syntax_error::kind::recursion);
      }
    }
    ~depth_guard() { --p_.depth_; }
    parser& p_;
  };

  // ---- statements ----
  void statement(std::vector<stmt*>& out) {
    depth_guard guard(*this);
    if (at(tok::indent)) fail_at(cur(), "unexpected indent", syntax_error::kind::indentation);
    if (at(tok::name)) {
      const std::string& w = cur().text;
      if (w == "if") return out.push_back(if_stmt());
      if (w == "while") return out.push_back(while_stmt());
      if (w == "for") return out.push_back(for_stmt());
      if (w == "try") return out.push_back(try_stmt());
      if (w == "with") return out.push_back(with_stmt());
      if (w == "def") return out.push_back(function_def({}));
      if (w == "class") return out.push_back(class_def({}));
      if (w == "async") return out.push_back(async_stmt({}));
      if (w == "match" && ahead(1).kind != tok::op) {
        // `match` is a soft keyword; only a match statement is unsupported.
        if (ahead(1).kind == tok::name || ahead(1).kind == tok::number || ahead(1).kind == tok::string) {
          std::size_t k = p_;
          while (t_[k].kind != tok::newline && t_[k].kind != tok::end) ++k;
          if (k > p_ && t_[k - 1].kind == tok::op && t_[k - 1].text == ":")
            unsupported(cur(), "the 'match' statement");
        }
      }
    }
    if (at_op("@")) return out.push_back(decorated());
    simple_statements(out);
  }

  void simple_statements(std::vector<stmt*>& out) {
    for (;;) {
      out.push_back(simple_statement());
      if (!accept_op(";")) break;
      if (at(tok::newline)) break;
    }
    if (!at(tok::newline)) invalid();
    ++p_;
  }

  stmt* simple_statement() {
    const token& t = cur();
    const span start = span_of(t);
    if (t.kind == tok::name) {
      const std::string& w = t.text;
      if (w == "pass") return ++p_, m_.new_stmt(sk::pass, start);
      if (w == "break") return ++p_, m_.new_stmt(sk::break_, start);
      if (w == "continue") return ++p_, m_.new_stmt(sk::continue_, start);
      if (w == "return") {
        ++p_;
        stmt* s = m_.new_stmt(sk::return_, start);
        if (!at(tok::newline) && !at_op(";")) s->value = star_expressions();
        s->where = from(start);
        return s;
      }
      if (w == "global" || w == "nonlocal") {
        ++p_;
        stmt* s = m_.new_stmt(w == "global" ? sk::global : sk::nonlocal, start);
        do s->names.push_back(expect_name());
        while (accept_op(","));
        s->where = from(start);
        return s;
      }
      if (w == "del") {
        ++p_;
        stmt* s = m_.new_stmt(sk::del, start);
        do {
          if (at(tok::newline) || at_op(";")) break;
          expr* e = bitwise_or();
          check_target(e, ctx::del);
          s->targets.push_back(e);
        } while (accept_op(","));
        if (s->targets.empty()) invalid();
        s->where = from(start);
        return s;
      }
      if (w == "assert") {
        ++p_;
        stmt* s = m_.new_stmt(sk::assert_, start);
        s->test = expression();
        if (accept_op(",")) s->msg = expression();
        s->where = from(start);
        return s;
      }
      if (w == "raise") {
        ++p_;
        stmt* s = m_.new_stmt(sk::raise, start);
        if (!at(tok::newline) && !at_op(";")) {
          s->value = expression();
          if (accept_kw("from")) s->msg = expression();
        }
        s->where = from(start);
        return s;
      }
      if (w == "import") return import_stmt();
      if (w == "from") return import_from();
      if (w == "print" && (ahead(1).kind == tok::string || ahead(1).kind == tok::number ||
                           (ahead(1).kind == tok::name && !keywords.count(ahead(1).text)))) {
        fail_span({t.line, t.column, ahead(1).end_line, ahead(1).end_column},
                  "Missing parentheses in call to 'print'. Did you mean print(...)?");
      }
    }
    // Expression, assignment, augmented or annotated assignment.
    expr* first = at_kw("yield") ? yield_expr() : star_expressions();
    if (at_op("=")) {
      stmt* s = m_.new_stmt(sk::assign, start);
      std::vector<expr*> chain{first};
      while (accept_op("=")) chain.push_back(at_kw("yield") ? yield_expr() : star_expressions());
      s->value = chain.back();
      chain.pop_back();
      for (expr* target : chain) check_target(target, ctx::store, true);
      s->targets = std::move(chain);
      s->where = from(start);
      return s;
    }
    if (cur().kind == tok::op && cur().text.size() >= 2 && cur().text.back() == '=' &&
        cur().text != "==" && cur().text != "<=" && cur().text != ">=" && cur().text != "!=") {
      static const std::array<std::pair<std::string_view, binop>, 13> aug = {{
          {"+=", binop::add}, {"-=", binop::sub}, {"*=", binop::mul}, {"@=", binop::matmul},
          {"/=", binop::div}, {"//=", binop::floordiv}, {"%=", binop::mod}, {"**=", binop::pow},
          {"<<=", binop::lshift}, {">>=", binop::rshift}, {"|=", binop::bitor_},
          {"^=", binop::bitxor}, {"&=", binop::bitand_}}};
      for (const auto& [text, op] : aug) {
        if (cur().text != text) continue;
        if (first->kind != ek::name && first->kind != ek::attribute && first->kind != ek::subscript) {
          fail_span(first->where, std::string("'") + describe(first) +
                                      "' is an illegal expression for augmented assignment");
        }
        ++p_;
        stmt* s = m_.new_stmt(sk::aug_assign, start);
        s->op = static_cast<unsigned char>(op);
        s->target = first;
        first->context = ctx::store;
        s->value = at_kw("yield") ? yield_expr() : star_expressions();
        s->where = from(start);
        return s;
      }
    }
    if (at_op(":")) {
      if (first->kind != ek::name && first->kind != ek::attribute && first->kind != ek::subscript) {
        fail_span(first->where, first->kind == ek::tuple
                                    ? "only single target (not tuple) can be annotated"
                                    : std::string("illegal target for annotation"));
      }
      ++p_;
      stmt* s = m_.new_stmt(sk::ann_assign, start);
      s->target = first;
      first->context = ctx::store;
      s->simple = first->kind == ek::name && !first->parenthesized;
      s->annotation = expression();
      if (accept_op("=")) s->value = at_kw("yield") ? yield_expr() : star_expressions();
      s->where = from(start);
      return s;
    }
    stmt* s = m_.new_stmt(sk::expr, start);
    s->value = first;
    s->where = from(start);
    return s;
  }

  std::string dotted_name() {
    std::string name = expect_name();
    while (accept_op(".")) name += "." + expect_name();
    return name;
  }

  stmt* import_stmt() {
    const span start = span_of(cur());
    ++p_;
    stmt* s = m_.new_stmt(sk::import, start);
    do {
      alias a;
      a.where = span_of(cur());
      a.name = dotted_name();
      if (accept_kw("as")) a.asname = expect_name();
      a.where = from(a.where);
      s->aliases.push_back(a);
    } while (accept_op(","));
    s->where = from(start);
    return s;
  }

  stmt* import_from() {
    const span start = span_of(cur());
    ++p_;
    stmt* s = m_.new_stmt(sk::import_from, start);
    for (;;) {
      if (accept_op(".")) {
        ++s->level;
      } else if (accept_op("...")) {
        s->level += 3;
      } else {
        break;
      }
    }
    if (!at_kw("import")) s->name = dotted_name();
    if (!accept_kw("import")) invalid();
    if (accept_op("*")) {
      alias a;
      a.name = "*";
      s->aliases.push_back(a);
    } else {
      const bool paren = accept_op("(");
      do {
        if (paren && at_op(")")) break;
        alias a;
        a.where = span_of(cur());
        a.name = expect_name();
        if (accept_kw("as")) a.asname = expect_name();
        s->aliases.push_back(a);
      } while (accept_op(","));
      if (paren) expect_op(")");
      else if (!s->aliases.empty() && t_[p_ - 1].kind == tok::op && t_[p_ - 1].text == ",") {
        fail_at(t_[p_ - 1], "trailing comma not allowed without surrounding parentheses");
      }
    }
    s->where = from(start);
    return s;
  }

  // A block after ':' — an indented suite or simple statements on the line.
  std::vector<stmt*> block(const char* what, int header_line) {
    expect_op(":");
    std::vector<stmt*> body;
    if (accept_newline()) {
      if (!at(tok::indent)) {
        throw syntax_error(syntax_error::kind::indentation,
                           std::string("expected an indented block after ") + what + " on line " +
                               std::to_string(header_line),
                           cur().line, cur().column);
      }
      ++p_;
      while (!at(tok::dedent) && !at(tok::end)) statement(body);
      if (at(tok::dedent)) ++p_;
    } else {
      simple_statements(body);
    }
    return body;
  }
  bool accept_newline() {
    if (!at(tok::newline)) return false;
    ++p_;
    return true;
  }

  stmt* if_stmt() {
    const token& kw = cur();
    const span start = span_of(kw);
    const bool elif = kw.text == "elif";
    ++p_;
    stmt* s = m_.new_stmt(sk::if_, start);
    s->test = named_expression();
    s->body = block(elif ? "'elif' statement" : "'if' statement", start.line);
    if (at_kw("elif")) {
      s->orelse.push_back(if_stmt());
    } else if (at_kw("else")) {
      const int line = cur().line;
      ++p_;
      s->orelse = block("'else' statement", line);
    }
    s->where.end_line = start.line;
    return s;
  }

  stmt* while_stmt() {
    const span start = span_of(cur());
    ++p_;
    stmt* s = m_.new_stmt(sk::while_, start);
    s->test = named_expression();
    s->body = block("'while' statement", start.line);
    if (at_kw("else")) {
      const int line = cur().line;
      ++p_;
      s->orelse = block("'else' statement", line);
    }
    return s;
  }

  stmt* for_stmt() {
    const span start = span_of(cur());
    ++p_;
    stmt* s = m_.new_stmt(sk::for_, start);
    s->target = star_targets();
    if (!accept_kw("in")) invalid();
    s->iter = star_expressions();
    s->body = block("'for' statement", start.line);
    if (at_kw("else")) {
      const int line = cur().line;
      ++p_;
      s->orelse = block("'else' statement", line);
    }
    return s;
  }

  stmt* try_stmt() {
    const span start = span_of(cur());
    ++p_;
    stmt* s = m_.new_stmt(sk::try_, start);
    s->body = block("'try' statement", start.line);
    while (at_kw("except")) {
      except_handler h;
      h.where = span_of(cur());
      ++p_;
      if (at_op("*")) unsupported(cur(), "'except*' (exception groups)");
      if (!at_op(":")) {
        h.type = expression();
        if (at_op(",")) {
          fail_span(from(h.where), "multiple exception types must be parenthesized");
        }
        if (accept_kw("as")) h.name = expect_name();
      }
      h.body = block("'except' statement", h.where.line);
      s->handlers.push_back(std::move(h));
    }
    if (at_kw("else")) {
      if (s->handlers.empty()) invalid();
      const int line = cur().line;
      ++p_;
      s->orelse = block("'else' statement", line);
    }
    if (at_kw("finally")) {
      const int line = cur().line;
      ++p_;
      s->finalbody = block("'finally' statement", line);
    }
    if (s->handlers.empty() && s->finalbody.empty()) {
      fail_at(cur(), "expected 'except' or 'finally' block");
    }
    return s;
  }

  stmt* with_stmt() {
    const span start = span_of(cur());
    ++p_;
    stmt* s = m_.new_stmt(sk::with, start);
    // Parenthesized with-items (3.10) look like a tuple expression; parse
    // items directly and only treat '(' as grouping when a ':' follows ')'.
    bool paren = false;
    if (at_op("(")) {
      int depth = 0;
      std::size_t k = p_;
      for (; k < t_.size(); ++k) {
        if (t_[k].kind == tok::op && (t_[k].text == "(" || t_[k].text == "[" || t_[k].text == "{")) ++depth;
        if (t_[k].kind == tok::op && (t_[k].text == ")" || t_[k].text == "]" || t_[k].text == "}")) {
          if (--depth == 0) break;
        }
      }
      paren = k + 1 < t_.size() && t_[k + 1].kind == tok::op && t_[k + 1].text == ":";
      // "(a, b)" without `as` inside is still a tuple expression in 3.11;
      // treat it as items only when an `as` appears at depth 1.
      if (paren) {
        bool has_as = false;
        depth = 0;
        for (std::size_t j = p_; j < k; ++j) {
          if (t_[j].kind == tok::op && (t_[j].text == "(" || t_[j].text == "[" || t_[j].text == "{")) ++depth;
          if (t_[j].kind == tok::op && (t_[j].text == ")" || t_[j].text == "]" || t_[j].text == "}")) --depth;
          if (depth == 1 && t_[j].kind == tok::name && t_[j].text == "as") has_as = true;
        }
        paren = has_as;
      }
    }
    if (paren) ++p_;
    do {
      if (paren && at_op(")")) break;
      with_item item;
      item.context = expression();
      if (accept_kw("as")) {
        item.target = star_target();
        check_target(item.target, ctx::store);
      }
      s->items.push_back(item);
    } while (accept_op(","));
    if (paren) expect_op(")");
    s->body = block("'with' statement", start.line);
    return s;
  }

  stmt* decorated() {
    std::vector<expr*> decorators;
    while (accept_op("@")) {
      decorators.push_back(named_expression());
      if (!accept_newline()) invalid();
    }
    if (at_kw("def")) return function_def(std::move(decorators));
    if (at_kw("class")) return class_def(std::move(decorators));
    if (at_kw("async") && ahead(1).kind == tok::name && ahead(1).text == "def") return async_stmt(std::move(decorators));
    invalid();
  }

  // async def / async for / async with (PEP 492); `async` starts the span.
  stmt* async_stmt(std::vector<expr*> decorators) {
    const span start = span_of(cur());
    ++p_;
    stmt* s = nullptr;
    if (at_kw("def")) {
      s = function_def(std::move(decorators));
    } else if (decorators.empty() && at_kw("for")) {
      s = for_stmt();
    } else if (decorators.empty() && at_kw("with")) {
      s = with_stmt();
    } else {
      invalid();
    }
    s->is_async = true;
    s->where.line = start.line;
    s->where.column = start.column;
    return s;
  }

  stmt* function_def(std::vector<expr*> decorators) {
    const span start = span_of(cur());
    ++p_;
    stmt* s = m_.new_stmt(sk::function_def, start);
    s->decorators = std::move(decorators);
    s->name = expect_name();
    expect_op("(");
    s->args = parameters(")", true);
    expect_op(")");
    if (accept_op("->")) s->returns = expression();
    s->body = block("function definition", start.line);
    return s;
  }

  stmt* class_def(std::vector<expr*> decorators) {
    const span start = span_of(cur());
    ++p_;
    stmt* s = m_.new_stmt(sk::class_def, start);
    s->decorators = std::move(decorators);
    s->name = expect_name();
    if (accept_op("(")) {
      call_arguments(s->bases, s->keywords, ")");
      expect_op(")");
    }
    s->body = block("class definition", start.line);
    return s;
  }

  // Parameters up to `close` (")" for def, ":" for lambda).
  arguments* parameters(std::string_view close, bool annotations) {
    arguments* a = m_.new_arguments();
    bool seen_default = false;
    bool seen_star = false;
    bool seen_slash = false;
    std::set<std::string> names;
    auto param = [&]() {
      arg x;
      x.where = span_of(cur());
      x.name = expect_name();
      if (annotations && accept_op(":")) x.annotation = expression();
      if (!names.insert(x.name).second) {
        fail_at(t_[p_ - 1], "duplicate argument '" + x.name + "' in function definition");
      }
      return x;
    };
    while (!at_op(close)) {
      if (accept_op("/")) {
        if (seen_slash) fail_at(t_[p_ - 1], "/ may appear only once");
        if (seen_star) fail_at(t_[p_ - 1], "/ must be ahead of *");
        if (a->args.empty()) fail_at(t_[p_ - 1], "at least one argument must precede /");
        seen_slash = true;
        a->posonly = std::move(a->args);
        a->args.clear();
      } else if (accept_op("**")) {
        a->owned.push_back(std::make_unique<arg>(param()));
        a->kwarg = a->owned.back().get();
        if (at_op("=")) fail_at(cur(), "var-keyword argument cannot have default value");
        accept_op(",");
        if (!at_op(close)) fail_at(cur(), "arguments cannot follow var-keyword argument");
        break;
      } else if (accept_op("*")) {
        if (seen_star) fail_at(t_[p_ - 1], "* argument may appear only once");
        seen_star = true;
        if (!at_op(",") && !at_op(close)) {
          a->owned.push_back(std::make_unique<arg>(param()));
          a->vararg = a->owned.back().get();
          if (at_op("=")) fail_at(cur(), "var-positional argument cannot have default value");
        } else if (at_op(close) || (at_op(",") && ahead(1).kind == tok::op && ahead(1).text == close)) {
          fail_at(t_[p_ - 1], "named arguments must follow bare *");
        }
      } else {
        arg x = param();
        expr* def = nullptr;
        if (accept_op("=")) def = expression();
        if (seen_star) {
          a->kwonly.push_back(x);
          a->kw_defaults.push_back(def);
        } else {
          if (def) {
            seen_default = true;
            a->defaults.push_back(def);
          } else if (seen_default) {
            fail_span(x.where, "non-default argument follows default argument");
          }
          a->args.push_back(x);
        }
      }
      if (!accept_op(",")) break;
    }
    return a;
  }

  // ---- targets ----
  static const char* describe(const expr* e) {
    switch (e->kind) {
      case ek::call: return "function call";
      case ek::int_const: case ek::float_const: case ek::str_const: case ek::bytes_const:
      case ek::ellipsis_const: case ek::fstring: return e->kind == ek::fstring ? "f-string expression" : "literal";
      case ek::none_const: return "None";
      case ek::true_const: return "True";
      case ek::false_const: return "False";
      case ek::binop: case ek::unaryop: return "expression";
      case ek::boolop: return "expression";
      case ek::compare: return "comparison";
      case ek::lambda: return "lambda";
      case ek::if_exp: return "conditional expression";
      case ek::named: return "named expression";
      case ek::list_comp: return "list comprehension";
      case ek::set_comp: return "set comprehension";
      case ek::dict_comp: return "dict comprehension";
      case ek::gen_exp: return "generator expression";
      case ek::dict: return "dict literal";
      case ek::set: return "set display";
      case ek::yield: case ek::yield_from: return "yield expression";
      case ek::tuple: return "tuple";
      case ek::list: return "list";
      case ek::starred: return "starred";
      default: return "expression";
    }
  }

  void check_target(expr* e, ctx c, bool assignment = false) {
    switch (e->kind) {
      case ek::name:
        if (e->s == "__debug__") fail_span(e->where, "cannot assign to __debug__");
        e->context = c;
        return;
      case ek::attribute:
      case ek::subscript:
        e->context = c;
        return;
      case ek::tuple:
      case ek::list: {
        e->context = c;
        bool starred = false;
        for (expr* x : e->items) {
          if (x->kind == ek::starred && c == ctx::store) {
            if (starred) fail_span(x->where, "multiple starred expressions in assignment");
            starred = true;
            check_target(x->a, c, assignment);
            x->context = c;
          } else {
            check_target(x, c, assignment);
          }
        }
        return;
      }
      case ek::starred:
        if (c == ctx::del) fail_span(e->where, "cannot delete starred");
        fail_span(e->where, "starred assignment target must be in a list or tuple");
      default: break;
    }
    const std::string what = describe(e);
    if (c == ctx::del) fail_span(e->where, "cannot delete " + what);
    if (assignment && (e->kind != ek::compare && e->kind != ek::binop && e->kind != ek::unaryop &&
                       e->kind != ek::boolop && e->kind != ek::lambda && e->kind != ek::if_exp &&
                       e->kind != ek::named && e->kind != ek::yield && e->kind != ek::yield_from)) {
      fail_span(e->where, "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?");
    }
    fail_span(e->where, "cannot assign to " + what);
  }

  expr* star_targets() {
    const span start = span_of(cur());
    expr* first = star_target();
    if (!at_op(",")) {
      check_target(first, ctx::store);
      return first;
    }
    expr* t = m_.new_expr(ek::tuple, start);
    t->items.push_back(first);
    while (accept_op(",")) {
      if (at_kw("in") || at_op("=") || at_op(")")) break;
      t->items.push_back(star_target());
    }
    t->where = from(start);
    check_target(t, ctx::store);
    return t;
  }
  expr* star_target() {
    if (at_op("*")) {
      const span start = span_of(cur());
      ++p_;
      expr* e = m_.new_expr(ek::starred, start);
      e->a = bitwise_or();
      e->where = from(start);
      return e;
    }
    return bitwise_or();
  }

  // ---- expressions ----
  expr* star_expressions() {
    const span start = span_of(cur());
    expr* first = star_expression();
    if (!at_op(",")) return first;
    expr* t = m_.new_expr(ek::tuple, start);
    t->items.push_back(first);
    while (accept_op(",")) {
      if (!starts_expression()) break;
      t->items.push_back(star_expression());
    }
    t->where = from(start);
    return t;
  }
  bool starts_expression() const {
    const token& t = cur();
    if (t.kind == tok::name) {
      return !keywords.count(t.text) || t.text == "None" || t.text == "True" || t.text == "False" ||
             t.text == "not" || t.text == "lambda" || t.text == "await" || t.text == "yield";
    }
    if (t.kind == tok::number || t.kind == tok::string) return true;
    if (t.kind == tok::op) {
      return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
             t.text == "~" || t.text == "*" || t.text == "...";
    }
    return false;
  }
  expr* star_expression() {
    if (at_op("*")) {
      const span start = span_of(cur());
      ++p_;
      expr* e = m_.new_expr(ek::starred, start);
      e->a = bitwise_or();
      e->where = from(start);
      return e;
    }
    return expression();
  }
  expr* named_expression() {
    if (at(tok::name) && ahead(1).kind == tok::op && ahead(1).text == ":=") {
      const span start = span_of(cur());
      expr* target = m_.new_expr(ek::name, start);
      target->s = expect_name();
      target->context = ctx::store;
      ++p_;
      expr* e = m_.new_expr(ek::named, start);
      e->a = target;
      e->b = expression();
      e->where = from(start);
      return e;
    }
    expr* e = expression();
    if (at_op(":=")) fail_span(e->where, std::string("cannot use assignment expressions with ") + describe(e));
    return e;
  }
  expr* expression() {
    depth_guard guard(*this);
    if (at_kw("lambda")) return lambda();
    const span start = span_of(cur());
    expr* body = disjunction();
    if (!at_kw("if")) return body;
    ++p_;
    expr* e = m_.new_expr(ek::if_exp, start);
    e->b = body;
    e->a = disjunction();
    if (!accept_kw("else")) fail_span(from(start), "expected 'else' after 'if' expression");
    e->c = expression();
    e->where = from(start);
    return e;
  }
  expr* lambda() {
    const span start = span_of(cur());
    ++p_;
    expr* e = m_.new_expr(ek::lambda, start);
    e->args = parameters(":", false);
    expect_op(":");
    e->a = expression();
    e->where = from(start);
    return e;
  }
  expr* disjunction() {
    const span start = span_of(cur());
    expr* first = conjunction();
    if (!at_kw("or")) return first;
    expr* e = m_.new_expr(ek::boolop, start);
    e->flag = true;
    e->items.push_back(first);
    while (accept_kw("or")) e->items.push_back(conjunction());
    e->where = from(start);
    return e;
  }
  expr* conjunction() {
    const span start = span_of(cur());
    expr* first = inversion();
    if (!at_kw("and")) return first;
    expr* e = m_.new_expr(ek::boolop, start);
    e->items.push_back(first);
    while (accept_kw("and")) e->items.push_back(inversion());
    e->where = from(start);
    return e;
  }
  expr* inversion() {
    depth_guard guard(*this);
    if (at_kw("not")) {
      const span start = span_of(cur());
      ++p_;
      expr* e = m_.new_expr(ek::unaryop, start);
      e->op = static_cast<unsigned char>(unaryop::not_);
      e->a = inversion();
      e->where = from(start);
      return e;
    }
    return comparison();
  }
  bool comparison_op(cmpop& op) {
    const token& t = cur();
    if (t.kind == tok::op) {
      static const std::array<std::pair<std::string_view, cmpop>, 6> ops = {{
          {"==", cmpop::eq}, {"!=", cmpop::ne}, {"<", cmpop::lt}, {"<=", cmpop::le},
          {">", cmpop::gt}, {">=", cmpop::ge}}};
      for (const auto& [text, o] : ops) {
        if (t.text == text) {
          op = o;
          ++p_;
          return true;
        }
      }
      return false;
    }
    if (t.kind != tok::name) return false;
    if (t.text == "in") {
      op = cmpop::in;
      ++p_;
      return true;
    }
    if (t.text == "not" && ahead(1).kind == tok::name && ahead(1).text == "in") {
      op = cmpop::not_in;
      p_ += 2;
      return true;
    }
    if (t.text == "is") {
      ++p_;
      op = accept_kw("not") ? cmpop::is_not : cmpop::is;
      return true;
    }
    return false;
  }
  expr* comparison() {
    const span start = span_of(cur());
    expr* first = bitwise_or();
    cmpop op;
    if (!comparison_op(op)) return first;
    expr* e = m_.new_expr(ek::compare, start);
    e->a = first;
    do {
      e->cmpops.push_back(op);
      e->items.push_back(bitwise_or());
    } while (comparison_op(op));
    e->where = from(start);
    return e;
  }

  // Left-associative binary levels, from loosest to tightest.
  expr* binary_level(int level) {
    static const std::array<std::vector<std::pair<std::string_view, binop>>, 6> levels = {{
        {{"|", binop::bitor_}},
        {{"^", binop::bitxor}},
        {{"&", binop::bitand_}},
        {{"<<", binop::lshift}, {">>", binop::rshift}},
        {{"+", binop::add}, {"-", binop::sub}},
        {{"*", binop::mul}, {"/", binop::div}, {"//", binop::floordiv}, {"%", binop::mod}, {"@", binop::matmul}},
    }};
    if (level == static_cast<int>(levels.size())) return factor();
    const span start = span_of(cur());
    expr* left = binary_level(level + 1);
    for (;;) {
      if (!at(tok::op)) return left;
      const auto& ops = levels[static_cast<std::size_t>(level)];
      auto it = std::find_if(ops.begin(), ops.end(), [&](const auto& o) { return o.first == cur().text; });
      if (it == ops.end()) return left;
      ++p_;
      expr* e = m_.new_expr(ek::binop, start);
      e->op = static_cast<unsigned char>(it->second);
      e->a = left;
      e->b = binary_level(level + 1);
      e->where = from(start);
      left = e;
    }
  }
  expr* bitwise_or() { return binary_level(0); }

  expr* factor() {
    depth_guard guard(*this);
    if (at_op("-") || at_op("+") || at_op("~")) {
      const span start = span_of(cur());
      const unaryop op = cur().text == "-" ? unaryop::neg : cur().text == "+" ? unaryop::pos : unaryop::invert;
      ++p_;
      expr* e = m_.new_expr(ek::unaryop, start);
      e->op = static_cast<unsigned char>(op);
      e->a = factor();
      e->where = from(start);
      return e;
    }
    return power();
  }
  expr* power() {
    const span start = span_of(cur());
    expr* base = nullptr;
    if (at_kw("await")) {
      ++p_;
      base = m_.new_expr(ek::await_, start);
      base->a = primary();
      base->where = from(start);
    } else {
      base = primary();
    }
    if (!accept_op("**")) return base;
    expr* e = m_.new_expr(ek::binop, start);
    e->op = static_cast<unsigned char>(binop::pow);
    e->a = base;
    e->b = factor();  // right-associative, and binds a unary minus on its right
    e->where = from(start);
    return e;
  }

  expr* primary() {
    const span start = span_of(cur());
    expr* e = atom();
    for (;;) {
      if (accept_op(".")) {
        expr* a = m_.new_expr(ek::attribute, start);
        a->a = e;
        a->s = expect_name();
        a->where = from(start);
        e = a;
      } else if (accept_op("(")) {
        expr* c = m_.new_expr(ek::call, start);
        c->a = e;
        call_arguments(c->items, c->keywords, ")");
        expect_op(")");
        c->where = from(start);
        e = c;
      } else if (accept_op("[")) {
        expr* s = m_.new_expr(ek::subscript, start);
        s->a = e;
        s->b = slices();
        expect_op("]");
        s->where = from(start);
        e = s;
      } else {
        return e;
      }
    }
  }

  void call_arguments(std::vector<expr*>& args, std::vector<keyword>& kws, std::string_view close) {
    bool seen_keyword = false;
    bool seen_double_star = false;
    while (!at_op(close)) {
      const span start = span_of(cur());
      if (accept_op("**")) {
        keyword k;
        k.value = expression();
        k.where = from(start);
        kws.push_back(k);
        seen_double_star = true;
      } else if (at_op("*")) {
        ++p_;
        expr* s = m_.new_expr(ek::starred, start);
        s->a = expression();
        s->where = from(start);
        if (seen_double_star) fail_span(s->where, "iterable argument unpacking follows keyword argument unpacking");
        args.push_back(s);
      } else if (at(tok::name) && ahead(1).kind == tok::op && ahead(1).text == "=") {
        keyword k;
        k.name = expect_name();
        ++p_;
        k.value = expression();
        k.where = from(start);
        for (const keyword& other : kws) {
          if (other.name == k.name) fail_span(k.where, "keyword argument repeated: " + k.name);
        }
        kws.push_back(k);
        seen_keyword = true;
      } else {
        expr* e = named_expression();
        if (at_comprehension_for()) {
          expr* g = m_.new_expr(ek::gen_exp, start);
          g->a = e;
          comprehension_clauses(g->generators);
          g->where = from(start);
          if (!args.empty() || !kws.empty() || at_op(",")) {
            if (!(at_op(",") && ahead(1).kind == tok::op && ahead(1).text == close && args.empty() && kws.empty()))
              fail_span(g->where, "Generator expression must be parenthesized");
          }
          e = g;
        } else if (at_op("=")) {
          fail_span(e->where, "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (seen_double_star) fail_span(e->where, "positional argument follows keyword argument unpacking");
        if (seen_keyword) fail_span(e->where, "positional argument follows keyword argument");
        args.push_back(e);
      }
      if (!accept_op(",")) break;
    }
  }

  expr* slices() {
    const span start = span_of(cur());
    expr* first = slice_item();
    if (!at_op(",")) return first;
    expr* t = m_.new_expr(ek::tuple, start);
    t->items.push_back(first);
    while (accept_op(",")) {
      if (at_op("]")) break;
      t->items.push_back(slice_item());
    }
    t->where = from(start);
    return t;
  }
  expr* slice_item() {
    const span start = span_of(cur());
    expr* lower = nullptr;
    if (!at_op(":")) {
      lower = at_op("*") ? star_expression() : named_expression();
      if (!at_op(":")) return lower;
    }
    ++p_;  // ':'
    expr* s = m_.new_expr(ek::slice, start);
    s->a = lower;
    if (!at_op(":") && !at_op("]") && !at_op(",")) s->b = expression();
    if (accept_op(":")) {
      if (!at_op("]") && !at_op(",")) s->c = expression();
    }
    s->where = from(start);
    return s;
  }

  // `for`, or `async for` (which comprehension_clauses then rejects).
  bool at_comprehension_for() {
    return at_kw("for") || (at_kw("async") && ahead(1).kind == tok::name && ahead(1).text == "for");
  }

  void comprehension_clauses(std::vector<comprehension>& out) {
    while (at_kw("for") || at_kw("async")) {
      if (at_kw("async")) unsupported(cur(), "asynchronous comprehensions");
      ++p_;
      comprehension c;
      c.target = star_targets();
      if (!accept_kw("in")) invalid();
      c.iter = disjunction();
      while (accept_kw("if")) c.ifs.push_back(disjunction());
      out.push_back(std::move(c));
    }
  }

  expr* atom() {
    depth_guard guard(*this);
    const token& t = cur();
    const span start = span_of(t);
    switch (t.kind) {
      case tok::name: {
        if (t.text == "None") return ++p_, m_.new_expr(ek::none_const, start);
        if (t.text == "True") return ++p_, m_.new_expr(ek::true_const, start);
        if (t.text == "False") return ++p_, m_.new_expr(ek::false_const, start);
        if (t.text == "yield") fail_at(t, "invalid syntax");
        if (keywords.count(t.text)) invalid();
        expr* e = m_.new_expr(ek::name, start);
        e->s = t.text;
        ++p_;
        return e;
      }
      case tok::number: return number();
      case tok::string: return strings();
      case tok::op: break;
      default: invalid();
    }
    if (t.text == "...") return ++p_, m_.new_expr(ek::ellipsis_const, start);
    if (t.text == "(") return paren_group();
    if (t.text == "[") return list_display();
    if (t.text == "{") return brace_display();
    invalid();
  }

  expr* number() {
    const token& t = t_[p_++];
    const span where = span_of(t);
    std::string clean;
    for (char c : t.text)
      if (c != '_') clean += c;
    const bool is_float = clean.find_first_of(".eE") != std::string::npos &&
                          !(clean.size() > 1 && (clean[1] == 'x' || clean[1] == 'X'));
    if (is_float) {
      expr* e = m_.new_expr(ek::float_const, where);
      e->number = std::strtod(clean.c_str(), nullptr);
      e->s = clean;
      return e;
    }
    expr* e = m_.new_expr(ek::int_const, where);
    e->s = clean;
    return e;
  }

  expr* strings() {
    const span start = span_of(cur());
    bool any_bytes = false;
    bool any_str = false;
    bool any_f = false;
    std::vector<const token*> parts;
    while (at(tok::string)) {
      const token& t = t_[p_++];
      (t.is_bytes ? any_bytes : any_str) = true;
      any_f |= t.is_fstring;
      parts.push_back(&t);
    }
    if (any_bytes && any_str) fail_span(from(start), "cannot mix bytes and nonbytes literals");
    if (!any_f) {
      expr* e = m_.new_expr(any_bytes ? ek::bytes_const : ek::str_const, from(start));
      for (const token* t : parts) e->s += t->text;
      return e;
    }
    expr* f = m_.new_expr(ek::fstring, from(start));
    for (const token* t : parts) {
      if (t->is_fstring) {
        fstring_body(*t, f->items);
      } else {
        add_fstring_literal(f->items, t->text, span_of(*t));
      }
    }
    return f;
  }

  void add_fstring_literal(std::vector<expr*>& items, const std::string& text, span where) {
    if (text.empty()) return;
    if (!items.empty() && items.back()->kind == ek::str_const) {
      items.back()->s += text;
      return;
    }
    expr* e = m_.new_expr(ek::str_const, where);
    e->s = text;
    items.push_back(e);
  }

  // Splits an f-string body into literal text and {expression!conv:spec}
  // fields; each field's expression is tokenized and parsed on its own.
  void fstring_body(const token& t, std::vector<expr*>& items, int nesting = 0) {
    const std::string& body = t.text;
    const span where = span_of(t);
    std::string literal;
    auto flush = [&] {
      std::string decoded = t.is_raw ? literal : decode_fstring_literal(literal, where);
      add_fstring_literal(items, decoded, where);
      literal.clear();
    };
    for (std::size_t i = 0; i < body.size(); ++i) {
      const char c = body[i];
      if (c == '{' && i + 1 < body.size() && body[i + 1] == '{') {
        literal += '{';
        ++i;
        continue;
      }
      if (c == '}') {
        if (i + 1 < body.size() && body[i + 1] == '}') {
          literal += '}';
          ++i;
          continue;
        }
        fail_span(where, "f-string: single '}' is not allowed");
      }
      if (c == '\\' && !t.is_raw && i + 1 < body.size()) {
        literal += c;
        literal += body[++i];
        continue;
      }
      if (c != '{') {
        literal += c;
        continue;
      }
      flush();
      // Find the end of the expression: a top-level '!', ':', '=' or '}'.
      std::size_t j = i + 1;
      int depth = 0;
      char quote = 0;
      for (; j < body.size(); ++j) {
        const char d = body[j];
        if (quote) {
          if (d == quote) quote = 0;
          continue;
        }
        if (d == '\'' || d == '"') {
          quote = d;
        } else if (d == '(' || d == '[' || d == '{') {
          ++depth;
        } else if (d == ')' || d == ']' || d == '}') {
          if (depth == 0) break;
          --depth;
        } else if (depth == 0 && (d == ':' || (d == '!' && j + 1 < body.size() && body[j + 1] != '='))) {
          break;
        } else if (d == '\\') {
          fail_span(where, "f-string expression part cannot include a backslash");
        } else if (d == '#') {
          fail_span(where, "f-string expression part cannot include '#'");
        }
      }
      if (j >= body.size()) fail_span(where, "f-string: expecting '}'");
      std::string expr_text = body.substr(i + 1, j - i - 1);
      bool self_documenting = false;
      {
        // "{x=}" prints "x=" then the repr.
        std::size_t k = expr_text.find_last_not_of(' ');
        if (k != std::string::npos && expr_text[k] == '=' && k > 0 &&
            expr_text[k - 1] != '=' && expr_text[k - 1] != '!' && expr_text[k - 1] != '<' && expr_text[k - 1] != '>') {
          self_documenting = true;
          add_fstring_literal(items, expr_text, where);
          expr_text = expr_text.substr(0, k);
        }
      }
      if (expr_text.find_first_not_of(" \t\n") == std::string::npos) {
        fail_span(where, "f-string: empty expression not allowed");
      }
      expr* value = parse_fstring_expression(expr_text, where);
      expr* field = m_.new_expr(ek::formatted, where);
      field->a = value;
      // f"{x=}" is repr(x), but with a format spec and no conversion the
      // spec applies to x itself (f"{x=:.2f}"), as CPython's.
      if (self_documenting && body[j] != ':') field->conversion = 'r';
      if (body[j] == '!') {
        if (j + 1 >= body.size()) fail_span(where, "f-string: expecting '}'");
        const char conv = body[j + 1];
        if (conv != 'r' && conv != 's' && conv != 'a') {
          fail_span(where, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        field->conversion = conv;
        j += 2;
      }
      if (j < body.size() && body[j] == ':') {
        // The spec runs to the matching '}' and may hold nested fields.
        std::size_t k = j + 1;
        int d = 0;
        for (; k < body.size(); ++k) {
          if (body[k] == '{') ++d;
          if (body[k] == '}') {
            if (d == 0) break;
            --d;
          }
        }
        if (k >= body.size()) fail_span(where, "f-string: expecting '}'");
        if (nesting >= 1 && body.substr(j + 1, k - j - 1).find('{') != std::string::npos) {
          fail_span(where, "f-string: expressions nested too deeply");
        }
        token spec = t;
        spec.text = body.substr(j + 1, k - j - 1);
        expr* spec_expr = m_.new_expr(ek::fstring, where);
        fstring_body(spec, spec_expr->items, nesting + 1);
        field->b = spec_expr;
        j = k;
      }
      if (j >= body.size() || body[j] != '}') fail_span(where, "f-string: expecting '}'");
      items.push_back(field);
      i = j;
    }
    flush();
  }

  std::string decode_fstring_literal(const std::string& raw, span where) {
    return decode_escapes(raw, false, where.line, where.column);
  }

  expr* parse_fstring_expression(const std::string& text, span where) {
    std::vector<token> tt;
    try {
      tt = tokenize("(" + text + ")");
    } catch (const syntax_error& e) {
      throw syntax_error(e.what_kind, "f-string: " + e.msg, where.line, where.column);
    }
    for (token& x : tt) {  // errors point at the f-string itself
      x.line = where.line;
      x.column = where.column;
      x.end_line = where.end_line;
      x.end_column = where.end_column;
    }
    parser sub(src_, std::move(tt), m_);
    sub.depth_ = depth_;
    return sub.standalone_expression();
  }

  expr* paren_group() {
    const span start = span_of(cur());
    ++p_;
    if (accept_op(")")) return m_.new_expr(ek::tuple, from(start));
    if (at_kw("yield")) {
      expr* y = yield_expr();
      expect_op(")");
      y->parenthesized = true;
      return y;
    }
    expr* first = at_op("*") ? star_expression() : named_expression();
    if (at_comprehension_for()) {
      expr* g = m_.new_expr(ek::gen_exp, start);
      g->a = first;
      comprehension_clauses(g->generators);
      expect_op(")");
      g->where = from(start);
      return g;
    }
    if (accept_op(")")) {
      if (first->kind == ek::starred) fail_span(first->where, "cannot use starred expression here");
      first->parenthesized = true;
      return first;
    }
    if (!at_op(",")) invalid();
    expr* t = m_.new_expr(ek::tuple, start);
    t->items.push_back(first);
    while (accept_op(",")) {
      if (at_op(")")) break;
      t->items.push_back(at_op("*") ? star_expression() : named_expression());
    }
    expect_op(")");
    t->where = from(start);
    t->parenthesized = true;
    return t;
  }

  expr* list_display() {
    const span start = span_of(cur());
    ++p_;
    expr* l = m_.new_expr(ek::list, start);
    if (accept_op("]")) return l->where = from(start), l;
    expr* first = at_op("*") ? star_expression() : named_expression();
    if (at_comprehension_for()) {
      expr* c = m_.new_expr(ek::list_comp, start);
      c->a = first;
      comprehension_clauses(c->generators);
      expect_op("]");
      c->where = from(start);
      return c;
    }
    l->items.push_back(first);
    while (accept_op(",")) {
      if (at_op("]")) break;
      l->items.push_back(at_op("*") ? star_expression() : named_expression());
    }
    expect_op("]");
    l->where = from(start);
    return l;
  }

  expr* brace_display() {
    const span start = span_of(cur());
    ++p_;
    if (accept_op("}")) return m_.new_expr(ek::dict, from(start));
    // First item decides: dict (k: v or **m) or set.
    if (at_op("**") || !at_op("*")) {
      expr* key = nullptr;
      expr* value = nullptr;
      if (accept_op("**")) {
        value = bitwise_or();
      } else {
        key = named_expression();
        if (!at_op(":")) return set_rest(start, key);
        ++p_;
        value = expression();
      }
      if (key && at_comprehension_for()) {
        expr* c = m_.new_expr(ek::dict_comp, start);
        c->a = key;
        c->b = value;
        comprehension_clauses(c->generators);
        expect_op("}");
        c->where = from(start);
        return c;
      }
      expr* d = m_.new_expr(ek::dict, start);
      d->keys.push_back(key);
      d->values.push_back(value);
      while (accept_op(",")) {
        if (at_op("}")) break;
        if (accept_op("**")) {
          d->keys.push_back(nullptr);
          d->values.push_back(bitwise_or());
        } else {
          d->keys.push_back(expression());
          expect_op(":");
          d->values.push_back(expression());
        }
      }
      expect_op("}");
      d->where = from(start);
      return d;
    }
    return set_rest(start, star_expression());
  }

  expr* set_rest(span start, expr* first) {
    if (at_comprehension_for()) {
      expr* c = m_.new_expr(ek::set_comp, start);
      c->a = first;
      comprehension_clauses(c->generators);
      expect_op("}");
      c->where = from(start);
      return c;
    }
    expr* s = m_.new_expr(ek::set, start);
    s->items.push_back(first);
    while (accept_op(",")) {
      if (at_op("}")) break;
      s->items.push_back(at_op("*") ? star_expression() : named_expression());
    }
    expect_op("}");
    s->where = from(start);
    return s;
  }

  expr* yield_expr() {
    const span start = span_of(cur());
    ++p_;
    if (accept_kw("from")) {
      expr* e = m_.new_expr(ek::yield_from, start);
      e->a = expression();
      e->where = from(start);
      return e;
    }
    expr* e = m_.new_expr(ek::yield, start);
    if (starts_expression()) e->a = star_expressions();
    e->where = from(start);
    return e;
  }

  std::string_view src_;
  std::vector<token> t_;
  std::size_t p_ = 0;
  module& m_;
  int depth_ = 0;
};

// ---- dump ----
void dump_expr(std::ostream& o, const expr* e);

void dump_list(std::ostream& o, const std::vector<expr*>& v) {
  for (const expr* x : v) {
    o << ' ';
    dump_expr(o, x);
  }
}

void dump_expr(std::ostream& o, const expr* e) {
  if (!e) {
    o << "_";
    return;
  }
  switch (e->kind) {
    case ek::name: o << e->s; return;
    case ek::int_const: o << e->s; return;
    case ek::float_const: o << e->s; return;
    case ek::str_const: o << '\'' << e->s << '\''; return;
    case ek::bytes_const: o << "b'" << e->s << '\''; return;
    case ek::none_const: o << "None"; return;
    case ek::true_const: o << "True"; return;
    case ek::false_const: o << "False"; return;
    case ek::ellipsis_const: o << "..."; return;
    case ek::binop: o << '(' << to_string(static_cast<binop>(e->op)) << ' '; break;
    case ek::unaryop: {
      static const char* names[] = {"neg", "pos", "~", "not"};
      o << '(' << names[e->op] << ' ';
      break;
    }
    case ek::compare:
      o << "(cmp ";
      dump_expr(o, e->a);
      for (std::size_t i = 0; i < e->items.size(); ++i) {
        o << ' ' << to_string(e->cmpops[i]) << ' ';
        dump_expr(o, e->items[i]);
      }
      o << ')';
      return;
    case ek::boolop: o << (e->flag ? "(or" : "(and"); dump_list(o, e->items); o << ')'; return;
    case ek::call:
      o << "(call ";
      dump_expr(o, e->a);
      dump_list(o, e->items);
      for (const auto& k : e->keywords) {
        o << ' ' << (k.name.empty() ? "**" : k.name + "=");
        dump_expr(o, k.value);
      }
      o << ')';
      return;
    case ek::attribute: o << "(. "; dump_expr(o, e->a); o << ' ' << e->s << ')'; return;
    case ek::subscript: o << "([] "; dump_expr(o, e->a); o << ' '; dump_expr(o, e->b); o << ')'; return;
    case ek::slice: o << "(: "; dump_expr(o, e->a); o << ' '; dump_expr(o, e->b); o << ' '; dump_expr(o, e->c); o << ')'; return;
    case ek::list: o << "(list"; dump_list(o, e->items); o << ')'; return;
    case ek::tuple: o << "(tuple"; dump_list(o, e->items); o << ')'; return;
    case ek::set: o << "(set"; dump_list(o, e->items); o << ')'; return;
    case ek::dict:
      o << "(dict";
      for (std::size_t i = 0; i < e->keys.size(); ++i) {
        o << ' ';
        dump_expr(o, e->keys[i]);
        o << ':';
        dump_expr(o, e->values[i]);
      }
      o << ')';
      return;
    case ek::list_comp: case ek::set_comp: case ek::gen_exp: case ek::dict_comp:
      o << (e->kind == ek::list_comp ? "(listcomp " : e->kind == ek::set_comp ? "(setcomp " : e->kind == ek::gen_exp ? "(genexp " : "(dictcomp ");
      dump_expr(o, e->a);
      if (e->b) { o << ':'; dump_expr(o, e->b); }
      for (const auto& g : e->generators) {
        o << " for ";
        dump_expr(o, g.target);
        o << " in ";
        dump_expr(o, g.iter);
        for (const expr* c : g.ifs) { o << " if "; dump_expr(o, c); }
      }
      o << ')';
      return;
    case ek::lambda: o << "(lambda "; dump_expr(o, e->a); o << ')'; return;
    case ek::if_exp: o << "(if "; dump_expr(o, e->a); o << ' '; dump_expr(o, e->b); o << ' '; dump_expr(o, e->c); o << ')'; return;
    case ek::starred: o << "*"; dump_expr(o, e->a); return;
    case ek::named: o << "(:= "; dump_expr(o, e->a); o << ' '; dump_expr(o, e->b); o << ')'; return;
    case ek::yield: o << "(yield "; dump_expr(o, e->a); o << ')'; return;
    case ek::yield_from: o << "(yield-from "; dump_expr(o, e->a); o << ')'; return;
    case ek::await_: o << "(await "; dump_expr(o, e->a); o << ')'; return;
    case ek::fstring: o << "(f"; dump_list(o, e->items); o << ')'; return;
    case ek::formatted:
      o << "{";
      dump_expr(o, e->a);
      if (e->conversion) o << '!' << e->conversion;
      if (e->b) { o << ':'; dump_expr(o, e->b); }
      o << "}";
      return;
  }
  dump_expr(o, e->a);
  if (e->kind == ek::binop) {
    o << ' ';
    dump_expr(o, e->b);
  }
  o << ')';
}

void dump_body(std::ostream& o, const std::vector<stmt*>& body, int indent);

void dump_stmt(std::ostream& o, const stmt* s, int indent) {
  o << std::string(static_cast<std::size_t>(indent) * 2, ' ');
  switch (s->kind) {
    case sk::expr: dump_expr(o, s->value); o << '\n'; return;
    case sk::assign:
      o << "(= ";
      for (const expr* t : s->targets) { dump_expr(o, t); o << ' '; }
      dump_expr(o, s->value);
      o << ")\n";
      return;
    case sk::aug_assign:
      o << "(" << to_string(static_cast<binop>(s->op)) << "= ";
      dump_expr(o, s->target);
      o << ' ';
      dump_expr(o, s->value);
      o << ")\n";
      return;
    case sk::ann_assign:
      o << "(: ";
      dump_expr(o, s->target);
      o << ' ';
      dump_expr(o, s->annotation);
      o << ' ';
      dump_expr(o, s->value);
      o << ")\n";
      return;
    case sk::if_: o << "(if "; dump_expr(o, s->test); break;
    case sk::while_: o << "(while "; dump_expr(o, s->test); break;
    case sk::for_: o << "(for "; dump_expr(o, s->target); o << " in "; dump_expr(o, s->iter); break;
    case sk::break_: o << "(break)\n"; return;
    case sk::continue_: o << "(continue)\n"; return;
    case sk::pass: o << "(pass)\n"; return;
    case sk::return_: o << "(return "; dump_expr(o, s->value); o << ")\n"; return;
    case sk::function_def: o << "(def " << s->name; break;
    case sk::class_def: o << "(class " << s->name; dump_list(o, s->bases); break;
    case sk::del: o << "(del"; dump_list(o, s->targets); o << ")\n"; return;
    case sk::global: case sk::nonlocal:
      o << (s->kind == sk::global ? "(global" : "(nonlocal");
      for (const auto& n : s->names) o << ' ' << n;
      o << ")\n";
      return;
    case sk::assert_: o << "(assert "; dump_expr(o, s->test); o << ' '; dump_expr(o, s->msg); o << ")\n"; return;
    case sk::raise: o << "(raise "; dump_expr(o, s->value); o << ' '; dump_expr(o, s->msg); o << ")\n"; return;
    case sk::try_: o << "(try"; break;
    case sk::with: o << "(with"; for (const auto& i : s->items) { o << ' '; dump_expr(o, i.context); if (i.target) { o << " as "; dump_expr(o, i.target); } } break;
    case sk::import: o << "(import"; for (const auto& a : s->aliases) o << ' ' << a.name << (a.asname.empty() ? "" : " as " + a.asname); o << ")\n"; return;
    case sk::import_from:
      o << "(from " << std::string(static_cast<std::size_t>(s->level), '.') << s->name << " import";
      for (const auto& a : s->aliases) o << ' ' << a.name << (a.asname.empty() ? "" : " as " + a.asname);
      o << ")\n";
      return;
  }
  o << '\n';
  dump_body(o, s->body, indent + 1);
  for (const auto& h : s->handlers) {
    o << std::string(static_cast<std::size_t>(indent) * 2, ' ') << "except ";
    dump_expr(o, h.type);
    if (!h.name.empty()) o << " as " << h.name;
    o << '\n';
    dump_body(o, h.body, indent + 1);
  }
  if (!s->orelse.empty()) {
    o << std::string(static_cast<std::size_t>(indent) * 2, ' ') << "else\n";
    dump_body(o, s->orelse, indent + 1);
  }
  if (!s->finalbody.empty()) {
    o << std::string(static_cast<std::size_t>(indent) * 2, ' ') << "finally\n";
    dump_body(o, s->finalbody, indent + 1);
  }
}

void dump_body(std::ostream& o, const std::vector<stmt*>& body, int indent) {
  for (const stmt* s : body) dump_stmt(o, s, indent);
}

}  // namespace

const char* ast::to_string(binop op) {
  static const char* names[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"};
  return names[static_cast<int>(op)];
}
const char* ast::to_string(cmpop op) {
  static const char* names[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"};
  return names[static_cast<int>(op)];
}

std::unique_ptr<module> parse(std::string_view source) {
  auto m = std::make_unique<module>();
  parser(source, tokenize(source), *m).file();
  return m;
}

std::string dump(const module& m) {
  std::ostringstream o;
  dump_body(o, m.body, 0);
  return o.str();
}

}  // namespace gillab::interp
