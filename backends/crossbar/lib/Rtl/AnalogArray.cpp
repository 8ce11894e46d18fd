//===- AnalogArray.cpp - The behavioural analog half of the tiles ---------===//

#include "AnalogArray.h"

#include <algorithm>

namespace snnc::crossbar::rtl {

AnalogArray::AnalogArray(const ChipProgram &prog)
    : prog(prog), latched(prog.tiles.size()) {}

bool AnalogArray::drive(uint32_t tile, uint32_t row) {
  if (tile >= prog.tiles.size() || prog.tiles[tile].digital ||
      row >= prog.tiles[tile].rows)
    return false;
  latched[tile].push_back(row);
  return true;
}

bool AnalogArray::read(uint32_t tile, uint64_t step) {
  if (tile >= prog.tiles.size() || prog.tiles[tile].digital ||
      latched[tile].empty())
    return false;
  std::vector<uint32_t> &rows = latched[tile];
  // A word line is on or off: a row driven twice is read once, and the
  // columns sum in increasing row order, as ref sums them.
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  const ReadyTile &t = prog.tiles[tile];
  samples.resize(t.cols);
  sampleTile(t, rows.data(), rows.size(), prog.image->seed, step, tile,
             prog.model, prog.plan.range[tile], scratch, samples.data());
  ReadCounts counts;
  countTileRead(t, rows.data(), rows.size(), prog.model, counts);
  conductance += counts.conductanceNs;
  rows.clear();
  return true;
}

bool AnalogArray::sample(uint32_t col, int64_t &value) const {
  if (col >= samples.size())
    return false;
  value = samples[col];
  return true;
}

void AnalogArray::clear() {
  for (std::vector<uint32_t> &rows : latched)
    rows.clear();
  samples.clear();
  conductance = 0;
}

} // namespace snnc::crossbar::rtl
