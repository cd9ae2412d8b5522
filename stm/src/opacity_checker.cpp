// opacity_checker.cpp — see opacity_checker.hpp for the convention and the
// argument.
#include <gillab/stm/opacity_checker.hpp>

#include <algorithm>
#include <limits>
#include <sstream>

namespace gillab::stm::opacity {
namespace {

constexpr std::uint64_t infinity = std::numeric_limits<std::uint64_t>::max();

struct checker {
  std::vector<std::vector<std::uint64_t>> writers;  // per variable: sorted generations that wrote it
  report result;

  void violation(violation_kind kind, std::size_t thread, std::size_t index, const std::string& what) {
    ++result.violations;
    ++result.by_kind[static_cast<std::size_t>(kind)];
    if (result.examples.size() < 8) {
      std::ostringstream s;
      s << "thread " << thread << " attempt " << index << ": " << what;
      result.examples.push_back(s.str());
    }
  }

  // [first, last] generations in which every read was current; empty if first > last.
  std::pair<std::uint64_t, std::uint64_t> snapshot_interval(const attempt& a, std::string& why,
                                                            violation_kind& kind) const {
    std::uint64_t first = 0, last = infinity;
    for (const auto& r : a.reads) {
      kind = violation_kind::unwritten_value;
      if (r.variable >= writers.size()) {
        why = "read of unknown variable";
        return {1, 0};
      }
      const auto& w = writers[r.variable];
      const auto it = std::lower_bound(w.begin(), w.end(), r.value);
      if (it == w.end() || *it != r.value) {
        std::ostringstream s;
        s << "read variable " << r.variable << " = " << r.value << ", a value no committed transaction wrote";
        why = s.str();
        return {1, 0};
      }
      const std::uint64_t valid_to = (it + 1 == w.end()) ? infinity : *(it + 1) - 1;
      first = std::max<std::uint64_t>(first, r.value);
      last = std::min(last, valid_to);
      kind = violation_kind::inconsistent_snapshot;
      if (first > last) {
        std::ostringstream s;
        s << "read variable " << r.variable << " = " << r.value << " (current in generations " << r.value
          << ".." << valid_to << ") inconsistent with earlier reads";
        why = s.str();
        return {first, last};
      }
    }
    return {first, last};
  }
};

}  // namespace

const char* to_string(violation_kind kind) noexcept {
  switch (kind) {
    case violation_kind::inconsistent_snapshot: return "inconsistent_snapshot";
    case violation_kind::unwritten_value: return "unwritten_value";
    case violation_kind::stale_commit: return "stale_commit";
    case violation_kind::lost_update: return "lost_update";
    case violation_kind::count_: break;
  }
  return "?";
}

report check(const std::vector<const recorder*>& histories, std::size_t variables) {
  checker c;
  c.writers.assign(variables, std::vector<std::uint64_t>{0});
  std::vector<std::uint64_t> generations;
  for (std::size_t t = 0; t < histories.size(); ++t) {
    for (std::size_t i = 0; i < histories[t]->attempts().size(); ++i) {
      const attempt& a = histories[t]->attempts()[i];
      ++c.result.attempts;
      if (!a.committed) {
        ++c.result.aborted;
        continue;
      }
      ++c.result.committed;
      if (a.generation == 0) continue;
      generations.push_back(a.generation);
      for (auto v : a.writes) {
        if (v < variables) c.writers[v].push_back(a.generation);
      }
    }
  }
  for (auto& w : c.writers) {  // a generation may write a variable twice
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
  }
  std::sort(generations.begin(), generations.end());
  for (std::size_t i = 0; i < generations.size(); ++i) {
    if (generations[i] != i + 1) {
      std::ostringstream s;
      s << "committed generations are not 1.." << generations.size() << " (lost or repeated update near "
        << generations[i] << ")";
      c.violation(violation_kind::lost_update, 0, 0, s.str());
      break;
    }
  }
  for (std::size_t t = 0; t < histories.size(); ++t) {
    for (std::size_t i = 0; i < histories[t]->attempts().size(); ++i) {
      const attempt& a = histories[t]->attempts()[i];
      std::string why;
      violation_kind kind = violation_kind::inconsistent_snapshot;
      const auto [first, last] = c.snapshot_interval(a, why, kind);
      if (first > last) {
        c.violation(kind, t, i, (a.committed ? "committed: " : "aborted: ") + why);
      } else if (a.committed && a.generation != 0 && (a.generation - 1 < first || a.generation - 1 > last)) {
        std::ostringstream s;
        s << "committed generation " << a.generation << " but its reads are current only in generations "
          << first << ".." << last;
        c.violation(violation_kind::stale_commit, t, i, s.str());
      }
    }
  }
  return c.result;
}

}  // namespace gillab::stm::opacity
