//===- EnergyTest.cpp - Energy priced from counted events -----------------===//

#include "TestImages.h"

#include "snnc/runtime/Energy.h"
#include "snnc/runtime/InitAllRuntimes.h"
#include "snnc/spinnaker2/RefEngine.h"

#include <gtest/gtest.h>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

nlohmann::json energyModel() {
  return {{"version", 2},
          {"events",
           {{"neuron_updates", {{"value", 4e-9}}},
            {"synaptic_events", {{"value", 7e-10}}},
            {"sram_words_read", {{"value", 3e-12}}},
            {"sram_words_written", {{"value", 3e-12}}},
            {"packets_sent", {{"value", 1e-10}}},
            {"router_hops", {{"value", 1e-10}}}}},
          {"static_w", {{"pe", {{"value", 2e-3}}}, {"chip", 0.3}}}};
}

const TargetRuntime &target() {
  initializeAllTargetRuntimes();
  Expected<const TargetRuntime *> t = lookupTargetRuntime("spinnaker2");
  EXPECT_TRUE(t.ok());
  return *t.value();
}

/// A ref run over `image` with Bernoulli spikes of probability `rate` on its
/// one input port.
RunResult refRun(const Image &image, uint64_t steps, unsigned seed, double rate,
                 bool recordAll = false) {
  RefEngine engine(image);
  return runOk(engine, {randomTrain(seed, image.inputs[0].size, steps, rate)},
               steps, recordAll);
}

EnergyReport priced(const Image &image, double rate, uint64_t seed) {
  RunResult run = refRun(image, 2000, unsigned(seed), rate);
  Expected<EnergyReport> energy =
      computeEnergy(target(), image, run, energyModel());
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
  double synaptic = componentJoules(fast, "synaptic_events") /
                    componentJoules(slow, "synaptic_events");
  EXPECT_NEAR(synaptic, 2.0, 0.1);
  EXPECT_GT(fast.dynamicJoules, slow.dynamicJoules);
  // Neuron updates are per step, whatever the input: their energy is equal.
  EXPECT_DOUBLE_EQ(componentJoules(fast, "neuron_updates"),
                   componentJoules(slow, "neuron_updates"));
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
  RunResult run = refRun(image, 10, 4, 0.1);
  nlohmann::json model = energyModel();
  model["events"].erase("router_hops");
  Expected<EnergyReport> energy = computeEnergy(target(), image, run, model);
  ASSERT_FALSE(energy.ok());
  EXPECT_NE(energy.error().message().find("events.router_hops"),
            std::string::npos);
}

/// A 2000-step run of feedForward() priced with an inference window.
EnergyReport pricedWindows(const Image &image, uint64_t stepsPerInference) {
  RunResult run = refRun(image, 2000, 5, 0.03);
  Expected<EnergyReport> energy =
      computeEnergy(target(), image, run, energyModel(), stepsPerInference);
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

TEST(Energy, ImpossibleCoefficientsAreRefusedByName) {
  Image image = feedForward();
  RunResult run = refRun(image, 10, 4, 0.1);
  for (nlohmann::json bad : {nlohmann::json(-1e-9), nlohmann::json("1e-9")}) {
    nlohmann::json model = energyModel();
    model["events"]["packets_sent"]["value"] = bad;
    Expected<EnergyReport> energy = computeEnergy(target(), image, run, model);
    ASSERT_FALSE(energy.ok());
    EXPECT_NE(energy.error().message().find("events.packets_sent"),
              std::string::npos)
        << energy.error().message();
  }
  nlohmann::json model = energyModel();
  model["static_w"].erase("chip");
  Expected<EnergyReport> energy = computeEnergy(target(), image, run, model);
  ASSERT_FALSE(energy.ok());
  EXPECT_NE(energy.error().message().find("static_w.chip"), std::string::npos);
}

TEST(Energy, PerSynapticOperationSplitsDynamicFromTotal) {
  Image image = feedForward();
  EnergyReport r = priced(image, 0.02, 6);
  double events = 0;
  for (const EnergyComponent &c : r.dynamic)
    if (c.name == "synaptic_events")
      events = double(c.count);
  ASSERT_GT(events, 0);
  EXPECT_DOUBLE_EQ(r.dynamicJoulesPerSynapticEvent, r.dynamicJoules / events);
  EXPECT_DOUBLE_EQ(r.joulesPerSynapticEvent, r.totalJoules / events);
  EXPECT_DOUBLE_EQ(r.topsPerWattEquivalent, 2 * events / r.totalJoules / 1e12);
  EXPECT_LT(r.dynamicJoulesPerSynapticEvent, r.joulesPerSynapticEvent);
  // Static power is priced per unit kind the target reports in use.
  ASSERT_EQ(r.staticParts.size(), 2u);
  double statics = 0;
  for (const StaticComponent &p : r.staticParts) {
    EXPECT_DOUBLE_EQ(p.joules, p.wattsPerUnit * double(p.units) * r.seconds)
        << p.unitKind;
    statics += p.joules;
  }
  EXPECT_DOUBLE_EQ(r.staticJoules, statics);
}

TEST(Energy, NeuroBenchMetricsFollowTheCounts) {
  Image image = randomNetwork(3, 40);
  RunResult run = refRun(image, 500, 7, 0.05, /*recordAll=*/true);
  Expected<EnergyReport> energy =
      computeEnergy(target(), image, run, energyModel());
  ASSERT_TRUE(energy.ok());
  const NeuroBenchMetrics &nb = energy.value().neurobench;
  const RunResult &r = run;
  EXPECT_EQ(nb.effectiveAcs, r.counters.value("synaptic_events"));
  EXPECT_EQ(nb.effectiveMacs, 0u);
  EXPECT_EQ(nb.membraneUpdates, r.counters.value("neuron_updates"));
  uint64_t spikes = 0, neurons = 0;
  for (size_t p = 0; p < image.populations.size(); ++p) {
    spikes += r.populationSpikes[p].size();
    if (image.populations[p].spiking)
      neurons += image.populations[p].size;
  }
  ASSERT_GT(spikes, 0u);
  EXPECT_DOUBLE_EQ(nb.activationSparsity,
                   1.0 - double(spikes) / double(neurons * 500));
  // One 32-bit word per stored synapse.
  uint64_t synapses = 0;
  for (const Projection &p : image.projections)
    synapses += storedSynapseCount(p);
  EXPECT_EQ(nb.footprintWeightBytes, 4 * synapses);
  EXPECT_GT(nb.footprintStateBytes, 0u);
}

TEST(Energy, ShippedOperatingPointsPriceTheSameCounts) {
  Image image = feedForward();
  RunResult run = refRun(image, 200, 8, 0.05);
  std::vector<NamedEnergyModel> models = target().energyModels();
  ASSERT_EQ(models.size(), 2u);
  EXPECT_EQ(models[0].name, "0.8V-300MHz");
  EXPECT_EQ(models[1].name, "0.5V-150MHz");
  std::vector<EnergyReport> reports;
  for (const NamedEnergyModel &m : models) {
    Expected<EnergyReport> e = computeEnergy(target(), image, run, m.model);
    ASSERT_TRUE(e.ok()) << e.error().message();
    EXPECT_EQ(e.value().operatingPoint, m.name);
    for (const EnergyComponent &c : e.value().dynamic) {
      EXPECT_TRUE(c.basis == "measured" || c.basis == "derived" ||
                  c.basis == "assumed")
          << m.name << " " << c.name << ": " << c.basis;
      EXPECT_FALSE(c.source.empty()) << m.name << " " << c.name;
    }
    for (const StaticComponent &p : e.value().staticParts)
      EXPECT_FALSE(p.source.empty()) << m.name << " " << p.unitKind;
    reports.push_back(e.value());
  }
  // The low point halves the clock and costs less per cycle.
  EXPECT_DOUBLE_EQ(reports[0].clockHz, 3e8);
  EXPECT_DOUBLE_EQ(reports[1].clockHz, 1.5e8);
  EXPECT_LT(reports[1].dynamicJoules, reports[0].dynamicJoules);
  EXPECT_LT(reports[1].staticJoules, reports[0].staticJoules);
}

} // namespace
