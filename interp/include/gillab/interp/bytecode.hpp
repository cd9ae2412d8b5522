// bytecode.hpp — instructions, code units and the disassembler, generated
// from the one opcode list (opcodes.def) so they cannot disagree.
//
// A code_unit is what the compiler produces: back-end neutral (its
// constants are plain C++ values), so the front end is built once and each
// back-end's runtime materialises the constants as its own objects.
//
// Invariants: every instruction is 32 bits (opcode | arg << 8); jump
// arguments are absolute instruction indices; line_of[i] is the source line
// of instruction i; exception-table entries are sorted by start and nest
// (an inner try's range lies inside or outside an outer one, never across).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gillab::interp {

enum class opcode : std::uint8_t {
#define OPCODE(name, operand, effect, flags) name,
#include <gillab/interp/opcodes.def>
};

inline constexpr int opcode_count = 0
#define OPCODE(name, operand, effect, flags) +1
#include <gillab/interp/opcodes.def>
    ;

/// LIST_EXTEND's flag: the list is a call's only argument, f(*x).
inline constexpr std::uint32_t list_extend_sole_call_argument = 0x100;

enum class operand_kind : std::uint8_t { none, count, const_index, local, cell, name, jump, binop, cmpop, flags };

struct opcode_info {
  const char* name;
  operand_kind operand;
  bool safepoint;
};

const opcode_info& info(opcode op);

/// Net stack effect of `op` with argument `arg` when it falls through.
int stack_effect(opcode op, std::uint32_t arg);

using instruction = std::uint32_t;
constexpr instruction make_instruction(opcode op, std::uint32_t arg = 0) {
  return static_cast<instruction>(op) | (arg << 8);
}
constexpr opcode op_of(instruction i) { return static_cast<opcode>(i & 0xFF); }
constexpr std::uint32_t arg_of(instruction i) { return i >> 8; }
inline constexpr std::uint32_t max_arg = (1U << 24) - 1;

/// BINARY_OP's argument: ast::binop in the low 4 bits, then these.
enum binop_flags : std::uint32_t {
  binop_inplace = 16,
  binop_borrowed = 32,  // operands from LOAD_FAST_BORROW(_2): not to be decref'd
};

/// MAKE_FUNCTION flags, in stack order.
enum make_function_flags : std::uint32_t {
  mf_defaults = 1, mf_kwdefaults = 2, mf_annotations = 4, mf_closure = 8,
};

struct code_unit;

/// A compile-time constant, before a back-end turns it into an object.
struct big_int_literal {
  std::string digits;  // decimal, no sign, no underscores
};
struct bytes_literal {
  std::string bytes;
};
struct ellipsis_literal {};
struct none_literal {};
using constant = std::variant<none_literal, bool, std::int64_t, big_int_literal, double, std::string,
                              bytes_literal, ellipsis_literal, std::shared_ptr<const code_unit>,
                              std::vector<std::string>>;  // the last: a tuple of strings (kwnames)

struct exception_entry {
  std::uint32_t start;   // first covered instruction
  std::uint32_t end;     // one past the last
  std::uint32_t target;  // handler
  std::uint32_t depth;   // stack depth to unwind to before pushing the exception
};

enum code_flags : std::uint32_t {
  cf_varargs = 1, cf_varkeywords = 2, cf_nested = 4, cf_generator = 8, cf_module = 16, cf_class_body = 32,
  cf_coroutine = 64,  // async def: calling it makes a coroutine object
};

struct code_unit {
  std::string name;      // co_name
  std::string qualname;  // co_qualname
  std::string filename;
  int first_line = 1;
  std::uint32_t flags = 0;
  int argcount = 0;         // positional (including positional-only)
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int max_stack = 0;
  std::vector<instruction> code;
  std::vector<int> line_of;  // per instruction
  std::vector<constant> constants;
  std::vector<std::string> names;     // globals, attributes, imports
  std::vector<std::string> varnames;  // locals: parameters first
  std::vector<std::string> cellvars;  // locals captured by inner scopes
  std::vector<std::string> freevars;  // captured from enclosing scopes
  std::vector<int> cell_of_arg;       // for each cellvar: the parameter index it starts from, or -1
  std::vector<exception_entry> exception_table;
};

/// Human-readable listing of `code` and, recursively, its nested code units.
std::string disassemble(const code_unit& code);

}  // namespace gillab::interp
