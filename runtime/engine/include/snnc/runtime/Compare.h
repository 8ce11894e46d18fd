//===- Compare.h - How far two runs of one image agree ----------*- C++ -*-===//
//
// The measure of quantization error: run `ref` and `float` on the same image
// and inputs and compare their outputs, port by port.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_COMPARE_H
#define SNNC_RUNTIME_COMPARE_H

#include "snnc/runtime/RunResult.h"

#include <vector>

namespace snnc::runtime {

struct OutputComparison {
  uint32_t index = 0;
  image::OutputKind kind = image::OutputKind::Spikes;
  /// Spikes: fraction of (neuron, step) pairs on which both runs agree
  /// (spiked in both or in neither).
  double pairAgreement = 1;
  /// Spikes: min(count a, count b) / max(count a, count b); 1 when both are
  /// silent.
  double countAgreement = 1;
  uint64_t countA = 0;
  uint64_t countB = 0;
  /// Spikes: |rate a - rate b| / rate b over the port (mean spikes per
  /// neuron per step); 0 when both are silent, 1 when only b is.
  double rateError = 0;
  /// Current: largest and RMS |a - b| of the traces, in real units.
  double maxAbsError = 0;
  double rmsError = 0;
};

struct Comparison {
  /// Steps both runs cover (the shorter of the two).
  uint64_t steps = 0;
  std::vector<OutputComparison> outputs;
  /// Over all spike outputs: (neuron, step) agreement and the relative error
  /// of the total rate (as OutputComparison, summed over ports).
  double pairAgreement = 1;
  double rateError = 0;
};

/// Compares `a` (usually ref) against `b` (usually float), which must come
/// from the same image (same outputs in the same order).
Comparison compare(const RunResult &a, const RunResult &b);

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_COMPARE_H
