//===- SnnAttrs.cpp - Reservoir rule and distribution attrs ---------------===//
//
// Parses, prints and verifies `#snn.dist`, `#snn.fixed_probability` and
// `#snn.distance`. Floats print in MLIR's round-trippable form.
//
//===----------------------------------------------------------------------===//

#include "snn/SnnAttrs.h"
#include "snn/SnnDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace snn;

#include "snn/SnnEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "snn/SnnAttrs.cpp.inc"

void SnnDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "snn/SnnAttrs.cpp.inc"
      >();
}

static ParseResult parseDouble(AsmParser &parser, APFloat &value) {
  double v = 0.0;
  if (parser.parseFloat(v))
    return failure();
  value = APFloat(v);
  return success();
}

//===----------------------------------------------------------------------===//
// WeightDistAttr
//===----------------------------------------------------------------------===//

Attribute WeightDistAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef keyword;
  APFloat a(0.0), b(0.0);
  if (parser.parseLess() || parser.parseKeyword(&keyword) ||
      parser.parseLParen() || parseDouble(parser, a))
    return {};
  std::optional<DistKind> kind = symbolizeDistKind(keyword);
  if (!kind) {
    parser.emitError(loc) << "unknown weight distribution '" << keyword
                          << "'; expected constant, uniform, normal or "
                             "lognormal";
    return {};
  }
  if (*kind != DistKind::constant &&
      (parser.parseComma() || parseDouble(parser, b)))
    return {};
  if (parser.parseRParen() || parser.parseGreater())
    return {};
  return WeightDistAttr::getChecked([&] { return parser.emitError(loc); },
                                    parser.getContext(), *kind, a, b);
}

void WeightDistAttr::print(AsmPrinter &printer) const {
  printer << '<' << stringifyDistKind(getKind()) << '(';
  printer.printFloat(getA());
  if (getKind() != DistKind::constant) {
    printer << ", ";
    printer.printFloat(getB());
  }
  printer << ")>";
}

LogicalResult
WeightDistAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                       DistKind kind, APFloat aValue, APFloat bValue) {
  double a = aValue.convertToDouble(), b = bValue.convertToDouble();
  if (!std::isfinite(a) || !std::isfinite(b))
    return emitError() << "weight distribution parameters must be finite";
  if (kind == DistKind::uniform && a > b)
    return emitError() << "uniform weight distribution needs low <= high, got ("
                       << a << ", " << b << ")";
  if ((kind == DistKind::normal || kind == DistKind::lognormal) && b < 0)
    return emitError() << stringifyDistKind(kind)
                       << " weight distribution needs a non-negative spread, "
                          "got "
                       << b;
  return success();
}

//===----------------------------------------------------------------------===//
// FixedProbabilityAttr
//===----------------------------------------------------------------------===//

Attribute FixedProbabilityAttr::parse(AsmParser &parser, Type) {
  APFloat p(0.0);
  if (parser.parseLess() || parseDouble(parser, p) || parser.parseGreater())
    return {};
  return FixedProbabilityAttr::get(parser.getContext(), p);
}

void FixedProbabilityAttr::print(AsmPrinter &printer) const {
  printer << '<';
  printer.printFloat(getP());
  printer << '>';
}

//===----------------------------------------------------------------------===//
// DistanceRuleAttr
//===----------------------------------------------------------------------===//

Attribute DistanceRuleAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t, 3> grid;
  APFloat lambda(0.0), cEE(0.0), cEI(0.0), cIE(0.0), cII(0.0);
  auto parseGridEntry = [&]() -> ParseResult {
    return parser.parseInteger(grid.emplace_back());
  };
  auto parseNamed = [&](StringRef name, APFloat &value) -> ParseResult {
    return failure(parser.parseComma() || parser.parseKeyword(name) ||
                   parser.parseEqual() || parseDouble(parser, value));
  };
  if (parser.parseLess() || parser.parseKeyword("grid") ||
      parser.parseEqual() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                     parseGridEntry) ||
      parseNamed("lambda", lambda) || parseNamed("c_ee", cEE) ||
      parseNamed("c_ei", cEI) || parseNamed("c_ie", cIE) ||
      parseNamed("c_ii", cII) || parser.parseGreater())
    return {};
  return DistanceRuleAttr::get(parser.getContext(), grid, lambda, cEE, cEI, cIE,
                               cII);
}

void DistanceRuleAttr::print(AsmPrinter &printer) const {
  printer << "<grid = [";
  llvm::interleaveComma(getGrid(), printer);
  printer << "], lambda = ";
  printer.printFloat(getLambda());
  printer << ", c_ee = ";
  printer.printFloat(getCEe());
  printer << ", c_ei = ";
  printer.printFloat(getCEi());
  printer << ", c_ie = ";
  printer.printFloat(getCIe());
  printer << ", c_ii = ";
  printer.printFloat(getCIi());
  printer << '>';
}

//===----------------------------------------------------------------------===//
// TimeAttr
//===----------------------------------------------------------------------===//

Attribute TimeAttr::parse(AsmParser &parser, Type) {
  APFloat dt(0.0);
  StringRef ruleName;
  SMLoc ruleLoc;
  if (parser.parseLess() || parser.parseKeyword("dt") || parser.parseEqual() ||
      parseDouble(parser, dt) || parser.parseComma() ||
      parser.parseKeyword("rule") || parser.parseEqual() ||
      (ruleLoc = parser.getCurrentLocation(), false) ||
      parser.parseKeyword(&ruleName) || parser.parseGreater())
    return {};
  std::optional<DiscretizationRule> rule =
      symbolizeDiscretizationRule(ruleName);
  if (!rule) {
    parser.emitError(ruleLoc) << "unknown discretization rule '" << ruleName
                              << "'; expected euler or exact";
    return {};
  }
  return TimeAttr::get(parser.getContext(), dt, *rule);
}

void TimeAttr::print(AsmPrinter &printer) const {
  printer << "<dt = ";
  printer.printFloat(getDt());
  printer << ", rule = " << stringifyDiscretizationRule(getRule()) << '>';
}
