//===- FixedSweep.h - Fixed-point neuron updates, vectorised ---*- C++ -*-===//
//
// The ref engine's neuron phase: s2::stepNeuron applied to every neuron of a
// population, bit for bit, but written so that the compiler vectorises it.
// The per-neuron step has a data-dependent spike branch and 64-bit
// intermediates; here the update is branch-free, spikes land in a byte mask,
// and the fired neurons are listed by a second, scalar pass. One copy per
// x86-64 ISA level (IsaLevel.h).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_FIXEDSWEEP_H
#define SNNC_SPINNAKER2_FIXEDSWEEP_H

#include "snnc/Support/IsaLevel.h"

#include "snnc/spinnaker2/FixedPoint.h"

#include <cstdint>

namespace snnc::runtime::detail {
using support::IsaClones;
using support::IsaLevel;

/// A population's neurons for one step.
struct SweepArgs {
  /// One set of constants for all (uniform) or one per neuron.
  const spinnaker2::NeuronConstants *constants;
  bool uniform;
  bool cuba;
  bool spiking;
  /// The step's ring slot, one word per neuron; cleared by the sweep.
  int32_t *input;
  spinnaker2::NeuronState *state;
  uint32_t size;
  /// Out: the indices of the neurons that fired, ascending (room for size).
  uint32_t *fired;
  /// Scratch of at least size bytes.
  uint8_t *mask;
};

/// Updates every neuron as s2::stepNeuron does; returns how many fired.
uint32_t sweepFixed(const SweepArgs &args);

/// The same as compiled for `level`, for tests; the level must be
/// supported.
uint32_t sweepFixedOn(IsaLevel level, const SweepArgs &args);

} // namespace snnc::runtime::detail

#endif // SNNC_SPINNAKER2_FIXEDSWEEP_H
