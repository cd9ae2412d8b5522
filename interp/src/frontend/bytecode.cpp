// bytecode.cpp — opcode tables and the disassembler, from opcodes.def.
#include <gillab/interp/ast.hpp>
#include <gillab/interp/bytecode.hpp>

#include <array>
#include <cstdio>
#include <sstream>

namespace gillab::interp {
namespace {

constexpr bool safepoint = true;

const std::array<opcode_info, opcode_count> infos = {{
#define OPCODE(name, operand, effect, flags) {#name, operand_kind::operand, flags != 0},
#include <gillab/interp/opcodes.def>
}};

std::string repr_constant(const constant& c) {
  struct visitor {
    std::string operator()(none_literal) const { return "None"; }
    std::string operator()(bool b) const { return b ? "True" : "False"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(const big_int_literal& b) const { return b.digits; }
    std::string operator()(double d) const {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.17g", d);
      return buf;
    }
    std::string operator()(const std::string& s) const { return "'" + s + "'"; }
    std::string operator()(const bytes_literal& b) const { return "b'" + b.bytes + "'"; }
    std::string operator()(ellipsis_literal) const { return "Ellipsis"; }
    std::string operator()(const std::shared_ptr<const code_unit>& c) const {
      return "<code object " + c->name + ", line " + std::to_string(c->first_line) + ">";
    }
    std::string operator()(const std::vector<std::string>& names) const {
      std::string s = "(";
      for (std::size_t i = 0; i < names.size(); ++i) s += (i ? ", '" : "'") + names[i] + "'";
      return s + (names.size() == 1 ? ",)" : ")");
    }
  };
  return std::visit(visitor{}, c);
}

void disassemble_into(std::ostringstream& out, const code_unit& code) {
  out << "Disassembly of <code object " << code.name << ", line " << code.first_line << ">:\n";
  int last_line = -1;
  for (std::size_t i = 0; i < code.code.size(); ++i) {
    const instruction ins = code.code[i];
    const opcode op = op_of(ins);
    const std::uint32_t arg = arg_of(ins);
    const opcode_info& inf = info(op);
    char head[32];
    const int line = code.line_of[i];
    if (line != last_line) {
      std::snprintf(head, sizeof head, "%4d %6zu ", line, i);
      last_line = line;
    } else {
      std::snprintf(head, sizeof head, "     %6zu ", i);
    }
    char body[64];
    std::snprintf(body, sizeof body, "%-22s", inf.name);
    out << head << body;
    if (inf.operand != operand_kind::none) {
      out << arg;
      switch (inf.operand) {
        case operand_kind::const_index: out << " (" << repr_constant(code.constants.at(arg)) << ")"; break;
        case operand_kind::local: out << " (" << code.varnames.at(arg) << ")"; break;
        case operand_kind::cell:
          out << " (" << (arg < code.cellvars.size() ? code.cellvars[arg] : code.freevars.at(arg - code.cellvars.size())) << ")";
          break;
        case operand_kind::name: out << " (" << code.names.at(arg) << ")"; break;
        case operand_kind::jump: out << " (to " << arg << ")"; break;
        case operand_kind::binop:
          out << " (" << ast::to_string(static_cast<ast::binop>(arg & 15)) << ((arg & binop_inplace) ? "=" : "")
              << ((arg & binop_borrowed) ? ", borrowed operands" : "") << ")";
          break;
        case operand_kind::cmpop: out << " (" << ast::to_string(static_cast<ast::cmpop>(arg)) << ")"; break;
        default: break;
      }
    }
    out << '\n';
  }
  if (!code.exception_table.empty()) {
    out << "ExceptionTable:\n";
    for (const auto& e : code.exception_table) {
      out << "  " << e.start << " to " << e.end << " -> " << e.target << " [" << e.depth << "]\n";
    }
  }
  for (const constant& c : code.constants) {
    if (const auto* inner = std::get_if<std::shared_ptr<const code_unit>>(&c)) {
      out << '\n';
      disassemble_into(out, **inner);
    }
  }
}

}  // namespace

const opcode_info& info(opcode op) { return infos.at(static_cast<std::size_t>(op)); }

int stack_effect(opcode op, std::uint32_t arg_value) {
  const int arg = static_cast<int>(arg_value);
  switch (op) {
#define OPCODE(name, operand, effect, flags) \
  case opcode::name:                         \
    return (effect);
#include <gillab/interp/opcodes.def>
  }
  return 0;
}

std::string disassemble(const code_unit& code) {
  std::ostringstream out;
  disassemble_into(out, code);
  return out.str();
}

}  // namespace gillab::interp
