//===- QuantizedWeights.h - spinnaker2's int16 synaptic weights -*- C++ -*-===//
//
// The int16 weight of each synapse of a quantized projection (#s2.quant),
// paired with the shared row view (snnc/CodeGen/ProjectionRows.h) through
// each synapse's stored-weight index: stored weights take their quantized
// copy from the attribute, implied (pooling) and generated (procedural)
// ones are quantized here with the projection's scale.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_QUANTIZEDWEIGHTS_H
#define SNNC_SPINNAKER2_QUANTIZEDWEIGHTS_H

#include "snnc/CodeGen/ProjectionRows.h"

#include <vector>

namespace snnc {

class QuantizedWeights {
public:
  /// Reads the #s2.quant of `rows`' op; a projection without one reads as
  /// unquantized.
  static mlir::FailureOr<QuantizedWeights> load(const ProjectionRows &rows);

  /// The quantized weights exist only after snn-quantize.
  bool isQuantized() const { return quantized; }
  /// The int16 weight of `synapse`, a synapse of the loaded projection's
  /// rows (0 when unquantized).
  int16_t at(const SynapseEntry &synapse) const;

private:
  bool quantized = false;
  double scale = 1.0;
  /// The stored weights' quantized copy, indexed like
  /// ProjectionRows::storedWeights().
  std::vector<int64_t> qweights;
};

} // namespace snnc

#endif // SNNC_SPINNAKER2_QUANTIZEDWEIGHTS_H
