//===- Conductance.cpp - Weights as programmed conductance pairs ----------===//

#include "snnc/crossbar/Conductance.h"

#include "snnc/Support/CounterRng.h"

#include <algorithm>
#include <cmath>

namespace snnc::crossbar {
namespace {
using snn::reservoir::detail::CounterRng;
using snn::reservoir::detail::Ziggurat;

/// "program": the stream of programming noise.
constexpr uint64_t kProgramStream = 0x70726f6772616dULL;
} // namespace

double projectionScale(const float *w, size_t n, const DeviceModel &model) {
  double largest = 0;
  for (size_t i = 0; i < n; ++i)
    largest = std::max(largest, std::fabs(double(w[i])));
  return largest / (model.gMax - model.gMin);
}

uint32_t levelOf(double w, double scale, const DeviceModel &model) {
  if (scale <= 0 || w == 0)
    return 0;
  double k = std::round(std::fabs(w) / scale / model.levelStep());
  return uint32_t(std::min(k, double(model.conductanceLevels - 1)));
}

ConductancePair targetPair(double w, double scale, const DeviceModel &model) {
  double g = model.gMin + levelOf(w, scale, model) * model.levelStep();
  return w >= 0 ? ConductancePair{g, model.gMin}
                : ConductancePair{model.gMin, g};
}

ConductancePair programmed(const ConductancePair &target, uint64_t seed,
                           uint64_t projection, uint64_t synapse,
                           const DeviceModel &model) {
  if (model.sigmaProgram == 0)
    return target;
  // One stream per (projection, synapse); its first draws go to G+ then G-.
  CounterRng rng(seed, kProgramStream ^ (projection * 0x9E3779B97F4A7C15ULL),
                 synapse);
  const Ziggurat &normal = Ziggurat::get();
  double plus = target.plus + model.sigmaProgram * normal(rng);
  double minus = target.minus + model.sigmaProgram * normal(rng);
  return {std::max(0.0, plus), std::max(0.0, minus)};
}

} // namespace snnc::crossbar
