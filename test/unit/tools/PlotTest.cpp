//===- PlotTest.cpp - The run report's SVG plots --------------------------===//

#include "Plot.h"

#include "snnc/mapping/Topology.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace snnc;
using namespace snnc::tools;

namespace {

image::Slice slice(uint32_t first, uint32_t count, uint32_t pe) {
  image::Slice s;
  s.first = first;
  s.count = count;
  s.pe = pe;
  return s;
}

/// An input port of 8 and a spiking population `name` of `size` on PEs 0
/// and 1, plus a 4-neuron readout on PE 5 (chip 1 of 2 chips x 4 PEs).
image::Image toyImage(const std::string &name, uint32_t size) {
  image::Image img;
  img.network = "toy";
  img.targetName = "toy";
  img.dt = 1e-3;
  image::InputPort port;
  port.name = "in0";
  port.shape = {8};
  port.size = 8;
  port.slices = {slice(0, 8, 0)};
  img.inputs.push_back(port);
  image::Population pop;
  pop.name = name;
  pop.shape = {size};
  pop.size = size;
  pop.slices = {slice(0, size, 1)};
  img.populations.push_back(pop);
  image::Population readout;
  readout.name = "out";
  readout.model = image::NeuronModel::Li;
  readout.spiking = false;
  readout.shape = {4};
  readout.size = 4;
  readout.slices = {slice(0, 4, 5)};
  img.populations.push_back(readout);
  img.placement.chips = 2;
  img.placement.pesPerChip = 4;
  return img;
}

/// Dots drawn: one "M" per dot in the spike paths.
size_t countDots(const std::string &svg) {
  size_t dots = 0;
  std::istringstream lines(svg);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("<path class=\"spikes\"", 0) == 0)
      dots += std::count(line.begin(), line.end(), 'M');
  return dots;
}

size_t count(const std::string &text, const std::string &what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(Plot, RasterDrawsEverySpikeOfASmallRunInLabelledBands) {
  image::Image img = toyImage("exc<&>", 50);
  runtime::RunResult run;
  run.steps = 100;
  run.populationSpikes = {{{3, 0}, {3, 49}, {50, 7}, {99, 20}}, {}};
  std::vector<runtime::SpikeTrain> inputs(1);
  // The last event lies beyond the run and is not drawn.
  inputs[0].events = {{0, 1}, {10, 7}, {100, 2}};
  runtime::EnergyReport energy;
  std::string svg = rasterSvg({img, run, energy, inputs, "ref"});
  EXPECT_EQ(countDots(svg), 6u);
  EXPECT_NE(svg.find(">exc&lt;&amp;&gt;</text>"), std::string::npos);
  EXPECT_NE(svg.find("input port, 8, 2 spikes"), std::string::npos);
  EXPECT_NE(svg.find("lif, 50, 4 spikes"), std::string::npos);
  EXPECT_NE(svg.find("Readouts without spikes, not drawn: out"),
            std::string::npos);
  EXPECT_EQ(svg.find("thinned"), std::string::npos);
}

TEST(Plot, RasterMergesPixelsAndCapsTheDots) {
  // 1000 neurons spiking at every one of 1000 steps: far more spikes than
  // pixels, and more occupied pixels than the cap.
  image::Image img = toyImage("dense", 1000);
  runtime::RunResult run;
  run.steps = 1000;
  run.populationSpikes.resize(2);
  for (uint64_t t = 0; t < 1000; ++t)
    for (uint32_t i = 0; i < 1000; ++i)
      run.populationSpikes[0].push_back({t, i});
  runtime::EnergyReport energy;
  std::vector<runtime::SpikeTrain> none;
  std::string svg = rasterSvg({img, run, energy, none, "ref"});
  EXPECT_EQ(countDots(svg), kMaxRasterDots);
  EXPECT_NE(svg.find("200000 dots for 1000000 spikes"), std::string::npos);
  EXPECT_NE(svg.find("thinned evenly to the cap of 200000"), std::string::npos);
  // Equal runs give equal files.
  EXPECT_EQ(svg, rasterSvg({img, run, energy, none, "ref"}));
}

runtime::PeLoad load(uint32_t sliceIndex, uint32_t pe, double busy,
                     double worst, uint64_t violations) {
  runtime::PeLoad l;
  l.slice = sliceIndex;
  l.pe = pe;
  l.busyCycles = busy;
  l.maxStepCycles = worst;
  l.violations = violations;
  return l;
}

TEST(Plot, PeLoadFallsBackToIndexOrderAndMarksTheBusiestAndViolations) {
  image::Image img = toyImage("exc", 50); // no target model
  runtime::RunResult run;
  run.steps = 1000;
  run.peLoads = {load(0, 0, 10000, 10, 0), load(1, 1, 500000, 900, 0),
                 load(2, 5, 200000, 1500, 3)};
  runtime::EnergyReport energy;
  energy.stepCycleBudget = 1000;
  std::vector<runtime::SpikeTrain> none;
  std::string svg = peLoadSvg({img, run, energy, none, "ref"});
  EXPECT_NE(svg.find("Chip mesh unknown"), std::string::npos);
  EXPECT_NE(svg.find("Busiest: PE 1 (chip 0) with exc [0, 50): 50% of "
                     "budget; worst step 900 cycles"),
            std::string::npos);
  EXPECT_EQ(count(svg, "<rect class=\"pe\""), 3u);
  EXPECT_EQ(count(svg, "class=\"max-pe\""), 1u);
  // PE 5's cross: two red lines, plus two in the legend.
  EXPECT_EQ(count(svg, "stroke=\"#e31a1c\""), 4u);
  EXPECT_NE(svg.find("1 exceeded the budget in some step"), std::string::npos);
  EXPECT_NE(svg.find("PE 5: out [0, 4), 20%, worst step 1500 cycles, 3 steps "
                     "over budget"),
            std::string::npos);
}

TEST(Plot, PeLoadUsesTheTargetMeshAndZoomsOnUsedChips) {
  std::ifstream file(SNNC_SOURCE_DIR "/backends/spinnaker2/target.json");
  std::ifstream layout(SNNC_SOURCE_DIR "/backends/spinnaker2/layout.json");
  ASSERT_TRUE(file) << "target.json";
  ASSERT_TRUE(layout) << "layout.json";
  image::Image img = toyImage("exc", 50);
  img.targetName = "spinnaker2";
  img.layout =
      mapping::resolvedLayout(mapping::Topology(mapping::targetModelFromJson(
          nlohmann::json::parse(layout), nlohmann::json::parse(file), nullptr,
          "spinnaker2")));
  img.placement.chips = 48;
  img.placement.pesPerChip = 152;
  runtime::RunResult run;
  run.steps = 10;
  // Chip 18 sits at (3,3) on the 48-chip board; local PE 5 is core 1 of
  // the QPE at grid (1,0) (QPEs are numbered row by row, 4 PEs each).
  run.peLoads = {load(1, 18 * 152 + 5, 3e5, 5e4, 0)};
  runtime::EnergyReport energy;
  energy.stepCycleBudget = 3e5;
  std::vector<runtime::SpikeTrain> none;
  std::string svg = peLoadSvg({img, run, energy, none, "ref"});
  EXPECT_EQ(svg.find("Chip mesh unknown"), std::string::npos);
  EXPECT_NE(svg.find("Busiest: PE 2741 (chip 18, QPE (1,0) core 1)"),
            std::string::npos);
  EXPECT_NE(svg.find(">chip 18 (3,3)</text>"), std::string::npos);
  // Only chip 18 is drawn at full size; the board overview shows all 48.
  EXPECT_EQ(svg.find(">chip 17 "), std::string::npos);
  EXPECT_NE(svg.find(">board</text>"), std::string::npos);
  EXPECT_EQ(count(svg, "<rect class=\"pe\""), 1u);
}

TEST(Plot, EnergyBarsAreProportionalAndLabelled) {
  image::Image img = toyImage("exc", 50);
  runtime::RunResult run;
  runtime::EnergyReport energy;
  energy.dynamic = {{"synaptic events", "synapse", 10, 1e-9, 1e-8, ""},
                    {"router hops", "hop", 0, 1e-10, 0, ""}};
  energy.dynamicJoules = 1e-8;
  energy.staticJoules = 2e-8;
  energy.totalJoules = 3e-8;
  energy.seconds = 0.5;
  std::vector<runtime::SpikeTrain> none;
  std::string svg = energySvg({img, run, energy, none, "ref"});
  EXPECT_EQ(count(svg, "<rect class=\"bar\""), 3u);
  // The largest bar (static) is 440 wide; synaptic events half of it.
  EXPECT_NE(svg.find("width=\"440\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"220\""), std::string::npos);
  EXPECT_NE(svg.find(">10 nJ  (33.3%)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">20 nJ  (66.7%)</text>"), std::string::npos);
  EXPECT_NE(svg.find("10 × 1 nJ"), std::string::npos);
  EXPECT_NE(svg.find("30 nJ over 500 ms simulated"), std::string::npos);
}

TEST(Plot, WritePlotsCreatesTheDirectoryOrSaysWhyNot) {
  image::Image img = toyImage("exc", 50);
  runtime::RunResult run;
  run.steps = 10;
  runtime::EnergyReport energy;
  std::vector<runtime::SpikeTrain> none;
  PlotData data{img, run, energy, none, "ref"};
  std::string dir = ::testing::TempDir() + "snnc-plot-test/a/b";
  ASSERT_TRUE(writePlots(dir, data).ok());
  for (const char *name : {"raster.svg", "pe-load.svg", "energy.svg"})
    EXPECT_TRUE(std::ifstream(dir + "/" + name)) << name;
  // A file where the directory should be.
  std::string blocked = ::testing::TempDir() + "snnc-plot-test/file";
  std::ofstream(blocked) << "x";
  image::Status status = writePlots(blocked + "/sub", data);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message().find("cannot create the directory"),
            std::string::npos)
      << status.error().message();
}

TEST(Plot, WritePlotsWritesAllOrNothing) {
  image::Image img = toyImage("exc", 50);
  runtime::RunResult run;
  run.steps = 10;
  runtime::EnergyReport energy;
  std::vector<runtime::SpikeTrain> none;
  PlotData data{img, run, energy, none, "ref"};
  std::string root = ::testing::TempDir() + "snnc-plot-all-or-nothing";
  std::filesystem::remove_all(root);
  // The last plot cannot be written (a directory holds its name): the
  // others must not appear, and no temporary may stay.
  std::string dir = root + "/plots";
  std::filesystem::create_directories(dir + "/energy.svg");
  image::Status status = writePlots(dir, data);
  ASSERT_FALSE(status.ok());
  EXPECT_FALSE(std::filesystem::exists(dir + "/raster.svg"));
  EXPECT_FALSE(std::filesystem::exists(dir + "/pe-load.svg"));
  size_t left = 0;
  for (const auto &entry : std::filesystem::directory_iterator(dir))
    left += entry.path().filename() != "energy.svg";
  EXPECT_EQ(left, 0u) << "a temporary was left behind";
  std::filesystem::remove_all(root);
}

} // namespace
