//===- Periphery.cpp - Scales and constants of the digital neurons --------===//

#include "snnc/crossbar/Periphery.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace snnc::crossbar {

PeripheryPlan planPeriphery(const image::Image &image, const TileMap &map,
                            const DeviceModel &model) {
  size_t pops = image.populations.size();
  size_t tiles = map.tiles.size();
  PeripheryPlan plan;
  plan.codeWeight.assign(tiles, 0.0);
  plan.multiplier.assign(tiles, 0);
  plan.populations.resize(pops);

  // c_k, and the finest code weight into each population.
  std::vector<double> finest(pops, std::numeric_limits<double>::infinity());
  for (size_t k = 0; k < tiles; ++k) {
    const XbarTile &tile = map.tiles[k];
    double scale =
        tile.projection < map.scale.size() ? map.scale[tile.projection] : 0.0;
    // A digital tile's code is a sum of int16 weights, each worth the
    // projection's scale.
    plan.range.push_back(tile.digital ? AdcRange{}
                                      : adcRange(model, tile.fullScaleRows));
    plan.codeWeight[k] =
        tile.digital ? scale : plan.range[k].lsb / model.readVoltage * scale;
    if (plan.codeWeight[k] > 0) {
      uint32_t p = image.projections[tile.projection].target;
      finest[p] = std::min(finest[p], plan.codeWeight[k]);
    }
  }

  // Largest real input per step into each neuron: every tile read that
  // reaches it at its largest code, plus its bias.
  std::vector<std::vector<double>> input(pops);
  for (size_t p = 0; p < pops; ++p)
    input[p].assign(image.populations[p].size, 0.0);
  for (size_t k = 0; k < tiles; ++k) {
    const XbarTile &tile = map.tiles[k];
    uint32_t p = image.projections[tile.projection].target;
    double maxCode = std::max(std::abs(double(plan.range[k].minCode)),
                              std::abs(double(plan.range[k].maxCode)));
    uint32_t cols = tile.block.colCount;
    for (uint32_t c = 0; c < cols; ++c) {
      // A digital column reaches at most the sum of its |weights|.
      double code = maxCode;
      if (tile.digital) {
        code = 0;
        for (uint32_t r = 0; r < tile.block.rowCount; ++r)
          code += std::abs(double(tile.weights[size_t(r) * cols + c]));
      }
      input[p][tile.block.colFirst + c] += code * plan.codeWeight[k];
    }
  }

  for (size_t p = 0; p < pops; ++p) {
    const image::Population &pop = image.populations[p];
    PopulationPeriphery &out = plan.populations[p];
    bool cuba = pop.model == image::NeuronModel::CubaLif;
    double largestBias = 0;
    for (const image::FloatNeuron &n : pop.floatParams)
      largestBias = std::max(largestBias, std::abs(n.bias));
    // Without synapses the bias alone sets the scale, with the headroom of
    // docs/numerics.md §3.
    out.sIn =
        std::isfinite(finest[p])
            ? finest[p] / double(kFinestMultiplier)
            : (largestBias > 0 ? largestBias / double(fixedpoint::kInputBound)
                               : 1.0);
    // The accumulator of the busiest neuron must not saturate: coarsen
    // s_in until it fits (it never does for chips of realistic size).
    for (;;) {
      double worst = 0;
      for (uint32_t j = 0; j < pop.size; ++j)
        worst = std::max(
            worst, (input[p][j] + std::abs(pop.floatParams[j].bias)) / out.sIn);
      if (worst <= double(fixedpoint::kInputBound) || !std::isfinite(worst))
        break;
      out.sIn *= 2;
    }

    double vMax = 0;
    for (uint32_t j = 0; j < pop.size; ++j) {
      const image::FloatNeuron &n = pop.floatParams[j];
      double in = (input[p][j] + std::abs(n.bias)) *
                  fixedpoint::synapticInputGain(n.synGain, n.synDecay, cuba);
      vMax = std::max(vMax, fixedpoint::voltageBound(n, in, pop.spiking));
    }
    out.sV = vMax > 0 && std::isfinite(vMax)
                 ? vMax / double(fixedpoint::kVoltageRange)
                 : 1.0;
    out.neurons.reserve(pop.size);
    for (const image::FloatNeuron &n : pop.floatParams)
      out.neurons.push_back(
          fixedpoint::quantizeNeuron(n, out.sIn, out.sV, pop.spiking, cuba));
  }
  for (size_t k = 0; k < tiles; ++k) {
    const PopulationPeriphery &out =
        plan.populations[image.projections[map.tiles[k].projection].target];
    if (plan.codeWeight[k] > 0)
      plan.multiplier[k] = std::min<int64_t>(
          kMaxMultiplier, std::llround(plan.codeWeight[k] / out.sIn));
  }
  return plan;
}

} // namespace snnc::crossbar
