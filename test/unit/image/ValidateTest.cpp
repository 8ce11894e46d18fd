//===- ValidateTest.cpp - The invariants the writer and reader enforce ----===//

#include "SampleImage.h"

#include "snnc/image/Validate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

using namespace snnc::image;
using namespace snnc::image::test;

namespace {

struct Case {
  const char *name;
  std::function<void(Image &)> breakIt;
  const char *file;
  const char *fragment;
};

const Case kCases[] = {
    {"dt", [](Image &i) { i.dt = 0; }, "manifest.json", "dt must be positive"},
    {"opaque NaN", [](Image &i) { i.report["x"] = std::nan(""); },
     "manifest.json", "report/x holds a non-finite number"},
    {"opaque depth",
     [](Image &i) {
       nlohmann::json deep = 1;
       for (int k = 0; k < 300; ++k)
         deep = nlohmann::json::array({deep});
       i.report["deep"] = deep;
     },
     "manifest.json", "nests deeper than 256 levels"},
    {"target model kind", [](Image &i) { i.targetModel = 3; }, "manifest.json",
     "target model must be a JSON object"},
    {"utf8", [](Image &i) { i.populations[1].name = "bad\xff"; },
     "manifest.json", "is not valid UTF-8"},
    {"input order", [](Image &i) { i.inputs[1].index = 0; }, "manifest.json",
     "input indices must increase"},
    {"shape", [](Image &i) { i.inputs[0].shape = {7}; }, "manifest.json",
     "input 'in' has shape [7] holding 7 elements but size 6"},
    {"key mask", [](Image &i) { i.inputs[0].keyMask = 0xff00ff00; },
     "manifest.json", "not contiguous high ones"},
    {"key too small", [](Image &i) { i.inputs[0].keyMask = 0xfffffffc; },
     "manifest.json", "has 6 elements but key mask 0xfffffffc numbers only 4"},
    {"spiking flag", [](Image &i) { i.populations[4].spiking = true; },
     "manifest.json", "li population but claims to spike"},
    {"output kind", [](Image &i) { i.outputs[0].kind = OutputKind::Current; },
     "manifest.json", "reads population 'exc' as current, but it spikes"},
    {"scale", [](Image &i) { i.projections[2].scale *= 1.0000001; },
     "manifest.json", "projection 'ff' has scale"},
    {"shift", [](Image &i) { i.projections[2].shift = 17; }, "manifest.json",
     "shift 17 outside [0, 16]"},
    {"storage kind",
     [](Image &i) { i.projections[0].kind = ProjectionKind::Procedural; },
     "manifest.json", "of kind procedural has stored synapses"},
    {"procedural size",
     [](Image &i) { i.projections[7].procedural.spec.size = 11; },
     "manifest.json", "projection #7 expands a reservoir of 11 neurons"},
    {"procedural delay",
     [](Image &i) { i.projections[5].procedural.delay = 1; }, "manifest.json",
     "procedural delay 1 but max delay 2"},
    {"neuron records",
     [](Image &i) { i.populations[2].fixedParams.pop_back(); }, "neurons.bin",
     "population 'iff' has 3 float and 2 fixed records for 3 neurons"},
    {"decay_q",
     [](Image &i) { i.populations[0].fixedParams[1].decayQ = 65537; },
     "neurons.bin", "neuron 1 decay_q = 65537 is outside [0, 65536]"},
    {"no slices", [](Image &i) { i.populations[5].slices.clear(); },
     "slices.bin", "population 'acc' has no slices"},
    {"shared PE", [](Image &i) { i.populations[1].slices[0].pe = 1; },
     "slices.bin", "shares PE 1 with slice 1"},
    {"short slices", [](Image &i) { i.populations[0].slices[1].count = 3; },
     "slices.bin", "slices end at neuron 9 of 10"},
    {"placement size", [](Image &i) { i.placement.sliceOfPe.pop_back(); },
     "placement.bin", "has 179 entries for 180 PEs"},
    {"weight -32768",
     [](Image &i) { i.projections[1].stored.weightQ[2] = -32768; },
     "synapses.bin", "int16 weight -32768"},
    {"float weight",
     [](Image &i) { i.projections[1].stored.weight[0] = INFINITY; },
     "synapses.bin", "float weight inf"},
    {"delay 0", [](Image &i) { i.projections[0].stored.delay[1] = 0; },
     "synapses.bin", "has delay 0 outside [1, 3]"},
    {"delay past max", [](Image &i) { i.projections[0].stored.delay[1] = 4; },
     "synapses.bin", "has delay 4 outside [1, 3]"},
    {"column sizes", [](Image &i) { i.projections[0].stored.weight.clear(); },
     "synapses.bin", "0 float weights"},
    {"router count", [](Image &i) { i.routing.tables.pop_back(); },
     "manifest.json", "routing has 2 router tables for 3 chips"},
    {"route words", [](Image &i) { i.routing.wordsPerRoute = 3; },
     "manifest.json", "3 words per route for 66 route bits"},
    {"route tail bits",
     [](Image &i) { i.routing.tables[0].routeWords[1] |= uint64_t(1) << 2; },
     "routing.bin", "chip 0 route 0 sets bits past its 66 links and PEs"},
    {"entry key", [](Image &i) { i.routing.tables[1].entries[1].key = 1; },
     "routing.bin", "chip 1 entry 1 has key 0x00000001 with bits outside"},
};

TEST(ImageValidate, SampleBreaksAsExpected) {
  for (const Case &c : kCases) {
    SCOPED_TRACE(c.name);
    Image image = sampleImage();
    c.breakIt(image);
    Status valid = validateImage(image);
    ASSERT_FALSE(valid.ok());
    EXPECT_EQ(valid.error().file, c.file) << valid.error().message();
    EXPECT_NE(valid.error().what.find(c.fragment), std::string::npos)
        << valid.error().message();
  }
}

} // namespace
