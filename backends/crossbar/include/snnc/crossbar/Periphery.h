//===- Periphery.h - The digital neurons beside the arrays ------*- C++ -*-===//
//
// The integer arithmetic that turns ADC codes into neuron input
// (docs/crossbar.md, "The digital periphery"). One ADC code of tile k stands
// for the real weight c_k = (lsb_k / V) s_q, with lsb_k its ADC's step and
// s_q its projection's weight units per siemens. Each population P
// integrates in units of s_in(P) = min_k c_k / 2^8 over the tiles into it,
// so that every code multiplier m_k = round(c_k / s_in(P)) is at least 256
// and rounds by at most 0.2 %. A step's input to neuron j is the int64 sum
// over the tile reads whose columns hold j of code x m_k, saturated to
// int32, which feeds
// the fixed-point neuron every digital target shares
// (snnc/Support/FixedPointNeuron.h) with s_v chosen as docs/numerics.md §3
// chooses it. The plan follows from the image alone, so the ref and rtl
// engines derive the same integers.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_PERIPHERY_H
#define SNNC_CROSSBAR_PERIPHERY_H

#include "snnc/crossbar/ColumnRead.h"
#include "snnc/crossbar/TileMap.h"

#include "snnc/Support/FixedPointNeuron.h"

#include <cstdint>
#include <vector>

namespace snnc::crossbar {

/// Codes between a ring slot and the neuron are multiplied by m_q < 2^24,
/// so that a tile's worth of codes stays far inside int64.
inline constexpr int64_t kMaxMultiplier = int64_t(1) << 24;
/// m_q of the finest projection into a population.
inline constexpr int64_t kFinestMultiplier = 256;

struct PopulationPeriphery {
  /// Real input per accumulator LSB, and real voltage per state LSB.
  double sIn = 1;
  double sV = 1;
  /// One per neuron.
  std::vector<fixedpoint::NeuronConstants> neurons;
};

struct PeripheryPlan {
  /// Per tile: its ADC's range (XbarTile::fullScaleRows), the real weight
  /// of one code, and the code's multiplier into its target's accumulator
  /// (0 for a projection of zero weights, which reads as nothing).
  std::vector<AdcRange> range;
  std::vector<double> codeWeight;
  std::vector<int64_t> multiplier;
  std::vector<PopulationPeriphery> populations;
};

/// The periphery of `image` whose synapses `map` holds.
PeripheryPlan planPeriphery(const image::Image &image, const TileMap &map,
                            const DeviceModel &model);

/// Adds `code x multiplier` of a tile's columns into `slot` (int64 ring
/// words of the target neurons the columns hold).
inline void accumulateCodes(const int32_t *codes, uint32_t cols,
                            int64_t multiplier, int64_t *slot) {
  for (uint32_t c = 0; c < cols; ++c)
    slot[c] += int64_t(codes[c]) * multiplier;
}

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_PERIPHERY_H
