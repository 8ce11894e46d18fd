//===- Materialize.h - Dense weights for sparse, procedural ops -*- C++ -*-===//
//
// NIR has no sparse or procedural node. A sparse projection, and on request a
// reservoir's recurrent synapses, are written as a dense Linear weight, up
// to kMaxExportDenseElements; per-synapse delays become a Delay node when
// they are really per presynaptic or per postsynaptic neuron.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_EXPORT_MATERIALIZE_H
#define SNNC_EXPORT_MATERIALIZE_H

#include "snn/SnnOps.h"

#include <vector>

namespace snnc::nirexport {

/// Fails with an error at `op` when a (rows, cols) dense matrix would exceed
/// kMaxExportDenseElements. `what` says what would be materialised.
mlir::LogicalResult checkDenseBound(mlir::Operation *op, int64_t rows,
                                    int64_t cols, llvm::StringRef what);

/// The (outputs, inputs) weight of a CSR projection; repeated synapses add.
mlir::FailureOr<std::vector<float>> denseFromSparse(snn::SparseOp op);

/// The (size, size) recurrent weight of a procedural reservoir, expanded
/// row by row with snn::reservoir::Expander.
mlir::FailureOr<std::vector<float>>
denseFromSpec(mlir::Operation *op, const snn::reservoir::Spec &spec);

/// Where a sparse projection's per-synapse delays can live in NIR.
struct SparseDelays {
  enum Where { None, Presynaptic, Postsynaptic };
  Where where = None;
  /// Seconds, one per input (Presynaptic) or per output (Postsynaptic).
  std::vector<double> seconds;
};

/// Classifies the delays of `op`; fails when a delay varies both along a
/// row and along a column, which no Delay node expresses.
mlir::FailureOr<SparseDelays> sparseDelays(snn::SparseOp op);

} // namespace snnc::nirexport

#endif // SNNC_EXPORT_MATERIALIZE_H
