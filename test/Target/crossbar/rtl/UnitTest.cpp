//===- UnitTest.cpp - One Verilated xbar_unit through its ports -----------===//
//
// The unit's protocol without the engine: a packet drives a word line, the
// read takes the array's samples through the ADC's digital half into slot
// t + delay, the neuron phase integrates them; a digital tile's active
// rows summed from the unit's own memory, as readDigitalTile sums them; and
// every error the unit latches, named by its code.
//
//===----------------------------------------------------------------------===//

#include "UnitMap.h"

#include "snnc/crossbar/TileRead.h"
#include "snnc/crossbar/rtl/VerilatedXbarUnit.h"

#include "Vxbar_unit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>

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
  void word(uint32_t address, int16_t value) {
    write(u::RegionDigital, address, uint16_t(value));
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

namespace {

/// A digital tile of `rows` x `cols` int16 weights from word `base` of the
/// digital memory: its entry (rows of source 0 from packet 10, into
/// neurons colFirst.., m_q `mult`) and its weights after the row list.
void digitalTile(UnitHarness &h, uint32_t k, uint32_t base, uint32_t rows,
                 uint32_t cols, const std::vector<int16_t> &weights,
                 int32_t mult, uint32_t colFirst = 0, uint32_t delay = 1) {
  h.tile(k, u::LaneRowKey, 10);
  h.tile(k, u::LaneRowCount, rows);
  h.tile(k, u::LaneColFirst, colFirst);
  h.tile(k, u::LaneCols, cols);
  h.tile(k, u::LaneDelay, delay);
  h.tile(k, u::LaneMult, uint32_t(mult));
  h.tile(k, u::LaneTileId, 40 + k);
  h.tile(k, u::LaneDigital, u::kDigitalFlag | base);
  for (uint32_t i = 0; i < rows * cols; ++i)
    h.word(base + rows + i, weights[i]);
}

/// `neurons` integrators (v += x, recorded), 4 ring slots, no tiles yet.
void integrators(UnitHarness &h, uint32_t neurons, uint32_t tiles) {
  h.reg(u::RegNeurons, neurons);
  h.reg(u::RegFlags, u::FlagRecord);
  h.reg(u::RegKeyBase, 100);
  h.reg(u::RegSlotMask, 3);
  h.reg(u::RegTiles, tiles);
  h.reg(u::RegAdcBits, 5);
  h.reg(u::RegReadCycles, 3);
  for (uint32_t j = 0; j < neurons; ++j) {
    uint32_t base = j * u::kParamLanes;
    h.write(u::RegionParams, base + 0, 65536 | 30u << 17);
    h.write(u::RegionParams, base + 1, 1u << 30);
  }
}

/// The ring input each neuron integrates from a read in step 0 at delay 1:
/// the records of the neuron phase of step 1.
std::map<uint32_t, int32_t> inputsAfterOneStep(UnitHarness &h) {
  h.records.clear();
  h.command(u::CmdNeuron, 1);
  h.settle();
  return h.records;
}

/// What ref reads: readDigitalTile's codes x m_q per column.
std::vector<int64_t> refRead(uint32_t rows, uint32_t cols,
                             const std::vector<int16_t> &weights,
                             const std::vector<uint32_t> &active, int32_t mult,
                             snnc::crossbar::ReadCounts &counts) {
  snnc::crossbar::ReadyTile t;
  t.rows = rows;
  t.cols = cols;
  t.digital = true;
  t.weights = weights;
  std::vector<int32_t> codes(cols);
  snnc::crossbar::readDigitalTile(t, active.data(), active.size(), codes.data(),
                                  counts);
  std::vector<int64_t> out;
  for (int32_t c : codes)
    out.push_back(int64_t(c) * mult);
  return out;
}

TEST(CrossbarUnitDigital, OneActiveRowAddsItsWeightsWithoutTheArray) {
  UnitHarness h;
  integrators(h, 4, 1);
  // 5 x 2 weights, row r = {10 r + 1, -(10 r + 2)}.
  std::vector<int16_t> w;
  for (int r = 0; r < 5; ++r)
    w.insert(w.end(), {int16_t(10 * r + 1), int16_t(-(10 * r + 2))});
  digitalTile(h, 0, 0, 5, 2, w, 300, 1);
  h.command(u::CmdClear, 0);
  h.settle();
  h.push(12); // row 2
  h.settle();
  h.command(u::CmdRead, 0);
  uint64_t cycles = h.settle();
  ASSERT_EQ(h.out().errCode, u::ErrNone);
  // No word line, no read pulse, no ADC: the array is not involved.
  EXPECT_TRUE(h.rows.empty());
  EXPECT_TRUE(h.reads.empty());
  // 1 row x 2 columns: select, 2 list words, 3 to drain, next select.
  EXPECT_EQ(cycles, 2u + 5u);
  std::map<uint32_t, int32_t> v = inputsAfterOneStep(h);
  EXPECT_EQ(v[0], 0);
  EXPECT_EQ(v[1], 21 * 300);
  EXPECT_EQ(v[2], -22 * 300);
  EXPECT_EQ(v[3], 0);
  EXPECT_EQ(h.counter(u::CntRowDrives), 0u);
  EXPECT_EQ(h.counter(u::CntCellReads), 2u);
  EXPECT_EQ(h.counter(u::CntDigitalReads), 2u);
  EXPECT_EQ(h.counter(u::CntConversions), 0u);
  EXPECT_EQ(h.counter(u::CntSaturations), 0u);
  EXPECT_EQ(h.counter(u::CntTileReads), 1u);
  EXPECT_EQ(h.counter(u::CntPacketsIn), 1u);
}

TEST(CrossbarUnitDigital, AllRowsActiveSumPerColumnAsReadDigitalTile) {
  UnitHarness h;
  const uint32_t rows = 7, cols = 3;
  integrators(h, 3, 1);
  std::vector<int16_t> w;
  for (uint32_t i = 0; i < rows * cols; ++i)
    w.push_back(int16_t(int(i * 7919u % 2001) - 1000));
  digitalTile(h, 0, 5, rows, cols, w, -7);
  h.command(u::CmdClear, 0);
  h.settle();
  // Rows arrive in any order; the sum is exact.
  for (uint32_t r : {6u, 0u, 3u, 1u, 5u, 2u, 4u})
    h.push(10 + r);
  h.settle();
  h.command(u::CmdRead, 0);
  uint64_t cycles = h.settle();
  ASSERT_EQ(h.out().errCode, u::ErrNone);
  // One weight per cycle.
  EXPECT_EQ(cycles, uint64_t(rows * cols) + 5);
  snnc::crossbar::ReadCounts counts;
  std::vector<int64_t> want =
      refRead(rows, cols, w, {0, 1, 2, 3, 4, 5, 6}, -7, counts);
  std::map<uint32_t, int32_t> v = inputsAfterOneStep(h);
  for (uint32_t c = 0; c < cols; ++c)
    EXPECT_EQ(v[c], want[c]) << c;
  EXPECT_EQ(h.counter(u::CntCellReads), counts.cellReads);
  EXPECT_EQ(h.counter(u::CntDigitalReads), counts.digitalReads);
  EXPECT_EQ(h.counter(u::CntRowDrives), 0u);
}

TEST(CrossbarUnitDigital, NegativeAndExtremeWeightsSumBeyond16Bits) {
  UnitHarness h;
  const uint32_t rows = 6, cols = 2;
  integrators(h, 2, 1);
  // Column 0 all -32767, column 1 all +32767: sums beyond int16.
  std::vector<int16_t> w;
  for (uint32_t r = 0; r < rows; ++r)
    w.insert(w.end(), {int16_t(-32767), int16_t(32767)});
  digitalTile(h, 0, 0, rows, cols, w, -3);
  h.command(u::CmdClear, 0);
  h.settle();
  for (uint32_t r = 0; r < rows; ++r)
    h.push(10 + r);
  h.settle();
  h.command(u::CmdRead, 0);
  h.settle();
  ASSERT_EQ(h.out().errCode, u::ErrNone);
  std::map<uint32_t, int32_t> v = inputsAfterOneStep(h);
  EXPECT_EQ(v[0], int32_t(6) * -32767 * -3);
  EXPECT_EQ(v[1], int32_t(6) * 32767 * -3);
}

TEST(CrossbarUnitDigital, MatchesReadDigitalTileOverRandomRowSets) {
  // Two digital tiles of one source (delays 1 and 2) beside an analog one
  // on the same rows; each step a random row set, read, and the inputs
  // checked against readDigitalTile (the analog tile's samples are 0).
  std::mt19937 rng(11);
  const uint32_t rows = 20, cols = 5;
  UnitHarness h;
  integrators(h, 2 * cols, 3);
  std::vector<std::vector<int16_t>> w(2);
  for (std::vector<int16_t> &tile : w)
    for (uint32_t i = 0; i < rows * cols; ++i)
      tile.push_back(int16_t(int(rng() % 65535) - 32767));
  digitalTile(h, 0, 0, rows, cols, w[0], 5, 0, 1);
  digitalTile(h, 1, rows * (cols + 1), rows, cols, w[1], -2, cols, 2);
  h.tile(2, u::LaneRowKey, 10);
  h.tile(2, u::LaneRowCount, rows);
  h.tile(2, u::LaneColFirst, 0);
  h.tile(2, u::LaneCols, 2 * cols);
  h.tile(2, u::LaneDelay, 1);
  h.tile(2, u::LaneMult, 1);
  h.tile(2, u::LaneTileId, 3);
  h.command(u::CmdClear, 0);
  h.settle();
  std::vector<int64_t> expect(2 * cols, 0), pending(2 * cols, 0);
  uint64_t cells = 0, digital = 0, drives = 0;
  for (uint32_t t = 0; t < 12; ++t) {
    std::vector<uint32_t> active;
    for (uint32_t r = 0; r < rows; ++r)
      if (rng() % 3 == 0)
        active.push_back(r);
    if (t == 3)
      active.clear();
    if (t == 4)
      for (uint32_t r = 0; r < rows; ++r)
        active.push_back(r);
    std::sort(active.begin(), active.end());
    active.erase(std::unique(active.begin(), active.end()), active.end());
    std::vector<uint32_t> order = active;
    std::shuffle(order.begin(), order.end(), rng);
    h.rows.clear();
    for (uint32_t r : order)
      h.push(10 + r);
    h.settle();
    EXPECT_EQ(h.rows.size(), active.size()); // the analog tile's only
    h.command(u::CmdRead, t);
    h.settle();
    ASSERT_EQ(h.out().errCode, u::ErrNone) << t;
    // Inputs of step t + 1: slot t + 1 (delay 1 of this step, delay 2 of
    // the last).
    std::vector<int64_t> now = pending;
    std::fill(pending.begin(), pending.end(), 0);
    snnc::crossbar::ReadCounts counts;
    if (!active.empty()) {
      std::vector<int64_t> a = refRead(rows, cols, w[0], active, 5, counts);
      std::vector<int64_t> b = refRead(rows, cols, w[1], active, -2, counts);
      for (uint32_t c = 0; c < cols; ++c) {
        now[c] += a[c];
        pending[cols + c] += b[c];
      }
    }
    cells += counts.cellReads + active.size() * 2 * cols;
    digital += counts.digitalReads;
    drives += active.size();
    h.records.clear();
    h.command(u::CmdNeuron, t + 1);
    h.settle();
    for (uint32_t j = 0; j < 2 * cols; ++j) {
      expect[j] += now[j];
      EXPECT_EQ(h.records[j], expect[j]) << "step " << t << " neuron " << j;
    }
  }
  EXPECT_EQ(h.counter(u::CntCellReads), cells);
  EXPECT_EQ(h.counter(u::CntDigitalReads), digital);
  EXPECT_EQ(h.counter(u::CntRowDrives), drives);
}

TEST(CrossbarUnitDigital, RefusesADigitalTileBeyondItsMemory) {
  UnitHarness h;
  integrators(h, 4, 1);
  std::vector<int16_t> w(4 * 2, 1);
  // 4 list words and 8 weights from 4 words before the end.
  digitalTile(h, 0, 0, 4, 2, w, 1);
  h.tile(0, u::LaneDigital, u::kDigitalFlag | (u::kDigitalWords - 4));
  h.command(u::CmdClear, 0);
  h.settle();
  h.push(10);
  h.settle();
  // Refused before the list write lands beyond the memory.
  EXPECT_EQ(h.counter(u::CntPacketsIn), 1u);
  EXPECT_EQ(h.out().errCode, u::ErrDigital);
  EXPECT_EQ(h.out().errInfo, 0u);
}

TEST(CrossbarUnitDigital, RefusesAWeightWriteOutsideTheMemory) {
  UnitHarness h;
  h.word(u::kDigitalWords - 1, 1);
  EXPECT_EQ(h.out().errCode, u::ErrNone);
  if (u::kDigitalWords < (1u << 20)) {
    h.word(u::kDigitalWords, 1);
    EXPECT_EQ(h.out().errCode, u::ErrCfgAddr);
  }
}

} // namespace
