//===- SpikeTrainTest.cpp - Spike train JSON and input checks -------------===//

#include "TestImages.h"

#include "snnc/runtime/RefEngine.h"
#include "snnc/runtime/SpikeTrain.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <unistd.h>

using namespace snnc::image;
using namespace snnc::runtime;
using namespace snnc::runtime::test;

namespace {

std::string errorOf(const std::string &text) {
  Expected<SpikeTrain> t = parseSpikeTrain(text, "spikes.json");
  if (t)
    return "(parsed)";
  return t.error().message();
}

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

TEST(SpikeTrain, ParsesSortsAndDeduplicates) {
  Expected<SpikeTrain> t = parseSpikeTrain(
      R"({"shape": [2, 3], "events": [[4, 5], [0, 1], [4, 0], [0, 1]]})", "x");
  ASSERT_TRUE(t) << t.error().message();
  EXPECT_EQ(t->shape, (std::vector<uint32_t>{2, 3}));
  std::vector<SpikeEvent> want = {{0, 1}, {4, 0}, {4, 5}};
  EXPECT_EQ(t->events, want);
  EXPECT_EQ(t->size(), 6u);
}

TEST(SpikeTrain, FormatReadsBack) {
  SpikeTrain t = train(7, {{3, 6}, {0, 2}, {3, 1}});
  Expected<SpikeTrain> back = parseSpikeTrain(formatSpikeTrain(t), "x");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, t);
  SpikeTrain empty = train(1, {});
  Expected<SpikeTrain> emptyBack =
      parseSpikeTrain(formatSpikeTrain(empty), "x");
  ASSERT_TRUE(emptyBack);
  EXPECT_EQ(*emptyBack, empty);
}

TEST(SpikeTrain, FileRoundTrip) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("snnc-spikes-" + std::to_string(::getpid()) + ".json"))
                         .string();
  SpikeTrain t = train(4, {{1, 3}, {2, 0}});
  ASSERT_TRUE(writeSpikeTrain(t, path));
  Expected<SpikeTrain> back = readSpikeTrain(path);
  std::remove(path.c_str());
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, t);
  Expected<SpikeTrain> missing = readSpikeTrain(path);
  ASSERT_FALSE(missing);
  EXPECT_TRUE(contains(missing.error().message(), path));
}

TEST(SpikeTrain, MalformedInputGivesClearErrors) {
  EXPECT_TRUE(contains(errorOf("{\"shape\": [2], \"events\": [[0, 1]"),
                       "spikes.json: malformed JSON"));
  EXPECT_TRUE(contains(errorOf("[1, 2]"), "must be a JSON object"));
  EXPECT_TRUE(contains(errorOf(R"({"events": []})"), "'shape'"));
  EXPECT_TRUE(contains(errorOf(R"({"shape": [2]})"), "'events'"));
  EXPECT_TRUE(contains(errorOf(R"({"shape": [0], "events": []})"),
                       "shape[0] must be a positive"));
  EXPECT_TRUE(contains(errorOf(R"({"shape": [2], "events": [[1]]})"),
                       "events[0] must be a [step, index] pair"));
  EXPECT_TRUE(contains(errorOf(R"({"shape": [2], "events": [[1.5, 0]]})"),
                       "events[0] step must be an integer"));
  EXPECT_TRUE(contains(errorOf(R"({"shape": [2], "events": [[0, -1]]})"),
                       "events[0] index must be an integer"));
  EXPECT_TRUE(contains(errorOf(R"({"shape": [2], "events": [], "x": 1})"),
                       "unknown key 'x'"));
}

TEST(SpikeTrain, NegativeStepIsAnError) {
  std::string e = errorOf(R"({"shape": [2], "events": [[3, 0], [-1, 1]]})");
  EXPECT_TRUE(contains(e, "events[1] has negative step -1")) << e;
}

TEST(SpikeTrain, IndexOutOfRangeOfShapeIsAnError) {
  std::string e = errorOf(R"({"shape": [2, 3], "events": [[0, 6]]})");
  EXPECT_TRUE(contains(e, "events[0] index 6 is out of range for shape "
                          "[2, 3] (6 elements)"))
      << e;
}

TEST(SpikeTrain, WrongShapeOrIndexForThePortIsAnError) {
  ImageBuilder b;
  b.addInput(4);
  Image image = b.build();
  const InputPort &port = image.inputs[0];
  Status shape = checkSpikeTrain(train(5, {}), port, "a.json");
  ASSERT_FALSE(shape);
  EXPECT_EQ(shape.error().message(),
            "a.json: shape [5] does not match input port 'in0' of shape [4]");
  SpikeTrain bad = train(4, {{2, 9}});
  Status index = checkSpikeTrain(bad, port, "a.json");
  ASSERT_FALSE(index);
  EXPECT_TRUE(contains(index.error().message(), "index 9 at step 2"));

  // The engine refuses the same trains, and a wrong number of them.
  RefEngine engine(image);
  RunOptions options;
  options.steps = 3;
  Expected<RunResult> r = engine.run({train(5, {})}, options);
  ASSERT_FALSE(r);
  EXPECT_TRUE(contains(r.error().message(), "input 'in0': shape [5]"));
  Expected<RunResult> none = engine.run({}, options);
  ASSERT_FALSE(none);
  EXPECT_TRUE(contains(none.error().message(), "1 input ports but 0"));
}

} // namespace
