//===- PeErrorsTest.cpp - Corrupt tables, overflow and the watchdog -------===//
//
// Every check of the PE turns a bad table, a protocol violation or a hang
// into a sticky error code; the driver turns it into a message naming the
// PE and the step. Nothing may hang: the watchdog bounds busy cycles
// without progress.
//
//===----------------------------------------------------------------------===//

#include "TestPe.h"

#include <gtest/gtest.h>

using namespace snnc::rtl;
using namespace snnc::rtl::test;

namespace {

constexpr uint32_t kKey = 0x2000;
constexpr uint32_t kMask = ~0xFFu;

std::string errorOf(PeTable t, uint32_t key = kKey) {
  TestPe pe(t);
  pe.step(0, {key});
  return pe.error();
}

TEST(PeErrors, DelayZeroIsRefused) {
  PeTable t = oneSource(2, 4, kKey, kMask, {{{1, 0, 0}}});
  std::string e = errorOf(t);
  EXPECT_TRUE(contains(e, "rtl: PE under test step 0: "));
  EXPECT_TRUE(contains(e, "delay 0 or beyond the ring"));
}

TEST(PeErrors, DelayBeyondTheRingIsRefused) {
  PeTable t = oneSource(2, 4, kKey, kMask, {{{1, 4, 0}}});
  EXPECT_TRUE(contains(errorOf(t), "delay 0 or beyond the ring"));
}

TEST(PeErrors, TargetBeyondTheSliceIsRefused) {
  PeTable t = oneSource(3, 4, kKey, kMask, {{{1, 1, 3}}});
  EXPECT_TRUE(contains(errorOf(t), "targets a neuron beyond the slice"));
}

TEST(PeErrors, KeyIndexBeyondItsRowTableIsRefused) {
  PeTable t = oneSource(2, 4, kKey, kMask, {{{1, 1, 0}}, {}});
  EXPECT_TRUE(contains(errorOf(t, kKey | 5), "indexes past its row table"));
}

TEST(PeErrors, CorruptRowHeaderIsRefused) {
  PeTable t = oneSource(2, 4, kKey, kMask, {{{1, 1, 0}}});
  // Point the row into the ring buffer.
  t.tables[0] = pe::rowHeader(2, 1);
  EXPECT_TRUE(contains(errorOf(t), "synaptic row outside the table region"));
  // And past the end of the tables.
  t.tables[0] = pe::rowHeader(t.synEnd, 1);
  EXPECT_TRUE(contains(errorOf(t), "synaptic row outside the table region"));
}

TEST(PeErrors, CorruptKeyEntryIsRefused) {
  PeTable t = oneSource(2, 4, kKey, kMask, {{{1, 1, 0}}});
  t.entries[0].rowBase = t.synEnd + 7;
  EXPECT_TRUE(contains(errorOf(t), "row header outside the table region"));
}

TEST(PeErrors, WatchdogStopsAStepThatMakesNoProgress) {
  PeTable t = oneSource(1, 2, kKey, kMask,
                        {std::vector<Syn>(200, Syn{1, 1, 0})}, /*watchdog=*/50);
  std::string e = errorOf(t);
  EXPECT_TRUE(contains(e, "PE under test step 0"));
  EXPECT_TRUE(contains(e, "watchdog"));
}

TEST(PeErrors, CorruptLoadFailsTheCrc) {
  PeTable t = oneSource(2, 4, kKey, kMask, {{{1, 1, 0}}});
  PeDriver d(makeVerilatedPe(false), "PE 7 (chip 0, population 'p' slice 1)",
             t.watchdog, SNNC_PE_IN_FIFO_DEPTH);
  std::vector<std::pair<uint32_t, uint32_t>> writes = configWrites(t);
  snnc::image::Status st =
      d.load(writes, std::make_pair(uint64_t(writes.size() - 1), 4u));
  ASSERT_FALSE(st);
  EXPECT_TRUE(contains(st.error().message(),
                       "PE 7 (chip 0, population 'p' slice 1): table load "
                       "failed its CRC-32 check"));
}

/// Raw port access, for violations the driver never commits.
struct RawPe {
  std::unique_ptr<PeModel> m = makeVerilatedPe(false);
  void write(uint32_t addr, uint32_t data) {
    PeInputs in;
    in.cfgWe = true;
    in.cfgAddr = addr;
    in.cfgData = data;
    m->tick(in);
  }
  void load(const PeTable &t) {
    for (const auto &[addr, data] : configWrites(t))
      write(addr, data);
    m->tick(PeInputs());
  }
};

TEST(PeErrors, PushIntoAFullFifoIsAnOverflow) {
  PeTable t =
      oneSource(1, 2, kKey, kMask, {std::vector<Syn>(50, Syn{1, 1, 0})});
  RawPe pe;
  pe.load(t);
  PeInputs in;
  in.pktPush = true;
  in.pktKey = kKey;
  for (int i = 0; i < 200 && pe.m->outputs().errCode == pe::ErrNone; ++i)
    pe.m->tick(in);
  EXPECT_EQ(pe.m->outputs().errCode, pe::ErrFifoOverflow);
  EXPECT_EQ(pe.m->outputs().errInfo, kKey);
  // A halted PE is never busy, so no caller can wait on it forever.
  pe.m->tick(PeInputs());
  EXPECT_FALSE(pe.m->outputs().busy);
}

TEST(PeErrors, OutOfRangeRegistersAndAddressesAreRefused) {
  {
    RawPe pe;
    pe.write(pe::kRegionRegs | pe::RegNeurons, SNNC_PE_MAX_NEURONS + 1);
    EXPECT_EQ(pe.m->outputs().errCode, pe::ErrConfig);
  }
  {
    RawPe pe;
    pe.write(pe::kRegionRegs | pe::RegSlotMask, 6); // not 2^k - 1
    EXPECT_EQ(pe.m->outputs().errCode, pe::ErrConfig);
  }
  {
    RawPe pe;
    pe.write(pe::kRegionDmem | SNNC_PE_DMEM_WORDS, 1);
    EXPECT_EQ(pe.m->outputs().errCode, pe::ErrCfgAddr);
    EXPECT_EQ(pe.m->outputs().errInfo, pe::kRegionDmem | SNNC_PE_DMEM_WORDS);
  }
  {
    // A ring that disagrees with slots x neurons.
    RawPe pe;
    PeTable t = integrators(3, 4);
    finish(t);
    t.ringWords = 11;
    t.synEnd = 11;
    pe.load(t);
    PeInputs in;
    in.cmdValid = true;
    in.cmd = pe::CmdNeuron;
    pe.m->tick(in);
    EXPECT_EQ(pe.m->outputs().errCode, pe::ErrConfig);
  }
}

TEST(PeErrors, CommandWhileBusyIsRefused) {
  RawPe pe;
  PeTable t = integrators(8, 2);
  finish(t);
  pe.load(t);
  PeInputs in;
  in.cmdValid = true;
  in.cmd = pe::CmdNeuron;
  pe.m->tick(in);
  ASSERT_TRUE(pe.m->outputs().busy);
  pe.m->tick(in);
  EXPECT_EQ(pe.m->outputs().errCode, pe::ErrBusy);
  EXPECT_STREQ(pe::describeError(pe::ErrBusy),
               "command or load while an engine was running");
}

} // namespace
