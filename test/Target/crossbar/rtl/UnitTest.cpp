//===- UnitTest.cpp - One Verilated xbar_unit through its ports -----------===//
//
// The unit's protocol without the engine: a packet drives a word line, the
// read takes the array's samples through the ADC's digital half into slot
// t + delay, the neuron phase integrates them; and every error the unit
// latches, named by its code.
//
//===----------------------------------------------------------------------===//

#include "UnitMap.h"

#include "snnc/crossbar/rtl/VerilatedXbarUnit.h"

#include "Vxbar_unit.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>

using namespace snnc::crossbar::rtl;
namespace u = snnc::crossbar::rtl::unit;

namespace {

class UnitHarness {
public:
  UnitHarness() : model(false) {}

  void write(u::Region region, uint32_t offset, uint32_t data) {
    XbarInputs in;
    in.cfgWe = true;
    in.cfgAddr = u::cfgAddress(region, offset);
    in.cfgData = data;
    tick(in);
  }
  void reg(u::Reg r, uint32_t data) { write(u::RegionRegs, r, data); }
  void tile(uint32_t k, u::TileLane lane, uint32_t data) {
    write(u::RegionTiles, k * u::kTileLanes + lane, data);
  }
  void command(u::Cmd cmd, uint32_t step) {
    XbarInputs in;
    in.cmdValid = true;
    in.cmd = cmd;
    in.cmdStep = step;
    tick(in);
  }
  void push(uint32_t key) {
    XbarInputs in;
    in.pktPush = true;
    in.pktKey = key;
    tick(in);
  }
  /// Clocks until the unit is idle (at most `limit` cycles), answering ADC
  /// requests from `samples` and recording what the unit shows.
  uint64_t settle(uint64_t limit = 100000) {
    uint64_t n = 0;
    while (model.outputs().busy && n++ < limit)
      tick(XbarInputs());
    return n;
  }
  const XbarOutputs &out() const { return model.outputs(); }
  uint64_t counter(unsigned c) const { return model.counter(c); }

  std::map<uint32_t, int64_t> samples;
  std::vector<std::pair<uint32_t, uint32_t>> rows;
  std::vector<uint32_t> reads;
  std::map<uint32_t, int32_t> records;

private:
  void tick(XbarInputs in) {
    const XbarOutputs &o = model.outputs();
    if (o.adcReq)
      in.adcSample = samples.count(o.adcCol) ? samples[o.adcCol] : 0;
    model.tick(in);
    if (o.rowValid)
      rows.emplace_back(o.rowTile, o.row);
    if (o.readStart)
      reads.push_back(o.readTile);
    if (o.recValid)
      records[o.recIdx] = o.recV;
  }

  VerilatedXbarUnit<Vxbar_unit> model;
};

/// Four integrators (v += x) and one tile: rows 10..14 of source 0 into
/// neurons 1..2 after two steps, m_q = 300, a 5-bit ADC, 3 read cycles.
void configure(UnitHarness &h, uint32_t delay = 2) {
  h.reg(u::RegNeurons, 4);
  h.reg(u::RegFlags, u::FlagRecord);
  h.reg(u::RegKeyBase, 100);
  h.reg(u::RegSlotMask, 3);
  h.reg(u::RegTiles, 1);
  h.reg(u::RegAdcBits, 5);
  h.reg(u::RegReadCycles, 3);
  h.tile(0, u::LaneRowKey, 10);
  h.tile(0, u::LaneRowCount, 5);
  h.tile(0, u::LaneColFirst, 1);
  h.tile(0, u::LaneCols, 2);
  h.tile(0, u::LaneDelay, delay);
  h.tile(0, u::LaneMult, 300);
  h.tile(0, u::LaneTileId, 7);
  for (uint32_t j = 0; j < 4; ++j) {
    uint32_t base = j * u::kParamLanes;
    h.write(u::RegionParams, base + 0, 65536 | 30u << 17); // decay 1, s 30
    h.write(u::RegionParams, base + 1, 1u << 30);          // gain m
  }
  h.command(u::CmdClear, 0);
  h.settle();
}

TEST(CrossbarUnit, APacketIsReadIntoSlotTPlusDelay) {
  UnitHarness h;
  configure(h);
  ASSERT_EQ(h.out().errCode, u::ErrNone);
  h.command(u::CmdNeuron, 0);
  h.settle();
  h.push(12); // row 2 of the tile
  h.push(40); // no tile's row
  h.settle();
  ASSERT_EQ(h.rows.size(), 1u);
  EXPECT_EQ(h.rows[0], std::make_pair(7u, 2u));
  // +2.5 codes round to 3; -20 codes saturate at -16.
  h.samples = {{0, 5 << 15}, {1, -20 << 16}};
  h.command(u::CmdRead, 0);
  uint64_t cycles = h.settle();
  ASSERT_EQ(h.out().errCode, u::ErrNone);
  EXPECT_EQ(h.reads, std::vector<uint32_t>{7});
  // Select, 3 read cycles, 2 columns, drain, next select.
  EXPECT_GE(cycles, 3u + 2u);
  EXPECT_LE(cycles, 3u + 2u + 6u);
  for (uint32_t t = 1; t <= 2; ++t) {
    h.records.clear();
    h.command(u::CmdNeuron, t);
    h.settle();
  }
  EXPECT_EQ(h.records[0], 0);
  EXPECT_EQ(h.records[1], 3 * 300);
  EXPECT_EQ(h.records[2], -16 * 300);
  EXPECT_EQ(h.records[3], 0);
  EXPECT_EQ(h.counter(u::CntRowDrives), 1u);
  EXPECT_EQ(h.counter(u::CntCellReads), 2u);
  EXPECT_EQ(h.counter(u::CntConversions), 2u);
  EXPECT_EQ(h.counter(u::CntSaturations), 1u);
  EXPECT_EQ(h.counter(u::CntTileReads), 1u);
  EXPECT_EQ(h.counter(u::CntPacketsIn), 2u);
  EXPECT_EQ(h.counter(u::CntNeuronUpdates), 12u);
}

TEST(CrossbarUnit, APacketDrivesOneWordLinePerTileItReaches) {
  UnitHarness h;
  configure(h);
  // A second tile over rows 12..13 (another delay of the same source).
  h.reg(u::RegTiles, 2);
  h.tile(1, u::LaneRowKey, 12);
  h.tile(1, u::LaneRowCount, 2);
  h.tile(1, u::LaneColFirst, 0);
  h.tile(1, u::LaneCols, 4);
  h.tile(1, u::LaneDelay, 1);
  h.tile(1, u::LaneTileId, 9);
  h.push(13);
  // All entries are matched at once: pop, then one cycle per word line.
  EXPECT_EQ(h.settle(), 3u);
  ASSERT_EQ(h.rows.size(), 2u);
  EXPECT_EQ(h.rows[0], std::make_pair(7u, 3u));
  EXPECT_EQ(h.rows[1], std::make_pair(9u, 1u));
  EXPECT_EQ(h.counter(u::CntRowDrives), 2u);
}

TEST(CrossbarUnit, RefusesOutOfRangeRegisters) {
  struct Case {
    u::Reg reg;
    uint32_t value;
  };
  for (Case c : {Case{u::RegNeurons, u::kMaxNeurons + 1},
                 Case{u::RegTiles, u::kMaxTiles + 1}, Case{u::RegSlotMask, 5},
                 Case{u::RegAdcBits, 0}, Case{u::RegAdcBits, 17}}) {
    UnitHarness h;
    h.reg(c.reg, c.value);
    EXPECT_EQ(h.out().errCode, u::ErrConfig) << c.reg << " " << c.value;
  }
  UnitHarness h;
  h.write(u::RegionTiles, u::kMaxTiles * u::kTileLanes, 1);
  EXPECT_EQ(h.out().errCode, u::ErrCfgAddr);
}

TEST(CrossbarUnit, RefusesARingLargerThanItsMemory) {
  UnitHarness h;
  h.reg(u::RegNeurons, u::kMaxNeurons);
  h.reg(u::RegSlotMask, 2 * u::kRingWords / u::kMaxNeurons - 1);
  ASSERT_EQ(h.out().errCode, u::ErrNone);
  h.command(u::CmdNeuron, 0);
  EXPECT_EQ(h.out().errCode, u::ErrConfig);
}

TEST(CrossbarUnit, RefusesACommandWhileBusy) {
  UnitHarness h;
  h.command(u::CmdClear, 0);
  h.command(u::CmdNeuron, 0);
  EXPECT_EQ(h.out().errCode, u::ErrBusy);
  EXPECT_FALSE(h.out().busy); // a halted unit is not busy
}

TEST(CrossbarUnit, RefusesATileDelayBeyondTheRing) {
  UnitHarness h;
  configure(h, 4); // 4 slots: delays 1..3
  h.push(10);
  h.settle();
  h.samples = {{0, 0}, {1, 0}};
  h.command(u::CmdRead, 0);
  h.settle();
  EXPECT_EQ(h.out().errCode, u::ErrDelay);
}

TEST(CrossbarUnit, RefusesTileColumnsBeyondTheSlice) {
  UnitHarness h;
  configure(h);
  h.tile(0, u::LaneCols, 4); // columns 1..4 of 4 neurons
  h.push(10);
  h.settle();
  h.command(u::CmdRead, 0);
  h.settle();
  EXPECT_EQ(h.out().errCode, u::ErrColumns);
}

TEST(CrossbarUnit, RefusesAPushIntoAFullFifo) {
  UnitHarness h;
  configure(h);
  // Every entry holds row 10: a packet drives one word line per tile, one
  // per cycle, while packets arrive every cycle.
  h.reg(u::RegTiles, u::kMaxTiles);
  for (uint32_t k = 1; k < u::kMaxTiles; ++k) {
    h.tile(k, u::LaneRowKey, 10);
    h.tile(k, u::LaneRowCount, 1);
  }
  for (uint32_t n = 0; n < u::kFifoDepth + 4; ++n)
    h.push(10);
  EXPECT_EQ(h.out().errCode, u::ErrFifoOverflow);
}

} // namespace
