//===- Energy.cpp - Energy and latency from counted events ----------------===//
//
// Prices a run's event counters with the target's per-event energies.
//
//===----------------------------------------------------------------------===//

#include "snnc/runtime/Energy.h"

#include <algorithm>
#include <set>

using namespace snnc;
using namespace snnc::runtime;

namespace {

/// Reads field `name` of an energy/target document: {"value": x} or x.
image::Expected<double> coefficient(const nlohmann::json &doc,
                                    const std::string &name,
                                    const std::string &what) {
  if (!doc.is_object() || !doc.contains(name))
    return image::ImageError{what, "missing coefficient '" + name + "'"};
  const nlohmann::json &field = doc[name];
  const nlohmann::json &value =
      field.is_object() && field.contains("value") ? field["value"] : field;
  if (!value.is_number())
    return image::ImageError{what,
                             "coefficient '" + name + "' is not a number"};
  return value.get<double>();
}

} // namespace

image::Expected<EnergyReport>
runtime::computeEnergy(const image::Image &image, const RunResult &result,
                       const nlohmann::json &energyModel,
                       uint64_t stepsPerInference) {
  EnergyReport report;
  const EventCounters &c = result.counters;
  struct Row {
    const char *name;
    const char *field;
    uint64_t count;
  } rows[] = {{"neuron updates", "neuron_update_j", c.neuronUpdates},
              {"synaptic events", "synaptic_event_j", c.synapticEvents},
              {"SRAM reads (words)", "sram_read_word_j", c.sramWordsRead},
              {"SRAM writes (words)", "sram_write_word_j", c.sramWordsWritten},
              {"packets sent", "packet_sent_j", c.packetsSent},
              {"router hops", "router_hop_j", c.routerHops}};
  for (const Row &row : rows) {
    image::Expected<double> e =
        coefficient(energyModel, row.field, "energy model");
    if (!e)
      return e.error();
    EnergyComponent component{row.name, row.count, e.value(),
                              e.value() * static_cast<double>(row.count)};
    report.dynamicJoules += component.joules;
    report.dynamic.push_back(component);
  }
  image::Expected<double> pePower =
      coefficient(energyModel, "static_power_pe_w", "energy model");
  image::Expected<double> chipPower =
      coefficient(energyModel, "static_power_chip_w", "energy model");
  if (!pePower)
    return pePower.error();
  if (!chipPower)
    return chipPower.error();
  std::set<uint32_t> chips;
  uint32_t pes = 0;
  for (uint32_t pe = 0; pe < image.placement.sliceOfPe.size(); ++pe)
    if (image.placement.sliceOfPe[pe] != image::kNoSlice) {
      ++pes;
      chips.insert(pe / std::max(1u, image.placement.pesPerChip));
    }
  report.seconds = static_cast<double>(result.steps) * image.dt;
  report.staticJoules =
      (pePower.value() * pes + chipPower.value() * chips.size()) *
      report.seconds;
  report.totalJoules = report.dynamicJoules + report.staticJoules;
  if (c.synapticEvents)
    report.joulesPerSynapticEvent =
        report.totalJoules / static_cast<double>(c.synapticEvents);
  for (const PeLoad &load : result.peLoads)
    report.maxStepCycles = std::max(report.maxStepCycles, load.maxStepCycles);
  const nlohmann::json &target = image.targetModel.contains("target")
                                     ? image.targetModel["target"]
                                     : image.targetModel;
  image::Expected<double> clock =
      coefficient(target, "clock_hz", "target model");
  if (clock && clock.value() > 0) {
    report.maxStepSeconds = report.maxStepCycles / clock.value();
    if (report.maxStepSeconds > 0)
      report.realTimeFactor = image.dt / report.maxStepSeconds;
  }
  image::Expected<double> budget =
      coefficient(target, "step_cycle_budget", "target model");
  if (budget && budget.value() > 0)
    report.stepCycleBudget = budget.value();

  report.stepsPerInference =
      stepsPerInference ? stepsPerInference : result.steps;
  if (report.stepsPerInference) {
    double window = static_cast<double>(report.stepsPerInference);
    report.inferences = result.steps / report.stepsPerInference;
    if (result.steps)
      report.joulesPerInference =
          report.totalJoules * window / static_cast<double>(result.steps);
    report.inferenceLatencySeconds = window * report.maxStepSeconds;
    report.inferenceSeconds = window * image.dt;
  }
  return report;
}

nlohmann::json runtime::toJson(const EnergyReport &report) {
  nlohmann::json components = nlohmann::json::array();
  for (const EnergyComponent &c : report.dynamic)
    components.push_back({{"component", c.name},
                          {"count", c.count},
                          {"joules_per_event", c.joulesPerEvent},
                          {"joules", c.joules}});
  return {{"dynamic", components},
          {"dynamic_j", report.dynamicJoules},
          {"static_j", report.staticJoules},
          {"total_j", report.totalJoules},
          {"j_per_synaptic_event", report.joulesPerSynapticEvent},
          {"simulated_s", report.seconds},
          {"max_step_cycles", report.maxStepCycles},
          {"max_step_s", report.maxStepSeconds},
          {"real_time_factor", report.realTimeFactor},
          {"step_cycle_budget", report.stepCycleBudget},
          {"steps_per_inference", report.stepsPerInference},
          {"inferences", report.inferences},
          {"j_per_inference", report.joulesPerInference},
          {"inference_latency_s", report.inferenceLatencySeconds},
          {"inference_simulated_s", report.inferenceSeconds}};
}
