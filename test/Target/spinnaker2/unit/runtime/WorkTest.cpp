//===- WorkTest.cpp - Event counters, PE loads and stop reasons -----------===//

#include "TestImages.h"

#include "snnc/spinnaker2/FloatEngine.h"
#include "snnc/spinnaker2/RefEngine.h"

#include <gtest/gtest.h>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

RunResult runOk(Engine &engine, const SpikeTrain &input, RunOptions options,
                StepObserver *observer = nullptr) {
  Expected<RunResult> r = engine.run({input}, options, observer);
  if (!r)
    ADD_FAILURE() << r.error().message();
  return r ? std::move(r.value()) : RunResult();
}

TEST(Work, DoublingTheInputRateDoublesSynapticEventsOnly) {
  Image image = feedForward();
  RefEngine engine(image);
  RunOptions options;
  options.steps = 2000;
  RunResult slow = runOk(engine, randomTrain(1, 30, 2000, 0.02), options);
  RunResult fast = runOk(engine, randomTrain(2, 30, 2000, 0.04), options);
  ASSERT_GT(slow.counters.value("synaptic_events"), 5000u);
  double ratio = double(fast.counters.value("synaptic_events")) /
                 double(slow.counters.value("synaptic_events"));
  EXPECT_NEAR(ratio, 2.0, 0.1);
  EXPECT_EQ(slow.counters.value("neuron_updates"), 60u * 2000);
  EXPECT_EQ(fast.counters.value("neuron_updates"),
            slow.counters.value("neuron_updates"));
}

TEST(Work, CountersFollowTheirDefinitions) {
  Image image = feedForward();
  SpikeTrain input = randomTrain(3, 30, 100, 0.1);
  uint64_t spikes = input.events.size();
  RunOptions options;
  options.steps = 100;
  RefEngine ref(image);
  FloatEngine flt(image);
  RunResult r = runOk(ref, input, options);
  const CounterSet &c = r.counters;
  EXPECT_EQ(c.value("synaptic_events"), 10 * spikes);
  EXPECT_EQ(c.value("packets_sent"), spikes); // every input key is routed
  EXPECT_EQ(c.value("router_hops"), 0u);
  // LIF: v and the ring slot per update; one word per synaptic event.
  EXPECT_EQ(c.value("sram_words_read"),
            2 * c.value("neuron_updates") + c.value("synaptic_events"));
  EXPECT_EQ(c.value("sram_words_written"),
            2 * c.value("neuron_updates") + c.value("synaptic_events"));
  EXPECT_EQ(runOk(flt, input, options).counters, c);

  // Cycle model: 10 per step, 100 per neuron update, 5 per synaptic event.
  ASSERT_EQ(r.peLoads.size(), 3u);
  EXPECT_EQ(r.peLoads[0].busyCycles, 10.0 * 100);
  double popCycles = r.peLoads[1].busyCycles + r.peLoads[2].busyCycles;
  EXPECT_EQ(popCycles, 2 * 10.0 * 100 + 100.0 * c.value("neuron_updates") +
                           5.0 * c.value("synaptic_events"));
  EXPECT_EQ(r.realTimeViolations, 0u);
}

TEST(Work, RealTimeViolationsAreCountedAndCanStopTheRun) {
  Image image = feedForward();
  // 30 neurons x 100 cycles + overhead fit 3100 cycles; any synaptic event
  // on a slice's PE then exceeds the budget.
  image.targetModel["target"]["step_cycle_budget"] = 3010;
  SpikeTrain input = train(30, {{5, 0}, {9, 1}});
  RefEngine engine(image);
  RunOptions options;
  options.steps = 20;
  RunResult all = runOk(engine, input, options);
  EXPECT_EQ(all.realTimeViolations, 2u);
  EXPECT_EQ(all.stopReason, StopReason::Completed);
  options.stopOnRealTimeViolation = true;
  RunResult stopped = runOk(engine, input, options);
  EXPECT_EQ(stopped.stopReason, StopReason::RealTimeViolation);
  EXPECT_EQ(stopped.steps, 6u);
  EXPECT_STREQ(toString(stopped.stopReason), "real-time-violation");
}

class StopAt : public StepObserver {
public:
  explicit StopAt(uint64_t last) : last(last) {}
  bool onStep(const StepInfo &info) override {
    seen.push_back(info.step);
    inputs += info.inputSpikes[0].size();
    return info.step < last;
  }
  uint64_t last;
  uint64_t inputs = 0;
  std::vector<uint64_t> seen;
};

TEST(Work, ObserverSeesEveryStepAndCanStop) {
  Image image = feedForward();
  SpikeTrain input = train(30, {{0, 1}, {2, 3}, {2, 4}, {8, 0}});
  RefEngine engine(image);
  RunOptions options;
  options.steps = 10;
  StopAt observer(4);
  RunResult r = runOk(engine, input, options, &observer);
  EXPECT_EQ(r.stopReason, StopReason::ObserverStopped);
  EXPECT_EQ(r.steps, 5u);
  EXPECT_EQ(observer.seen, (std::vector<uint64_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(observer.inputs, 3u);
  EXPECT_EQ(r.counters.value("neuron_updates"), 5u * 60);
}

} // namespace

namespace {

// Chips 0, 1, 2 in a row; the input on chip 0 reaches the population on
// chip 2 through chip 1, which has no entry and default-routes it on.
TEST(Work, RouterHopsFollowTheMulticastTree) {
  ImageBuilder b(3);
  uint32_t in = b.addInput(2);
  b.setNextPe(40);
  FloatNeuron f;
  f.threshold = 1e9;
  uint32_t pop = b.addPopulation(NeuronModel::Lif, 2, f,
                                 fixedNeuron(0, 1 << 30, 30, 1 << 30));
  b.addStored(SourceKind::Input, in, pop, {{0, 0, 1, 1.f, 1}});
  b.addOutput(pop);
  Image image = b.build();
  snnc::spinnaker2::RoutingSection &routes = snnc::spinnaker2::routing(image);
  const snnc::spinnaker2::SliceKey source = routes.keys[0]; // Input slice 0.
  for (snnc::spinnaker2::RouterTable &table : routes.tables) {
    table.entries.clear();
    table.routeWords.assign(routes.wordsPerRoute, 0);
  }
  routes.tables[0].routeWords[0] = 1; // link 0: to chip 1
  routes.tables[0].entries = {{source.base, source.mask, 0}};
  routes.tables[2].routeWords[0] = uint64_t(1) << (6 + 8); // PE 8
  routes.tables[2].entries = {{source.base, source.mask, 0}};
  SpikeTrain input = train(2, {{0, 0}, {1, 1}, {4, 0}});
  RunOptions options;
  options.steps = 6;

  RefEngine withDefault(image);
  RunResult r = runOk(withDefault, input, options);
  EXPECT_TRUE(r.routerHopsModelled);
  EXPECT_EQ(r.counters.value("packets_sent"), 3u);
  EXPECT_EQ(r.counters.value("router_hops"), 2u * 3);

  routes.defaultRoute = false;
  RefEngine noDefault(image);
  EXPECT_EQ(runOk(noDefault, input, options).counters.value("router_hops"),
            1u * 3);

  // Hops follow the image's layout: with chip 1 cut off, the packet sent
  // east from chip 0 goes nowhere.
  routes.defaultRoute = true;
  image.layout.neighbours[0 * 6 + 0] = -1;
  RefEngine cut(image);
  EXPECT_EQ(runOk(cut, input, options).counters.value("router_hops"), 0u);
}

} // namespace
