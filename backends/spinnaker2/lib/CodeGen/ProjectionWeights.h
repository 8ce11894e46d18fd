//===- ProjectionWeights.h - Weight statistics of a projection --*- C++ -*-===//
//
// What the quantizer needs to know of each synaptic projection, whatever
// its form: the largest |weight|, per-target sums of |weight| and synapse
// counts, and the biases. The statistics come from the projection's rows
// (ProjectionRows), so every form is measured exactly and by one loop.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TRANSFORMS_PROJECTIONWEIGHTS_H
#define SNNC_TRANSFORMS_PROJECTIONWEIGHTS_H

#include "snnc/CodeGen/ProjectionRows.h"

#include <vector>

namespace snnc {

struct ProjectionWeights {
  mlir::Operation *op = nullptr;
  /// The stored weights, flattened as in the op's attribute (dense, CSR
  /// values, convolution kernel); empty for pooling and procedural ops.
  std::vector<float> weights;
  double maxAbs = 0.0;
  /// Per target neuron: the sum of |w| of its synapses, their number, and
  /// its bias current.
  std::vector<double> absSum;
  std::vector<double> fanIn;
  std::vector<double> bias;
};

/// Measures a projection (which must be verified) through its rows.
mlir::FailureOr<ProjectionWeights>
analyzeProjection(const ProjectionRows &rows);

} // namespace snnc

#endif // SNNC_TRANSFORMS_PROJECTIONWEIGHTS_H
