//===- ProjectionWeights.cpp - Weight statistics of a projection ----------===//
//
// Reads every projection form into ProjectionWeights. Procedural reservoirs
// are expanded row by row, never as a matrix.
//
//===----------------------------------------------------------------------===//

#include "ProjectionWeights.h"

#include "snn/ElementsData.h"
#include "snn/Reservoir.h"
#include "snn/SnnOps.h"

#include <cmath>

using namespace mlir;
using namespace snn;
using namespace snnc;

static int64_t numElements(Value value) {
  return cast<SignalType>(value.getType()).getNumElements();
}

static void resize(ProjectionWeights &p, int64_t targets) {
  p.absSum.assign(targets, 0.0);
  p.fanIn.assign(targets, 0.0);
  p.bias.assign(targets, 0.0);
}

static LogicalResult readBias(Operation *op, ElementsAttr attr,
                              ProjectionWeights &p, int64_t perValue) {
  FailureOr<std::vector<float>> bias =
      readF32(attr, [op] { return op->emitOpError(); });
  if (failed(bias))
    return failure();
  for (size_t j = 0; j < p.bias.size(); ++j)
    p.bias[j] = (*bias)[j / perValue];
  return success();
}

/// Dense (out, in) weights.
static LogicalResult analyzeDense(Operation *op, ElementsAttr weight,
                                  ProjectionWeights &p) {
  FailureOr<std::vector<float>> w =
      readF32(weight, [op] { return op->emitOpError(); });
  if (failed(w))
    return failure();
  p.weights = std::move(*w);
  int64_t outputs = p.absSum.size();
  int64_t inputs = outputs ? p.weights.size() / outputs : 0;
  for (int64_t o = 0; o < outputs; ++o)
    for (int64_t i = 0; i < inputs; ++i) {
      double a = std::abs(p.weights[o * inputs + i]);
      p.maxAbs = std::max(p.maxAbs, a);
      p.absSum[o] += a;
      p.fanIn[o] += a != 0.0;
    }
  return success();
}

static LogicalResult analyzeSparse(SparseOp op, ProjectionWeights &p) {
  auto error = [op]() mutable { return op.emitOpError(); };
  FailureOr<std::vector<float>> values = readF32(op.getValues(), error);
  FailureOr<std::vector<int64_t>> cols = readInts(op.getColIdx(), 32, error);
  if (failed(values) || failed(cols))
    return failure();
  p.weights = std::move(*values);
  for (size_t k = 0; k < p.weights.size(); ++k) {
    double a = std::abs(p.weights[k]);
    p.maxAbs = std::max(p.maxAbs, a);
    p.absSum[(*cols)[k]] += a;
    p.fanIn[(*cols)[k]] += 1;
  }
  return success();
}

/// Convolutions use a per-output-channel bound: every tap of the kernel,
/// although neurons at a padded edge see fewer of them.
static LogicalResult analyzeConv(Conv2dOp op, ProjectionWeights &p) {
  FailureOr<std::vector<float>> w =
      readF32(op.getWeight(), [op]() mutable { return op.emitOpError(); });
  if (failed(w))
    return failure();
  p.weights = std::move(*w);
  ArrayRef<int64_t> shape = op.getWeight().getShapedType().getShape();
  int64_t channels = shape[0];
  int64_t perChannel = p.weights.size() / channels;
  int64_t perOutput = p.absSum.size() / channels;
  for (int64_t c = 0; c < channels; ++c) {
    double sum = 0.0, taps = 0.0;
    for (int64_t k = 0; k < perChannel; ++k) {
      double a = std::abs(p.weights[c * perChannel + k]);
      p.maxAbs = std::max(p.maxAbs, a);
      sum += a;
      taps += a != 0.0;
    }
    for (int64_t j = c * perOutput; j < (c + 1) * perOutput; ++j) {
      p.absSum[j] = sum;
      p.fanIn[j] = taps;
    }
  }
  if (op.getBias())
    return readBias(op, *op.getBias(), p, perOutput);
  return success();
}

static void analyzeProcedural(ProceduralOp op, ProjectionWeights &p) {
  reservoir::Expander expander(op.getSpec());
  std::vector<reservoir::Synapse> row;
  for (int64_t pre = 0; pre < expander.size(); ++pre) {
    expander.expandRow(pre, row);
    for (const reservoir::Synapse &s : row) {
      double a = std::abs(s.weight);
      p.maxAbs = std::max(p.maxAbs, a);
      p.absSum[s.target] += a;
      p.fanIn[s.target] += 1;
    }
  }
}

FailureOr<ProjectionWeights> snnc::analyzeProjection(Operation *op) {
  ProjectionWeights p;
  p.op = op;
  resize(p, numElements(op->getResult(0)));
  if (auto linear = dyn_cast<LinearOp>(op)) {
    if (failed(analyzeDense(op, linear.getWeight(), p)))
      return failure();
  } else if (auto affine = dyn_cast<AffineOp>(op)) {
    if (failed(analyzeDense(op, affine.getWeight(), p)) ||
        failed(readBias(op, affine.getBias(), p, 1)))
      return failure();
  } else if (auto sparse = dyn_cast<SparseOp>(op)) {
    if (failed(analyzeSparse(sparse, p)))
      return failure();
  } else if (auto conv = dyn_cast<Conv2dOp>(op)) {
    if (failed(analyzeConv(conv, p)))
      return failure();
  } else if (auto pool = dyn_cast<SumPool2dOp>(op)) {
    // Every window element adds its spike with weight one.
    double area = pool.getKernelSize()[0] * pool.getKernelSize()[1];
    p.maxAbs = 1.0;
    p.absSum.assign(p.absSum.size(), area);
    p.fanIn.assign(p.fanIn.size(), area);
  } else {
    analyzeProcedural(cast<ProceduralOp>(op), p);
  }
  return p;
}
