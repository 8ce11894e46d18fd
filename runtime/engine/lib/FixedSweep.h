//===- FixedSweep.h - Fixed-point neuron updates over a population -*- C++
//-*-===//
//
// The ref engine's neuron phase: s2::stepNeuron applied to every neuron of a
// population, bit for bit, but written so that the compiler vectorises it.
// The per-neuron step has a data-dependent spike branch and 64-bit
// intermediates; here the update is branch-free, spikes land in a byte mask,
// and the fired neurons are listed by a second, scalar pass. Integer
// arithmetic gives the same result at every vector width, so the build
// carries one copy per x86-64 ISA level and picks the best the CPU has at
// run time without changing any result.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_FIXEDSWEEP_H
#define SNNC_RUNTIME_FIXEDSWEEP_H

#include "snnc/spinnaker2/FixedPoint.h"

#include <cstdint>

namespace snnc::runtime::detail {

/// Code paths of sweepFixed(), from the portable one up.
enum class SweepIsa : uint8_t {
  Baseline, // the target's default ISA
  X86V3,    // x86-64-v3: AVX2
  X86V4,    // x86-64-v4: AVX-512
};

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

/// The same on one given code path, for tests; the path must be supported.
uint32_t sweepFixedOn(SweepIsa isa, const SweepArgs &args);

/// True when this build has the path and the CPU can run it.
bool sweepIsaSupported(SweepIsa isa);

/// The path sweepFixed() uses on this CPU.
SweepIsa bestSweepIsa();

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_FIXEDSWEEP_H
