//===- NeuronParams.cpp - Scalar-or-per-neuron parameter access -----------===//
//
// Reads and builds the f64 scalar / per-neuron array parameter attributes.
//
//===----------------------------------------------------------------------===//

#include "snn/NeuronParams.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <cstdio>

using namespace mlir;
using namespace snn;

Param::Param(Attribute attr, double defaultValue) : scalar(defaultValue) {
  if (auto f = dyn_cast_or_null<FloatAttr>(attr))
    scalar = f.getValueAsDouble();
  else if (auto array = dyn_cast_or_null<DenseF64ArrayAttr>(attr)) {
    values = array.asArrayRef();
    scalarForm = false;
  }
}

bool Param::allEqual() const { return llvm::all_equal(values); }

Attribute snn::makeParam(MLIRContext *ctx, ArrayRef<double> values) {
  Builder builder(ctx);
  if (!values.empty() && llvm::all_equal(values))
    return builder.getF64FloatAttr(values.front());
  return DenseF64ArrayAttr::get(ctx, values);
}

std::string snn::formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.6g", value);
  return text;
}
