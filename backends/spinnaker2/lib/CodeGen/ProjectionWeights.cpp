//===- ProjectionWeights.cpp - Weight statistics of a projection ----------===//
//
// One pass over a projection's rows (procedural reservoirs are expanded row
// by row, never as a matrix) yields its weight statistics.
//
//===----------------------------------------------------------------------===//

#include "ProjectionWeights.h"

#include "snn/ElementsData.h"

#include <cmath>

using namespace mlir;
using namespace snn;
using namespace snnc;

LogicalResult snnc::addProjectionBias(Operation *op,
                                      std::vector<double> &bias) {
  std::optional<ElementsAttr> attr;
  int64_t perValue = 1;
  if (auto affine = dyn_cast<AffineOp>(op)) {
    attr = affine.getBias();
  } else if (auto conv = dyn_cast<Conv2dOp>(op)) {
    attr = conv.getBias();
    perValue = bias.size() / conv.getWeight().getShapedType().getDimSize(0);
  }
  if (!attr)
    return success();
  FailureOr<std::vector<float>> values =
      readF32(*attr, [op] { return op->emitOpError(); });
  if (failed(values))
    return failure();
  for (size_t j = 0; j < bias.size(); ++j)
    bias[j] += (*values)[j / perValue];
  return success();
}

/// The stored weights in attribute order, for the quantized copy.
static FailureOr<std::vector<float>> storedWeights(Operation *op) {
  ElementsAttr attr;
  if (auto linear = dyn_cast<LinearOp>(op))
    attr = linear.getWeight();
  else if (auto affine = dyn_cast<AffineOp>(op))
    attr = affine.getWeight();
  else if (auto conv = dyn_cast<Conv2dOp>(op))
    attr = conv.getWeight();
  else if (auto sparse = dyn_cast<SparseOp>(op))
    attr = sparse.getValues();
  else
    return std::vector<float>();
  return readF32(attr, [op] { return op->emitOpError(); });
}

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
  FailureOr<std::vector<float>> weights = storedWeights(p.op);
  if (failed(weights) || failed(addProjectionBias(p.op, p.bias)))
    return failure();
  p.weights = std::move(*weights);
  return p;
}
