//===- OpNodes.h - The NIR node of each snn op ------------------*- C++ -*-===//
//
// Per-op conversions: parameters become datasets in the types NIR's
// reference writer uses (f32 weights, f64 neuron parameters broadcast to the
// population's shape, int64 geometry), so that snnc's importer maps each
// node back to the op it came from.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_EXPORT_OPNODES_H
#define SNNC_EXPORT_OPNODES_H

#include "NirGraph.h"

#include "snn/SnnOps.h"

namespace snnc::nirexport {

/// The node of a single op that has a direct NIR counterpart (populations,
/// dense and convolutional projections, pooling, scale, delay, flatten).
/// Emits an error at the op and fails for ops NIR cannot express.
mlir::FailureOr<Node> convertOp(mlir::Operation *op);

/// `snn.neuron` with no memory (decay 0, gain 1, drive 0): the importer's
/// form of NIR's stateless Threshold.
bool isThreshold(snn::DiscreteNeuronOp op);

/// A CubaLI: the synaptic `snn.li` (v_leak 0; its tau is tau_syn and its r
/// is w_in) feeding the membrane `snn.li`.
Node cubaLINode(snn::LIOp syn, snn::LIOp mem);

/// An AvgPool2d: a sum pool followed by a scale of 1 / (kh * kw).
Node avgPoolNode(snn::SumPool2dOp pool);

/// A parameter (scalar or per-neuron) as an f64 dataset of `shape`.
Dataset paramDataset(llvm::StringRef name, mlir::Attribute attr,
                     llvm::ArrayRef<int64_t> shape, double defaultValue);

/// Whether every value of a parameter (scalar or per-neuron) is `value`.
bool paramIs(mlir::Attribute attr, double value);

/// The shape of a signal value.
llvm::ArrayRef<int64_t> shapeOf(mlir::Value value);

} // namespace snnc::nirexport

#endif // SNNC_EXPORT_OPNODES_H
