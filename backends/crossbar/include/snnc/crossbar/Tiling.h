//===- Tiling.h - Cutting a projection into crossbar tiles ------*- C++ -*-===//
//
// A projection's weight matrix (rows = presynaptic elements, columns =
// postsynaptic neurons) is cut into row blocks x column blocks of at most
// tile_rows x tile_cols. Each block is one tile; the partial sums of the
// row blocks of one column block are added digitally.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_TILING_H
#define SNNC_CROSSBAR_TILING_H

#include <cstdint>
#include <vector>

namespace snnc::crossbar {

struct TileBlock {
  uint32_t rowFirst = 0;
  uint32_t rowCount = 0;
  uint32_t colFirst = 0;
  uint32_t colCount = 0;

  bool operator==(const TileBlock &o) const {
    return rowFirst == o.rowFirst && rowCount == o.rowCount &&
           colFirst == o.colFirst && colCount == o.colCount;
  }
};

/// ceil(rows / tileRows) x ceil(cols / tileCols), 0 for an empty matrix.
uint64_t tilesNeeded(uint64_t rows, uint64_t cols, uint32_t tileRows,
                     uint32_t tileCols);

/// The blocks, column block major (all row blocks of columns [0, tileCols)
/// first), so that one column block's partial sums are adjacent. The last
/// block of each direction holds the remainder.
std::vector<TileBlock> tileBlocks(uint32_t rows, uint32_t cols,
                                  uint32_t tileRows, uint32_t tileCols);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_TILING_H
