//===- TargetAttr.cpp - #snn.target: the target a module is for -----------===//
//
// Parses, prints and verifies `#snn.target`. Defaults (seed 1, firing
// probability 0.01, no overrides) are elided, so the common form is just
// `#snn.target<"name">`.
//
//===----------------------------------------------------------------------===//

#include "snn/SnnAttrs.h"
#include "snn/SnnDialect.h"
#include "snnc/Support/Json.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>

using namespace mlir;
using namespace snn;

namespace {
constexpr double kDefaultFiringProbability = 0.01;
constexpr uint64_t kDefaultSeed = 1;
} // namespace

Attribute TargetAttr::parse(AsmParser &parser, Type) {
  std::string name, overrides;
  double firing = kDefaultFiringProbability;
  uint64_t seed = kDefaultSeed;
  if (parser.parseLess() || parser.parseString(&name))
    return {};
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc loc = parser.getCurrentLocation();
    StringRef key;
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return {};
    if (key == "seed") {
      if (parser.parseInteger(seed))
        return {};
    } else if (key == "firing_probability") {
      if (parser.parseFloat(firing))
        return {};
    } else if (key == "overrides") {
      if (parser.parseString(&overrides))
        return {};
    } else {
      parser.emitError(loc) << "unknown #snn.target option '" << key
                            << "'; expected seed, firing_probability or "
                               "overrides";
      return {};
    }
  }
  if (parser.parseGreater())
    return {};
  return getChecked([&] { return parser.emitError(parser.getNameLoc()); },
                    parser.getContext(), StringRef(name), StringRef(overrides),
                    firing, seed);
}

void TargetAttr::print(AsmPrinter &printer) const {
  printer << "<\"";
  llvm::printEscapedString(getName(), printer.getStream());
  printer << "\"";
  if (getSeed() != kDefaultSeed)
    printer << ", seed = " << getSeed();
  if (getFiringProbabilityValue() != kDefaultFiringProbability) {
    printer << ", firing_probability = ";
    printer.printFloat(getFiringProbability());
  }
  if (!getOverrides().empty()) {
    printer << ", overrides = \"";
    llvm::printEscapedString(getOverrides(), printer.getStream());
    printer << "\"";
  }
  printer << ">";
}

LogicalResult TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 StringRef name, StringRef overrides,
                                 APFloat firingProbability, uint64_t) {
  if (name.empty())
    return emitError() << "#snn.target needs a target name";
  // Every pass and the image writer read the overrides back; they are
  // checked once, here, against snnc's JSON nesting limit.
  if (!overrides.empty()) {
    snnc::JsonParse parsed =
        snnc::parseJson({overrides.data(), overrides.size()});
    if (!parsed.value)
      return emitError() << "#snn.target overrides are not valid JSON: "
                         << parsed.error;
    if (!parsed.value->is_object())
      return emitError() << "#snn.target overrides must be a JSON object";
  }
  double p = firingProbability.convertToDouble();
  if (!std::isfinite(p) || p < 0.0 || p > 1.0)
    return emitError() << "#snn.target firing_probability must lie in "
                          "[0, 1], got "
                       << p;
  return success();
}
