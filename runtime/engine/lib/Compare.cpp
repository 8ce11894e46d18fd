//===- Compare.cpp - How far two runs of one image agree ------------------===//

#include "snnc/runtime/Compare.h"

#include <algorithm>
#include <cmath>

namespace snnc::runtime {

namespace {

std::vector<SpikeEvent> before(const SpikeList &spikes, uint64_t steps) {
  std::vector<SpikeEvent> out;
  for (const SpikeEvent &e : spikes)
    if (e.step < steps)
      out.push_back(e);
  return out;
}

double relativeError(uint64_t a, uint64_t b) {
  if (a == b)
    return 0;
  if (b == 0)
    return 1;
  return std::fabs(double(a) - double(b)) / double(b);
}

} // namespace

Comparison compare(const RunResult &a, const RunResult &b) {
  Comparison result;
  result.steps = std::min(a.steps, b.steps);
  uint64_t pairs = 0, disagreements = 0, totalA = 0, totalB = 0;
  size_t n = std::min(a.outputs.size(), b.outputs.size());
  for (size_t o = 0; o < n; ++o) {
    const OutputTrace &ta = a.outputs[o], &tb = b.outputs[o];
    OutputComparison c;
    c.index = ta.index;
    c.kind = ta.kind;
    if (ta.kind == image::OutputKind::Spikes) {
      std::vector<SpikeEvent> sa = before(ta.spikes, result.steps);
      std::vector<SpikeEvent> sb = before(tb.spikes, result.steps);
      std::vector<SpikeEvent> common;
      std::set_intersection(sa.begin(), sa.end(), sb.begin(), sb.end(),
                            std::back_inserter(common));
      uint64_t differ = sa.size() + sb.size() - 2 * common.size();
      uint64_t portPairs = uint64_t(ta.size) * result.steps;
      c.pairAgreement = portPairs ? 1.0 - double(differ) / portPairs : 1.0;
      c.countA = sa.size();
      c.countB = sb.size();
      uint64_t hi = std::max(c.countA, c.countB);
      c.countAgreement =
          hi ? double(std::min(c.countA, c.countB)) / double(hi) : 1.0;
      c.rateError = relativeError(c.countA, c.countB);
      pairs += portPairs;
      disagreements += differ;
      totalA += c.countA;
      totalB += c.countB;
    } else {
      size_t values = std::min<size_t>(
          result.steps * ta.size, std::min(ta.values.size(), tb.values.size()));
      double sum = 0;
      for (size_t k = 0; k < values; ++k) {
        double d = std::fabs(ta.values[k] - tb.values[k]);
        c.maxAbsError = std::max(c.maxAbsError, d);
        sum += d * d;
      }
      c.rmsError = values ? std::sqrt(sum / values) : 0;
    }
    result.outputs.push_back(c);
  }
  result.pairAgreement = pairs ? 1.0 - double(disagreements) / pairs : 1.0;
  result.rateError = relativeError(totalA, totalB);
  return result;
}

} // namespace snnc::runtime
