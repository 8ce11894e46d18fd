//===- TileMap.cpp - A network's projections as programmed tiles ----------===//

#include "snnc/crossbar/TileMap.h"

#include "snnc/Support/CounterRng.h"
#include "snnc/crossbar/Conductance.h"
#include "snnc/image/Procedural.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace snnc::crossbar {
namespace {
using snn::reservoir::detail::CounterRng;
using snn::reservoir::detail::Ziggurat;

/// "formed": the stream of formed conductances.
constexpr uint64_t kFormedStream = 0x666f726d6564ULL;

/// The pair of a formed cell: the difference drawn, split onto the device of
/// its sign, both within [g_min, g_max].
ConductancePair formedPair(uint64_t seed, uint64_t projection, uint64_t cell,
                           const DeviceModel &model) {
  CounterRng rng(seed, kFormedStream ^ (projection * 0x9E3779B97F4A7C15ULL),
                 cell);
  double d = model.formedMean + model.formedSigma * Ziggurat::get()(rng);
  double g = std::min(model.gMax, model.gMin + std::fabs(d));
  return d >= 0 ? ConductancePair{g, model.gMin}
                : ConductancePair{model.gMin, g};
}

/// One synapse of a projection, whatever its storage.
struct Entry {
  uint32_t pre, post, delay;
  float weight;
};

/// XbarTile::fullScaleRows from the columns' targeted |G+ - G-| sums.
uint32_t fullScaleRows(const std::vector<double> &columnSum,
                       const DeviceModel &model) {
  double most = 0;
  for (double s : columnSum)
    most = std::max(most, s);
  // A hair of slack, so that a sum of exactly k full rows stays k rows.
  double rows = std::ceil(most / (model.gMax - model.gMin) - 1e-9);
  // Powers of two, so that the code weights of one projection's tiles are
  // powers of two apart and their periphery multipliers exact.
  uint32_t scale = 1;
  while (scale < rows && scale < model.adcFullScaleRows)
    scale <<= 1;
  return std::min(scale, model.adcFullScaleRows);
}

/// A projection into a readout, with digital readouts on.
bool digitalProjection(const image::Image &image, const image::Projection &p,
                       const DeviceModel &model) {
  return model.digitalReadout && !image.populations[p.target].spiking;
}

/// round(w / scale), half away from zero, within +-kDigitalWeightMax.
int16_t digitalWeight(double w, double scale) {
  if (!(scale > 0))
    return 0;
  double k = std::round(w / scale);
  k = std::clamp(k, -double(kDigitalWeightMax), double(kDigitalWeightMax));
  return int16_t(k);
}

std::vector<Entry> entriesOf(const image::Projection &p, uint32_t sources) {
  std::vector<Entry> out;
  image::forEachSynapse(
      p, sources, [&](uint32_t pre, uint32_t post, uint16_t delay, float w) {
        out.push_back({pre, post, delay, w});
      });
  return out;
}

} // namespace

uint32_t TileMap::arrayTiles() const {
  uint32_t n = 0;
  for (const XbarTile &t : tiles)
    n += !t.digital;
  return n;
}

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
    if (!digitalProjection(image, proj, model))
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
    bool digital = digitalProjection(image, proj, model);
    bool formed = !digital && model.formedReservoir && proj.isProcedural;
    double largest = 0, squares = 0;
    for (const Entry &e : entries[p]) {
      largest = std::max(largest, std::fabs(double(e.weight)));
      squares += double(e.weight) * double(e.weight);
    }
    double scale = digital ? largest / kDigitalWeightMax
                           : largest / (model.gMax - model.gMin);
    if (formed) {
      double spread = std::sqrt(model.formedMean * model.formedMean +
                                model.formedSigma * model.formedSigma);
      double rms =
          entries[p].empty() ? 0 : std::sqrt(squares / entries[p].size());
      scale = spread > 0 ? rms / spread : 0;
    }
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
        std::vector<bool> connected(formed ? cells : 0, false);
        auto here = std::make_tuple(delay, block.colFirst / model.tileCols,
                                    block.rowFirst / model.tileRows);
        for (; next != sorted.end() && tileOf(*next) == here; ++next) {
          size_t cell = size_t(next->pre - block.rowFirst) * block.colCount +
                        (next->post - block.colFirst);
          weight[cell] += next->weight;
          if (formed)
            connected[cell] = true;
        }
        if (digital) {
          tile.digital = true;
          tile.fullScaleRows = 0;
          tile.weights.resize(cells);
          for (size_t c = 0; c < cells; ++c)
            tile.weights[c] = digitalWeight(weight[c], scale);
          map.tiles.push_back(std::move(tile));
          continue;
        }
        tile.gPlus.resize(cells);
        tile.gMinus.resize(cells);
        // Per column, the targeted |G+ - G-| summed over the rows.
        std::vector<double> columnSum(block.colCount, 0.0);
        for (size_t c = 0; c < cells; ++c) {
          uint64_t pre = block.rowFirst + c / block.colCount;
          uint64_t post = block.colFirst + c % block.colCount;
          if (formed) {
            ConductancePair g{model.gMin, model.gMin};
            if (connected[c]) {
              g = formedPair(seed, (uint64_t(p) << 16) | delay,
                             (pre << 32) | post, model);
              map.formedCells += 1;
              map.savedPulses += model.writeVerifyPulses;
            }
            tile.gPlus[c] = float(g.plus);
            tile.gMinus[c] = float(g.minus);
            columnSum[c % block.colCount] += std::fabs(g.plus - g.minus);
            continue;
          }
          ConductancePair target = targetPair(weight[c], scale, model);
          columnSum[c % block.colCount] +=
              std::fabs(target.plus - target.minus);
          map.programmedCells +=
              (target.plus != model.gMin) + (target.minus != model.gMin);
          // Keyed by the cell's place in the projection, so that the tile
          // size does not change which noise a synapse gets.
          ConductancePair g =
              programmed(target, seed, (uint64_t(p) << 16) | delay,
                         (pre << 32) | post, model);
          tile.gPlus[c] = float(g.plus);
          tile.gMinus[c] = float(g.minus);
        }
        tile.fullScaleRows = fullScaleRows(columnSum, model);
        map.tiles.push_back(std::move(tile));
      }
    }
  }
  map.programPulses = map.programmedCells * model.writeVerifyPulses;
  return map;
}

std::vector<std::vector<float>> exactTileWeights(const image::Image &image,
                                                 const TileMap &map) {
  std::vector<std::vector<float>> out(map.tiles.size());
  // Tiles of one projection, so that each projection is expanded once.
  std::vector<std::vector<uint32_t>> tilesOf(image.projections.size());
  for (uint32_t k = 0; k < map.tiles.size(); ++k) {
    const XbarTile &t = map.tiles[k];
    out[k].assign(size_t(t.block.rowCount) * t.block.colCount, 0.0f);
    tilesOf[t.projection].push_back(k);
  }
  for (size_t p = 0; p < image.projections.size(); ++p) {
    if (tilesOf[p].empty())
      continue;
    const image::Projection &proj = image.projections[p];
    for (const Entry &e :
         entriesOf(proj, image::sourceSize(image, proj.source)))
      for (uint32_t k : tilesOf[p]) {
        const XbarTile &t = map.tiles[k];
        const TileBlock &b = t.block;
        if (t.delay == e.delay && e.pre >= b.rowFirst &&
            e.pre < b.rowFirst + b.rowCount && e.post >= b.colFirst &&
            e.post < b.colFirst + b.colCount)
          out[k][size_t(e.pre - b.rowFirst) * b.colCount +
                 (e.post - b.colFirst)] += e.weight;
      }
  }
  return out;
}

} // namespace snnc::crossbar
