//===- Networks.h - Hand-built crossbar images for the rtl tests -*- C++
//-*-===//
//
// A small builder of placed crossbar images (inputs and populations in
// slices on the PEs of one chip's 16 x 8 mesh, stored and procedural
// projections, the tiles mapped and attached), and the networks the rtl
// tests and benchmark run against ref.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TEST_CROSSBAR_RTL_NETWORKS_H
#define SNNC_TEST_CROSSBAR_RTL_NETWORKS_H

#include "snnc/crossbar/DeviceModel.h"
#include "snnc/crossbar/ImageSections.h"
#include "snnc/crossbar/TileMap.h"
#include "snnc/runtime/SpikeTrain.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace snnc::crossbar::test {

/// The default target model with `overrides` ({"field": value}).
inline nlohmann::json targetModel(const nlohmann::json &overrides) {
  nlohmann::json model = nlohmann::json::parse(defaultTargetModelText());
  for (auto &[field, value] : overrides.items())
    model[field]["value"] = value;
  return model;
}

/// Deterministic hash of a few integers, for weights and delays.
inline uint32_t mix(uint32_t a, uint32_t b, uint32_t c = 0) {
  uint32_t h = a * 2654435761u ^ (b * 40503u + 0x9E37u) ^ (c * 0x85EBCA6Bu);
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  return h ^ (h >> 16);
}

class NetBuilder {
public:
  /// `sliceSizes` tile the source in order; each slice gets the next PE.
  uint32_t addInput(uint32_t size, std::vector<uint32_t> sliceSizes) {
    image::InputPort in;
    in.index = uint32_t(im.inputs.size());
    in.name = "in" + std::to_string(in.index);
    in.shape = {size};
    in.size = size;
    in.slices = slices(sliceSizes);
    im.inputs.push_back(in);
    return in.index;
  }

  uint32_t addPopulation(const std::string &name, image::NeuronModel model,
                         uint32_t size, const image::FloatNeuron &neuron,
                         std::vector<uint32_t> sliceSizes) {
    image::Population pop;
    pop.name = name;
    pop.model = model;
    pop.spiking = model != image::NeuronModel::Li;
    pop.size = size;
    pop.shape = {size};
    pop.floatParams.assign(size, neuron);
    pop.slices = slices(sliceSizes);
    im.populations.push_back(pop);
    uint32_t p = uint32_t(im.populations.size() - 1);
    im.outputs.push_back(
        {uint32_t(im.outputs.size()), p,
         pop.spiking ? image::OutputKind::Spikes : image::OutputKind::Current});
    return p;
  }

  /// Synapse (i, j) exists when weight(i, j, w, d) returns true, with
  /// weight w and delay d.
  void addStored(image::SourceKind kind, uint32_t source, uint32_t target,
                 const std::function<bool(uint32_t, uint32_t, float &,
                                          uint16_t &)> &weight) {
    image::Projection q;
    q.name = "q" + std::to_string(im.projections.size());
    q.source = {kind, source};
    q.target = target;
    uint32_t rows = kind == image::SourceKind::Input
                        ? im.inputs[source].size
                        : im.populations[source].size;
    q.stored.rowPtr.push_back(0);
    for (uint32_t i = 0; i < rows; ++i) {
      for (uint32_t j = 0; j < im.populations[target].size; ++j) {
        float w = 0;
        uint16_t d = 1;
        if (!weight(i, j, w, d))
          continue;
        q.stored.target.push_back(j);
        q.stored.weight.push_back(w);
        q.stored.delay.push_back(d);
        q.maxDelay = std::max<uint32_t>(q.maxDelay, d);
      }
      q.stored.rowPtr.push_back(q.stored.target.size());
    }
    im.projections.push_back(q);
  }

  void addProcedural(uint32_t population, const snn::reservoir::Spec &spec,
                     uint16_t delay) {
    image::Projection q;
    q.name = "reservoir";
    q.source = {image::SourceKind::Population, population};
    q.target = population;
    q.isProcedural = true;
    q.procedural.spec = spec;
    q.procedural.delay = delay;
    q.maxDelay = delay;
    im.projections.push_back(q);
  }

  /// Places the slices, maps the tiles under `overrides` and attaches them.
  image::Image build(const nlohmann::json &overrides, uint64_t seed) {
    im.targetName = kTargetName;
    im.targetModel = targetModel(overrides);
    im.seed = seed;
    im.placement.chips = 1;
    im.placement.pesPerChip = 128;
    im.placement.sliceOfPe.assign(128, image::kNoSlice);
    std::vector<image::SliceRef> refs = image::listSlices(im);
    for (uint32_t s = 0; s < refs.size(); ++s)
      im.placement.sliceOfPe[image::sliceAt(im, refs[s]).pe] = s;
    im.layout.gridCols = 16;
    im.layout.gridRows = 8;
    for (int32_t n = 0; n < 128; ++n)
      im.layout.peSites.push_back({n % 16, n / 16});
    im.layout.chipSites = {{0, 0}};
    image::Expected<DeviceModel> model = readDeviceModel(im.targetModel);
    if (!model)
      throw std::runtime_error(model.error().message());
    image::Expected<TileMap> map = mapTiles(im, *model, seed);
    if (!map)
      throw std::runtime_error(map.error().message());
    auto section = std::make_unique<TileSection>();
    section->map = std::move(*map);
    im.sections.set(kTilesSection, std::move(section));
    return std::move(im);
  }

private:
  std::vector<image::Slice> slices(const std::vector<uint32_t> &sizes) {
    std::vector<image::Slice> out;
    uint32_t first = 0;
    for (uint32_t n : sizes) {
      // Spread over the mesh so that packets take several hops.
      out.push_back({first, n, nextPe});
      nextPe = (nextPe + 5) % 128;
      first += n;
    }
    return out;
  }

  image::Image im;
  uint32_t nextPe = 0;
};

inline const image::FloatNeuron kLif{0.9, 1.0, 0, 1.0, 0, 0, 0, 0};
inline const image::FloatNeuron kCuba{0.9, 1.0, 0, 1.0, 0, 0.8, 0.5, 0};
inline const image::FloatNeuron kLi{0.8, 0.2, 0, 0, 0, 0, 0, 0};

/// `inputs` inputs -> `hidden` LIF (or CuBa-LIF) neurons -> 5 LI readouts.
/// Input i drives neuron j with weight (hash % 17 - 8) / 8 after 1..maxDelay
/// steps; neuron j drives readout j % 5 with weight 1 after 2 steps.
inline image::Image feedForward(const nlohmann::json &overrides, uint64_t seed,
                                uint32_t inputs = 300, uint32_t hidden = 20,
                                std::vector<uint32_t> hiddenSlices = {20},
                                uint16_t maxDelay = 1, bool cuba = false) {
  NetBuilder b;
  uint32_t in = b.addInput(inputs, {inputs});
  uint32_t pop = b.addPopulation(
      "pop", cuba ? image::NeuronModel::CubaLif : image::NeuronModel::Lif,
      hidden, cuba ? kCuba : kLif, hiddenSlices);
  uint32_t out = b.addPopulation("out", image::NeuronModel::Li, 5, kLi, {5});
  b.addStored(image::SourceKind::Input, in, pop,
              [&](uint32_t i, uint32_t j, float &w, uint16_t &d) {
                uint32_t h = mix(i, j);
                w = float(int(h % 17) - 8) / 8;
                d = uint16_t(1 + (h >> 8) % maxDelay);
                return true;
              });
  b.addStored(image::SourceKind::Population, pop, out,
              [](uint32_t j, uint32_t k, float &w, uint16_t &d) {
                w = 1.0f;
                d = 2;
                return k == j % 5;
              });
  return b.build(overrides, seed);
}

/// 40 inputs -> 48 CuBa-LIF or LIF -> a 64-neuron procedural reservoir in
/// two slices -> 8 LI readouts.
inline image::Image reservoirNet(const nlohmann::json &overrides, uint64_t seed,
                                 bool cuba) {
  NetBuilder b;
  uint32_t in = b.addInput(40, {40});
  uint32_t pre = b.addPopulation(
      "pre", cuba ? image::NeuronModel::CubaLif : image::NeuronModel::Lif, 48,
      cuba ? kCuba : kLif, {48});
  uint32_t res =
      b.addPopulation("res", image::NeuronModel::Lif, 64, kLif, {32, 32});
  uint32_t out = b.addPopulation("out", image::NeuronModel::Li, 8, kLi, {8});
  b.addStored(image::SourceKind::Input, in, pre,
              [](uint32_t i, uint32_t j, float &w, uint16_t &d) {
                uint32_t h = mix(i, j, 1);
                w = float(int(h % 9) - 2) / 4;
                d = 1;
                return h % 3 != 0;
              });
  b.addStored(image::SourceKind::Population, pre, res,
              [](uint32_t i, uint32_t j, float &w, uint16_t &d) {
                uint32_t h = mix(i, j, 2);
                w = float(int(h % 11) - 3) / 6;
                d = uint16_t(1 + (h >> 5) % 3);
                return h % 4 == 0;
              });
  snn::reservoir::Spec spec;
  spec.size = 64;
  spec.rule.p = 0.15;
  using W = snn::reservoir::WeightDist::Kind;
  spec.weights = {{{W::Uniform, 0.1, 0.6},
                   {W::Uniform, 0.1, 0.6},
                   {W::Uniform, -0.8, -0.1},
                   {W::Uniform, -0.8, -0.1}}};
  spec.seed = seed;
  b.addProcedural(res, spec, 1);
  b.addStored(image::SourceKind::Population, res, out,
              [](uint32_t i, uint32_t k, float &w, uint16_t &d) {
                uint32_t h = mix(i, k, 3);
                w = float(int(h % 7) - 3) / 3;
                d = 1;
                return true;
              });
  return b.build(overrides, seed);
}

/// 40 inputs -> 48 LIF -> 12 LI readouts in slices of 8 and 4, and the
/// inputs straight to the readouts too: both readout projections are
/// digital tiles (digital_readout), with weights of both signs and delays
/// 1..3. Pass tile_cols 8 so that no tile spans both readout slices.
inline image::Image readoutNet(const nlohmann::json &overrides, uint64_t seed) {
  NetBuilder b;
  uint32_t in = b.addInput(40, {40});
  uint32_t hid =
      b.addPopulation("hid", image::NeuronModel::Lif, 48, kLif, {48});
  uint32_t out =
      b.addPopulation("out", image::NeuronModel::Li, 12, kLi, {8, 4});
  b.addStored(image::SourceKind::Input, in, hid,
              [](uint32_t i, uint32_t j, float &w, uint16_t &d) {
                uint32_t h = mix(i, j, 4);
                w = float(int(h % 9) - 2) / 4;
                d = 1;
                return h % 3 != 0;
              });
  b.addStored(image::SourceKind::Population, hid, out,
              [](uint32_t j, uint32_t k, float &w, uint16_t &d) {
                uint32_t h = mix(j, k, 5);
                w = float(int(h % 201) - 100) / 37;
                d = uint16_t(1 + (h >> 9) % 3);
                return h % 5 != 0;
              });
  b.addStored(image::SourceKind::Input, in, out,
              [](uint32_t i, uint32_t k, float &w, uint16_t &d) {
                uint32_t h = mix(i, k, 6);
                w = float(int(h % 13) - 6) / 5;
                d = 2;
                return h % 4 == 0;
              });
  return b.build(overrides, seed);
}

/// `inputs` inputs straight into 10 LI readouts: one digital tile per
/// 256 rows, rows x 11 words of a unit's digital memory.
inline image::Image wideReadout(uint32_t inputs, uint64_t seed) {
  NetBuilder b;
  uint32_t in = b.addInput(inputs, {inputs});
  uint32_t out = b.addPopulation("out", image::NeuronModel::Li, 10, kLi, {10});
  b.addStored(image::SourceKind::Input, in, out,
              [](uint32_t i, uint32_t k, float &w, uint16_t &d) {
                w = float(int(mix(i, k, 7) % 11) - 5) / 5;
                d = 1;
                return true;
              });
  return b.build({}, seed);
}

/// Input i fires in step t when (i + 3 t) % period == 0.
inline runtime::SpikeTrain drive(uint32_t size, uint64_t steps,
                                 uint32_t period = 7) {
  runtime::SpikeTrain train;
  train.shape = {size};
  for (uint64_t t = 0; t < steps; ++t)
    for (uint32_t i = 0; i < size; ++i)
      if ((i + 3 * t) % period == 0)
        train.events.push_back({t, i});
  return train;
}

} // namespace snnc::crossbar::test

#endif // SNNC_TEST_CROSSBAR_RTL_NETWORKS_H
