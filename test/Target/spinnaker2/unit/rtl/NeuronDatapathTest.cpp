//===- NeuronDatapathTest.cpp - snn_neuron_dp against stepNeuron ----------===//
//
// The Verilated neuron datapath must equal stepNeuron() of FixedPoint.h bit
// for bit: hand-picked edge cases (saturation, strict threshold, reset,
// rounding of exact halves, shifts 0 and 62) and many random operands. A
// reference with a wrong rounding must disagree with the RTL on the edge
// cases, so the comparison can tell a rounding bug on either side.
//
//===----------------------------------------------------------------------===//

#include "snnc/spinnaker2/FixedPoint.h"

#include "Vsnn_neuron_dp.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <random>

namespace s2 = snnc::spinnaker2;

namespace {

constexpr int32_t kMax = std::numeric_limits<int32_t>::max();
constexpr int32_t kMin = std::numeric_limits<int32_t>::min();

struct Case {
  s2::NeuronConstants c;
  bool cuba = false;
  bool spiking = true;
  int32_t input = 0;
  s2::NeuronState state;
};

struct Result {
  s2::NeuronState state;
  bool spike = false;
  unsigned cycles = 0;
};

class Datapath {
public:
  Datapath() : context(std::make_unique<VerilatedContext>()) {
    dp = std::make_unique<Vsnn_neuron_dp>(context.get(), "dp");
    dp->clk_i = 0;
    dp->rst_ni = 0;
    dp->eval();
    tick();
    dp->rst_ni = 1;
    dp->eval();
  }
  ~Datapath() { dp->final(); }

  Result run(const Case &k) {
    dp->start_i = 1;
    dp->cuba_i = k.cuba;
    dp->spiking_i = k.spiking;
    dp->acc_i = uint32_t(k.input);
    dp->bias_i = uint32_t(k.c.bias);
    dp->decay_i = uint32_t(k.c.decay);
    dp->gain_m_i = uint32_t(k.c.gain.m);
    dp->gain_s_i = uint8_t(k.c.gain.s);
    dp->drive_i = uint32_t(k.c.drive);
    dp->threshold_i = uint32_t(k.c.threshold);
    dp->reset_i = uint32_t(k.c.reset);
    dp->syn_decay_i = uint32_t(k.c.synDecay);
    dp->syn_gain_m_i = uint32_t(k.c.synGain.m);
    dp->syn_gain_s_i = uint8_t(k.c.synGain.s);
    dp->v_i = uint32_t(k.state.v);
    dp->isyn_i = uint32_t(k.state.isyn);
    tick();
    dp->start_i = 0;
    Result r;
    for (r.cycles = 1; !dp->done_o && r.cycles < 16; ++r.cycles)
      tick();
    EXPECT_TRUE(dp->done_o) << "the datapath never finished";
    r.state.v = int32_t(dp->v_o);
    r.state.isyn = int32_t(dp->isyn_o);
    r.spike = dp->spike_o;
    tick();
    return r;
  }

private:
  void tick() {
    dp->clk_i = 0;
    dp->eval();
    dp->clk_i = 1;
    dp->eval();
  }

  std::unique_ptr<VerilatedContext> context;
  std::unique_ptr<Vsnn_neuron_dp> dp;
};

Result reference(const Case &k) {
  Result r;
  r.state = k.state;
  r.spike = s2::stepNeuron(k.c, k.cuba, k.spiking, k.input, r.state);
  return r;
}

/// stepNeuron with truncating shifts: the deliberate rounding bug.
Result truncatingReference(const Case &k) {
  auto shr = [](int64_t x, int32_t n) { return n <= 0 ? x : x >> n; };
  Result r;
  r.state = k.state;
  int32_t x = s2::sat32(int64_t(k.input) + k.c.bias), in = x;
  if (k.cuba) {
    r.state.isyn = s2::sat32(shr(int64_t(k.c.synDecay) * r.state.isyn, 16) +
                             shr(int64_t(x) * k.c.synGain.m, k.c.synGain.s));
    in = r.state.isyn;
  }
  r.state.v =
      s2::sat32(shr(int64_t(k.c.decay) * r.state.v, 16) + int64_t(k.c.drive) +
                shr(int64_t(in) * k.c.gain.m, k.c.gain.s));
  if (k.spiking && r.state.v > k.c.threshold) {
    r.state.v = k.c.reset;
    r.spike = true;
  }
  return r;
}

bool same(const Result &a, const Result &b) {
  return a.state.v == b.state.v && a.state.isyn == b.state.isyn &&
         a.spike == b.spike;
}

std::string show(const Case &k) {
  return "decay " + std::to_string(k.c.decay) + " gain " +
         std::to_string(k.c.gain.m) + "/2^" + std::to_string(k.c.gain.s) +
         " drive " + std::to_string(k.c.drive) + " bias " +
         std::to_string(k.c.bias) + " thr " + std::to_string(k.c.threshold) +
         " syn " + std::to_string(k.c.synDecay) + "," +
         std::to_string(k.c.synGain.m) + "/2^" + std::to_string(k.c.synGain.s) +
         " cuba " + std::to_string(k.cuba) + " spiking " +
         std::to_string(k.spiking) + " in " + std::to_string(k.input) + " v " +
         std::to_string(k.state.v) + " isyn " + std::to_string(k.state.isyn);
}

void expectMatches(Datapath &dp, const Case &k) {
  Result want = reference(k), got = dp.run(k);
  EXPECT_TRUE(same(want, got))
      << show(k) << "\n  ref v " << want.state.v << " isyn " << want.state.isyn
      << " spike " << want.spike << "\n  rtl v " << got.state.v << " isyn "
      << got.state.isyn << " spike " << got.spike;
}

Case lif(int32_t decay, int32_t gainM, int32_t gainS, int32_t input,
         int32_t v) {
  Case k;
  k.c.decay = decay;
  k.c.gain = {gainM, gainS};
  k.c.threshold = kMax;
  k.spiking = false;
  k.input = input;
  k.state.v = v;
  return k;
}

/// Hand-picked cases where a wrong rounding, a missing saturation or a
/// non-strict threshold would show.
std::vector<Case> edgeCases() {
  std::vector<Case> cases;
  // Exact halves round up (towards +inf), for both signs.
  cases.push_back(lif(32768, 0, 0, 0, -1)); // -0.5 -> 0
  cases.push_back(lif(32768, 0, 0, 0, 1));  // 0.5 -> 1
  cases.push_back(lif(32768, 0, 0, 0, -3)); // -1.5 -> -1
  cases.push_back(lif(65536, 1, 1, -1, 0)); // input -1 * 1 / 2 -> 0
  cases.push_back(lif(65536, 3, 2, 2, 0));  // 6 / 4 = 1.5 -> 2
  cases.push_back(lif(65536, 3, 2, -2, 0)); // -1.5 -> -1
  // Shift 0 (no rounding term) and the largest shift.
  cases.push_back(lif(0, 7, 0, 1000, 5));
  cases.push_back(lif(65536, kMax, 62, kMax, 0));
  cases.push_back(lif(65536, kMax, 62, kMin, 0));
  cases.push_back(lif(65536, 1 << 30, 61, kMin, kMin));
  // Saturation of v, both ways; decay 1.0 keeps v.
  cases.push_back(lif(65536, 1 << 30, 29, kMax, kMax));
  cases.push_back(lif(65536, 1 << 30, 29, kMin, kMin));
  cases.push_back(lif(65536, kMax, 0, kMax, 0));
  cases.push_back(lif(65536, kMax, 0, kMin, 0));
  // Saturation of x = ring + bias.
  {
    Case k = lif(0, 1, 0, kMax, 0);
    k.c.bias = 1;
    cases.push_back(k);
    k.input = kMin;
    k.c.bias = -1;
    cases.push_back(k);
  }
  // Strict threshold: equal does not fire, one above fires and resets.
  for (int32_t over : {-1, 0, 1}) {
    Case k = lif(0, 1, 0, 1000 + over, 0);
    k.c.threshold = 1000;
    k.c.reset = -77;
    k.spiking = true;
    cases.push_back(k);
    k.spiking = false; // readouts never reset
    cases.push_back(k);
  }
  // Threshold at the saturation limits.
  {
    Case k = lif(65536, 1 << 30, 0, kMax, kMax);
    k.c.threshold = kMax - 1;
    k.c.reset = kMin;
    k.spiking = true;
    cases.push_back(k);
    k.c.threshold = kMax; // a saturated v can never exceed INT32_MAX
    cases.push_back(k);
  }
  // Drive alone, negative.
  {
    Case k = lif(60000, 0, 0, 0, 12345);
    k.c.drive = -kMax;
    cases.push_back(k);
  }
  // CuBa: saturation of isyn, halves in both products.
  {
    Case k = lif(61440, 1 << 29, 30, 0, 0);
    k.cuba = true;
    k.c.synDecay = 32768;
    k.c.synGain = {3, 2};
    k.state.isyn = -1;
    k.input = 2;
    cases.push_back(k);
    k.state.isyn = kMax;
    k.c.synDecay = 65536;
    k.c.synGain = {kMax, 0};
    k.input = kMax;
    cases.push_back(k);
    k.state.isyn = kMin;
    k.input = kMin;
    cases.push_back(k);
    k.spiking = true;
    k.c.threshold = 0;
    k.c.reset = 5;
    cases.push_back(k);
  }
  return cases;
}

TEST(NeuronDatapath, EdgeCasesMatchStepNeuron) {
  Datapath dp;
  for (const Case &k : edgeCases())
    expectMatches(dp, k);
}

TEST(NeuronDatapath, WrongRoundingIsCaught) {
  // The comparison above would fail if either side truncated: the
  // truncating reference disagrees with the RTL on several edge cases.
  Datapath dp;
  unsigned differ = 0;
  for (const Case &k : edgeCases())
    differ += !same(truncatingReference(k), dp.run(k));
  EXPECT_GE(differ, 5u);
}

TEST(NeuronDatapath, CyclesPerUpdate) {
  // One multiplier: start, two products (four for CuBa), done.
  Datapath dp;
  Case k = lif(60000, 1 << 30, 31, 100, 7);
  EXPECT_EQ(dp.run(k).cycles, 3u);
  k.cuba = true;
  EXPECT_EQ(dp.run(k).cycles, 5u);
}

TEST(NeuronDatapath, RandomOperandsMatchStepNeuron) {
  Datapath dp;
  std::mt19937_64 rng(20260523);
  auto any32 = [&] { return int32_t(uint32_t(rng())); };
  // Mostly moderate values, sometimes extremes, so that both the common
  // path and saturation are exercised.
  auto value = [&] {
    switch (rng() % 4) {
    case 0:
      return any32();
    case 1:
      return int32_t(int64_t(rng() % 2001) - 1000);
    case 2:
      return rng() % 2 ? kMax - int32_t(rng() % 4) : kMin + int32_t(rng() % 4);
    default:
      return int32_t(int64_t(rng() % (1u << 24)) - (1 << 23));
    }
  };
  for (int i = 0; i < 20000; ++i) {
    Case k;
    k.c.decay = int32_t(rng() % 65537);
    k.c.gain = {int32_t(rng() % (uint64_t(1) << 31)), int32_t(rng() % 63)};
    k.c.drive = value();
    k.c.bias = value();
    k.c.threshold = value();
    k.c.reset = value();
    k.c.synDecay = int32_t(rng() % 65537);
    k.c.synGain = {int32_t(rng() % (uint64_t(1) << 31)), int32_t(rng() % 63)};
    k.cuba = rng() % 2;
    k.spiking = rng() % 2;
    k.input = value();
    k.state.v = value();
    k.state.isyn = value();
    expectMatches(dp, k);
    if (HasFailure())
      break;
  }
}

} // namespace
