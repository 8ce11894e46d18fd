//===- Counters.h - The spinnaker2 event classes, indexed -------*- C++ -*-===//
//
// Counters.def as an enum that engines index a CounterSet with, and as the
// schema the target registers.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_COUNTERS_H
#define SNNC_SPINNAKER2_COUNTERS_H

#include "snnc/runtime/Counters.h"

#include <memory>

namespace snnc::spinnaker2 {

enum Counter : size_t {
#define SNNC_COUNTER(Enum, name, unit, description) Enum,
#include "snnc/spinnaker2/Counters.def"
  NumCounters
};

/// The schema every spinnaker2 run's CounterSet points to.
inline std::shared_ptr<const runtime::CounterSchema> counterSchema() {
  static const std::shared_ptr<const runtime::CounterSchema> schema =
      std::make_shared<const runtime::CounterSchema>(
          std::vector<runtime::CounterClass>{
#define SNNC_COUNTER(Enum, name, unit, description) {name, unit, description},
#include "snnc/spinnaker2/Counters.def"
          });
  return schema;
}

} // namespace snnc::spinnaker2

#endif // SNNC_SPINNAKER2_COUNTERS_H
