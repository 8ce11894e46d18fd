//===- EnergyTest.cpp - Energy priced from counted events -----------------===//

#include "TestImages.h"

#include "snnc/runtime/Energy.h"
#include "snnc/runtime/RefEngine.h"

#include <gtest/gtest.h>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

nlohmann::json energyModel() {
  return {{"neuron_update_j", {{"value", 4e-9}}},
          {"synaptic_event_j", {{"value", 7e-10}}},
          {"sram_read_word_j", {{"value", 3e-12}}},
          {"sram_write_word_j", {{"value", 3e-12}}},
          {"packet_sent_j", {{"value", 1e-10}}},
          {"router_hop_j", {{"value", 1e-10}}},
          {"static_power_pe_w", {{"value", 2e-3}}},
          {"static_power_chip_w", 0.3}};
}

EnergyReport priced(const Image &image, double rate, uint64_t seed) {
  RefEngine engine(image);
  RunOptions options;
  options.steps = 2000;
  Expected<RunResult> run =
      engine.run({randomTrain(seed, 30, 2000, rate)}, options);
  EXPECT_TRUE(run.ok());
  Expected<EnergyReport> energy =
      computeEnergy(image, run.value(), energyModel());
  EXPECT_TRUE(energy.ok());
  return energy.value();
}

double componentJoules(const EnergyReport &r, const std::string &name) {
  for (const EnergyComponent &c : r.dynamic)
    if (c.name == name)
      return c.joules;
  ADD_FAILURE() << "no component " << name;
  return 0;
}

TEST(Energy, DoublingTheInputRateRaisesDynamicEnergyNotStatic) {
  Image image = feedForward();
  EnergyReport slow = priced(image, 0.02, 1);
  EnergyReport fast = priced(image, 0.04, 2);
  double synaptic = componentJoules(fast, "synaptic events") /
                    componentJoules(slow, "synaptic events");
  EXPECT_NEAR(synaptic, 2.0, 0.1);
  EXPECT_GT(fast.dynamicJoules, slow.dynamicJoules);
  // Neuron updates are per step, whatever the input: their energy is equal.
  EXPECT_DOUBLE_EQ(componentJoules(fast, "neuron updates"),
                   componentJoules(slow, "neuron updates"));
  EXPECT_DOUBLE_EQ(fast.staticJoules, slow.staticJoules);
  EXPECT_GT(slow.staticJoules, 0.0);
}

TEST(Energy, TotalIsTheSumOfCountsTimesCoefficientsPlusStatic) {
  Image image = feedForward();
  EnergyReport r = priced(image, 0.02, 3);
  double sum = 0;
  for (const EnergyComponent &c : r.dynamic) {
    EXPECT_DOUBLE_EQ(c.joules, c.joulesPerEvent * double(c.count)) << c.name;
    sum += c.joules;
  }
  EXPECT_DOUBLE_EQ(r.dynamicJoules, sum);
  EXPECT_DOUBLE_EQ(r.totalJoules, r.dynamicJoules + r.staticJoules);
  EXPECT_DOUBLE_EQ(r.seconds, 2000 * image.dt);
}

TEST(Energy, MissingCoefficientIsNamed) {
  Image image = feedForward();
  RefEngine engine(image);
  RunOptions options;
  options.steps = 10;
  Expected<RunResult> run = engine.run({randomTrain(4, 30, 10, 0.1)}, options);
  ASSERT_TRUE(run.ok());
  nlohmann::json model = energyModel();
  model.erase("router_hop_j");
  Expected<EnergyReport> energy = computeEnergy(image, run.value(), model);
  ASSERT_FALSE(energy.ok());
  EXPECT_NE(energy.error().message().find("router_hop_j"), std::string::npos);
}

} // namespace
