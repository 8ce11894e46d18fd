//===- AnalogArray.h - The behavioural analog half of the tiles -*- C++ -*-===//
//
// What is not RTL in a crossbar unit: the arrays themselves. The word-line
// drivers latch the rows the unit's tile controller drives; a read pulse
// makes every column of the tile settle to its current, which the SAR's
// analog front end resolves to a sample of 1/2^16 code (sampleTile, the
// very function ref reads through, with the same read-noise draws keyed
// (seed, step, tile, column)); the unit's ADC interface then asks for the
// samples column by column. It also sums the conductance read per tile
// read (an analog quantity, which the digital unit cannot count). Digital
// tiles have no array: the unit reads them from its own memory, and the
// array refuses a word line or read pulse for one.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_RTL_ANALOGARRAY_H
#define SNNC_CROSSBAR_RTL_ANALOGARRAY_H

#include "snnc/crossbar/ChipProgram.h"

#include <cstdint>
#include <vector>

namespace snnc::crossbar::rtl {

class AnalogArray {
public:
  explicit AnalogArray(const ChipProgram &prog);

  /// Latches row `row` of tile `tile`; false when there is no such row
  /// (or the tile is digital).
  bool drive(uint32_t tile, uint32_t row);
  /// The read pulse of `tile` in step `step`: samples every column from
  /// the latched rows, then releases them; false when no row is driven.
  bool read(uint32_t tile, uint64_t step);
  /// Column `col` of the last read; false when the tile has no such column.
  bool sample(uint32_t col, int64_t &value) const;
  /// Whether `tile` is a digital tile (no array; the unit reads it).
  bool isDigital(uint32_t tile) const {
    return tile < prog.tiles.size() && prog.tiles[tile].digital;
  }

  /// Conductance read since the last clear, in whole nS per tile read.
  uint64_t conductanceNs() const { return conductance; }
  /// Releases every word line and zeroes the conductance count.
  void clear();

private:
  const ChipProgram &prog;
  std::vector<std::vector<uint32_t>> latched;
  std::vector<int64_t> samples;
  ReadScratch scratch;
  uint64_t conductance = 0;
};

} // namespace snnc::crossbar::rtl

#endif // SNNC_CROSSBAR_RTL_ANALOGARRAY_H
