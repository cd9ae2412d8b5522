// registry.hpp — every algorithm x contention manager by name, behind one
// run-time interface, for tests, benchmarks and command-line selection
// (`-X stm=tl2`).
//
// The compile-time API (atomically<Algorithm, CM>) is the fast path: loads and
// stores inline into the body. Through the registry a body sees a dyn_tx
// whose load/store cost one virtual call each; the transaction semantics are
// the same.
#pragma once

#include <gillab/stm/contention.hpp>
#include <gillab/stm/etl.hpp>
#include <gillab/stm/norec.hpp>
#include <gillab/stm/tl2.hpp>
#include <gillab/stm/transaction.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace gillab::stm {

/// Every algorithm (the planted-bug TL2 variant excepted).
using all_algorithms = std::tuple<tl2, norec, etl>;
/// Every contention manager.
using all_contention_managers = std::tuple<immediate_retry, exponential_backoff, serial_after<>>;

/// A transaction seen through virtual calls.
class dyn_tx {
 public:
  virtual ~dyn_tx() = default;
  template <word_sized T>
  [[nodiscard]] T load(const T* p) {
    return std::bit_cast<T>(read(p, &detail::read_word<T>));
  }
  template <word_sized T>
  void store(T* p, std::type_identity_t<T> v) {
    write(p, std::bit_cast<word>(v), &detail::write_word<T>);
  }
  template <class T>
  [[nodiscard]] T load(const TVar<T>& v) {
    return TVar<T>::decode(read(v.cell(), &detail::read_word<word>));
  }
  template <class T>
  void store(TVar<T>& v, std::type_identity_t<T> value) {
    write(v.cell(), TVar<T>::encode(value), &detail::write_word<word>);
  }
  [[noreturn]] void abort() { detail::abort_tx(abort_cause::explicit_abort, nullptr); }
  [[noreturn]] void retry() { throw detail::abort_signal{abort_cause::explicit_abort, nullptr, true}; }
  virtual void become_irrevocable() = 0;
  virtual void* alloc(std::size_t bytes) = 0;
  virtual void free(void* p) = 0;

 protected:
  virtual word read(const void* address, detail::reader_fn reader) = 0;
  virtual void write(void* address, word value, detail::writer_fn writer) = 0;
};

/// One algorithm with one contention manager.
struct runner {
  std::string name;  // "algorithm/contention-manager", e.g. "tl2/backoff"
  std::string_view algorithm;
  std::string_view contention_manager;
  std::function<void(const std::function<void(dyn_tx&)>&)> run;  // atomically(body)
};

namespace detail {
template <class Algorithm>
class dyn_tx_impl final : public dyn_tx {
 public:
  explicit dyn_tx_impl(transaction<Algorithm>& tx) noexcept : tx_(tx) {}
  void become_irrevocable() override { tx_.become_irrevocable(); }
  void* alloc(std::size_t bytes) override { return tx_.alloc(bytes); }
  void free(void* p) override { tx_.free(p); }

 protected:
  word read(const void* address, reader_fn reader) override { return tx_.raw().read(address, reader); }
  void write(void* address, word value, writer_fn writer) override { tx_.raw().write(address, value, writer); }

 private:
  transaction<Algorithm>& tx_;
};

template <class Algorithm, class CM>
runner make_runner() {
  return runner{std::string(Algorithm::name) + "/" + CM::name, Algorithm::name, CM::name,
                [](const std::function<void(dyn_tx&)>& body) {
                  atomically<Algorithm, CM>([&body](transaction<Algorithm>& tx) {
                    dyn_tx_impl<Algorithm> dyn(tx);
                    body(dyn);
                  });
                }};
}
}  // namespace detail

/// Every algorithm x contention manager, in a fixed order.
inline const std::vector<runner>& registry() {
  static const std::vector<runner> all = [] {
    std::vector<runner> v;
    auto add_algorithm = [&v]<class A>(A*) {
      std::apply([&v](auto*... cm) { (v.push_back(detail::make_runner<A, std::remove_pointer_t<decltype(cm)>>()), ...); },
                 std::tuple<immediate_retry*, exponential_backoff*, serial_after<>*>{});
    };
    std::apply([&](auto*... a) { (add_algorithm(a), ...); }, std::tuple<tl2*, norec*, etl*>{});
    return v;
  }();
  return all;
}

/// The runner called `name` ("tl2/backoff"), or the algorithm's default
/// contention manager (serial-after-k) for a bare algorithm name ("tl2");
/// nullptr if unknown.
inline const runner* find_runner(std::string_view name) {
  for (const auto& r : registry()) {
    if (r.name == name) return &r;
    if (r.algorithm == name && r.contention_manager == serial_after<>::name) return &r;
  }
  return nullptr;
}

}  // namespace gillab::stm
