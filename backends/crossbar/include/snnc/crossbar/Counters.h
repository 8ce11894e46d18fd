//===- Counters.h - The crossbar event classes, indexed ---------*- C++ -*-===//
//
// Counters.def as an enum that engines index a CounterSet with, and as the
// schema the target registers.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_COUNTERS_H
#define SNNC_CROSSBAR_COUNTERS_H

#include "snnc/runtime/Counters.h"

#include <memory>

namespace snnc::crossbar {

enum Counter : size_t {
#define SNNC_COUNTER(Enum, name, unit, description) Enum,
#include "snnc/crossbar/Counters.def"
  NumCounters
};

/// The schema every crossbar run's CounterSet points to.
inline std::shared_ptr<const runtime::CounterSchema> counterSchema() {
  static const std::shared_ptr<const runtime::CounterSchema> schema =
      std::make_shared<const runtime::CounterSchema>(
          std::vector<runtime::CounterClass>{
#define SNNC_COUNTER(Enum, name, unit, description) {name, unit, description},
#include "snnc/crossbar/Counters.def"
          });
  return schema;
}

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_COUNTERS_H
