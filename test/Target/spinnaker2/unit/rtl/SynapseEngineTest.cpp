//===- SynapseEngineTest.cpp - Packets to ring contributions, in RTL ------===//
//
// Through one Verilated PE of integrators: a contribution of delay d sent
// in step t shows as a jump of v in step t + d, at the shortest delay (1)
// and the longest the ring holds (D - 1, also for the largest ring the data
// SRAM fits), with shifts, negative weights, duplicate targets, several
// projections behind one key, wrap-around of the 32-bit accumulator, and
// the counters of docs/rtl.md.
//
//===----------------------------------------------------------------------===//

#include "TestPe.h"

#include <gtest/gtest.h>

using namespace snnc::rtl;
using namespace snnc::rtl::test;

namespace {

constexpr uint32_t kKey = 0x2000;
constexpr uint32_t kMask = ~0xFFu;

TEST(SynapseEngine, ShortestAndLongestDelayLandExactly) {
  PeTable t = integrators(4, 16);
  addEntry(t, kKey, kMask, 0,
           {{{5, 1, 0}, {7, 15, 3}, {-3, 15, 3}}, {{1000, 8, 1}}});
  finish(t);
  TestPe pe(t);
  std::vector<std::vector<int32_t>> v;
  for (uint64_t s = 0; s < 27; ++s) {
    std::vector<uint32_t> keys;
    if (s == 0)
      keys = {kKey | 0, kKey | 1};
    if (s == 10)
      keys = {kKey | 0}; // lands in slot (10 + 15) mod 16 = 9: wraps
    v.push_back(pe.step(s, keys));
    ASSERT_EQ(pe.error(), "") << "step " << s;
  }
  for (uint64_t s = 0; s < 27; ++s) {
    EXPECT_EQ(v[s][0], (s >= 1 ? 5 : 0) + (s >= 11 ? 5 : 0)) << "step " << s;
    EXPECT_EQ(v[s][1], s >= 8 ? 1000 : 0) << "step " << s;
    EXPECT_EQ(v[s][2], 0) << "step " << s;
    EXPECT_EQ(v[s][3], (s >= 15 ? 4 : 0) + (s >= 25 ? 4 : 0)) << "step " << s;
  }
}

TEST(SynapseEngine, LongestDelayOfTheLargestRing) {
  // One neuron: the ring may take 2^14 slots of the 27648-word data SRAM.
  const uint32_t slots = 1u << 14;
  ASSERT_LE(slots, uint32_t(SNNC_PE_DMEM_WORDS));
  PeTable t = integrators(1, slots);
  addEntry(t, kKey, kMask, 0, {{{9, slots - 1, 0}}});
  finish(t);
  TestPe pe(t);
  EXPECT_EQ(pe.step(0, {kKey})[0], 0);
  for (uint64_t s = 1; s < slots - 1; ++s)
    pe.step(s);
  EXPECT_EQ(pe.step(slots - 2)[0], 0) << pe.error();
  EXPECT_EQ(pe.step(slots - 1)[0], 9) << pe.error();
  EXPECT_EQ(pe.step(slots)[0], 9) << pe.error();
}

TEST(SynapseEngine, ShiftsWeightsAndSeveralEntriesPerKey) {
  // Two projections from one source slice: one key, two entries, shifts
  // 16 and 3; weights are shifted as int32(uint32(w) << shift).
  PeTable t = integrators(2, 4);
  addEntry(t, kKey, kMask, 16, {{{-2, 1, 0}}});
  addEntry(t, kKey, kMask, 3, {{{-32767, 2, 1}, {100, 1, 0}}});
  addEntry(t, 0x9000, kMask, 0, {{{1, 1, 1}}});
  finish(t);
  TestPe pe(t);
  pe.step(0, {kKey});
  EXPECT_EQ(pe.step(1)[0], -2 * 65536 + 800);
  std::vector<int32_t> v = pe.step(2);
  EXPECT_EQ(v[1], -32767 * 8);
  EXPECT_EQ(pe.driver().counter(pe::CntSynEvents), 3u);
  EXPECT_EQ(pe.driver().counter(pe::CntPacketsIn), 1u);
}

TEST(SynapseEngine, AccumulatorWrapsLikeRef) {
  // Contributions summing past 2^31 - 1 wrap (as the ref engine's adds do)
  // and are counted.
  PeTable t = integrators(1, 2);
  addEntry(t, kKey, kMask, 16, {{{32767, 1, 0}, {32767, 1, 0}}});
  finish(t);
  TestPe pe(t);
  pe.step(0, {kKey});
  int32_t once = int32_t(uint32_t(32767) << 16);
  int32_t wrapped = int32_t(uint32_t(once) + uint32_t(once));
  EXPECT_EQ(pe.step(1)[0], wrapped);
  EXPECT_EQ(pe.driver().counter(pe::CntAccWraps), 1u);
}

TEST(SynapseEngine, UnmatchedKeysAreDroppedAndCounted) {
  PeTable t = integrators(2, 2);
  addEntry(t, kKey, kMask, 0, {{{1, 1, 0}}});
  finish(t);
  TestPe pe(t);
  pe.step(0, {0x1000, kKey, 0x7000000});
  EXPECT_EQ(pe.error(), "");
  EXPECT_EQ(pe.step(1)[0], 1);
  EXPECT_EQ(pe.driver().counter(pe::CntPacketsIn), 3u);
  EXPECT_EQ(pe.driver().counter(pe::CntPacketsDropped), 2u);
}

TEST(SynapseEngine, CountersFollowTheRefDefinitions) {
  // Per neuron update: v (+ isyn for CuBa) and the ring slot, read and
  // written; per synaptic event one row word read and one ring word written.
  PeTable t = integrators(3, 4);
  addEntry(t, kKey, kMask, 0, {{{1, 1, 0}, {1, 2, 1}}, {{1, 3, 2}}});
  finish(t);
  TestPe pe(t);
  pe.step(0, {kKey, kKey | 1});
  pe.step(1, {kKey});
  pe.step(2);
  PeDriver &d = pe.driver();
  EXPECT_EQ(d.counter(pe::CntNeuronUpdates), 9u);
  EXPECT_EQ(d.counter(pe::CntSynEvents), 5u);
  EXPECT_EQ(d.counter(pe::CntSramReads), 9u * 2 + 5);
  EXPECT_EQ(d.counter(pe::CntSramWrites), 9u * 2 + 5);
  EXPECT_EQ(d.counter(pe::CntRingAddReads), 5u);
  EXPECT_EQ(d.counter(pe::CntSpikesOut), 0u);
}

TEST(SynapseEngine, CyclesPerPacketAndPerRowWord) {
  // One entry: pop (with the first probe), match, header (3) plus 2 per
  // row word;
  // the packet enters the FIFO one cycle before it can be popped.
  PeTable t = integrators(1, 2);
  std::vector<Syn> row(10, Syn{1, 1, 0});
  addEntry(t, kKey, kMask, 0, {row});
  finish(t);
  TestPe pe(t);
  pe.step(0, {kKey});
  EXPECT_EQ(pe.synapseCycles(), 1u + 3 + 2 * 10);
}

TEST(SynapseEngine, ClearRestoresTheInitialState) {
  PeTable t = integrators(1, 4);
  addEntry(t, kKey, kMask, 0, {{{3, 2, 0}}});
  finish(t);
  TestPe pe(t);
  pe.step(0, {kKey});
  pe.step(1, {kKey});
  ASSERT_TRUE(pe.driver().clear());
  EXPECT_EQ(pe.driver().counter(pe::CntSynEvents), 0u);
  // The contribution still in the ring is gone.
  EXPECT_EQ(pe.step(0)[0], 0);
  EXPECT_EQ(pe.step(1)[0], 0);
  EXPECT_EQ(pe.step(2)[0], 0);
}

} // namespace
