// operations.hpp — the abstract object protocol (CPython's PyObject_* and
// PyNumber_* functions): what the eval loop and built-ins call, dispatching
// through type slots. Each returns a new reference, or null / -1 with an
// exception pending.
#pragma once

#include "errors.hpp"

GILLAB_RUNTIME_NAMESPACE_BEGIN

value op_repr(value v);
value op_str(value v);
bool op_hash(value v, std::int64_t* out);
value op_compare(value a, value b, int cmp);  // ast::cmpop eq..ge
int op_equal(value a, value b);               // 1, 0, -1
value op_binary(value a, value b, int binop); // +16: in-place form
value op_unary(value v, int unaryop);
int op_truth(value v);
std::int64_t op_length(value v);
value op_getitem(value container, value key);
int op_setitem(value container, value key, value v);  // v null: delete
int op_contains(value container, value item);
value op_iter(value v);
value op_next(value iterator);  // null without pending: exhausted
value op_call(value callable, const value* args, std::size_t nargs, value kwnames = value());
value op_getattr(value v, value name);  // name: str
int op_setattr(value v, value name, value x);

/// A rich comparison's result from a three-way one (c < 0, == 0, > 0) for
/// ast::cmpop eq..ge; NotImplemented for the other codes.
value comparison_result(std::int64_t c, int cmp);

/// startswith/endswith of str and bytes: whether `s` starts (ends) with
/// `arg`, or with any item of a tuple `arg`; each candidate must be of
/// `type` (str or bytes), else CPython's TypeError names `method`.
value match_affix(std::string_view s, value arg, bool starts, const type_object* type, const char* method);

/// Integer view of a value (int, bool); false if it is not one.
bool as_int64(value v, std::int64_t* out);
/// The count of a sequence repetition (seq * n): 1 with *out set, 0 when n
/// is not an int (NotImplemented), -1 with the error CPython raises for a
/// count beyond ssize_t (OverflowError) or a result no memory holds.
int repeat_count(value n, std::int64_t* out);

/// Collects the items of any iterable.
/// Appends new references to iterable's items; on failure (error raised)
/// `out` is as it was.
bool collect(value iterable, std::vector<value>& out);
/// collect's, but from an iterator at most `limit` items (a, b = count()
/// takes three and stops: "too many values", not a hang).
bool collect_at_most(value iterable, std::vector<value>& out, std::size_t limit);

std::string str_of(value str);  // the UTF-8 of a str value

/// CPython's Py_ReprEnter / Py_ReprLeave: a container whose repr meets the
/// container again (l = []; l.append(l)) prints "[...]" there instead of
/// recursing until the stack ends. Per thread, as CPython keeps it.
class repr_guard {
 public:
  explicit repr_guard(const object* o);
  ~repr_guard();
  repr_guard(const repr_guard&) = delete;
  repr_guard& operator=(const repr_guard&) = delete;
  /// The object's repr is already running further up this thread's stack.
  [[nodiscard]] bool recursive() const { return recursive_; }

 private:
  const object* o_;
  bool recursive_;
};

GILLAB_RUNTIME_NAMESPACE_END
