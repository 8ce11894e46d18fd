//===- ProjectionWeights.h - Weight statistics of a projection --*- C++ -*-===//
//
// What the quantizer needs to know of each synaptic projection, whatever
// its form (dense, CSR, convolution, pooling, procedural): the largest
// |weight|, per-target sums of |weight| and synapse counts, and the biases.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TRANSFORMS_PROJECTIONWEIGHTS_H
#define SNNC_TRANSFORMS_PROJECTIONWEIGHTS_H

#include "mlir/IR/Operation.h"
#include "mlir/Support/LogicalResult.h"

#include <vector>

namespace snnc {

struct ProjectionWeights {
  mlir::Operation *op = nullptr;
  /// The stored weights, flattened as in the op's attribute (dense, CSR
  /// values, convolution kernel); empty for pooling and procedural ops.
  std::vector<float> weights;
  double maxAbs = 0.0;
  /// Per target neuron: an upper bound on the sum of |w| of its synapses,
  /// the number of its synapses, and its bias current.
  std::vector<double> absSum;
  std::vector<double> fanIn;
  std::vector<double> bias;
};

/// Reads the weights of a synapse op (which must be verified).
mlir::FailureOr<ProjectionWeights> analyzeProjection(mlir::Operation *op);

} // namespace snnc

#endif // SNNC_TRANSFORMS_PROJECTIONWEIGHTS_H
