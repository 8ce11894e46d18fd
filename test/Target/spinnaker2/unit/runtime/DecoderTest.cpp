//===- DecoderTest.cpp - Counts, first spikes and classes of outputs ------===//

#include "TestImages.h"

#include "snnc/runtime/Decoding.h"

#include <gtest/gtest.h>

using namespace snnc::image;
using namespace snnc::runtime;

namespace {

OutputTrace spikes(uint32_t size, std::vector<SpikeEvent> events) {
  OutputTrace t;
  t.kind = OutputKind::Spikes;
  t.size = size;
  t.spikes = SpikeList(events);
  return t;
}

TEST(Decoder, CountsFirstSpikesAndClassesOverTheWholeRun) {
  OutputTrace t = spikes(3, {{0, 1}, {2, 1}, {3, 0}, {5, 2}, {6, 2}, {7, 2}});
  DecodedOutput d = decodeOutput(t, "out", 8, 0);
  ASSERT_EQ(d.windows.size(), 1u);
  const DecodedWindow &w = d.windows[0];
  EXPECT_EQ(w.first, 0u);
  EXPECT_EQ(w.steps, 8u);
  EXPECT_EQ(w.counts, (std::vector<uint64_t>{1, 2, 3}));
  EXPECT_EQ(w.firstSpike, (std::vector<int64_t>{3, 0, 5}));
  EXPECT_EQ(w.cls, 2);
  EXPECT_EQ(w.firstClass, 1);
  EXPECT_EQ(d.name, "out");
}

TEST(Decoder, WindowsAreInferences) {
  OutputTrace t =
      spikes(3, {{0, 1}, {2, 1}, {3, 0}, {5, 2}, {6, 2}, {7, 2}, {9, 0}});
  DecodedOutput d = decodeOutput(t, "out", 10, 4);
  ASSERT_EQ(d.windows.size(), 3u); // [0,4) [4,8) [8,10)
  EXPECT_EQ(d.windows[0].counts, (std::vector<uint64_t>{1, 2, 0}));
  EXPECT_EQ(d.windows[0].firstSpike, (std::vector<int64_t>{3, 0, -1}));
  EXPECT_EQ(d.windows[0].cls, 1);
  EXPECT_EQ(d.windows[0].firstClass, 1);
  EXPECT_EQ(d.windows[1].counts, (std::vector<uint64_t>{0, 0, 3}));
  EXPECT_EQ(d.windows[1].firstSpike, (std::vector<int64_t>{-1, -1, 1}));
  EXPECT_EQ(d.windows[1].cls, 2);
  EXPECT_EQ(d.windows[2].first, 8u);
  EXPECT_EQ(d.windows[2].steps, 2u);
  EXPECT_EQ(d.windows[2].firstSpike, (std::vector<int64_t>{1, -1, -1}));
  EXPECT_EQ(d.windows[2].cls, 0);
}

TEST(Decoder, TiesAndSilence) {
  // Equal counts: the earlier first spike wins; equal first spikes too: the
  // lower index.
  DecodedWindow w =
      decodeOutput(spikes(4, {{1, 3}, {2, 1}, {4, 1}, {4, 3}}), "", 6, 0)
          .windows[0];
  EXPECT_EQ(w.cls, 3);
  EXPECT_EQ(w.firstClass, 3);
  w = decodeOutput(spikes(4, {{1, 2}, {1, 1}}), "", 6, 0).windows[0];
  EXPECT_EQ(w.cls, 1);
  EXPECT_EQ(w.firstClass, 1);
  w = decodeOutput(spikes(4, {}), "", 6, 0).windows[0];
  EXPECT_EQ(w.cls, -1);
  EXPECT_EQ(w.firstClass, -1);
  EXPECT_EQ(w.firstSpike, (std::vector<int64_t>(4, -1)));
  // Spikes past the decoded steps are not counted.
  w = decodeOutput(spikes(2, {{1, 0}, {6, 1}}), "", 6, 0).windows[0];
  EXPECT_EQ(w.counts, (std::vector<uint64_t>{1, 0}));
}

TEST(Decoder, ReadoutsDecodeToMeansAndTheLargest) {
  OutputTrace t;
  t.kind = OutputKind::Current;
  t.size = 2;
  t.values = {1, 4, 3, 0, 5, 1, -1, 2};
  DecodedOutput whole = decodeOutput(t, "r", 4, 0);
  EXPECT_EQ(whole.windows[0].mean, (std::vector<double>{2, 1.75}));
  EXPECT_EQ(whole.windows[0].cls, 0);
  DecodedOutput halves = decodeOutput(t, "r", 4, 2);
  EXPECT_EQ(halves.windows[0].mean, (std::vector<double>{2, 2}));
  EXPECT_EQ(halves.windows[0].cls, 0); // Tie: the lower index.
  EXPECT_EQ(halves.windows[1].mean, (std::vector<double>{2, 1.5}));
}

TEST(Decoder, RunJsonAndTheSizeLimit) {
  Image image;
  Population pop;
  pop.name = "out";
  image.populations.push_back(pop);
  RunResult result;
  result.steps = 4;
  OutputTrace t = spikes(2, {{1, 1}});
  result.outputs.push_back(t);
  Expected<DecodedRun> run = decodeRun(image, result, 0);
  ASSERT_TRUE(run) << run.error().message();
  nlohmann::json j = toJson(*run);
  EXPECT_EQ(j["inferences"], 1);
  EXPECT_EQ(j["window"], 4);
  const nlohmann::json &w = j["outputs"][0]["windows"][0];
  EXPECT_EQ(j["outputs"][0]["name"], "out");
  EXPECT_EQ(w["counts"], nlohmann::json({0, 1}));
  EXPECT_EQ(w["first_spike"], nlohmann::json({nullptr, 1}));
  EXPECT_EQ(w["class"], 1);
  EXPECT_EQ(w["first_class"], 1);

  // A 2^20-neuron output decoded in 1-step windows over 2^10 steps would
  // need 2^31 numbers: refused before anything is allocated.
  result.steps = 1024;
  result.outputs[0].size = 1u << 20;
  Expected<DecodedRun> big = decodeRun(image, result, 1);
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message().find("choose a longer --steps-per-inference"),
            std::string::npos);
}

} // namespace
