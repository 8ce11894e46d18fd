//===- SnnTypes.cpp - Spike and current types -----------------------------===//
//
// Parses, prints and verifies `!snn.spikes<shape>` and `!snn.current<shape>`.
//
//===----------------------------------------------------------------------===//

#include "snn/SnnTypes.h"
#include "snn/SnnDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snn;

#define GET_TYPEDEF_CLASSES
#include "snn/SnnOpsTypes.cpp.inc"

void SnnDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "snn/SnnOpsTypes.cpp.inc"
      >();
}

std::string snn::formatShape(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(shape, os, "x");
  return text;
}

static int64_t numElements(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

/// Shapes are non-empty lists of positive sizes whose product fits in 2^40
/// neurons, so element counts never overflow downstream arithmetic.
static LogicalResult verifyShape(function_ref<InFlightDiagnostic()> emitError,
                                 ArrayRef<int64_t> shape) {
  if (shape.empty())
    return emitError() << "a signal needs at least one dimension";
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d <= 0)
      return emitError() << "dimension sizes must be positive, got "
                         << formatShape(shape);
    if (n > (int64_t(1) << 40) / d)
      return emitError() << "shape " << formatShape(shape)
                         << " exceeds 2^40 neurons";
    n *= d;
  }
  return success();
}

static Type parseShaped(AsmParser &parser,
                        function_ref<Type(ArrayRef<int64_t>)> build) {
  SmallVector<int64_t> shape;
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/false,
                                /*withTrailingX=*/false) ||
      parser.parseGreater())
    return {};
  return build(shape);
}

static void printShaped(AsmPrinter &printer, ArrayRef<int64_t> shape) {
  printer << '<' << formatShape(shape) << '>';
}

Type SpikesType::parse(AsmParser &parser) {
  Location loc = parser.getEncodedSourceLoc(parser.getCurrentLocation());
  return parseShaped(parser, [&](ArrayRef<int64_t> shape) -> Type {
    return SpikesType::getChecked([&] { return emitError(loc); },
                                  parser.getContext(), shape);
  });
}
void SpikesType::print(AsmPrinter &printer) const {
  printShaped(printer, getShape());
}
LogicalResult SpikesType::verify(function_ref<InFlightDiagnostic()> emitError,
                                 ArrayRef<int64_t> shape) {
  return verifyShape(emitError, shape);
}
int64_t SpikesType::getNumElements() const { return numElements(getShape()); }

Type CurrentType::parse(AsmParser &parser) {
  Location loc = parser.getEncodedSourceLoc(parser.getCurrentLocation());
  return parseShaped(parser, [&](ArrayRef<int64_t> shape) -> Type {
    return CurrentType::getChecked([&] { return emitError(loc); },
                                   parser.getContext(), shape);
  });
}
void CurrentType::print(AsmPrinter &printer) const {
  printShaped(printer, getShape());
}
LogicalResult CurrentType::verify(function_ref<InFlightDiagnostic()> emitError,
                                  ArrayRef<int64_t> shape) {
  return verifyShape(emitError, shape);
}
int64_t CurrentType::getNumElements() const { return numElements(getShape()); }

ArrayRef<int64_t> SignalType::getShape() const {
  if (auto spikes = llvm::dyn_cast<SpikesType>(*this))
    return spikes.getShape();
  return llvm::cast<CurrentType>(*this).getShape();
}

int64_t SignalType::getNumElements() const { return numElements(getShape()); }

SignalType SignalType::withShape(ArrayRef<int64_t> shape) const {
  if (isSpikes())
    return llvm::cast<SignalType>(SpikesType::get(getContext(), shape));
  return llvm::cast<SignalType>(CurrentType::get(getContext(), shape));
}
