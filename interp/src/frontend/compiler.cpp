// compiler.cpp — see compiler.hpp.
#include <gillab/interp/compiler.hpp>
#include <gillab/interp/parser.hpp>

#include "symtable.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <variant>
#include <map>

namespace gillab::interp {
namespace {

using namespace ast;
using ek = expr_kind;
using sk = stmt_kind;
using symtable::binding;
using symtable::scope;
using symtable::scope_kind;

// What a break, continue or return must undo on its way out of a block.
enum class fblock_kind {
  while_loop, for_loop, try_except, try_finally, finally_end, handler_cleanup, pushed_value, with_block, async_with_block
};

struct fblock {
  fblock_kind kind;
  int continue_label = -1;
  int break_label = -1;
  int handler = -1;  // label of this block's exception handler, or -1
  int depth = 0;     // stack depth at the handler (before the exception is pushed)
  const std::vector<stmt*>* finalbody = nullptr;
  std::string bound_name{};  // except ... as name: deleted on the way out
};

struct label {
  int target = -1;
  std::vector<int> refs;  // instructions to patch
};

struct unit {
  std::shared_ptr<code_unit> code = std::make_shared<code_unit>();
  scope* sc = nullptr;
  std::vector<int> handler_of;  // per instruction: label of the handler covering it, or -1
  std::vector<label> labels;
  std::vector<fblock> fblocks;
  std::map<std::string, int> const_index;
  std::vector<std::pair<int, int>> handler_depths;  // (handler label, stack depth)
  int line = 1;
};

[[noreturn]] void fail(const span& where, const std::string& msg,
                       syntax_error::kind k = syntax_error::kind::syntax) {
  throw syntax_error(k, msg, where.line, where.column);
}
[[noreturn]] void unsupported(const span& where, const std::string& what) {
  fail(where, what + " is not supported by gillab yet", syntax_error::kind::not_implemented);
}

constant parse_int_literal(const std::string& text) {
  namespace mp = boost::multiprecision;
  int base = 10;
  std::size_t start = 0;
  if (text.size() > 1 && text[0] == '0') {
    const char b = static_cast<char>(text[1] | 0x20);
    base = b == 'x' ? 16 : b == 'o' ? 8 : b == 'b' ? 2 : 10;
    if (base != 10) start = 2;
  }
  mp::cpp_int v = 0;
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = static_cast<char>(text[i] | 0x20);
    const int d = c >= 'a' ? c - 'a' + 10 : c - '0';
    v = v * base + d;
  }
  if (v <= std::numeric_limits<std::int64_t>::max()) return static_cast<std::int64_t>(v);
  return big_int_literal{v.str()};
}

// ---- annotations as strings (PEP 563) ----
// CPython's Python/ast_unparse.c, for the expressions annotations are made
// of: the same precedence levels and parentheses, tuples bare inside a
// subscript, constants by repr. What it does not cover (f-strings,
// lambdas, comprehensions in an annotation) is refused by name.
enum prec : int { pr_tuple, pr_test, pr_or, pr_and, pr_not, pr_cmp, pr_expr, pr_bor = pr_expr, pr_bxor, pr_band,
                  pr_shift, pr_arith, pr_term, pr_factor, pr_power, pr_await, pr_atom };

std::string repr_text(const std::string& v, bool bytes) {
  const bool has_single = v.find('\'') != std::string::npos;
  const char quote = has_single && v.find('"') == std::string::npos ? '"' : '\'';
  std::string out = bytes ? "b" : "";
  out += quote;
  static const char hex[] = "0123456789abcdef";
  for (const char ch : v) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\' || c == static_cast<unsigned char>(quote)) {
      out += '\\';
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;  // printable ASCII, or UTF-8 of a non-ASCII character (kept, as repr keeps printable ones)
    }
  }
  out += quote;
  return out;
}

// repr(float): the shortest digits that round-trip, in fixed notation when
// the decimal exponent is in [-4, 16), else as d.ddde+XX (Python's 'r').
std::string float_text(double d) {
  if (std::isinf(d)) return d > 0 ? "1e309" : "-1e309";  // as ast_unparse writes an infinite constant
  if (std::isnan(d)) return "nan";
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  const std::string sci(buf, r.ptr);  // [-]d[.ddd]e[+-]XX
  const std::size_t e_at = sci.find('e');
  const int exponent = std::stoi(sci.substr(e_at + 1));
  if (exponent < -4 || exponent >= 16) return sci;
  std::string sign, digits;
  for (std::size_t i = 0; i < e_at; ++i) {
    if (sci[i] == '-') sign = "-";
    else if (sci[i] != '.') digits += sci[i];
  }
  if (exponent < 0) return sign + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  const auto point = static_cast<std::size_t>(exponent) + 1;
  if (digits.size() <= point) return sign + digits + std::string(point - digits.size(), '0') + ".0";
  return sign + digits.substr(0, point) + "." + digits.substr(point);
}

void unparse(std::string& out, const expr* e, int level);

void unparse_items(std::string& out, const std::vector<expr*>& items) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    unparse(out, items[i], pr_test);
  }
}

void unparse(std::string& out, const expr* e, int level) {
  auto open = [&](int pr) {
    if (level > pr) out += '(';
  };
  auto close = [&](int pr) {
    if (level > pr) out += ')';
  };
  switch (e->kind) {
    case ek::name: out += e->s; return;
    case ek::int_const: {
      const constant c = parse_int_literal(e->s);
      if (const auto* i = std::get_if<std::int64_t>(&c)) out += std::to_string(*i);
      else out += std::get<big_int_literal>(c).digits;
      return;
    }
    case ek::float_const: out += float_text(e->number); return;
    case ek::str_const: out += repr_text(e->s, false); return;
    case ek::bytes_const: out += repr_text(e->s, true); return;
    case ek::none_const: out += "None"; return;
    case ek::true_const: out += "True"; return;
    case ek::false_const: out += "False"; return;
    case ek::ellipsis_const: out += "..."; return;
    case ek::attribute:
      unparse(out, e->a, pr_atom);
      out += '.';
      out += e->s;
      return;
    case ek::subscript:
      unparse(out, e->a, pr_atom);
      out += '[';
      unparse(out, e->b, pr_tuple);
      out += ']';
      return;
    case ek::slice:
      if (e->a) unparse(out, e->a, pr_test);
      out += ':';
      if (e->b) unparse(out, e->b, pr_test);
      if (e->c) {
        out += ':';
        unparse(out, e->c, pr_test);
      }
      return;
    case ek::tuple:
      if (e->items.empty()) {
        out += "()";
        return;
      }
      open(pr_tuple);
      unparse_items(out, e->items);
      if (e->items.size() == 1) out += ',';
      close(pr_tuple);
      return;
    case ek::list:
      out += '[';
      unparse_items(out, e->items);
      out += ']';
      return;
    case ek::set:
      out += '{';
      unparse_items(out, e->items);
      out += '}';
      return;
    case ek::dict:
      out += '{';
      for (std::size_t i = 0; i < e->values.size(); ++i) {
        if (i) out += ", ";
        if (e->keys[i]) {
          unparse(out, e->keys[i], pr_test);
          out += ": ";
          unparse(out, e->values[i], pr_test);
        } else {
          out += "**";
          unparse(out, e->values[i], pr_expr);
        }
      }
      out += '}';
      return;
    case ek::binop: {
      const auto op = static_cast<binop>(e->op);
      int pr = pr_arith;
      switch (op) {
        case binop::bitor_: pr = pr_bor; break;
        case binop::bitxor: pr = pr_bxor; break;
        case binop::bitand_: pr = pr_band; break;
        case binop::lshift: case binop::rshift: pr = pr_shift; break;
        case binop::add: case binop::sub: pr = pr_arith; break;
        case binop::pow: pr = pr_power; break;
        default: pr = pr_term; break;
      }
      const bool right_assoc = op == binop::pow;
      open(pr);
      unparse(out, e->a, pr + (right_assoc ? 1 : 0));
      out += ' ';
      out += to_string(op);
      out += ' ';
      unparse(out, e->b, pr + (right_assoc ? 0 : 1));
      close(pr);
      return;
    }
    case ek::unaryop: {
      const auto op = static_cast<unaryop>(e->op);
      const int pr = op == unaryop::not_ ? pr_not : pr_factor;
      open(pr);
      out += op == unaryop::not_ ? "not " : op == unaryop::neg ? "-" : op == unaryop::pos ? "+" : "~";
      unparse(out, e->a, pr);
      close(pr);
      return;
    }
    case ek::boolop: {
      const int pr = e->flag ? pr_or : pr_and;
      open(pr);
      for (std::size_t i = 0; i < e->items.size(); ++i) {
        if (i) out += e->flag ? " or " : " and ";
        unparse(out, e->items[i], pr + 1);
      }
      close(pr);
      return;
    }
    case ek::compare:
      open(pr_cmp);
      unparse(out, e->a, pr_cmp + 1);
      for (std::size_t i = 0; i < e->cmpops.size(); ++i) {
        out += ' ';
        out += to_string(e->cmpops[i]);
        out += ' ';
        unparse(out, e->items[i], pr_cmp + 1);
      }
      close(pr_cmp);
      return;
    case ek::call: {
      unparse(out, e->a, pr_atom);
      out += '(';
      bool first = true;
      for (const expr* x : e->items) {
        if (!first) out += ", ";
        first = false;
        unparse(out, x, pr_test);
      }
      for (const keyword& k : e->keywords) {
        if (!first) out += ", ";
        first = false;
        if (k.name.empty()) {
          out += "**";
          unparse(out, k.value, pr_expr);
        } else {
          out += k.name + "=";
          unparse(out, k.value, pr_test);
        }
      }
      out += ')';
      return;
    }
    case ek::starred:
      out += '*';
      unparse(out, e->a, pr_expr);
      return;
    case ek::if_exp:
      open(pr_test);
      unparse(out, e->b, pr_test + 1);
      out += " if ";
      unparse(out, e->a, pr_test + 1);
      out += " else ";
      unparse(out, e->c, pr_test);
      close(pr_test);
      return;
    default:
      unsupported(e->where, "this expression in an annotation under 'from __future__ import annotations'");
  }
}

std::string unparse_annotation(const expr* e) {
  std::string out;
  unparse(out, e, pr_test);
  return out;
}

class compiler {
 public:
  compiler(std::string filename, scope& top) : filename_(std::move(filename)), top_(top) {}

  std::shared_ptr<const code_unit> module(const ast::module& m) {
    future_imports(m.body);
    push_unit(&top_, "<module>", "<module>", 1);
    u().code->flags |= cf_module;
    if (contains_annotation(m.body)) {  // CPython's SETUP_ANNOTATIONS: every module, not only __main__
      emit(opcode::BUILD_MAP, 0);
      emit(opcode::STORE_NAME, add_name("__annotations__"));
    }
    body(m.body);
    emit(opcode::LOAD_CONST, add_const(none_literal{}));
    emit(opcode::RETURN_VALUE);
    return pop_unit();
  }

 private:
  // ---- from __future__ import ... ----
  // The features CPython 3.11 knows; all but annotations are always on in
  // Python 3 (barry_as_FLUFL, the <> joke, is refused by name).
  void future_imports(const std::vector<stmt*>& body) {
    bool at_start = true;
    for (std::size_t i = 0; i < body.size(); ++i) {
      const stmt* s = body[i];
      const bool docstring = i == 0 && s->kind == sk::expr && s->value->kind == ek::str_const;
      const bool future = s->kind == sk::import_from && s->level == 0 && s->name == "__future__";
      if (!future) {
        if (!docstring) at_start = false;
        continue;
      }
      if (!at_start) fail(s->where, "from __future__ imports must occur at the beginning of the file");
      for (const alias& a : s->aliases) {
        static const char* const always_on[] = {"nested_scopes", "generators", "division", "absolute_import",
                                                "with_statement", "print_function", "unicode_literals",
                                                "generator_stop"};
        if (a.name == "annotations") {
          future_annotations_ = true;
        } else if (a.name == "barry_as_FLUFL") {
          unsupported(a.where.line ? a.where : s->where, "from __future__ import barry_as_FLUFL");
        } else if (a.name == "braces") {
          fail(s->where, "not a chance");
        } else if (std::find(std::begin(always_on), std::end(always_on), a.name) == std::end(always_on)) {
          fail(s->where, "future feature " + a.name + " is not defined");
        }
      }
    }
  }

  // Whether a module or class body has an annotated assignment, searched
  // as CPython's find_ann does: into compound statements, not into nested
  // functions and classes (their annotations are their own).
  static bool contains_annotation(const std::vector<stmt*>& body) {
    for (const stmt* s : body) {
      switch (s->kind) {
        case sk::ann_assign: return true;
        case sk::function_def:
        case sk::class_def: continue;
        default: break;
      }
      if (contains_annotation(s->body) || contains_annotation(s->orelse) || contains_annotation(s->finalbody)) {
        return true;
      }
      for (const except_handler& h : s->handlers)
        if (contains_annotation(h.body)) return true;
    }
    return false;
  }

  // An annotation: evaluated, or under `from __future__ import annotations`
  // (PEP 563) its source as CPython's unparser writes it, a string.
  void annotation(const expr* e) {
    if (future_annotations_) {
      emit(opcode::LOAD_CONST, add_const(unparse_annotation(e)));
    } else {
      expression(e);
    }
  }

  // ---- units, emission, labels ----
  unit& u() { return units_.back(); }

  void push_unit(scope* sc, const std::string& name, const std::string& qualname, int first_line) {
    units_.emplace_back();
    unit& n = u();
    n.sc = sc;
    n.code->name = name;
    n.code->qualname = qualname;
    n.code->filename = filename_;
    n.code->first_line = first_line;
    n.line = first_line;
    if (sc->kind == scope_kind::function || sc->kind == scope_kind::comprehension) {
      for (const std::string& p : sc->params) n.code->varnames.push_back(p);
      for (const std::string& l : sc->local_order) {
        if (sc->lookup(l) == binding::local &&
            std::find(n.code->varnames.begin(), n.code->varnames.end(), l) == n.code->varnames.end())
          n.code->varnames.push_back(l);
      }
    }
    n.code->cellvars = sc->cellvars;
    n.code->freevars = sc->freevars;
    for (const std::string& c : sc->cellvars) {
      auto it = std::find(sc->params.begin(), sc->params.end(), c);
      n.code->cell_of_arg.push_back(it == sc->params.end() ? -1 : static_cast<int>(it - sc->params.begin()));
    }
  }

  std::shared_ptr<const code_unit> pop_unit() {
    unit& n = u();
    code_unit& c = *n.code;
    for (const label& l : n.labels) {
      for (int ref : l.refs) {
        c.code[static_cast<std::size_t>(ref)] =
            make_instruction(op_of(c.code[static_cast<std::size_t>(ref)]), static_cast<std::uint32_t>(l.target));
      }
    }
    build_exception_table(n);
    c.max_stack = compute_max_stack(n);
    std::shared_ptr<const code_unit> done = n.code;
    units_.pop_back();
    return done;
  }

  int emit(opcode op, std::uint32_t arg = 0) {
    if (arg > max_arg) fail({u().line, 1, u().line, 1}, "too many constants, names or jumps in one code object");
    code_unit& c = *u().code;
    c.code.push_back(make_instruction(op, arg));
    c.line_of.push_back(u().line);
    u().handler_of.push_back(current_handler());
    return static_cast<int>(c.code.size()) - 1;
  }
  int new_label() {
    u().labels.emplace_back();
    return static_cast<int>(u().labels.size()) - 1;
  }
  void bind(int l) { u().labels[static_cast<std::size_t>(l)].target = static_cast<int>(u().code->code.size()); }
  void emit_jump(opcode op, int l) {
    const int at = emit(op, 0);
    u().labels[static_cast<std::size_t>(l)].refs.push_back(at);
  }
  int here() const { return static_cast<int>(units_.back().code->code.size()); }

  /// `a OP b` where both operands compiled to one LOAD_FAST each (at
  /// `first` and `second`, nothing else emitted since): the loads become
  /// LOAD_FAST_BORROW / _2 and BINARY_OP gets binop_borrowed, so the pair
  /// costs no incref and decref of either (four atomic operations under
  /// fine's atomic counting). Sound because only this frame's own code can
  /// rebind its fast locals (no frame writes from outside, cells are not
  /// fast locals), and this frame runs nothing but the three instructions
  /// in between: no jump lands between them (names compile to one
  /// instruction, no label), and BINARY_OP's callee runs in other frames.
  bool borrow_local_operands(int first, int second) {
    std::vector<instruction>& code = u().code->code;
    if (second != first + 1 || here() != second + 1) return false;
    auto& a = code[static_cast<std::size_t>(first)];
    auto& b = code[static_cast<std::size_t>(second)];
    if (op_of(a) != opcode::LOAD_FAST || op_of(b) != opcode::LOAD_FAST) return false;
    a = make_instruction(opcode::LOAD_FAST_BORROW, arg_of(a));
    b = make_instruction(opcode::LOAD_FAST_BORROW_2, arg_of(b));
    return true;
  }

  /// `x[key]` (a load) where x is a fast local: compiled as [CHECK_FAST x]
  /// key BINARY_SUBSCR_LOCAL x, so the container is read from the frame
  /// when it is used and never pushed, increfed and decrefed: under fine two
  /// atomic operations on a shared container's line per subscript, which
  /// made threads reading one dict or list slower than one thread (issue 9's
  /// shared_read). Sound because only this frame's code rebinds its fast
  /// locals, and the only binding inside an expression is a walrus (a key
  /// with one anywhere, nested scopes included, keeps the general form); a
  /// yield in the key suspends with only the key's values on the stack.
  /// CHECK_FAST raises x's UnboundLocalError before the key runs, as
  /// CPython; a constant key runs nothing, so it needs none.
  bool subscript_of_local(const expr* e) {
    const scope* sc = u().sc;
    if (e->a->kind != ek::name || sc->kind == scope_kind::class_body) return false;
    const std::string n = symtable::mangle(sc->private_name, e->a->s);
    if (sc->lookup(n) != symtable::binding::local || contains_walrus(e->b)) return false;
    const std::uint32_t container = local_index(n);
    if (!is_constant(e->b)) emit(opcode::CHECK_FAST, container);
    expression(e->b);
    emit(opcode::BINARY_SUBSCR_LOCAL, container);
    return true;
  }
  static bool is_constant(const expr* e) {
    switch (e->kind) {
      case ek::int_const: case ek::float_const: case ek::str_const: case ek::bytes_const:
      case ek::none_const: case ek::true_const: case ek::false_const: case ek::ellipsis_const: return true;
      default: return false;
    }
  }
  static bool contains_walrus(const expr* e) {
    if (!e) return false;
    if (e->kind == ek::named) return true;
    if (contains_walrus(e->a) || contains_walrus(e->b) || contains_walrus(e->c)) return true;
    for (const auto* list : {&e->items, &e->keys, &e->values})
      for (const expr* x : *list)
        if (contains_walrus(x)) return true;
    for (const ast::keyword& k : e->keywords)
      if (contains_walrus(k.value)) return true;
    for (const ast::comprehension& g : e->generators) {
      if (contains_walrus(g.target) || contains_walrus(g.iter)) return true;
      for (const expr* x : g.ifs)
        if (contains_walrus(x)) return true;
    }
    if (e->args) {
      for (const expr* x : e->args->defaults)
        if (contains_walrus(x)) return true;
      for (const expr* x : e->args->kw_defaults)
        if (contains_walrus(x)) return true;
    }
    return false;
  }

  int current_handler() const {
    const auto& fbs = units_.back().fblocks;
    for (auto it = fbs.rbegin(); it != fbs.rend(); ++it)
      if (it->handler >= 0) return it->handler;
    return -1;
  }
  // Items the enclosing blocks keep on the stack at a statement boundary.
  int base_depth() const {
    int d = 0;
    for (const fblock& f : units_.back().fblocks) {
      if (f.kind == fblock_kind::for_loop || f.kind == fblock_kind::pushed_value) d += 1;
      if (f.kind == fblock_kind::with_block || f.kind == fblock_kind::async_with_block) d += 1;  // the bound __exit__
      if (f.kind == fblock_kind::handler_cleanup) d += 1;       // the previous exception
      if (f.kind == fblock_kind::finally_end) d += 2;           // previous exception and the exception
    }
    return d;
  }

  void build_exception_table(unit& n) {
    code_unit& c = *n.code;
    std::map<int, int> depth_of_label;
    for (const auto& [l, d] : n.handler_depths) depth_of_label[l] = d;
    for (std::size_t i = 0; i < n.handler_of.size();) {
      const int h = n.handler_of[i];
      std::size_t j = i;
      while (j < n.handler_of.size() && n.handler_of[j] == h) ++j;
      if (h >= 0) {
        c.exception_table.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j),
                                     static_cast<std::uint32_t>(n.labels[static_cast<std::size_t>(h)].target),
                                     static_cast<std::uint32_t>(depth_of_label[h])});
      }
      i = j;
    }
  }

  int compute_max_stack(const unit& n) {
    const code_unit& c = *n.code;
    const int size = static_cast<int>(c.code.size());
    std::vector<int> depth(static_cast<std::size_t>(size), -1);
    std::vector<int> work;
    auto reach = [&](int at, int d) {
      if (at >= size || at < 0) return;
      if (depth[static_cast<std::size_t>(at)] < d) {
        depth[static_cast<std::size_t>(at)] = d;
        work.push_back(at);
      }
    };
    reach(0, 0);
    for (const exception_entry& e : c.exception_table) reach(static_cast<int>(e.target), static_cast<int>(e.depth) + 1);
    int max_depth = 0;
    while (!work.empty()) {
      const int at = work.back();
      work.pop_back();
      const int d = depth[static_cast<std::size_t>(at)];
      max_depth = std::max(max_depth, d);
      const instruction ins = c.code[static_cast<std::size_t>(at)];
      const opcode op = op_of(ins);
      const int arg = static_cast<int>(arg_of(ins));
      const int after = d + stack_effect(op, static_cast<std::uint32_t>(arg));
      max_depth = std::max(max_depth, after);
      switch (op) {
        case opcode::JUMP:
        case opcode::JUMP_BACKWARD: reach(arg, d); break;
        case opcode::RETURN_VALUE:
        case opcode::RAISE_VARARGS:
        case opcode::RERAISE: break;
        case opcode::FOR_ITER:
          reach(arg, d - 1);
          reach(at + 1, after);
          break;
        case opcode::SEND:
          reach(arg, d - 1);
          reach(at + 1, after);
          break;
        case opcode::JUMP_IF_FALSE_OR_POP:
        case opcode::JUMP_IF_TRUE_OR_POP:
          reach(arg, d);
          reach(at + 1, after);
          break;
        case opcode::POP_JUMP_IF_FALSE:
        case opcode::POP_JUMP_IF_TRUE:
          reach(arg, after);
          reach(at + 1, after);
          break;
        default: reach(at + 1, after);
      }
    }
    return max_depth + 1;
  }

  // ---- constants and names ----
  std::uint32_t add_const(const constant& k) {
    // Key by type and value so 1, 1.0, True and "1" stay distinct.
    std::string key = std::to_string(k.index()) + ":";
    if (const auto* i = std::get_if<std::int64_t>(&k)) key += std::to_string(*i);
    else if (const auto* b = std::get_if<bool>(&k)) key += *b ? "1" : "0";
    else if (const auto* d = std::get_if<double>(&k)) {
      char buf[sizeof(double)];
      std::memcpy(buf, d, sizeof buf);  // bitwise: 0.0 and -0.0 differ
      key.append(buf, sizeof buf);
    } else if (const auto* s = std::get_if<std::string>(&k)) key += *s;
    else if (const auto* bi = std::get_if<big_int_literal>(&k)) key += bi->digits;
    else if (const auto* by = std::get_if<bytes_literal>(&k)) key += by->bytes;
    else if (const auto* names = std::get_if<std::vector<std::string>>(&k)) {
      for (const auto& n : *names) key += n + '\0';
    } else if (std::holds_alternative<std::shared_ptr<const code_unit>>(k)) {
      key += std::to_string(u().code->constants.size());  // never shared
    }
    auto [it, inserted] = u().const_index.emplace(key, static_cast<int>(u().code->constants.size()));
    if (inserted) u().code->constants.push_back(k);
    return static_cast<std::uint32_t>(it->second);
  }
  std::uint32_t add_name(const std::string& n) {
    auto& names = u().code->names;
    auto it = std::find(names.begin(), names.end(), n);
    if (it != names.end()) return static_cast<std::uint32_t>(it - names.begin());
    names.push_back(n);
    return static_cast<std::uint32_t>(names.size() - 1);
  }
  std::uint32_t local_index(const std::string& n) {
    auto& v = u().code->varnames;
    auto it = std::find(v.begin(), v.end(), n);
    if (it != v.end()) return static_cast<std::uint32_t>(it - v.begin());
    v.push_back(n);
    return static_cast<std::uint32_t>(v.size() - 1);
  }
  std::uint32_t cell_index(const std::string& n) {
    const auto& cells = u().code->cellvars;
    auto it = std::find(cells.begin(), cells.end(), n);
    if (it != cells.end()) return static_cast<std::uint32_t>(it - cells.begin());
    const auto& frees = u().code->freevars;
    auto jt = std::find(frees.begin(), frees.end(), n);
    return static_cast<std::uint32_t>(cells.size() + static_cast<std::size_t>(jt - frees.begin()));
  }

  enum class name_op { load, store, del };
  /// An attribute name as the code names it: mangled inside a class.
  std::uint32_t attribute_name(const std::string& n) { return add_name(symtable::mangle(u().sc->private_name, n)); }

  void name(const std::string& plain, name_op op) {
    const scope* sc = u().sc;
    const std::string n = symtable::mangle(sc->private_name, plain);
    const binding b = sc->lookup(n);
    static constexpr opcode fast[] = {opcode::LOAD_FAST, opcode::STORE_FAST, opcode::DELETE_FAST};
    static constexpr opcode deref[] = {opcode::LOAD_DEREF, opcode::STORE_DEREF, opcode::DELETE_DEREF};
    static constexpr opcode global[] = {opcode::LOAD_GLOBAL, opcode::STORE_GLOBAL, opcode::DELETE_GLOBAL};
    static constexpr opcode named[] = {opcode::LOAD_NAME, opcode::STORE_NAME, opcode::DELETE_NAME};
    const int k = static_cast<int>(op);
    switch (b) {
      case binding::local:
        if (sc->kind == scope_kind::class_body) {
          emit(named[k], add_name(n));
        } else {
          emit(fast[k], local_index(n));
        }
        return;
      case binding::cell:
      case binding::free: emit(deref[k], cell_index(n)); return;
      case binding::global_explicit: emit(global[k], add_name(n)); return;
      case binding::global_implicit:
        emit(sc->kind == scope_kind::class_body ? named[k] : global[k], add_name(n));
        return;
    }
  }

  // ---- statements ----
  void body(const std::vector<stmt*>& stmts) {
    for (const stmt* s : stmts) statement(s);
  }

  void statement(const stmt* s) {
    u().line = s->where.line;
    switch (s->kind) {
      case sk::expr:
        expression(s->value);
        emit(opcode::POP_TOP);
        return;
      case sk::assign:
        expression(s->value);
        for (std::size_t i = 0; i < s->targets.size(); ++i) {
          if (i + 1 < s->targets.size()) emit(opcode::COPY, 1);
          store(s->targets[i]);
        }
        return;
      case sk::aug_assign: aug_assign(s); return;
      case sk::ann_assign:
        if (s->value) {
          expression(s->value);
          store(s->target);
        }
        if (s->simple && (u().sc->kind == scope_kind::module || u().sc->kind == scope_kind::class_body)) {
          // __annotations__[name] = annotation, as CPython does at module and class level.
          annotation(s->annotation);
          emit(opcode::LOAD_NAME, add_name("__annotations__"));
          emit(opcode::LOAD_CONST, add_const(symtable::mangle(u().sc->private_name, s->target->s)));
          emit(opcode::STORE_SUBSCR);
        }
        return;
      case sk::if_: if_stmt(s); return;
      case sk::while_: while_stmt(s); return;
      case sk::for_: for_stmt(s); return;
      case sk::break_: break_continue(s, true); return;
      case sk::continue_: break_continue(s, false); return;
      case sk::pass: return;
      case sk::return_:
        if (s->value) {
          expression(s->value);
        } else {
          emit(opcode::LOAD_CONST, add_const(none_literal{}));
        }
        unwind_all(true);
        u().line = s->where.line;
        emit(opcode::RETURN_VALUE);
        return;
      case sk::function_def: function_def(s); return;
      case sk::class_def: class_def(s); return;
      case sk::del:
        for (const expr* t : s->targets) del(t);
        return;
      case sk::global:
      case sk::nonlocal: return;
      case sk::assert_: {
        const int ok = new_label();
        expression(s->test);
        emit_jump(opcode::POP_JUMP_IF_TRUE, ok);
        emit(opcode::LOAD_ASSERTION_ERROR);
        if (s->msg) {
          emit(opcode::PUSH_NULL);
          expression(s->msg);
          emit(opcode::CALL, 1);
        }
        emit(opcode::RAISE_VARARGS, 1);
        bind(ok);
        return;
      }
      case sk::raise:
        if (s->value) expression(s->value);
        if (s->msg) expression(s->msg);
        u().line = s->where.line;
        emit(opcode::RAISE_VARARGS, s->msg ? 2 : s->value ? 1 : 0);
        return;
      case sk::try_:
        if (!s->finalbody.empty()) {
          try_finally(s);
        } else {
          try_except(s);
        }
        return;
      case sk::with: with_stmt(s, 0); return;
      case sk::import: import(s); return;
      case sk::import_from: import_from(s); return;
    }
  }

  void aug_assign(const stmt* s) {
    const auto op = static_cast<std::uint32_t>(s->op) | 16;  // in-place form
    const expr* t = s->target;
    switch (t->kind) {
      case ek::name:
        name(t->s, name_op::load);
        expression(s->value);
        u().line = s->where.line;
        emit(opcode::BINARY_OP, op);
        name(t->s, name_op::store);
        return;
      case ek::attribute:
        expression(t->a);
        emit(opcode::COPY, 1);
        emit(opcode::LOAD_ATTR, attribute_name(t->s));
        expression(s->value);
        u().line = s->where.line;
        emit(opcode::BINARY_OP, op);
        emit(opcode::SWAP, 2);
        emit(opcode::STORE_ATTR, attribute_name(t->s));
        return;
      case ek::subscript:
        expression(t->a);
        expression(t->b);
        emit(opcode::COPY, 2);
        emit(opcode::COPY, 2);
        emit(opcode::BINARY_SUBSCR);
        expression(s->value);
        u().line = s->where.line;
        emit(opcode::BINARY_OP, op);
        emit(opcode::SWAP, 3);
        emit(opcode::SWAP, 2);
        emit(opcode::STORE_SUBSCR);
        return;
      default: fail(t->where, "illegal expression for augmented assignment");
    }
  }

  void store(const expr* t) {
    switch (t->kind) {
      case ek::name: name(t->s, name_op::store); return;
      case ek::attribute:
        expression(t->a);
        emit(opcode::STORE_ATTR, attribute_name(t->s));
        return;
      case ek::subscript:
        expression(t->a);
        expression(t->b);
        emit(opcode::STORE_SUBSCR);
        return;
      case ek::tuple:
      case ek::list: {
        const auto& items = t->items;
        auto star = std::find_if(items.begin(), items.end(), [](const expr* e) { return e->kind == ek::starred; });
        if (star == items.end()) {
          emit(opcode::UNPACK_SEQUENCE, static_cast<std::uint32_t>(items.size()));
        } else {
          const auto before = static_cast<std::uint32_t>(star - items.begin());
          const auto after = static_cast<std::uint32_t>(items.end() - star - 1);
          if (before > 255 || after > 65535) fail(t->where, "too many expressions in star-unpacking assignment");
          emit(opcode::UNPACK_EX, before | (after << 8));
        }
        for (const expr* e : items) store(e->kind == ek::starred ? e->a : e);
        return;
      }
      default: fail(t->where, "cannot assign to expression");
    }
  }

  void del(const expr* t) {
    switch (t->kind) {
      case ek::name: name(t->s, name_op::del); return;
      case ek::attribute:
        expression(t->a);
        emit(opcode::DELETE_ATTR, attribute_name(t->s));
        return;
      case ek::subscript:
        expression(t->a);
        expression(t->b);
        emit(opcode::DELETE_SUBSCR);
        return;
      case ek::tuple:
      case ek::list:
        for (const expr* e : t->items) del(e);
        return;
      default: fail(t->where, "cannot delete expression");
    }
  }

  void if_stmt(const stmt* s) {
    const int orelse = new_label();
    const int end = new_label();
    expression(s->test);
    emit_jump(opcode::POP_JUMP_IF_FALSE, s->orelse.empty() ? end : orelse);
    body(s->body);
    if (!s->orelse.empty()) {
      emit_jump(opcode::JUMP, end);
      bind(orelse);
      body(s->orelse);
    }
    bind(end);
  }

  void while_stmt(const stmt* s) {
    const int top = new_label();
    const int exit = new_label();
    const int end = new_label();
    bind(top);
    expression(s->test);
    emit_jump(opcode::POP_JUMP_IF_FALSE, exit);
    u().fblocks.push_back({fblock_kind::while_loop, top, end});
    body(s->body);
    u().fblocks.pop_back();
    u().line = s->where.line;
    emit_jump(opcode::JUMP_BACKWARD, top);
    bind(exit);
    body(s->orelse);
    bind(end);
  }

  // async for (CPython 3.11): GET_AITER, then per item GET_ANEXT and an
  // await covered by a handler whose END_ASYNC_FOR ends the loop on
  // StopAsyncIteration (and re-raises anything else).
  void async_for_stmt(const stmt* s) {
    const int top = new_label();
    const int stop = new_label();
    const int end = new_label();
    const int depth = base_depth();
    expression(s->iter);
    u().line = s->where.line;
    emit(opcode::GET_AITER);
    bind(top);
    push_handler_block({fblock_kind::try_except, -1, -1, stop, depth + 1});  // [aiter] at the handler
    emit(opcode::GET_ANEXT);
    delegate_loop();
    u().fblocks.pop_back();
    store(s->target);
    u().fblocks.push_back({fblock_kind::for_loop, top, end});
    body(s->body);
    u().fblocks.pop_back();
    u().line = s->where.line;
    emit_jump(opcode::JUMP_BACKWARD, top);
    bind(stop);  // [aiter exc]
    emit(opcode::END_ASYNC_FOR);
    body(s->orelse);
    bind(end);
  }

  void for_stmt(const stmt* s) {
    if (s->is_async) return async_for_stmt(s);
    const int top = new_label();
    const int exit = new_label();
    const int end = new_label();
    expression(s->iter);
    u().line = s->where.line;
    emit(opcode::GET_ITER);
    bind(top);
    emit_jump(opcode::FOR_ITER, exit);
    store(s->target);
    u().fblocks.push_back({fblock_kind::for_loop, top, end});
    body(s->body);
    u().fblocks.pop_back();
    u().line = s->where.line;
    emit_jump(opcode::JUMP_BACKWARD, top);
    bind(exit);
    body(s->orelse);
    bind(end);
  }

  // Emits what leaving `f` requires; `preserve_tos`: a return value is on top.
  void unwind(const fblock& f, bool preserve_tos) {
    switch (f.kind) {
      case fblock_kind::while_loop:
      case fblock_kind::try_except: return;
      case fblock_kind::for_loop:
        if (preserve_tos) emit(opcode::SWAP, 2);
        emit(opcode::POP_TOP);  // the iterator
        return;
      case fblock_kind::pushed_value:
        if (preserve_tos) emit(opcode::SWAP, 2);
        emit(opcode::POP_TOP);
        return;
      case fblock_kind::try_finally:
        if (preserve_tos) u().fblocks.push_back({fblock_kind::pushed_value});
        body(*f.finalbody);
        if (preserve_tos) u().fblocks.pop_back();
        return;
      case fblock_kind::finally_end:
        // [prev exc (value)]: drop the exception, restore the previous one.
        if (preserve_tos) emit(opcode::SWAP, 2);
        emit(opcode::POP_TOP);
        if (preserve_tos) emit(opcode::SWAP, 2);
        emit(opcode::POP_EXCEPT);
        return;
      case fblock_kind::handler_cleanup:
        if (preserve_tos) emit(opcode::SWAP, 2);
        emit(opcode::POP_EXCEPT);
        if (!f.bound_name.empty()) clear_name(f.bound_name);
        return;
      case fblock_kind::with_block:
      case fblock_kind::async_with_block:
        // Leaving by break/continue/return: __exit__(None, None, None).
        if (preserve_tos) emit(opcode::SWAP, 2);
        emit_with_exit(f.kind == fblock_kind::async_with_block ? 1 : 0);
        return;
    }
  }

  // Runs the unwind of every block out to (not including) the innermost
  // loop for break/continue, or all of them for return. Blocks are popped
  // while their cleanup is emitted, so that cleanup is not covered by their
  // own exception handlers, then restored for the code that follows.
  void unwind_all(bool preserve_tos) {
    std::vector<fblock> saved;
    while (!u().fblocks.empty()) {
      fblock f = u().fblocks.back();
      u().fblocks.pop_back();
      saved.push_back(f);
      unwind(f, preserve_tos);
    }
    for (auto it = saved.rbegin(); it != saved.rend(); ++it) u().fblocks.push_back(*it);
  }

  void break_continue(const stmt* s, bool is_break) {
    auto& fbs = u().fblocks;
    auto loop = std::find_if(fbs.rbegin(), fbs.rend(), [](const fblock& f) {
      return f.kind == fblock_kind::while_loop || f.kind == fblock_kind::for_loop;
    });
    if (loop == fbs.rend()) fail(s->where, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    std::vector<fblock> saved;
    while (&fbs.back() != &*loop) {
      fblock f = fbs.back();
      fbs.pop_back();
      saved.push_back(f);
      unwind(f, false);
      loop = std::find_if(fbs.rbegin(), fbs.rend(), [](const fblock& g) {
        return g.kind == fblock_kind::while_loop || g.kind == fblock_kind::for_loop;
      });
    }
    const fblock target = fbs.back();
    u().line = s->where.line;
    if (is_break) {
      fbs.pop_back();
      unwind(target, false);
      fbs.push_back(target);
      emit_jump(opcode::JUMP, target.break_label);
    } else {
      emit_jump(opcode::JUMP_BACKWARD, target.continue_label);
    }
    for (auto it = saved.rbegin(); it != saved.rend(); ++it) fbs.push_back(*it);
  }

  void clear_name(const std::string& n) {
    emit(opcode::LOAD_CONST, add_const(none_literal{}));
    name(n, name_op::store);
    name(n, name_op::del);
  }

  void push_handler_block(fblock f) {
    u().handler_depths.emplace_back(f.handler, f.depth);
    u().fblocks.push_back(std::move(f));
  }

  void try_except(const stmt* s) {
    const int handler = new_label();
    const int cleanup = new_label();
    const int orelse = new_label();
    const int end = new_label();
    const int depth = base_depth();
    push_handler_block({fblock_kind::try_except, -1, -1, handler, depth});
    body(s->body);
    u().fblocks.pop_back();
    emit_jump(opcode::JUMP, orelse);

    bind(handler);  // [exc]
    u().line = s->handlers.front().where.line;
    emit(opcode::PUSH_EXC_INFO);  // [prev exc]
    push_handler_block({fblock_kind::handler_cleanup, -1, -1, cleanup, depth + 1});
    for (const except_handler& h : s->handlers) {
      u().line = h.where.line;
      const int next = new_label();
      if (h.type) {
        expression(h.type);
        emit(opcode::CHECK_EXC_MATCH);
        emit_jump(opcode::POP_JUMP_IF_FALSE, next);
      } else if (&h != &s->handlers.back()) {
        fail(h.where, "default 'except:' must be last");
      }
      if (h.name.empty()) {
        emit(opcode::POP_TOP);
        body(h.body);
        u().fblocks.pop_back();
        emit(opcode::POP_EXCEPT);
      } else {
        name(h.name, name_op::store);
        // The name is deleted however the body is left: normally, by
        // break/continue/return (unwind), or by an exception (named_cleanup).
        const int named_cleanup = new_label();
        u().fblocks.back().bound_name = h.name;
        u().fblocks.back().handler = named_cleanup;
        u().handler_depths.emplace_back(named_cleanup, depth + 1);
        body(h.body);
        u().fblocks.pop_back();
        emit(opcode::POP_EXCEPT);
        clear_name(h.name);
        emit_jump(opcode::JUMP, end);
        bind(named_cleanup);  // [prev exc2]
        clear_name(h.name);
        emit_jump(opcode::JUMP, cleanup);
        push_handler_block({fblock_kind::handler_cleanup, -1, -1, cleanup, depth + 1});
        bind(next);
        continue;
      }
      emit_jump(opcode::JUMP, end);
      push_handler_block({fblock_kind::handler_cleanup, -1, -1, cleanup, depth + 1});
      bind(next);
    }
    // No clause matched: re-raise; the cleanup handler restores prev.
    emit(opcode::RERAISE);
    u().fblocks.pop_back();
    bind(cleanup);  // [prev exc2]
    emit(opcode::SWAP, 2);
    emit(opcode::POP_EXCEPT);
    emit(opcode::RERAISE);
    bind(orelse);
    body(s->orelse);
    bind(end);
  }

  void try_finally(const stmt* s) {
    const int handler = new_label();
    const int cleanup = new_label();
    const int end = new_label();
    const int depth = base_depth();
    fblock f{fblock_kind::try_finally, -1, -1, handler, depth};
    f.finalbody = &s->finalbody;
    push_handler_block(f);
    if (s->handlers.empty()) {
      body(s->body);
    } else {
      stmt inner = *s;  // the try/except part, without the finally
      inner.finalbody.clear();
      try_except(&inner);
    }
    u().fblocks.pop_back();
    body(s->finalbody);  // normal path
    emit_jump(opcode::JUMP, end);

    bind(handler);  // [exc]
    u().line = s->finalbody.front()->where.line;
    emit(opcode::PUSH_EXC_INFO);  // [prev exc]
    push_handler_block({fblock_kind::finally_end, -1, -1, cleanup, depth + 1});
    body(s->finalbody);
    emit(opcode::RERAISE);  // caught by `cleanup`, which restores prev
    u().fblocks.pop_back();
    bind(cleanup);  // [prev exc exc2] or [prev exc2]: unwound to depth + 1 = [prev]
    emit(opcode::SWAP, 2);
    emit(opcode::POP_EXCEPT);
    emit(opcode::RERAISE);
    bind(end);
  }

  // [exit] -> []: exit(None, None, None), awaited for `async with`.
  void emit_with_exit(std::uint32_t async) {
    emit(opcode::WITH_EXIT, async);
    if (async) {
      emit_await();
      emit(opcode::POP_TOP);
    }
  }

  // `with a as x, b as y: body` is `with a as x: with b as y: body`. Per
  // item, as CPython 3.11 compiles it:
  //        BEFORE_WITH                  [exit res]  (res stored or popped)
  //        body                         covered by H at depth d+1 ([exit])
  //        WITH_EXIT; JUMP end
  //   H:   PUSH_EXC_INFO                [exit prev exc], covered by C at d+2
  //        WITH_EXCEPT_START            [exit prev exc suppress]
  //        POP_JUMP_IF_TRUE S; RERAISE
  //   S:   POP_TOP; POP_EXCEPT; POP_TOP; JUMP end     (exception suppressed)
  //   C:   [exit prev exc2] SWAP 2; POP_EXCEPT; SWAP 2; POP_TOP; RERAISE
  void with_stmt(const stmt* s, std::size_t item) {
    const with_item& w = s->items[item];
    const int handler = new_label();
    const int cleanup = new_label();
    const int suppress = new_label();
    const int end = new_label();
    const int depth = base_depth();
    const std::uint32_t async = s->is_async ? 1 : 0;
    expression(w.context);
    u().line = s->where.line;
    emit(opcode::BEFORE_WITH, async);
    if (async) emit_await();  // the result of __aenter__()
    push_handler_block({s->is_async ? fblock_kind::async_with_block : fblock_kind::with_block, -1, -1, handler,
                        depth + 1});
    if (w.target) {
      store(w.target);
    } else {
      emit(opcode::POP_TOP);
    }
    if (item + 1 < s->items.size()) {
      with_stmt(s, item + 1);
    } else {
      body(s->body);
    }
    u().fblocks.pop_back();
    u().line = s->where.line;
    emit_with_exit(async);
    emit_jump(opcode::JUMP, end);

    bind(handler);  // [exit exc]
    emit(opcode::PUSH_EXC_INFO);
    push_handler_block({fblock_kind::handler_cleanup, -1, -1, cleanup, depth + 2});
    emit(opcode::WITH_EXCEPT_START, async);
    if (async) emit_await();  // [exit prev exc result]: true suppresses
    emit_jump(opcode::POP_JUMP_IF_TRUE, suppress);
    emit(opcode::RERAISE);
    bind(suppress);  // [exit prev exc]
    emit(opcode::POP_TOP);
    u().fblocks.pop_back();
    emit(opcode::POP_EXCEPT);
    emit(opcode::POP_TOP);
    emit_jump(opcode::JUMP, end);
    bind(cleanup);  // [exit prev exc2]
    emit(opcode::SWAP, 2);
    emit(opcode::POP_EXCEPT);
    emit(opcode::SWAP, 2);
    emit(opcode::POP_TOP);
    emit(opcode::RERAISE);
    bind(end);
  }

  // class C(bases, **kw): body  is  C = __build_class__(<body function>, 'C', bases, **kw),
  // the body running with a fresh namespace as its locals (LOAD_NAME /
  // STORE_NAME); a method that uses super() or __class__ gets the class
  // through the body's __class__ cell, which the body returns.
  void class_def(const stmt* s) {
    for (const expr* d : s->decorators) expression(d);
    emit(opcode::LOAD_BUILD_CLASS);
    emit(opcode::PUSH_NULL);
    scope* cls = symtable::child_for(*u().sc, s);
    const std::string qual = qualname_prefix() + s->name;
    push_unit(cls, s->name, qual, s->where.line);
    u().code->flags |= cf_class_body;
    u().line = s->where.line;
    emit(opcode::LOAD_NAME, add_name("__name__"));
    emit(opcode::STORE_NAME, add_name("__module__"));
    emit(opcode::LOAD_CONST, add_const(qual));
    emit(opcode::STORE_NAME, add_name("__qualname__"));
    std::size_t first = 0;
    if (!s->body.empty() && s->body[0]->kind == sk::expr && s->body[0]->value->kind == ek::str_const) {
      u().line = s->body[0]->where.line;
      emit(opcode::LOAD_CONST, add_const(s->body[0]->value->s));
      emit(opcode::STORE_NAME, add_name("__doc__"));
      first = 1;
    }
    if (contains_annotation(s->body)) {
      emit(opcode::BUILD_MAP, 0);
      emit(opcode::STORE_NAME, add_name("__annotations__"));
    }
    for (std::size_t i = first; i < s->body.size(); ++i) statement(s->body[i]);
    const auto& cells = u().code->cellvars;
    if (std::find(cells.begin(), cells.end(), "__class__") != cells.end()) {
      emit(opcode::LOAD_CLOSURE, cell_index("__class__"));
      emit(opcode::COPY, 1);
      emit(opcode::STORE_NAME, add_name("__classcell__"));
    } else {
      emit(opcode::LOAD_CONST, add_const(none_literal{}));
    }
    emit(opcode::RETURN_VALUE);
    auto code = pop_unit();
    u().line = s->where.line;
    make_function(cls, code, 0);
    emit(opcode::LOAD_CONST, add_const(s->name));
    const bool double_star =
        std::any_of(s->keywords.begin(), s->keywords.end(), [](const keyword& k) { return k.name.empty(); });
    if (has_starred(s->bases) || double_star) {
      // class C(*bases, **kw): __build_class__(*(body, 'C', *bases), **kw).
      emit(opcode::BUILD_LIST, 2);
      for (const expr* b : s->bases) {
        expression(b->kind == ek::starred ? b->a : b);
        emit(b->kind == ek::starred ? opcode::LIST_EXTEND : opcode::LIST_APPEND, 1);
      }
      emit(opcode::LIST_TO_TUPLE);
      if (!s->keywords.empty()) keywords_dict(s->keywords);
      u().line = s->where.line;
      emit(opcode::CALL_EX, s->keywords.empty() ? 0 : 1);
    } else {
      class_call(s);
    }
    for (std::size_t i = 0; i < s->decorators.size(); ++i) {
      emit(opcode::PUSH_NULL);
      emit(opcode::SWAP, 2);
      emit(opcode::CALL, 1);
    }
    name(s->name, name_op::store);
  }

  // __build_class__(body, 'C', bases..., name=value...) with no * or **.
  void class_call(const stmt* s) {
    for (const expr* b : s->bases) expression(b);
    const auto npos = static_cast<std::uint32_t>(2 + s->bases.size());
    if (s->keywords.empty()) {
      emit(opcode::CALL, npos);
    } else {
      std::vector<std::string> names;
      for (const keyword& k : s->keywords) {
        expression(k.value);
        names.push_back(k.name);
      }
      emit(opcode::LOAD_CONST, add_const(names));
      emit(opcode::CALL_KW, npos + static_cast<std::uint32_t>(s->keywords.size()));
    }
  }

  void function_def(const stmt* s) {
    for (const expr* d : s->decorators) expression(d);
    scope* fn = symtable::child_for(*u().sc, s);
    const std::uint32_t flags = function_prologue(s->args, s->returns);
    auto code = function_body(fn, s->name, s->args, s->where.line, [&] {
      // A leading string is the docstring; the body still runs it (a no-op).
      body(s->body);
      emit(opcode::LOAD_CONST, add_const(none_literal{}));
      emit(opcode::RETURN_VALUE);
    });
    make_function(fn, code, flags);
    for (std::size_t i = 0; i < s->decorators.size(); ++i) {
      // [decorator fn] -> [decorator null fn] -> decorator(fn)
      emit(opcode::PUSH_NULL);
      emit(opcode::SWAP, 2);
      emit(opcode::CALL, 1);
    }
    name(s->name, name_op::store);
  }

  // Pushes defaults, keyword defaults and annotations; returns MAKE_FUNCTION flags.
  std::uint32_t function_prologue(const arguments* a, const expr* returns) {
    std::uint32_t flags = 0;
    if (!a->defaults.empty()) {
      for (const expr* d : a->defaults) expression(d);
      emit(opcode::BUILD_TUPLE, static_cast<std::uint32_t>(a->defaults.size()));
      flags |= mf_defaults;
    }
    std::uint32_t kw = 0;
    for (std::size_t i = 0; i < a->kwonly.size(); ++i) {
      if (!a->kw_defaults[i]) continue;
      emit(opcode::LOAD_CONST, add_const(symtable::mangle(u().sc->private_name, a->kwonly[i].name)));
      expression(a->kw_defaults[i]);
      ++kw;
    }
    if (kw) {
      emit(opcode::BUILD_MAP, kw);
      flags |= mf_kwdefaults;
    }
    std::uint32_t ann = 0;
    auto annotate = [&](const arg& x) {
      if (!x.annotation) return;
      emit(opcode::LOAD_CONST, add_const(symtable::mangle(u().sc->private_name, x.name)));
      annotation(x.annotation);
      ++ann;
    };
    for (const arg& x : a->posonly) annotate(x);
    for (const arg& x : a->args) annotate(x);
    if (a->vararg) annotate(*a->vararg);
    for (const arg& x : a->kwonly) annotate(x);
    if (a->kwarg) annotate(*a->kwarg);
    if (returns) {
      emit(opcode::LOAD_CONST, add_const(std::string("return")));
      annotation(returns);
      ++ann;
    }
    if (ann) {
      emit(opcode::BUILD_MAP, ann);
      flags |= mf_annotations;
    }
    return flags;
  }

  template <class Body>
  std::shared_ptr<const code_unit> function_body(scope* fn, const std::string& fname, const arguments* a,
                                                 int line, Body&& emit_body) {
    const std::string qual = qualname_prefix() + fname;
    push_unit(fn, fname, qual, line);
    code_unit& c = *u().code;
    c.flags |= cf_nested * (units_.size() > 2);
    if (a) {
      c.argcount = static_cast<int>(a->posonly.size() + a->args.size());
      c.posonlyargcount = static_cast<int>(a->posonly.size());
      c.kwonlyargcount = static_cast<int>(a->kwonly.size());
      if (a->vararg) c.flags |= cf_varargs;
      if (a->kwarg) c.flags |= cf_varkeywords;
      // varnames: positional, keyword-only, *args, **kwargs, then locals.
      std::vector<std::string> order;
      auto param = [&](const arg& x) { order.push_back(symtable::mangle(fn->private_name, x.name)); };
      for (const arg& x : a->posonly) param(x);
      for (const arg& x : a->args) param(x);
      for (const arg& x : a->kwonly) param(x);
      if (a->vararg) param(*a->vararg);
      if (a->kwarg) param(*a->kwarg);
      for (const std::string& v : c.varnames)
        if (std::find(order.begin(), order.end(), v) == order.end()) order.push_back(v);
      c.varnames = order;
      c.cell_of_arg.clear();
      for (const std::string& cell : c.cellvars) {
        auto it = std::find(order.begin(), order.end(), cell);
        const auto nparams = static_cast<std::ptrdiff_t>(c.argcount + c.kwonlyargcount + (a->vararg ? 1 : 0) + (a->kwarg ? 1 : 0));
        c.cell_of_arg.push_back(it != order.end() && it - order.begin() < nparams ? static_cast<int>(it - order.begin()) : -1);
      }
    }
    if (fn->is_generator) c.flags |= cf_generator;
    if (fn->is_coroutine) c.flags |= cf_coroutine;
    emit_body();
    return pop_unit();
  }

  std::string qualname_prefix() const {
    const unit& n = units_.back();
    if (n.sc->kind == scope_kind::module) return "";
    if (n.sc->kind == scope_kind::class_body) return n.code->qualname + ".";
    return n.code->qualname + ".<locals>.";
  }

  void make_function(const scope* fn, const std::shared_ptr<const code_unit>& code, std::uint32_t flags) {
    if (!fn->freevars.empty()) {
      for (const std::string& v : fn->freevars) emit(opcode::LOAD_CLOSURE, cell_index(v));
      emit(opcode::BUILD_TUPLE, static_cast<std::uint32_t>(fn->freevars.size()));
      flags |= mf_closure;
    }
    emit(opcode::LOAD_CONST, add_const(code));
    emit(opcode::MAKE_FUNCTION, flags);
  }

  void import(const stmt* s) {
    for (const alias& a : s->aliases) {
      emit(opcode::LOAD_CONST, add_const(std::int64_t{0}));
      emit(opcode::LOAD_CONST, add_const(none_literal{}));
      emit(opcode::IMPORT_NAME, add_name(a.name));
      if (a.asname.empty()) {
        name(a.name.substr(0, a.name.find('.')), name_op::store);
      } else {
        // `import a.b as c` binds the submodule: walk the attributes.
        std::size_t pos = a.name.find('.');
        while (pos != std::string::npos) {
          const std::size_t next = a.name.find('.', pos + 1);
          emit(opcode::IMPORT_FROM, add_name(a.name.substr(pos + 1, next - pos - 1)));
          emit(opcode::SWAP, 2);
          emit(opcode::POP_TOP);
          pos = next;
        }
        name(a.asname, name_op::store);
      }
    }
  }

  void import_from(const stmt* s) {
    emit(opcode::LOAD_CONST, add_const(static_cast<std::int64_t>(s->level)));
    std::vector<std::string> names;
    for (const alias& a : s->aliases) names.push_back(a.name);
    emit(opcode::LOAD_CONST, add_const(names));
    emit(opcode::IMPORT_NAME, add_name(s->name));
    if (names.size() == 1 && names[0] == "*") {
      emit(opcode::IMPORT_STAR);
      return;
    }
    for (const alias& a : s->aliases) {
      emit(opcode::IMPORT_FROM, add_name(a.name));
      name(a.asname.empty() ? a.name : a.asname, name_op::store);
    }
    emit(opcode::POP_TOP);
  }

  // ---- expressions ----
  void expression(const expr* e) {
    const int saved_line = u().line;
    if (e->where.line > 0) u().line = e->where.line;
    expression_at(e);
    u().line = saved_line;
  }

  void expression_at(const expr* e) {
    switch (e->kind) {
      case ek::name: name(e->s, name_op::load); return;
      case ek::int_const: emit(opcode::LOAD_CONST, add_const(parse_int_literal(e->s))); return;
      case ek::float_const: emit(opcode::LOAD_CONST, add_const(e->number)); return;
      case ek::str_const: emit(opcode::LOAD_CONST, add_const(e->s)); return;
      case ek::bytes_const: emit(opcode::LOAD_CONST, add_const(bytes_literal{e->s})); return;
      case ek::none_const: emit(opcode::LOAD_CONST, add_const(none_literal{})); return;
      case ek::true_const: emit(opcode::LOAD_CONST, add_const(true)); return;
      case ek::false_const: emit(opcode::LOAD_CONST, add_const(false)); return;
      case ek::ellipsis_const: emit(opcode::LOAD_CONST, add_const(ellipsis_literal{})); return;
      case ek::fstring: fstring(e); return;
      case ek::formatted: formatted(e); return;
      case ek::binop: {
        const int first = here();
        expression(e->a);
        const int second = here();
        expression(e->b);
        emit(opcode::BINARY_OP, e->op | (borrow_local_operands(first, second) ? std::uint32_t{binop_borrowed} : 0U));
        return;
      }
      case ek::unaryop: {
        const auto op = static_cast<unaryop>(e->op);
        // Fold -<number literal>, so negative constants cost one load.
        if (op == unaryop::neg && (e->a->kind == ek::int_const || e->a->kind == ek::float_const)) {
          if (e->a->kind == ek::float_const) {
            emit(opcode::LOAD_CONST, add_const(-e->a->number));
            return;
          }
          const constant k = parse_int_literal(e->a->s);
          if (const auto* i = std::get_if<std::int64_t>(&k)) {
            emit(opcode::LOAD_CONST, add_const(-*i));
            return;
          }
        }
        expression(e->a);
        emit(op == unaryop::neg ? opcode::UNARY_NEGATIVE
             : op == unaryop::pos ? opcode::UNARY_POSITIVE
             : op == unaryop::invert ? opcode::UNARY_INVERT
                                     : opcode::UNARY_NOT);
        return;
      }
      case ek::boolop: {
        const int end = new_label();
        for (std::size_t i = 0; i < e->items.size(); ++i) {
          expression(e->items[i]);
          if (i + 1 < e->items.size()) emit_jump(e->flag ? opcode::JUMP_IF_TRUE_OR_POP : opcode::JUMP_IF_FALSE_OR_POP, end);
        }
        bind(end);
        return;
      }
      case ek::compare: compare(e); return;
      case ek::call: call(e); return;
      case ek::attribute:
        expression(e->a);
        u().line = e->where.line;
        emit(opcode::LOAD_ATTR, attribute_name(e->s));
        return;
      case ek::subscript:
        if (subscript_of_local(e)) return;
        expression(e->a);
        expression(e->b);
        emit(opcode::BINARY_SUBSCR);
        return;
      case ek::slice: {
        auto part = [&](const expr* x) {
          if (x) {
            expression(x);
          } else {
            emit(opcode::LOAD_CONST, add_const(none_literal{}));
          }
        };
        part(e->a);
        part(e->b);
        if (e->c) expression(e->c);
        emit(opcode::BUILD_SLICE, e->c ? 3 : 2);
        return;
      }
      case ek::tuple: sequence(e->items, opcode::BUILD_TUPLE, true); return;
      case ek::list: sequence(e->items, opcode::BUILD_LIST, false); return;
      case ek::set: sequence(e->items, opcode::BUILD_SET, false); return;
      case ek::dict: dict(e); return;
      case ek::list_comp:
      case ek::set_comp:
      case ek::dict_comp:
      case ek::gen_exp: comprehension(e); return;
      case ek::lambda: {
        scope* fn = symtable::child_for(*u().sc, e);
        const std::uint32_t flags = function_prologue(e->args, nullptr);
        auto code = function_body(fn, "<lambda>", e->args, e->where.line, [&] {
          expression(e->a);
          emit(opcode::RETURN_VALUE);
        });
        make_function(fn, code, flags);
        return;
      }
      case ek::if_exp: {
        const int orelse = new_label();
        const int end = new_label();
        expression(e->a);
        emit_jump(opcode::POP_JUMP_IF_FALSE, orelse);
        expression(e->b);
        emit_jump(opcode::JUMP, end);
        bind(orelse);
        expression(e->c);
        bind(end);
        return;
      }
      case ek::starred: fail(e->where, "can't use starred expression here");
      case ek::named:
        expression(e->b);
        emit(opcode::COPY, 1);
        name(e->a->s, name_op::store);
        return;
      case ek::yield:
        if (e->a) {
          expression(e->a);
        } else {
          emit(opcode::LOAD_CONST, add_const(none_literal{}));
        }
        emit(opcode::YIELD_VALUE);
        return;
      case ek::yield_from:
        expression(e->a);
        emit(opcode::GET_YIELD_FROM_ITER);
        delegate_loop();
        return;
      case ek::await_:
        expression(e->a);
        emit_await();
        return;
    }
  }

  // [iter] -> [its return value]: what `yield from` and `await` run,
  // passing every value sent in through to the iterator.
  void delegate_loop() {
    const int loop = new_label();
    const int done = new_label();
    emit(opcode::LOAD_CONST, add_const(none_literal{}));
    bind(loop);
    emit_jump(opcode::SEND, done);  // [iter value] -> [iter result] | [value]
    emit(opcode::YIELD_VALUE);
    emit_jump(opcode::JUMP_BACKWARD, loop);
    bind(done);
  }

  // [awaitable] -> [result of awaiting it]
  void emit_await() {
    emit(opcode::GET_AWAITABLE);
    delegate_loop();
  }

  void fstring(const expr* e) {
    if (e->items.empty()) {
      emit(opcode::LOAD_CONST, add_const(std::string()));
      return;
    }
    for (const expr* part : e->items) expression(part);
    if (e->items.size() > 1 || e->items[0]->kind != ek::formatted) {
      emit(opcode::BUILD_STRING, static_cast<std::uint32_t>(e->items.size()));
    }
  }

  void formatted(const expr* e) {
    expression(e->a);
    std::uint32_t flags = e->conversion == 's' ? 1 : e->conversion == 'r' ? 2 : e->conversion == 'a' ? 3 : 0;
    if (e->b) {
      fstring(e->b);
      flags |= 4;
    }
    emit(opcode::FORMAT_VALUE, flags);
  }

  void compare(const expr* e) {
    expression(e->a);
    if (e->items.size() == 1) {
      expression(e->items[0]);
      compare_op(e->cmpops[0]);
      return;
    }
    const int cleanup = new_label();
    const int end = new_label();
    for (std::size_t i = 0; i < e->items.size(); ++i) {
      expression(e->items[i]);
      if (i + 1 < e->items.size()) {
        emit(opcode::SWAP, 2);
        emit(opcode::COPY, 2);
        compare_op(e->cmpops[i]);
        emit_jump(opcode::JUMP_IF_FALSE_OR_POP, cleanup);
      } else {
        compare_op(e->cmpops[i]);
      }
    }
    emit_jump(opcode::JUMP, end);
    bind(cleanup);
    emit(opcode::SWAP, 2);
    emit(opcode::POP_TOP);
    bind(end);
  }

  void compare_op(cmpop op) {
    switch (op) {
      case cmpop::is: emit(opcode::IS_OP, 0); return;
      case cmpop::is_not: emit(opcode::IS_OP, 1); return;
      case cmpop::in: emit(opcode::CONTAINS_OP, 0); return;
      case cmpop::not_in: emit(opcode::CONTAINS_OP, 1); return;
      default: emit(opcode::COMPARE_OP, static_cast<std::uint32_t>(op));
    }
  }

  static bool has_starred(const std::vector<expr*>& items) {
    return std::any_of(items.begin(), items.end(), [](const expr* x) { return x->kind == ek::starred; });
  }

  // Builds a tuple/list/set display; starred items extend a list.
  void sequence(const std::vector<expr*>& items, opcode build, bool tuple) {
    if (!has_starred(items)) {
      for (const expr* x : items) expression(x);
      emit(build, static_cast<std::uint32_t>(items.size()));
      return;
    }
    const bool is_set = build == opcode::BUILD_SET;
    emit(is_set ? opcode::BUILD_SET : opcode::BUILD_LIST, 0);
    for (const expr* x : items) {
      if (x->kind == ek::starred) {
        expression(x->a);
        emit(is_set ? opcode::SET_UPDATE : opcode::LIST_EXTEND, 1);
      } else {
        expression(x);
        emit(is_set ? opcode::SET_ADD : opcode::LIST_APPEND, 1);
      }
    }
    if (tuple) emit(opcode::LIST_TO_TUPLE);
  }

  void dict(const expr* e) {
    std::uint32_t pending = 0;
    bool built = false;
    for (std::size_t i = 0; i < e->keys.size(); ++i) {
      if (e->keys[i]) {
        expression(e->keys[i]);
        expression(e->values[i]);
        ++pending;
        continue;
      }
      if (pending || !built) {
        emit(opcode::BUILD_MAP, pending);
        if (built) emit(opcode::DICT_UPDATE, 1);
        built = true;
        pending = 0;
      }
      expression(e->values[i]);
      emit(opcode::DICT_UPDATE, 1);
    }
    if (!built || pending) {
      emit(opcode::BUILD_MAP, pending);
      if (built) emit(opcode::DICT_UPDATE, 1);
    }
  }

  // CALL_EX's keywords: one dict of the name=value pairs and the **maps, in
  // order (DICT_MERGE refuses a repeated name, as CPython).
  void keywords_dict(const std::vector<keyword>& keywords) {
    std::uint32_t pending = 0;
    bool built = false;
    for (const keyword& k : keywords) {
      if (!k.name.empty()) {
        emit(opcode::LOAD_CONST, add_const(k.name));
        expression(k.value);
        ++pending;
        continue;
      }
      if (pending || !built) {
        emit(opcode::BUILD_MAP, pending);
        if (built) emit(opcode::DICT_MERGE, 1);
        built = true;
        pending = 0;
      }
      expression(k.value);
      emit(opcode::DICT_MERGE, 1);
    }
    if (pending) {
      emit(opcode::BUILD_MAP, pending);
      if (built) emit(opcode::DICT_MERGE, 1);  // else this map is the keywords dict
    }
  }

  void call(const expr* e) {
    const bool starred = has_starred(e->items);
    const bool double_star = std::any_of(e->keywords.begin(), e->keywords.end(), [](const keyword& k) { return k.name.empty(); });
    if (!starred && !double_star && e->a->kind == ek::attribute) {
      expression(e->a->a);
      u().line = e->a->where.line;
      emit(opcode::LOAD_METHOD, attribute_name(e->a->s));
    } else {
      expression(e->a);
      emit(opcode::PUSH_NULL);
    }
    if (starred || double_star) {
      if (e->items.size() == 1 && e->items[0]->kind == ek::starred) {
        // f(*x): CPython checks x in CALL_FUNCTION_EX, naming f in its error.
        emit(opcode::BUILD_LIST, 0);
        expression(e->items[0]->a);
        emit(opcode::LIST_EXTEND, 1 | list_extend_sole_call_argument);
        emit(opcode::LIST_TO_TUPLE);
      } else {
        sequence(e->items, opcode::BUILD_TUPLE, true);
      }
      if (!e->keywords.empty()) keywords_dict(e->keywords);
      u().line = e->where.line;
      emit(opcode::CALL_EX, e->keywords.empty() ? 0 : 1);
      return;
    }
    for (const expr* x : e->items) expression(x);
    if (e->keywords.empty()) {
      u().line = e->where.line;
      emit(opcode::CALL, static_cast<std::uint32_t>(e->items.size()));
      return;
    }
    std::vector<std::string> names;
    for (const keyword& k : e->keywords) {
      expression(k.value);
      names.push_back(k.name);
    }
    emit(opcode::LOAD_CONST, add_const(names));
    u().line = e->where.line;
    emit(opcode::CALL_KW, static_cast<std::uint32_t>(e->items.size() + e->keywords.size()));
  }

  void comprehension(const expr* e) {
    scope* fn = symtable::child_for(*u().sc, e);
    const char* fname = e->kind == ek::list_comp ? "<listcomp>" : e->kind == ek::set_comp ? "<setcomp>"
                        : e->kind == ek::dict_comp ? "<dictcomp>" : "<genexpr>";
    auto code = function_body(fn, fname, nullptr, e->where.line, [&] {
      code_unit& c = *u().code;
      c.argcount = 1;
      const bool gen = e->kind == ek::gen_exp;
      if (!gen) {
        emit(e->kind == ek::list_comp ? opcode::BUILD_LIST : e->kind == ek::set_comp ? opcode::BUILD_SET : opcode::BUILD_MAP, 0);
      }
      comprehension_generator(e, 0, gen);
      if (gen) emit(opcode::LOAD_CONST, add_const(none_literal{}));
      emit(opcode::RETURN_VALUE);
    });
    make_function(fn, code, 0);
    emit(opcode::PUSH_NULL);
    expression(e->generators.front().iter);
    emit(opcode::GET_ITER);
    emit(opcode::CALL, 1);
  }

  void comprehension_generator(const expr* e, std::size_t index, bool gen) {
    const ast::comprehension& g = e->generators[index];
    const int top = new_label();
    const int exit = new_label();
    if (index == 0) {
      emit(opcode::LOAD_FAST, local_index(".0"));
    } else {
      expression(g.iter);
      emit(opcode::GET_ITER);
    }
    bind(top);
    emit_jump(opcode::FOR_ITER, exit);
    store(g.target);
    for (const expr* cond : g.ifs) {
      expression(cond);
      emit_jump(opcode::POP_JUMP_IF_FALSE, top);
    }
    if (index + 1 < e->generators.size()) {
      comprehension_generator(e, index + 1, gen);
    } else if (gen) {
      expression(e->a);
      emit(opcode::YIELD_VALUE);
      emit(opcode::POP_TOP);
    } else {
      // The result container sits below one iterator per generator.
      const auto depth = static_cast<std::uint32_t>(e->generators.size() + 1);
      if (e->kind == ek::dict_comp) {
        expression(e->a);
        expression(e->b);
        emit(opcode::MAP_ADD, depth);
      } else {
        expression(e->a);
        emit(e->kind == ek::list_comp ? opcode::LIST_APPEND : opcode::SET_ADD, depth);
      }
    }
    emit_jump(opcode::JUMP_BACKWARD, top);
    bind(exit);
  }

  std::string filename_;
  scope& top_;
  std::vector<unit> units_;
  bool future_annotations_ = false;
};

}  // namespace

std::shared_ptr<const code_unit> compile_module(const ast::module& m, const std::string& filename) {
  auto top = symtable::build(m);
  return compiler(filename, *top).module(m);
}

std::shared_ptr<const code_unit> compile_source(std::string_view source, const std::string& filename) {
  auto m = parse(source);
  return compile_module(*m, filename);
}

}  // namespace gillab::interp
