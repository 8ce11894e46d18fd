//===- SpikeTrainTest.cpp - Spike file JSON, input binding and checks -----===//

#include "TestImages.h"

#include "snnc/runtime/SpikeFile.h"
#include "snnc/runtime/SpikeTrain.h"
#include "snnc/spinnaker2/RefEngine.h"

#include <gtest/gtest.h>

#include <cmath>
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

std::string fileError(const std::string &text) {
  Expected<SpikeFile> f = parseSpikeFileJson(text, "f.json");
  return f ? "(parsed)" : f.error().message();
}

TEST(SpikeFile, ParsesSeveralPortsAndInfersSteps) {
  Expected<SpikeFile> f = parseSpikeFileJson(
      R"({"ports": [{"name": "a", "shape": [3], "events": [[4, 2], [1, 0]]},
                    {"name": "b", "shape": [1, 2], "events": []},
                    {"name": "r", "kind": "current", "shape": [2],
                     "values": [1, 2.5, null, -4, 0, 0, 0, 0, 0, 0]}],
          "metadata": {"why": "test"}})",
      "x");
  ASSERT_TRUE(f) << f.error().message();
  EXPECT_EQ(f->steps, 5u); // Last event at step 4; the readout has 5 rows.
  ASSERT_EQ(f->ports.size(), 3u);
  EXPECT_EQ(f->ports[0].train.events,
            (std::vector<SpikeEvent>{{1, 0}, {4, 2}}));
  EXPECT_EQ(f->ports[1].train.shape, (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(f->ports[2].kind, OutputKind::Current);
  EXPECT_EQ(f->ports[2].values.size(), 10u);
  EXPECT_TRUE(std::isnan(f->ports[2].values[2]));
  EXPECT_EQ(f->metadata["why"], "test");
}

TEST(SpikeFile, JsonRoundTripAndTheOnePortForm) {
  SpikeFile f;
  f.steps = 9;
  f.ports.push_back({"x", OutputKind::Spikes, train(4, {{8, 3}, {0, 1}}), {}});
  f.ports.push_back({"y", OutputKind::Current, train(1, {}), {}});
  for (int t = 0; t < 9; ++t)
    f.ports[1].values.push_back(t / 7.0);
  f.metadata = {{"k", 1}};
  std::string text = formatSpikeFileJson(f);
  Expected<SpikeFile> back = parseSpikeFileJson(text, "x");
  ASSERT_TRUE(back) << back.error().message() << "\n" << text;
  EXPECT_EQ(*back, f);
  EXPECT_EQ(formatSpikeFileJson(*back), text);
  // "outputs" (what snnc run -o writes) reads like "ports".
  JsonListing listing;
  listing.key = "outputs";
  listing.indices = {3, 5};
  std::string listed = formatSpikeFileJson(f, listing);
  EXPECT_NE(listed.find("{\"index\": 5, \"name\": \"y\", \"kind\": "
                        "\"current\", \"shape\": [1], \"size\": 1"),
            std::string::npos)
      << listed;
  Expected<SpikeFile> outputs = parseSpikeFileJson(listed, "x");
  ASSERT_TRUE(outputs) << outputs.error().message();
  EXPECT_EQ(*outputs, f);
  // A lone unnamed port is written in the one-port form.
  SpikeFile one;
  one.steps = 3;
  one.ports.push_back({"", OutputKind::Spikes, train(2, {{2, 1}}), {}});
  EXPECT_EQ(formatSpikeFileJson(one),
            "{\"shape\": [2], \"events\": [\n  [2, 1]\n]}\n");
  // ... unless it spans more steps than its events do.
  one.steps = 7;
  Expected<SpikeFile> longer =
      parseSpikeFileJson(formatSpikeFileJson(one), "x");
  ASSERT_TRUE(longer);
  EXPECT_EQ(*longer, one);
}

TEST(SpikeFile, MalformedFilesGiveClearErrors) {
  EXPECT_TRUE(contains(fileError(R"({"ports": [], "x": 1})"),
                       "f.json: unknown key 'x'"));
  EXPECT_TRUE(contains(fileError(R"({"ports": [], "outputs": []})"),
                       "'ports' or 'outputs', not both"));
  EXPECT_TRUE(
      contains(fileError(R"({"ports": [{"shape": [1], "events": []}]})"),
               "ports[0].name must be a string"));
  EXPECT_TRUE(
      contains(fileError(R"({"ports": [{"name": "a", "shape": [2],
                    "events": [[0, 2]]}]})"),
               "ports[0].events[0] index 2 is out of range for shape [2]"));
  EXPECT_TRUE(
      contains(fileError(R"({"steps": 3, "ports": [{"name": "a", "shape": [2],
                    "events": [[3, 0]]}]})"),
               "port 0 'a' event 0 step 3 is outside the file's 3 steps"));
  EXPECT_TRUE(contains(
      fileError(R"({"ports": [{"name": "a", "shape": [1], "events": []},
                              {"name": "a", "shape": [1], "events": []}]})"),
      "port 1 'a' repeats the name"));
  EXPECT_TRUE(
      contains(fileError(R"({"ports": [{"name": "", "shape": [1], "events": []},
                              {"name": "b", "shape": [1], "events": []}]})"),
               "port 0 has no name"));
  EXPECT_TRUE(contains(
      fileError(R"({"ports": [{"name": "a", "kind": "current", "shape": [2],
                    "values": [1, 2, 3]}]})"),
      "not a whole number of steps of 2"));
  EXPECT_TRUE(contains(
      fileError(R"({"ports": [{"name": "a", "shape": [1], "events": [[4, 0]]},
                              {"name": "r", "kind": "current", "shape": [2],
                               "values": [1, 2, 3, 4]}]})"),
      "port 1 'r' holds 4 values, not steps x size = 5 x 2"));
  EXPECT_TRUE(contains(
      fileError(R"({"ports": [{"name": "a", "kind": "spikes", "shape": [2],
                    "values": [1, 2]}]})"),
      "needs 'events'"));
  EXPECT_TRUE(contains(
      fileError(R"({"ports": [{"name": "a", "kind": "x", "shape": [2]}]})"),
      "kind must be \"spikes\" or \"current\""));
  EXPECT_TRUE(
      contains(fileError(R"({"ports": [{"name": "a", "shape": [2], "size": 3,
                    "events": []}]})"),
               "ports[0].size 3 is not the product of shape [2]"));
  // Nesting deep enough to overflow a recursive walker is refused.
  std::string deep = "{\"metadata\": " + std::string(100000, '[') +
                     std::string(100000, ']') + ", \"ports\": []}";
  EXPECT_TRUE(contains(fileError(deep), "nested deeper than 512 levels"));
  Expected<SpikeFile> garbage = parseSpikeFile(std::string("\x01\x02", 2), "g");
  ASSERT_FALSE(garbage);
  EXPECT_TRUE(contains(garbage.error().message(), "starts with bytes 01 02"));
}

TEST(SpikeFile, BindsPortsByNameInImageOrder) {
  ImageBuilder b;
  b.addInput(3);
  b.addInput(2);
  Image image = b.build();
  Expected<SpikeFile> f = parseSpikeFileJson(
      R"({"ports": [{"name": "in1", "shape": [2], "events": [[0, 1]]},
                    {"name": "in0", "shape": [3], "events": [[5, 2]]}]})",
      "x");
  ASSERT_TRUE(f);
  Expected<std::vector<SpikeTrain>> trains =
      bindInputs(*f, image.inputs, "f.json");
  ASSERT_TRUE(trains) << trains.error().message();
  ASSERT_EQ(trains->size(), 2u);
  EXPECT_EQ((*trains)[0], train(3, {{5, 2}}));
  EXPECT_EQ((*trains)[1], train(2, {{0, 1}}));

  auto bindError = [&](const std::string &text) {
    Expected<SpikeFile> file = parseSpikeFileJson(text, "f.json");
    if (!file)
      return "(unparsed) " + file.error().message();
    Expected<std::vector<SpikeTrain>> r =
        bindInputs(*file, image.inputs, "f.json");
    return r ? std::string("(bound)") : r.error().message();
  };
  EXPECT_TRUE(contains(bindError(R"({"shape": [3], "events": []})"),
                       "the file has one unnamed port, which fits only an "
                       "image with one input, but the image has 2 input "
                       "ports ('in0', 'in1')"));
  EXPECT_TRUE(contains(bindError(R"({"ports": [{"name": "in0", "shape": [3],
                                        "events": []}]})"),
                       "input port 'in1' has no spike train in the file"));
  EXPECT_TRUE(contains(
      bindError(R"({"ports": [{"name": "cue", "shape": [3], "events": []}]})"),
      "port 0 'cue' is not an input of the image (its inputs: 'in0', "
      "'in1')"));
  EXPECT_TRUE(contains(
      bindError(R"({"ports": [{"name": "in0", "shape": [4], "events": []},
                              {"name": "in1", "shape": [2], "events": []}]})"),
      "f.json: shape [4] does not match input port 'in0' of shape [3]"));
  EXPECT_TRUE(contains(
      bindError(R"({"ports": [{"name": "in0", "kind": "current", "shape": [3],
                               "values": []},
                              {"name": "in1", "shape": [2], "events": []}]})"),
      "port 'in0' holds values, not spikes"));

  // The one-port form still drives a one-port image.
  ImageBuilder single;
  single.addInput(4);
  Image one = single.build();
  Expected<SpikeFile> legacy =
      parseSpikeFileJson(R"({"shape": [4], "events": [[1, 3]]})", "x");
  ASSERT_TRUE(legacy);
  Expected<std::vector<SpikeTrain>> bound =
      bindInputs(*legacy, one.inputs, "x");
  ASSERT_TRUE(bound);
  EXPECT_EQ((*bound)[0], train(4, {{1, 3}}));
}

} // namespace
