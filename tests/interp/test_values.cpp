// Value types of the runtime (pyvm-nosync's build; pyvm-gil's in the
// sanitizer presets, which do not build nosync): tagged ints and their
// promotion, float repr, CPython's hashing and equal-key rules, str code
// points, set iteration order, and reference counts coming back down.
#include "dict.hpp"
#include "operations.hpp"
#include "runtime.hpp"

#include <gillab/interp/ast.hpp>

#include <catch2/catch.hpp>

using namespace gillab::interp;

namespace {

struct runtime_fixture {
  runtime_fixture() { init_runtime(); }
};

std::string repr_of(value v) {
  ref r(op_repr(v));
  REQUIRE(r);
  return str_of(r.get());
}

constexpr int add = static_cast<int>(ast::binop::add);
constexpr int sub = static_cast<int>(ast::binop::sub);
constexpr int mul = static_cast<int>(ast::binop::mul);

}  // namespace

TEST_CASE_METHOD(runtime_fixture, "small ints are tagged; overflow promotes and comes back", "[interp][values]") {
  ref max(make_int(value::small_max));
  CHECK(max.get().is_small());
  ref one(make_int(1));
  ref big(op_binary(max.get(), one.get(), add));
  REQUIRE(big);
  CHECK_FALSE(big.get().is_small());
  CHECK(type_of(big.get()) == &int_type);
  CHECK(repr_of(big.get()) == "4611686018427387904");
  ref back(op_binary(big.get(), one.get(), sub));
  CHECK(back.get().is_small());  // the invariant: no int object holds a small value
  CHECK(back.get() == max.get());
  ref huge(op_binary(big.get(), big.get(), mul));
  CHECK(repr_of(huge.get()) == "21267647932558653966460912964485513216");
  ref min(make_int(value::small_min));
  CHECK(min.get().is_small());
  ref below(op_binary(min.get(), one.get(), sub));
  CHECK_FALSE(below.get().is_small());
}

TEST_CASE_METHOD(runtime_fixture, "floats print the shortest repr that round-trips, as CPython", "[interp][values]") {
  const std::pair<double, const char*> cases[] = {
      {0.1, "0.1"},       {0.1 + 0.2, "0.30000000000000004"}, {1e16, "1e+16"},   {1e15, "1000000000000000.0"},
      {1e-5, "1e-05"},    {0.0001, "0.0001"},                 {1e22, "1e+22"},   {5e-324, "5e-324"},
      {-0.0, "-0.0"},     {2.5, "2.5"},                       {100.0, "100.0"},  {1.7976931348623157e308, "1.7976931348623157e+308"},
  };
  for (const auto& [d, text] : cases) {
    ref f(make_float(d));
    CHECK(repr_of(f.get()) == text);
  }
}

TEST_CASE_METHOD(runtime_fixture, "1, 1.0 and True hash alike and are one dict key", "[interp][values]") {
  ref i(make_int(1));
  ref f(make_float(1.0));
  std::int64_t hi = 0, hf = 0, ht = 0;
  REQUIRE(op_hash(i.get(), &hi));
  REQUIRE(op_hash(f.get(), &hf));
  REQUIRE(op_hash(true_value(), &ht));
  CHECK(hi == hf);
  CHECK(hf == ht);
  ref d(make_dict());
  ref a(make_str("int"));
  ref b(make_str("float"));
  REQUIRE(dict_set(d.get(), i.get(), a.get()) == 0);
  REQUIRE(dict_set(d.get(), f.get(), b.get()) == 0);
  REQUIRE(dict_set(d.get(), true_value(), b.get()) == 0);
  CHECK(dict_size(d.get()) == 1);
  CHECK(repr_of(d.get()) == "{1: 'float'}");  // the first key stays, the value is replaced
  ref big(make_int(big_int(1) << 70));
  ref big_f(make_float(1180591620717411303424.0));
  std::int64_t hb = 0, hbf = 0;
  REQUIRE(op_hash(big.get(), &hb));
  REQUIRE(op_hash(big_f.get(), &hbf));
  CHECK(hb == hbf);  // CPython's modular hash makes equal numbers hash alike
}

TEST_CASE_METHOD(runtime_fixture, "dicts keep insertion order across deletions", "[interp][values]") {
  ref d(make_dict());
  for (int k : {5, 3, 9, 1}) {
    ref key(make_int(k));
    REQUIRE(dict_set(d.get(), key.get(), key.get()) == 0);
  }
  ref three(make_int(3));
  REQUIRE(dict_del(d.get(), three.get()) == 0);
  REQUIRE(dict_set(d.get(), three.get(), three.get()) == 0);
  CHECK(repr_of(d.get()) == "{5: 5, 9: 9, 1: 1, 3: 3}");
}

TEST_CASE_METHOD(runtime_fixture, "str counts and indexes code points", "[interp][values]") {
  ref s(make_str("h\xC3\xA9llo \xE2\x9C\x93"));
  CHECK(op_length(s.get()) == 7);
  ref idx(make_int(1));
  ref ch(op_getitem(s.get(), idx.get()));
  REQUIRE(ch);
  CHECK(str_of(ch.get()) == "\xC3\xA9");
  ref last(make_int(-1));
  ref ch2(op_getitem(s.get(), last.get()));
  CHECK(str_of(ch2.get()) == "\xE2\x9C\x93");
}

TEST_CASE_METHOD(runtime_fixture, "int sets iterate in CPython's table order", "[interp][values]") {
  ref s(make_set(&set_type));
  for (int k : {3, 1, 2, 100, 9}) {
    ref key(make_int(k));
    REQUIRE(set_add(s.get(), key.get()) == 0);
  }
  // CPython 3.11: {3, 1, 2, 100, 9} -> {1, 2, 3, 100, 9} (100 lands in slot 4 of 32).
  CHECK(repr_of(s.get()) == "{1, 2, 3, 100, 9}");
}

TEST_CASE_METHOD(runtime_fixture, "reference counts return to where they started", "[interp][values]") {
  ref item(make_str("shared"));
  const auto before = backend::refcount(item.get().obj()->header);
  {
    ref list(make_list());
    for (int i = 0; i < 10; ++i) as_list(list.get())->items.push_back(newref(item.get()));
    CHECK(backend::refcount(item.get().obj()->header) == before + 10);
    ref copy(op_binary(list.get(), list.get(), add));
    CHECK(backend::refcount(item.get().obj()->header) == before + 30);
  }
  CHECK(backend::refcount(item.get().obj()->header) == before);
}
