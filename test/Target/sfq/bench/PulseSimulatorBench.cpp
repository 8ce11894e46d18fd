//===- PulseSimulatorBench.cpp - Pulse events per second of the ref engine ===//
//
// A layered network as the SFQ compiler lowers one: every source fans out
// through a splitter tree to one stochastic synapse per neuron of the next
// layer, and each neuron collects its synapses through a merger tree. Every
// input spikes every step (10 GHz slots), as the rate code's peak does.
// Items are pulse events (PulseSimulator::eventsProcessed()).
//
//===----------------------------------------------------------------------===//

#include "snnc/sfq/CellLibrary.h"
#include "snnc/sfq/PulseSimulator.h"

#include <benchmark/benchmark.h>

#include <string>

using namespace snnc::sfq;

namespace {

constexpr uint64_t kSlot = 1000;
constexpr uint64_t kInputSpacing = 102;

/// Splitter tree from output `from`; appends its `n` free outputs.
void fanOut(Netlist &net, Pin from, unsigned n, std::vector<Pin> &leaves) {
  if (n == 1) {
    leaves.push_back(from);
    return;
  }
  uint32_t split = net.addCell(CellKind::Split);
  net.connect(from, {split, 0});
  fanOut(net, {split, 0}, n / 2, leaves);
  fanOut(net, {split, 1}, n - n / 2, leaves);
}

/// Merger tree into input `to`; appends its `n` free inputs.
void fanIn(Netlist &net, Pin to, unsigned n, std::vector<Pin> &leaves) {
  if (n == 1) {
    leaves.push_back(to);
    return;
  }
  uint32_t merge = net.addCell(CellKind::Merge);
  net.connect({merge, 0}, to);
  fanIn(net, {merge, 0}, n / 2, leaves);
  fanIn(net, {merge, 1}, n - n / 2, leaves);
}

Netlist layered(unsigned width, unsigned layers) {
  Netlist net;
  std::vector<Pin> sources;
  for (unsigned i = 0; i < width; ++i)
    sources.push_back({net.addCell(CellKind::Input, i), 0});
  uint64_t synapseId = 0;
  for (unsigned l = 0; l < layers; ++l) {
    std::vector<Pin> neurons;
    std::vector<std::vector<Pin>> excIns(width);
    for (unsigned j = 0; j < width; ++j) {
      uint32_t neuron = net.addCell(CellKind::Neuron, 2);
      neurons.push_back({neuron, 0});
      fanIn(net, {neuron, 0}, width, excIns[j]);
    }
    for (unsigned i = 0; i < width; ++i) {
      std::vector<Pin> outs;
      fanOut(net, sources[i], width, outs);
      for (unsigned j = 0; j < width; ++j) {
        uint32_t synapse =
            net.addCell(CellKind::Synapse, uint64_t(1) << 31, synapseId++);
        net.connect(outs[j], {synapse, 0});
        net.connect({synapse, 0}, excIns[j][i]);
      }
    }
    sources = neurons;
  }
  for (Pin p : sources)
    net.connect(p, {net.addCell(CellKind::Sink), 0});
  return net;
}

void layeredNetwork(benchmark::State &state) {
  unsigned width = unsigned(state.range(0));
  Netlist net = layered(width, unsigned(state.range(1)));
  if (std::string err = net.check(); !err.empty()) {
    state.SkipWithError(err.c_str());
    return;
  }
  // The shipped library's timing, as a compiled image carries it.
  TimingTable t = loadCellLibrary("coldflux-sfq5ee")->timing();
  PulseSimulator sim(net, t, 1);
  std::vector<NeuronFire> fires;
  uint64_t step = 0;
  for (auto _ : state) {
    for (uint32_t e = 0; e < width; ++e)
      sim.inject(step * kSlot + (e * kInputSpacing) % kSlot, e);
    ++step;
    fires.clear();
    sim.runUntil(step * kSlot, fires);
    benchmark::DoNotOptimize(fires.data());
  }
  state.SetItemsProcessed(int64_t(sim.eventsProcessed()));
  state.counters["cells"] = double(net.size());
  state.counters["events_per_step"] =
      double(sim.eventsProcessed()) / double(step ? step : 1);
}

} // namespace

BENCHMARK(layeredNetwork)
    ->ArgNames({"width", "layers"})
    ->Args({16, 3})
    ->Args({64, 2});

BENCHMARK_MAIN();
