//===- RtlNetlistTest.cpp - The SFQ rtl engine against ref ----------------===//
//
// Each netlist is emitted, verilated and run next to the PulseSimulator on
// the same dense, seeded pulse trains, in several runUntil() chunks as an
// engine runs steps; fires (with their ticks), every counter, and the
// hashed sum of every pulse that left an output port must agree after each
// chunk. The netlists are small but dense enough that every rule fires:
// absorbed collisions, deferrals that are deferred again, pulses of one
// (tick, cell, port), overlapping pulser trains, drops and repeats of every
// clocked cell, all three reset rules. A merger with the wrong rule must be
// caught. Models are cached under the build tree, so a rerun skips
// Verilator.
//
//===----------------------------------------------------------------------===//

#include "EmitVerilog.h"
#include "NetlistBuild.h"

#include "snnc/sfq/CellLibrary.h"
#include "snnc/sfq/Counters.h"
#include "snnc/sfq/PulseSimulator.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

using namespace snnc::sfq;
using rtl::Injection;
using rtl::VerilatedNetlist;

namespace {

const std::string kCache = SNNC_SFQ_TEST_CACHE;

TimingTable libraryTiming(const std::string &profile) {
  auto lib = loadCellLibrary(profile);
  EXPECT_TRUE(lib.ok()) << (lib.ok() ? "" : lib.error().message());
  return lib.ok() ? lib->timing() : TimingTable{};
}

/// ColdFlux with the clocked cells' windows widened (and a few added) so
/// that random pulse trains defer often, and defer deferred pulses again.
TimingTable stressTiming() {
  TimingTable t = libraryTiming("coldflux-sfq5ee");
  auto set = [&](CellKind kind, std::vector<Separation> windows) {
    t[static_cast<unsigned>(kind)].separations = std::move(windows);
  };
  // Ports: a = 0, b = 1, clk = the last.
  set(CellKind::Dff, {{1, 0, 40}, {0, 1, 30}});
  set(CellKind::Ndro, {{0, 1, 9}, {1, 0, 19}, {2, 2, 91}, {0, 2, 25}});
  set(CellKind::And2, {{2, 0, 16}, {2, 1, 16}, {0, 2, 20}, {0, 0, 12}});
  set(CellKind::Or2, {{0, 2, 38}, {1, 2, 38}});
  set(CellKind::Xor2, {{0, 2, 80}, {1, 2, 80}, {2, 0, 10}, {2, 1, 10}});
  set(CellKind::Not, {{0, 1, 21}, {1, 0, 45}, {1, 1, 52}});
  // Windows on the neuron too, which the libraries leave empty.
  set(CellKind::Neuron, {{0, 0, 3}, {1, 0, 2}, {2, 1, 5}});
  return t;
}

void wire(Netlist &n, uint32_t from, unsigned out, uint32_t to, unsigned in) {
  n.connect({from, uint8_t(out)}, {to, uint8_t(in)});
}

/// Every element gets pulses at random gaps in [minGap, maxGap] until
/// `end`: a fixed LCG, so the trains are the same on every platform.
std::vector<Injection> trains(uint32_t elements, uint64_t end, uint64_t minGap,
                              uint64_t maxGap, uint64_t seed) {
  std::vector<Injection> out;
  uint64_t x = seed * 2 + 1;
  auto next = [&x] {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return x >> 33;
  };
  for (uint32_t e = 0; e < elements; ++e)
    for (uint64_t t = next() % maxGap; t < end;
         t += minGap + next() % (maxGap - minGap + 1))
      out.push_back({t, e});
  return out;
}

/// How the rtl model gets its pulses: each chunk's with its runUntil(), or
/// all of them queued with inject() before the first.
enum class Feed { PerChunk, Queued };

/// Runs ref and rtl side by side from reset over [0, end) in `chunks`
/// runUntil() calls; "" when they agree after every chunk, else the first
/// difference.
std::string differ(VerilatedNetlist &rtlModel, const Netlist &netlist,
                   const TimingTable &timing, uint64_t seed,
                   const std::vector<Injection> &injections, uint64_t end,
                   unsigned chunks,
                   std::array<uint64_t, kNumCounters> *out = nullptr,
                   Feed feed = Feed::PerChunk) {
  PulseSimulator ref(netlist, timing, seed);
  rtlModel.setSeed(seed);
  rtlModel.reset();
  if (feed == Feed::Queued)
    for (const Injection &i : injections)
      rtlModel.inject(i.tick, i.element);
  std::vector<NeuronFire> refFires, rtlFires;
  std::vector<PulseRecord> trace;
  uint64_t begin = 0;
  for (unsigned c = 1; c <= chunks; ++c) {
    uint64_t stop = end * c / chunks;
    std::vector<Injection> mine;
    for (const Injection &i : injections)
      if (i.tick >= begin && i.tick < stop) {
        ref.inject(i.tick, i.element);
        mine.push_back(i);
      }
    ref.runUntil(stop, refFires, &trace);
    if (feed == Feed::Queued)
      rtlModel.runUntil(stop, rtlFires);
    else
      rtlModel.runUntil(stop, mine, rtlFires);
    std::ostringstream why;
    why << "after tick " << stop << ": ";
    if (rtlModel.now() != stop)
      return why.str() + "rtl is at tick " + std::to_string(rtlModel.now());
    if (rtlModel.overflowed())
      return why.str() + "rtl overflowed";
    for (size_t k = 0; k < kNumCounters; ++k)
      if (ref.counters()[k] != rtlModel.counters()[k]) {
        why << counterName(Counter(k)) << " ref " << ref.counters()[k]
            << " rtl " << rtlModel.counters()[k];
        return why.str();
      }
    if (refFires.size() != rtlFires.size())
      return why.str() + "fires ref " + std::to_string(refFires.size()) +
             " rtl " + std::to_string(rtlFires.size());
    for (size_t i = 0; i < refFires.size(); ++i)
      if (refFires[i].tick != rtlFires[i].tick ||
          refFires[i].cell != rtlFires[i].cell) {
        why << "fire " << i << " ref (" << refFires[i].tick << ", cell "
            << refFires[i].cell << ") rtl (" << rtlFires[i].tick << ", cell "
            << rtlFires[i].cell << ")";
        return why.str();
      }
    if (rtlModel.pulseCount() != trace.size() ||
        rtlModel.pulseSum() != rtl::pulseSum(trace))
      return why.str() + "pulses ref " + std::to_string(trace.size()) +
             " rtl " + std::to_string(rtlModel.pulseCount()) +
             (rtlModel.pulseSum() != rtl::pulseSum(trace) ? " (sums differ)"
                                                          : "");
    begin = stop;
  }
  if (out)
    *out = ref.counters();
  return "";
}

std::unique_ptr<VerilatedNetlist> build(const Netlist &netlist,
                                        const TimingTable &timing,
                                        rtl::BuildOptions options = {}) {
  if (options.cacheDir.empty())
    options.cacheDir = kCache;
  auto model = VerilatedNetlist::build(netlist, timing, options);
  EXPECT_TRUE(model.ok()) << (model.ok() ? "" : model.error().message());
  if (!model.ok())
    return nullptr;
  const rtl::BuildInfo &info = (*model)->info();
  std::printf(
      "  model %s: %s\n", info.library.c_str(),
      info.cached
          ? "cached"
          : ("built in " + std::to_string(info.buildSeconds) + " s").c_str());
  return std::move(*model);
}

uint64_t get(const std::array<uint64_t, kNumCounters> &c, Counter k) {
  return c[index(k)];
}

/// Inputs 0..3 through JTLs, mergers and splitters into sinks, and a
/// pulser whose trains overlap into a merger: collisions everywhere.
Netlist asyncChains() {
  Netlist n;
  uint32_t in0 = n.addCell(CellKind::Input, 0);
  uint32_t in1 = n.addCell(CellKind::Input, 1);
  uint32_t in2 = n.addCell(CellKind::Input, 2);
  uint32_t in3 = n.addCell(CellKind::Input, 3);
  uint32_t j0 = n.addCell(CellKind::Jtl);
  uint32_t j1 = n.addCell(CellKind::Jtl);
  uint32_t m1 = n.addCell(CellKind::Merge);
  uint32_t s1 = n.addCell(CellKind::Split);
  uint32_t m2 = n.addCell(CellKind::Merge);
  uint32_t j2 = n.addCell(CellKind::Jtl);
  uint32_t s2 = n.addCell(CellKind::Split);
  uint32_t p = n.addCell(CellKind::Pulser, 4, 110);
  uint32_t m3 = n.addCell(CellKind::Merge);
  uint32_t k0 = n.addCell(CellKind::Sink);
  uint32_t k1 = n.addCell(CellKind::Sink);
  uint32_t k2 = n.addCell(CellKind::Sink);
  wire(n, in0, 0, j0, 0);
  wire(n, j0, 0, j1, 0);
  wire(n, j1, 0, m1, 0);
  wire(n, in1, 0, m1, 1);
  wire(n, m1, 0, s1, 0);
  wire(n, s1, 0, m2, 0);
  wire(n, in2, 0, m2, 1);
  wire(n, m2, 0, j2, 0);
  wire(n, j2, 0, k0, 0);
  wire(n, s1, 1, s2, 0);
  wire(n, s2, 0, k1, 0);
  wire(n, s2, 1, m3, 0);
  wire(n, in3, 0, p, 0);
  wire(n, p, 0, m3, 1);
  wire(n, m3, 0, k2, 0);
  return n;
}

/// Every clocked cell, its data inputs and some clocks from random trains,
/// other clocks from clock cells, outputs into sinks; a pulser whose trains
/// meet on one tick into a neuron with windows.
Netlist clockedCells() {
  Netlist n;
  uint32_t e = 0;
  auto input = [&] { return n.addCell(CellKind::Input, e++); };
  auto sinkOf = [&](uint32_t cell, unsigned out = 0) {
    wire(n, cell, out, n.addCell(CellKind::Sink), 0);
  };
  auto clock = [&](uint64_t period, uint64_t phase) {
    return n.addCell(CellKind::Clock, period, phase);
  };
  uint32_t dff = n.addCell(CellKind::Dff);
  wire(n, input(), 0, dff, 0);
  wire(n, clock(53, 7), 0, dff, 1);
  sinkOf(dff);
  uint32_t ndro = n.addCell(CellKind::Ndro);
  for (unsigned port = 0; port < 3; ++port)
    wire(n, input(), 0, ndro, port);
  sinkOf(ndro);
  uint32_t and2 = n.addCell(CellKind::And2);
  wire(n, input(), 0, and2, 0);
  wire(n, input(), 0, and2, 1);
  wire(n, clock(71, 0), 0, and2, 2);
  sinkOf(and2);
  uint32_t or2 = n.addCell(CellKind::Or2);
  for (unsigned port = 0; port < 3; ++port)
    wire(n, input(), 0, or2, port);
  sinkOf(or2);
  uint32_t xor2 = n.addCell(CellKind::Xor2);
  wire(n, input(), 0, xor2, 0);
  wire(n, input(), 0, xor2, 1);
  wire(n, clock(89, 30), 0, xor2, 2);
  sinkOf(xor2);
  uint32_t inv = n.addCell(CellKind::Not);
  wire(n, input(), 0, inv, 0);
  wire(n, input(), 0, inv, 1);
  sinkOf(inv);
  uint32_t overlap = n.addCell(CellKind::Pulser, 4, 110);
  uint32_t neuron = n.addCell(CellKind::Neuron, 1, 0);
  wire(n, input(), 0, overlap, 0);
  wire(n, overlap, 0, neuron, 0);
  wire(n, input(), 0, neuron, 1);
  wire(n, clock(40, 3), 0, neuron, 2);
  sinkOf(neuron);
  return n;
}

/// The output of a merger tree over `pins` (outputs).
Pin mergeTree(Netlist &n, std::vector<Pin> pins) {
  while (pins.size() > 1) {
    std::vector<Pin> next;
    for (size_t i = 0; i + 1 < pins.size(); i += 2) {
      uint32_t m = n.addCell(CellKind::Merge);
      n.connect(pins[i], {m, 0});
      n.connect(pins[i + 1], {m, 1});
      next.push_back({m, 0});
    }
    if (pins.size() % 2)
      next.push_back(pins.back());
    pins = std::move(next);
  }
  return pins[0];
}

/// Four inputs, each split to a stochastic synapse per neuron; input 3
/// inhibits neurons 1 and 2; a pulser adds to neuron 0; leak clocks on
/// neurons 0 and 2. One neuron per reset rule, and one that fires several
/// times in a tick.
Netlist synapsesIntoNeurons() {
  Netlist n;
  const uint64_t thresholds[4][3] = {
      {0xffffffffULL, 0x80000000ULL, 0x30000000ULL},
      {0x60000000ULL, 0xc0000000ULL, 0x90000000ULL},
      {0x20000000ULL, 0x00000000ULL, 0xe0000000ULL},
      {0xa0000000ULL, 0x70000000ULL, 0xd0000000ULL}};
  std::vector<Pin> exc[3], inh[3];
  uint64_t id = 100;
  for (uint32_t i = 0; i < 4; ++i) {
    uint32_t in = n.addCell(CellKind::Input, i);
    uint32_t s0 = n.addCell(CellKind::Split);
    uint32_t s1 = n.addCell(CellKind::Split);
    wire(n, in, 0, s0, 0);
    wire(n, s0, 1, s1, 0);
    Pin taps[3] = {{s0, 0}, {s1, 0}, {s1, 1}};
    for (uint32_t j = 0; j < 3; ++j) {
      uint32_t syn = n.addCell(CellKind::Synapse, thresholds[i][j], id++);
      n.connect(taps[j], {syn, 0});
      (i == 3 && j > 0 ? inh : exc)[j].push_back({syn, 0});
    }
  }
  uint32_t in4 = n.addCell(CellKind::Input, 4);
  uint32_t pulser = n.addCell(CellKind::Pulser, 2, 120);
  wire(n, in4, 0, pulser, 0);
  exc[0].push_back({pulser, 0});
  // Trains of a pulser that meet on one tick: two or three excitations,
  // so two or three fires, in one tick.
  uint32_t in5 = n.addCell(CellKind::Input, 5);
  uint32_t overlap = n.addCell(CellKind::Pulser, 4, 110);
  uint32_t eager = n.addCell(CellKind::Neuron, 1, 0);
  wire(n, in5, 0, overlap, 0);
  wire(n, overlap, 0, eager, 0);
  wire(n, eager, 0, n.addCell(CellKind::Sink), 0);
  const uint64_t theta[3] = {3, 2, 4};
  for (uint32_t j = 0; j < 3; ++j) {
    uint32_t neuron = n.addCell(CellKind::Neuron, theta[j], j); // reset rule j
    n.connect(mergeTree(n, exc[j]), {neuron, 0});
    if (!inh[j].empty())
      n.connect(mergeTree(n, inh[j]), {neuron, 1});
    if (j != 1)
      wire(n, n.addCell(CellKind::Clock, 400 + 37 * j, 11 * j), 0, neuron, 2);
    wire(n, neuron, 0, n.addCell(CellKind::Sink), 0);
  }
  return n;
}

} // namespace

TEST(RtlNetlist, PackageCountersFollowCountersDef) {
  std::ifstream in(std::string(SNNC_SFQ_HW_DIR) + "/sfq_pkg.sv");
  ASSERT_TRUE(in) << "cannot read sfq_pkg.sv";
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  // The enum's lines: "    CntJtlPulses = 3,".
  std::regex entry(R"(^\s*Cnt(\w+)\s*=\s*(\d+),?\s*$)");
  std::vector<std::pair<std::string, size_t>> found;
  std::istringstream lines(s);
  for (std::string l; std::getline(lines, l);)
    if (std::smatch m; std::regex_match(l, m, entry))
      found.push_back({m[1].str(), std::stoul(m[2].str())});
  const char *enums[] = {
#define SNNC_COUNTER(Enum, name, unit, description) #Enum,
#include "snnc/sfq/Counters.def"
#undef SNNC_COUNTER
  };
  ASSERT_EQ(found.size(), kNumCounters);
  for (size_t k = 0; k < kNumCounters; ++k) {
    EXPECT_EQ(found[k].first, enums[k]);
    EXPECT_EQ(found[k].second, k);
  }
  EXPECT_NE(s.find("NumCounters = " + std::to_string(kNumCounters) + ";"),
            std::string::npos);
  EXPECT_NE(s.find("PulseW = " + std::to_string(rtl::kPulseBits) + ";"),
            std::string::npos);
  EXPECT_NE(s.find("CntW = " + std::to_string(rtl::kCountBits) + ";"),
            std::string::npos);
}

TEST(RtlNetlist, CellEventsFollowTheModels) {
  // Each model lists the classes of its ev_o entries; the emitter sums
  // entry i into cellEvents(kind)[i].
  for (unsigned k = 0; k < kNumCellKinds; ++k) {
    CellKind kind = static_cast<CellKind>(k);
    std::string file =
        std::string(SNNC_SFQ_HW_DIR) + "/sfq_" + kindInfo(kind).name + ".sv";
    std::ifstream in(file);
    ASSERT_TRUE(in) << file;
    std::string listed, l;
    bool inList = false;
    while (std::getline(in, l)) {
      if (l.rfind("  // ev_o: ", 0) == 0) {
        listed = l.substr(11);
        inList = true;
      } else if (inList && l.rfind("  //       ", 0) == 0) {
        listed += " " + l.substr(11);
      } else {
        inList = false;
      }
    }
    std::string expected;
    for (Counter c : rtl::cellEvents(kind))
      expected += std::string(expected.empty() ? "" : ", ") + counterName(c);
    EXPECT_EQ(listed, expected) << file;
  }
}

TEST(RtlNetlist, EmitterIsDeterministicAndStructural) {
  Netlist n = asyncChains();
  TimingTable t = libraryTiming("coldflux-sfq5ee");
  std::string a = rtl::emitVerilog(n, t, "top_a");
  EXPECT_EQ(a, rtl::emitVerilog(n, t, "top_a"));
  EXPECT_NE(a.find("module top_a"), std::string::npos);
  // One instance per cell, one wire per connection.
  size_t instances = 0, wires = 0;
  for (size_t p = a.find("\n  sfq_"); p != std::string::npos;
       p = a.find("\n  sfq_", p + 1))
    ++instances;
  for (size_t p = a.find("logic [PulseW-1:0] w_c"); p != std::string::npos;
       p = a.find("logic [PulseW-1:0] w_c", p + 1))
    ++wires;
  EXPECT_EQ(instances, n.size());
  EXPECT_EQ(wires, n.allDrives().size());
  EXPECT_NE(a.find("sfq_merge #(.Delay(90), .SepAA(102), .SepAB(23), "
                   ".SepBA(22), .SepBB(102), .WrongMergeRule(WrongMergeRule))"),
            std::string::npos);
  EXPECT_NE(a.find(".Pulses(4), .Spacing(110)"), std::string::npos);
}

TEST(RtlNetlist, PulseHashAndSum) {
  std::vector<PulseRecord> trace = {{5, 1, 0}, {7, 2, 1}, {9, 1, 0}};
  EXPECT_EQ(rtl::pulseSum(trace), rtl::pulseHash(5, 1, 0) +
                                      rtl::pulseHash(7, 2, 1) +
                                      rtl::pulseHash(9, 1, 0));
  EXPECT_EQ(rtl::pulseSum(trace, 9),
            rtl::pulseHash(5, 1, 0) + rtl::pulseHash(7, 2, 1));
  EXPECT_NE(rtl::pulseHash(5, 1, 0), rtl::pulseHash(5, 1, 1));
  EXPECT_NE(rtl::pulseHash(5, 1, 0), rtl::pulseHash(6, 1, 0));
}

TEST(RtlNetlist, RefusesWhatItCannotModel) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t j = n.addCell(CellKind::Jtl);
  uint32_t k = n.addCell(CellKind::Sink);
  wire(n, in, 0, j, 0);
  wire(n, j, 0, k, 0);
  TimingTable t = libraryTiming("coldflux-sfq5ee");
  EXPECT_EQ(rtl::checkEmittable(n, t), "");
  TimingTable zero = t;
  zero[static_cast<unsigned>(CellKind::Jtl)].delay[0] = 0;
  auto model = VerilatedNetlist::build(n, zero, {false, false, kCache});
  ASSERT_FALSE(model.ok());
  EXPECT_NE(model.error().message().find("delay of 0 ticks"), std::string::npos)
      << model.error().message();

  Netlist train;
  uint32_t in2 = train.addCell(CellKind::Input, 0);
  uint32_t p = train.addCell(CellKind::Pulser, 1u << 20, 1000);
  uint32_t k2 = train.addCell(CellKind::Sink);
  wire(train, in2, 0, p, 0);
  wire(train, p, 0, k2, 0);
  EXPECT_NE(rtl::checkEmittable(train, t).find("delay line"),
            std::string::npos);
}

TEST(RtlNetlist, BuildErrorsAreMessages) {
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  wire(n, in, 0, n.addCell(CellKind::Sink), 0);
  TimingTable t = libraryTiming("coldflux-sfq5ee");

  ::setenv("SNNC_VERILATOR", "/nonexistent/verilator", 1);
  auto noTool = VerilatedNetlist::build(n, t, {false, false, kCache});
  ::unsetenv("SNNC_VERILATOR");
  ASSERT_FALSE(noTool.ok());
  EXPECT_NE(noTool.error().message().find("/nonexistent/verilator"),
            std::string::npos)
      << noTool.error().message();

  auto noCache = VerilatedNetlist::build(n, t, {false, false, "/proc/snnc"});
  ASSERT_FALSE(noCache.ok());
  EXPECT_NE(noCache.error().message().find("/proc/snnc"), std::string::npos)
      << noCache.error().message();

  // A cell model that does not compile: the build names Verilator and
  // shows its complaint.
  // Its own cache, emptied each run: a failed build leaves its log there.
  std::string broken = kCache + "/broken";
  std::string hw = broken + "/hw";
  std::filesystem::remove_all(broken);
  std::filesystem::create_directories(hw);
  for (const std::string &src : rtl::cellSources())
    std::filesystem::copy_file(
        std::string(SNNC_SFQ_HW_DIR) + "/" + src, hw + "/" + src,
        std::filesystem::copy_options::overwrite_existing);
  std::ofstream(hw + "/sfq_sink.sv", std::ios::app) << "\nnot verilog\n";
  ::setenv("SNNC_SFQ_HW_DIR", hw.c_str(), 1);
  auto refused = VerilatedNetlist::build(n, t, {false, false, broken});
  ::unsetenv("SNNC_SFQ_HW_DIR");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message().find("verilator failed"),
            std::string::npos)
      << refused.error().message();
  EXPECT_NE(refused.error().message().find("sfq_sink.sv"), std::string::npos)
      << refused.error().message();
}

TEST(RtlNetlist, AsyncChainsMatchRef) {
  Netlist n = asyncChains();
  TimingTable t = libraryTiming("coldflux-sfq5ee");
  auto model = build(n, t);
  ASSERT_TRUE(model);
  std::vector<Injection> in = trains(4, 60000, 1, 180, 1);
  std::array<uint64_t, kNumCounters> c{};
  EXPECT_EQ(differ(*model, n, t, 0, in, 60000, 6, &c), "");
  // Two pulses of one element in one tick: both leave the input cell, the
  // JTL after it absorbs the second.
  EXPECT_EQ(differ(*model, n, t, 0, {{100, 0}, {100, 0}, {100, 1}}, 1000, 1),
            "");
  // The trains must have exercised what the test is about.
  EXPECT_GT(get(c, Counter::MergeCollisions), 50u);
  EXPECT_GT(get(c, Counter::PulseCollisions), 50u);
  EXPECT_GT(get(c, Counter::MergePulses), 500u);
  EXPECT_GT(get(c, Counter::PulserPulses), 100u);
}

TEST(RtlNetlist, WrongMergeRuleIsCaught) {
  Netlist n = asyncChains();
  TimingTable t = libraryTiming("coldflux-sfq5ee");
  rtl::BuildOptions options;
  options.wrongMergeRule = true;
  auto model = build(n, t, options);
  ASSERT_TRUE(model);
  std::vector<Injection> in = trains(4, 60000, 1, 180, 1);
  std::string why = differ(*model, n, t, 0, in, 60000, 6);
  EXPECT_NE(why, "");
  std::printf("  the wrong merger differs %s\n", why.c_str());
}

TEST(RtlNetlist, ClockedCellsMatchRef) {
  Netlist n = clockedCells();
  TimingTable t = stressTiming();
  auto model = build(n, t);
  ASSERT_TRUE(model);
  // Elements 0-12 drive the clocked cells, 13 the pulser, 14 inhibition.
  std::vector<Injection> in = trains(15, 80000, 1, 250, 2);
  // A burst that makes three of the pulser's trains meet on one tick.
  for (uint64_t k = 0; k < 3; ++k)
    in.push_back({70000 + 110 * k, 13});
  std::array<uint64_t, kNumCounters> c{};
  EXPECT_EQ(differ(*model, n, t, 0, in, 80000, 8, &c), "");
  for (Counter k : {Counter::SetupViolations,   Counter::DffStores,
                    Counter::DffDrops,          Counter::DffReads,
                    Counter::DffEmptyClocks,    Counter::NdroSets,
                    Counter::NdroRepeatSets,    Counter::NdroResets,
                    Counter::NdroRepeatResets,  Counter::NdroReads,
                    Counter::NdroEmptyClocks,   Counter::And2Stores,
                    Counter::And2Repeats,       Counter::And2ClocksNone,
                    Counter::And2ClocksOne,     Counter::And2ClocksBoth,
                    Counter::Or2Stores,         Counter::Or2Repeats,
                    Counter::Or2Reads,          Counter::Or2EmptyClocks,
                    Counter::Xor2Firsts,        Counter::Xor2Seconds,
                    Counter::Xor2Reads,         Counter::Xor2EmptyClocks,
                    Counter::NotStores,         Counter::NotRepeats,
                    Counter::NotReads,          Counter::NotClears,
                    Counter::NeuronFires,       Counter::NeuronLeaks,
                    Counter::NeuronInhibitions, Counter::PulseCollisions})
    EXPECT_GT(get(c, k), 0u) << counterName(k);

  // By hand: the DFF's clock ticks at 7, 60, 113, 166. A data pulse at 20
  // is 13 ticks after a clock (window clk -> a 40): deferred to 47, stored.
  // The clock at 60 is 13 ticks after it (window a -> clk 30): deferred to
  // 77, where it reads; q leaves at 77 + 63 = 140 into the sink.
  EXPECT_EQ(differ(*model, n, t, 0, {{20, 0}}, 200, 2, &c), "");
  EXPECT_EQ(get(c, Counter::SetupViolations), 2u);
  EXPECT_EQ(get(c, Counter::DffStores), 1u);
  EXPECT_EQ(get(c, Counter::DffReads), 1u);
  EXPECT_EQ(get(c, Counter::DffEmptyClocks), 3u);
  EXPECT_EQ(get(c, Counter::SinkPulses), 1u);
}

TEST(RtlNetlist, SynapsesIntoNeuronsMatchRef) {
  Netlist n = synapsesIntoNeurons();
  ASSERT_EQ(n.check(), "");
  TimingTable t = libraryTiming("pylse");
  auto model = build(n, t);
  ASSERT_TRUE(model);
  std::vector<Injection> in = trains(5, 100000, 20, 400, 3);
  for (uint64_t t0 : {5000, 40000, 77000})
    for (uint64_t k = 0; k < 3; ++k)
      in.push_back({t0 + 110 * k, 5});
  for (uint64_t seed : {1ull, 0x5eedull}) {
    std::array<uint64_t, kNumCounters> c{};
    EXPECT_EQ(differ(*model, n, t, seed, in, 100000, 10, &c, Feed::Queued), "")
        << "seed " << seed;
    for (Counter k : {Counter::SynapsePasses, Counter::SynapseBlocks,
                      Counter::NeuronFires, Counter::NeuronInhibitions,
                      Counter::NeuronLeaks, Counter::MergeCollisions})
      EXPECT_GT(get(c, k), 0u) << counterName(k);
  }
}

TEST(RtlNetlist, CacheTraceOverflowAndConcurrentBuilds) {
  // Up to three of a pulser's trains may meet on one tick of its wire; a
  // fourth does not fit.
  Netlist n;
  uint32_t in = n.addCell(CellKind::Input, 0);
  uint32_t p = n.addCell(CellKind::Pulser, 4, 110);
  wire(n, in, 0, p, 0);
  wire(n, p, 0, n.addCell(CellKind::Sink), 0);
  TimingTable t = libraryTiming("coldflux-sfq5ee");
  rtl::BuildOptions options;
  options.trace = true;
  options.cacheDir = kCache;

  auto first = build(n, t, options);
  ASSERT_TRUE(first);
  // Rebuild the same netlist from scratch in two threads at once.
  std::filesystem::remove_all(
      std::filesystem::path(first->info().library).parent_path());
  std::unique_ptr<VerilatedNetlist> racers[2];
  std::string errors[2];
  std::thread threads[2];
  for (int i = 0; i < 2; ++i)
    threads[i] = std::thread([&, i] {
      auto m = VerilatedNetlist::build(n, t, options);
      if (m.ok())
        racers[i] = std::move(*m);
      else
        errors[i] = m.error().message();
    });
  for (std::thread &th : threads)
    th.join();
  ASSERT_TRUE(racers[0] && racers[1]) << errors[0] << errors[1];
  EXPECT_EQ(racers[0]->info().library, racers[1]->info().library);
  auto again = build(n, t, options);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->info().cached);

  VerilatedNetlist &m = *racers[0];
  std::string vcd = kCache + "/trace-test.vcd";
  ASSERT_TRUE(m.openTrace(vcd));
  m.setTracing(true, 0);
  std::vector<NeuronFire> fires;
  m.runUntil(1000, {{10, 0}, {120, 0}, {230, 0}}, fires);
  EXPECT_FALSE(m.overflowed());
  EXPECT_EQ(m.counters()[index(Counter::PulserPulses)], 12u);
  m.runUntil(2000, {{1010, 0}, {1120, 0}, {1230, 0}, {1340, 0}}, fires);
  EXPECT_TRUE(m.overflowed());
  EXPECT_EQ(m.closeTrace(), "");
  EXPECT_GT(std::filesystem::file_size(vcd), 1000u);
  m.reset();
  EXPECT_FALSE(m.overflowed());
  EXPECT_EQ(m.now(), 0u);
}
