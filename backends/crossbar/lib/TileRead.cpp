//===- TileRead.cpp - Reading a tile in one step --------------------------===//

#include "snnc/crossbar/TileRead.h"

#include "snnc/Support/IsaLevel.h"

#include <algorithm>
#include <cmath>

namespace snnc::crossbar {
namespace {

struct AccumulateArgs {
  const float *difference;
  const float *squares;
  const uint32_t *active;
  size_t count;
  uint32_t cols;
  float *sumDifference;
  float *sumSquares;
};

/// Adds the active rows into the column sums; only elementwise adds, so no
/// contraction or reassociation can make one ISA level differ from another.
[[gnu::always_inline]] inline int accumulate(AccumulateArgs a) {
  for (size_t k = 0; k < a.count; ++k) {
    const float *d = a.difference + size_t(a.active[k]) * a.cols;
    const float *s = a.squares + size_t(a.active[k]) * a.cols;
    for (uint32_t c = 0; c < a.cols; ++c) {
      a.sumDifference[c] += d[c];
      a.sumSquares[c] += s[c];
    }
  }
  return 0;
}

} // namespace

ReadyTile prepareTile(const XbarTile &tile) {
  ReadyTile out;
  out.rows = tile.block.rowCount;
  out.cols = tile.block.colCount;
  if (tile.digital) {
    out.digital = true;
    out.weights = tile.weights;
    return out;
  }
  size_t cells = size_t(out.rows) * out.cols;
  out.difference.resize(cells);
  out.squares.resize(cells);
  out.rowConductance.assign(out.rows, 0.0);
  for (size_t i = 0; i < cells; ++i) {
    float p = tile.gPlus[i], m = tile.gMinus[i];
    out.difference[i] = p - m;
    out.squares[i] = p * p + m * m;
    out.rowConductance[i / out.cols] += double(p) + double(m);
  }
  return out;
}

void sampleTile(const ReadyTile &tile, const uint32_t *active, size_t count,
                uint64_t seed, uint64_t step, uint32_t tileIndex,
                const DeviceModel &model, const AdcRange &range,
                ReadScratch &scratch, int64_t *samples) {
  scratch.difference.assign(tile.cols, 0.0f);
  scratch.squares.assign(tile.cols, 0.0f);
  support::IsaClones<accumulate>::run(AccumulateArgs{
      tile.difference.data(), tile.squares.data(), active, count, tile.cols,
      scratch.difference.data(), scratch.squares.data()});
  bool noisy = model.sigmaReadFraction > 0;
  for (uint32_t c = 0; c < tile.cols; ++c) {
    double z = noisy ? readNoiseDraw(seed, step, tileIndex, c) : 0.0;
    samples[c] = sampleCurrent(
        columnCurrent(scratch.difference[c], scratch.squares[c], z, model),
        range);
  }
}

void readTile(const ReadyTile &tile, const uint32_t *active, size_t count,
              uint64_t seed, uint64_t step, uint32_t tileIndex,
              const DeviceModel &model, const AdcRange &range,
              ReadScratch &scratch, int32_t *codes, ReadCounts &counts) {
  if (tile.digital)
    return readDigitalTile(tile, active, count, codes, counts);
  scratch.samples.resize(tile.cols);
  sampleTile(tile, active, count, seed, step, tileIndex, model, range, scratch,
             scratch.samples.data());
  for (uint32_t c = 0; c < tile.cols; ++c) {
    AdcResult r = quantizeSample(scratch.samples[c], range);
    codes[c] = r.code;
    counts.saturations += r.saturated;
  }
  countTileRead(tile, active, count, model, counts);
}

void readDigitalTile(const ReadyTile &tile, const uint32_t *active,
                     size_t count, int32_t *codes, ReadCounts &counts) {
  std::fill(codes, codes + tile.cols, 0);
  for (size_t k = 0; k < count; ++k) {
    const int16_t *w = tile.weights.data() + size_t(active[k]) * tile.cols;
    for (uint32_t c = 0; c < tile.cols; ++c)
      codes[c] += w[c];
  }
  counts.digitalReads += uint64_t(count) * tile.cols;
  counts.cellReads += uint64_t(count) * tile.cols;
}

void countTileRead(const ReadyTile &tile, const uint32_t *active, size_t count,
                   const DeviceModel &model, ReadCounts &counts) {
  if (tile.digital) {
    counts.digitalReads += uint64_t(count) * tile.cols;
    counts.cellReads += uint64_t(count) * tile.cols;
    return;
  }
  double rowConductance = 0;
  for (size_t k = 0; k < count; ++k)
    rowConductance += tile.rowConductance[active[k]];
  counts.rowDrives += count;
  counts.cellReads += uint64_t(count) * tile.cols;
  counts.conversions += tile.cols;
  counts.conductanceNs += uint64_t(std::llround(rowConductance * 1e9));
  counts.cellJoules +=
      model.readVoltage * model.readVoltage * model.readPulse * rowConductance;
}

} // namespace snnc::crossbar
