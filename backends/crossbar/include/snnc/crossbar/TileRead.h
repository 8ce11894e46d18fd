//===- TileRead.h - Reading a tile in one step ------------------*- C++ -*-===//
//
// The analog half of a step on one tile (docs/crossbar.md, "Reads"): the
// rows whose spikes arrive drive their word lines, every column sums
// (G+ - G-) and (G+^2 + G-^2) over those rows, read noise is drawn per
// column, and the ADC turns each column into a code. Both the ref engine
// and the rtl engine's behavioural array call this one function, so they
// agree bit for bit. Sums run in float, row by row in increasing row
// order, which is the same at every vector width: the row loop is compiled
// once per x86-64 level (IsaLevel.h).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_TILEREAD_H
#define SNNC_CROSSBAR_TILEREAD_H

#include "snnc/crossbar/ColumnRead.h"
#include "snnc/crossbar/TileMap.h"

#include <cstdint>
#include <vector>

namespace snnc::crossbar {

/// A tile laid out for reads: per cell G+ - G- and G+^2 + G-^2, and per row
/// the sum of G+ + G- (for the read energy V^2 G t); a digital tile holds
/// its int16 weights instead.
struct ReadyTile {
  uint32_t rows = 0;
  uint32_t cols = 0;
  std::vector<float> difference;
  std::vector<float> squares;
  std::vector<double> rowConductance;
  bool digital = false;
  std::vector<int16_t> weights;
};

ReadyTile prepareTile(const XbarTile &tile);

/// What one read costs, in the target's event classes.
struct ReadCounts {
  uint64_t rowDrives = 0;
  uint64_t cellReads = 0;
  uint64_t conversions = 0;
  uint64_t saturations = 0;
  /// Weight words a digital tile read fetched: active rows x columns.
  uint64_t digitalReads = 0;
  /// Conductances read, summed per tile read and rounded to whole nS: the
  /// count energy.json prices at V^2 t per nS.
  uint64_t conductanceNs = 0;
  /// sum of V^2 G t over the cells read, unrounded.
  double cellJoules = 0;
};

/// Scratch space of one reader (one per engine thread).
struct ReadScratch {
  std::vector<float> difference;
  std::vector<float> squares;
  std::vector<int64_t> samples;
};

/// The analog half of a read: one ADC sample (ColumnRead.h, in 1/2^16
/// codes) per column of tile number `tileIndex`, rows `active` driven in
/// step `step`. The rtl engine's behavioural array hands these to the
/// RTL's ADC interface.
void sampleTile(const ReadyTile &tile, const uint32_t *active, size_t count,
                uint64_t seed, uint64_t step, uint32_t tileIndex,
                const DeviceModel &model, const AdcRange &range,
                ReadScratch &scratch, int64_t *samples);

/// Reads tile number `tileIndex` with rows `active` (local indices,
/// increasing, at least one) in step `step`: sampleTile, then each sample
/// quantized (quantizeSample); writes one ADC code per column into `codes`
/// and adds the read's events to `counts`. A digital tile's "code" is the
/// exact sum of its active rows' int16 weights per column (readDigitalTile).
void readTile(const ReadyTile &tile, const uint32_t *active, size_t count,
              uint64_t seed, uint64_t step, uint32_t tileIndex,
              const DeviceModel &model, const AdcRange &range,
              ReadScratch &scratch, int32_t *codes, ReadCounts &counts);

/// A digital tile's read: per column the int32 sum of the weights of rows
/// `active`; counts active rows x columns digital reads and as many
/// synaptic events, and nothing analog.
void readDigitalTile(const ReadyTile &tile, const uint32_t *active,
                     size_t count, int32_t *codes, ReadCounts &counts);

/// Adds the events of reading rows `active` of `tile` to `counts`, all but
/// the saturations, which only a conversion knows: what readTile counts,
/// for engines that do not read the analog array (float).
void countTileRead(const ReadyTile &tile, const uint32_t *active, size_t count,
                   const DeviceModel &model, ReadCounts &counts);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_TILEREAD_H
