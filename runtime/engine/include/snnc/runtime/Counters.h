//===- Counters.h - Event counters a target declares ------------*- C++ -*-===//
//
// Every target declares the classes of events its engines count: a name
// (the key in reports and in energy.json), a unit and a description. A run
// returns a CounterSet: one value per declared class, in declaration order.
// Engines index the set by the position of a class (as fast as a struct
// field); reports, energy pricing and comparisons go by name, so shared code
// never needs to know which classes a target has. Two classes are required
// of every target so that figures compare across substrates:
// `neuron_updates` and `synaptic_events`.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_COUNTERS_H
#define SNNC_RUNTIME_COUNTERS_H

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace snnc::runtime {

/// Names of the classes every target must declare.
inline constexpr const char *kNeuronUpdates = "neuron_updates";
inline constexpr const char *kSynapticEvents = "synaptic_events";

struct CounterClass {
  /// snake_case key, e.g. "synaptic_events".
  std::string name;
  /// What one count is, e.g. "synapse".
  std::string unit;
  std::string description;
};

class CounterSchema {
public:
  explicit CounterSchema(std::vector<CounterClass> classes);

  const std::vector<CounterClass> &classes() const { return list; }
  size_t size() const { return list.size(); }
  std::optional<size_t> indexOf(std::string_view name) const;
  /// Empty when the schema is usable; otherwise what is wrong with it
  /// (a required class missing, a duplicate or empty name).
  std::string problem() const;

private:
  std::vector<CounterClass> list;
};

class CounterSet {
public:
  CounterSet() = default;
  explicit CounterSet(std::shared_ptr<const CounterSchema> schema);

  /// Null for a default-constructed set, which counts nothing.
  const CounterSchema *schema() const { return declared.get(); }
  size_t size() const { return values.size(); }
  uint64_t &operator[](size_t index) { return values[index]; }
  uint64_t operator[](size_t index) const { return values[index]; }
  /// The count of class `name`, or nothing when the schema lacks it.
  std::optional<uint64_t> get(std::string_view name) const;
  /// The count of class `name`, 0 when the schema lacks it.
  uint64_t value(std::string_view name) const { return get(name).value_or(0); }

private:
  std::shared_ptr<const CounterSchema> declared;
  std::vector<uint64_t> values;
};

/// One class whose counts differ between two runs. A class only one side
/// declares has no value on the other.
struct CounterDifference {
  std::string name;
  std::optional<uint64_t> first;
  std::optional<uint64_t> second;
};

/// Classes in `a`'s order, then those only `b` declares.
std::vector<CounterDifference> differences(const CounterSet &a,
                                           const CounterSet &b);

/// Same classes (by name) with the same counts.
bool operator==(const CounterSet &a, const CounterSet &b);
inline bool operator!=(const CounterSet &a, const CounterSet &b) {
  return !(a == b);
}

/// "router_hops 120 vs 118 (-2, -1.67%)"; "sram_words_read 5 vs (absent)".
std::string describe(const CounterDifference &difference);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_COUNTERS_H
