//===- Counters.cpp - Event counters a target declares --------------------===//

#include "snnc/runtime/Counters.h"

#include <cstdio>
#include <set>

namespace snnc::runtime {

CounterSchema::CounterSchema(std::vector<CounterClass> classes)
    : list(std::move(classes)) {}

std::optional<size_t> CounterSchema::indexOf(std::string_view name) const {
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i].name == name)
      return i;
  return std::nullopt;
}

std::string CounterSchema::problem() const {
  std::set<std::string> seen;
  for (const CounterClass &c : list) {
    if (c.name.empty())
      return "a counter class has no name";
    if (!seen.insert(c.name).second)
      return "counter class '" + c.name + "' is declared twice";
  }
  for (const char *required : {kNeuronUpdates, kSynapticEvents})
    if (!seen.count(required))
      return std::string("the required counter class '") + required +
             "' is not declared";
  return "";
}

CounterSet::CounterSet(std::shared_ptr<const CounterSchema> schema)
    : declared(std::move(schema)), values(declared ? declared->size() : 0) {}

std::optional<uint64_t> CounterSet::get(std::string_view name) const {
  if (!declared)
    return std::nullopt;
  std::optional<size_t> index = declared->indexOf(name);
  if (!index)
    return std::nullopt;
  return values[*index];
}

std::vector<CounterDifference> differences(const CounterSet &a,
                                           const CounterSet &b) {
  std::vector<CounterDifference> out;
  auto visit = [&](const CounterSet &set, bool first) {
    if (!set.schema())
      return;
    for (const CounterClass &c : set.schema()->classes()) {
      if (!first && a.get(c.name))
        continue;
      std::optional<uint64_t> x = a.get(c.name), y = b.get(c.name);
      if (x != y)
        out.push_back({c.name, x, y});
    }
  };
  visit(a, true);
  visit(b, false);
  return out;
}

bool operator==(const CounterSet &a, const CounterSet &b) {
  return a.size() == b.size() && differences(a, b).empty();
}

std::string describe(const CounterDifference &d) {
  auto text = [](const std::optional<uint64_t> &v) {
    return v ? std::to_string(*v) : std::string("(absent)");
  };
  std::string out = d.name + " " + text(d.first) + " vs " + text(d.second);
  if (d.first && d.second) {
    double delta =
        static_cast<double>(*d.second) - static_cast<double>(*d.first);
    char buffer[64];
    if (*d.first)
      std::snprintf(buffer, sizeof(buffer), " (%+.0f, %+.3g%%)", delta,
                    100.0 * delta / static_cast<double>(*d.first));
    else
      std::snprintf(buffer, sizeof(buffer), " (%+.0f)", delta);
    out += buffer;
  }
  return out;
}

} // namespace snnc::runtime
