//===- PulseSimulatorTest.cpp - Pulse-level semantics of docs/sfq.md ------===//
//
// Every expected tick below is worked out by hand from Timing.h, so a
// change of event order, delay or window handling shows as a wrong tick.
//
//===----------------------------------------------------------------------===//

#include "Timing.h"

#include "snnc/Support/CounterRng.h"
#include "snnc/sfq/PulseSimulator.h"

#include <gtest/gtest.h>

using namespace snnc::sfq;

namespace {

const TimingTable kTiming = test::coldFluxTiming();

void wire(Netlist &n, uint32_t from, unsigned out, uint32_t to, unsigned in) {
  n.connect({from, uint8_t(out)}, {to, uint8_t(in)});
}

uint64_t get(const PulseSimulator &sim, Counter c) {
  return sim.counters()[index(c)];
}

/// Ticks at which `cell` emitted on `port`.
std::vector<uint64_t> emitted(const std::vector<PulseRecord> &trace,
                              uint32_t cell, uint8_t port = 0) {
  std::vector<uint64_t> ticks;
  for (const PulseRecord &r : trace)
    if (r.cell == cell && r.port == port)
      ticks.push_back(r.tick);
  return ticks;
}

using Ticks = std::vector<uint64_t>;

/// Input cells 0 .. n-1 (element i drives input port i) into one cell of
/// `kind` (cell n), its output into a sink.
struct Gate {
  Netlist net;
  uint32_t cell;

  Gate(CellKind kind, uint64_t a = 0, uint64_t b = 0) {
    unsigned inputs = kindInfo(kind).inputs;
    for (unsigned i = 0; i < inputs; ++i)
      net.addCell(CellKind::Input, i);
    cell = net.addCell(kind, a, b);
    for (unsigned i = 0; i < inputs; ++i)
      wire(net, i, 0, cell, i);
    wire(net, cell, 0, net.addCell(CellKind::Sink), 0);
    EXPECT_EQ(net.check(), "");
  }
};

/// Runs `pulses` (tick, element) through `sim` to `end`; returns the trace.
std::vector<PulseRecord>
drive(PulseSimulator &sim,
      std::initializer_list<std::pair<uint64_t, uint32_t>> pulses,
      uint64_t end = 100000, std::vector<NeuronFire> *fires = nullptr) {
  for (auto [tick, element] : pulses)
    sim.inject(tick, element);
  std::vector<NeuronFire> local;
  std::vector<PulseRecord> trace;
  sim.runUntil(end, fires ? *fires : local, &trace);
  return trace;
}

TEST(SfqPulseSimulator, ChainDelaysAndOrder) {
  // in -> jtl -> split; q0 -> merge a; q1 -> jtl2 -> merge b; merge -> sink.
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t jtl = n.addCell(CellKind::Jtl);
  uint32_t split = n.addCell(CellKind::Split);
  uint32_t jtl2 = n.addCell(CellKind::Jtl);
  uint32_t merge = n.addCell(CellKind::Merge);
  uint32_t sink = n.addCell(CellKind::Sink);
  wire(n, in, 0, jtl, 0);
  wire(n, jtl, 0, split, 0);
  wire(n, split, 0, merge, 0);
  wire(n, split, 1, jtl2, 0);
  wire(n, jtl2, 0, merge, 1);
  wire(n, merge, 0, sink, 0);
  ASSERT_EQ(n.check(), "");

  PulseSimulator sim(n, kTiming, 1);
  sim.inject(0, 0);
  sim.inject(0, 5); // No input cell: ignored.
  std::vector<NeuronFire> fires;
  std::vector<PulseRecord> trace;
  // The merger's first output leaves at 188: a run to 188 stops before it.
  sim.runUntil(188, fires, &trace);
  // At 98 both split outputs arrive; jtl2 (cell 3) goes before merge (4).
  std::vector<PulseRecord> expected = {
      {0, in, 0}, {35, jtl, 0}, {98, split, 1}, {98, split, 0}, {133, jtl2, 0}};
  EXPECT_EQ(trace, expected);
  EXPECT_EQ(get(sim, Counter::MergePulses), 2u);
  EXPECT_EQ(get(sim, Counter::SinkPulses), 0u);

  sim.runUntil(1000, fires, &trace);
  expected.push_back({188, merge, 0});
  expected.push_back({223, merge, 0});
  EXPECT_EQ(trace, expected);
  EXPECT_TRUE(fires.empty());
  EXPECT_EQ(get(sim, Counter::InputPulses), 1u);
  EXPECT_EQ(get(sim, Counter::JtlPulses), 2u);
  EXPECT_EQ(get(sim, Counter::SplitPulses), 1u);
  // 223 is inside the sink's own window of 52 after 188.
  EXPECT_EQ(get(sim, Counter::SinkPulses), 1u);
  EXPECT_EQ(get(sim, Counter::PulseCollisions), 1u);
  EXPECT_EQ(get(sim, Counter::MergeCollisions), 0u);
  EXPECT_EQ(sim.eventsProcessed(), 7u);

  sim.reset();
  EXPECT_EQ(sim.eventsProcessed(), 0u);
  EXPECT_EQ(get(sim, Counter::JtlPulses), 0u);
  std::vector<PulseRecord> again;
  sim.inject(0, 0);
  sim.runUntil(1000, fires, &again);
  EXPECT_EQ(again, expected);
}

TEST(SfqPulseSimulator, MergerCollisionIsAbsorbed) {
  Gate g(CellKind::Merge);
  PulseSimulator sim(g.net, kTiming, 1);
  // b 22 ticks after a: inside the a->b window of 23.
  EXPECT_EQ(emitted(drive(sim, {{100, 0}, {122, 1}}), g.cell), Ticks{190});
  EXPECT_EQ(get(sim, Counter::MergePulses), 1u);
  EXPECT_EQ(get(sim, Counter::MergeCollisions), 1u);
  EXPECT_EQ(get(sim, Counter::PulseCollisions), 0u);

  sim.reset();
  EXPECT_EQ(emitted(drive(sim, {{100, 0}, {123, 1}}), g.cell),
            (Ticks{190, 213}));
  EXPECT_EQ(get(sim, Counter::MergePulses), 2u);
  EXPECT_EQ(get(sim, Counter::MergeCollisions), 0u);

  // a after b has its own window of 22.
  sim.reset();
  EXPECT_EQ(emitted(drive(sim, {{100, 1}, {121, 0}}), g.cell), Ticks{190});
  sim.reset();
  EXPECT_EQ(emitted(drive(sim, {{100, 1}, {122, 0}}), g.cell),
            (Ticks{190, 212}));
}

TEST(SfqPulseSimulator, AbsorbedPulsesDoNotMoveTheWindow) {
  Gate g(CellKind::Merge);
  PulseSimulator sim(g.net, kTiming, 1);
  // 60 is inside a->a 102 of 0 and absorbed; 110 is measured from 0, not
  // from 60, so it passes.
  EXPECT_EQ(emitted(drive(sim, {{0, 0}, {60, 0}, {110, 0}}), g.cell),
            (Ticks{90, 200}));
  EXPECT_EQ(get(sim, Counter::MergeCollisions), 1u);
  EXPECT_EQ(sim.eventsProcessed(), 5u);
}

TEST(SfqPulseSimulator, JtlCollisionCountsAsPulseCollision) {
  Gate g(CellKind::Jtl);
  PulseSimulator sim(g.net, kTiming, 1);
  EXPECT_EQ(emitted(drive(sim, {{0, 0}, {30, 0}, {52, 0}}), g.cell),
            (Ticks{35, 87}));
  EXPECT_EQ(get(sim, Counter::JtlPulses), 2u);
  EXPECT_EQ(get(sim, Counter::PulseCollisions), 1u);
  EXPECT_EQ(get(sim, Counter::MergeCollisions), 0u);
}

TEST(SfqPulseSimulator, DffSetupViolationIsDeferred) {
  Gate g(CellKind::Dff); // a = element 0, clk = element 1.
  PulseSimulator sim(g.net, kTiming, 1);
  // a at 102 is inside clk->a (4) of the clock at 100: deferred to 104.
  // The clock at 103 still finds the DFF empty and moves the window, so
  // the pulse waits again until 107 (counted once). The clock at 200 reads.
  auto trace = drive(sim, {{100, 1}, {102, 0}, {103, 1}, {200, 1}});
  EXPECT_EQ(emitted(trace, g.cell), Ticks{263});
  EXPECT_EQ(emitted(trace, 0), Ticks{102}); // Traced once, when it left.
  EXPECT_EQ(get(sim, Counter::SetupViolations), 1u);
  EXPECT_EQ(get(sim, Counter::DffEmptyClocks), 2u);
  EXPECT_EQ(get(sim, Counter::DffStores), 1u);
  EXPECT_EQ(get(sim, Counter::DffReads), 1u);
  EXPECT_EQ(sim.eventsProcessed(), 7u);

  // Just outside the window the pulse is stored at once and read at 103.
  sim.reset();
  trace = drive(sim, {{100, 1}, {104, 0}, {103 + 4, 0}, {108, 1}});
  EXPECT_EQ(emitted(trace, g.cell), Ticks{171});
  EXPECT_EQ(get(sim, Counter::SetupViolations), 0u);
  EXPECT_EQ(get(sim, Counter::DffDrops), 1u);
}

TEST(SfqPulseSimulator, SameKeyPulsesAreBothProcessed) {
  Gate g(CellKind::Not); // a = element 0, clk = element 1.
  PulseSimulator sim(g.net, kTiming, 1);
  // The clock at 110 is inside a->clk 21 of 100: deferred to 121, where a
  // fresh clock pulse arrives too. The deferred one goes first and clears;
  // the fresh one is then inside clk->clk 52 and waits until 173 (a second
  // violation), where it finds 0 and emits.
  auto trace = drive(sim, {{100, 0}, {110, 1}, {121, 1}});
  EXPECT_EQ(emitted(trace, g.cell), Ticks{228});
  EXPECT_EQ(get(sim, Counter::SetupViolations), 2u);
  EXPECT_EQ(get(sim, Counter::NotClears), 1u);
  EXPECT_EQ(get(sim, Counter::NotReads), 1u);
  EXPECT_EQ(sim.eventsProcessed(), 6u);
}

TEST(SfqPulseSimulator, Ndro) {
  Gate g(CellKind::Ndro); // a = set, b = reset, clk.
  PulseSimulator sim(g.net, kTiming, 1);
  auto trace = drive(sim, {{0, 2},
                           {100, 0},
                           {200, 0},
                           {300, 2},
                           {400, 2},
                           {500, 1},
                           {600, 1},
                           {700, 2},
                           {800, 0},
                           {805, 1}, // Inside a->b 9: reset at 809.
                           {900, 2}});
  EXPECT_EQ(emitted(trace, g.cell), (Ticks{355, 455}));
  EXPECT_EQ(get(sim, Counter::NdroSets), 2u);
  EXPECT_EQ(get(sim, Counter::NdroRepeatSets), 1u);
  EXPECT_EQ(get(sim, Counter::NdroResets), 2u);
  EXPECT_EQ(get(sim, Counter::NdroRepeatResets), 1u);
  EXPECT_EQ(get(sim, Counter::NdroReads), 2u);
  EXPECT_EQ(get(sim, Counter::NdroEmptyClocks), 3u);
  EXPECT_EQ(get(sim, Counter::SetupViolations), 1u);
}

TEST(SfqPulseSimulator, And2) {
  Gate g(CellKind::And2);
  PulseSimulator sim(g.net, kTiming, 1);
  auto trace = drive(sim, {{0, 2},
                           {100, 0},
                           {150, 0},
                           {200, 2},
                           {300, 0},
                           {310, 1},
                           {400, 2},
                           {402, 1}, // Inside clk->b 16: stored at 416.
                           {500, 2}});
  EXPECT_EQ(emitted(trace, g.cell), Ticks{450});
  EXPECT_EQ(get(sim, Counter::And2Stores), 4u);
  EXPECT_EQ(get(sim, Counter::And2Repeats), 1u);
  EXPECT_EQ(get(sim, Counter::And2ClocksNone), 1u);
  EXPECT_EQ(get(sim, Counter::And2ClocksOne), 2u);
  EXPECT_EQ(get(sim, Counter::And2ClocksBoth), 1u);
  EXPECT_EQ(get(sim, Counter::SetupViolations), 1u);
}

TEST(SfqPulseSimulator, Or2) {
  Gate g(CellKind::Or2);
  PulseSimulator sim(g.net, kTiming, 1);
  auto trace = drive(sim, {{0, 0},
                           {50, 1},
                           {200, 2},
                           {300, 2},
                           {400, 1},
                           {420, 2}}); // Inside b->clk 38: clocks at 438.
  EXPECT_EQ(emitted(trace, g.cell), (Ticks{255, 493}));
  EXPECT_EQ(get(sim, Counter::Or2Stores), 2u);
  EXPECT_EQ(get(sim, Counter::Or2Repeats), 1u);
  EXPECT_EQ(get(sim, Counter::Or2Reads), 2u);
  EXPECT_EQ(get(sim, Counter::Or2EmptyClocks), 1u);
  EXPECT_EQ(get(sim, Counter::SetupViolations), 1u);
}

TEST(SfqPulseSimulator, Xor2) {
  Gate g(CellKind::Xor2);
  PulseSimulator sim(g.net, kTiming, 1);
  auto trace = drive(sim, {{0, 0},     // 0 -a-> 1
                           {100, 0},   // repeat: stays 1
                           {200, 2},   // emits
                           {300, 1},   // 0 -b-> 2
                           {400, 0},   // 2 -a-> 0
                           {500, 2},   // empty
                           {600, 0},   // 0 -a-> 1
                           {700, 1},   // 1 -b-> 0
                           {800, 1},   // 0 -b-> 2
                           {900, 2}}); // emits
  EXPECT_EQ(emitted(trace, g.cell), (Ticks{250, 950}));
  EXPECT_EQ(get(sim, Counter::Xor2Firsts), 5u);
  EXPECT_EQ(get(sim, Counter::Xor2Seconds), 2u);
  EXPECT_EQ(get(sim, Counter::Xor2Reads), 2u);
  EXPECT_EQ(get(sim, Counter::Xor2EmptyClocks), 1u);
  EXPECT_EQ(get(sim, Counter::SetupViolations), 0u);
}

TEST(SfqPulseSimulator, Not) {
  Gate g(CellKind::Not); // a = element 0, clk = element 1.
  PulseSimulator sim(g.net, kTiming, 1);
  auto trace = drive(sim, {{0, 1},
                           {100, 0},
                           {150, 0},
                           {300, 1},
                           {400, 1},
                           {500, 1},
                           {520, 0}, // Inside clk->a 45: stored at 545.
                           {600, 1}});
  EXPECT_EQ(emitted(trace, g.cell), (Ticks{55, 455, 555}));
  EXPECT_EQ(get(sim, Counter::NotReads), 3u);
  EXPECT_EQ(get(sim, Counter::NotStores), 2u);
  EXPECT_EQ(get(sim, Counter::NotRepeats), 1u);
  EXPECT_EQ(get(sim, Counter::NotClears), 2u);
  EXPECT_EQ(get(sim, Counter::SetupViolations), 1u);
}

TEST(SfqPulseSimulator, ClockCellsTickWithoutDelay) {
  // clock (period 100, phase 10) -> dff clk; input -> dff a.
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t clock = n.addCell(CellKind::Clock, 100, 10);
  uint32_t dff = n.addCell(CellKind::Dff);
  // A slow clock lives past the wheel's window, in the heap.
  uint32_t slow = n.addCell(CellKind::Clock, 100000, 3);
  wire(n, in, 0, dff, 0);
  wire(n, clock, 0, dff, 1);
  wire(n, dff, 0, n.addCell(CellKind::Sink), 0);
  wire(n, slow, 0, n.addCell(CellKind::Sink), 0);
  ASSERT_EQ(n.check(), "");

  PulseSimulator sim(n, kTiming, 1);
  auto trace = drive(sim, {{50, 0}}, 1000);
  EXPECT_EQ(emitted(trace, clock),
            (Ticks{10, 110, 210, 310, 410, 510, 610, 710, 810, 910}));
  EXPECT_EQ(emitted(trace, dff), Ticks{173});
  EXPECT_EQ(get(sim, Counter::ClockPulses), 11u);
  EXPECT_EQ(get(sim, Counter::DffEmptyClocks), 9u);

  std::vector<NeuronFire> fires;
  sim.runUntil(250000, fires, &trace);
  EXPECT_EQ(emitted(trace, slow), (Ticks{3, 100003, 200003}));
  EXPECT_EQ(get(sim, Counter::ClockPulses), 2500u + 3u);

  // One run or many: the same pulses.
  PulseSimulator chunked(n, kTiming, 1);
  chunked.inject(50, 0);
  std::vector<PulseRecord> pieces;
  for (uint64_t end = 7; end <= 250000; end += 777)
    chunked.runUntil(end, fires, &pieces);
  chunked.runUntil(250000, fires, &pieces);
  EXPECT_EQ(pieces, trace);
  EXPECT_EQ(chunked.counters(), sim.counters());
}

TEST(SfqPulseSimulator, InjectBehindTheLastRunKeepsOrder) {
  // Two independent paths: in0 -> jtl (cell 2), in1 -> jtl (cell 4).
  Netlist n;
  n.addCell(CellKind::Input, 0);
  n.addCell(CellKind::Input, 1);
  for (uint32_t i = 0; i < 2; ++i) {
    uint32_t jtl = n.addCell(CellKind::Jtl);
    wire(n, i, 0, jtl, 0);
    wire(n, jtl, 0, n.addCell(CellKind::Sink), 0);
  }
  ASSERT_EQ(n.check(), "");
  PulseSimulator sim(n, kTiming, 1);
  std::vector<NeuronFire> fires;
  std::vector<PulseRecord> trace;
  sim.inject(900, 0);
  sim.runUntil(920, fires, &trace);
  // Behind the window, with a pulse of jtl 2 still pending at 935.
  sim.inject(100, 1);
  sim.inject(20000, 0);
  sim.runUntil(30000, fires, &trace);
  std::vector<PulseRecord> expected = {{900, 0, 0},   {100, 1, 0},
                                       {135, 4, 0},   {935, 2, 0},
                                       {20000, 0, 0}, {20035, 2, 0}};
  EXPECT_EQ(trace, expected);
}

/// in0 -> exc, in1 -> inh, in2 -> leak of one neuron; q -> sink.
TEST(SfqPulseSimulator, NeuronThresholdAndZeroReset) {
  Gate g(CellKind::Neuron, 3, uint64_t(ResetRule::Zero));
  PulseSimulator sim(g.net, kTiming, 1);
  std::vector<NeuronFire> fires;
  auto trace = drive(sim, {{0, 0}, {100, 0}, {200, 0}, {300, 0}}, 1000, &fires);
  ASSERT_EQ(fires.size(), 1u);
  EXPECT_EQ(fires[0].tick, 200u);
  EXPECT_EQ(fires[0].cell, g.cell);
  EXPECT_EQ(emitted(trace, g.cell), Ticks{263});
  EXPECT_EQ(sim.neuronState(g.cell), 1u);
  EXPECT_EQ(get(sim, Counter::NeuronExcitations), 4u);
  EXPECT_EQ(get(sim, Counter::NeuronFires), 1u);
  EXPECT_EQ(get(sim, Counter::NeuronUpdates), 4u);
}

TEST(SfqPulseSimulator, NeuronResetRules) {
  Gate sub(CellKind::Neuron, 2, uint64_t(ResetRule::Subtract));
  PulseSimulator s1(sub.net, kTiming, 1);
  std::vector<NeuronFire> fires;
  drive(s1, {{0, 0}, {100, 0}, {200, 0}}, 1000, &fires);
  EXPECT_EQ(fires.size(), 1u);
  EXPECT_EQ(s1.neuronState(sub.cell), 1u);

  // release_one keeps theta - 1 fluxons: every later pulse fires.
  Gate rel(CellKind::Neuron, 3, uint64_t(ResetRule::ReleaseOne));
  PulseSimulator s2(rel.net, kTiming, 1);
  fires.clear();
  drive(s2, {{0, 0}, {100, 0}, {200, 0}, {300, 0}, {400, 0}}, 1000, &fires);
  ASSERT_EQ(fires.size(), 3u);
  EXPECT_EQ(fires[1].tick, 300u);
  EXPECT_EQ(s2.neuronState(rel.cell), 2u);
}

TEST(SfqPulseSimulator, NeuronInhibitionAndLeakStopAtZero) {
  Gate g(CellKind::Neuron, 5);
  PulseSimulator sim(g.net, kTiming, 1);
  drive(sim, {{0, 1}}, 50);
  EXPECT_EQ(sim.neuronState(g.cell), 0u);
  drive(sim, {{100, 0}, {200, 0}, {300, 0}}, 350);
  EXPECT_EQ(sim.neuronState(g.cell), 3u);
  drive(sim, {{400, 1}}, 450);
  EXPECT_EQ(sim.neuronState(g.cell), 2u);
  drive(sim, {{500, 2}, {600, 2}, {700, 2}}, 1000);
  EXPECT_EQ(sim.neuronState(g.cell), 0u);
  EXPECT_EQ(get(sim, Counter::NeuronInhibitions), 2u);
  EXPECT_EQ(get(sim, Counter::NeuronLeaks), 3u);
  EXPECT_EQ(get(sim, Counter::NeuronExcitations), 3u);
  EXPECT_EQ(get(sim, Counter::NeuronUpdates), 8u);
  EXPECT_EQ(get(sim, Counter::NeuronFires), 0u);
}

TEST(SfqPulseSimulator, SameTickFiresInCellOrder) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t split = n.addCell(CellKind::Split);
  uint32_t first = n.addCell(CellKind::Neuron, 1);
  uint32_t second = n.addCell(CellKind::Neuron, 1);
  wire(n, in, 0, split, 0);
  wire(n, split, 0, second, 0);
  wire(n, split, 1, first, 0);
  wire(n, first, 0, n.addCell(CellKind::Sink), 0);
  wire(n, second, 0, n.addCell(CellKind::Sink), 0);
  ASSERT_EQ(n.check(), "");
  PulseSimulator sim(n, kTiming, 1);
  std::vector<NeuronFire> fires;
  drive(sim, {{10, 0}}, 1000, &fires);
  ASSERT_EQ(fires.size(), 2u);
  EXPECT_EQ(fires[0].cell, first);
  EXPECT_EQ(fires[1].cell, second);
  EXPECT_EQ(fires[0].tick, 73u);
  EXPECT_EQ(fires[1].tick, 73u);
}

struct SynapseRun {
  std::vector<PulseRecord> trace;
  std::array<uint64_t, kNumCounters> counts;
};

/// 20000 pulses, 100 ticks apart, through the synapse of `g`.
SynapseRun synapseRun(const Gate &g, uint64_t seed) {
  PulseSimulator sim(g.net, kTiming, seed);
  for (uint64_t k = 0; k < 20000; ++k)
    sim.inject(k * 100, 0);
  std::vector<NeuronFire> fires;
  SynapseRun run;
  sim.runUntil(20000 * 100 + 1000, fires, &run.trace);
  run.counts = sim.counters();
  return run;
}

TEST(SfqPulseSimulator, SynapsePassesWithProbabilityP) {
  const uint64_t p = uint64_t(0.3 * 4294967296.0);
  const uint64_t id = 7;
  Gate g(CellKind::Synapse, p, id);
  SynapseRun one = synapseRun(g, 42);
  uint64_t passes = one.counts[index(Counter::SynapsePasses)];
  EXPECT_EQ(passes + one.counts[index(Counter::SynapseBlocks)], 20000u);
  EXPECT_EQ(one.counts[index(Counter::SynapticEvents)], 20000u);
  // sd of the fraction is sqrt(0.21 / 20000) = 0.0032.
  EXPECT_NEAR(double(passes) / 20000, 0.3, 0.015);

  // Pulse k passes iff the (k + 1)-th draw of stream (seed, id) is below P.
  Ticks expected;
  for (uint64_t k = 0; k < 20000; ++k)
    if ((snn::reservoir::detail::CounterRng::at(42, kSynapseStream, id,
                                                k + 1) >>
         32) < p)
      expected.push_back(k * 100 + 35);
  EXPECT_EQ(emitted(one.trace, g.cell), expected);

  SynapseRun again = synapseRun(g, 42);
  EXPECT_EQ(again.trace, one.trace);
  EXPECT_EQ(again.counts, one.counts);
  SynapseRun other = synapseRun(g, 43);
  EXPECT_NE(other.trace, one.trace);
  EXPECT_NEAR(double(other.counts[index(Counter::SynapsePasses)]) / 20000, 0.3,
              0.015);
}

TEST(SfqPulseSimulator, SynapseBounds) {
  Gate never(CellKind::Synapse, 0, 1);
  PulseSimulator s0(never.net, kTiming, 9);
  EXPECT_TRUE(
      emitted(drive(s0, {{0, 0}, {100, 0}, {200, 0}}), never.cell).empty());
  EXPECT_EQ(get(s0, Counter::SynapseBlocks), 3u);

  // A pulse inside the window is absorbed before it draws: the draw index
  // advances only with accepted pulses.
  Gate half(CellKind::Synapse, uint64_t(1) << 31, 3);
  PulseSimulator a(half.net, kTiming, 5), b(half.net, kTiming, 5);
  auto withCollision = drive(a, {{0, 0}, {10, 0}, {100, 0}, {200, 0}});
  auto without = drive(b, {{0, 0}, {100, 0}, {200, 0}});
  EXPECT_EQ(emitted(withCollision, half.cell), emitted(without, half.cell));
  EXPECT_EQ(get(a, Counter::PulseCollisions), 1u);
  EXPECT_EQ(get(a, Counter::SynapticEvents), 4u);
}

TEST(SfqPulseSimulator, PulserEmitsKSpacedPulses) {
  Gate g(CellKind::Pulser, 3, 60);
  PulseSimulator sim(g.net, kTiming, 1);
  auto trace = drive(sim, {{0, 0}, {1000, 0}});
  EXPECT_EQ(emitted(trace, g.cell), (Ticks{35, 95, 155, 1035, 1095, 1155}));
  EXPECT_EQ(get(sim, Counter::PulserPulses), 6u);
  EXPECT_EQ(get(sim, Counter::SynapticEvents), 2u);
  EXPECT_EQ(get(sim, Counter::SinkPulses), 6u);
}

} // namespace
