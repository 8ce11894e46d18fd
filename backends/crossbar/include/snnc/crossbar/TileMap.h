//===- TileMap.h - A network's projections as programmed tiles --*- C++ -*-===//
//
// The crossbar's lowering of synapses (docs/crossbar.md, "Tiles"): every
// projection of an image, stored or procedural, becomes dense weight
// blocks, one set per distinct synaptic delay (a tile's rows are read in
// the step their spikes arrive, so one tile holds one delay), cut into
// tiles (Tiling.h), mapped to conductance pairs with the projection's scale
// and programmed with noise (Conductance.h). Every cell of a used tile is
// programmed, zero weights to g_min, so an unused cell still leaks its
// noise into reads, as on a chip. With formed reservoirs, a procedural
// projection is not programmed: each connected cell's G+ - G- is drawn from
// the formed distribution (keyed by the cell), unconnected cells stay reset
// at g_min, and the projection's scale gives the weights the RMS of the
// reservoir's own weight laws.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_TILEMAP_H
#define SNNC_CROSSBAR_TILEMAP_H

#include "snnc/crossbar/DeviceModel.h"
#include "snnc/crossbar/Tiling.h"
#include "snnc/image/Image.h"

#include <cstdint>
#include <vector>

namespace snnc::crossbar {

struct XbarTile {
  uint32_t projection = 0;
  /// Steps from a row's spike to the read (>= 1).
  uint32_t delay = 1;
  /// Rows: source elements; columns: target neurons.
  TileBlock block;
  /// The ADC's full scale in rows of full weight (g_max - g_min): the
  /// largest column's sum of |G+ - G-| over all its rows as targeted (before
  /// noise), rounded up to a power of two and at most the model's
  /// adc_full_scale_rows. A column cannot leave the range unless noise
  /// pushes it, sparse tiles keep their resolution, and the code weights of
  /// one projection's tiles stay powers of two apart (exact multipliers).
  uint32_t fullScaleRows = 1;
  /// Programmed conductances in siemens, row-major rowCount x colCount
  /// (empty for a digital tile).
  std::vector<float> gPlus, gMinus;
  /// A digital tile (DeviceModel::digitalReadout): a block of a readout
  /// projection held in the periphery's weight memory as int16, row-major,
  /// in units of TileMap::scale[projection]; no array, no ADC, no noise
  /// (docs/crossbar.md, "Digital readouts"). fullScaleRows is then 0.
  bool digital = false;
  std::vector<int16_t> weights;
};

struct TileMap {
  /// Per image projection: weight units per siemens of difference, or per
  /// int16 step for a projection on digital tiles.
  std::vector<double> scale;
  std::vector<XbarTile> tiles;
  /// Cells programmed away from g_min (write-verify targets), over all
  /// tiles, and the pulses that takes at the model's bound.
  uint64_t programmedCells = 0;
  uint64_t programPulses = 0;
  /// Formed reservoirs (DeviceModel::formedReservoir): connected cells
  /// whose weight the forming gave, and the pulses that programming the
  /// same connections would have taken.
  uint64_t formedCells = 0;
  uint64_t savedPulses = 0;

  /// Tiles on the arrays (those tiles_per_chip bounds) and digital ones.
  uint32_t arrayTiles() const;
  uint32_t digitalTiles() const {
    return uint32_t(tiles.size()) - arrayTiles();
  }
};

/// Largest int16 weight of a digital tile: weights map to
/// round(w / scale) with scale = max |w| / kDigitalWeightMax.
inline constexpr int32_t kDigitalWeightMax = 32767;

/// Lowers the projections of `image` (its core sections complete) to
/// tiles. Fails, naming the counts, when they need more tiles than the chip
/// has.
image::Expected<TileMap> mapTiles(const image::Image &image,
                                  const DeviceModel &model, uint64_t seed);

/// The real weights each tile of `map` stands for, dense and row-major like
/// its conductances (0 where there is no synapse): what the float engine
/// integrates, and what the programmed pairs are measured against.
std::vector<std::vector<float>> exactTileWeights(const image::Image &image,
                                                 const TileMap &map);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_TILEMAP_H
