//===- CellTiming.h - Delays and separation windows per cell ----*- C++ -*-===//
//
// What the pulse simulators need of the cell library, in 100 fs ticks
// (docs/sfq.md §1, §4): the delay of each output, and the minimum
// separations "after a pulse on port X, a pulse on port Y not within t".
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_CELLTIMING_H
#define SNNC_SFQ_CELLTIMING_H

#include "snnc/sfq/Netlist.h"

#include <array>
#include <cstdint>
#include <vector>

namespace snnc::sfq {

/// Picoseconds per tick is 0.1: ticks = round(ps * 10).
inline constexpr double kTicksPerPs = 10.0;

struct Separation {
  /// Input ports (CellKindInfo::inputNames order).
  uint8_t after = 0;
  uint8_t on = 0;
  uint32_t ticks = 0;
};

struct CellTiming {
  /// Ticks from an accepted input to each output's pulse.
  std::array<uint32_t, kMaxCellOutputs> delay{};
  std::vector<Separation> separations;
};

/// Indexed by CellKind.
using TimingTable = std::array<CellTiming, kNumCellKinds>;

} // namespace snnc::sfq

#endif // SNNC_SFQ_CELLTIMING_H
