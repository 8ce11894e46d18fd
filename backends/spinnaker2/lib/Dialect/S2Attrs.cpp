//===- S2Attrs.cpp - The spinnaker2 target's attributes -------------------===//
//
// Implements the `s2` attributes: the parameter parsers and printers the
// declarative formats call, and each attribute's own verifier. Checks that
// need the op carrying an attribute live in S2Dialect.cpp.
//
//===----------------------------------------------------------------------===//

#include "snnc/spinnaker2/Dialect/S2Attrs.h"
#include "snnc/spinnaker2/Dialect/S2Dialect.h"
#include "snnc/spinnaker2/FixedPoint.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace snnc::spinnaker2;

//===----------------------------------------------------------------------===//
// Parameter parsers and printers
//===----------------------------------------------------------------------===//

static FailureOr<APFloat> parseF64(AsmParser &parser) {
  APFloat value(0.0);
  if (parser.parseFloat(APFloat::IEEEdouble(), value))
    return failure();
  return value;
}

static FailureOr<bool> parseBool(AsmParser &parser) {
  if (succeeded(parser.parseOptionalKeyword("true")))
    return true;
  if (succeeded(parser.parseOptionalKeyword("false")))
    return false;
  return parser.emitError(parser.getCurrentLocation(),
                          "expected 'true' or 'false'");
}

static FailureOr<SmallVector<int64_t>> parseIntList(AsmParser &parser) {
  SmallVector<int64_t> values;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        return parser.parseInteger(values.emplace_back());
      }))
    return failure();
  return values;
}

static void printIntList(AsmPrinter &printer, ArrayRef<int64_t> values) {
  printer << '[';
  llvm::interleaveComma(values, printer);
  printer << ']';
}

/// A lone integer stands for one value shared by every neuron.
static FailureOr<SmallVector<int64_t>> parsePerNeuron(AsmParser &parser) {
  int64_t value = 0;
  OptionalParseResult scalar = parser.parseOptionalInteger(value);
  if (scalar.has_value()) {
    if (failed(*scalar))
      return failure();
    return SmallVector<int64_t>{value};
  }
  return parseIntList(parser);
}

static void printPerNeuron(AsmPrinter &printer, ArrayRef<int64_t> values) {
  if (values.size() == 1)
    printer << values.front();
  else
    printIntList(printer, values);
}

template <typename AttrT>
static FailureOr<SmallVector<AttrT>> parseAttrList(AsmParser &parser) {
  SmallVector<AttrT> values;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        FailureOr<AttrT> value = FieldParser<AttrT>::parse(parser);
        if (failed(value))
          return failure();
        values.push_back(*value);
        return success();
      }))
    return failure();
  return values;
}

template <typename AttrT>
static void printAttrList(AsmPrinter &printer, ArrayRef<AttrT> values) {
  printer << '[';
  llvm::interleaveComma(values, printer,
                        [&](AttrT value) { printer.printAttribute(value); });
  printer << ']';
}

#define GET_ATTRDEF_CLASSES
#include "snnc/spinnaker2/Dialect/S2Attrs.cpp.inc"

void S2Dialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "snnc/spinnaker2/Dialect/S2Attrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Shared checks
//===----------------------------------------------------------------------===//

using EmitErrorFn = function_ref<InFlightDiagnostic()>;

static LogicalResult checkNonNegative(EmitErrorFn emitError, StringRef what,
                                      const APFloat &value) {
  double v = value.convertToDouble();
  if (std::isfinite(v) && v >= 0)
    return success();
  return emitError() << what << " must be finite and non-negative, got " << v;
}

static LogicalResult checkPositive(EmitErrorFn emitError, StringRef what,
                                   const APFloat &value) {
  double v = value.convertToDouble();
  if (std::isfinite(v) && v > 0)
    return success();
  return emitError() << what << " must be positive and finite, got " << v;
}

static LogicalResult checkRange(EmitErrorFn emitError, StringRef what,
                                ArrayRef<int64_t> values, int64_t low,
                                int64_t high) {
  for (int64_t v : values)
    if (v < low || v > high)
      return emitError() << what << " must lie in [" << low << ", " << high
                         << "], got " << v;
  return success();
}

//===----------------------------------------------------------------------===//
// QuantAttr
//===----------------------------------------------------------------------===//

LogicalResult QuantAttr::verify(EmitErrorFn emitError, int64_t shift,
                                APFloat scale, APFloat rmsError,
                                APFloat maxError, ElementsAttr weights) {
  if (failed(checkRange(emitError, "#s2.quant shift", shift, 0, kMaxShift)) ||
      failed(checkPositive(emitError, "#s2.quant scale", scale)) ||
      failed(checkNonNegative(emitError, "#s2.quant rms_error", rmsError)) ||
      failed(checkNonNegative(emitError, "#s2.quant max_error", maxError)))
    return failure();
  if (weights && !weights.getShapedType().getElementType().isInteger(16))
    return emitError() << "#s2.quant weights must have i16 elements, got "
                       << weights.getShapedType();
  return success();
}

//===----------------------------------------------------------------------===//
// FixedAttr
//===----------------------------------------------------------------------===//

size_t FixedAttr::getNumNeurons() const {
  size_t n = 1;
  for (ArrayRef<int64_t> field :
       {getDecay(), getGainM(), getGainS(), getDrive(), getBias(),
        getThreshold(), getReset(), getSynDecay(), getSynGainM(),
        getSynGainS()})
    n = std::max(n, field.size());
  return n;
}

LogicalResult
FixedAttr::verify(EmitErrorFn emitError, APFloat sIn, APFloat sV,
                  ArrayRef<int64_t> decay, ArrayRef<int64_t> gainM,
                  ArrayRef<int64_t> gainS, ArrayRef<int64_t> drive,
                  ArrayRef<int64_t> bias, ArrayRef<int64_t> threshold,
                  ArrayRef<int64_t> reset, ArrayRef<int64_t> synDecay,
                  ArrayRef<int64_t> synGainM, ArrayRef<int64_t> synGainS) {
  if (failed(checkPositive(emitError, "#s2.fixed s_in", sIn)) ||
      failed(checkPositive(emitError, "#s2.fixed s_v", sV)))
    return failure();
  if (threshold.empty() != reset.empty())
    return emitError() << "#s2.fixed needs threshold and reset together";
  if (synDecay.empty() != synGainM.empty() ||
      synDecay.empty() != synGainS.empty())
    return emitError() << "#s2.fixed needs syn_decay, syn_gain_m and "
                          "syn_gain_s together";

  constexpr int64_t kQ16One = int64_t(1) << kDecayBits;
  constexpr int64_t kMultiplierMax = INT32_MAX;
  struct Field {
    StringRef name;
    ArrayRef<int64_t> values;
    int64_t low, high;
    bool required;
  } fields[] = {
      {"decay", decay, 0, kQ16One, true},
      {"gain_m", gainM, 0, kMultiplierMax, true},
      {"gain_s", gainS, 0, kMaxMulShift, true},
      {"drive", drive, INT32_MIN, INT32_MAX, true},
      {"bias", bias, INT32_MIN, INT32_MAX, true},
      {"threshold", threshold, INT32_MIN, INT32_MAX, false},
      {"reset", reset, INT32_MIN, INT32_MAX, false},
      {"syn_decay", synDecay, 0, kQ16One, false},
      {"syn_gain_m", synGainM, 0, kMultiplierMax, false},
      {"syn_gain_s", synGainS, 0, kMaxMulShift, false},
  };
  const Field *perNeuron = nullptr;
  for (const Field &field : fields) {
    if (field.values.empty()) {
      if (field.required)
        return emitError() << "#s2.fixed " << field.name
                           << " needs at least one value";
      continue;
    }
    if (failed(checkRange(emitError, ("#s2.fixed " + field.name).str(),
                          field.values, field.low, field.high)))
      return failure();
    if (field.values.size() == 1)
      continue;
    if (perNeuron && perNeuron->values.size() != field.values.size())
      return emitError() << "#s2.fixed fields disagree on the neuron count: "
                         << perNeuron->name << " has "
                         << perNeuron->values.size() << " values, "
                         << field.name << " " << field.values.size();
    perNeuron = &field;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// SlicesAttr
//===----------------------------------------------------------------------===//

int64_t SlicesAttr::getNumNeurons() const {
  int64_t n = 0;
  for (int64_t size : getSizes())
    n += size;
  return n;
}

LogicalResult SlicesAttr::verify(EmitErrorFn emitError, ArrayRef<int64_t> sizes,
                                 ArrayRef<int64_t> pes,
                                 ArrayRef<int64_t> keys) {
  if (sizes.empty())
    return emitError() << "#s2.slices needs at least one slice";
  if (failed(checkRange(emitError, "#s2.slices sizes", sizes, 1, UINT32_MAX)))
    return failure();
  if (!pes.empty() && pes.size() != sizes.size())
    return emitError() << "#s2.slices has " << sizes.size() << " slices but "
                       << pes.size() << " PEs";
  if (!keys.empty() && keys.size() != sizes.size())
    return emitError() << "#s2.slices has " << sizes.size() << " slices but "
                       << keys.size() << " keys";
  // Keys are allocated from the placement (KeyAllocation.h).
  if (!keys.empty() && pes.empty())
    return emitError() << "#s2.slices has keys but no PEs";
  if (failed(checkRange(emitError, "#s2.slices pes", pes, 0, UINT32_MAX)) ||
      failed(checkRange(emitError, "#s2.slices keys", keys, 0, UINT32_MAX)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// PartitionAttr, PlacementAttr
//===----------------------------------------------------------------------===//

LogicalResult PartitionAttr::verify(EmitErrorFn emitError, int64_t pesUsed,
                                    int64_t pesAvailable) {
  if (pesUsed < 0 || pesUsed > pesAvailable)
    return emitError() << "#s2.partition uses " << pesUsed << " of "
                       << pesAvailable << " PEs";
  return success();
}

LogicalResult PlacementAttr::verify(EmitErrorFn emitError, APFloat costInitial,
                                    APFloat costFinal, uint64_t) {
  if (failed(checkNonNegative(emitError, "#s2.placement cost_initial",
                              costInitial)) ||
      failed(
          checkNonNegative(emitError, "#s2.placement cost_final", costFinal)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// RoutingTableAttr, RoutingAttr
//===----------------------------------------------------------------------===//

static bool isI64Matrix(ElementsAttr attr) {
  ShapedType type = attr.getShapedType();
  return type.getElementType().isInteger(64) && type.hasStaticShape() &&
         type.getRank() == 2;
}

LogicalResult RoutingTableAttr::verify(EmitErrorFn emitError, int64_t chip,
                                       ElementsAttr entries,
                                       ElementsAttr routes) {
  if (chip < 0)
    return emitError() << "#s2.table chip must be non-negative, got " << chip;
  ShapedType entriesType = entries.getShapedType();
  if (!isI64Matrix(entries) || entriesType.getDimSize(1) != 3 ||
      entriesType.getDimSize(0) < 1)
    return emitError() << "#s2.table entries must be a tensor<Nx3xi64> with "
                          "N >= 1, got "
                       << entriesType;
  if (!isI64Matrix(routes))
    return emitError() << "#s2.table routes must be a static rank-2 i64 "
                          "tensor, got "
                       << routes.getShapedType();
  return success();
}

LogicalResult RoutingAttr::verify(EmitErrorFn emitError, int64_t links,
                                  int64_t words, int64_t neuronBits,
                                  int64_t sliceMask, int64_t entriesBefore,
                                  int64_t entriesAfter, int64_t maxBefore,
                                  int64_t maxAfter,
                                  ArrayRef<RoutingTableAttr> tables) {
  if (links < 0 || words < 0)
    return emitError() << "#s2.routing links and words must be "
                          "non-negative, got "
                       << links << " and " << words;
  if (failed(
          checkRange(emitError, "#s2.routing neuron_bits", neuronBits, 0, 32)))
    return failure();
  // A slice's key block: every bit from neuron_bits up to the key width,
  // so that one entry with this mask matches all of a slice's neurons.
  uint64_t mask = static_cast<uint64_t>(sliceMask);
  uint64_t above = mask >> neuronBits;
  if (sliceMask < 0 || sliceMask > int64_t(UINT32_MAX) ||
      (mask & ((uint64_t(1) << neuronBits) - 1)) != 0 ||
      (above & (above + 1)) != 0)
    return emitError() << "#s2.routing slice_mask must be contiguous ones "
                          "above its "
                       << neuronBits << " neuron bits, got " << sliceMask;
  if (maxBefore > entriesBefore || maxAfter > entriesAfter)
    return emitError() << "#s2.routing has a table larger than all tables "
                          "together";
  int64_t total = 0, largest = 0;
  llvm::DenseSet<int64_t> chips;
  for (RoutingTableAttr table : tables) {
    if (!chips.insert(table.getChip()).second)
      return emitError() << "#s2.routing has two tables for chip "
                         << table.getChip();
    int64_t routeWords = table.getRoutes().getShapedType().getDimSize(1);
    if (routeWords != words)
      return emitError() << "#s2.routing table of chip " << table.getChip()
                         << " has routes of " << routeWords << " words, not "
                         << words;
    total += table.getNumEntries();
    largest = std::max(largest, table.getNumEntries());
  }
  if (total != entriesAfter || largest != maxAfter)
    return emitError() << "#s2.routing counts " << entriesAfter
                       << " entries (at most " << maxAfter
                       << " per router), but its tables hold " << total
                       << " (at most " << largest << ")";
  return success();
}

//===----------------------------------------------------------------------===//
// Mapping report
//===----------------------------------------------------------------------===//

LogicalResult SpreadAttr::verify(EmitErrorFn emitError, APFloat min,
                                 APFloat mean, APFloat max, APFloat total) {
  for (const APFloat &v : {min, mean, max, total})
    if (!v.isFinite())
      return emitError() << "#s2.spread values must be finite";
  if (min.convertToDouble() > max.convertToDouble())
    return emitError() << "#s2.spread min " << min.convertToDouble()
                       << " exceeds max " << max.convertToDouble();
  return success();
}

LogicalResult LimitUseAttr::verify(EmitErrorFn emitError, StringRef name,
                                   StringRef, APFloat capacity, SpreadAttr) {
  if (name.empty())
    return emitError() << "#s2.limit needs a name";
  return checkNonNegative(emitError, "#s2.limit capacity", capacity);
}

LogicalResult PeUseAttr::verify(EmitErrorFn emitError, SpreadAttr, uint32_t,
                                SpreadAttr, SpreadAttr, APFloat sramBytesLimit,
                                SpreadAttr, APFloat cycleBudget,
                                ArrayRef<LimitUseAttr>) {
  if (failed(checkNonNegative(emitError, "#s2.pe_use sram_bytes_limit",
                              sramBytesLimit)) ||
      failed(
          checkNonNegative(emitError, "#s2.pe_use cycle_budget", cycleBudget)))
    return failure();
  return success();
}

LogicalResult RouteStatsAttr::verify(EmitErrorFn emitError, uint32_t,
                                     uint32_t entryLimit,
                                     uint64_t entriesBefore, uint32_t maxBefore,
                                     uint64_t entriesAfterDefaultRemoval,
                                     uint32_t maxAfterDefaultRemoval,
                                     uint64_t entriesAfter, uint32_t maxAfter,
                                     bool, uint64_t, uint64_t,
                                     uint32_t keyNeuronBits, bool) {
  if (maxBefore > entriesBefore ||
      maxAfterDefaultRemoval > entriesAfterDefaultRemoval ||
      maxAfter > entriesAfter)
    return emitError() << "#s2.route_stats has a table larger than all "
                          "tables together";
  // The mapper refuses tables beyond the limit (checkTableLimits).
  if (maxAfter > entryLimit)
    return emitError() << "#s2.route_stats max_after " << maxAfter
                       << " exceeds entry_limit " << entryLimit;
  if (keyNeuronBits > 32)
    return emitError() << "#s2.route_stats key_neuron_bits must lie in "
                          "[0, 32], got "
                       << keyNeuronBits;
  return success();
}

LogicalResult TrafficAttr::verify(EmitErrorFn emitError, APFloat total,
                                  APFloat packetsEmitted, APFloat hops,
                                  APFloat nocHops, APFloat chipHops,
                                  APFloat maxLinkLoad, APFloat maxNocLinkLoad,
                                  APFloat maxChipLinkLoad, APFloat groupCut,
                                  APFloat costInitial, APFloat costFinal) {
  for (const APFloat &v :
       {total, packetsEmitted, hops, nocHops, chipHops, maxLinkLoad,
        maxNocLinkLoad, maxChipLinkLoad, groupCut, costInitial, costFinal})
    if (failed(checkNonNegative(emitError, "#s2.traffic figures", v)))
      return failure();
  return success();
}

LogicalResult MappingReportAttr::verify(EmitErrorFn emitError, StringRef target,
                                        uint32_t, uint64_t, uint64_t,
                                        uint32_t pesUsed, uint32_t pesAvailable,
                                        uint32_t chipsUsed,
                                        uint32_t chipsAvailable, PeUseAttr,
                                        RouteStatsAttr, TrafficAttr) {
  if (target.empty())
    return emitError() << "#s2.mapping_report needs a target name";
  if (pesUsed > pesAvailable || chipsUsed > chipsAvailable)
    return emitError() << "#s2.mapping_report uses " << pesUsed << " of "
                       << pesAvailable << " PEs on " << chipsUsed << " of "
                       << chipsAvailable << " chips";
  // Every chip in use holds at least one slice.
  if (chipsUsed > pesUsed)
    return emitError() << "#s2.mapping_report uses " << chipsUsed
                       << " chips for " << pesUsed << " PEs";
  return success();
}
