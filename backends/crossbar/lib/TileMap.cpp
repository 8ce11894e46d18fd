//===- TileMap.cpp - A network's projections as programmed tiles ----------===//

#include "snnc/crossbar/TileMap.h"

#include "snnc/crossbar/Conductance.h"
#include "snnc/image/Procedural.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace snnc::crossbar {
namespace {

/// One synapse of a projection, whatever its storage.
struct Entry {
  uint32_t pre, post, delay;
  float weight;
};

int16_t noQuantization(double, double) { return 0; }

std::vector<Entry> entriesOf(const image::Projection &p, uint32_t sources) {
  std::vector<Entry> out;
  if (p.isProcedural) {
    image::ProceduralRows rows(p.procedural.spec, 1.0, noQuantization);
    std::vector<image::ExpandedSynapse> row;
    for (uint32_t pre = 0; pre < sources; ++pre) {
      rows.expandRow(pre, row);
      for (const image::ExpandedSynapse &s : row)
        out.push_back({pre, s.target, p.procedural.delay, s.weight});
    }
    return out;
  }
  const image::StoredSynapses &s = p.stored;
  for (uint32_t pre = 0; pre < sources; ++pre)
    for (uint64_t k = s.rowPtr[pre]; k < s.rowPtr[pre + 1]; ++k)
      out.push_back({pre, s.target[k], s.delay[k], s.weight[k]});
  return out;
}

} // namespace

image::Expected<TileMap> mapTiles(const image::Image &image,
                                  const DeviceModel &model, uint64_t seed) {
  // Count first, so that a network too large is refused before any
  // conductance is allocated.
  std::vector<std::vector<Entry>> entries;
  std::vector<std::set<uint32_t>> delays(image.projections.size());
  uint64_t needed = 0;
  for (size_t p = 0; p < image.projections.size(); ++p) {
    const image::Projection &proj = image.projections[p];
    uint32_t rows = image::sourceSize(image, proj.source);
    uint32_t cols = image.populations[proj.target].size;
    entries.push_back(entriesOf(proj, rows));
    for (const Entry &e : entries.back())
      delays[p].insert(e.delay);
    needed += delays[p].size() *
              tilesNeeded(rows, cols, model.tileRows, model.tileCols);
  }
  if (needed > model.tilesPerChip)
    return image::ImageError{
        "", "the network needs " + std::to_string(needed) + " tiles of " +
                std::to_string(model.tileRows) + " x " +
                std::to_string(model.tileCols) + "; the chip has " +
                std::to_string(model.tilesPerChip) +
                " (tiles_per_chip; --target-config can change it)"};

  TileMap map;
  for (size_t p = 0; p < image.projections.size(); ++p) {
    const image::Projection &proj = image.projections[p];
    uint32_t rows = image::sourceSize(image, proj.source);
    uint32_t cols = image.populations[proj.target].size;
    double largest = 0;
    for (const Entry &e : entries[p])
      largest = std::max(largest, std::fabs(double(e.weight)));
    double scale = largest / (model.gMax - model.gMin);
    map.scale.push_back(scale);
    // Entries in tile order (delay, column block, row block), so that each
    // tile's synapses are one run.
    auto tileOf = [&](const Entry &e) {
      return std::make_tuple(e.delay, e.post / model.tileCols,
                             e.pre / model.tileRows);
    };
    std::vector<Entry> &sorted = entries[p];
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [&](const Entry &a, const Entry &b) { return tileOf(a) < tileOf(b); });
    auto next = sorted.begin();
    for (uint32_t delay : delays[p]) {
      for (const TileBlock &block :
           tileBlocks(rows, cols, model.tileRows, model.tileCols)) {
        XbarTile tile;
        tile.projection = uint32_t(p);
        tile.delay = delay;
        tile.block = block;
        size_t cells = size_t(block.rowCount) * block.colCount;
        std::vector<double> weight(cells, 0.0);
        auto here = std::make_tuple(delay, block.colFirst / model.tileCols,
                                    block.rowFirst / model.tileRows);
        for (; next != sorted.end() && tileOf(*next) == here; ++next)
          weight[size_t(next->pre - block.rowFirst) * block.colCount +
                 (next->post - block.colFirst)] += next->weight;
        tile.gPlus.resize(cells);
        tile.gMinus.resize(cells);
        for (size_t c = 0; c < cells; ++c) {
          ConductancePair target = targetPair(weight[c], scale, model);
          map.programmedCells +=
              (target.plus != model.gMin) + (target.minus != model.gMin);
          uint64_t pre = block.rowFirst + c / block.colCount;
          uint64_t post = block.colFirst + c % block.colCount;
          // Keyed by the cell's place in the projection, so that the tile
          // size does not change which noise a synapse gets.
          ConductancePair g =
              programmed(target, seed, (uint64_t(p) << 16) | delay,
                         (pre << 32) | post, model);
          tile.gPlus[c] = float(g.plus);
          tile.gMinus[c] = float(g.minus);
        }
        map.tiles.push_back(std::move(tile));
      }
    }
  }
  map.programPulses = map.programmedCells * model.writeVerifyPulses;
  return map;
}

} // namespace snnc::crossbar
