//===- RtlEngineTest.cpp - The crossbar rtl engine against ref ------------===//

#include "AnalogArray.h"
#include "Networks.h"
#include "UnitMap.h"
#include "UnitTables.h"

#include "snnc/crossbar/Counters.h"
#include "snnc/crossbar/Engines.h"
#include "snnc/crossbar/ImageSections.h"
#include "snnc/crossbar/rtl/VerilatedXbarUnit.h"

#include "snnc/runtime/TargetRuntime.h"

#include "Vxbar_unit_trunc.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

extern "C" void snncInitializecrossbarRuntime();

using namespace snnc;
using namespace snnc::crossbar;
using namespace snnc::crossbar::test;

namespace {

/// A run's result and what an observer saw after every step: the counters
/// so far and every population's spikes.
struct Recorded {
  runtime::RunResult result;
  std::vector<std::vector<uint64_t>> counters;
  std::vector<std::vector<std::vector<uint32_t>>> spikes;
};

class Recorder : public runtime::StepObserver {
public:
  explicit Recorder(Recorded &recorded) : out(recorded) {}
  bool onStep(const runtime::StepInfo &info) override {
    std::vector<uint64_t> c;
    for (size_t k = 0; k < info.counters.size(); ++k)
      c.push_back(info.counters[k]);
    out.counters.push_back(std::move(c));
    out.spikes.push_back(info.populationSpikes);
    return true;
  }

private:
  Recorded &out;
};

Recorded run(runtime::Engine &engine, const image::Image &im, uint64_t steps,
             uint32_t period = 7) {
  runtime::RunOptions options;
  options.steps = steps;
  Recorded out;
  Recorder recorder(out);
  runtime::Expected<runtime::RunResult> result =
      engine.run({drive(im.inputs[0].size, steps, period)}, options, &recorder);
  EXPECT_TRUE(result.ok()) << result.error().message();
  if (result.ok())
    out.result = std::move(*result);
  return out;
}

Recorded runRef(const image::Image &im, uint64_t steps, uint32_t period = 7) {
  auto ref = makeRefEngine(im);
  EXPECT_TRUE(ref.ok()) << ref.error().message();
  return run(**ref, im, steps, period);
}

Recorded runRtl(const image::Image &im, uint64_t steps, uint32_t period = 7,
                crossbar::rtl::RtlOptions options = {}) {
  auto engine = makeRtlEngine(im, std::move(options));
  EXPECT_TRUE(engine.ok()) << engine.error().message();
  return run(**engine, im, steps, period);
}

/// Identical spikes, readout values (to the bit) and counters, at the end
/// and after every step.
void expectIdentical(const Recorded &refRun, const Recorded &rtlRun) {
  const runtime::RunResult &ref = refRun.result, &rtl = rtlRun.result;
  ASSERT_EQ(ref.steps, rtl.steps);
  ASSERT_EQ(ref.outputs.size(), rtl.outputs.size());
  for (size_t k = 0; k < ref.outputs.size(); ++k) {
    EXPECT_EQ(ref.outputs[k].spikes, rtl.outputs[k].spikes) << "output " << k;
    EXPECT_EQ(ref.outputs[k].values, rtl.outputs[k].values) << "output " << k;
  }
  const runtime::CounterSchema &schema = *counterSchema();
  for (size_t c = 0; c < NumCounters; ++c)
    EXPECT_EQ(ref.counters[c], rtl.counters[c]) << schema.classes()[c].name;
  ASSERT_EQ(refRun.counters.size(), ref.steps);
  EXPECT_EQ(refRun.counters, rtlRun.counters);
  EXPECT_EQ(refRun.spikes, rtlRun.spikes);
}

uint64_t spikesOf(const Recorded &r) {
  uint64_t n = 0;
  for (const runtime::OutputTrace &t : r.result.outputs)
    n += t.spikes.size();
  return n;
}

TEST(CrossbarRtl, MatchesRefWithReadNoiseAndA5BitAdc) {
  image::Image im = feedForward({}, 1);
  Recorded ref = runRef(im, 60), rtl = runRtl(im, 60);
  // Enough activity for the comparison to say something.
  ASSERT_GT(spikesOf(ref), 100u);
  ASSERT_GT(ref.result.counters[AdcConversions], 1000u);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefWhileTheAdcSaturates) {
  image::Image im = feedForward({{"adc_full_scale_rows", 2}}, 2);
  Recorded ref = runRef(im, 40), rtl = runRtl(im, 40);
  ASSERT_GT(ref.result.counters[AdcSaturations], 100u);
  ASSERT_LT(ref.result.counters[AdcSaturations],
            ref.result.counters[AdcConversions]);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefWithA16BitAdc) {
  image::Image im = feedForward({{"adc_bits", 16}}, 3);
  Recorded ref = runRef(im, 40), rtl = runRtl(im, 40);
  ASSERT_GT(spikesOf(ref), 50u);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefWithSeveralDelaysAndCubaLif) {
  image::Image im = feedForward({{"adc_bits", 8}}, 4, 300, 20, {20}, 4, true);
  Recorded ref = runRef(im, 50), rtl = runRtl(im, 50);
  ASSERT_GT(spikesOf(ref), 20u);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefWithTilesAtExactMultiples) {
  // 32 rows and 32 columns of 16 x 16 tiles, in two slices of one column
  // block each; delays 1..4.
  nlohmann::json tiles = {{"tile_rows", 16}, {"tile_cols", 16}};
  image::Image im = feedForward(tiles, 5, 32, 32, {16, 16}, 4);
  Recorded ref = runRef(im, 50, 3), rtl = runRtl(im, 50, 3);
  ASSERT_GT(spikesOf(ref), 20u);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefWithTilesOffByOne) {
  // 33 x 33: a last row block and a last column block (and slice) of one.
  nlohmann::json tiles = {{"tile_rows", 16}, {"tile_cols", 16}};
  image::Image im = feedForward(tiles, 6, 33, 33, {16, 16, 1}, 4);
  Recorded ref = runRef(im, 50, 3), rtl = runRtl(im, 50, 3);
  ASSERT_GT(spikesOf(ref), 20u);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefOnAProceduralReservoir) {
  nlohmann::json tiles = {{"tile_rows", 32}, {"tile_cols", 32}};
  for (bool cuba : {false, true}) {
    image::Image im = reservoirNet(tiles, 7, cuba);
    Recorded ref = runRef(im, 60, 4), rtl = runRtl(im, 60, 4);
    ASSERT_GT(ref.result.outputs[1].spikes.size(), 20u) << cuba;
    expectIdentical(ref, rtl);
  }
}

TEST(CrossbarRtl, MatchesRefOnAFormedReservoir) {
  // Zero-shot mode: the reservoir's weights are the devices' own.
  nlohmann::json formed = {
      {"tile_rows", 32}, {"tile_cols", 32}, {"formed_reservoir", 1}};
  image::Image im = reservoirNet(formed, 8, false);
  Recorded ref = runRef(im, 60, 4), rtl = runRtl(im, 60, 4);
  ASSERT_GT(ref.result.outputs[1].spikes.size(), 20u);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefOnFull256x256Tiles) {
  // 512 x 256: two full tiles into one slice of 256 neurons.
  image::Image im = feedForward({}, 9, 512, 256, {256});
  Recorded ref = runRef(im, 20), rtl = runRtl(im, 20);
  ASSERT_GT(spikesOf(ref), 100u);
  expectIdentical(ref, rtl);
}

uint32_t digitalTilesOf(const image::Image &im) {
  return im.sections.get<TileSection>(kTilesSection)->map.digitalTiles();
}

TEST(CrossbarRtl, MatchesRefOnDigitalReadouts) {
  // Readouts in two slices fed by a population and by the inputs, over
  // delays 1..3 and several row blocks: digital tiles on two units.
  nlohmann::json tiles = {{"tile_rows", 16}, {"tile_cols", 8}};
  image::Image im = readoutNet(tiles, 21);
  ASSERT_GE(digitalTilesOf(im), 8u);
  Recorded ref = runRef(im, 60, 4), rtl = runRtl(im, 60, 4);
  ASSERT_GT(ref.result.outputs[0].spikes.size(), 50u);
  ASSERT_GT(ref.result.counters[DigitalWeightReads], 1000u);
  EXPECT_LT(ref.result.counters[DigitalWeightReads],
            ref.result.counters[SynapticEvents]);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefOnDigitalReadoutsWithFullTiles) {
  // The default 256 x 256 tiles: the feed-forward readout is one digital
  // tile of 20 rows x 5 columns.
  image::Image im = feedForward({}, 22);
  ASSERT_EQ(digitalTilesOf(im), 1u);
  Recorded ref = runRef(im, 40), rtl = runRtl(im, 40);
  ASSERT_GT(ref.result.counters[DigitalWeightReads], 100u);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefWithReadoutsOnTheArrays) {
  // digital_readout 0: the readouts are analog tiles again.
  nlohmann::json analog = {
      {"tile_rows", 16}, {"tile_cols", 8}, {"digital_readout", 0}};
  image::Image im = readoutNet(analog, 23);
  ASSERT_EQ(digitalTilesOf(im), 0u);
  Recorded ref = runRef(im, 40, 4), rtl = runRtl(im, 40, 4);
  EXPECT_EQ(ref.result.counters[DigitalWeightReads], 0u);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, MatchesRefOnAWideDigitalReadout) {
  // 2000 inputs x 10 readouts: 8 digital tiles, 22000 words of one unit.
  image::Image im = wideReadout(2000, 24);
  ASSERT_EQ(digitalTilesOf(im), 8u);
  Recorded ref = runRef(im, 10, 5), rtl = runRtl(im, 10, 5);
  expectIdentical(ref, rtl);
}

TEST(CrossbarRtl, RefusesDigitalTilesBeyondTheUnitsMemory) {
  // Rows x 11 words beyond the memory.
  uint32_t inputs = crossbar::rtl::unit::kDigitalWords / 11 + 300;
  image::Image im = wideReadout(inputs, 25);
  auto engine = makeRtlEngine(im);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  runtime::RunOptions options;
  options.steps = 2;
  auto result = (*engine)->run({drive(inputs, 2)}, options);
  ASSERT_FALSE(result.ok());
  std::string message = result.error().message();
  EXPECT_NE(message.find("digital_words of " +
                         std::to_string(crossbar::rtl::unit::kDigitalWords)),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("unit on PE"), std::string::npos) << message;
}

TEST(CrossbarRtl, LoadsDigitalTilesIntoTheDigitalMemory) {
  // The tile table marks each digital tile with its base, the bases do not
  // overlap, and every weight is written after the tile's row list.
  nlohmann::json tiles = {{"tile_rows", 16}, {"tile_cols", 8}};
  image::Image im = readoutNet(tiles, 26);
  image::Expected<ChipProgram> prog = loadChipProgram(im);
  ASSERT_TRUE(prog.ok()) << prog.error().message();
  auto tables = crossbar::rtl::buildUnitTables(*prog);
  ASSERT_TRUE(tables.ok()) << tables.error().message();
  namespace u = crossbar::rtl::unit;
  uint32_t digital = 0;
  for (const crossbar::rtl::UnitTable &t : *tables) {
    std::map<uint32_t, uint32_t> writes;
    for (auto [address, data] : crossbar::rtl::configWrites(t, *prog))
      writes[address] = data;
    uint64_t next = 0;
    for (uint32_t k = 0; k < t.tiles.size(); ++k) {
      const crossbar::rtl::UnitTile &ut = t.tiles[k];
      uint32_t lane = writes[u::cfgAddress(u::RegionTiles,
                                           k * u::kTileLanes + u::LaneDigital)];
      ASSERT_EQ(ut.digital, prog->tiles[ut.tile].digital);
      if (!ut.digital) {
        EXPECT_EQ(lane, 0u);
        continue;
      }
      ++digital;
      EXPECT_EQ(lane, u::kDigitalFlag | ut.base);
      EXPECT_EQ(ut.base, next);
      next += uint64_t(ut.rowCount) * (ut.cols + 1);
      const std::vector<int16_t> &w = prog->tiles[ut.tile].weights;
      for (size_t i = 0; i < w.size(); ++i) {
        uint32_t address =
            u::cfgAddress(u::RegionDigital, ut.base + ut.rowCount + i);
        ASSERT_TRUE(writes.count(address)) << i;
        EXPECT_EQ(int16_t(uint16_t(writes[address])), w[i]) << i;
      }
    }
    EXPECT_EQ(t.digitalWords, next);
  }
  EXPECT_EQ(digital, digitalTilesOf(im));
}

TEST(CrossbarRtl, TheAnalogArrayRefusesDigitalTiles) {
  image::Image im = feedForward({}, 27);
  image::Expected<ChipProgram> prog = loadChipProgram(im);
  ASSERT_TRUE(prog.ok()) << prog.error().message();
  crossbar::rtl::AnalogArray array(*prog);
  for (uint32_t k = 0; k < prog->tiles.size(); ++k) {
    EXPECT_EQ(array.isDigital(k), prog->tiles[k].digital);
    EXPECT_EQ(array.drive(k, 0), !prog->tiles[k].digital) << k;
    EXPECT_EQ(array.read(k, 0), !prog->tiles[k].digital) << k;
  }
  EXPECT_GT(array.conductanceNs(), 0u);
}

TEST(CrossbarRtl, ATruncatingAdcIsCaught) {
  // The differential test can fail: an ADC that truncates toward zero
  // instead of rounding half away from zero gives other codes.
  image::Image im = feedForward({}, 1);
  crossbar::rtl::RtlOptions truncating;
  truncating.factory =
      [](bool traced) -> std::unique_ptr<crossbar::rtl::XbarUnitModel> {
    return std::make_unique<crossbar::rtl::VerilatedXbarUnit<Vxbar_unit_trunc>>(
        traced);
  };
  Recorded ref = runRef(im, 60), bad = runRtl(im, 60, 7, truncating);
  EXPECT_NE(ref.result.outputs[1].values, bad.result.outputs[1].values);
  EXPECT_NE(ref.result.outputs[0].spikes, bad.result.outputs[0].spikes);
  EXPECT_NE(ref.counters, bad.counters);
}

TEST(CrossbarRtl, RunsAreRepeatableAndReportCycles) {
  image::Image im = feedForward({}, 1);
  auto engine = makeRtlEngine(im);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  Recorded a = run(**engine, im, 20), b = run(**engine, im, 20);
  expectIdentical(a, b);
  nlohmann::json report = (*engine)->extraReport(1e8);
  EXPECT_EQ(report["units"], 2);
  EXPECT_GT(report["unit_cycles_simulated"].get<uint64_t>(),
            report["tile_read_cycles_simulated"].get<uint64_t>());
  EXPECT_GT(report["tile_read_cycles_simulated"].get<uint64_t>(), 0u);
  EXPECT_GT(report["step_cycles_max"].get<uint64_t>(), 0u);
  EXPECT_EQ(report["unit_counters"]["adc_conversions"].get<uint64_t>(),
            b.result.counters[AdcConversions]);
  EXPECT_NE((*engine)->describeExtra(1e8).find("crossbar units"),
            std::string::npos);
}

TEST(CrossbarRtl, RefusesASliceThatSplitsATile) {
  // Columns 16..31 of a 16-wide tile fall into two slices of 20.
  nlohmann::json tiles = {{"tile_rows", 16}, {"tile_cols", 16}};
  image::Image im = feedForward(tiles, 5, 32, 40, {20, 20}, 1);
  auto engine = makeRtlEngine(im);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  runtime::RunOptions options;
  options.steps = 2;
  auto result = (*engine)->run({drive(32, 2)}, options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message().find("beyond the slice"),
            std::string::npos)
      << result.error().message();
}

TEST(CrossbarRtl, RefusesALayoutThatDoesNotDescribeThePlacement) {
  image::Image im = feedForward({}, 1);
  im.layout.chipSites.clear();
  auto engine = makeRtlEngine(im);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  runtime::RunOptions options;
  options.steps = 2;
  auto result = (*engine)->run({drive(300, 2)}, options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message().find("machine layout"), std::string::npos)
      << result.error().message();
}

TEST(CrossbarRtl, RefusesASliceOffThePlacement) {
  image::Image im = feedForward({}, 1);
  im.populations[1].slices[0].pe = 500;
  auto engine = makeRtlEngine(im);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  runtime::RunOptions options;
  options.steps = 2;
  auto result = (*engine)->run({drive(300, 2)}, options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message().find("PE 500"), std::string::npos)
      << result.error().message();
}

TEST(CrossbarRtl, StepsOverTheRealTimeBudgetAreCountedFromRtlCycles) {
  // dt of 1 ns at the default clock leaves a budget below one cycle.
  image::Image im = feedForward({}, 1);
  im.dt = 1e-9;
  auto engine = makeRtlEngine(im);
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  runtime::RunOptions options;
  options.steps = 10;
  auto all = (*engine)->run({drive(300, 10)}, options);
  ASSERT_TRUE(all.ok()) << all.error().message();
  EXPECT_EQ(all->realTimeViolations, 10u);
  ASSERT_FALSE(all->peLoads.empty());
  EXPECT_GT(all->peLoads[1].maxStepCycles, 0);
  options.stopOnRealTimeViolation = true;
  auto stopped = (*engine)->run({drive(300, 10)}, options);
  ASSERT_TRUE(stopped.ok()) << stopped.error().message();
  EXPECT_EQ(stopped->steps, 1u);
  EXPECT_EQ(stopped->stopReason, runtime::StopReason::RealTimeViolation);
}

TEST(CrossbarRtl, WritesWaveformsOfOneUnit) {
  image::Image im = feedForward({}, 1);
  std::string path = ::testing::TempDir() + "crossbar-rtl.vcd";
  crossbar::rtl::RtlOptions options;
  options.vcdPath = path;
  options.vcdPe = im.populations[0].slices[0].pe;
  options.vcdSteps = {1, 2};
  Recorded ref = runRef(im, 5), rtl = runRtl(im, 5, 7, options);
  expectIdentical(ref, rtl);
  std::ifstream in(path);
  std::stringstream vcd;
  vcd << in.rdbuf();
  EXPECT_NE(vcd.str().find("adc_req_o"), std::string::npos);
  EXPECT_NE(vcd.str().find("#"), std::string::npos);
  std::remove(path.c_str());
}

TEST(CrossbarRtl, IsAnEngineOfTheCrossbarRuntime) {
  snncInitializecrossbarRuntime();
  auto target = runtime::lookupTargetRuntime(kTargetName);
  ASSERT_TRUE(target.ok()) << target.error().message();
  std::vector<std::string> engines = (*target)->engines();
  EXPECT_NE(std::find(engines.begin(), engines.end(), "rtl"), engines.end());
  image::Image im = feedForward({}, 1);
  auto engine = (*target)->createEngine("rtl", im, runtime::EngineOptions());
  ASSERT_TRUE(engine.ok()) << engine.error().message();
  EXPECT_STREQ((*engine)->name(), "rtl");
  // The unlisted test-only variant with a truncating ADC differs from ref.
  EXPECT_EQ(std::find(engines.begin(), engines.end(), "rtl-trunc-adc"),
            engines.end());
  auto wrong =
      (*target)->createEngine("rtl-trunc-adc", im, runtime::EngineOptions());
  ASSERT_TRUE(wrong.ok()) << wrong.error().message();
  Recorded ref = runRef(im, 60), bad = run(**wrong, im, 60);
  EXPECT_NE(ref.result.outputs[1].values, bad.result.outputs[1].values);
}

} // namespace
