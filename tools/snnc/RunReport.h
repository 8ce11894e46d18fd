//===- RunReport.h - The aligned-table report of `snnc run` -----*- C++ -*-===//
//
// The human-readable form of a run's outputs, latency and energy; the JSON
// form is runtime::toJson. Kept out of RunCommand.cpp so that the command
// stays a driver.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_RUNREPORT_H
#define SNNC_TOOLS_RUNREPORT_H

#include "snnc/runtime/Energy.h"
#include "snnc/runtime/RunResult.h"

namespace snnc::tools {

/// Prints the run summary and energy table to stdout.
void printTable(const runtime::RunResult &result,
                const runtime::EnergyReport &energy, const char *engine);

} // namespace snnc::tools

#endif // SNNC_TOOLS_RUNREPORT_H
