//===- Limits.h - Bounds every snnc target and image shares -----*- C++ -*-===//
//
// Limits that the discretizer (which turns seconds into steps) and the
// image writer (which stores steps) must agree on.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_LIMITS_H
#define SNN_LIMITS_H

#include <cstdint>

namespace snn {

/// The longest delay in steps: images store delays as 16-bit step counts
/// into each population's ring buffer (docs/numerics.md §2).
inline constexpr uint32_t kMaxDelaySteps = 65535;

} // namespace snn

#endif // SNN_LIMITS_H
