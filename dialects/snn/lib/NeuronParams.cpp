//===- NeuronParams.cpp - Scalar-or-per-neuron parameter access -----------===//
//
// Reads and builds the f64 scalar / per-neuron array parameter attributes.
//
//===----------------------------------------------------------------------===//

#include "snn/NeuronParams.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <charconv>
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

template <typename T> static std::string shortest(T value) {
  char text[64];
  std::to_chars_result end = std::to_chars(text, text + sizeof(text), value);
  return end.ec == std::errc() ? std::string(text, end.ptr)
                               : formatNumber(value);
}

std::string snn::formatExact(double value) { return shortest(value); }
std::string snn::formatExact(float value) { return shortest(value); }

std::string snn::formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.6g", value);
  return text;
}
