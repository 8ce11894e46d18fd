//===- Energy.cpp - Energy and latency from counted events ----------------===//
//
// Prices a run's counters class by class, as the target declares them; no
// class or unit kind is named here.
//
//===----------------------------------------------------------------------===//

#include "snnc/runtime/Energy.h"

#include "snnc/Support/ClockRange.h"
#include "snnc/Support/FormatNumber.h"

#include <algorithm>
#include <cmath>

using namespace snnc;
using namespace snnc::runtime;

namespace {

constexpr double kMaxEnergyCoefficient = 1e6;

/// Text field `key` of a coefficient entry ("basis", "source"), or "".
std::string textOf(const nlohmann::json &field, const char *key) {
  if (field.is_object() && field.contains(key) && field[key].is_string())
    return field[key].get<std::string>();
  return "";
}

const nlohmann::json &section(const nlohmann::json &model, const char *name) {
  static const nlohmann::json empty = nlohmann::json::object();
  auto it = model.is_object() ? model.find(name) : model.end();
  return model.is_object() && it != model.end() && it->is_object() ? *it
                                                                   : empty;
}

} // namespace

Expected<double> runtime::energyCoefficient(const nlohmann::json &doc,
                                            const std::string &field,
                                            const std::string &what) {
  if (!doc.is_object() || !doc.contains(field))
    return ImageError{"energy model", "missing coefficient " + what};
  const nlohmann::json &entry = doc[field];
  const nlohmann::json &value =
      entry.is_object() && entry.contains("value") ? entry["value"] : entry;
  if (!value.is_number())
    return ImageError{"energy model",
                      "coefficient " + what + " is not a number"};
  double x = value.get<double>();
  // No chip spends a megajoule on one event or a megawatt in one unit; a
  // bound keeps every total finite for any count a run can reach.
  if (!std::isfinite(x) || x < 0 || x > kMaxEnergyCoefficient)
    return ImageError{"energy model",
                      "coefficient " + what + " is " + value.dump() +
                          "; it must be finite and lie in [0, 1e+06]"};
  return x;
}

Expected<std::optional<double>>
runtime::operatingPointClockHz(const nlohmann::json &model) {
  const nlohmann::json &point = section(model, "operating_point");
  if (!point.contains("clock_hz"))
    return std::optional<double>();
  const nlohmann::json &entry = point["clock_hz"];
  const nlohmann::json &value =
      entry.is_object() && entry.contains("value") ? entry["value"] : entry;
  if (!value.is_number() || !isModelledClock(value.get<double>()))
    return ImageError{"energy model", "operating_point.clock_hz is " +
                                          value.dump() +
                                          "; it must be a number in [" +
                                          formatNumber(kMinClockHz) + ", " +
                                          formatNumber(kMaxClockHz) + "] Hz"};
  return std::optional<double>(value.get<double>());
}

Expected<EnergyReport>
runtime::computeEnergy(const TargetRuntime &target, const image::Image &image,
                       const RunResult &result, const nlohmann::json &model,
                       uint64_t stepsPerInference, const Footprint *known) {
  EnergyReport report;
  report.target = target.name();
  const nlohmann::json &point = section(model, "operating_point");
  report.operatingPoint = point.value("name", std::string());
  // The target reads the clock back through operatingPointClockHz.
  if (Expected<std::optional<double>> clock = operatingPointClockHz(model);
      !clock)
    return clock.error();
  if (!result.counters.schema())
    return ImageError{"", "the run counted no events"};

  const nlohmann::json &events = section(model, "events");
  for (const CounterClass &c : result.counters.schema()->classes()) {
    Expected<double> e = energyCoefficient(events, c.name, "events." + c.name);
    if (!e)
      return e.error();
    uint64_t count = result.counters.value(c.name);
    EnergyComponent component{c.name,
                              c.unit,
                              count,
                              e.value(),
                              e.value() * static_cast<double>(count),
                              textOf(events[c.name], "basis"),
                              textOf(events[c.name], "source")};
    report.dynamicJoules += component.joules;
    report.dynamic.push_back(std::move(component));
  }

  report.seconds = static_cast<double>(result.steps) * image.dt;
  report.poweredSeconds = target.poweredSeconds(image, result);
  const nlohmann::json &statics = section(model, "static_w");
  for (const auto &[kind, units] : target.unitsInUse(image)) {
    Expected<double> w = energyCoefficient(statics, kind, "static_w." + kind);
    if (!w)
      return w.error();
    StaticComponent part{kind,
                         units,
                         w.value(),
                         w.value() * static_cast<double>(units) *
                             report.poweredSeconds,
                         textOf(statics[kind], "basis"),
                         textOf(statics[kind], "source")};
    report.staticJoules += part.joules;
    report.staticParts.push_back(std::move(part));
  }

  report.chipJoules = report.dynamicJoules + report.staticJoules;
  Expected<std::vector<EnergyTerm>> extra =
      target.extraEnergy(image, result, model, report.chipJoules);
  if (!extra)
    return extra.error();
  report.extra = std::move(extra.value());
  for (const EnergyTerm &term : report.extra)
    report.extraJoules += term.joules;

  report.totalJoules = report.chipJoules + report.extraJoules;
  uint64_t synaptic = result.counters.value(kSynapticEvents);
  if (synaptic) {
    report.joulesPerSynapticEvent =
        report.totalJoules / static_cast<double>(synaptic);
    report.dynamicJoulesPerSynapticEvent =
        report.dynamicJoules / static_cast<double>(synaptic);
    if (report.totalJoules > 0)
      report.topsPerWattEquivalent =
          2.0 * static_cast<double>(synaptic) / report.totalJoules / 1e12;
  }

  NeuroBenchMetrics &nb = report.neurobench;
  nb.effectiveMacs = result.counters.value("graded_synaptic_events");
  nb.effectiveAcs = synaptic - std::min(synaptic, nb.effectiveMacs);
  nb.membraneUpdates = result.counters.value(kNeuronUpdates);
  double slots = static_cast<double>(result.spikingNeurons) *
                 static_cast<double>(result.steps);
  if (slots > 0)
    nb.activationSparsity =
        1.0 - static_cast<double>(result.populationSpikeCount) / slots;
  Footprint footprint = known ? *known : target.footprint(image);
  nb.footprintWeightBytes = footprint.weightBytes;
  nb.footprintStateBytes = footprint.stateBytes;
  nb.footprintBytes = footprint.weightBytes + footprint.stateBytes;

  for (const PeLoad &load : result.peLoads)
    report.maxStepCycles = std::max(report.maxStepCycles, load.maxStepCycles);
  report.clockHz = target.clockHz(image, model);
  if (report.clockHz > 0) {
    report.maxStepSeconds = report.maxStepCycles / report.clockHz;
    if (report.maxStepSeconds > 0)
      report.realTimeFactor = image.dt / report.maxStepSeconds;
  }
  report.stepCycleBudget = target.stepCycleBudget(image);

  report.stepsPerInference =
      stepsPerInference ? stepsPerInference : result.steps;
  if (report.stepsPerInference) {
    double window = static_cast<double>(report.stepsPerInference);
    report.inferences = result.steps / report.stepsPerInference;
    if (result.steps) {
      report.joulesPerInference =
          report.totalJoules * window / static_cast<double>(result.steps);
      report.chipJoulesPerInference =
          report.chipJoules * window / static_cast<double>(result.steps);
    }
    report.inferenceLatencySeconds = window * report.maxStepSeconds;
    report.inferenceSeconds = window * image.dt;
  }
  return report;
}

nlohmann::json runtime::toJson(const EnergyReport &report) {
  nlohmann::json dynamic = nlohmann::json::array();
  for (const EnergyComponent &c : report.dynamic)
    dynamic.push_back({{"component", c.name},
                       {"unit", c.unit},
                       {"count", c.count},
                       {"joules_per_event", c.joulesPerEvent},
                       {"joules", c.joules},
                       {"basis", c.basis},
                       {"source", c.source}});
  nlohmann::json statics = nlohmann::json::array();
  for (const StaticComponent &s : report.staticParts)
    statics.push_back({{"unit_kind", s.unitKind},
                       {"units", s.units},
                       {"watts_per_unit", s.wattsPerUnit},
                       {"joules", s.joules},
                       {"basis", s.basis},
                       {"source", s.source}});
  nlohmann::json extra = nlohmann::json::array();
  for (const EnergyTerm &t : report.extra)
    extra.push_back(
        {{"term", t.name}, {"joules", t.joules}, {"basis", t.basis}});
  const NeuroBenchMetrics &nb = report.neurobench;
  return {
      {"target", report.target},
      {"operating_point", report.operatingPoint},
      {"dynamic", dynamic},
      {"static", statics},
      {"extra", extra},
      {"dynamic_j", report.dynamicJoules},
      {"static_j", report.staticJoules},
      {"extra_j", report.extraJoules},
      {"chip_j", report.chipJoules},
      {"total_j", report.totalJoules},
      {"dynamic_j_per_synaptic_event", report.dynamicJoulesPerSynapticEvent},
      {"j_per_synaptic_event", report.joulesPerSynapticEvent},
      {"tops_per_w_equivalent", report.topsPerWattEquivalent},
      {"neurobench",
       {{"SynapticOperations",
         {{"Effective_ACs", nb.effectiveAcs},
          {"Effective_MACs", nb.effectiveMacs}}},
        {"ActivationSparsity", nb.activationSparsity},
        {"MembraneUpdates", nb.membraneUpdates},
        {"Footprint", nb.footprintBytes},
        {"Footprint_weights", nb.footprintWeightBytes},
        {"Footprint_state", nb.footprintStateBytes}}},
      {"simulated_s", report.seconds},
      {"powered_s", report.poweredSeconds},
      {"clock_hz", report.clockHz},
      {"max_step_cycles", report.maxStepCycles},
      {"max_step_s", report.maxStepSeconds},
      {"real_time_factor", report.realTimeFactor},
      {"step_cycle_budget", report.stepCycleBudget},
      {"steps_per_inference", report.stepsPerInference},
      {"inferences", report.inferences},
      {"j_per_inference", report.joulesPerInference},
      {"chip_j_per_inference", report.chipJoulesPerInference},
      {"inference_latency_s", report.inferenceLatencySeconds},
      {"inference_simulated_s", report.inferenceSeconds}};
}
