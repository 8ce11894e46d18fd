//===- WeightError.h - Programmed tiles against the weights -----*- C++ -*-===//
//
// A cell holds the sum of its synapses' weights w (one delay, one pre, one
// post); it represents (G+ - G-) x scale. The error of a projection is
// |w - (G+ - G-) scale| over the cells that hold a synapse: the level
// rounding, the clipping and the programming noise together.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CODEGEN_WEIGHTERROR_H
#define SNNC_CROSSBAR_CODEGEN_WEIGHTERROR_H

#include "snnc/crossbar/TileMap.h"
#include "snnc/image/Image.h"

#include <cstdint>
#include <vector>

namespace snnc::crossbar {

struct WeightError {
  /// Per image projection, absolute, in weight units.
  std::vector<double> rms, max;
  /// Per tile of the map: cells whose weight is not zero.
  std::vector<uint64_t> weightedCells;
};

/// Measures `map`, made by mapTiles from `image`.
WeightError measureWeightError(const image::Image &image, const TileMap &map,
                               const DeviceModel &model);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CODEGEN_WEIGHTERROR_H
