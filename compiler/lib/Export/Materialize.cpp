//===- Materialize.cpp - Dense NIR weights for sparse and procedural ops --===//

#include "Materialize.h"

#include "snnc/Export/NIR.h"

#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"
#include "snnc/Support/Reservoir.h"

#include <cmath>

using namespace mlir;
using namespace snn;
using namespace snnc::nirexport;

LogicalResult snnc::nirexport::checkDenseBound(Operation *op, int64_t rows,
                                               int64_t cols, StringRef what) {
  // rows and cols are element counts of verified signal types (each below
  // 2^40), so compare by division to stay clear of overflow.
  if (rows > 0 && cols > snnc::kMaxExportDenseElements / rows)
    return op->emitOpError("would need a dense ")
           << rows << " x " << cols << " weight (" << what
           << "), above the export limit of " << snnc::kMaxExportDenseElements
           << " elements (2^24); NIR has no sparse or procedural node";
  return success();
}

FailureOr<std::vector<float>> snnc::nirexport::denseFromSparse(SparseOp op) {
  int64_t inputs = op.getInput().getType().getNumElements();
  int64_t outputs = op.getType().getNumElements();
  if (failed(checkDenseBound(op, outputs, inputs,
                             "NIR writes sparse projections as Linear")))
    return failure();
  auto error = [&] { return op.emitOpError(); };
  FailureOr<std::vector<int64_t>> rowPtr = readInts(op.getRowPtr(), 64, error);
  FailureOr<std::vector<int64_t>> cols = readInts(op.getColIdx(), 32, error);
  FailureOr<std::vector<float>> values = readF32(op.getValues(), error);
  if (failed(rowPtr) || failed(cols) || failed(values))
    return failure();
  std::vector<float> dense(outputs * inputs, 0.0f);
  for (int64_t pre = 0; pre < inputs; ++pre)
    for (int64_t k = (*rowPtr)[pre]; k < (*rowPtr)[pre + 1]; ++k)
      dense[(*cols)[k] * inputs + pre] += (*values)[k];
  return dense;
}

FailureOr<std::vector<float>>
snnc::nirexport::denseFromSpec(Operation *op, const reservoir::Spec &spec) {
  int64_t n = spec.size;
  if (failed(checkDenseBound(op, n, n,
                             "its recurrent synapses, materialised from the "
                             "seed")))
    return failure();
  reservoir::Expander expander(spec);
  std::vector<float> dense(n * n, 0.0f);
  std::vector<reservoir::Synapse> row;
  for (int64_t pre = 0; pre < n; ++pre) {
    expander.expandRow(pre, row);
    for (const reservoir::Synapse &s : row)
      dense[static_cast<int64_t>(s.target) * n + pre] += s.weight;
  }
  // A weight law can draw values beyond f32 (lognormal(0, 100)); NIR, and
  // snnc's own import, refuse non-finite weights, so export refuses them too.
  for (int64_t k = 0; k < n * n; ++k)
    if (!std::isfinite(dense[k]))
      return op->emitOpError("materialises weight (")
             << k / n << ", " << k % n << ") as " << dense[k]
             << "; its weight laws draw values beyond f32, and NIR weights "
                "must be finite";
  return dense;
}

FailureOr<SparseDelays> snnc::nirexport::sparseDelays(SparseOp op) {
  SparseDelays result;
  if (op.getDelaySteps())
    return op.emitOpError(
        "gives its delays in steps (after snn-discretize); NIR delays are in "
        "seconds: export the network before discretizing it");
  if (!op.getDelays())
    return result;
  auto error = [&] { return op.emitOpError(); };
  FailureOr<std::vector<int64_t>> rowPtr = readInts(op.getRowPtr(), 64, error);
  FailureOr<std::vector<int64_t>> cols = readInts(op.getColIdx(), 32, error);
  FailureOr<std::vector<float>> delays = readF32(*op.getDelays(), error);
  if (failed(rowPtr) || failed(cols) || failed(delays))
    return failure();
  if (llvm::all_of(*delays, [](float d) { return d == 0.0f; }))
    return result;
  int64_t inputs = op.getInput().getType().getNumElements();
  int64_t outputs = op.getType().getNumElements();
  // A delay shared by all synapses of a presynaptic neuron is an axonal
  // Delay on the spikes; one shared by all synapses onto a target is a
  // dendritic Delay on the current.
  std::vector<double> pre(inputs, 0.0), post(outputs, 0.0);
  std::vector<bool> preSet(inputs, false), postSet(outputs, false);
  bool perPre = true, perPost = true;
  for (int64_t i = 0; i < inputs; ++i)
    for (int64_t k = (*rowPtr)[i]; k < (*rowPtr)[i + 1]; ++k) {
      double d = (*delays)[k];
      int64_t j = (*cols)[k];
      if (preSet[i] && pre[i] != d)
        perPre = false;
      if (postSet[j] && post[j] != d)
        perPost = false;
      pre[i] = post[j] = d;
      preSet[i] = postSet[j] = true;
    }
  if (perPre) {
    result.where = SparseDelays::Presynaptic;
    result.seconds = std::move(pre);
  } else if (perPost) {
    result.where = SparseDelays::Postsynaptic;
    result.seconds = std::move(post);
  } else {
    return op.emitOpError(
        "has per-synapse delays that differ both between the synapses of one "
        "presynaptic neuron and between those onto one target; a NIR Delay "
        "node delays whole signals, so these delays have no NIR form");
  }
  return result;
}
