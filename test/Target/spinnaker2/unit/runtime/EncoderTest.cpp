//===- EncoderTest.cpp - Rate and latency coding, value files -------------===//

#include "TestImages.h"

#include "snnc/runtime/Encoding.h"

// The documented draw is the reservoir expander's counter-based stream;
// the test recomputes it from that definition.
#include "snnc/Support/CounterRng.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

ValueFile values(const std::string &text) {
  Expected<ValueFile> f = parseValueFile(text, "v.json");
  EXPECT_TRUE(f) << f.error().message();
  return f ? f.value() : ValueFile{};
}

std::string valueError(const std::string &text) {
  Expected<ValueFile> f = parseValueFile(text, "v.json");
  return f ? "(parsed)" : f.error().message();
}

SpikeFile encode(const ValueFile &file, const EncoderOptions &options) {
  Expected<SpikeFile> out = encodeValues(file, options, "v.json");
  EXPECT_TRUE(out) << out.error().message();
  return out ? out.value() : SpikeFile{};
}

EncoderOptions rate(uint64_t steps, double maxRate = 100, uint64_t seed = 1) {
  EncoderOptions o;
  o.coding = Coding::Rate;
  o.steps = steps;
  o.dt = 1e-3;
  o.maxRate = maxRate;
  o.seed = seed;
  return o;
}

EncoderOptions latency(uint64_t steps, uint64_t window = 0) {
  EncoderOptions o;
  o.coding = Coding::Latency;
  o.steps = steps;
  o.window = window;
  return o;
}

TEST(RateEncoder, MeanRateMatchesWithinFiveSigma) {
  // 1000 elements at intensities 0.2, 0.5, 0.8 (cycling) for 2000 steps of
  // 1 ms at 100 Hz: p = 0.02, 0.05, 0.08 per step.
  std::string text = "{\"values\": [";
  for (int j = 0; j < 999; ++j)
    text += std::string(j ? ", " : "") + (j % 3 == 0   ? "0.2"
                                          : j % 3 == 1 ? "0.5"
                                                       : "0.8");
  text += "]}";
  SpikeFile f = encode(values(text), rate(2000));
  ASSERT_EQ(f.ports.size(), 1u);
  double counts[3] = {0, 0, 0};
  for (const SpikeEvent &e : f.ports[0].train.events)
    counts[e.index % 3] += 1;
  const double p[3] = {0.02, 0.05, 0.08};
  for (int k = 0; k < 3; ++k) {
    double n = 333.0 * 2000.0;
    double mean = n * p[k], sigma = std::sqrt(n * p[k] * (1 - p[k]));
    EXPECT_NEAR(counts[k], mean, 5 * sigma) << "intensity group " << k;
  }
  EXPECT_EQ(f.steps, 2000u);
  EXPECT_EQ(f.metadata["encoding"]["coding"], "rate");
}

TEST(RateEncoder, DrawsAreTheDocumentedCounterStream) {
  // Spike iff u < x * (max_rate * dt), u = (mix64(streamKey(seed, FNV-1a-64
  // (name) ^ "rate", j) + t * golden) >> 11) * 2^-53.
  ValueFile file = values(R"({"ports": [{"name": "in", "values": [0.3, 1]}]})");
  SpikeFile f = encode(file, rate(500, 400, 42));
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : std::string("in")) {
    h ^= static_cast<uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  uint64_t stream = h ^ 0x72617465ULL;
  namespace rng = snn::reservoir::detail;
  std::vector<SpikeEvent> want;
  double x[2] = {0.3, 1.0};
  for (uint64_t t = 0; t < 500; ++t)
    for (uint32_t j = 0; j < 2; ++j)
      if (rng::toUnitClosedOpen(rng::CounterRng::at(42, stream, j, t)) <
          x[j] * (400 * 1e-3))
        want.push_back({t, j});
  EXPECT_EQ(f.ports[0].train.events, want);
  EXPECT_GT(want.size(), 100u);
}

TEST(RateEncoder, DeterministicAndIndependentOfPortOrder) {
  ValueFile ab = values(R"({"ports": [{"name": "a", "values": [0.5, 0.7]},
                                      {"name": "b", "values": [0.5, 0.7]}]})");
  ValueFile ba = values(R"({"ports": [{"name": "b", "values": [0.5, 0.7]},
                                      {"name": "a", "values": [0.5, 0.7]}]})");
  ValueFile alone =
      values(R"({"ports": [{"name": "a", "values": [0.5, 0.7]}]})");
  SpikeFile x = encode(ab, rate(1000));
  EXPECT_EQ(encode(ab, rate(1000)), x); // Same seed, same spikes.
  SpikeFile y = encode(ba, rate(1000));
  EXPECT_EQ(x.ports[0].train, y.ports[1].train);
  EXPECT_EQ(x.ports[1].train, y.ports[0].train);
  EXPECT_EQ(encode(alone, rate(1000)).ports[0].train, x.ports[0].train);
  // Ports of equal values but different names draw different spikes, and
  // so does another seed.
  EXPECT_FALSE(x.ports[0].train == x.ports[1].train);
  EXPECT_FALSE(encode(ab, rate(1000, 100, 2)).ports[0].train ==
               x.ports[0].train);
}

TEST(RateEncoder, EdgeIntensitiesAndSampleSequences) {
  // p = 1 fires every step, p = 0 never.
  SpikeFile full = encode(values(R"({"values": [1, 0]})"), rate(50, 1000));
  ASSERT_EQ(full.ports[0].train.events.size(), 50u);
  for (uint64_t t = 0; t < 50; ++t)
    EXPECT_EQ(full.ports[0].train.events[t], (SpikeEvent{t, 0}));
  // A sequence is a per-step matrix by default; past its end all is quiet.
  ValueFile seq = values(R"({"values": [[1], [0], [1]]})");
  SpikeFile perStep = encode(seq, rate(10, 1000));
  EXPECT_EQ(perStep.ports[0].train.events,
            (std::vector<SpikeEvent>{{0, 0}, {2, 0}}));
  EncoderOptions windowed = rate(10, 1000);
  windowed.window = 3;
  EXPECT_EQ(encode(seq, windowed).ports[0].train.events,
            (std::vector<SpikeEvent>{
                {0, 0}, {1, 0}, {2, 0}, {6, 0}, {7, 0}, {8, 0}}));
}

TEST(LatencyEncoder, FiresOnceAtTheDocumentedStep) {
  // W = 11: step = round((1 - x) * 10), half away from zero; x <= 0 never.
  ValueFile f = values(R"({"values": [1, 0.5, 0, 0.25, 0.75, 0.3]})");
  EncoderOptions o = latency(11);
  SpikeFile s = encode(f, o);
  EXPECT_EQ(s.ports[0].train.events,
            (std::vector<SpikeEvent>{{0, 0}, {3, 4}, {5, 1}, {7, 5}, {8, 3}}));
  o.threshold = 0.4;
  EXPECT_EQ(encode(f, o).ports[0].train.events,
            (std::vector<SpikeEvent>{{0, 0}, {3, 4}, {5, 1}}));
  // Samples take turns, one window each; a window cut by the run's end
  // drops the spikes that would fall past it.
  ValueFile seq = values(R"({"values": [[1, 0.5], [0.5, 1], [0.1, 1]]})");
  EXPECT_EQ(encode(seq, latency(9, 4)).ports[0].train.events,
            (std::vector<SpikeEvent>{{0, 0}, {2, 1}, {4, 1}, {6, 0}, {8, 1}}));
}

TEST(LatencyEncoder, MinMaxNormalization) {
  // [2, 4, 6] -> [0, 0.5, 1]; a constant sample maps to 0 and stays quiet.
  ValueFile f = values(R"({"values": [[2, 4, 6], [3, 3, 3]]})");
  EncoderOptions o = latency(6, 3);
  o.normalization = Normalization::MinMax;
  EXPECT_EQ(encode(f, o).ports[0].train.events,
            (std::vector<SpikeEvent>{{0, 2}, {1, 1}}));
  // The extremes of double still normalize to [0, 1].
  ValueFile wide = values(R"({"values": [-1.7e308, 0, 1.7e308]})");
  EXPECT_EQ(encode(wide, o).ports[0].train.events,
            (std::vector<SpikeEvent>{{0, 2}, {1, 1}}));
  o.normalization = Normalization::None;
  Expected<SpikeFile> raw = encodeValues(f, o, "v.json");
  ASSERT_FALSE(raw);
  EXPECT_EQ(raw.error().message(),
            "v.json: port (unnamed) sample 0 element 0: value 2.0 is outside "
            "[0, 1] (normalize with --normalize minmax)");
}

TEST(Encoder, SettingsErrors) {
  ValueFile f = values(R"({"values": [0.5]})");
  EncoderOptions o = rate(10, 2000);
  Expected<SpikeFile> fast = encodeValues(f, o, "v.json");
  ASSERT_FALSE(fast);
  EXPECT_TRUE(contains(fast.error().message(),
                       "gives a spike probability of 2.0 per step"));
  o = rate(10);
  o.dt = 0;
  Expected<SpikeFile> noDt = encodeValues(f, o, "v.json");
  ASSERT_FALSE(noDt);
  EXPECT_TRUE(contains(noDt.error().message(), "needs a time step dt > 0"));
  o = latency(10);
  o.threshold = 1;
  EXPECT_FALSE(encodeValues(f, o, "v.json"));
}

TEST(ValueFile, ParsesAndRefusesClearly) {
  ValueFile f = values(R"({"ports": [{"name": "img", "shape": [2, 2],
                                       "values": [[0, 1, 0.5, 0.25]]}]})");
  ASSERT_EQ(f.ports.size(), 1u);
  EXPECT_EQ(f.ports[0].size, 4u);
  EXPECT_EQ(f.ports[0].shape, (std::vector<uint32_t>{2, 2}));
  EXPECT_EQ(f.ports[0].samples.size(), 1u);
  // Encoded trains keep the given shape, or [size] without one.
  EXPECT_EQ(encode(f, latency(4)).ports[0].train.shape,
            (std::vector<uint32_t>{2, 2}));
  EXPECT_EQ(encode(values(R"({"values": [1, 1, 1]})"), latency(4))
                .ports[0]
                .train.shape,
            (std::vector<uint32_t>{3}));

  EXPECT_TRUE(contains(valueError("[1]"), "must be a JSON object"));
  EXPECT_TRUE(contains(valueError(R"({"values": []})"),
                       "values must be a non-empty array"));
  EXPECT_TRUE(contains(valueError(R"({"values": [[1, 2], [3]]})"),
                       "values[1] has 1 values, but values[0] has 2"));
  EXPECT_TRUE(contains(valueError(R"({"values": [1, "a"]})"),
                       "values[1] must be a number"));
  EXPECT_TRUE(contains(valueError(R"({"shape": [3], "values": [1, 2]})"),
                       "shape [3] holds 3 elements, but a sample has 2"));
  EXPECT_TRUE(contains(valueError(R"({"ports": [{"name": "a", "values": [1]},
                               {"name": "a", "values": [1]}]})"),
                       "ports[1] repeats the port name 'a'"));
  EXPECT_TRUE(contains(valueError(R"({"ports": [{"values": [1]}]})"),
                       "ports[0].name must be a string"));
  EXPECT_TRUE(
      contains(valueError(R"({"values": [1, 1e400]})"), "number overflow"));
  EXPECT_TRUE(
      contains(valueError(R"({"values": [1], "x": 2})"), "unknown key 'x'"));
}

TEST(ValueFile, AdoptsTheShapeOfTheInputItFeeds) {
  Image image;
  InputPort port;
  port.name = "img";
  port.shape = {2, 3};
  port.size = 6;
  image.inputs.push_back(port);
  ValueFile f =
      values(R"({"ports": [{"name": "img", "values": [0,0,0,0,0,1]}]})");
  adoptInputShapes(f, image.inputs);
  EXPECT_EQ(f.ports[0].shape, (std::vector<uint32_t>{2, 3}));
  ValueFile wrong = values(R"({"values": [0, 1]})");
  adoptInputShapes(wrong, image.inputs);
  EXPECT_TRUE(wrong.ports[0].shape.empty()); // Left for bindInputs to refuse.
}

} // namespace
