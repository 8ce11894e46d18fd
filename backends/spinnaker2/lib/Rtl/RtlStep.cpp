//===- RtlStep.cpp - The PEs behind the shared step loop ------------------===//
//
// The step loop itself is runtime/rtl's (UnitStepLoop.h); this is what a
// spinnaker2 PE means in it: its neuron and synapse phases through the
// PeDriver protocol, routing keys as packet payloads, the packet and hop
// counts of the target's routing, and the PE's own event counters.
//
//===----------------------------------------------------------------------===//

#include "RtlState.h"

#include "snnc/spinnaker2/Counters.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <chrono>
#include <ctime>

namespace snnc::rtl {

image::Status
RtlEngine::State::neuronPhase(size_t unit, uint64_t step,
                              std::vector<UnitSpike> &spikes,
                              std::vector<UnitReadout> &readouts) {
  peSpikes.clear();
  peRecords.clear();
  if (image::Status st = pes[unit]->neuronPhase(step, peSpikes, peRecords); !st)
    return st;
  const PeTable &tab = tables[unit];
  for (const PeDriver::Spike &s : peSpikes)
    spikes.push_back({s.cycle, s.key, s.key & ~tab.keyMask});
  double sV = readoutScale[unit];
  for (const PeDriver::Record &r : peRecords)
    readouts.push_back({r.index, r.v * sV});
  return image::Status::success();
}

image::Status
RtlEngine::State::synapsePhase(size_t unit, uint64_t step,
                               const std::vector<UnitArrival> &arrivals) {
  peArrivals.clear();
  for (const UnitArrival &a : arrivals)
    peArrivals.push_back({a.cycle, a.payload});
  return pes[unit]->synapsePhase(step, peArrivals);
}

uint64_t RtlEngine::State::busyCycles(size_t unit) const {
  return pes[unit]->counter(pe::CntBusyCycles);
}

uint32_t RtlEngine::State::inputPayload(uint32_t slice,
                                        uint32_t element) const {
  return keyBase[slice] | element;
}

void RtlEngine::State::countPacket(uint32_t source, uint32_t element,
                                   runtime::CounterSet &counters) const {
  counters[spinnaker2::PacketsSent] += topo.routed[source][element];
  if (!topo.hops.empty())
    counters[spinnaker2::RouterHops] += topo.hops[source][element];
}

/// The PE counters run from the clear at the start of the run, so the sums
/// are the run's totals so far.
void RtlEngine::State::countStep(runtime::CounterSet &counters) {
  uint64_t sum[spinnaker2::NumCounters] = {};
  for (const std::unique_ptr<PeDriver> &d : pes) {
    sum[spinnaker2::NeuronUpdates] += d->counter(pe::CntNeuronUpdates);
    sum[spinnaker2::SynapticEvents] += d->counter(pe::CntSynEvents);
    sum[spinnaker2::SramWordsRead] += d->counter(pe::CntSramReads);
    sum[spinnaker2::SramWordsWritten] += d->counter(pe::CntSramWrites);
  }
  for (spinnaker2::Counter c :
       {spinnaker2::NeuronUpdates, spinnaker2::SynapticEvents,
        spinnaker2::SramWordsRead, spinnaker2::SramWordsWritten})
    counters[c] = sum[c];
}

image::Expected<runtime::RunResult>
RtlEngine::State::run(const std::vector<runtime::SpikeTrain> &inputs,
                      const runtime::RunOptions &options,
                      runtime::StepObserver *observer) {
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpuStart = std::clock();
  runtime::RunResult result = runtime::detail::startRun(image, topo, options);
  for (std::unique_ptr<PeDriver> &pe : pes)
    if (image::Status st = pe->clear(); !st)
      return st.error();
  nocModel->resetStats();
  RtlStats fresh;
  fresh.loadSeconds = stats.loadSeconds;
  fresh.pes = static_cast<uint32_t>(pes.size());
  stats = fresh;
  std::vector<uint64_t> ticksBefore(pes.size());
  for (size_t k = 0; k < pes.size(); ++k)
    ticksBefore[k] = pes[k]->ticks();

  UnitLoopStats loop;
  if (image::Status st = runUnitSteps(image, *this, inputs, options, observer,
                                      topo.cycles.stepBudget,
                                      this->options.vcdSteps, result, loop);
      !st)
    return st.error();
  // The waveform covers the first run only: a later run would restart
  // VCD time.
  if (traced >= 0) {
    std::string lost = pes[traced]->pe().closeTrace();
    traced = -1;
    if (!lost.empty())
      return image::ImageError{this->options.vcdPath,
                               "cannot write the VCD file: " + lost};
  }

  stats.steps = result.steps;
  stats.stepCyclesTotal = loop.stepCyclesTotal;
  stats.stepCyclesMax = loop.stepCyclesMax;
  for (size_t k = 0; k < pes.size(); ++k)
    stats.peCycles += pes[k]->ticks() - ticksBefore[k];
  for (unsigned c = 0; c < pe::NumCounters; ++c) {
    uint64_t sum = 0;
    for (const std::unique_ptr<PeDriver> &d : pes)
      sum += d->counter(c);
    stats.counters.emplace_back(pe::counterName(c), sum);
  }
  const NocStats &n = nocModel->stats();
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
