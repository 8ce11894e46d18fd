//===- Counters.h - The SFQ target's event classes --------------*- C++ -*-===//
//
// Indices into a run's CounterSet, in Counters.def order, and the schema
// the runtime registers.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_COUNTERS_H
#define SNNC_SFQ_COUNTERS_H

#include <cstddef>

namespace snnc::sfq {

enum class Counter : size_t {
#define SNNC_COUNTER(Enum, name, unit, description) Enum,
#include "snnc/sfq/Counters.def"
#undef SNNC_COUNTER
  NumCounters
};
inline constexpr size_t kNumCounters =
    static_cast<size_t>(Counter::NumCounters);

inline constexpr size_t index(Counter c) { return static_cast<size_t>(c); }

/// "neuron_updates", ... in Counters.def order.
const char *counterName(Counter c);

} // namespace snnc::sfq

#endif // SNNC_SFQ_COUNTERS_H
