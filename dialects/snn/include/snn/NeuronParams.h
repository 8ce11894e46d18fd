//===- NeuronParams.h - Scalar-or-per-neuron parameter access ---*- C++ -*-===//
//
// Neuron parameters are an f64 scalar (broadcast) or one f64 per neuron.
// `Param` reads either form uniformly.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_NEURONPARAMS_H
#define SNN_NEURONPARAMS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <string>

namespace snn {

/// A view of a neuron parameter attribute (F64Attr or DenseF64ArrayAttr).
class Param {
public:
  Param() = default;
  Param(mlir::Attribute attr, double defaultValue);

  bool isScalar() const { return scalarForm; }
  /// Number of per-neuron entries (0 for a scalar).
  size_t size() const { return values.size(); }
  double operator[](size_t neuron) const {
    return scalarForm ? scalar : values[neuron];
  }
  llvm::ArrayRef<double> perNeuron() const { return values; }
  bool allEqual() const;

private:
  double scalar = 0.0;
  bool scalarForm = true;
  llvm::ArrayRef<double> values;
};

/// Formats a number for a diagnostic with six significant digits ("0.02",
/// "-1", "1e+08"), so messages echo what the user wrote.
std::string formatNumber(double value);

/// Formats a number as the shortest decimal that reads back as `value`
/// ("4294967.297", "1e+300"), for messages that quote a value exactly.
/// The float overload gives the shortest decimal of the f32.
std::string formatExact(double value);
std::string formatExact(float value);

/// Builds the parameter attribute for `values`: a scalar F64Attr when they
/// are all equal, otherwise a DenseF64ArrayAttr.
mlir::Attribute makeParam(mlir::MLIRContext *ctx,
                          llvm::ArrayRef<double> values);

} // namespace snn

#endif // SNN_NEURONPARAMS_H
