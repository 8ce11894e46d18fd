//===- NetlistTest.cpp - SFQ cell kinds and the netlist's wiring rules ----===//

#include "snnc/sfq/Netlist.h"
#include "snnc/sfq/Counters.h"

#include <gtest/gtest.h>

using namespace snnc::sfq;

namespace {

void wire(Netlist &n, uint32_t from, unsigned out, uint32_t to, unsigned in) {
  n.connect({from, uint8_t(out)}, {to, uint8_t(in)});
}

/// input -> jtl -> split -> (merge a, merge b) -> sink: every rule holds.
Netlist diamond() {
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t jtl = n.addCell(CellKind::Jtl);
  uint32_t split = n.addCell(CellKind::Split);
  uint32_t merge = n.addCell(CellKind::Merge);
  uint32_t sink = n.addCell(CellKind::Sink);
  wire(n, in, 0, jtl, 0);
  wire(n, jtl, 0, split, 0);
  wire(n, split, 0, merge, 0);
  wire(n, split, 1, merge, 1);
  wire(n, merge, 0, sink, 0);
  return n;
}

/// One cell of `kind` (parameters a, b) fed by input cells on its required
/// inputs, its output into a sink.
Netlist single(CellKind kind, uint64_t a, uint64_t b) {
  Netlist n;
  const CellKindInfo &info = kindInfo(kind);
  std::vector<uint32_t> ins;
  for (unsigned i = 0; i < info.requiredInputs; ++i)
    ins.push_back(n.addCell(CellKind::Input, i));
  uint32_t c = n.addCell(kind, a, b);
  for (unsigned i = 0; i < ins.size(); ++i)
    wire(n, ins[i], 0, c, i);
  for (unsigned o = 0; o < info.outputs; ++o)
    wire(n, c, o, n.addCell(CellKind::Sink), 0);
  return n;
}

TEST(SfqCellKinds, TableFollowsTheContract) {
  const CellKindInfo &split = kindInfo(CellKind::Split);
  EXPECT_STREQ(split.name, "split");
  EXPECT_EQ(split.inputs, 1);
  EXPECT_EQ(split.outputs, 2);
  EXPECT_STREQ(split.outputNames[1], "q1");

  const CellKindInfo &ndro = kindInfo(CellKind::Ndro);
  EXPECT_EQ(ndro.inputs, 3);
  EXPECT_STREQ(ndro.inputNames[2], "clk");

  const CellKindInfo &neuron = kindInfo(CellKind::Neuron);
  EXPECT_EQ(neuron.inputs, 3);
  EXPECT_EQ(neuron.requiredInputs, 0);
  EXPECT_STREQ(neuron.inputNames[0], "exc");
  EXPECT_STREQ(neuron.inputNames[1], "inh");
  EXPECT_STREQ(neuron.inputNames[2], "leak");

  EXPECT_EQ(kindInfo(CellKind::Input).inputs, 0);
  EXPECT_EQ(kindInfo(CellKind::Clock).inputs, 0);
  EXPECT_EQ(kindInfo(CellKind::Sink).outputs, 0);

  for (unsigned k = 0; k < kNumCellKinds; ++k) {
    auto kind = static_cast<CellKind>(k);
    const CellKindInfo &info = kindInfo(kind);
    bool clocked = kind == CellKind::Dff || kind == CellKind::Ndro ||
                   kind == CellKind::And2 || kind == CellKind::Or2 ||
                   kind == CellKind::Xor2 || kind == CellKind::Not;
    EXPECT_EQ(info.clocked, clocked) << info.name;
    if (clocked) {
      EXPECT_STREQ(info.inputNames[info.inputs - 1], "clk") << info.name;
    }
    if (kind != CellKind::Neuron) {
      EXPECT_EQ(info.requiredInputs, info.inputs) << info.name;
    }
    EXPECT_EQ(cellKindNamed(info.name), kind);
  }
  EXPECT_EQ(cellKindNamed("not"), CellKind::Not);
  EXPECT_FALSE(cellKindNamed("tff"));
  EXPECT_FALSE(cellKindNamed(""));
}

TEST(SfqCellKinds, ResetRulesByName) {
  for (ResetRule r :
       {ResetRule::Zero, ResetRule::Subtract, ResetRule::ReleaseOne})
    EXPECT_EQ(resetRuleNamed(toString(r)), r);
  EXPECT_STREQ(toString(ResetRule::ReleaseOne), "release_one");
  EXPECT_FALSE(resetRuleNamed("release-one"));
}

TEST(SfqCounters, NamesFollowTheDef) {
  EXPECT_STREQ(counterName(Counter::NeuronUpdates), "neuron_updates");
  EXPECT_STREQ(counterName(Counter::SynapticEvents), "synaptic_events");
  EXPECT_STREQ(counterName(Counter::MergeCollisions), "merge_collisions");
  EXPECT_STREQ(counterName(Counter::SetupViolations), "setup_violations");
  EXPECT_STREQ(counterName(Counter::NotClears), "not_clears");
  EXPECT_EQ(index(Counter::NotClears), kNumCounters - 1);
}

TEST(SfqNetlist, WiringAndQueries) {
  Netlist n = diamond();
  EXPECT_EQ(n.check(), "");
  EXPECT_EQ(n.size(), 5u);
  EXPECT_EQ(n.destination(2, 1), (Pin{3, 1}));
  EXPECT_EQ(n.destination(3, 0), (Pin{4, 0}));
  EXPECT_EQ(n.outputOffsets(), (std::vector<uint32_t>{0, 1, 2, 4, 5, 5}));
  EXPECT_EQ(n.describeOutput({2, 1}), "cell 2 (split) output q1");
  EXPECT_EQ(n.describeInput({3, 1}), "cell 3 (merge) input b");
  EXPECT_EQ(n.describeInput({3, 7}), "cell 3 (merge) input 7");
  EXPECT_EQ(n.describeOutput({9, 0}), "cell 9 output 0");

  std::vector<uint64_t> counts = n.countByKind();
  ASSERT_EQ(counts.size(), kNumCellKinds);
  EXPECT_EQ(counts[unsigned(CellKind::Split)], 1u);
  EXPECT_EQ(counts[unsigned(CellKind::Neuron)], 0u);

  Netlist same = diamond();
  EXPECT_TRUE(n == same);
  same.cell(3).a = 1;
  EXPECT_FALSE(n == same);
  Netlist rewired = diamond();
  wire(rewired, 2, 0, 3, 1);
  wire(rewired, 2, 1, 3, 0);
  EXPECT_FALSE(n == rewired);
  EXPECT_EQ(rewired.check(), "");
}

TEST(SfqNetlistCheck, OutputDrivesNothing) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t split = n.addCell(CellKind::Split);
  uint32_t sink = n.addCell(CellKind::Sink);
  wire(n, in, 0, split, 0);
  wire(n, split, 0, sink, 0);
  EXPECT_EQ(n.check(), "cell 1 (split) output q1 drives nothing; an SFQ "
                       "output drives exactly one input (terminate it with a "
                       "sink)");
}

TEST(SfqNetlistCheck, InputDrivenTwice) {
  Netlist n;
  uint32_t in0 = n.addCell(CellKind::Input, 0);
  uint32_t j1 = n.addCell(CellKind::Jtl);
  uint32_t j2 = n.addCell(CellKind::Jtl);
  uint32_t merge = n.addCell(CellKind::Merge);
  uint32_t in1 = n.addCell(CellKind::Input, 1);
  uint32_t split = n.addCell(CellKind::Split);
  wire(n, in0, 0, split, 0);
  wire(n, split, 0, j1, 0);
  wire(n, split, 1, j2, 0);
  wire(n, j1, 0, merge, 1);
  wire(n, j2, 0, merge, 1);
  wire(n, in1, 0, merge, 0);
  wire(n, merge, 0, n.addCell(CellKind::Sink), 0);
  EXPECT_EQ(n.check(), "cell 3 (merge) input b is driven by both cell 1 "
                       "(jtl) output q and cell 2 (jtl) output q");
}

TEST(SfqNetlistCheck, RequiredInputUndriven) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t merge = n.addCell(CellKind::Merge);
  wire(n, in, 0, merge, 0);
  wire(n, merge, 0, n.addCell(CellKind::Sink), 0);
  EXPECT_EQ(n.check(),
            "cell 1 (merge) input b is undriven; merge needs inputs a, b "
            "driven");

  Netlist dff;
  uint32_t d = dff.addCell(CellKind::Dff);
  wire(dff, dff.addCell(CellKind::Input, 0), 0, d, 0);
  wire(dff, d, 0, dff.addCell(CellKind::Sink), 0);
  EXPECT_EQ(dff.check(),
            "cell 0 (dff) input clk is undriven; dff needs inputs a, clk "
            "driven");
}

TEST(SfqNetlistCheck, NeuronNeedsNoInput) {
  Netlist n = single(CellKind::Neuron, 2, 0);
  EXPECT_EQ(n.check(), "");

  Netlist bare;
  uint32_t neuron = bare.addCell(CellKind::Neuron, 1);
  wire(bare, bare.addCell(CellKind::Input, 0), 0, neuron, 1);
  wire(bare, neuron, 0, bare.addCell(CellKind::Sink), 0);
  // Only inhibitory synapses: it never fires, but it is a neuron.
  EXPECT_EQ(bare.check(), "");
}

TEST(SfqNetlistCheck, PortsThatDoNotExist) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t jtl = n.addCell(CellKind::Jtl);
  wire(n, in, 0, jtl, 1);
  wire(n, jtl, 0, n.addCell(CellKind::Sink), 0);
  EXPECT_EQ(n.check(), "cell 0 (input) output q drives cell 1 (jtl) input 1, "
                       "which does not exist (jtl has input a)");

  Netlist toClock;
  uint32_t i2 = toClock.addCell(CellKind::Input, 0);
  uint32_t clock = toClock.addCell(CellKind::Clock, 10);
  wire(toClock, i2, 0, clock, 0);
  wire(toClock, clock, 0, toClock.addCell(CellKind::Sink), 0);
  EXPECT_EQ(toClock.check(), "cell 0 (input) output q drives cell 1 (clock) "
                             "input 0, which does not exist (clock has no "
                             "inputs)");

  Netlist far;
  uint32_t i3 = far.addCell(CellKind::Input, 0);
  far.addCell(CellKind::Sink);
  wire(far, i3, 0, 7, 0);
  EXPECT_EQ(far.check(), "cell 0 (input) output q drives cell 7, which does "
                         "not exist (the netlist has 2 cells)");

  // An output the cell does not have must not overwrite a neighbour's wire.
  Netlist stray = diamond();
  wire(stray, 1, 1, 3, 0);
  EXPECT_EQ(stray.destination(2, 0), (Pin{3, 0}));
  EXPECT_EQ(stray.check(), "a wire to cell 3 (merge) input a starts at cell "
                           "1 (jtl) output 1, which does not exist (jtl has "
                           "1 output)");
  Netlist nowhere = diamond();
  wire(nowhere, 40, 0, 3, 0);
  EXPECT_EQ(nowhere.check(), "a wire to cell 3 (merge) input a starts at cell "
                             "40, which does not exist (the netlist has 5 "
                             "cells)");
}

TEST(SfqNetlistCheck, KindChangedAfterAddCell) {
  Netlist n = diamond();
  n.cell(1).kind = CellKind::Split;
  EXPECT_EQ(n.check(), "cell 1 (split) has 1 output wire but its kind has 2 "
                       "outputs (kind changed after addCell)");
}

TEST(SfqNetlistCheck, Parameters) {
  EXPECT_EQ(single(CellKind::Neuron, 0, 0).check(),
            "cell 0 (neuron) has theta 0; a neuron's threshold is at least 1 "
            "fluxon");
  EXPECT_EQ(single(CellKind::Neuron, 1, 3).check(),
            "cell 0 (neuron) has reset rule 3; expected 0 (zero), 1 "
            "(subtract) or 2 (release_one)");
  EXPECT_EQ(single(CellKind::Neuron, 1, 2).check(), "");
  EXPECT_EQ(single(CellKind::Pulser, 0, 10).check(),
            "cell 1 (pulser) emits 0 pulses; a pulser's k is at least 1");
  EXPECT_EQ(single(CellKind::Pulser, 2, 0).check(),
            "cell 1 (pulser) has spacing 0 ticks; a pulser's spacing is at "
            "least 1 tick");
  EXPECT_EQ(single(CellKind::Pulser, 1, 1).check(), "");
  EXPECT_EQ(single(CellKind::Clock, 0, 5).check(),
            "cell 0 (clock) has period 0 ticks; a clock's period is at least "
            "1 tick");
  EXPECT_EQ(single(CellKind::Clock, 1, 5).check(), "");
  EXPECT_EQ(single(CellKind::Synapse, uint64_t(1) << 32, 0).check(),
            "cell 1 (synapse) has pass threshold 4294967296; P is at most "
            "2^32 - 1 (pass iff a 32-bit draw is below P)");
  EXPECT_EQ(single(CellKind::Synapse, (uint64_t(1) << 32) - 1, 0).check(), "");
}

} // namespace
