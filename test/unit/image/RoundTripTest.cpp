//===- RoundTripTest.cpp - Images survive writing and reading exactly -----===//

#include "SampleImage.h"

#include "snnc/image/ImageReader.h"
#include "snnc/image/ImageWriter.h"
#include "snnc/image/Validate.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <gtest/gtest.h>

#include <cmath>

namespace fs = std::filesystem;
using namespace snnc::image;
using namespace snnc::image::test;

namespace {

const std::vector<std::string> kImageFiles = {"layout.bin",
                                              "manifest.json",
                                              "neurons.bin",
                                              "placement.bin",
                                              "slices.bin",
                                              "spinnaker2.fixed_point.bin",
                                              "spinnaker2.routing.bin",
                                              "synapses.bin"};

TEST(ImageRoundTrip, SampleIsValid) {
  Status valid = validateImage(sampleImage());
  EXPECT_TRUE(valid.ok()) << valid.error().message();
}

TEST(ImageRoundTrip, EveryFieldSurvives) {
  ScopedDir dir;
  Image image = sampleImage();
  Status written = writeImage(image, (dir / "net.img").string());
  ASSERT_TRUE(written.ok()) << written.error().message();
  EXPECT_EQ(listDir(dir / "net.img"), kImageFiles);

  Expected<Image> read = readImage((dir / "net.img").string());
  ASSERT_TRUE(read.ok()) << read.error().message();
  const Image &back = *read;
  // Spot checks first, so that a failure says which part broke.
  EXPECT_EQ(back.targetModel, image.targetModel);
  EXPECT_EQ(back.report, image.report);
  EXPECT_EQ(back.seed, image.seed);
  ASSERT_EQ(back.populations.size(), image.populations.size());
  for (size_t p = 0; p < image.populations.size(); ++p)
    EXPECT_TRUE(back.populations[p] == image.populations[p])
        << "population " << p;
  ASSERT_EQ(back.projections.size(), image.projections.size());
  for (size_t q = 0; q < image.projections.size(); ++q)
    EXPECT_TRUE(back.projections[q] == image.projections[q])
        << "projection " << q;
  EXPECT_TRUE(back.sections == image.sections);
  EXPECT_TRUE(back.layout == image.layout);
  EXPECT_TRUE(back.placement == image.placement);
  EXPECT_TRUE(back.inputs == image.inputs);
  EXPECT_TRUE(back.outputs == image.outputs);
  EXPECT_TRUE(back == image);
  // Bit patterns that == would not distinguish survive too.
  EXPECT_TRUE(std::signbit(back.populations[0].floatParams[0].drive));
  EXPECT_EQ(back.populations[0].floatParams[1].reset, 4.9e-324);
}

TEST(ImageRoundTrip, EqualityNoticesChanges) {
  Image a = sampleImage(), b = sampleImage();
  EXPECT_TRUE(a == b);
  b.projections[0].stored.delay[0] ^= 1;
  EXPECT_FALSE(a == b);
  b = a;
  b.projections[5].procedural.spec.rule.c[3] = 0.11;
  EXPECT_FALSE(a == b);
  b = a;
  snnc::spinnaker2::routing(b).tables[1].routeWords[3] ^= 4;
  EXPECT_FALSE(a == b);
  b = a;
  snnc::spinnaker2::fixedPoint(b).populations[1].neurons[0].gainS ^= 1;
  EXPECT_FALSE(a == b);
  b = a;
  b.layout.neighbours[2] = -1;
  EXPECT_FALSE(a == b);
  b = a;
  b.report["ratio"] = 0.2;
  EXPECT_FALSE(a == b);
}

TEST(ImageRoundTrip, WritingTwiceIsByteIdentical) {
  ScopedDir dir;
  Image image = sampleImage();
  ASSERT_TRUE(writeImage(image, (dir / "a.img").string()).ok());
  ASSERT_TRUE(writeImage(image, (dir / "b.img").string()).ok());
  Expected<Image> back = readImage((dir / "a.img").string());
  ASSERT_TRUE(back.ok());
  // Re-writing what was read closes the loop: reader and writer agree.
  ASSERT_TRUE(writeImage(*back, (dir / "c.img").string()).ok());
  for (const std::string &name : kImageFiles) {
    std::vector<uint8_t> a = readFile(dir / "a.img" / name);
    EXPECT_FALSE(a.empty()) << name;
    EXPECT_EQ(a, readFile(dir / "b.img" / name)) << name;
    EXPECT_EQ(a, readFile(dir / "c.img" / name)) << name;
  }
  // No absolute paths or names of the output leak into the image.
  std::string manifest = readText(dir / "a.img" / "manifest.json");
  EXPECT_EQ(manifest.find(dir.path().string()), std::string::npos);
  EXPECT_EQ(manifest.find("a.img"), std::string::npos);
}

TEST(ImageRoundTrip, ManifestRecordsSizesAndChecksums) {
  ScopedDir dir;
  ASSERT_TRUE(writeImage(sampleImage(), (dir / "net.img").string()).ok());
  nlohmann::json manifest =
      nlohmann::json::parse(readText(dir / "net.img" / "manifest.json"));
  EXPECT_EQ(manifest["format"], "snnc-image");
  EXPECT_EQ(manifest["version"], 2);
  ASSERT_EQ(manifest["sections"].size(), 7u);
  for (const auto &entry : manifest["sections"]) {
    std::vector<uint8_t> bytes =
        readFile(dir / "net.img" / entry["file"].get<std::string>());
    EXPECT_EQ(entry["size"], bytes.size());
    EXPECT_EQ(entry["fnv1a64"], fnv1a64Hex(bytes));
  }
}

TEST(ImageRoundTrip, ReplacesAnExistingImage) {
  ScopedDir dir;
  std::string path = (dir / "net.img").string();
  Image first = sampleImage();
  ASSERT_TRUE(writeImage(first, path).ok());
  Image second = sampleImage();
  second.network = "second";
  second.populations[0].floatParams[3].gain = 42;
  Status replaced = writeImage(second, path + "/"); // Trailing slash too.
  ASSERT_TRUE(replaced.ok()) << replaced.error().message();
  Expected<Image> back = readImage(path);
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_TRUE(*back == second);
  // Neither the temporary nor the old image is left beside it.
  EXPECT_EQ(listDir(dir.path()), std::vector<std::string>{"net.img"});
}

/// A target-less image holds the core sections alone.
TEST(ImageRoundTrip, MinimalImage) {
  Image image;
  image.snncVersion = "0";
  image.placement = {1, 1, {0}};
  image.layout = rowLayout(1, 1);
  Population p;
  p.name = "only";
  p.model = NeuronModel::If;
  p.shape = {1};
  p.size = 1;
  p.floatParams.resize(1);
  p.slices = {{0, 1, 0}};
  image.populations.push_back(p);
  ScopedDir dir;
  Status written = writeImage(image, (dir / "min.img").string());
  ASSERT_TRUE(written.ok()) << written.error().message();
  Expected<Image> back = readImage((dir / "min.img").string());
  ASSERT_TRUE(back.ok()) << back.error().message();
  EXPECT_TRUE(*back == image);
  EXPECT_EQ(fs::file_size(dir / "min.img" / "synapses.bin"), 0u);
  EXPECT_EQ(listDir(dir / "min.img"),
            (std::vector<std::string>{"layout.bin", "manifest.json",
                                      "neurons.bin", "placement.bin",
                                      "slices.bin", "synapses.bin"}));
}

/// Two chips of four PEs: a 10-element input in three slices (two on chip
/// 1, one on chip 0), a one-slice input, and a population in two slices fed
/// by both inputs.
Image multiSliceInputImage() {
  Image image;
  image.snncVersion = "0";
  image.placement = {2, 4, std::vector<uint32_t>(8, kNoSlice)};
  image.layout = rowLayout(2, 4);
  image.inputs.push_back({3, "pixels", {2, 5}, 10, {}});
  image.inputs[0].slices = {{0, 4, 5}, {4, 4, 7}, {8, 2, 0}};
  image.inputs.push_back({4, "bias", {1}, 1, {{0, 1, 6}}});
  Population p;
  p.name = "hidden";
  p.model = NeuronModel::Lif;
  p.shape = {6};
  p.size = 6;
  p.floatParams.resize(6);
  p.slices = {{0, 4, 1}, {4, 2, 4}};
  image.populations.push_back(p);
  // Global slices: pixels 0-2, bias 3, hidden 4-5.
  const uint32_t pes[] = {5, 7, 0, 6, 1, 4};
  for (uint32_t g = 0; g < 6; ++g)
    image.placement.sliceOfPe[pes[g]] = g;
  for (uint32_t input = 0; input < 2; ++input) {
    Projection q;
    q.name = input ? "bias" : "in";
    q.kind = ProjectionKind::Linear;
    q.source = {SourceKind::Input, input};
    q.maxDelay = 1;
    uint32_t rows = image.inputs[input].size;
    for (uint32_t r = 0; r < rows; ++r) {
      q.stored.rowPtr.push_back(q.stored.target.size());
      q.stored.target.push_back(r % 6);
      q.stored.weight.push_back(static_cast<float>(r + 1));
      q.stored.delay.push_back(1);
    }
    q.stored.rowPtr.push_back(q.stored.target.size());
    image.projections.push_back(q);
  }
  return image;
}

TEST(ImageRoundTrip, MultiSliceInputs) {
  Image image = multiSliceInputImage();
  Status valid = validateImage(image);
  ASSERT_TRUE(valid.ok()) << valid.error().message();
  ScopedDir dir;
  Status written = writeImage(image, (dir / "in.img").string());
  ASSERT_TRUE(written.ok()) << written.error().message();
  Expected<Image> back = readImage((dir / "in.img").string());
  ASSERT_TRUE(back.ok()) << back.error().message();
  ASSERT_EQ(back->inputs.size(), 2u);
  EXPECT_EQ(back->inputs[0].slices, image.inputs[0].slices);
  EXPECT_EQ(back->inputs[1].slices, image.inputs[1].slices);
  EXPECT_TRUE(back->placement == image.placement);
  EXPECT_TRUE(*back == image);
  // Six 12-byte records, and the manifest counts each input's slices.
  EXPECT_EQ(fs::file_size(dir / "in.img" / "slices.bin"), 6u * 12);
  nlohmann::json manifest =
      nlohmann::json::parse(readText(dir / "in.img" / "manifest.json"));
  EXPECT_EQ(manifest["inputs"][0]["slices"], 3);
  EXPECT_EQ(manifest["inputs"][1]["slices"], 1);
  EXPECT_FALSE(manifest["inputs"][0].contains("key"));
}

TEST(ImageRoundTrip, EqualityComparesInputSlices) {
  Image a = multiSliceInputImage(), b = a;
  b.inputs[0].slices[2].count = 1;
  EXPECT_FALSE(a == b);
  b = a;
  b.inputs[0].slices[1].pe = 2;
  EXPECT_FALSE(a == b);
  b = a;
  b.inputs[0].slices.pop_back();
  EXPECT_FALSE(a == b);
}

} // namespace
