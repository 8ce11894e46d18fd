//===- TileReadTest.cpp - One tile read: sums, noise, ADC and counts ------===//

#include "snnc/crossbar/TileRead.h"

#include "Models.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc::crossbar;

namespace {

/// A 4 x 3 tile whose cell (r, c) holds weight level r + c on G+ (G- at
/// g_min), or all cells at g_min with `zero`.
XbarTile tile(const DeviceModel &m, bool zero = false) {
  XbarTile t;
  t.block = {0, 4, 0, 3};
  for (uint32_t r = 0; r < 4; ++r)
    for (uint32_t c = 0; c < 3; ++c) {
      t.gPlus.push_back(float(m.gMin + (zero ? 0 : r + c) * m.levelStep()));
      t.gMinus.push_back(float(m.gMin));
    }
  return t;
}

using test::noiseless;

TEST(CrossbarTileRead, ASingleRowReadsItsOwnCells) {
  DeviceModel m = noiseless();
  m.adcBits = 16; // fine enough to see each level
  XbarTile t = tile(m);
  ReadyTile ready = prepareTile(t);
  AdcRange range = adcRange(m);
  ReadScratch scratch;
  ReadCounts counts;
  int32_t codes[3];
  uint32_t row = 2;
  readTile(ready, &row, 1, 1, 0, 0, m, range, scratch, codes, counts);
  for (uint32_t c = 0; c < 3; ++c) {
    double want =
        m.readVoltage * (double(t.gPlus[2 * 3 + c]) - t.gMinus[2 * 3 + c]);
    EXPECT_EQ(codes[c], convert(want, range).code) << c;
  }
  EXPECT_GT(codes[2], codes[0]);
  EXPECT_EQ(counts.rowDrives, 1u);
  EXPECT_EQ(counts.cellReads, 3u);
  EXPECT_EQ(counts.conversions, 3u);
  double g = 0;
  for (uint32_t c = 0; c < 3; ++c)
    g += double(t.gPlus[6 + c]) + t.gMinus[6 + c];
  EXPECT_NEAR(counts.cellJoules, 0.04 * 10e-9 * g, 1e-25);
  EXPECT_EQ(counts.conductanceNs, uint64_t(std::llround(g * 1e9)));
}

TEST(CrossbarTileRead, ZeroWeightsReadZeroAndAllRowsSaturate) {
  DeviceModel m = noiseless();
  AdcRange range = adcRange(m);
  ReadScratch scratch;
  int32_t codes[3];
  uint32_t all[4] = {0, 1, 2, 3};
  ReadCounts zeroCounts;
  readTile(prepareTile(tile(m, true)), all, 4, 1, 0, 0, m, range, scratch,
           codes, zeroCounts);
  EXPECT_EQ(codes[0], 0);
  EXPECT_EQ(codes[2], 0);
  EXPECT_EQ(zeroCounts.saturations, 0u);
  // Column 2 sums levels 2 + 3 + 4 + 5 = 14; a 3-bit ADC whose full scale
  // is one full row (15 levels over 4 codes) reads that as 3.73 codes,
  // beyond its top code 3; column 0 (6 levels, 1.6 codes) stays in range.
  m.adcFullScaleRows = 1;
  m.adcBits = 3;
  range = adcRange(m);
  ReadCounts counts;
  readTile(prepareTile(tile(m)), all, 4, 1, 0, 0, m, range, scratch, codes,
           counts);
  EXPECT_EQ(codes[2], range.maxCode);
  EXPECT_EQ(codes[0], 2);
  EXPECT_EQ(counts.saturations, 1u); // column 1 (10 levels) reads 2.67: 3
  EXPECT_EQ(counts.rowDrives, 4u);
}

TEST(CrossbarTileRead, ReadNoiseIsKeyedByStepTileAndColumn) {
  DeviceModel m;
  m.sigmaProgram = 0;
  m.sigmaReadFraction = 0.05;
  m.adcBits = 16;
  AdcRange range = adcRange(m);
  ReadyTile ready = prepareTile(tile(m));
  ReadScratch scratch;
  ReadCounts counts;
  uint32_t rows[2] = {1, 3};
  int32_t a[3], b[3], c[3];
  readTile(ready, rows, 2, 7, 5, 9, m, range, scratch, a, counts);
  readTile(ready, rows, 2, 7, 5, 9, m, range, scratch, b, counts);
  readTile(ready, rows, 2, 7, 6, 9, m, range, scratch, c, counts);
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(a[2], b[2]);
  EXPECT_TRUE(a[0] != c[0] || a[1] != c[1] || a[2] != c[2]);
}

} // namespace
