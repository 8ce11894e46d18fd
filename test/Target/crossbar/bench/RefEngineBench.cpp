//===- RefEngineBench.cpp - Cell reads per second of the crossbar ref engine
//===//
//
// The shape of the Fashion-MNIST LSM: 784 rate-coded inputs (p = 0.1 per
// step) drive 2,000 LIF neurons through 10 synapses each (+-3), which drive
// each other through a procedural reservoir (p = 0.01) and 10 LI readouts,
// on the default device model (read noise on, 5-bit ADCs). Items are cell
// reads (synaptic_events), so the rate compares with TileReadBench's.
//
//===----------------------------------------------------------------------===//

#include "snnc/crossbar/Counters.h"
#include "snnc/crossbar/Engines.h"
#include "snnc/crossbar/ImageSections.h"

#include <benchmark/benchmark.h>

#include <random>

using namespace snnc;
using namespace snnc::crossbar;

static image::Image lsm() {
  image::Image im;
  im.targetName = kTargetName;
  im.targetModel = nlohmann::json::parse(defaultTargetModelText());
  im.seed = 1;
  im.inputs.push_back({0, "in", {784}, 784, {}});
  image::Population res;
  res.name = "res";
  res.size = 2000;
  res.shape = {2000};
  res.floatParams.assign(2000, image::FloatNeuron{0.95, 0.05, 0, 1.0, 0});
  im.populations.push_back(res);
  image::Population out;
  out.name = "out";
  out.model = image::NeuronModel::Li;
  out.spiking = false;
  out.size = 10;
  out.shape = {10};
  out.floatParams.assign(10, image::FloatNeuron{0.99, 0.01, 0, 0, 0});
  im.populations.push_back(out);

  std::mt19937 rng(7);
  image::Projection in;
  in.source = {image::SourceKind::Input, 0};
  std::vector<std::vector<uint32_t>> targets(784);
  for (uint32_t j = 0; j < 2000; ++j)
    for (int k = 0; k < 10; ++k)
      targets[rng() % 784].push_back(j);
  in.stored.rowPtr.push_back(0);
  for (std::vector<uint32_t> &row : targets) {
    std::sort(row.begin(), row.end());
    for (uint32_t j : row) {
      in.stored.target.push_back(j);
      in.stored.weight.push_back(rng() % 2 ? 3.0f : -3.0f);
      in.stored.delay.push_back(1);
    }
    in.stored.rowPtr.push_back(in.stored.target.size());
  }
  im.projections.push_back(in);
  image::Projection rec;
  rec.source = {image::SourceKind::Population, 0};
  rec.isProcedural = true;
  rec.procedural.spec.size = 2000;
  rec.procedural.spec.rule.p = 0.01;
  using W = snn::reservoir::WeightDist;
  rec.procedural.spec.weights = {
      W{W::Kind::Constant, 1.5, 0}, W{W::Kind::Constant, 1.5, 0},
      W{W::Kind::Constant, 3.0, 0}, W{W::Kind::Constant, 3.0, 0}};
  rec.procedural.spec.seed = 3;
  im.projections.push_back(rec);
  image::Projection read;
  read.source = {image::SourceKind::Population, 0};
  read.target = 1;
  read.stored.rowPtr.push_back(0);
  std::normal_distribution<float> w(0, 0.1f);
  for (uint32_t j = 0; j < 2000; ++j) {
    for (uint32_t c = 0; c < 10; ++c) {
      read.stored.target.push_back(c);
      read.stored.weight.push_back(w(rng));
      read.stored.delay.push_back(1);
    }
    read.stored.rowPtr.push_back(read.stored.target.size());
  }
  im.projections.push_back(read);
  im.outputs.push_back({0, 1, image::OutputKind::Current});

  DeviceModel model;
  image::Expected<TileMap> map = mapTiles(im, model, 1);
  auto section = std::make_unique<TileSection>();
  section->map = std::move(*map);
  im.sections.set(kTilesSection, std::move(section));
  return im;
}

static void refEngine(benchmark::State &state) {
  image::Image im = lsm();
  auto engine = makeRefEngine(im);
  runtime::SpikeTrain train;
  train.shape = {784};
  std::mt19937 rng(11);
  for (uint64_t t = 0; t < 50; ++t)
    for (uint32_t i = 0; i < 784; ++i)
      if (rng() % 10 == 0)
        train.events.push_back({t, i});
  runtime::RunOptions options;
  options.steps = 50;
  uint64_t reads = 0;
  for (auto _ : state) {
    auto result = (*engine)->run({train}, options);
    reads += result->counters[SynapticEvents];
    benchmark::DoNotOptimize(result->outputs.data());
  }
  state.SetItemsProcessed(int64_t(reads));
}
BENCHMARK(refEngine)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
