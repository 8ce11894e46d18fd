//===- QuantizedWeights.cpp - spinnaker2's int16 synaptic weights ---------===//
//
// Weights without a stored copy are quantized exactly as snn-quantize
// quantizes stored ones, so every synapse of a row agrees with the
// numerics contract (docs/numerics.md §3).
//
//===----------------------------------------------------------------------===//

#include "QuantizedWeights.h"

#include "snn/ElementsData.h"
#include "snnc/spinnaker2/Dialect/S2Dialect.h"
#include "snnc/spinnaker2/FixedPoint.h"

using namespace mlir;
using namespace snn;
using namespace snnc;

FailureOr<QuantizedWeights> QuantizedWeights::load(const ProjectionRows &rows) {
  Operation *op = rows.getOp();
  QuantizedWeights out;
  auto quant = op->getAttrOfType<spinnaker2::QuantAttr>(
      spinnaker2::S2Dialect::QuantAttrHelper::getNameStr());
  if (!quant)
    return out;
  out.quantized = true;
  out.scale = quant.getScaleValue();
  if (!rows.hasStoredWeights() || !quant.getWeights())
    return out;
  FailureOr<std::vector<int64_t>> q =
      readInts(quant.getWeights(), 16, [op] { return op->emitOpError(); });
  if (failed(q))
    return failure();
  out.qweights = std::move(*q);
  return out;
}

int16_t QuantizedWeights::at(const SynapseEntry &synapse) const {
  if (synapse.stored != kNoStoredWeight)
    return qweights.empty() ? int16_t(0) : int16_t(qweights[synapse.stored]);
  if (!quantized)
    return 0;
  return static_cast<int16_t>(spinnaker2::quantizeReal(
      synapse.weight / scale, -spinnaker2::kWeightMax, spinnaker2::kWeightMax));
}
