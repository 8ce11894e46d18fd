//===- Evaluation.h - Accuracy, energy and latency over a dataset -*- C++ -*-=//
//
// What `snnc eval` reports of a batch run: accuracy and the confusion
// matrix, the distribution of energy and latency per inference, and
// NeuroBench's metrics per inference (SynapticOperations, MembraneUpdates)
// and over the dataset (ActivationSparsity, Footprint). EDP is mean energy
// x mean compute latency per inference.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_BATCH_EVALUATION_H
#define SNNC_BATCH_EVALUATION_H

#include "snnc/batch/BatchRun.h"

#include <nlohmann/json.hpp>

namespace snnc::batch {

/// Mean, median, 90th and 99th percentile (nearest rank) and maximum.
struct Distribution {
  double mean = 0;
  double p50 = 0;
  double p90 = 0;
  double p99 = 0;
  double max = 0;
};

Distribution distributionOf(std::vector<double> values);

struct Evaluation {
  std::string engine;
  size_t samples = 0;
  uint32_t classes = 0;
  size_t correct = 0;
  double accuracy = 0;
  /// Samples whose output said nothing (a silent spike output).
  size_t silent = 0;
  /// confusion[label][predicted]; a last column counts silent samples.
  std::vector<std::vector<uint64_t>> confusion;
  std::vector<double> classAccuracy;
  Distribution joules;
  Distribution dynamicJoules;
  /// Without the extra terms (cooling); `hasExtraEnergy` when they differ.
  Distribution chipJoules;
  bool hasExtraEnergy = false;
  Distribution latencySeconds;
  /// Simulated time of one inference (steps x dt).
  double inferenceSeconds = 0;
  double edp = 0;
  /// Mean per inference of every counter class, in schema order.
  std::vector<std::pair<std::string, double>> countersPerInference;
  double synapticOpsPerInference = 0;
  double macsPerInference = 0;
  double membraneUpdatesPerInference = 0;
  double activationSparsity = 0;
  uint64_t footprintBytes = 0;
  std::string operatingPoint;
};

/// Summarises `run` of samples labelled `labels`; `classes` is at least the
/// output's size and the labels' range.
Evaluation evaluate(const BatchResult &run, const std::vector<uint32_t> &labels,
                    uint32_t classes, uint64_t steps, double dt);

nlohmann::json toJson(const Evaluation &evaluation);

} // namespace snnc::batch

#endif // SNNC_BATCH_EVALUATION_H
