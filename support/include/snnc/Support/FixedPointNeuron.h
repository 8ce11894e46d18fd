//===- FixedPointNeuron.h - The digital targets' neuron -------*- C++ -*-===//
//
// The integer neuron update of docs/numerics.md §3 (decay, gain, drive,
// threshold and reset in fixed point, with one definition of every rounding
// and saturation), header-only and free of MLIR. Every target whose neurons
// are digital uses it: a many-core chip's processors, or the periphery
// beside in-memory-computing arrays. How a target stores its weights (int16
// with shifts, conductance pairs) stays in the target.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SUPPORT_FIXEDPOINTNEURON_H
#define SNNC_SUPPORT_FIXEDPOINTNEURON_H

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace snnc::fixedpoint {

/// Decay factors are unsigned Q16 fractions in [0, 2^16].
inline constexpr int32_t kDecayBits = 16;
/// Multipliers are m / 2^s with 0 <= m < 2^31 and 0 <= s <= kMaxMulShift.
inline constexpr int32_t kMaxMulShift = 62;
/// The quantizer sizes s_in so that no neuron's input can exceed this.
inline constexpr int64_t kInputBound = int64_t(1) << 30;
/// s_v leaves this many LSBs for the largest expected |v|.
inline constexpr int64_t kVoltageRange = int64_t(1) << 29;

inline int32_t sat32(int64_t x) {
  if (x > std::numeric_limits<int32_t>::max())
    return std::numeric_limits<int32_t>::max();
  if (x < std::numeric_limits<int32_t>::min())
    return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(x);
}

/// Rounding arithmetic right shift: round half up (towards +inf).
inline int64_t rshr(int64_t x, int32_t n) {
  if (n <= 0)
    return x;
  return (x + (int64_t(1) << (n - 1))) >> n;
}

/// Compile-time real-to-integer conversion: round half away from zero, then
/// clamp to [lo, hi].
inline int64_t quantizeReal(double x, int64_t lo, int64_t hi) {
  if (!(x == x))
    return 0;
  if (x >= static_cast<double>(hi))
    return hi;
  if (x <= static_cast<double>(lo))
    return lo;
  return std::min(hi, std::max(lo, static_cast<int64_t>(std::llround(x))));
}

/// A real factor g >= 0 as m / 2^s, with m as large as possible below 2^31.
struct Multiplier {
  int32_t m = 0;
  int32_t s = 0;
  double value() const { return std::ldexp(static_cast<double>(m), -s); }
};

inline Multiplier toMultiplier(double g) {
  Multiplier result;
  if (!(g > 0.0))
    return result;
  // Largest s with round(g * 2^s) < 2^31.
  int exponent = 0;
  std::frexp(g, &exponent); // g = f * 2^exponent, f in [0.5, 1)
  int32_t s = 31 - exponent;
  if (s > kMaxMulShift)
    s = kMaxMulShift;
  if (s < 0)
    s = 0;
  int64_t m = std::llround(std::ldexp(g, s));
  if (m >= (int64_t(1) << 31)) {
    if (s > 0) {
      --s;
      m = std::llround(std::ldexp(g, s));
    } else {
      m = (int64_t(1) << 31) - 1;
    }
  }
  result.m = static_cast<int32_t>(m);
  result.s = s;
  return result;
}

/// Per-neuron integer constants (docs/numerics.md §3, "Per-neuron constants").
struct NeuronConstants {
  int32_t decay = 0;     // Q16
  Multiplier gain;       // s_in -> s_v
  int32_t drive = 0;     // s_v LSBs per step
  int32_t bias = 0;      // s_in LSBs per step
  int32_t threshold = 0; // s_v
  int32_t reset = 0;     // s_v
  int32_t synDecay = 0;  // Q16 (cuba_lif)
  Multiplier synGain;    // s_in -> s_in (cuba_lif)
};

/// Neuron state.
struct NeuronState {
  int32_t v = 0;
  int32_t isyn = 0;
};

/// One update of one neuron (docs/numerics.md §3, steps 1-4). `input` is the
/// ring-buffer slot for this step. Returns true when the neuron spikes.
inline bool stepNeuron(const NeuronConstants &c, bool cuba, bool spiking,
                       int32_t input, NeuronState &state) {
  int32_t x = sat32(static_cast<int64_t>(input) + c.bias);
  int32_t in = x;
  if (cuba) {
    state.isyn =
        sat32(rshr(static_cast<int64_t>(c.synDecay) * state.isyn, kDecayBits) +
              rshr(static_cast<int64_t>(x) * c.synGain.m, c.synGain.s));
    in = state.isyn;
  }
  state.v = sat32(rshr(static_cast<int64_t>(c.decay) * state.v, kDecayBits) +
                  static_cast<int64_t>(c.drive) +
                  rshr(static_cast<int64_t>(in) * c.gain.m, c.gain.s));
  if (spiking && state.v > c.threshold) {
    state.v = c.reset;
    return true;
  }
  return false;
}

/// The factor a constant input reaches the membrane with: for a CuBa
/// synapse syn_gain / (1 - syn_decay), at least 1; 1 for other models
/// (docs/numerics.md §3, G_j).
inline double synapticInputGain(double synGain, double synDecay, bool cuba) {
  if (!cuba)
    return 1.0;
  double leak = std::max(1.0 - synDecay, 1.0 / double(1 << kDecayBits));
  return std::max(1.0, std::abs(synGain) / leak);
}

/// The largest |v| one neuron can reach when its input (after the synapse)
/// is at most `input` in real units per step (docs/numerics.md §3, "Choosing
/// s_v"). `Real` has the fields of a real-valued neuron: decay, gain,
/// drive, threshold, reset.
template <typename Real>
double voltageBound(const Real &n, double input, bool spiking) {
  double step = std::abs(n.drive) + n.gain * input;
  if (spiking)
    return std::max({std::abs(n.threshold), std::abs(n.reset),
                     std::abs(n.threshold) + step});
  return step / std::max(1.0 - n.decay, 1.0 / double(1 << kDecayBits));
}

/// A real-valued neuron's integer constants under input scale `sIn` and
/// voltage scale `sV` (docs/numerics.md §3, "Per-neuron constants"). `Real`
/// adds bias, syn_decay and syn_gain to voltageBound's fields.
template <typename Real>
NeuronConstants quantizeNeuron(const Real &n, double sIn, double sV,
                               bool spiking, bool cuba) {
  constexpr int64_t lo = std::numeric_limits<int32_t>::min();
  constexpr int64_t hi = std::numeric_limits<int32_t>::max();
  NeuronConstants c;
  c.decay = static_cast<int32_t>(
      quantizeReal(n.decay * (1 << kDecayBits), 0, 1 << kDecayBits));
  c.gain = toMultiplier(n.gain * sIn / sV);
  c.drive = static_cast<int32_t>(quantizeReal(n.drive / sV, lo, hi));
  c.bias = static_cast<int32_t>(quantizeReal(n.bias / sIn, lo, hi));
  if (spiking) {
    c.threshold = static_cast<int32_t>(quantizeReal(n.threshold / sV, lo, hi));
    c.reset = static_cast<int32_t>(quantizeReal(n.reset / sV, lo, hi));
  }
  if (cuba) {
    c.synDecay = static_cast<int32_t>(
        quantizeReal(n.synDecay * (1 << kDecayBits), 0, 1 << kDecayBits));
    c.synGain = toMultiplier(n.synGain);
  }
  return c;
}

} // namespace snnc::fixedpoint

#endif // SNNC_SUPPORT_FIXEDPOINTNEURON_H
