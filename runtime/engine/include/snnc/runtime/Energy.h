//===- Energy.h - Energy and latency from counted events --------*- C++ -*-===//
//
// Energy = sum over the event classes the target declares of (count x the
// class's coefficient in energy.json) + static power per unit kind in use x
// simulated time + the target's own extra terms (cooling, programming),
// which are reported apart. The coefficients come from the target's
// energy.json (or a user's --energy-model file), each with its source and
// basis; nothing is estimated without a count. Latency per step comes from
// the busiest unit's cycles at the operating point's clock.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_ENERGY_H
#define SNNC_RUNTIME_ENERGY_H

#include "snnc/image/Image.h"
#include "snnc/runtime/RunResult.h"
#include "snnc/runtime/TargetRuntime.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace snnc::runtime {

/// One event class priced.
struct EnergyComponent {
  /// The counter class ("synaptic_events") and its unit.
  std::string name;
  std::string unit;
  uint64_t count = 0;
  double joulesPerEvent = 0;
  double joules = 0;
  /// measured, derived or assumed (energy.json "basis"), and where the
  /// coefficient comes from (its "source").
  std::string basis;
  std::string source;
};

/// Static power of one unit kind in use.
struct StaticComponent {
  std::string unitKind;
  uint64_t units = 0;
  double wattsPerUnit = 0;
  double joules = 0;
  std::string basis;
  std::string source;
};

/// NeuroBench's system-independent metrics, where they apply.
struct NeuroBenchMetrics {
  /// SynapticOperations: accumulates of spike-driven synapses and
  /// multiply-accumulates of graded ones (the target's
  /// "graded_synaptic_events" class, when it declares one).
  uint64_t effectiveAcs = 0;
  uint64_t effectiveMacs = 0;
  /// 1 - spikes / (spiking neurons x steps).
  double activationSparsity = 0;
  uint64_t membraneUpdates = 0;
  /// Bytes of weights and state the image keeps on the chip.
  uint64_t footprintBytes = 0;
  uint64_t footprintWeightBytes = 0;
  uint64_t footprintStateBytes = 0;
};

struct EnergyReport {
  std::string target;
  /// energy.json's operating_point.name ("0.8V-300MHz").
  std::string operatingPoint;
  std::vector<EnergyComponent> dynamic;
  std::vector<StaticComponent> staticParts;
  std::vector<EnergyTerm> extra;
  double dynamicJoules = 0;
  double staticJoules = 0;
  double extraJoules = 0;
  /// Energy drawn on the chip (dynamic + static); totalJoules adds the
  /// extra terms (cooling: the wall-plug energy).
  double chipJoules = 0;
  double totalJoules = 0;
  /// Per synaptic event (0 without events): dynamic energy alone, and all
  /// energy (static power and extra terms included).
  double dynamicJoulesPerSynapticEvent = 0;
  double joulesPerSynapticEvent = 0;
  /// Synaptic events as operations per joule, in units of 10^12 (TOPS/W):
  /// two operations (multiply and add) per event, as in-memory-computing
  /// papers count a MAC, so that substrates compare on one figure; 0
  /// without events.
  double topsPerWattEquivalent = 0;
  NeuroBenchMetrics neurobench;
  /// Simulated biological time: steps x dt.
  double seconds = 0;
  /// Time the chip drew static power (TargetRuntime::poweredSeconds).
  double poweredSeconds = 0;
  /// The busiest unit's worst step, in cycles and in seconds at the clock.
  double maxStepCycles = 0;
  double maxStepSeconds = 0;
  double clockHz = 0;
  /// dt over the worst step's duration: > 1 means faster than real time.
  double realTimeFactor = 0;
  /// The target's cycles per unit per step (0 when the model has none).
  double stepCycleBudget = 0;

  /// An inference is a window of `stepsPerInference` consecutive steps (the
  /// whole run unless the caller sets a window). `inferences` counts the
  /// complete windows; the per-inference figures are run averages scaled to
  /// one window (total energy x window / steps), so a partial last window
  /// is priced at the run's mean rate rather than dropped or counted whole.
  uint64_t stepsPerInference = 0;
  uint64_t inferences = 0;
  double joulesPerInference = 0;
  /// The same for the chip energy alone.
  double chipJoulesPerInference = 0;
  /// Compute latency of one inference: the window's steps run back to back
  /// at the worst step's duration (maxStepSeconds); paced to real time an
  /// inference instead takes inferenceSeconds.
  double inferenceLatencySeconds = 0;
  /// Simulated (biological) time of one window: stepsPerInference x dt.
  double inferenceSeconds = 0;
};

/// `energyModel` is an energy.json document (version 2: "events" priced per
/// counter class, "static_w" per unit kind). `stepsPerInference` sets the
/// inference window (0: the whole run is one inference). Fails naming a
/// missing, non-numeric, negative or non-finite coefficient. `footprint`,
/// when given, is target.footprint(image), computed once by a caller that
/// prices many runs of one image.
Expected<EnergyReport> computeEnergy(const TargetRuntime &target,
                                     const image::Image &image,
                                     const RunResult &result,
                                     const nlohmann::json &energyModel,
                                     uint64_t stepsPerInference = 0,
                                     const Footprint *footprint = nullptr);

/// Reads coefficient `field` of `section` ({"value": x, ...} or x): finite
/// and >= 0, else an error naming `what`.
Expected<double> energyCoefficient(const nlohmann::json &section,
                                   const std::string &field,
                                   const std::string &what);

/// The clock of the energy model's operating point ("clock_hz": x or
/// {"value": x}), if it states one; an error when it is not a number in
/// [kMinClockHz, kMaxClockHz] (snnc/Support/ClockRange.h).
Expected<std::optional<double>>
operatingPointClockHz(const nlohmann::json &energyModel);

nlohmann::json toJson(const EnergyReport &report);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_ENERGY_H
