//===- UnitTables.h - What each crossbar unit is loaded with ----*- C++ -*-===//
//
// From the chip program (the one ref runs), per population slice: its
// registers, the tile table of the tiles whose columns it integrates and
// its neurons' fixed-point constants; and the configuration-bus writes
// that load them (a digital tile's weights into the unit's digital
// memory). Slices that cannot fit a unit, and tiles whose columns leave
// their slice, are refused naming the unit and the limit.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_RTL_UNITTABLES_H
#define SNNC_CROSSBAR_RTL_UNITTABLES_H

#include "snnc/crossbar/ChipProgram.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snnc::crossbar::rtl {

struct UnitTile {
  uint32_t rowKey = 0;
  uint32_t rowCount = 0;
  uint32_t colFirst = 0;
  uint32_t cols = 0;
  uint32_t delay = 0;
  int32_t multiplier = 0;
  uint32_t tile = 0;
  /// A digital tile: its active-row list (rowCount words) and weights
  /// (rowCount x cols) from word `base` of the unit's digital memory.
  bool digital = false;
  uint32_t base = 0;
};

struct UnitTable {
  /// Global slice, its PE, population and first neuron, neurons.
  uint32_t globalSlice = 0;
  uint32_t pe = 0;
  uint32_t population = 0;
  uint32_t first = 0;
  uint32_t neurons = 0;
  uint32_t flags = 0;
  uint32_t keyBase = 0;
  uint32_t slotMask = 0;
  uint32_t adcBits = 0;
  uint32_t readCycles = 0;
  std::vector<UnitTile> tiles;
  /// Words of the digital memory the digital tiles take.
  uint64_t digitalWords = 0;
  /// The global slices whose packets this unit absorbs.
  std::vector<uint32_t> sources;
  /// "unit on PE 3 (population 'pop' slice 0)", for errors.
  std::string label;
};

/// The packet of element `element` of source `source` (input i, or the
/// number of inputs + population p).
uint32_t packetOf(uint32_t source, uint32_t element);

/// One table per population slice, in global slice order.
image::Expected<std::vector<UnitTable>>
buildUnitTables(const ChipProgram &prog);

/// The configuration-bus writes (address, data) that load `table`.
std::vector<std::pair<uint32_t, uint32_t>>
configWrites(const UnitTable &table, const ChipProgram &prog);

} // namespace snnc::crossbar::rtl

#endif // SNNC_CROSSBAR_RTL_UNITTABLES_H
