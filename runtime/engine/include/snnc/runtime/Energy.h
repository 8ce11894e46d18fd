//===- Energy.h - Energy and latency from counted events --------*- C++ -*-===//
//
// Energy = sum over components of (counted events x energy per event) +
// static power x simulated time, with coefficients from the target's
// energy.json (or a user's --energy-model file). Latency per step comes from
// the busiest PE's cycles. Nothing here is estimated without a count.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_ENERGY_H
#define SNNC_RUNTIME_ENERGY_H

#include "snnc/image/Image.h"
#include "snnc/runtime/RunResult.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace snnc::runtime {

struct EnergyComponent {
  std::string name;
  uint64_t count = 0;
  double joulesPerEvent = 0;
  double joules = 0;
};

struct EnergyReport {
  std::vector<EnergyComponent> dynamic;
  double dynamicJoules = 0;
  double staticJoules = 0;
  double totalJoules = 0;
  /// Total energy per synaptic event (0 without events).
  double joulesPerSynapticEvent = 0;
  /// Simulated biological time: steps x dt.
  double seconds = 0;
  /// The busiest PE's worst step, in cycles and in seconds at the clock.
  double maxStepCycles = 0;
  double maxStepSeconds = 0;
  /// dt over the worst step's duration: > 1 means faster than real time.
  double realTimeFactor = 0;
};

/// `energyModel` is an energy.json document (fields are {"value": ...}).
/// Fails naming a missing or non-numeric coefficient.
image::Expected<EnergyReport> computeEnergy(const image::Image &image,
                                            const RunResult &result,
                                            const nlohmann::json &energyModel);

nlohmann::json toJson(const EnergyReport &report);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_ENERGY_H
