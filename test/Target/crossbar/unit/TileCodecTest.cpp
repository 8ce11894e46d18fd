//===- TileCodecTest.cpp - crossbar.tiles through an image and back -------===//

#include "snnc/crossbar/ImageSections.h"

#include "snnc/image/ImageReader.h"
#include "snnc/image/ImageWriter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace snnc;
using namespace snnc::crossbar;

namespace {

/// 300 inputs -> 10 LIF neurons, one unit each, with a crossbar.tiles
/// section of 16 x 16 tiles.
image::Image smallImage() {
  image::Image im;
  im.network = "net";
  im.targetName = kTargetName;
  im.inputs.push_back({0, "in", {300}, 300, {{0, 300, 0}}});
  image::Population pop;
  pop.name = "pop";
  pop.size = 10;
  pop.shape = {10};
  pop.floatParams.assign(10, image::FloatNeuron{0.9, 0.1, 0, 1, 0});
  pop.slices = {{0, 10, 1}};
  im.populations.push_back(pop);
  image::Projection p;
  p.name = "in->pop";
  p.source = {image::SourceKind::Input, 0};
  p.target = 0;
  p.stored.rowPtr.push_back(0);
  for (uint32_t i = 0; i < 300; ++i) {
    p.stored.target.push_back(i % 10);
    p.stored.weight.push_back(float(int(i % 7) - 3));
    p.stored.delay.push_back(1);
    p.stored.rowPtr.push_back(p.stored.target.size());
  }
  im.projections.push_back(p);
  im.outputs.push_back({0, 0, image::OutputKind::Spikes});
  im.placement = {1, 2, {0, 1}};
  im.layout = image::rowLayout(1, 2);
  DeviceModel m;
  m.tileRows = 16;
  m.tileCols = 16;
  image::Expected<TileMap> map = mapTiles(im, m, 9);
  EXPECT_TRUE(map.ok()) << map.error().message();
  im.sections.emplace<TileSection>(kTilesSection).map = std::move(*map);
  return im;
}

class TileCodecFiles : public ::testing::Test {
protected:
  void SetUp() override {
    registerImageSections();
    dir =
        fs::temp_directory_path() /
        ("snnc-xbar-" +
         std::string(
             ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;
};

TEST_F(TileCodecFiles, RoundTripsExactly) {
  image::Image im = smallImage();
  ASSERT_TRUE(image::writeImage(im, dir.string()).ok());
  image::Expected<image::Image> back = image::readImage(dir.string());
  ASSERT_TRUE(back.ok()) << back.error().message();
  const auto *tiles = back->sections.get<TileSection>(kTilesSection);
  ASSERT_NE(tiles, nullptr);
  EXPECT_TRUE(tiles->equals(*im.sections.find(kTilesSection)));
  EXPECT_EQ(tiles->map.tiles.size(), 19u); // 300 / 16 row blocks
}

TEST_F(TileCodecFiles, ADamagedFileNamesTheTile) {
  image::Image im = smallImage();
  ASSERT_TRUE(image::writeImage(im, dir.string()).ok());
  fs::path file = dir / "crossbar.tiles.bin";
  std::vector<char> bytes(fs::file_size(file));
  std::ifstream(file, std::ios::binary).read(bytes.data(), bytes.size());
  // Tile 2 starts after two 16 x 10 tiles of two f32 columns each.
  size_t offset = 2 * (16 * 10 * 2 * 4) + 5;
  bytes[offset] ^= 0x10;
  std::ofstream(file, std::ios::binary).write(bytes.data(), bytes.size());
  image::Expected<image::Image> back = image::readImage(dir.string());
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.error().message().find(
                "damaged: tile 2 (projection 0, delay 1, rows 32..47, "
                "columns 0..9)"),
            std::string::npos)
      << back.error().message();
}

TEST_F(TileCodecFiles, RefusesNegativeConductances) {
  image::Image im = smallImage();
  auto *s = im.sections.get<TileSection>(kTilesSection);
  s->map.tiles[3].gMinus[7] = -1e-6f;
  image::Status written = image::writeImage(im, dir.string());
  ASSERT_FALSE(written.ok());
  EXPECT_NE(written.error().message().find(
                "tile 3 (projection 0, delay 1, rows 48..63, columns 0..9) "
                "cell 7 has conductance"),
            std::string::npos)
      << written.error().message();
}

} // namespace
