//===- ProjectionWeights.cpp - Weight statistics of a projection ----------===//
//
// One pass over a projection's rows (procedural reservoirs are expanded row
// by row, never as a matrix) yields its weight statistics.
//
//===----------------------------------------------------------------------===//

#include "ProjectionWeights.h"

#include <cmath>

using namespace mlir;
using namespace snn;
using namespace snnc;

FailureOr<ProjectionWeights>
snnc::analyzeProjection(const ProjectionRows &rows) {
  ProjectionWeights p;
  p.op = rows.getOp();
  p.absSum.assign(rows.numTargets(), 0.0);
  p.fanIn.assign(rows.numTargets(), 0.0);
  p.bias.assign(rows.numTargets(), 0.0);
  std::vector<SynapseEntry> row;
  for (uint32_t pre = 0; pre < rows.numSources(); ++pre) {
    rows.row(pre, row);
    for (const SynapseEntry &s : row) {
      double a = std::abs(s.weight);
      p.maxAbs = std::max(p.maxAbs, a);
      p.absSum[s.target] += a;
      p.fanIn[s.target] += 1;
    }
  }
  if (failed(addProjectionBias(p.op, p.bias)))
    return failure();
  p.weights.assign(rows.storedWeights().begin(), rows.storedWeights().end());
  return p;
}
