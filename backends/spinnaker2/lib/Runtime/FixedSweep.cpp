//===- FixedSweep.cpp - Vectorisable fixed-point population updates -------===//

#include "FixedSweep.h"

#include <algorithm>
#include <limits>

namespace snnc::runtime::detail {

namespace {

namespace s2 = snnc::spinnaker2;

/// s2::rshr for 0 <= s <= 62 without its branch: the rounding half is 0 at
/// s = 0. Image validation bounds every shift to that range.
inline int64_t roundShift(int64_t x, int32_t s) {
  return (x + ((int64_t(1) << s) >> 1)) >> s;
}

inline int64_t clamp32(int64_t x) {
  return std::min<int64_t>(
      std::max<int64_t>(x, std::numeric_limits<int32_t>::min()),
      std::numeric_limits<int32_t>::max());
}

/// s2::stepNeuron over the population, the spike test written to `mask`.
/// Inlined into each ISA's entry point so that it is vectorised for that ISA.
template <bool Uniform, bool Cuba, bool Spiking>
[[gnu::always_inline]] inline void updateMasked(const SweepArgs &a) {
  // Copies the vectoriser can keep in registers; the pointers cannot alias
  // one another (distinct engine arrays).
  const s2::NeuronConstants shared = a.constants[0];
  const s2::NeuronConstants *__restrict constants = a.constants;
  int32_t *__restrict input = a.input;
  s2::NeuronState *__restrict state = a.state;
  uint8_t *__restrict mask = a.mask;
  for (uint32_t j = 0, n = a.size; j < n; ++j) {
    const s2::NeuronConstants &c = Uniform ? shared : constants[j];
    int64_t x = clamp32(int64_t(input[j]) + c.bias);
    int64_t in = x;
    if constexpr (Cuba) {
      in = clamp32(
          roundShift(int64_t(c.synDecay) * state[j].isyn, s2::kDecayBits) +
          roundShift(x * c.synGain.m, c.synGain.s));
      state[j].isyn = int32_t(in);
    }
    int32_t v = int32_t(
        clamp32(roundShift(int64_t(c.decay) * state[j].v, s2::kDecayBits) +
                int64_t(c.drive) + roundShift(in * c.gain.m, c.gain.s)));
    if constexpr (Spiking) {
      bool fired = v > c.threshold;
      state[j].v = fired ? c.reset : v;
      mask[j] = fired;
    } else {
      state[j].v = v;
    }
    input[j] = 0;
  }
}

template <bool Uniform, bool Cuba>
[[gnu::always_inline]] inline uint32_t sweepModel(const SweepArgs &a) {
  if (!a.spiking) {
    updateMasked<Uniform, Cuba, false>(a);
    return 0;
  }
  updateMasked<Uniform, Cuba, true>(a);
  // The index is always written and kept only when the neuron fired: no
  // branch on the spike.
  uint32_t count = 0;
  for (uint32_t j = 0; j < a.size; ++j) {
    a.fired[count] = j;
    count += a.mask[j];
  }
  return count;
}

[[gnu::always_inline]] inline uint32_t sweep(const SweepArgs &a) {
  if (a.size == 0)
    return 0;
  if (a.uniform)
    return a.cuba ? sweepModel<true, true>(a) : sweepModel<true, false>(a);
  return a.cuba ? sweepModel<false, true>(a) : sweepModel<false, false>(a);
}

} // namespace

uint32_t sweepFixed(const SweepArgs &args) {
  return IsaClones<sweep>::run(args);
}

uint32_t sweepFixedOn(IsaLevel level, const SweepArgs &args) {
  return IsaClones<sweep>::run(level, args);
}

} // namespace snnc::runtime::detail
