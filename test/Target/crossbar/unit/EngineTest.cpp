//===- EngineTest.cpp - The crossbar's ref and float engines --------------===//

#include "snnc/crossbar/ChipProgram.h"
#include "snnc/crossbar/Engines.h"

#include "snnc/crossbar/Counters.h"
#include "snnc/crossbar/ImageSections.h"
#include "snnc/runtime/Compare.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc;
using namespace snnc::crossbar;

namespace {

/// The default target model with `overrides` ({"field": value}).
nlohmann::json targetModel(const nlohmann::json &overrides) {
  nlohmann::json model = nlohmann::json::parse(defaultTargetModelText());
  for (auto &[field, value] : overrides.items())
    model[field]["value"] = value;
  return model;
}

/// 300 inputs -> 20 LIF neurons -> 5 LI readouts, one slice per source on
/// its own tile node of a 16-wide mesh. Input i drives neuron j with weight
/// (hash(i, j) % 17 - 8) / 8 after one step; neuron j drives readout j % 5
/// with weight 1 after two steps.
image::Image network(const nlohmann::json &overrides, uint64_t seed) {
  image::Image im;
  im.targetName = kTargetName;
  im.targetModel = targetModel(overrides);
  im.seed = seed;
  im.inputs.push_back({0, "in", {300}, 300, {{0, 300, 0}}});
  image::Population pop;
  pop.name = "pop";
  pop.size = 20;
  pop.shape = {20};
  pop.floatParams.assign(20, image::FloatNeuron{0.9, 1.0, 0, 1.0, 0});
  pop.slices = {{0, 20, 1}};
  im.populations.push_back(pop);
  image::Population out;
  out.name = "out";
  out.model = image::NeuronModel::Li;
  out.spiking = false;
  out.size = 5;
  out.shape = {5};
  out.floatParams.assign(5, image::FloatNeuron{0.8, 0.2, 0, 0, 0});
  out.slices = {{0, 5, 18}};
  im.populations.push_back(out);

  image::Projection in;
  in.source = {image::SourceKind::Input, 0};
  in.target = 0;
  in.stored.rowPtr.push_back(0);
  for (uint32_t i = 0; i < 300; ++i) {
    for (uint32_t j = 0; j < 20; ++j) {
      in.stored.target.push_back(j);
      uint32_t h = (i * 2654435761u) ^ (j * 40503u + 0x9E37u);
      h ^= h >> 13;
      in.stored.weight.push_back(float(int(h % 17) - 8) / 8);
      in.stored.delay.push_back(1);
    }
    in.stored.rowPtr.push_back(in.stored.target.size());
  }
  im.projections.push_back(in);
  image::Projection read;
  read.source = {image::SourceKind::Population, 0};
  read.target = 1;
  read.maxDelay = 2;
  read.stored.rowPtr.push_back(0);
  for (uint32_t j = 0; j < 20; ++j) {
    read.stored.target.push_back(j % 5);
    read.stored.weight.push_back(1.0f);
    read.stored.delay.push_back(2);
    read.stored.rowPtr.push_back(read.stored.target.size());
  }
  im.projections.push_back(read);
  im.outputs.push_back({0, 0, image::OutputKind::Spikes});
  im.outputs.push_back({1, 1, image::OutputKind::Current});

  im.placement.chips = 1;
  im.placement.pesPerChip = 128;
  im.placement.sliceOfPe.assign(128, image::kNoSlice);
  im.placement.sliceOfPe[0] = 0;
  im.placement.sliceOfPe[1] = 1;
  im.placement.sliceOfPe[18] = 2;
  im.layout.gridCols = 16;
  im.layout.gridRows = 8;
  for (int32_t n = 0; n < 128; ++n)
    im.layout.peSites.push_back({n % 16, n / 16});

  image::Expected<DeviceModel> model = readDeviceModel(im.targetModel);
  EXPECT_TRUE(model.ok());
  image::Expected<TileMap> map = mapTiles(im, *model, seed);
  EXPECT_TRUE(map.ok()) << map.error().message();
  auto section = std::make_unique<TileSection>();
  section->map = std::move(*map);
  im.sections.set(kTilesSection, std::move(section));
  return im;
}

/// Input i fires in step t when (i + 3 t) % 7 == 0 (a dense, varied
/// drive: about 43 of 300 rows per step).
runtime::SpikeTrain drive(uint64_t steps) {
  runtime::SpikeTrain train;
  train.shape = {300};
  for (uint64_t t = 0; t < steps; ++t)
    for (uint32_t i = 0; i < 300; ++i)
      if ((i + 3 * t) % 7 == 0)
        train.events.push_back({t, i});
  return train;
}

runtime::RunResult run(const char *engine, const image::Image &im,
                       uint64_t steps = 60) {
  auto made =
      std::string(engine) == "ref" ? makeRefEngine(im) : makeFloatEngine(im);
  EXPECT_TRUE(made.ok()) << made.error().message();
  runtime::RunOptions options;
  options.steps = steps;
  runtime::Expected<runtime::RunResult> result =
      (*made)->run({drive(steps)}, options);
  EXPECT_TRUE(result.ok()) << result.error().message();
  return std::move(*result);
}

const nlohmann::json kIdeal = {{"sigma_program_s", 0},
                               {"sigma_read_fraction", 0},
                               {"adc_bits", 16},
                               {"conductance_levels", 65536}};

TEST(CrossbarEngines, IdealDevicesAndA16BitAdcMatchFloat) {
  image::Image im = network(kIdeal, 1);
  runtime::RunResult ref = run("ref", im), flt = run("float", im);
  const runtime::SpikeList &a = ref.outputs[0].spikes;
  const runtime::SpikeList &b = flt.outputs[0].spikes;
  // Sparse enough that the spikes say something: 20 neurons x 60 steps.
  ASSERT_GT(b.size(), 100u);
  ASSERT_LT(b.size(), 900u);
  EXPECT_EQ(a, b);
  // The readout follows the spikes to within the quantization.
  double worst = 0;
  for (size_t k = 0; k < ref.outputs[1].values.size(); ++k)
    worst = std::max(
        worst, std::abs(ref.outputs[1].values[k] - flt.outputs[1].values[k]));
  EXPECT_LT(worst, 1e-3);
  // Both count the same events, except saturations, which float lacks.
  for (size_t c = 0; c < NumCounters; ++c)
    if (c != AdcSaturations)
      EXPECT_EQ(ref.counters[c], flt.counters[c]) << c;
}

TEST(CrossbarEngines, TheDefaultDevicesDoNotMatchFloat) {
  // 16 levels, noise and a 5-bit ADC: the chip computes something else.
  image::Image im = network({}, 1);
  runtime::RunResult ref = run("ref", im), flt = run("float", im);
  EXPECT_NE(ref.outputs[0].spikes, flt.outputs[0].spikes);
}

TEST(CrossbarEngines, CountsFollowTheTiles) {
  image::Image im = network(kIdeal, 1);
  runtime::RunResult r = run("ref", im, 1);
  // Step 0: inputs 0, 7, ..., 294 (43 rows) read 2 row blocks of 256 + 44
  // rows and 20 columns; no neuron has fired yet.
  uint64_t rows = 43;
  EXPECT_EQ(r.counters[RowDrives], rows);
  EXPECT_EQ(r.counters[SynapticEvents], rows * 20);
  EXPECT_EQ(r.counters[AdcConversions], 2u * 20);
  EXPECT_EQ(r.counters[NeuronUpdates], 25u);
  // Every input spike leaves node 0 for node 1: one packet, one hop.
  EXPECT_EQ(r.counters[PacketsSent], rows);
  EXPECT_EQ(r.counters[RouterHops], rows);
  // Conductance read: every active cell's G+ + G-, to the nS.
  const TileMap &map = im.sections.get<TileSection>(kTilesSection)->map;
  double siemens = 0;
  for (const XbarTile &t : map.tiles)
    if (t.projection == 0)
      for (uint32_t i = 0; i < t.block.rowCount; ++i)
        if ((t.block.rowFirst + i) % 7 == 0)
          for (uint32_t c = 0; c < t.block.colCount; ++c)
            siemens += double(t.gPlus[i * 20 + c]) + t.gMinus[i * 20 + c];
  EXPECT_NEAR(double(r.counters[ConductanceReadsNs]), siemens * 1e9, 2.0);
}

TEST(CrossbarEngines, RunsAreDeterministicAndTheSeedIsTheChip) {
  nlohmann::json noisy = {{"adc_bits", 8}};
  image::Image a = network(noisy, 5), b = network(noisy, 6);
  runtime::RunResult a1 = run("ref", a), a2 = run("ref", a);
  EXPECT_EQ(a1.outputs[0].spikes, a2.outputs[0].spikes);
  EXPECT_EQ(a1.outputs[1].values, a2.outputs[1].values);
  EXPECT_EQ(a1.counters, a2.counters);
  runtime::RunResult b1 = run("ref", b);
  EXPECT_NE(a1.outputs[1].values, b1.outputs[1].values);
}

TEST(CrossbarEngines, AFullScaleOfOneRowSaturates) {
  // 43 active rows of weights up to a full level into a range of one row.
  image::Image im = network({{"adc_full_scale_rows", 1}, {"adc_bits", 5}}, 1);
  runtime::RunResult r = run("ref", im, 5);
  EXPECT_GT(r.counters[AdcSaturations], 0u);
  EXPECT_LE(r.counters[AdcSaturations], r.counters[AdcConversions]);
  image::Image wide = network({{"adc_full_scale_rows", 512}}, 1);
  EXPECT_EQ(run("ref", wide, 5).counters[AdcSaturations], 0u);
}

TEST(CrossbarEngines, TheFinestTileIntoAPopulationHasAMultiplierOf256) {
  image::Image im = network({}, 1);
  image::Expected<ChipProgram> prog = loadChipProgram(im);
  ASSERT_TRUE(prog.ok()) << prog.error().message();
  const TileMap &map = *prog->map;
  std::vector<int64_t> finest(2, INT64_MAX);
  for (size_t k = 0; k < map.tiles.size(); ++k) {
    uint32_t p = im.projections[map.tiles[k].projection].target;
    finest[p] = std::min(finest[p], prog->plan.multiplier[k]);
    EXPECT_GE(prog->plan.multiplier[k], 256);
    // The readout is digital: one code is one int16 step, its scale.
    if (map.tiles[k].digital) {
      EXPECT_DOUBLE_EQ(prog->plan.codeWeight[k],
                       map.scale[map.tiles[k].projection]);
      continue;
    }
    // One code of tile k is lsb_k / V x scale of real weight.
    EXPECT_DOUBLE_EQ(prog->plan.codeWeight[k],
                     prog->plan.range[k].lsb / prog->model.readVoltage *
                         map.scale[map.tiles[k].projection]);
    EXPECT_EQ(prog->plan.range[k].lsb,
              adcRange(prog->model, map.tiles[k].fullScaleRows).lsb);
  }
  EXPECT_EQ(finest[0], 256);
  EXPECT_EQ(finest[1], 256);
}

TEST(CrossbarEngines, AnImageWithoutTilesIsRefused) {
  image::Image im = network({}, 1);
  im.sections = image::SectionSet();
  auto made = makeRefEngine(im);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message().find("crossbar.tiles"), std::string::npos);
}

} // namespace
