//===- LayoutTest.cpp - The files match docs/formats.md byte for byte -----===//
//
// Decodes the written sections by the offsets docs/formats.md gives, without
// the library's decoders, so that the document and the code cannot drift.
//
//===----------------------------------------------------------------------===//

#include "SampleImage.h"

#include "snnc/image/ImageWriter.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstring>
#include <type_traits>

using namespace snnc::image;
using namespace snnc::image::test;

namespace {

/// Little-endian load, independent of the host's byte order.
template <typename T> T at(const std::vector<uint8_t> &bytes, uint64_t offset) {
  using Bits = std::conditional_t<
      sizeof(T) == 2, uint16_t,
      std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>>;
  EXPECT_LE(offset + sizeof(T), bytes.size());
  Bits bits = 0;
  for (size_t i = 0; i < sizeof(T) && offset + i < bytes.size(); ++i)
    bits |= Bits(bytes[offset + i]) << (8 * i);
  T value;
  std::memcpy(&value, &bits, sizeof(T));
  return value;
}

class ImageLayout : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(writeImage(image, (dir / "net.img").string()).ok());
  }
  std::vector<uint8_t> file(const std::string &name) {
    return readFile(dir / "net.img" / name);
  }

  Image image = sampleImage();
  ScopedDir dir;
};

TEST_F(ImageLayout, Neurons) {
  std::vector<uint8_t> bytes = file("neurons.bin");
  uint64_t record = 0;
  for (const Population &p : image.populations)
    for (uint32_t j = 0; j < p.size; ++j, ++record) {
      uint64_t base = 64 * record;
      const FloatNeuron &f = p.floatParams[j];
      EXPECT_EQ(at<double>(bytes, base + 8), f.gain);
      EXPECT_EQ(at<double>(bytes, base + 56), f.bias);
    }
  EXPECT_EQ(bytes.size(), 64 * record);
}

TEST_F(ImageLayout, SlicesAndPlacement) {
  std::vector<uint8_t> slices = file("slices.bin");
  std::vector<uint8_t> placement = file("placement.bin");
  // Input slices (port by port) come first, then population slices.
  std::vector<const Slice *> order;
  for (const InputPort &in : image.inputs)
    for (const Slice &s : in.slices)
      order.push_back(&s);
  for (const Population &p : image.populations)
    for (const Slice &s : p.slices)
      order.push_back(&s);
  ASSERT_EQ(order.size(), 11u);
  for (uint32_t global = 0; global < order.size(); ++global) {
    const Slice &s = *order[global];
    uint64_t base = 12 * global;
    EXPECT_EQ(at<uint32_t>(slices, base), s.first);
    EXPECT_EQ(at<uint32_t>(slices, base + 4), s.count);
    EXPECT_EQ(at<uint32_t>(slices, base + 8), s.pe);
    EXPECT_EQ(at<uint32_t>(placement, 4 * s.pe), global);
  }
  EXPECT_EQ(slices.size(), 12u * 11);
  // Input 'in' slice 1 is global slice 1, on PE 65 of chip 1.
  EXPECT_EQ(at<uint32_t>(slices, 12 + 8), 65u);
  EXPECT_EQ(at<uint32_t>(placement, 4 * 65), 1u);
  EXPECT_EQ(at<uint32_t>(placement, 4 * 179), 0xffffffffu);
  EXPECT_EQ(placement.size(), 4u * 180);
}

TEST_F(ImageLayout, Synapses) {
  std::vector<uint8_t> bytes = file("synapses.bin");
  uint64_t rows = 0, synapses = 0;
  for (const Projection &q : image.projections)
    if (!q.isProcedural) {
      rows += q.stored.rowPtr.size();
      synapses += q.stored.target.size();
    }
  ASSERT_EQ(bytes.size(), 8 * rows + 10 * synapses);
  uint64_t r = 0, n = 0;
  for (const Projection &q : image.projections) {
    if (q.isProcedural)
      continue;
    const StoredSynapses &s = q.stored;
    for (size_t i = 0; i < s.rowPtr.size(); ++i)
      EXPECT_EQ(at<uint64_t>(bytes, 8 * (r + i)), s.rowPtr[i]);
    for (size_t k = 0; k < s.target.size(); ++k) {
      uint64_t base = 8 * rows;
      EXPECT_EQ(at<uint32_t>(bytes, base + 4 * (n + k)), s.target[k]);
      EXPECT_EQ(at<float>(bytes, base + 4 * synapses + 4 * (n + k)),
                s.weight[k]);
      EXPECT_EQ(at<uint16_t>(bytes, base + 8 * synapses + 2 * (n + k)),
                s.delay[k]);
    }
    r += s.rowPtr.size();
    n += s.target.size();
  }
}

TEST_F(ImageLayout, MachineLayout) {
  std::vector<uint8_t> bytes = file("layout.bin");
  const MachineLayout &l = image.layout;
  uint64_t at8 = 0;
  auto point = [&](const GridPoint &p) {
    EXPECT_EQ(at<int32_t>(bytes, at8), p.x);
    EXPECT_EQ(at<int32_t>(bytes, at8 + 4), p.y);
    at8 += 8;
  };
  for (const GridPoint &p : l.peSites)
    point(p);
  for (const GridPoint &p : l.chipSites)
    point(p);
  for (const GridPoint &p : l.linkDirections)
    point(p);
  for (int32_t n : l.neighbours) {
    EXPECT_EQ(at<int32_t>(bytes, at8), n);
    at8 += 4;
  }
  EXPECT_EQ(bytes.size(), at8);
  EXPECT_EQ(bytes.size(), 8u * (60 + 3 + 6) + 4u * 3 * 6);
}

TEST_F(ImageLayout, FixedPointSection) {
  namespace s2 = snnc::spinnaker2;
  std::vector<uint8_t> bytes = file("spinnaker2.fixed_point.bin");
  const s2::FixedPointSection &fixed = s2::fixedPoint(image);
  uint64_t record = 0;
  for (const s2::PopulationFixedPoint &p : fixed.populations)
    for (const s2::FixedNeuron &q : p.neurons) {
      uint64_t base = 40 * record++;
      EXPECT_EQ(at<int32_t>(bytes, base), q.decayQ);
      EXPECT_EQ(at<int32_t>(bytes, base + 12), q.driveQ);
      EXPECT_EQ(at<int32_t>(bytes, base + 20), q.thresholdQ);
      EXPECT_EQ(at<int32_t>(bytes, base + 36), q.synGainS);
    }
  uint64_t offset = 40 * record;
  for (size_t q = 0; q < image.projections.size(); ++q)
    for (int16_t w : fixed.projections[q].weightQ) {
      EXPECT_EQ(at<int16_t>(bytes, offset), w);
      offset += 2;
    }
  EXPECT_EQ(bytes.size(), offset);
}

TEST_F(ImageLayout, RoutingSection) {
  namespace s2 = snnc::spinnaker2;
  std::vector<uint8_t> bytes = file("spinnaker2.routing.bin");
  const s2::RoutingSection &r = s2::routing(image);
  uint64_t words = 0;
  for (const s2::RouterTable &t : r.tables) {
    for (size_t w = 0; w < t.routeWords.size(); ++w)
      EXPECT_EQ(at<uint64_t>(bytes, 8 * (words + w)), t.routeWords[w]);
    words += t.routeWords.size();
  }
  uint64_t base = 8 * words;
  for (size_t g = 0; g < r.keys.size(); ++g) {
    EXPECT_EQ(at<uint32_t>(bytes, base + 8 * g), r.keys[g].base);
    EXPECT_EQ(at<uint32_t>(bytes, base + 8 * g + 4), r.keys[g].mask);
  }
  base += 8 * r.keys.size();
  uint64_t entry = 0;
  for (const s2::RouterTable &t : r.tables)
    for (const s2::RoutingEntry &e : t.entries) {
      uint64_t at12 = base + 12 * entry++;
      EXPECT_EQ(at<uint32_t>(bytes, at12), e.key);
      EXPECT_EQ(at<uint32_t>(bytes, at12 + 4), e.mask);
      EXPECT_EQ(at<uint32_t>(bytes, at12 + 8), e.route);
    }
  EXPECT_EQ(bytes.size(), base + 12 * entry);
}

TEST_F(ImageLayout, ManifestSectionTable) {
  nlohmann::json m =
      nlohmann::json::parse(readText(dir / "net.img" / "manifest.json"));
  EXPECT_EQ(m["version"], 2);
  std::vector<std::string> names, owners, files;
  for (const nlohmann::json &s : m["sections"]) {
    names.push_back(s["name"]);
    owners.push_back(s["owner"]);
    files.push_back(s["file"]);
    EXPECT_EQ(s["version"], 1);
    EXPECT_EQ(s["size"],
              readFile(dir / "net.img" / s["file"].get<std::string>()).size());
  }
  EXPECT_EQ(names, (std::vector<std::string>{
                       "neurons", "slices", "placement", "synapses", "layout",
                       "spinnaker2.fixed_point", "spinnaker2.routing"}));
  EXPECT_EQ(owners,
            (std::vector<std::string>{"core", "core", "core", "core", "core",
                                      "spinnaker2", "spinnaker2"}));
  EXPECT_EQ(files[4], "layout.bin");
  EXPECT_EQ(files[6], "spinnaker2.routing.bin");
  const nlohmann::json &routing = m["sections"][6]["header"];
  EXPECT_EQ(routing["words_per_route"], 2);
  EXPECT_EQ(routing["chips"][0]["routes"], 2);
  EXPECT_EQ(routing["default_route"], true);
  EXPECT_EQ(m["sections"][5]["header"]["projections"][2]["shift"], 16);
  EXPECT_EQ(m["layout"]["grid"], nlohmann::json({8, 8}));
  EXPECT_EQ(m["layout"]["chips"], 3);
  EXPECT_EQ(m["layout"]["links"], 6);
  EXPECT_EQ(m["inputs"][0]["slices"], 2);
  EXPECT_EQ(m["inputs"][1]["slices"], 1);
  EXPECT_FALSE(m["populations"][0].contains("s_in"));
  EXPECT_EQ(m["populations"][3]["slices"], 2);
  EXPECT_EQ(m["projections"][0]["synapses"],
            image.projections[0].stored.target.size());
  EXPECT_FALSE(m["projections"][5].contains("synapses"));
  EXPECT_EQ(m["projections"][5]["procedural"]["rule"]["kind"], "distance");
  EXPECT_EQ(m["time"]["rule"], "exact");
}

} // namespace
