//===- ChipProgram.h - A crossbar image as its engines run it ---*- C++ -*-===//
//
// What every crossbar engine (ref, float, rtl) derives once from an image:
// the device model it was compiled for, the tiles laid out for reads, the
// periphery's integers (Periphery.h), which tiles each source's spikes
// drive, the delay rings, the mesh traffic of every source element (the
// packets and XY-multicast hops its spikes cost) and the tile node that
// does the work of each tile. Deriving it in one place is what lets the
// engines agree on every counter.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CHIPPROGRAM_H
#define SNNC_CROSSBAR_CHIPPROGRAM_H

#include "snnc/crossbar/Periphery.h"
#include "snnc/crossbar/TileRead.h"

#include "snnc/image/ImageError.h"

#include <cstdint>
#include <vector>

namespace snnc::crossbar {

/// A tile as its source's spikes reach it.
struct TileUse {
  uint32_t tile = 0;
  uint32_t rowFirst = 0;
  uint32_t rowCount = 0;
  uint32_t target = 0;
  uint32_t colFirst = 0;
  uint32_t delay = 1;
  int64_t multiplier = 0;
};

struct ChipProgram {
  const image::Image *image = nullptr;
  DeviceModel model;
  const TileMap *map = nullptr;
  std::vector<ReadyTile> tiles;
  PeripheryPlan plan;
  uint32_t numInputs = 0;
  /// Per source (input i, then numInputs + population p): the tiles its
  /// spikes drive, in tile order.
  std::vector<std::vector<TileUse>> uses;
  /// Per population: ring slots - 1 (a power of two above its largest
  /// incoming delay, minus one).
  std::vector<uint32_t> ringMask;
  /// Per source and element: 1 when its spike is a packet (it reaches a
  /// tile on another node), and the mesh links of its multicast tree.
  std::vector<std::vector<uint8_t>> sent;
  std::vector<std::vector<uint32_t>> hops;
  bool hopsModelled = false;
  /// Global slice (image::listSlices) each tile's periphery belongs to
  /// (the slice holding its first column), and the global slices' PEs.
  std::vector<uint32_t> unitOfTile;
  std::vector<uint32_t> unitPe;
  /// Per global slice: its neurons (0 for input slices).
  std::vector<uint32_t> unitNeurons;
  /// Cycles of one tile read: settling the read pulse, then each ADC's
  /// columns converted one bit per cycle.
  uint32_t readCycles = 0;
};

/// Derives the program of a crossbar image (its crossbar.tiles section
/// present); fails naming what is inconsistent.
image::Expected<ChipProgram> loadChipProgram(const image::Image &image);

/// The elements of `spikes` (sorted, unique) inside [first, first + count),
/// as local row indices, into `rows`.
void activeRows(const std::vector<uint32_t> &spikes, uint32_t first,
                uint32_t count, std::vector<uint32_t> &rows);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CHIPPROGRAM_H
