//===- SampleImageTest.cpp - Engines on the image library's sample --------===//
//
// The image tests' sample exercises every model, projection kind and
// extreme constant (INT32_MIN drives, shifts of 62, wrapping key blocks on
// three chips); both engines must run it to the end, deterministically.
//
//===----------------------------------------------------------------------===//

#include "image/SampleImage.h"
#include "TestImages.h"

#include "snnc/spinnaker2/FloatEngine.h"
#include "snnc/spinnaker2/RefEngine.h"

#include <gtest/gtest.h>

using namespace snnc::image;
using namespace snnc::runtime;

namespace {

TEST(SampleImage, BothEnginesRunItDeterministically) {
  Image image = snnc::image::test::sampleImage();
  std::vector<SpikeTrain> inputs;
  for (const InputPort &port : image.inputs) {
    SpikeTrain t =
        snnc::runtime::test::randomTrain(port.index + 1, port.size, 40, 0.3);
    t.shape = port.shape;
    inputs.push_back(t);
  }
  uint64_t neurons = 0;
  for (const Population &p : image.populations)
    neurons += p.size;
  RunOptions options;
  options.steps = 40;
  options.recordAllSpikes = true;
  RefEngine ref(image);
  FloatEngine flt(image);
  for (Engine *engine :
       {static_cast<Engine *>(&ref), static_cast<Engine *>(&flt)}) {
    Expected<RunResult> a = engine->run(inputs, options);
    Expected<RunResult> b = engine->run(inputs, options);
    ASSERT_TRUE(a && b) << engine->name();
    EXPECT_EQ(a->steps, 40u);
    EXPECT_EQ(a->counters.value("neuron_updates"), neurons * 40);
    EXPECT_GT(a->counters.value("synaptic_events"), 0u);
    EXPECT_EQ(a->counters, b->counters);
    EXPECT_EQ(a->populationSpikes, b->populationSpikes);
    // The image's machine layout gives the chip mesh the hops follow.
    EXPECT_TRUE(a->routerHopsModelled);
    ASSERT_EQ(a->outputs.size(), image.outputs.size());
    EXPECT_EQ(a->outputs[1].values.size(), 40u * 2);
  }
}

} // namespace
