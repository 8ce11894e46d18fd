//===- TestImages.cpp - Small hand-built images for engine tests ----------===//

#include "TestImages.h"

#include "snnc/image/Validate.h"
#include "snnc/spinnaker2/FixedPoint.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace snnc::runtime::test {

using namespace snnc::image;

namespace s2 = snnc::spinnaker2;

namespace {
constexpr uint32_t kPes = 16;
constexpr uint32_t kLinks = 6;

/// Chips at (0, 0), (1, 0), ... on the six hexagonal links, each chip's 16
/// PEs in one row.
MachineLayout hexRow(uint32_t chips) {
  MachineLayout layout;
  layout.gridCols = kPes;
  for (uint32_t p = 0; p < kPes; ++p)
    layout.peSites.push_back({int32_t(p), 0});
  layout.linkDirections = {{1, 0}, {1, 1}, {0, 1}, {-1, 0}, {-1, -1}, {0, -1}};
  for (uint32_t c = 0; c < chips; ++c)
    layout.chipSites.push_back({int32_t(c), 0});
  for (uint32_t c = 0; c < chips; ++c)
    for (const GridPoint &d : layout.linkDirections) {
      int64_t x = int64_t(c) + d.x;
      layout.neighbours.push_back(d.y == 0 && x >= 0 && x < chips ? int32_t(x)
                                                                  : -1);
    }
  return layout;
}
} // namespace

ImageBuilder::ImageBuilder(uint32_t chips) {
  // The runtime registers the codecs in snncInitializespinnaker2Runtime();
  // these tests build images without it.
  s2::registerImageSections();
  image.snncVersion = "test";
  image.network = "engine-test";
  image.targetName = "spinnaker2";
  image.targetModel = {{"target",
                        {{"cycles_per_neuron_update", {{"value", 100}}},
                         {"cycles_per_synaptic_event", {{"value", 5}}},
                         {"cycles_per_step_overhead", 10},
                         {"step_cycle_budget", {{"value", 1e6}}}}}};
  image.dt = 1e-3;
  image.placement.chips = chips;
  image.placement.pesPerChip = kPes;
  image.layout = hexRow(chips);
  s2::RoutingSection &routes = s2::routing(image);
  routes.numLinks = kLinks;
  routes.wordsPerRoute = (kLinks + kPes + 63) / 64;
  routes.defaultRoute = true;
  routes.tables.resize(chips);
  // Route 0 delivers to local PE 0; every slice's key block points at it.
  routes.tables[0].routeWords.assign(routes.wordsPerRoute, 0);
  routes.tables[0].routeWords[0] = uint64_t(1) << kLinks;
  s2::fixedPoint(image);
}

Slice ImageBuilder::place(uint32_t first, uint32_t count) {
  Slice s;
  s.first = first;
  s.count = count;
  s.pe = nextPe++;
  uint32_t bits = 0;
  while ((1u << bits) < count)
    ++bits;
  bits = std::max(bits, 8u);
  s2::SliceKey key{nextKey++ << 16, ~((1u << bits) - 1)};
  keyOfPe[s.pe] = key;
  s2::routing(image).tables[0].entries.push_back({key.base, key.mask, 0});
  return s;
}

uint32_t ImageBuilder::addInput(uint32_t size) {
  InputPort port;
  port.index = static_cast<uint32_t>(image.inputs.size());
  port.name = "in" + std::to_string(port.index);
  port.shape = {size};
  port.size = size;
  port.slices.push_back(place(0, size));
  image.inputs.push_back(port);
  return port.index;
}

uint32_t ImageBuilder::addPopulation(NeuronModel model, uint32_t size,
                                     const FloatNeuron &f,
                                     const s2::FixedNeuron &q, double sIn,
                                     double sV, uint32_t slices) {
  Population p;
  p.name = "pop" + std::to_string(image.populations.size());
  p.model = model;
  p.shape = {size};
  p.size = size;
  p.spiking = isSpikingModel(model);
  p.floatParams.assign(size, f);
  s2::PopulationFixedPoint fixed;
  fixed.sIn = sIn;
  fixed.sV = sV;
  fixed.neurons.assign(size, q);
  s2::fixedPoint(image).populations.push_back(std::move(fixed));
  for (uint32_t s = 0, first = 0; s < slices; ++s) {
    uint32_t count = size / slices + (s < size % slices ? 1 : 0);
    p.slices.push_back(place(first, count));
    first += count;
  }
  image.populations.push_back(p);
  return static_cast<uint32_t>(image.populations.size() - 1);
}

uint32_t ImageBuilder::addStored(SourceKind kind, uint32_t source,
                                 uint32_t target, std::vector<Synapse> syns,
                                 int32_t shift) {
  Projection q;
  q.name = "proj" + std::to_string(image.projections.size());
  q.kind = ProjectionKind::Sparse;
  q.source = {kind, source};
  q.target = target;
  s2::ProjectionFixedPoint fixed;
  fixed.shift = shift;
  fixed.scale =
      std::ldexp(s2::fixedPoint(image).populations[target].sIn, shift);
  std::stable_sort(
      syns.begin(), syns.end(),
      [](const Synapse &a, const Synapse &b) { return a.pre < b.pre; });
  uint32_t rows = sourceSize(image, q.source);
  q.stored.rowPtr.assign(rows + 1, 0);
  for (const Synapse &s : syns) {
    ++q.stored.rowPtr[s.pre + 1];
    q.stored.target.push_back(s.post);
    fixed.weightQ.push_back(s.weightQ);
    q.stored.weight.push_back(s.weight);
    q.stored.delay.push_back(s.delay);
    q.maxDelay = std::max<uint32_t>(q.maxDelay, s.delay);
  }
  for (uint32_t r = 0; r < rows; ++r)
    q.stored.rowPtr[r + 1] += q.stored.rowPtr[r];
  image.projections.push_back(q);
  s2::fixedPoint(image).projections.push_back(std::move(fixed));
  return static_cast<uint32_t>(image.projections.size() - 1);
}

uint32_t ImageBuilder::addProcedural(uint32_t population,
                                     const snn::reservoir::Spec &spec,
                                     uint16_t delay, int32_t shift) {
  Projection q;
  q.name = "rec" + std::to_string(image.projections.size());
  q.kind = ProjectionKind::Procedural;
  q.source = {SourceKind::Population, population};
  q.target = population;
  s2::ProjectionFixedPoint fixed;
  fixed.shift = shift;
  fixed.scale =
      std::ldexp(s2::fixedPoint(image).populations[population].sIn, shift);
  q.maxDelay = delay;
  q.isProcedural = true;
  q.procedural.spec = spec;
  q.procedural.delay = delay;
  image.projections.push_back(q);
  s2::fixedPoint(image).projections.push_back(std::move(fixed));
  return static_cast<uint32_t>(image.projections.size() - 1);
}

void ImageBuilder::addOutput(uint32_t population) {
  Output out;
  out.index = static_cast<uint32_t>(image.outputs.size());
  out.population = population;
  out.kind = image.populations[population].spiking ? OutputKind::Spikes
                                                   : OutputKind::Current;
  image.outputs.push_back(out);
}

Image ImageBuilder::build() {
  std::vector<SliceRef> slices = listSlices(image);
  image.placement.sliceOfPe.assign(kPes * image.placement.chips, kNoSlice);
  std::vector<s2::SliceKey> &keys = s2::routing(image).keys;
  keys.clear();
  for (uint32_t s = 0; s < slices.size(); ++s) {
    uint32_t pe = sliceAt(image, slices[s]).pe;
    image.placement.sliceOfPe[pe] = s;
    keys.push_back(keyOfPe.at(pe));
  }
  if (Status status = validateImage(image); !status)
    throw std::runtime_error(status.error().message());
  return image;
}

SpikeTrain train(uint32_t size, std::vector<SpikeEvent> events) {
  SpikeTrain t;
  t.shape = {size};
  t.events = std::move(events);
  t.normalize();
  return t;
}

s2::FixedNeuron fixedNeuron(int32_t decayQ, int32_t gainM, int32_t gainS,
                            int32_t thresholdQ, int32_t resetQ, int32_t driveQ,
                            int32_t biasQ) {
  s2::FixedNeuron q;
  q.decayQ = decayQ;
  q.gainM = gainM;
  q.gainS = gainS;
  q.thresholdQ = thresholdQ;
  q.resetQ = resetQ;
  q.driveQ = driveQ;
  q.biasQ = biasQ;
  return q;
}

FloatNeuron leakyNeuron() {
  FloatNeuron f;
  f.decay = 0.9;
  f.gain = 0.1;
  f.threshold = 1;
  return f;
}

Image randomNetwork(unsigned seed, uint32_t n) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  // Scales as snn-quantize would pick them: v stays within a few units.
  const double sIn = std::ldexp(1.0, -16), sV = std::ldexp(1.0, -24);
  const int32_t ffShift = 4, recShift = 3;
  ImageBuilder b;
  uint32_t in = b.addInput(n);
  FloatNeuron f = leakyNeuron();
  s2::Multiplier gain = s2::toMultiplier(f.gain * sIn / sV);
  s2::FixedNeuron q =
      fixedNeuron(int32_t(std::llround(f.decay * 65536)), gain.m, gain.s,
                  int32_t(std::llround(1 / sV)));
  uint32_t pop = b.addPopulation(NeuronModel::Lif, n, f, q, sIn, sV, 3);
  auto synapse = [&](uint32_t i, uint32_t j, double w, int32_t shift,
                     uint16_t delay) {
    double scale = std::ldexp(sIn, shift);
    int16_t wq = int16_t(s2::quantizeReal(w / scale, -32767, 32767));
    return Synapse{i, j, wq, float(w), delay};
  };
  std::vector<Synapse> ff, rec;
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t j = 0; j < n; ++j) {
      if (rng() % 4 == 0)
        ff.push_back(synapse(i, j, 3.0 * unit(rng), ffShift, 1));
      if (rng() % 8 == 0)
        rec.push_back(synapse(i, j, 2.0 * unit(rng) - 0.8, recShift,
                              uint16_t(1 + rng() % 4)));
    }
  b.addStored(SourceKind::Input, in, pop, ff, ffShift);
  b.addStored(SourceKind::Population, pop, pop, rec, recShift);
  b.addOutput(pop);
  return b.build();
}

SpikeTrain randomTrain(unsigned seed, uint32_t n, uint64_t steps, double p) {
  std::mt19937 rng(seed);
  std::bernoulli_distribution fire(p);
  SpikeTrain t;
  t.shape = {n};
  for (uint64_t s = 0; s < steps; ++s)
    for (uint32_t i = 0; i < n; ++i)
      if (fire(rng))
        t.events.push_back({s, i});
  return t;
}

Image feedForward() {
  ImageBuilder b;
  uint32_t in = b.addInput(30);
  FloatNeuron f;
  f.threshold = 1e9;
  uint32_t pop =
      b.addPopulation(NeuronModel::Lif, 60, f,
                      fixedNeuron(60000, 1 << 30, 30, 1 << 30), 1, 1, 2);
  std::vector<Synapse> syns;
  for (uint32_t i = 0; i < 30; ++i)
    for (uint32_t k = 0; k < 10; ++k)
      syns.push_back({i, (i * 7 + k * 5) % 60, 10, 10.f, 1});
  b.addStored(SourceKind::Input, in, pop, syns);
  b.addOutput(pop);
  return b.build();
}

snn::reservoir::Spec sparseReservoir(uint32_t n) {
  snn::reservoir::Spec spec;
  spec.size = n;
  spec.excitatoryFraction = 0.8;
  spec.rule.p = 0.1;
  using W = snn::reservoir::WeightDist::Kind;
  spec.weights = {{{W::Uniform, 0.05, 0.3},
                   {W::Uniform, 0.05, 0.3},
                   {W::Uniform, -0.6, -0.1},
                   {W::Uniform, -0.6, -0.1}}};
  spec.seed = 5;
  return spec;
}

RunResult runOk(Engine &engine, const std::vector<SpikeTrain> &inputs,
                uint64_t steps, bool recordAll) {
  RunOptions options;
  options.steps = steps;
  options.recordAllSpikes = recordAll;
  Expected<RunResult> result = engine.run(inputs, options);
  if (!result)
    ADD_FAILURE() << result.error().message();
  return result ? std::move(result.value()) : RunResult();
}

} // namespace snnc::runtime::test
