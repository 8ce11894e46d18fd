//===- PlotMesh.h - Where pe-load.svg draws each chip and PE ----*- C++ -*-===//
//
// The PE-load heat map draws every PE where the mapper put it: chips at
// their board coordinates, PEs in their QPE on the chip's QPE grid. The
// layout is the machine layout the compiler resolved into the image from
// the topology it placed with, so the picture cannot disagree with the
// placement; a hand-made image without one falls back to chips and PEs in
// index order.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_PLOTMESH_H
#define SNNC_TOOLS_PLOTMESH_H

#include "snnc/image/Image.h"

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snnc::tools::plot {

/// Where chips and PEs sit, in grid units.
struct Machine {
  /// The QPE grid of a chip, and the PEs of a QPE as a sub-grid.
  uint32_t qpeCols = 1, qpeRows = 1, subCols = 1, subRows = 1;
  /// Per chip: its (column, row) on the board drawing, row 0 at the top.
  std::vector<std::pair<int32_t, int32_t>> chipAt;
  std::vector<std::string> chipLabel;
  /// Per local PE: its QPE's column and row in the drawing (row 0 at the
  /// top) and its index within the QPE.
  std::vector<std::array<uint32_t, 3>> peSpot;
  /// Per local PE on a mesh, its place in target coordinates:
  /// "QPE (x,y) core p"; empty in index order.
  std::vector<std::string> peName;
  /// True when the layout comes from the image's machine layout; otherwise
  /// `why` says why not.
  bool mesh = false;
  std::string why;
};

Machine describeMachine(const image::Image &image);

struct Box {
  double x = 0, y = 0, width = 0, height = 0;
};

/// The drawing: the chips in the bounding box of the used ones (all chips
/// when none is used), with PE cells as large as the width allows.
struct View {
  int32_t col0 = 0, row0 = 0, cols = 1, rows = 1;
  double cell = 6;
  /// Per chip: whether it is drawn, and its box.
  std::vector<bool> shown;
  std::vector<Box> chips;
  /// Top of the first row of chips (labels included); overall extent.
  double top = 0;
  double width = 0, height = 0;

  /// Top-left corner of the cell of local PE `local` of `chip`.
  std::pair<double, double> pe(const Machine &m, uint32_t chip,
                               uint32_t local) const;
};

/// Lays the view out from (left, top), `chipUsed` per chip.
View layOut(const Machine &m, const std::vector<bool> &chipUsed, double left,
            double top);

} // namespace snnc::tools::plot

#endif // SNNC_TOOLS_PLOTMESH_H
