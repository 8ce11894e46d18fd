//===- RtlStep.cpp - The rtl engine's step loop ---------------------------===//
//
// The timing of docs/numerics.md §3, as the ref engine has it: per step t,
// (1) the input spikes of t, (2) every PE's neuron phase (ring slot t mod
// D, cleared), (3) every spike of t carried over the NoC and absorbed by
// the synapse phases into slot (t + delay) mod D. Within a step all PEs
// start at cycle 0; the step's latency is the last PE's end.
//
//===----------------------------------------------------------------------===//

#include "RtlState.h"

#include "snnc/spinnaker2/Counters.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace snnc::rtl {

namespace {

struct Packet {
  uint64_t emit;
  uint32_t srcPe;
  uint32_t key;
  uint32_t globalSlice;
};

} // namespace

image::Expected<runtime::RunResult>
RtlEngine::State::run(const std::vector<runtime::SpikeTrain> &inputs,
                      const runtime::RunOptions &options,
                      runtime::StepObserver *observer) {
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpuStart = std::clock();
  runtime::RunResult result = runtime::detail::startRun(image, topo, options);
  const spinnaker2::FixedPointSection &fixed = spinnaker2::fixedPoint(image);
  const std::vector<spinnaker2::SliceKey> &keys =
      spinnaker2::routing(image).keys;
  for (std::unique_ptr<PeDriver> &pe : pes)
    if (image::Status st = pe->clear(); !st)
      return st.error();
  noc->resetStats();
  RtlStats fresh;
  fresh.loadSeconds = stats.loadSeconds;
  fresh.pes = static_cast<uint32_t>(pes.size());
  stats = fresh;
  std::vector<uint64_t> ticksBefore(pes.size()), busyBefore(pes.size(), 0);
  for (size_t k = 0; k < pes.size(); ++k)
    ticksBefore[k] = pes[k]->ticks();

  uint32_t numInputs = topo.numInputs;
  runtime::detail::InputCursor cursor(inputs);
  std::vector<std::vector<uint32_t>> inSpikes(image.inputs.size());
  std::vector<std::vector<uint32_t>> popSpikes(image.populations.size());
  std::vector<std::vector<PeDriver::Spike>> spikes(pes.size());
  std::vector<std::vector<PeDriver::Record>> records(pes.size());
  std::vector<std::vector<PeDriver::Arrival>> queues(pes.size());
  std::vector<uint64_t> injected(slices.size(), 0);
  std::vector<Packet> packets, carried;
  std::vector<Noc::Injection> injections;
  uint64_t traceBase = 0;
  double budget = topo.cycles.stepBudget;

  for (uint64_t t = 0; t < options.steps; ++t) {
    if (traced >= 0)
      pes[traced]->setTracing(this->options.vcdSteps.covers(t), traceBase);
    // (1) Input spikes of t.
    cursor.step(t, inSpikes);
    // (2) Neuron phases.
    for (size_t k = 0; k < pes.size(); ++k) {
      spikes[k].clear();
      records[k].clear();
      if (image::Status st = pes[k]->neuronPhase(t, spikes[k], records[k]); !st)
        return st.error();
    }
    // (3) Packets: input slices inject one per cycle from cycle 0.
    packets.clear();
    std::fill(injected.begin(), injected.end(), 0);
    for (uint32_t i = 0; i < inSpikes.size(); ++i) {
      const std::vector<image::Slice> &ss = image.inputs[i].slices;
      for (uint32_t idx : inSpikes[i]) {
        auto it = std::upper_bound(
            ss.begin(), ss.end(), idx,
            [](uint32_t v, const image::Slice &s) { return v < s.first; });
        const image::Slice &s = *(it - 1);
        uint32_t global = topo.sliceBase[i] + uint32_t(it - 1 - ss.begin());
        packets.push_back({injected[global]++, s.pe,
                           keys[global].base | (idx - s.first), global});
        result.counters[spinnaker2::PacketsSent] += topo.routed[i][idx];
        if (!topo.hops.empty())
          result.counters[spinnaker2::RouterHops] += topo.hops[i][idx];
      }
    }
    for (std::vector<uint32_t> &v : popSpikes)
      v.clear();
    for (size_t k = 0; k < pes.size(); ++k) {
      const PeTable &tab = tables[k];
      uint32_t source = numInputs + tab.population;
      for (const PeDriver::Spike &s : spikes[k]) {
        uint32_t neuron = tab.first + (s.key & ~tab.keyMask);
        popSpikes[tab.population].push_back(neuron);
        packets.push_back({s.cycle, tab.pe, s.key, tab.globalSlice});
        result.counters[spinnaker2::PacketsSent] += topo.routed[source][neuron];
        if (!topo.hops.empty())
          result.counters[spinnaker2::RouterHops] += topo.hops[source][neuron];
      }
    }
    std::stable_sort(
        packets.begin(), packets.end(), [](const Packet &a, const Packet &b) {
          return a.emit != b.emit ? a.emit < b.emit : a.srcPe < b.srcPe;
        });
    for (std::vector<PeDriver::Arrival> &q : queues)
      q.clear();
    carried.clear();
    injections.clear();
    for (const Packet &p : packets)
      if (!destTables[p.globalSlice].empty()) {
        carried.push_back(p);
        injections.push_back({p.emit, treeOf[p.globalSlice]});
      }
    noc->carry(injections, [&](size_t i, uint32_t d, uint64_t at) {
      const Packet &p = carried[i];
      queues[destTables[p.globalSlice][d]].push_back({at, p.key});
    });
    // (4) Synapse phases.
    uint64_t stepEnd = 0;
    for (size_t k = 0; k < pes.size(); ++k) {
      std::stable_sort(
          queues[k].begin(), queues[k].end(),
          [](const PeDriver::Arrival &a, const PeDriver::Arrival &b) {
            return a.cycle < b.cycle;
          });
      if (image::Status st = pes[k]->synapsePhase(t, queues[k]); !st)
        return st.error();
    }
    // (5) Accounting: loads, latency, counters.
    bool violated = false;
    auto charge = [&](uint32_t slice, double busy, uint64_t end) {
      violated |= runtime::detail::chargeLoad(result.peLoads[slice], busy,
                                              double(end), budget);
      stepEnd = std::max(stepEnd, end);
    };
    for (uint32_t s = 0; s < slices.size(); ++s)
      if (slices[s].kind == image::SourceKind::Input)
        charge(s, double(injected[s]), injected[s]);
    uint64_t pe[spinnaker2::NumCounters] = {};
    for (size_t k = 0; k < pes.size(); ++k) {
      PeDriver &d = *pes[k];
      uint64_t busy = d.counter(pe::CntBusyCycles);
      charge(tables[k].globalSlice, double(busy - busyBefore[k]), d.cycle());
      busyBefore[k] = busy;
      pe[spinnaker2::NeuronUpdates] += d.counter(pe::CntNeuronUpdates);
      pe[spinnaker2::SynapticEvents] += d.counter(pe::CntSynEvents);
      pe[spinnaker2::SramWordsRead] += d.counter(pe::CntSramReads);
      pe[spinnaker2::SramWordsWritten] += d.counter(pe::CntSramWrites);
    }
    result.counters[spinnaker2::NeuronUpdates] = pe[spinnaker2::NeuronUpdates];
    result.counters[spinnaker2::SynapticEvents] =
        pe[spinnaker2::SynapticEvents];
    result.counters[spinnaker2::SramWordsRead] = pe[spinnaker2::SramWordsRead];
    result.counters[spinnaker2::SramWordsWritten] =
        pe[spinnaker2::SramWordsWritten];
    result.realTimeViolations += violated;
    stats.stepCyclesTotal += stepEnd;
    stats.stepCyclesMax = std::max(stats.stepCyclesMax, stepEnd);
    traceBase += stepEnd + 1;
    result.steps = t + 1;

    // Outputs.
    runtime::detail::recordSpikes(t, popSpikes, options, result);
    for (size_t k = 0; k < pes.size(); ++k) {
      const PeTable &tab = tables[k];
      double sV = fixed.populations[tab.population].sV;
      for (runtime::OutputTrace &trace : result.outputs)
        if (trace.kind == image::OutputKind::Current &&
            trace.population == tab.population)
          for (const PeDriver::Record &r : records[k])
            trace.values[t * trace.size + tab.first + r.index] = r.v * sV;
    }

    if (violated && options.stopOnRealTimeViolation) {
      result.stopReason = runtime::StopReason::RealTimeViolation;
      break;
    }
    if (observer &&
        !observer->onStep({t, popSpikes, inSpikes, result.counters})) {
      result.stopReason = runtime::StopReason::ObserverStopped;
      break;
    }
  }
  runtime::detail::finishRun(options, result);
  // The waveform covers the first run only: a later run would restart
  // VCD time.
  if (traced >= 0) {
    pes[traced]->setTracing(false, traceBase);
    pes[traced]->pe().closeTrace();
    traced = -1;
  }

  stats.steps = result.steps;
  for (size_t k = 0; k < pes.size(); ++k)
    stats.peCycles += pes[k]->ticks() - ticksBefore[k];
  for (unsigned c = 0; c < pe::NumCounters; ++c) {
    uint64_t sum = 0;
    for (const std::unique_ptr<PeDriver> &d : pes)
      sum += d->counter(c);
    stats.counters.emplace_back(pe::counterName(c), sum);
  }
  const NocStats &n = noc->stats();
  stats.nocHops = n.nocHops;
  stats.nocChipHops = n.chipHops;
  stats.nocContentionCycles = n.contentionCycles;
  stats.nocDeliveries = n.deliveries;
  stats.runCpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  stats.runSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return result;
}

} // namespace snnc::rtl
