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

/// A 2000-step run of feedForward() priced with an inference window.
EnergyReport pricedWindows(const Image &image, uint64_t stepsPerInference) {
  RefEngine engine(image);
  RunOptions options;
  options.steps = 2000;
  Expected<RunResult> run =
      engine.run({randomTrain(5, 30, 2000, 0.03)}, options);
  EXPECT_TRUE(run.ok());
  Expected<EnergyReport> energy =
      computeEnergy(image, run.value(), energyModel(), stepsPerInference);
  EXPECT_TRUE(energy.ok());
  return energy.value();
}

TEST(Energy, WholeRunIsOneInferenceByDefault) {
  Image image = feedForward();
  EnergyReport r = pricedWindows(image, 0);
  EXPECT_EQ(r.stepsPerInference, 2000u);
  EXPECT_EQ(r.inferences, 1u);
  EXPECT_DOUBLE_EQ(r.joulesPerInference, r.totalJoules);
  EXPECT_DOUBLE_EQ(r.inferenceSeconds, r.seconds);
}

TEST(Energy, WindowsSplitTheRunIntoInferences) {
  Image image = feedForward();
  // A clock turns the busiest PE's cycles into a latency.
  image.targetModel["target"]["clock_hz"] = {{"value", 2e8}};
  EnergyReport r = pricedWindows(image, 500);
  EXPECT_EQ(r.stepsPerInference, 500u);
  EXPECT_EQ(r.inferences, 4u);
  EXPECT_DOUBLE_EQ(r.joulesPerInference, r.totalJoules * 500 / 2000);
  EXPECT_DOUBLE_EQ(r.inferenceSeconds, 500 * image.dt);
  EXPECT_GT(r.maxStepCycles, 0.0);
  EXPECT_DOUBLE_EQ(r.maxStepSeconds, r.maxStepCycles / 2e8);
  EXPECT_DOUBLE_EQ(r.inferenceLatencySeconds, 500 * r.maxStepSeconds);
  EXPECT_DOUBLE_EQ(r.stepCycleBudget, 1e6);
  // The window changes how the run is divided, not what it costs.
  EXPECT_DOUBLE_EQ(r.totalJoules, pricedWindows(image, 0).totalJoules);
}

TEST(Energy, PartialLastWindowIsPricedAtTheMeanRate) {
  Image image = feedForward();
  EnergyReport r = pricedWindows(image, 300);
  // 2000 = 6 x 300 + 200: six complete inferences.
  EXPECT_EQ(r.inferences, 6u);
  EXPECT_DOUBLE_EQ(r.joulesPerInference, r.totalJoules * 300 / 2000);
  // Without a clock there is no latency to report.
  EXPECT_EQ(r.inferenceLatencySeconds, 0.0);
}

TEST(Energy, JsonCarriesTheInferenceFigures) {
  Image image = feedForward();
  nlohmann::json j = toJson(pricedWindows(image, 400));
  EXPECT_EQ(j["steps_per_inference"], 400);
  EXPECT_EQ(j["inferences"], 5);
  EXPECT_DOUBLE_EQ(j["j_per_inference"].get<double>(),
                   j["total_j"].get<double>() / 5);
  EXPECT_TRUE(j.contains("inference_latency_s"));
  EXPECT_DOUBLE_EQ(j["inference_simulated_s"].get<double>(), 400 * image.dt);
}

} // namespace
