//===- IsaLevel.cpp - Which x86-64 ISA levels this CPU runs ---------------===//

#include "snnc/Support/IsaLevel.h"

#include <initializer_list>

namespace snnc::support {

bool isaSupported(IsaLevel level) {
  switch (level) {
  case IsaLevel::Baseline:
    return true;
#ifdef SNNC_X86_ISA_LEVELS
  case IsaLevel::X86V3:
    __builtin_cpu_init();
    return __builtin_cpu_supports("x86-64-v3");
  case IsaLevel::X86V4:
    __builtin_cpu_init();
    return __builtin_cpu_supports("x86-64-v4");
#endif
  default:
    return false;
  }
}

IsaLevel bestIsa() {
  static const IsaLevel best = [] {
    for (IsaLevel level : {IsaLevel::X86V4, IsaLevel::X86V3})
      if (isaSupported(level))
        return level;
    return IsaLevel::Baseline;
  }();
  return best;
}

} // namespace snnc::support
