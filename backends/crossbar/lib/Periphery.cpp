//===- Periphery.cpp - Scales and constants of the digital neurons --------===//

#include "snnc/crossbar/Periphery.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace snnc::crossbar {

PeripheryPlan planPeriphery(const image::Image &image, const TileMap &map,
                            const AdcRange &range, const DeviceModel &model) {
  size_t pops = image.populations.size();
  size_t projs = image.projections.size();
  PeripheryPlan plan;
  plan.codeWeight.assign(projs, 0.0);
  plan.multiplier.assign(projs, 0);
  plan.populations.resize(pops);

  // c_q, and the finest code weight into each population.
  std::vector<double> finest(pops, std::numeric_limits<double>::infinity());
  for (size_t q = 0; q < projs; ++q) {
    double scale = q < map.scale.size() ? map.scale[q] : 0.0;
    plan.codeWeight[q] = range.lsb / model.readVoltage * scale;
    if (plan.codeWeight[q] > 0) {
      uint32_t p = image.projections[q].target;
      finest[p] = std::min(finest[p], plan.codeWeight[q]);
    }
  }

  // Largest real input per step into each neuron: every tile read that
  // reaches it at its largest code, plus its bias.
  double maxCode = std::max(std::abs(double(range.minCode)),
                            std::abs(double(range.maxCode)));
  std::vector<std::vector<double>> input(pops);
  for (size_t p = 0; p < pops; ++p)
    input[p].assign(image.populations[p].size, 0.0);
  for (const XbarTile &tile : map.tiles) {
    uint32_t p = image.projections[tile.projection].target;
    double most = maxCode * plan.codeWeight[tile.projection];
    for (uint32_t c = 0; c < tile.block.colCount; ++c)
      input[p][tile.block.colFirst + c] += most;
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
    auto multiplierOf = [&](size_t q) {
      return std::min<int64_t>(kMaxMultiplier,
                               std::llround(plan.codeWeight[q] / out.sIn));
    };
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
    for (size_t q = 0; q < projs; ++q)
      if (image.projections[q].target == p && plan.codeWeight[q] > 0)
        plan.multiplier[q] = multiplierOf(q);

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
  return plan;
}

} // namespace snnc::crossbar
