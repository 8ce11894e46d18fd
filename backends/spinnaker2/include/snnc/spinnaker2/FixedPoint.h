//===- FixedPoint.h - SpiNNaker2 target fixed-point arithmetic --*- C++ -*-===//
//
// The integer arithmetic of docs/numerics.md §3 as spinnaker2 uses it: the
// shared fixed-point neuron (snnc/Support/FixedPointNeuron.h) and this
// target's own int16 weights with per-projection shifts, header-only and
// free of MLIR so that the quantizer (compiler), the ref engine (runtime)
// and the RTL testbenches share one definition.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_FIXEDPOINT_H
#define SNNC_SPINNAKER2_FIXEDPOINT_H

#include "snnc/Support/FixedPointNeuron.h"

namespace snnc::spinnaker2 {

using fixedpoint::kDecayBits;
using fixedpoint::kInputBound;
using fixedpoint::kMaxMulShift;
using fixedpoint::kVoltageRange;
using fixedpoint::Multiplier;
using fixedpoint::NeuronConstants;
using fixedpoint::NeuronState;
using fixedpoint::quantizeReal;
using fixedpoint::rshr;
using fixedpoint::sat32;
using fixedpoint::stepNeuron;
using fixedpoint::toMultiplier;

/// Synaptic weights are int16 in [-kWeightMax, kWeightMax] (symmetric).
inline constexpr int32_t kWeightMax = 32767;
/// Per-projection left shifts lie in [0, kMaxShift].
inline constexpr int32_t kMaxShift = 16;

/// The int16 weight of real weight `w` under `scale` (docs/numerics.md §3):
/// clamp(llround(w / scale), -kWeightMax, kWeightMax).
inline int16_t quantizeWeight(double w, double scale) {
  return static_cast<int16_t>(quantizeReal(w / scale, -kWeightMax, kWeightMax));
}

} // namespace snnc::spinnaker2

#endif // SNNC_SPINNAKER2_FIXEDPOINT_H
