//===- Evaluation.cpp - Accuracy, energy and latency over a dataset -------===//

#include "snnc/batch/Evaluation.h"

#include <algorithm>
#include <cmath>

namespace snnc::batch {

Distribution distributionOf(std::vector<double> values) {
  Distribution d;
  if (values.empty())
    return d;
  double sum = 0;
  for (double v : values)
    sum += v;
  d.mean = sum / double(values.size());
  std::sort(values.begin(), values.end());
  auto rank = [&](double q) {
    size_t k = size_t(std::ceil(q * double(values.size())));
    return values[std::min(values.size(), std::max<size_t>(1, k)) - 1];
  };
  d.p50 = rank(0.5);
  d.p90 = rank(0.9);
  d.p99 = rank(0.99);
  d.max = values.back();
  return d;
}

Evaluation evaluate(const BatchResult &run, const std::vector<uint32_t> &labels,
                    uint32_t classes, uint64_t steps, double dt) {
  Evaluation e;
  e.engine = run.engine;
  e.samples = run.samples.size();
  e.classes = classes;
  e.confusion.assign(classes, std::vector<uint64_t>(classes + 1, 0));
  std::vector<double> joules, dynamic, chip, latency;
  std::vector<double> counters(run.schema ? run.schema->classes().size() : 0);
  uint64_t spikes = 0;
  for (size_t i = 0; i < run.samples.size(); ++i) {
    const SampleOutcome &s = run.samples[i];
    bool known = s.predicted >= 0 && s.predicted < int64_t(classes);
    e.correct += known && uint32_t(s.predicted) == labels[i];
    e.silent += s.predicted < 0;
    e.confusion[labels[i]][known ? size_t(s.predicted) : classes] += 1;
    joules.push_back(s.joules);
    dynamic.push_back(s.dynamicJoules);
    chip.push_back(s.chipJoules);
    e.hasExtraEnergy |= s.chipJoules != s.joules;
    latency.push_back(s.latencySeconds);
    for (size_t c = 0; c < counters.size() && c < s.counters.size(); ++c)
      counters[c] += double(s.counters[c]);
    spikes += s.populationSpikes;
  }
  double n = double(std::max<size_t>(1, e.samples));
  e.accuracy = double(e.correct) / n;
  for (uint32_t c = 0; c < classes; ++c) {
    uint64_t total = 0;
    for (uint64_t v : e.confusion[c])
      total += v;
    e.classAccuracy.push_back(total ? double(e.confusion[c][c]) / double(total)
                                    : 0.0);
  }
  e.joules = distributionOf(joules);
  e.dynamicJoules = distributionOf(dynamic);
  e.chipJoules = distributionOf(chip);
  e.latencySeconds = distributionOf(latency);
  e.inferenceSeconds = double(steps) * dt;
  e.edp = e.joules.mean * e.latencySeconds.mean;
  double synaptic = 0, graded = 0;
  for (size_t c = 0; c < counters.size(); ++c) {
    const std::string &name = run.schema->classes()[c].name;
    e.countersPerInference.emplace_back(name, counters[c] / n);
    if (name == runtime::kSynapticEvents)
      synaptic = counters[c] / n;
    else if (name == "graded_synaptic_events")
      graded = counters[c] / n;
    else if (name == runtime::kNeuronUpdates)
      e.membraneUpdatesPerInference = counters[c] / n;
  }
  e.macsPerInference = graded;
  e.synapticOpsPerInference = synaptic - std::min(synaptic, graded);
  double slots = double(run.spikingNeurons) * double(steps) * n;
  if (slots > 0)
    e.activationSparsity = 1.0 - double(spikes) / slots;
  e.footprintBytes = run.energy.neurobench.footprintBytes;
  e.operatingPoint = run.energy.operatingPoint;
  return e;
}

namespace {
nlohmann::json toJson(const Distribution &d) {
  return {{"mean", d.mean},
          {"p50", d.p50},
          {"p90", d.p90},
          {"p99", d.p99},
          {"max", d.max}};
}
} // namespace

nlohmann::json toJson(const Evaluation &e) {
  nlohmann::json counters = nlohmann::json::object();
  for (const auto &[name, value] : e.countersPerInference)
    counters[name] = value;
  return {{"engine", e.engine},
          {"samples", e.samples},
          {"classes", e.classes},
          {"correct", e.correct},
          {"accuracy", e.accuracy},
          {"silent", e.silent},
          {"class_accuracy", e.classAccuracy},
          {"confusion", e.confusion},
          {"operating_point", e.operatingPoint},
          {"j_per_inference", toJson(e.joules)},
          {"dynamic_j_per_inference", toJson(e.dynamicJoules)},
          {"chip_j_per_inference", toJson(e.chipJoules)},
          {"latency_s_per_inference", toJson(e.latencySeconds)},
          {"inference_simulated_s", e.inferenceSeconds},
          {"edp_js", e.edp},
          {"counters_per_inference", counters},
          {"neurobench",
           {{"SynapticOperations",
             {{"Effective_ACs", e.synapticOpsPerInference},
              {"Effective_MACs", e.macsPerInference}}},
            {"ActivationSparsity", e.activationSparsity},
            {"MembraneUpdates", e.membraneUpdatesPerInference},
            {"Footprint", e.footprintBytes}}}};
}

} // namespace snnc::batch
