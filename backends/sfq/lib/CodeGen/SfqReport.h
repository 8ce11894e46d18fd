//===- SfqReport.h - What an SFQ netlist costs ------------------*- C++ -*-===//
//
// The compile report of the SFQ target (docs/sfq.md): cells and junctions
// by cell type, bias current (the library's per cell, plus each synapse's
// and neuron's own), static power at the default bias voltage, area and
// dies, the critical path, the widest fan-in and the pulse rate the timing
// allows, splitters and mergers per projection, and what the lowering could
// not honour.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_CODEGEN_SFQREPORT_H
#define SNNC_SFQ_CODEGEN_SFQREPORT_H

#include "SfqModel.h"

#include <nlohmann/json.hpp>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace snnc::sfq {

/// The report of `circuit`, or null JSON after a diagnostic.
nlohmann::json sfqReport(CircuitOp circuit, const SfqModel &model);
void printSfqReport(const nlohmann::json &report, llvm::raw_ostream &out);

/// The circuit's total bias current in uA: library bias of every cell plus
/// the synapses' and neurons' own (0 for cells the profile has no bias for).
double totalBiasUa(CircuitOp circuit, const Netlist &netlist,
                   const CellLibrary &library);

} // namespace snnc::sfq

#endif // SNNC_SFQ_CODEGEN_SFQREPORT_H
