//===- SynapseOps.cpp - Projection and signal-shaping verifiers -----------===//
//
// Verifies the synaptic projections (dense, sparse CSR, convolution,
// pooling) and the elementwise signal ops (scale, delay, flatten).
//
//===----------------------------------------------------------------------===//

#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"
#include "snn/SnnOps.h"

#include "mlir/IR/Builders.h"

#include <cmath>

using namespace mlir;
using namespace snn;

static int64_t numElements(Value value) {
  return cast<SignalType>(value.getType()).getNumElements();
}

namespace {
/// Emits an op error; an object (not a lambda returned through a
/// function_ref, which would dangle) so it can be stored and passed on.
struct OpError {
  Operation *op;
  InFlightDiagnostic operator()() const { return op->emitOpError(); }
};
} // namespace

LogicalResult LinearOp::verify() {
  Builder b(getContext());
  OpError error{*this};
  if (failed(checkElements(getWeight(), b.getF32Type(),
                           {numElements(getOutput()), numElements(getInput())},
                           "weight", error)))
    return failure();
  return checkFiniteF32(getWeight(), "weight", error);
}

LogicalResult AffineOp::verify() {
  Builder b(getContext());
  int64_t outputs = numElements(getOutput());
  if (failed(checkElements(getWeight(), b.getF32Type(),
                           {outputs, numElements(getInput())}, "weight",
                           OpError{*this})))
    return failure();
  if (failed(checkElements(getBias(), b.getF32Type(), {outputs}, "bias",
                           OpError{*this})))
    return failure();
  if (failed(checkFiniteF32(getWeight(), "weight", OpError{*this})))
    return failure();
  return checkFiniteF32(getBias(), "bias", OpError{*this});
}

//===----------------------------------------------------------------------===//
// SparseOp
//===----------------------------------------------------------------------===//

LogicalResult SparseOp::verify() {
  Builder b(getContext());
  int64_t inputs = numElements(getInput()), outputs = numElements(getOutput());
  OpError error{*this};
  if (failed(checkElements(getRowPtr(), b.getI64Type(), {inputs + 1}, "row_ptr",
                           error)))
    return failure();
  ShapedType colType = getColIdx().getShapedType();
  if (colType.getRank() != 1)
    return emitOpError("col_idx must be 1-D, got ") << colType;
  int64_t nnz = colType.getDimSize(0);
  if (failed(checkElements(getColIdx(), b.getI32Type(), {nnz}, "col_idx",
                           error)) ||
      failed(
          checkElements(getValues(), b.getF32Type(), {nnz}, "values", error)))
    return failure();
  if (getDelays() && failed(checkElements(*getDelays(), b.getF32Type(), {nnz},
                                          "delays", error)))
    return failure();
  if (getDelaySteps() && failed(checkElements(*getDelaySteps(), b.getI32Type(),
                                              {nnz}, "delay_steps", error)))
    return failure();
  if (getDelays() && getDelaySteps())
    return emitOpError("takes delays (seconds) or delay_steps, not both");
  if (failed(checkFiniteF32(getValues(), "values", error)))
    return failure();

  FailureOr<std::vector<int64_t>> rowPtr = readInts(getRowPtr(), 64, error);
  FailureOr<std::vector<int64_t>> cols = readInts(getColIdx(), 32, error);
  if (failed(rowPtr) || failed(cols))
    return failure();
  if ((*rowPtr)[0] != 0)
    return emitOpError("row_ptr must start at 0, got ") << (*rowPtr)[0];
  for (int64_t row = 0; row < inputs; ++row) {
    int64_t begin = (*rowPtr)[row], end = (*rowPtr)[row + 1];
    if (end < begin)
      return emitOpError("row_ptr decreases at row ")
             << row << " (" << begin << " -> " << end << ")";
    if (end > nnz)
      return emitOpError("row_ptr[")
             << row + 1 << "] = " << end << " is out of range for " << nnz
             << " synapses";
  }
  if ((*rowPtr)[inputs] != nnz)
    return emitOpError("row_ptr ends at ")
           << (*rowPtr)[inputs] << " but there are " << nnz << " synapses";
  for (auto [index, col] : llvm::enumerate(*cols))
    if (col < 0 || col >= outputs)
      return emitOpError("col_idx[")
             << index << "] = " << col << " is out of range for " << outputs
             << " outputs";
  if (getDelaySteps()) {
    FailureOr<std::vector<int64_t>> steps =
        readInts(*getDelaySteps(), 32, error);
    if (failed(steps))
      return failure();
    for (auto [index, d] : llvm::enumerate(*steps))
      if (d < 0)
        return emitOpError("delay_steps[")
               << index << "] = " << d << " must be non-negative";
  }
  if (getDelays()) {
    FailureOr<std::vector<float>> delays = readF32(*getDelays(), error);
    if (failed(delays))
      return failure();
    for (auto [index, d] : llvm::enumerate(*delays))
      if (!(d >= 0.0f) || !std::isfinite(d))
        return emitOpError("delays[") << index << "] = " << formatNumber(d)
                                      << " must be finite and non-negative";
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Conv2dOp and SumPool2dOp
//===----------------------------------------------------------------------===//

/// Window geometry beyond this is certainly a mistake, and bounding it keeps
/// the output-size arithmetic far from overflow.
static constexpr int64_t kMaxWindowParam = 1 << 20;

/// Checks a (height, width) pair attribute against its bounds.
static LogicalResult checkPair(Operation *op, StringRef name,
                               ArrayRef<int64_t> pair, int64_t min) {
  if (pair.size() != 2)
    return op->emitOpError() << name << " must have 2 entries (height, width),"
                             << " got " << pair.size();
  for (int64_t v : pair)
    if (v < min || v > kMaxWindowParam)
      return op->emitOpError() << name << " entries must lie in [" << min
                               << ", " << kMaxWindowParam << "], got " << v;
  return success();
}

/// Output extent of a window sliding over `size` (PyTorch's formula).
static int64_t windowedSize(int64_t size, int64_t kernel, int64_t stride,
                            int64_t padding, int64_t dilation) {
  int64_t span = dilation * (kernel - 1) + 1;
  int64_t room = size + 2 * padding - span;
  return room < 0 ? 0 : room / stride + 1;
}

static LogicalResult checkChwOutput(Operation *op, ArrayRef<int64_t> expected) {
  auto output = cast<SignalType>(op->getResult(0).getType());
  if (expected[1] <= 0 || expected[2] <= 0)
    return op->emitOpError("window does not fit: the output would have shape ")
           << formatShape(expected);
  if (output.getShape() != expected)
    return op->emitOpError("result has shape ")
           << formatShape(output.getShape()) << " but the window gives "
           << formatShape(expected);
  return success();
}

LogicalResult Conv2dOp::verify() {
  ArrayRef<int64_t> in = cast<SignalType>(getInput().getType()).getShape();
  if (in.size() != 3)
    return emitOpError("input must be (channels, height, width), got ")
           << formatShape(in);
  ShapedType wType = getWeight().getShapedType();
  if (wType.getRank() != 4)
    return emitOpError("weight must be (out_channels, in_channels / groups, "
                       "kh, kw), got ")
           << wType;
  if (failed(checkPair(*this, "stride", getStride(), 1)) ||
      failed(checkPair(*this, "padding", getPadding(), 0)) ||
      failed(checkPair(*this, "dilation", getDilation(), 1)))
    return failure();
  int64_t groups = getGroups();
  ArrayRef<int64_t> w = wType.getShape();
  if (w[2] < 1 || w[3] < 1 || w[2] > kMaxWindowParam || w[3] > kMaxWindowParam)
    return emitOpError("kernel height and width must lie in [1, ")
           << kMaxWindowParam << "], got " << w[2] << "x" << w[3];
  if (groups > in[0] || w[1] > in[0])
    return emitOpError("weight expects ")
           << w[1] << " x " << groups << " input channels but the input has "
           << in[0];
  if (in[0] % groups != 0 || w[0] % groups != 0)
    return emitOpError("groups (")
           << groups << ") must divide both " << in[0] << " input and " << w[0]
           << " output channels";
  if (w[1] * groups != in[0])
    return emitOpError("weight expects ")
           << w[1] * groups << " input channels but the input has " << in[0];
  Builder b(getContext());
  if (failed(checkElements(getWeight(), b.getF32Type(), w, "weight",
                           OpError{*this})))
    return failure();
  if (getBias() && failed(checkElements(*getBias(), b.getF32Type(), {w[0]},
                                        "bias", OpError{*this})))
    return failure();
  if (failed(checkFiniteF32(getWeight(), "weight", OpError{*this})) ||
      (getBias() && failed(checkFiniteF32(*getBias(), "bias", OpError{*this}))))
    return failure();
  ArrayRef<int64_t> s = getStride(), p = getPadding(), d = getDilation();
  return checkChwOutput(*this,
                        {w[0], windowedSize(in[1], w[2], s[0], p[0], d[0]),
                         windowedSize(in[2], w[3], s[1], p[1], d[1])});
}

LogicalResult SumPool2dOp::verify() {
  ArrayRef<int64_t> in = cast<SignalType>(getInput().getType()).getShape();
  if (in.size() != 3)
    return emitOpError("input must be (channels, height, width), got ")
           << formatShape(in);
  if (failed(checkPair(*this, "kernel_size", getKernelSize(), 1)) ||
      failed(checkPair(*this, "stride", getStride(), 1)) ||
      failed(checkPair(*this, "padding", getPadding(), 0)))
    return failure();
  ArrayRef<int64_t> k = getKernelSize(), s = getStride(), p = getPadding();
  return checkChwOutput(*this, {in[0], windowedSize(in[1], k[0], s[0], p[0], 1),
                                windowedSize(in[2], k[1], s[1], p[1], 1)});
}

//===----------------------------------------------------------------------===//
// ScaleOp, DelayOp, FlattenOp
//===----------------------------------------------------------------------===//

/// Checks an elementwise parameter: scalar or one finite value per element,
/// optionally non-negative.
static LogicalResult checkElementwise(Operation *op, StringRef name,
                                      Attribute attr, int64_t elements,
                                      bool nonNegative) {
  Param param(attr, 0.0);
  if (!param.isScalar() && static_cast<int64_t>(param.size()) != elements)
    return op->emitOpError()
           << name << " has " << param.size() << " values but the signal has "
           << elements << " elements";
  for (size_t i = 0, e = param.isScalar() ? 1 : param.size(); i < e; ++i) {
    if (!std::isfinite(param[i]))
      return op->emitOpError() << name << " must be finite";
    if (nonNegative && param[i] < 0) {
      InFlightDiagnostic diag = op->emitOpError()
                                << name << " must be non-negative, got "
                                << formatNumber(param[i]);
      if (!param.isScalar())
        diag << " for element " << i;
      return diag;
    }
  }
  return success();
}

LogicalResult ScaleOp::verify() {
  return checkElementwise(*this, "factor", getFactor(), numElements(getInput()),
                          /*nonNegative=*/false);
}

LogicalResult DelayOp::verify() {
  if (static_cast<bool>(getDelayAttr()) == static_cast<bool>(getStepsAttr()))
    return emitOpError("needs exactly one of delay (seconds) or steps");
  int64_t elements = numElements(getInput());
  if (getDelayAttr())
    return checkElementwise(*this, "delay", *getDelay(), elements,
                            /*nonNegative=*/true);
  // Steps: an i64 or one per element, each non-negative.
  SmallVector<int64_t> steps;
  if (auto scalar = dyn_cast<IntegerAttr>(*getSteps()))
    steps.push_back(scalar.getInt());
  else
    llvm::append_range(steps,
                       cast<DenseI64ArrayAttr>(*getSteps()).asArrayRef());
  if (isa<DenseI64ArrayAttr>(*getSteps()) &&
      static_cast<int64_t>(steps.size()) != elements)
    return emitOpError("steps has ")
           << steps.size() << " values but the signal has " << elements
           << " elements";
  for (auto [index, value] : llvm::enumerate(steps))
    if (value < 0)
      return emitOpError("steps must be non-negative, got ")
             << value << " for element " << index;
  return success();
}

LogicalResult FlattenOp::verify() {
  auto in = cast<SignalType>(getInput().getType());
  auto out = cast<SignalType>(getOutput().getType());
  if (in.isSpikes() != out.isSpikes())
    return emitOpError("flatten keeps the signal kind: input is ")
           << in << " but result is " << out;
  int64_t rank = in.getShape().size();
  auto start = static_cast<int64_t>(getStartDim());
  auto end = static_cast<int64_t>(getEndDim());
  int64_t startAttr = start, endAttr = end;
  if (start < 0)
    start += rank;
  if (end < 0)
    end += rank;
  if (start < 0 || end >= rank || start > end)
    return emitOpError("dimensions ")
           << startAttr << ".." << endAttr << " are not a valid range for rank "
           << rank;
  SmallVector<int64_t> expected(in.getShape().begin(),
                                in.getShape().begin() + start);
  int64_t merged = 1;
  for (int64_t i = start; i <= end; ++i)
    merged *= in.getShape()[i];
  expected.push_back(merged);
  expected.append(in.getShape().begin() + end + 1, in.getShape().end());
  if (out.getShape() != ArrayRef<int64_t>(expected))
    return emitOpError("result has shape ")
           << formatShape(out.getShape()) << " but flattening "
           << formatShape(in.getShape()) << " gives " << formatShape(expected);
  return success();
}
