//===- TilingTest.cpp - Tiles at exact multiples and off by one -----------===//

#include "snnc/crossbar/Tiling.h"

#include <gtest/gtest.h>

using namespace snnc::crossbar;

namespace {

TEST(CrossbarTiling, ExactMultiplesFillEveryTile) {
  std::vector<TileBlock> b = tileBlocks(512, 256, 256, 256);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0], (TileBlock{0, 256, 0, 256}));
  EXPECT_EQ(b[1], (TileBlock{256, 256, 0, 256}));
  EXPECT_EQ(tilesNeeded(512, 256, 256, 256), 2u);
}

TEST(CrossbarTiling, OneOverAMultipleNeedsAnotherBlock) {
  std::vector<TileBlock> b = tileBlocks(257, 513, 256, 256);
  EXPECT_EQ(tilesNeeded(257, 513, 256, 256), 6u);
  ASSERT_EQ(b.size(), 6u);
  // Column block major: both row blocks of columns [0, 256) first.
  EXPECT_EQ(b[0], (TileBlock{0, 256, 0, 256}));
  EXPECT_EQ(b[1], (TileBlock{256, 1, 0, 256}));
  EXPECT_EQ(b[5], (TileBlock{256, 1, 512, 1}));
}

TEST(CrossbarTiling, OneUnderAMultipleFitsAndCoversEveryCellOnce) {
  for (auto [rows, cols] : {std::pair<uint32_t, uint32_t>{255, 255},
                            {1, 1},
                            {300, 77},
                            {1024, 1023}}) {
    std::vector<TileBlock> b = tileBlocks(rows, cols, 256, 128);
    ASSERT_EQ(b.size(), tilesNeeded(rows, cols, 256, 128));
    uint64_t cells = 0;
    for (const TileBlock &t : b) {
      EXPECT_LE(t.rowCount, 256u);
      EXPECT_LE(t.colCount, 128u);
      EXPECT_LE(t.rowFirst + t.rowCount, rows);
      EXPECT_LE(t.colFirst + t.colCount, cols);
      cells += uint64_t(t.rowCount) * t.colCount;
    }
    EXPECT_EQ(cells, uint64_t(rows) * cols);
  }
  EXPECT_TRUE(tileBlocks(0, 5, 256, 256).empty());
  EXPECT_EQ(tilesNeeded(5, 0, 256, 256), 0u);
}

} // namespace
