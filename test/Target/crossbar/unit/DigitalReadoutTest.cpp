//===- DigitalReadoutTest.cpp - Readouts in the periphery's memory --------===//

#include "snnc/crossbar/ChipProgram.h"
#include "snnc/crossbar/Counters.h"
#include "snnc/crossbar/Engines.h"
#include "snnc/crossbar/ImageSections.h"

#include "snnc/image/ImageReader.h"
#include "snnc/image/ImageWriter.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace snnc;
using namespace snnc::crossbar;

namespace {

/// Input i's weight onto readout j: signed, varied, largest 2.5.
float weightOf(uint32_t i, uint32_t j) {
  return float(int((i * 7 + j * 3) % 11) - 5) / 2;
}

/// 40 inputs -> 3 leaky-integrator readouts, stored synapses (every pair),
/// one slice each on a 16 x 16-tile chip of `tiles` tiles.
image::Image readoutImage(const DeviceModel &model) {
  image::Image im;
  im.network = "net";
  im.targetName = kTargetName;
  nlohmann::json json = nlohmann::json::parse(defaultTargetModelText());
  json["tile_rows"]["value"] = model.tileRows;
  json["tile_cols"]["value"] = model.tileCols;
  json["tiles_per_chip"]["value"] = model.tilesPerChip;
  json["mesh_cols"]["value"] = model.meshCols;
  json["digital_readout"]["value"] = model.digitalReadout ? 1 : 0;
  im.targetModel = json;
  im.seed = 3;
  im.inputs.push_back({0, "in", {40}, 40, {{0, 40, 0}}});
  image::Population out;
  out.name = "out";
  out.model = image::NeuronModel::Li;
  out.spiking = false;
  out.size = 3;
  out.shape = {3};
  out.floatParams.assign(3, image::FloatNeuron{0.8, 0.2, 0, 0, 0});
  out.slices = {{0, 3, 1}};
  im.populations.push_back(out);
  image::Projection p;
  p.name = "in->out";
  p.source = {image::SourceKind::Input, 0};
  p.target = 0;
  p.stored.rowPtr.push_back(0);
  for (uint32_t i = 0; i < 40; ++i) {
    for (uint32_t j = 0; j < 3; ++j) {
      p.stored.target.push_back(j);
      p.stored.weight.push_back(weightOf(i, j));
      p.stored.delay.push_back(1);
    }
    p.stored.rowPtr.push_back(p.stored.target.size());
  }
  im.projections.push_back(p);
  im.outputs.push_back({0, 0, image::OutputKind::Current});
  im.placement = {1, 2, {0, 1}};
  im.layout = image::rowLayout(1, 2);
  return im;
}

DeviceModel smallTiles(bool digital, uint32_t tiles) {
  DeviceModel m;
  m.tileRows = 16;
  m.tileCols = 16;
  m.tilesPerChip = tiles;
  m.meshCols = 1;
  m.digitalReadout = digital;
  return m;
}

image::Image mapped(const DeviceModel &model) {
  image::Image im = readoutImage(model);
  image::Expected<TileMap> map = mapTiles(im, model, 3);
  EXPECT_TRUE(map.ok()) << map.error().message();
  im.sections.emplace<TileSection>(kTilesSection).map = std::move(*map);
  return im;
}

TEST(CrossbarDigitalReadout, ReadoutsAreInt16BlocksOffTheArrays) {
  // Three row blocks of 16, 16 and 8 rows; one array tile on the chip is
  // enough, as the readout takes none.
  DeviceModel model = smallTiles(true, 1);
  image::Image im = mapped(model);
  const TileMap &map = im.sections.get<TileSection>(kTilesSection)->map;
  ASSERT_EQ(map.tiles.size(), 3u);
  EXPECT_EQ(map.arrayTiles(), 0u);
  EXPECT_EQ(map.digitalTiles(), 3u);
  EXPECT_EQ(map.programmedCells, 0u);
  EXPECT_DOUBLE_EQ(map.scale[0], 2.5 / 32767);
  for (const XbarTile &t : map.tiles) {
    EXPECT_TRUE(t.digital);
    EXPECT_TRUE(t.gPlus.empty());
    EXPECT_EQ(t.fullScaleRows, 0u);
    for (uint32_t r = 0; r < t.block.rowCount; ++r)
      for (uint32_t c = 0; c < 3; ++c) {
        double w = weightOf(t.block.rowFirst + r, c);
        EXPECT_EQ(t.weights[r * 3 + c], int16_t(std::lround(w / map.scale[0])));
      }
  }
}

TEST(CrossbarDigitalReadout, OffTheyAreProgrammedTilesThatCount) {
  DeviceModel model = smallTiles(false, 1);
  image::Image im = readoutImage(model);
  image::Expected<TileMap> map = mapTiles(im, model, 3);
  ASSERT_FALSE(map.ok());
  EXPECT_NE(map.error().message().find("needs 3 tiles of 16 x 16; the chip "
                                       "has 1"),
            std::string::npos)
      << map.error().message();
  image::Image on = mapped(smallTiles(false, 8));
  const TileMap &m = on.sections.get<TileSection>(kTilesSection)->map;
  EXPECT_EQ(m.arrayTiles(), 3u);
  EXPECT_GT(m.programmedCells, 0u);
}

TEST(CrossbarDigitalReadout, AReadAddsTheActiveRowsExactly) {
  XbarTile tile;
  tile.digital = true;
  tile.block = {0, 3, 0, 2};
  tile.weights = {32767, -32767, 5, -4, -1, 0};
  ReadyTile ready = prepareTile(tile);
  int32_t codes[2];
  ReadCounts counts;
  uint32_t one[] = {1};
  readDigitalTile(ready, one, 1, codes, counts);
  EXPECT_EQ(codes[0], 5);
  EXPECT_EQ(codes[1], -4);
  uint32_t all[] = {0, 1, 2};
  readDigitalTile(ready, all, 3, codes, counts);
  EXPECT_EQ(codes[0], 32767 + 5 - 1);
  EXPECT_EQ(codes[1], -32767 - 4);
  // One row then three, two columns each; nothing analog.
  EXPECT_EQ(counts.digitalReads, 8u);
  EXPECT_EQ(counts.cellReads, 8u);
  EXPECT_EQ(counts.rowDrives, 0u);
  EXPECT_EQ(counts.conversions, 0u);
  EXPECT_EQ(counts.conductanceNs, 0u);
  // readTile dispatches a digital tile to the same sum.
  ReadScratch scratch;
  int32_t viaRead[2];
  ReadCounts again;
  readTile(ready, all, 3, 1, 0, 0, DeviceModel(), AdcRange{}, scratch, viaRead,
           again);
  EXPECT_EQ(viaRead[0], codes[0]);
  EXPECT_EQ(viaRead[1], codes[1]);
}

/// Input i fires in step t when (i + t) % 3 == 0.
runtime::SpikeTrain drive(uint64_t steps, uint64_t &spikes) {
  runtime::SpikeTrain train;
  train.shape = {40};
  spikes = 0;
  for (uint64_t t = 0; t < steps; ++t)
    for (uint32_t i = 0; i < 40; ++i)
      if ((i + t) % 3 == 0) {
        train.events.push_back({t, i});
        ++spikes;
      }
  return train;
}

TEST(CrossbarDigitalReadout, TheReadoutSeesNoDeviceNoiseAndCountsItsWeights) {
  // The default devices (noise, 16 levels, 5-bit ADCs) touch nothing here:
  // ref follows float to within the int16 weights.
  image::Image im = mapped(smallTiles(true, 4));
  uint64_t spikes = 0;
  runtime::SpikeTrain train = drive(30, spikes);
  runtime::RunOptions options;
  options.steps = 30;
  auto ref = makeRefEngine(im);
  auto flt = makeFloatEngine(im);
  ASSERT_TRUE(ref.ok() && flt.ok());
  runtime::Expected<runtime::RunResult> a = (*ref)->run({train}, options);
  runtime::Expected<runtime::RunResult> b = (*flt)->run({train}, options);
  ASSERT_TRUE(a.ok() && b.ok());
  double worst = 0, largest = 0;
  for (size_t k = 0; k < a->outputs[0].values.size(); ++k) {
    worst = std::max(
        worst, std::abs(a->outputs[0].values[k] - b->outputs[0].values[k]));
    largest = std::max(largest, std::abs(b->outputs[0].values[k]));
  }
  ASSERT_GT(largest, 0.5);
  EXPECT_LT(worst, 1e-3 * largest);
  // Each input spike reads its row's 3 weights.
  EXPECT_EQ(a->counters[DigitalWeightReads], spikes * 3);
  EXPECT_EQ(a->counters[SynapticEvents], spikes * 3);
  EXPECT_EQ(a->counters[RowDrives], 0u);
  EXPECT_EQ(a->counters[AdcConversions], 0u);
  EXPECT_EQ(a->counters[ConductanceReadsNs], 0u);
  EXPECT_EQ(a->counters, b->counters);
}

TEST(CrossbarDigitalReadout, RoundTripsAndADamagedBlockIsNamed) {
  registerImageSections();
  fs::path dir = fs::temp_directory_path() / "snnc-digital-readout-test.img";
  fs::remove_all(dir);
  image::Image im = mapped(smallTiles(true, 4));
  ASSERT_TRUE(image::writeImage(im, dir.string()).ok());
  image::Expected<image::Image> back = image::readImage(dir.string());
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_TRUE(back->sections.get<TileSection>(kTilesSection)
                  ->equals(*im.sections.get<TileSection>(kTilesSection)));
  // Block 1 starts after block 0's 16 x 3 int16 weights.
  fs::path file = dir / "crossbar.tiles.bin";
  ASSERT_EQ(fs::file_size(file), (16 + 16 + 8) * 3 * 2u);
  std::vector<char> bytes(fs::file_size(file));
  std::ifstream(file, std::ios::binary).read(bytes.data(), bytes.size());
  bytes[16 * 3 * 2 + 1] ^= 0x01;
  std::ofstream(file, std::ios::binary).write(bytes.data(), bytes.size());
  image::Expected<image::Image> damaged = image::readImage(dir.string());
  ASSERT_FALSE(damaged.ok());
  EXPECT_NE(damaged.error().message().find(
                "damaged: digital tile 1 (projection 0, delay 1, rows 16..31, "
                "columns 0..2)"),
            std::string::npos)
      << damaged.error().message();
  fs::remove_all(dir);
}

TEST(CrossbarDigitalReadout, TheFieldIsZeroOrOne) {
  image::Expected<DeviceModel> m =
      readDeviceModel(nlohmann::json::parse(defaultTargetModelText()),
                      {{"digital_readout", 2}});
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().message().find("field 'digital_readout' must be 0"),
            std::string::npos)
      << m.error().message();
  EXPECT_TRUE(
      readDeviceModel(nlohmann::json::parse(defaultTargetModelText())).ok());
}

} // namespace
