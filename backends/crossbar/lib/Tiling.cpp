//===- Tiling.cpp - Cutting a projection into crossbar tiles --------------===//

#include "snnc/crossbar/Tiling.h"

#include <algorithm>

namespace snnc::crossbar {

uint64_t tilesNeeded(uint64_t rows, uint64_t cols, uint32_t tileRows,
                     uint32_t tileCols) {
  if (!rows || !cols)
    return 0;
  return ((rows + tileRows - 1) / tileRows) *
         ((cols + tileCols - 1) / tileCols);
}

std::vector<TileBlock> tileBlocks(uint32_t rows, uint32_t cols,
                                  uint32_t tileRows, uint32_t tileCols) {
  std::vector<TileBlock> blocks;
  blocks.reserve(tilesNeeded(rows, cols, tileRows, tileCols));
  for (uint32_t c = 0; c < cols; c += std::min(tileCols, cols - c))
    for (uint32_t r = 0; r < rows; r += std::min(tileRows, rows - r))
      blocks.push_back(
          {r, std::min(tileRows, rows - r), c, std::min(tileCols, cols - c)});
  return blocks;
}

} // namespace snnc::crossbar
