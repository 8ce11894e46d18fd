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
  /// The target's cycles per PE per step (0 when the model has none).
  double stepCycleBudget = 0;

  /// An inference is a window of `stepsPerInference` consecutive steps (the
  /// whole run unless the caller sets a window). `inferences` counts the
  /// complete windows; the per-inference figures are run averages scaled to
  /// one window (total energy x window / steps), so a partial last window
  /// is priced at the run's mean rate rather than dropped or counted whole.
  uint64_t stepsPerInference = 0;
  uint64_t inferences = 0;
  double joulesPerInference = 0;
  /// Compute latency of one inference: the window's steps run back to back
  /// at the worst step's duration (maxStepSeconds); paced to real time an
  /// inference instead takes inferenceSeconds.
  double inferenceLatencySeconds = 0;
  /// Simulated (biological) time of one window: stepsPerInference x dt.
  double inferenceSeconds = 0;
};

/// `energyModel` is an energy.json document (fields are {"value": ...}).
/// `stepsPerInference` sets the inference window (0: the whole run is one
/// inference). Fails naming a missing or non-numeric coefficient.
image::Expected<EnergyReport> computeEnergy(const image::Image &image,
                                            const RunResult &result,
                                            const nlohmann::json &energyModel,
                                            uint64_t stepsPerInference = 0);

nlohmann::json toJson(const EnergyReport &report);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_ENERGY_H
