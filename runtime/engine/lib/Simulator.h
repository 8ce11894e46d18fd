//===- Simulator.h - The event-driven step loop of all engines --*- C++ -*-===//
//
// One loop, parameterized by the arithmetic (Arith: fixed point for `ref`,
// double for `float`), so that both engines share the timing of
// docs/numerics.md §3 exactly: per step t, (1) take the input spikes of t,
// (2) update every population from ring slot t mod D and clear the slot,
// (3) deliver every spike of t into slot (t + delay) mod D. Synaptic work
// is proportional to spikes; counters are kept in aggregate per row.
//
// Arith provides: Acc (ring word), State, Neuron, neurons(pop), update(),
// value() (readout in real units), StoredWeights (weight(k) of a stored
// projection), procedural(proj, syn) and add(slot, w).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_SIMULATOR_H
#define SNNC_RUNTIME_SIMULATOR_H

#include "ProceduralCache.h"
#include "Topology.h"

#include "snnc/runtime/Engine.h"

namespace snnc::runtime::detail {

/// Checks one train per input port.
Status checkInputs(const image::Image &image,
                   const std::vector<SpikeTrain> &inputs);

/// Empty traces for the image's outputs.
std::vector<OutputTrace> makeTraces(const image::Image &image, uint64_t steps);

template <typename Arith> class Simulator {
  using Acc = typename Arith::Acc;
  using State = typename Arith::State;
  using Neuron = typename Arith::Neuron;

public:
  Simulator(const image::Image &image, const Topology &topology,
            ProceduralCache &procedural)
      : image(image), topo(topology), procedural(procedural) {
    size_t pops = image.populations.size();
    rings.resize(pops);
    states.resize(pops);
    neurons.resize(pops);
    popSpikes.resize(pops);
    inSpikes.resize(image.inputs.size());
    for (size_t p = 0; p < pops; ++p) {
      const image::Population &pop = image.populations[p];
      rings[p].assign(size_t(topo.ringMask[p] + 1) * pop.size, Acc());
      states[p].assign(pop.size, State());
      neurons[p] = Arith::neurons(pop);
    }
    sliceEvents.assign(topo.slicePe.size(), 0);
    // Input slices update no neurons: they only pay the step overhead.
    sliceNeurons.assign(topo.slicePe.size(), 0);
    for (size_t p = 0; p < pops; ++p) {
      const std::vector<image::Slice> &slices = image.populations[p].slices;
      for (size_t s = 0; s < slices.size(); ++s)
        sliceNeurons[topo.sliceBase[topo.numInputs + p] + s] = slices[s].count;
    }
  }

  Expected<RunResult> run(const std::vector<SpikeTrain> &inputs,
                          const RunOptions &options, StepObserver *observer) {
    if (Status status = checkInputs(image, inputs); !status)
      return status.error();
    RunResult result;
    result.routerHopsModelled = topo.hopsModelled;
    result.outputs = makeTraces(image, options.steps);
    result.peLoads.resize(topo.slicePe.size());
    for (uint32_t s = 0; s < topo.slicePe.size(); ++s)
      result.peLoads[s] = {s, topo.slicePe[s], 0, 0, 0};
    if (options.recordAllSpikes)
      result.populationSpikes.resize(image.populations.size());
    std::vector<size_t> cursor(inputs.size(), 0);

    for (uint64_t t = 0; t < options.steps; ++t) {
      bool violated = step(t, inputs, cursor, options, result);
      if (violated && options.stopOnRealTimeViolation) {
        result.stopReason = StopReason::RealTimeViolation;
        break;
      }
      if (observer &&
          !observer->onStep({t, popSpikes, inSpikes, result.counters})) {
        result.stopReason = StopReason::ObserverStopped;
        break;
      }
    }
    if (result.steps < options.steps)
      for (OutputTrace &trace : result.outputs)
        if (trace.kind == image::OutputKind::Current)
          trace.values.resize(result.steps * trace.size);
    return result;
  }

private:
  /// Runs step t; true when a PE exceeded its cycle budget in it.
  bool step(uint64_t t, const std::vector<SpikeTrain> &inputs,
            std::vector<size_t> &cursor, const RunOptions &options,
            RunResult &result) {
    injectInputs(t, inputs, cursor);
    updatePopulations(t, result);
    deliverAll(t, result.counters);
    bool violated = accountCycles(result);
    result.steps = t + 1;
    record(t, result, options);
    return violated;
  }

  void injectInputs(uint64_t t, const std::vector<SpikeTrain> &inputs,
                    std::vector<size_t> &cursor) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      const std::vector<SpikeEvent> &events = inputs[i].events;
      inSpikes[i].clear();
      size_t &c = cursor[i];
      while (c < events.size() && events[c].step == t)
        inSpikes[i].push_back(events[c++].index);
    }
  }

  void updatePopulations(uint64_t t, RunResult &result) {
    EventCounters &counters = result.counters;
    for (size_t p = 0; p < image.populations.size(); ++p) {
      const image::Population &pop = image.populations[p];
      bool cuba = pop.model == image::NeuronModel::CubaLif;
      Acc *slot = rings[p].data() + size_t(t & topo.ringMask[p]) * pop.size;
      std::vector<uint32_t> &spikes = popSpikes[p];
      spikes.clear();
      for (uint32_t j = 0; j < pop.size; ++j) {
        if (Arith::update(neurons[p][j], cuba, pop.spiking, slot[j],
                          states[p][j]))
          spikes.push_back(j);
        slot[j] = Acc();
      }
      uint64_t words = (cuba ? 2 : 1) + 1;
      counters.neuronUpdates += pop.size;
      counters.sramWordsRead += words * pop.size;
      counters.sramWordsWritten += words * pop.size;
    }
  }

  void deliverAll(uint64_t t, EventCounters &counters) {
    for (size_t i = 0; i < inSpikes.size(); ++i)
      deliver(t, static_cast<uint32_t>(i), inSpikes[i], counters);
    for (size_t p = 0; p < popSpikes.size(); ++p)
      deliver(t, topo.numInputs + static_cast<uint32_t>(p), popSpikes[p],
              counters);
  }

  void deliver(uint64_t t, uint32_t source, const std::vector<uint32_t> &spikes,
               EventCounters &counters) {
    if (spikes.empty())
      return;
    const std::vector<uint8_t> &routed = topo.routed[source];
    for (uint32_t i : spikes)
      counters.packetsSent += routed[i];
    if (!topo.hops.empty())
      for (uint32_t i : spikes)
        counters.routerHops += topo.hops[source][i];
    uint64_t events = 0;
    for (uint32_t q : topo.outgoing[source]) {
      const image::Projection &proj = image.projections[q];
      uint32_t target = proj.target;
      uint32_t size = image.populations[target].size;
      uint32_t mask = topo.ringMask[target];
      Acc *ring = rings[target].data();
      const std::vector<uint32_t> &sliceOf = topo.sliceOfNeuron[target];
      uint64_t *slices =
          sliceEvents.data() + topo.sliceBase[topo.numInputs + target];
      uint64_t projEvents = 0;
      if (!proj.isProcedural) {
        const image::StoredSynapses &s = proj.stored;
        // One row pointer per delay keeps the per-synapse work to a load,
        // an add and a store.
        slotOfDelay.resize(mask + 1);
        for (uint32_t d = 0; d <= mask; ++d)
          slotOfDelay[d] = ring + ((t + d) & mask) * size;
        Acc *const *slot = slotOfDelay.data();
        const std::vector<uint32_t> &rowSlices = topo.rowSlices[q];
        size_t numSlices = image.populations[target].slices.size();
        // Locals, not members: ring stores could alias int32 fields and
        // force a reload per synapse.
        const uint16_t *delay = s.delay.data();
        const uint32_t *post = s.target.data();
        typename Arith::StoredWeights weight(proj);
        // Most compiled projections have one delay: skip its per-synapse
        // load.
        Acc *uniform =
            topo.uniformDelay[q] ? slot[topo.uniformDelay[q]] : nullptr;
        for (uint32_t i : spikes) {
          uint64_t begin = s.rowPtr[i], end = s.rowPtr[i + 1];
          if (uniform)
            for (uint64_t k = begin; k < end; ++k)
              Arith::add(uniform[post[k]], weight(k));
          else
            for (uint64_t k = begin; k < end; ++k)
              Arith::add(slot[delay[k]][post[k]], weight(k));
          projEvents += end - begin;
          if (!rowSlices.empty())
            for (size_t c = 0; c < numSlices; ++c)
              slices[c] += rowSlices[i * numSlices + c];
          else if (!sliceOf.empty())
            for (uint64_t k = begin; k < end; ++k)
              ++slices[sliceOf[s.target[k]]];
        }
      } else {
        size_t base = ((t + proj.procedural.delay) & mask) * size;
        for (uint32_t i : spikes) {
          const std::vector<image::ExpandedSynapse> &row = procedural.row(q, i);
          for (const image::ExpandedSynapse &syn : row)
            Arith::add(ring[base + syn.target], Arith::procedural(proj, syn));
          projEvents += row.size();
          if (!sliceOf.empty())
            for (const image::ExpandedSynapse &syn : row)
              ++slices[sliceOf[syn.target]];
        }
      }
      if (sliceOf.empty())
        slices[0] += projEvents;
      events += projEvents;
    }
    counters.synapticEvents += events;
    counters.sramWordsRead += events;
    counters.sramWordsWritten += events;
  }

  /// Charges this step's cycles to every PE; true when one exceeded the
  /// budget.
  bool accountCycles(RunResult &result) {
    const CycleModel &m = topo.cycles;
    bool violated = false;
    for (size_t s = 0; s < sliceEvents.size(); ++s) {
      PeLoad &load = result.peLoads[s];
      double cycles = m.perStepOverhead + m.perSynapticEvent * sliceEvents[s];
      sliceEvents[s] = 0;
      cycles += m.perNeuronUpdate * sliceNeurons[s];
      load.busyCycles += cycles;
      load.maxStepCycles = std::max(load.maxStepCycles, cycles);
      if (m.stepBudget > 0 && cycles > m.stepBudget) {
        ++load.violations;
        violated = true;
      }
    }
    result.realTimeViolations += violated;
    return violated;
  }

  void record(uint64_t t, RunResult &result, const RunOptions &options) {
    for (OutputTrace &trace : result.outputs) {
      const image::Population &pop = image.populations[trace.population];
      if (trace.kind == image::OutputKind::Spikes) {
        for (uint32_t j : popSpikes[trace.population])
          trace.spikes.push_back({t, j});
      } else {
        double *values = trace.values.data() + t * trace.size;
        for (uint32_t j = 0; j < trace.size; ++j)
          values[j] = Arith::value(states[trace.population][j], pop);
      }
    }
    if (options.recordAllSpikes)
      for (size_t p = 0; p < popSpikes.size(); ++p)
        for (uint32_t j : popSpikes[p])
          result.populationSpikes[p].push_back({t, j});
  }

  const image::Image &image;
  const Topology &topo;
  ProceduralCache &procedural;
  std::vector<std::vector<Acc>> rings;
  std::vector<std::vector<State>> states;
  std::vector<std::vector<Neuron>> neurons;
  std::vector<std::vector<uint32_t>> popSpikes;
  std::vector<std::vector<uint32_t>> inSpikes;
  /// Synaptic events landing in each global slice during the current step.
  std::vector<uint64_t> sliceEvents;
  /// Ring rows by delay for the current delivery.
  std::vector<Acc *> slotOfDelay;
  /// Neurons each global slice updates per step.
  std::vector<uint32_t> sliceNeurons;
};

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_SIMULATOR_H
