//===- WeightError.cpp - How far programmed tiles are from the weights ----===//

#include "WeightError.h"

#include "snnc/image/Procedural.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace snnc::crossbar {
namespace {} // namespace

WeightError measureWeightError(const image::Image &image, const TileMap &map,
                               const DeviceModel &model) {
  WeightError out;
  size_t projections = image.projections.size();
  out.rms.assign(projections, 0);
  out.max.assign(projections, 0);
  out.weightedCells.assign(map.tiles.size(), 0);
  // Tiles of one projection and delay are consecutive, their blocks in
  // column block major order (Tiling.h): the tile of a synapse follows
  // from its delay's first tile and its block coordinates.
  std::vector<std::map<uint32_t, size_t>> firstTile(projections);
  for (size_t t = 0; t < map.tiles.size(); ++t)
    firstTile[map.tiles[t].projection].emplace(map.tiles[t].delay, t);
  for (size_t p = 0; p < projections; ++p) {
    const image::Projection &proj = image.projections[p];
    uint32_t rows = image::sourceSize(image, proj.source);
    uint32_t rowBlocks = (rows + model.tileRows - 1) / model.tileRows;
    // The summed weight of every cell holding a synapse, per tile of the
    // projection (mapTiles makes them consecutive).
    std::map<size_t, std::vector<double>> weight;
    std::map<size_t, std::vector<bool>> held;
    for (const auto &[delay, first] : firstTile[p])
      for (size_t t = first;
           t < map.tiles.size() && map.tiles[t].projection == p &&
           map.tiles[t].delay == delay;
           ++t) {
        size_t n =
            size_t(map.tiles[t].block.rowCount) * map.tiles[t].block.colCount;
        weight[t].assign(n, 0.0);
        held[t].assign(n, false);
      }
    image::forEachSynapse(
        proj, rows, [&](uint32_t pre, uint32_t post, uint32_t delay, double w) {
          auto first = firstTile[p].find(delay);
          if (first == firstTile[p].end())
            return;
          size_t t = first->second + size_t(post / model.tileCols) * rowBlocks +
                     pre / model.tileRows;
          const TileBlock &b = map.tiles[t].block;
          uint64_t cell =
              uint64_t(pre - b.rowFirst) * b.colCount + (post - b.colFirst);
          weight[t][cell] += w;
          held[t][cell] = true;
        });
    double squares = 0;
    uint64_t count = 0;
    for (auto &[t, weights] : weight) {
      const XbarTile &tile = map.tiles[t];
      for (size_t cell = 0; cell < weights.size(); ++cell) {
        if (!held[t][cell])
          continue;
        double w = weights[cell];
        double stored =
            tile.digital
                ? double(tile.weights[cell]) * map.scale[p]
                : (double(tile.gPlus[cell]) - double(tile.gMinus[cell])) *
                      map.scale[p];
        double e = std::fabs(w - stored);
        squares += e * e;
        out.max[p] = std::max(out.max[p], e);
        ++count;
        if (w != 0)
          out.weightedCells[t] += 1;
      }
    }
    out.rms[p] = count ? std::sqrt(squares / double(count)) : 0;
  }
  return out;
}

} // namespace snnc::crossbar
