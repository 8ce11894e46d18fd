//===- NIRBuilder.h - Emit snn ops for NIR nodes, composing chains -*- C++ -*-//
//
// Synapse ops of the snn dialect take spikes. NIR graphs may feed a linear
// node with a non-spiking value (SumPool2d -> Conv2d, Affine -> Affine,
// SumPool2d -> Flatten -> Affine); such chains are kept pending as a
// `Signal` and folded into the consuming projection, or materialized as ops
// when a population or an output reads them.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMPORT_NIRBUILDER_H
#define SNNC_IMPORT_NIRBUILDER_H

#include "Hdf5Graph.h"

#include "mlir/IR/Builders.h"

#include <array>

namespace snnc::nir {

/// The value a NIR node produces, possibly not yet materialized.
struct Signal {
  enum Kind { Plain, Dense, Pooled };
  Kind kind = Plain;
  /// Plain: the value itself. Dense and Pooled: the spikes they read.
  mlir::Value value;
  /// The logical shape of the signal.
  std::vector<int64_t> shape;
  /// The NIR node that produced it (for locations and diagnostics).
  std::string producer;
  /// Dense: weight (rows = numel(shape), cols = inputs), optional bias.
  std::vector<float> weight, bias;
  bool hasBias = false;
  /// Pooled: a (kh, kw) window sum over `value` (C, H, W) times `scale`.
  std::array<int64_t, 2> kernel{}, stride{}, padding{};
  double scale = 1.0;
  std::vector<int64_t> pooledShape;
  /// The materialized value, once made.
  mlir::Value cached;
};

/// Reads parameter `name` of `node`, or null.
const Array *findParam(const Node &node, llvm::StringRef name);

class SignalBuilder {
public:
  SignalBuilder(mlir::OpBuilder &builder) : builder(builder) {}

  /// Applies a one-input node (synapse, pool, flatten, delay, scale,
  /// identity) to `input`, whose producer is `from`.
  mlir::FailureOr<Signal> apply(const Node &node, Signal &input);
  /// Makes `signal` a value, emitting pending ops at the producer's location.
  mlir::FailureOr<mlir::Value> materialize(Signal &signal);

private:
  mlir::InFlightDiagnostic error(const Node &node);
  mlir::FailureOr<Signal> dense(const Node &node, Signal &input);
  /// A Conv's weight of `rank` dimensions (the last named `extents` in the
  /// error) and its optional bias, checked against each other.
  mlir::FailureOr<std::pair<const Array *, const Array *>>
  convParams(const Node &node, size_t rank, llvm::StringRef extents);
  /// A Conv's `groups` (1 when absent), at most the output channels.
  mlir::FailureOr<int64_t> convGroups(const Node &node, const Array &weight);
  /// Fails unless `groups` splits both the weight's and the input's channels.
  mlir::LogicalResult checkGroupsFit(const Node &node, const Array &weight,
                                     int64_t groups, const Signal &input);
  mlir::FailureOr<Signal> conv2d(const Node &node, Signal &input);
  mlir::FailureOr<Signal> conv1d(const Node &node, Signal &input);
  /// A Conv padding given as "valid" or "same" (PyTorch's meaning), for the
  /// kernel extents `kernel` and dilations `dilation`; fails for others.
  mlir::FailureOr<std::vector<int64_t>>
  paddingText(const Node &node, llvm::ArrayRef<int64_t> kernel,
              llvm::ArrayRef<int64_t> stride, llvm::ArrayRef<int64_t> dilation);
  mlir::FailureOr<Signal> pool2d(const Node &node, Signal &input);
  mlir::FailureOr<Signal> flatten(const Node &node, Signal &input);
  mlir::FailureOr<Signal> elementwise(const Node &node, Signal &input);
  mlir::FailureOr<std::array<int64_t, 2>> pair(const Node &node,
                                               llvm::StringRef name,
                                               int64_t defaultValue,
                                               int64_t min);

  mlir::OpBuilder &builder;
};

/// Number of elements of a shape, and the shape as NIR writes it: "(2, 3)".
int64_t numel(llvm::ArrayRef<int64_t> shape);
std::string shapeText(llvm::ArrayRef<int64_t> shape);

} // namespace snnc::nir

#endif // SNNC_IMPORT_NIRBUILDER_H
