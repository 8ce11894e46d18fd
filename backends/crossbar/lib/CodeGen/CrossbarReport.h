//===- CrossbarReport.h - The crossbar's compile report ---------*- C++ -*-===//
//
// What a lowered chip uses and costs, read from its xbar.chip: tiles used
// and available, cell utilisation, ADCs, the one-time programming (cells,
// write pulses, energy and time) and what formed reservoirs saved of it,
// each projection's scale and weight error, and each tile's mesh node.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CODEGEN_CROSSBARREPORT_H
#define SNNC_CROSSBAR_CODEGEN_CROSSBARREPORT_H

#include "snnc/crossbar/DeviceModel.h"
#include "snnc/crossbar/Dialect/XbarDialect.h"

#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

namespace snnc::crossbar {

/// The report of `chip`, lowered under `model`.
nlohmann::json crossbarReport(ChipOp chip, const DeviceModel &model);

/// The report for people.
void printCrossbarReport(const nlohmann::json &report, llvm::raw_ostream &out);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CODEGEN_CROSSBARREPORT_H
