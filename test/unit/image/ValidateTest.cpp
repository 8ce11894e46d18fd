//===- ValidateTest.cpp - The invariants the writer and reader enforce ----===//

#include "SampleImage.h"

#include "snnc/image/Validate.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

using namespace snnc::image;
using namespace snnc::image::test;

namespace {

namespace s2 = snnc::spinnaker2;

s2::FixedPointSection &fixed(Image &image) { return s2::fixedPoint(image); }
s2::RoutingSection &routes(Image &image) { return s2::routing(image); }
/// The key block of global slice `g`.
s2::SliceKey &key(Image &image, size_t g) { return routes(image).keys[g]; }

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
    {"spiking flag", [](Image &i) { i.populations[4].spiking = true; },
     "manifest.json", "li population but claims to spike"},
    {"output kind", [](Image &i) { i.outputs[0].kind = OutputKind::Current; },
     "manifest.json", "reads population 'exc' as current, but it spikes"},
    {"scale", [](Image &i) { fixed(i).projections[2].scale *= 1.0000001; },
     "spinnaker2.fixed_point.bin", "projection 'ff' has scale"},
    {"shift", [](Image &i) { fixed(i).projections[2].shift = 17; },
     "spinnaker2.fixed_point.bin", "shift 17 outside [0, 16]"},
    {"s_in", [](Image &i) { fixed(i).populations[1].sIn = -1; },
     "spinnaker2.fixed_point.bin",
     "population 'cuba' s_in must be positive and finite"},
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
     [](Image &i) { fixed(i).populations[2].neurons.pop_back(); },
     "spinnaker2.fixed_point.bin",
     "population 'iff' has 2 fixed-point records for 3 neurons"},
    {"float records", [](Image &i) { i.populations[2].floatParams.pop_back(); },
     "neurons.bin", "population 'iff' has 2 records for 3 neurons"},
    {"decay_q",
     [](Image &i) { fixed(i).populations[0].neurons[1].decayQ = 65537; },
     "spinnaker2.fixed_point.bin",
     "neuron 1 decay_q = 65537 is outside [0, 65536]"},
    {"no slices", [](Image &i) { i.populations[5].slices.clear(); },
     "slices.bin", "population 'acc' has no slices"},
    {"shared PE", [](Image &i) { i.populations[1].slices[0].pe = 1; },
     "slices.bin",
     "population 'cuba' slice 0 shares PE 1 with population 'exc' slice 1"},
    {"short slices", [](Image &i) { i.populations[0].slices[1].count = 3; },
     "slices.bin", "population 'exc' slices end at neuron 9 of 10"},
    {"population slice past end",
     [](Image &i) { i.populations[0].slices[1].count = 5; }, "slices.bin",
     "population 'exc' slice 1 ends at 11, past the population's 10 neurons"},
    {"key mask", [](Image &i) { key(i, 3).mask = 0xff00ff00; },
     "spinnaker2.routing.bin",
     "population 'exc' slice 0 has key mask 0xff00ff00, which "
     "is not contiguous high ones"},
    // Input slices: tiling, PEs and keys, checked like population slices.
    {"input key mask", [](Image &i) { key(i, 0).mask = 0xff00ff00; },
     "spinnaker2.routing.bin", "input 'in' slice 0 has key mask 0xff00ff00"},
    {"input key too small", [](Image &i) { key(i, 0).mask = 0xfffffffe; },
     "spinnaker2.routing.bin",
     "input 'in' slice 0 has 4 elements but key mask 0xfffffffe numbers only "
     "2"},
    {"input key outside mask", [](Image &i) { key(i, 1).base = 0x00100005; },
     "spinnaker2.routing.bin",
     "input 'in' slice 1 has key 0x00100005 with bits outside mask "
     "0xfffffffe"},
    {"input without slices", [](Image &i) { i.inputs[1].slices.clear(); },
     "slices.bin", "input 'cue' has no slices"},
    {"input slice gap", [](Image &i) { i.inputs[0].slices[1].first = 5; },
     "slices.bin",
     "input 'in' slice 1 covers [5, 7), expected a non-empty range from 4"},
    {"input slice overlap", [](Image &i) { i.inputs[0].slices[1].first = 3; },
     "slices.bin",
     "input 'in' slice 1 covers [3, 5), expected a non-empty range from 4"},
    {"empty input slice", [](Image &i) { i.inputs[0].slices[1].count = 0; },
     "slices.bin", "input 'in' slice 1 covers [4, 4)"},
    {"input slice past end", [](Image &i) { i.inputs[0].slices[1].count = 3; },
     "slices.bin", "input 'in' slice 1 ends at 7, past the input's 6 elements"},
    {"input slices short", [](Image &i) { i.inputs[0].slices.pop_back(); },
     "slices.bin", "input 'in' slices end at element 4 of 6"},
    {"input slice PE", [](Image &i) { i.inputs[1].slices[0].pe = 180; },
     "slices.bin", "input 'cue' slice 0 is on PE 180 of 180"},
    {"inputs share a PE", [](Image &i) { i.inputs[1].slices[0].pe = 65; },
     "slices.bin", "input 'cue' slice 0 shares PE 65 with input 'in' slice 1"},
    {"input on a population's PE",
     [](Image &i) { i.inputs[0].slices[1].pe = 61; }, "slices.bin",
     "population 'iff' slice 0 shares PE 61 with input 'in' slice 1"},
    {"population on an input's PE",
     [](Image &i) { i.populations[5].slices[0].pe = 5; }, "slices.bin",
     "population 'acc' slice 0 shares PE 5 with input 'cue' slice 0"},
    {"input keys collide with population keys",
     [](Image &i) { key(i, 2).base = 0x400; }, "spinnaker2.routing.bin",
     "population 'readout' slice 0 has keys [0x00000400, 0x000004ff], which "
     "overlap keys [0x00000400, 0x00000403] of input 'cue' slice 0"},
    {"input keys collide with each other",
     [](Image &i) { key(i, 1).base = 0x00100002; }, "spinnaker2.routing.bin",
     "input 'in' slice 1 has keys [0x00100002, 0x00100003], which overlap "
     "keys [0x00100000, 0x00100003] of input 'in' slice 0"},
    {"population keys collide", [](Image &i) { key(i, 6).base = 0x200; },
     "spinnaker2.routing.bin",
     "population 'iff' slice 0 has keys [0x00000200, 0x000002ff], which "
     "overlap keys [0x00000200, 0x000002ff] of population 'exc' slice 1"},
    {"key block holds another",
     [](Image &i) {
       key(i, 10).base = 0;
       key(i, 10).mask = 0xffff0000;
     },
     "spinnaker2.routing.bin",
     "population 'acc' slice 0 has keys [0x00000000, 0x0000ffff], which "
     "overlap keys [0x00000100, 0x000001ff] of population 'exc' slice 0"},
    {"placement size", [](Image &i) { i.placement.sliceOfPe.pop_back(); },
     "placement.bin", "has 179 entries for 180 PEs"},
    {"placement misses an input slice",
     [](Image &i) { i.placement.sliceOfPe[65] = kNoSlice; }, "placement.bin",
     "PE 65 lists no slice but slices.bin puts slice 1 (input 'in' slice 1) "
     "there (11 slices)"},
    {"placement numbers populations first",
     [](Image &i) { i.placement.sliceOfPe[0] = 0; }, "placement.bin",
     "PE 0 lists slice 0 (input 'in' slice 0) but slices.bin puts slice 3 "
     "(population 'exc' slice 0) there"},
    {"placement names a missing slice",
     [](Image &i) { i.placement.sliceOfPe[6] = 11; }, "placement.bin",
     "PE 6 lists slice 11 but slices.bin puts no slice there (11 slices)"},
    {"weight -32768",
     [](Image &i) { fixed(i).projections[1].weightQ[2] = -32768; },
     "spinnaker2.fixed_point.bin", "int16 weight -32768"},
    {"weight count",
     [](Image &i) { fixed(i).projections[0].weightQ.pop_back(); },
     "spinnaker2.fixed_point.bin", "int16 weights for"},
    {"float weight",
     [](Image &i) { i.projections[1].stored.weight[0] = INFINITY; },
     "synapses.bin", "has weight inf"},
    {"delay 0", [](Image &i) { i.projections[0].stored.delay[1] = 0; },
     "synapses.bin", "has delay 0 outside [1, 3]"},
    {"delay past max", [](Image &i) { i.projections[0].stored.delay[1] = 4; },
     "synapses.bin", "has delay 4 outside [1, 3]"},
    {"column sizes", [](Image &i) { i.projections[0].stored.weight.clear(); },
     "synapses.bin", "0 weights"},
    {"router count", [](Image &i) { routes(i).tables.pop_back(); },
     "spinnaker2.routing.bin", "has 2 router tables for 3 chips"},
    {"route words", [](Image &i) { routes(i).wordsPerRoute = 3; },
     "spinnaker2.routing.bin", "3 words per route for 66 route bits"},
    {"route tail bits",
     [](Image &i) { routes(i).tables[0].routeWords[1] |= uint64_t(1) << 2; },
     "spinnaker2.routing.bin",
     "chip 0 route 0 sets bits past its 66 links and PEs"},
    {"entry key", [](Image &i) { routes(i).tables[1].entries[1].key = 1; },
     "spinnaker2.routing.bin",
     "chip 1 entry 1 has key 0x00000001 with bits outside"},
    {"slice keys", [](Image &i) { routes(i).keys.pop_back(); },
     "spinnaker2.routing.bin", "has 10 slice keys for 11 slices"},
    {"route links", [](Image &i) { routes(i).numLinks = 5; },
     "spinnaker2.routing.bin", "routes over 5 chip links but the layout has 6"},
    // The machine layout.
    {"PE sites", [](Image &i) { i.layout.peSites.pop_back(); }, "layout.bin",
     "has 59 PE sites for 60 PEs per chip"},
    {"PE off the grid", [](Image &i) { i.layout.peSites[7].y = 8; },
     "layout.bin", "PE 7 sits at (7, 8), outside the 8 x 8 grid"},
    {"empty grid", [](Image &i) { i.layout.gridRows = 0; }, "manifest.json",
     "layout grid is 8 x 0"},
    {"layout chips", [](Image &i) { i.layout.chipSites.pop_back(); },
     "manifest.json", "layout has 2 chips but placement uses 3"},
    {"neighbour", [](Image &i) { i.layout.neighbours[4] = 3; }, "layout.bin",
     "chip 0 link 4 reaches chip 3 of 3"},
    // Target sections as a whole.
    {"missing section",
     [](Image &i) { i.sections.erase(s2::kFixedPointSection); },
     "manifest.json",
     "an image for target 'spinnaker2' needs section 'spinnaker2.fixed_point'"},
    {"foreign section", [](Image &i) { i.targetName = "crossbar"; },
     "manifest.json",
     "section 'spinnaker2.fixed_point' belongs to target "
     "'spinnaker2' but the image is for 'crossbar'"},
};

TEST(ImageValidate, SlicesAreNumberedInputsFirst) {
  Image image = sampleImage();
  std::vector<SliceRef> refs = listSlices(image);
  ASSERT_EQ(refs.size(), 11u);
  const struct {
    SourceKind kind;
    uint32_t owner, slice;
  } expected[] = {
      {SourceKind::Input, 0, 0},      {SourceKind::Input, 0, 1},
      {SourceKind::Input, 1, 0},      {SourceKind::Population, 0, 0},
      {SourceKind::Population, 0, 1}, {SourceKind::Population, 1, 0},
      {SourceKind::Population, 2, 0}, {SourceKind::Population, 3, 0},
      {SourceKind::Population, 3, 1}, {SourceKind::Population, 4, 0},
      {SourceKind::Population, 5, 0}};
  for (uint32_t g = 0; g < refs.size(); ++g) {
    SCOPED_TRACE("slice " + std::to_string(g));
    EXPECT_EQ(refs[g].kind, expected[g].kind);
    EXPECT_EQ(refs[g].owner, expected[g].owner);
    EXPECT_EQ(refs[g].slice, expected[g].slice);
    // sliceOfPe is the inverse of every slice's PE, inputs included.
    EXPECT_EQ(image.placement.sliceOfPe[sliceAt(image, refs[g]).pe], g);
  }
  EXPECT_EQ(&sliceAt(image, refs[1]), &image.inputs[0].slices[1]);
  EXPECT_EQ(&sliceAt(image, refs[3]), &image.populations[0].slices[0]);
}

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
