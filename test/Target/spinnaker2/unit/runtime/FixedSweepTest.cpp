//===- FixedSweepTest.cpp - Vectorised neuron sweep vs stepNeuron ---------===//

#include "FixedSweep.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <vector>

using namespace snnc::runtime::detail;
using namespace snnc::support;
namespace s2 = snnc::spinnaker2;

namespace {

constexpr int32_t kMin = std::numeric_limits<int32_t>::min();
constexpr int32_t kMax = std::numeric_limits<int32_t>::max();

/// Values that reach every saturation and rounding edge, mixed with random
/// ones.
struct Draw {
  std::mt19937_64 rng;
  explicit Draw(uint64_t seed) : rng(seed) {}
  int32_t pick(std::initializer_list<int32_t> edges, int32_t lo, int32_t hi) {
    if (rng() % 4 == 0)
      return edges.begin()[rng() % edges.size()];
    return std::uniform_int_distribution<int32_t>(lo, hi)(rng);
  }
  s2::NeuronConstants constants() {
    s2::NeuronConstants c;
    c.decay = pick({0, 1, 32768, 65535, 65536}, 0, 65536);
    c.gain = {pick({0, 1, kMax}, 0, kMax), pick({0, 1, 16, 61, 62}, 0, 62)};
    c.drive = pick({kMin, -1, 0, kMax}, -(1 << 20), 1 << 20);
    c.bias = pick({kMin, 0, kMax}, -(1 << 20), 1 << 20);
    c.threshold = pick({kMin, 0, kMax - 1, kMax}, -(1 << 26), 1 << 26);
    c.reset = pick({kMin, 0, kMax}, -(1 << 26), 1 << 26);
    c.synDecay = pick({0, 1, 65535, 65536}, 0, 65536);
    c.synGain = {pick({0, 1, kMax}, 0, kMax), pick({0, 1, 30, 62}, 0, 62)};
    return c;
  }
  int32_t input() {
    return pick({kMin, kMin + 1, -1, 0, 1, kMax}, -(1 << 28), 1 << 28);
  }
};

/// Runs `steps` steps of a population both ways and compares state, inputs
/// and fired lists after each.
void checkAgainstStepNeuron(IsaLevel isa, uint32_t size, bool uniform,
                            bool cuba, bool spiking, uint64_t seed) {
  Draw draw(seed);
  std::vector<s2::NeuronConstants> constants(uniform ? 1 : size);
  for (s2::NeuronConstants &c : constants)
    c = draw.constants();
  std::vector<s2::NeuronState> expected(size), actual(size);
  for (uint32_t j = 0; j < size; ++j) {
    expected[j] = {draw.input(), draw.input()};
    actual[j] = expected[j];
  }
  std::vector<int32_t> input(size);
  std::vector<uint32_t> fired(size);
  std::vector<uint8_t> mask(size);
  uint64_t total = 0;
  for (int step = 0; step < 20; ++step) {
    for (int32_t &x : input)
      x = draw.input();
    std::vector<uint32_t> expectedFired;
    for (uint32_t j = 0; j < size; ++j)
      if (s2::stepNeuron(constants[uniform ? 0 : j], cuba, spiking, input[j],
                         expected[j]))
        expectedFired.push_back(j);
    uint32_t count = sweepFixedOn(isa, {constants.data(), uniform, cuba,
                                        spiking, input.data(), actual.data(),
                                        size, fired.data(), mask.data()});
    ASSERT_EQ(std::vector<uint32_t>(fired.begin(), fired.begin() + count),
              expectedFired)
        << "step " << step;
    for (uint32_t j = 0; j < size; ++j) {
      ASSERT_EQ(actual[j].v, expected[j].v)
          << "neuron " << j << " step " << step;
      ASSERT_EQ(actual[j].isyn, expected[j].isyn) << "neuron " << j;
      ASSERT_EQ(input[j], 0) << "the sweep must clear the ring slot";
    }
    total += count;
  }
  if (spiking && size >= 100) {
    EXPECT_GT(total, 0u) << "the draw never crossed a threshold";
  }
}

class FixedSweepTest : public ::testing::TestWithParam<IsaLevel> {};

TEST_P(FixedSweepTest, MatchesStepNeuronBitForBit) {
  IsaLevel isa = GetParam();
  if (!isaSupported(isa))
    GTEST_SKIP() << "this CPU or build lacks the code path";
  uint64_t seed = 1;
  // Sizes around every vector width, so that remainders are covered.
  for (uint32_t size : {1u, 3u, 7u, 8u, 9u, 16u, 17u, 33u, 1000u})
    for (bool uniform : {true, false})
      for (bool cuba : {false, true})
        for (bool spiking : {true, false}) {
          SCOPED_TRACE(testing::Message()
                       << "size " << size << " uniform " << uniform << " cuba "
                       << cuba << " spiking " << spiking);
          checkAgainstStepNeuron(isa, size, uniform, cuba, spiking, seed++);
        }
}

INSTANTIATE_TEST_SUITE_P(EveryIsa, FixedSweepTest,
                         ::testing::Values(IsaLevel::Baseline, IsaLevel::X86V3,
                                           IsaLevel::X86V4),
                         [](const auto &info) {
                           switch (info.param) {
                           case IsaLevel::X86V3:
                             return std::string("X86V3");
                           case IsaLevel::X86V4:
                             return std::string("X86V4");
                           default:
                             return std::string("Baseline");
                           }
                         });

TEST(FixedSweep, BestPathIsSupported) { EXPECT_TRUE(isaSupported(bestIsa())); }

TEST(FixedSweep, EmptyPopulation) {
  s2::NeuronConstants c;
  EXPECT_EQ(sweepFixed(
                {&c, true, false, true, nullptr, nullptr, 0, nullptr, nullptr}),
            0u);
}

} // namespace
