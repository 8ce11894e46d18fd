//===- Counters.cpp - Names of the SFQ target's event classes -------------===//

#include "snnc/sfq/Counters.h"

namespace snnc::sfq {

const char *counterName(Counter c) {
  static constexpr const char *kNames[] = {
#define SNNC_COUNTER(Enum, name, unit, description) name,
#include "snnc/sfq/Counters.def"
#undef SNNC_COUNTER
  };
  return index(c) < kNumCounters ? kNames[index(c)] : "?";
}

} // namespace snnc::sfq
