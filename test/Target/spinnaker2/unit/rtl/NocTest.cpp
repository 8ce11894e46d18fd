//===- NocTest.cpp - Hop latency, multicast trees and link contention -----===//
//
// On the test images' layout (16 PEs in a row per chip, chips in a row):
// a hop costs 2 cycles, entering and leaving a router 1 each; a multicast
// packet takes a shared link once; a packet that finds its link taken
// waits for it.
//
//===----------------------------------------------------------------------===//

#include "snnc/rtl/Noc.h"
#include "TestImages.h"

#include <gtest/gtest.h>

using namespace snnc;
using namespace snnc::rtl;

namespace {

image::Image rowOfPes(uint32_t chips) {
  runtime::test::ImageBuilder b(chips);
  b.addInput(1);
  return b.build();
}

struct Delivery {
  size_t packet;
  uint32_t dest;
  uint64_t at;
};

std::vector<Delivery> carry(Noc &noc,
                            const std::vector<Noc::Injection> &packets) {
  std::vector<Delivery> out;
  noc.carry(packets, [&](size_t p, uint32_t d, uint64_t at) {
    out.push_back({p, d, at});
  });
  return out;
}

TEST(Noc, HopLatency) {
  image::Image image = rowOfPes(1);
  Noc noc(image, {2, 60});
  uint32_t tree = noc.addTree(0, {3});
  std::vector<Delivery> d = carry(noc, {{10, tree}});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].at, 10u + 1 + 3 * 2 + 1);
  EXPECT_EQ(noc.stats().nocHops, 3u);
  EXPECT_EQ(noc.stats().contentionCycles, 0u);
}

TEST(Noc, MulticastTakesSharedLinksOnce) {
  image::Image image = rowOfPes(1);
  Noc noc(image, {2, 60});
  uint32_t tree = noc.addTree(0, {2, 3, 0});
  std::vector<Delivery> d = carry(noc, {{0, tree}});
  ASSERT_EQ(d.size(), 3u);
  // PE 0 first (same router), then PE 2 and PE 3 down the same row.
  EXPECT_EQ(d[0].dest, 2u);
  EXPECT_EQ(d[0].at, 2u);
  EXPECT_EQ(d[1].at, 1u + 2 * 2 + 1);
  EXPECT_EQ(d[2].at, 1u + 3 * 2 + 1);
  EXPECT_EQ(noc.stats().nocHops, 3u);
  EXPECT_EQ(noc.stats().deliveries, 3u);
}

TEST(Noc, BusyLinksMakePacketsWait) {
  image::Image image = rowOfPes(1);
  Noc noc(image, {2, 60});
  uint32_t a = noc.addTree(0, {3}), b = noc.addTree(1, {3});
  // Both reach link 1 -> 2 at cycle 3; the first packet goes first.
  std::vector<Delivery> d = carry(noc, {{0, a}, {2, b}});
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].packet, 0u);
  EXPECT_EQ(d[0].at, 8u);
  EXPECT_EQ(d[1].packet, 1u);
  EXPECT_EQ(d[1].at, 9u);
  EXPECT_EQ(noc.stats().contentionCycles, 1u);
  // A new step starts with idle links.
  noc.resetStats();
  d = carry(noc, {{2, b}});
  EXPECT_EQ(d[0].at, 8u);
  EXPECT_EQ(noc.stats().contentionCycles, 0u);
}

TEST(Noc, ChipHopsCostTheirLatency) {
  image::Image image = rowOfPes(3);
  Noc noc(image, {2, 60});
  // PE 5 of chip 0 to PE 7 of chip 2: two chip hops, entering chip 2 at
  // position 5, then two QPE hops.
  uint32_t tree = noc.addTree(5, {2 * 16 + 7});
  std::vector<Delivery> d = carry(noc, {{0, tree}});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].at, 1u + 2 * 60 + 2 * 2 + 1);
  EXPECT_EQ(noc.stats().chipHops, 2u);
  EXPECT_EQ(noc.stats().nocHops, 2u);
}

} // namespace
