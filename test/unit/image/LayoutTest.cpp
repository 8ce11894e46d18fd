//===- LayoutTest.cpp - The files match docs/formats.md byte for byte -----===//
//
// Decodes the written tables by the offsets docs/formats.md gives, without
// the library's decoder, so that the document and the code cannot drift.
//
//===----------------------------------------------------------------------===//

#include "SampleImage.h"

#include "snnc/image/ImageWriter.h"

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
      uint64_t base = 104 * record;
      const FloatNeuron &f = p.floatParams[j];
      const FixedNeuron &q = p.fixedParams[j];
      EXPECT_EQ(at<double>(bytes, base + 8), f.gain);
      EXPECT_EQ(at<double>(bytes, base + 56), f.bias);
      EXPECT_EQ(at<int32_t>(bytes, base + 64), q.decayQ);
      EXPECT_EQ(at<int32_t>(bytes, base + 76), q.driveQ);
      EXPECT_EQ(at<int32_t>(bytes, base + 84), q.thresholdQ);
      EXPECT_EQ(at<int32_t>(bytes, base + 100), q.synGainS);
    }
  EXPECT_EQ(bytes.size(), 104 * record);
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
    uint64_t base = 20 * global;
    EXPECT_EQ(at<uint32_t>(slices, base), s.first);
    EXPECT_EQ(at<uint32_t>(slices, base + 4), s.count);
    EXPECT_EQ(at<uint32_t>(slices, base + 8), s.pe);
    EXPECT_EQ(at<uint32_t>(slices, base + 12), s.keyBase);
    EXPECT_EQ(at<uint32_t>(slices, base + 16), s.keyMask);
    EXPECT_EQ(at<uint32_t>(placement, 4 * s.pe), global);
  }
  EXPECT_EQ(slices.size(), 20u * 11);
  // Input 'in' slice 1 is global slice 1, on PE 65 of chip 1.
  EXPECT_EQ(at<uint32_t>(slices, 20 + 8), 65u);
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
  ASSERT_EQ(bytes.size(), 8 * rows + 12 * synapses);
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
      EXPECT_EQ(at<int16_t>(bytes, base + 8 * synapses + 2 * (n + k)),
                s.weightQ[k]);
      EXPECT_EQ(at<uint16_t>(bytes, base + 10 * synapses + 2 * (n + k)),
                s.delay[k]);
    }
    r += s.rowPtr.size();
    n += s.target.size();
  }
}

TEST_F(ImageLayout, Routing) {
  std::vector<uint8_t> bytes = file("routing.bin");
  uint64_t words = 0;
  for (const RouterTable &t : image.routing.tables) {
    for (size_t w = 0; w < t.routeWords.size(); ++w)
      EXPECT_EQ(at<uint64_t>(bytes, 8 * (words + w)), t.routeWords[w]);
    words += t.routeWords.size();
  }
  uint64_t entry = 0;
  for (const RouterTable &t : image.routing.tables)
    for (const RoutingEntry &e : t.entries) {
      uint64_t base = 8 * words + 12 * entry++;
      EXPECT_EQ(at<uint32_t>(bytes, base), e.key);
      EXPECT_EQ(at<uint32_t>(bytes, base + 4), e.mask);
      EXPECT_EQ(at<uint32_t>(bytes, base + 8), e.route);
    }
  EXPECT_EQ(bytes.size(), 8 * words + 12 * entry);
}

TEST_F(ImageLayout, ManifestCounts) {
  nlohmann::json m =
      nlohmann::json::parse(readText(dir / "net.img" / "manifest.json"));
  EXPECT_EQ(m["routing"]["words_per_route"], 2);
  EXPECT_EQ(m["routing"]["chips"][0]["routes"], 2);
  EXPECT_EQ(m["inputs"][0]["slices"], 2);
  EXPECT_EQ(m["inputs"][1]["slices"], 1);
  EXPECT_FALSE(m["inputs"][0].contains("key"));
  EXPECT_FALSE(m["inputs"][0].contains("mask"));
  EXPECT_EQ(m["populations"][3]["slices"], 2);
  EXPECT_EQ(m["projections"][0]["synapses"],
            image.projections[0].stored.target.size());
  EXPECT_FALSE(m["projections"][5].contains("synapses"));
  EXPECT_EQ(m["projections"][5]["procedural"]["rule"]["kind"], "distance");
  EXPECT_EQ(m["time"]["rule"], "exact");
}

} // namespace
