//===- TileMapTest.cpp - Projections as programmed tiles ------------------===//

#include "snnc/crossbar/TileMap.h"

#include "snnc/crossbar/Conductance.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc;
using namespace snnc::crossbar;

namespace {

/// 300 inputs -> 10 neurons: input i drives neuron i % 10 with weight
/// (i % 7) - 3 after one step, and input 5 also drives neuron 0 after two.
image::Image network() {
  image::Image im;
  im.inputs.push_back({0, "in", {300}, 300, {}});
  image::Population pop;
  pop.name = "pop";
  pop.size = 10;
  pop.shape = {10};
  im.populations.push_back(pop);
  image::Projection p;
  p.source = {image::SourceKind::Input, 0};
  p.target = 0;
  p.stored.rowPtr.push_back(0);
  for (uint32_t i = 0; i < 300; ++i) {
    p.stored.target.push_back(i % 10);
    p.stored.weight.push_back(float(int(i % 7) - 3));
    p.stored.delay.push_back(1);
    if (i == 5) {
      p.stored.target.push_back(0);
      p.stored.weight.push_back(2.0f);
      p.stored.delay.push_back(2);
    }
    p.stored.rowPtr.push_back(p.stored.target.size());
  }
  p.maxDelay = 2;
  im.projections.push_back(p);
  return im;
}

TEST(CrossbarTileMap, OneSetOfTilesPerDelayAndWeightsWithinHalfALevel) {
  DeviceModel m;
  m.sigmaProgram = 0;
  image::Expected<TileMap> map = mapTiles(network(), m, 1);
  ASSERT_TRUE(map.ok()) << map.error().message();
  // 300 rows: two row blocks (256 + 44), one column block, two delays.
  ASSERT_EQ(map->tiles.size(), 4u);
  EXPECT_EQ(map->tiles[0].delay, 1u);
  EXPECT_EQ(map->tiles[1].block, (TileBlock{256, 44, 0, 10}));
  EXPECT_EQ(map->tiles[2].delay, 2u);
  double scale = map->scale[0];
  EXPECT_DOUBLE_EQ(scale, 3.0 / (m.gMax - m.gMin));
  const XbarTile &t = map->tiles[0];
  for (uint32_t pre = 0; pre < 256; ++pre)
    for (uint32_t post = 0; post < 10; ++post) {
      size_t c = size_t(pre) * 10 + post;
      double got = (double(t.gPlus[c]) - double(t.gMinus[c])) * scale;
      double want = post == pre % 10 ? double(int(pre % 7) - 3) : 0.0;
      EXPECT_NEAR(got, want, 0.5 * m.levelStep() * scale + 1e-6)
          << pre << " -> " << post;
    }
  // The delayed synapse sits alone in its tile: row 5, column 0.
  const XbarTile &d = map->tiles[2];
  EXPECT_NEAR((double(d.gPlus[50]) - double(d.gMinus[50])) * scale, 2.0,
              0.5 * m.levelStep() * scale + 1e-6);
  EXPECT_FLOAT_EQ(d.gPlus[51], float(m.gMin));
  // Every nonzero weight programs one device away from g_min.
  EXPECT_GT(map->programmedCells, 0u);
  EXPECT_EQ(map->programPulses, map->programmedCells * m.writeVerifyPulses);
}

TEST(CrossbarTileMap, NoiseDependsOnTheSeedNotOnTheTileSize) {
  DeviceModel big;
  DeviceModel small;
  small.tileRows = 64;
  small.tileCols = 8;
  image::Expected<TileMap> a = mapTiles(network(), big, 5);
  image::Expected<TileMap> b = mapTiles(network(), small, 5);
  ASSERT_TRUE(a.ok() && b.ok());
  // Cell (pre 70, post 3) of delay 1 in both tilings.
  float ga = a->tiles[0].gPlus[70 * 10 + 3];
  const XbarTile &tb = b->tiles[1]; // rows 64..127 of columns 0..7
  ASSERT_EQ(tb.block, (TileBlock{64, 64, 0, 8}));
  EXPECT_EQ(tb.gPlus[(70 - 64) * 8 + 3], ga);
  image::Expected<TileMap> c = mapTiles(network(), big, 6);
  EXPECT_NE(c->tiles[0].gPlus[70 * 10 + 3], ga);
}

TEST(CrossbarTileMap, RefusesANetworkLargerThanTheChip) {
  DeviceModel m;
  m.tileRows = 16;
  m.tileCols = 16;
  m.tilesPerChip = 8;
  image::Expected<TileMap> map = mapTiles(network(), m, 1);
  ASSERT_FALSE(map.ok());
  // 300 rows / 16 = 19 row blocks, one column block, two delays.
  EXPECT_NE(map.error().message().find(
                "the network needs 38 tiles of 16 x 16; the chip has 8"),
            std::string::npos)
      << map.error().message();
}

/// A reservoir of `size` neurons, p = 0.2, weights 1 (E) and 2 (I).
image::Image reservoir(uint32_t size) {
  image::Image im;
  image::Population pop;
  pop.name = "res";
  pop.size = size;
  im.populations.push_back(pop);
  image::Projection p;
  p.source = {image::SourceKind::Population, 0};
  p.target = 0;
  p.isProcedural = true;
  p.procedural.spec.size = size;
  p.procedural.spec.rule.p = 0.2;
  using W = snn::reservoir::WeightDist;
  p.procedural.spec.weights = {
      W{W::Kind::Constant, 1.0, 0}, W{W::Kind::Constant, 1.0, 0},
      W{W::Kind::Constant, 2.0, 0}, W{W::Kind::Constant, 2.0, 0}};
  p.procedural.spec.seed = 3;
  im.projections.push_back(p);
  return im;
}

TEST(CrossbarTileMap, FormedReservoirsProgramNothingAndFollowTheSpread) {
  DeviceModel m;
  m.formedReservoir = true;
  image::Expected<TileMap> map = mapTiles(reservoir(200), m, 4);
  ASSERT_TRUE(map.ok()) << map.error().message();
  EXPECT_EQ(map->programmedCells, 0u);
  EXPECT_EQ(map->programPulses, 0u);
  ASSERT_GT(map->formedCells, 6000u); // about 0.2 x 200 x 199
  EXPECT_LT(map->formedCells, 9900u);
  EXPECT_EQ(map->savedPulses, map->formedCells * m.writeVerifyPulses);
  double sum = 0, squares = 0;
  size_t formed = 0;
  for (size_t c = 0; c < map->tiles[0].gPlus.size(); ++c) {
    double d = double(map->tiles[0].gPlus[c]) - map->tiles[0].gMinus[c];
    bool reset = map->tiles[0].gPlus[c] == float(m.gMin) &&
                 map->tiles[0].gMinus[c] == float(m.gMin);
    if (reset)
      continue;
    ++formed;
    sum += d;
    squares += d * d;
  }
  EXPECT_EQ(formed, map->formedCells);
  double mean = sum / formed, sd = std::sqrt(squares / formed - mean * mean);
  EXPECT_NEAR(mean, 0.0, 5 * m.formedSigma / std::sqrt(double(formed)));
  // Clamping at g_max trims the far tails a little (3.6 sigma).
  EXPECT_NEAR(sd, m.formedSigma, 0.04 * m.formedSigma);
  // The scale gives the formed weights the RMS of the reservoir's laws.
  double rmsWeight = sd * map->scale[0];
  EXPECT_GT(rmsWeight, 1.0);
  EXPECT_LT(rmsWeight, 2.0);
}

TEST(CrossbarTileMap, ExpandsProceduralReservoirs) {
  image::Image im = reservoir(40);
  DeviceModel m;
  m.sigmaProgram = 0;
  image::Expected<TileMap> map = mapTiles(im, m, 1);
  ASSERT_TRUE(map.ok()) << map.error().message();
  ASSERT_EQ(map->tiles.size(), 1u);
  size_t nonzero = 0, negative = 0;
  for (size_t c = 0; c < 1600; ++c) {
    double diff = double(map->tiles[0].gPlus[c]) - map->tiles[0].gMinus[c];
    nonzero += diff != 0;
    negative += diff < 0;
  }
  EXPECT_GT(nonzero, 200u); // about 0.2 x 40 x 39
  EXPECT_LT(nonzero, 420u);
  EXPECT_GT(negative, 0u); // inhibitory rows
}

} // namespace

TEST(CrossbarTileMap, EachTileTakesTheFullScaleOfItsLargestColumn) {
  DeviceModel m;
  image::Expected<TileMap> map = mapTiles(network(), m, 1);
  ASSERT_TRUE(map.ok()) << map.error().message();
  // Delay 1: column 0 of rows 0..255 sums |w| = 45 = 15 full weights, 16
  // as a power of two; rows 256..299 reach 9 = 3, so 4. Delay 2: one
  // synapse of 2/3, so 1.
  EXPECT_EQ(map->tiles[0].fullScaleRows, 16u);
  EXPECT_EQ(map->tiles[1].fullScaleRows, 4u);
  EXPECT_EQ(map->tiles[2].fullScaleRows, 1u);
  // The model's adc_full_scale_rows caps it.
  m.adcFullScaleRows = 8;
  image::Expected<TileMap> capped = mapTiles(network(), m, 1);
  ASSERT_TRUE(capped.ok());
  EXPECT_EQ(capped->tiles[0].fullScaleRows, 8u);
  EXPECT_EQ(capped->tiles[1].fullScaleRows, 4u);
}
