//===- NirFloatEngine.cpp - NIR's discrete-time semantics in double -------===//
//
// The step loop of the `nir` engine. Unlike detail::Simulator, which updates
// every population and then delivers every spike (so that no spike is seen
// before the next step), a step here delivers each population's spikes as
// soon as it is updated, in NirSchedule order: a zero-delay synapse writes
// into the ring slot its target is about to read in the same step.
//
//===----------------------------------------------------------------------===//

#include "snnc/spinnaker2/NirFloatEngine.h"

#include "EngineData.h"
#include "NirSchedule.h"
#include "RunSetup.h"
#include "snnc/runtime/FloatNeuron.h"

#include "snnc/spinnaker2/Counters.h"

#include <algorithm>

namespace snnc::runtime {

namespace {

using NeuronState = FloatNeuronState;

class NirRun {
public:
  NirRun(const image::Image &image, const detail::Topology &topology,
         detail::ProceduralCache &procedural,
         const detail::NirSchedule &schedule)
      : image(image), topo(topology), procedural(procedural),
        schedule(schedule) {
    size_t pops = image.populations.size();
    rings.resize(pops);
    states.resize(pops);
    popSpikes.resize(pops);
    inSpikes.resize(image.inputs.size());
    for (size_t p = 0; p < pops; ++p) {
      // Topology sizes rings for the image's delays, which are never
      // shorter than the NIR delays (NirSchedule::delay).
      rings[p].assign(size_t(topo.ringMask[p] + 1) * image.populations[p].size,
                      0.0);
      states[p].assign(image.populations[p].size, NeuronState());
    }
    sliceEvents.assign(topo.slicePe.size(), 0);
  }

  Expected<RunResult> run(const std::vector<SpikeTrain> &inputs,
                          const RunOptions &options, StepObserver *observer) {
    if (Status status = detail::checkInputs(image, inputs); !status)
      return status.error();
    RunResult result = detail::startRun(image, topo, options);
    detail::InputCursor cursor(inputs);

    for (uint64_t t = 0; t < options.steps; ++t) {
      injectInputs(t, cursor, result.counters);
      for (uint32_t p : schedule.order) {
        update(t, p, result.counters);
        deliver(t, topo.numInputs + p, popSpikes[p], result.counters);
      }
      bool violated = detail::chargeStepCycles(topo, sliceEvents, result);
      result.steps = t + 1;
      detail::recordSpikes(t, popSpikes, options, result);
      recordReadouts(t, result);
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
    detail::finishRun(options, result);
    return result;
  }

private:
  void injectInputs(uint64_t t, detail::InputCursor &cursor,
                    CounterSet &counters) {
    cursor.step(t, inSpikes);
    for (size_t i = 0; i < inSpikes.size(); ++i)
      deliver(t, static_cast<uint32_t>(i), inSpikes[i], counters);
  }

  void update(uint64_t t, uint32_t p, CounterSet &counters) {
    const image::Population &pop = image.populations[p];
    bool cuba = pop.model == image::NeuronModel::CubaLif;
    double *slot = rings[p].data() + size_t(t & topo.ringMask[p]) * pop.size;
    std::vector<uint32_t> &spikes = popSpikes[p];
    spikes.clear();
    for (uint32_t j = 0; j < pop.size; ++j) {
      if (stepFloatNeuron(pop.floatParams[j], cuba, pop.spiking, slot[j],
                          states[p][j]))
        spikes.push_back(j);
      slot[j] = 0.0;
    }
    uint64_t words = (cuba ? 2 : 1) + 1;
    counters[spinnaker2::NeuronUpdates] += pop.size;
    counters[spinnaker2::SramWordsRead] += words * pop.size;
    counters[spinnaker2::SramWordsWritten] += words * pop.size;
  }

  void deliver(uint64_t t, uint32_t source, const std::vector<uint32_t> &spikes,
               CounterSet &counters) {
    if (spikes.empty())
      return;
    for (uint32_t i : spikes)
      counters[spinnaker2::PacketsSent] += topo.routed[source][i];
    if (!topo.hops.empty())
      for (uint32_t i : spikes)
        counters[spinnaker2::RouterHops] += topo.hops[source][i];
    uint64_t events = 0;
    for (uint32_t q : topo.outgoing[source]) {
      const image::Projection &proj = image.projections[q];
      uint32_t size = image.populations[proj.target].size;
      uint32_t mask = topo.ringMask[proj.target];
      double *ring = rings[proj.target].data();
      const std::vector<uint32_t> &sliceOf = topo.sliceOfNeuron[proj.target];
      uint64_t *slices =
          sliceEvents.data() + topo.sliceBase[topo.numInputs + proj.target];
      uint64_t projEvents = 0;
      if (!proj.isProcedural) {
        const image::StoredSynapses &s = proj.stored;
        for (uint32_t i : spikes) {
          uint64_t begin = s.rowPtr[i], end = s.rowPtr[i + 1];
          for (uint64_t k = begin; k < end; ++k) {
            uint64_t d = schedule.delay(proj, q, s.delay[k]);
            ring[((t + d) & mask) * size + s.target[k]] += s.weight[k];
            if (!sliceOf.empty())
              ++slices[sliceOf[s.target[k]]];
          }
          projEvents += end - begin;
        }
      } else {
        size_t base = ((t + proj.procedural.delay) & mask) * size;
        for (uint32_t i : spikes) {
          const std::vector<image::ExpandedSynapse> &row = procedural.row(q, i);
          for (const image::ExpandedSynapse &syn : row) {
            ring[base + syn.target] += syn.weight;
            if (!sliceOf.empty())
              ++slices[sliceOf[syn.target]];
          }
          projEvents += row.size();
        }
      }
      if (sliceOf.empty())
        slices[0] += projEvents;
      events += projEvents;
    }
    counters[spinnaker2::SynapticEvents] += events;
    counters[spinnaker2::SramWordsRead] += events;
    counters[spinnaker2::SramWordsWritten] += events;
  }

  void recordReadouts(uint64_t t, RunResult &result) {
    for (OutputTrace &trace : result.outputs) {
      if (trace.kind != image::OutputKind::Current)
        continue;
      double *values = trace.values.data() + t * trace.size;
      for (uint32_t j = 0; j < trace.size; ++j)
        values[j] = states[trace.population][j].v;
    }
  }

  const image::Image &image;
  const detail::Topology &topo;
  detail::ProceduralCache &procedural;
  const detail::NirSchedule &schedule;
  std::vector<std::vector<double>> rings;
  std::vector<std::vector<NeuronState>> states;
  std::vector<std::vector<uint32_t>> popSpikes;
  std::vector<std::vector<uint32_t>> inSpikes;
  std::vector<uint64_t> sliceEvents;
};

} // namespace

NirFloatEngine::NirFloatEngine(const image::Image &image)
    : data(std::make_unique<detail::EngineData>(image)),
      schedule(std::make_unique<detail::NirSchedule>(
          detail::buildNirSchedule(image, data->topology))) {}

NirFloatEngine::~NirFloatEngine() = default;

const std::vector<uint32_t> &NirFloatEngine::updateOrder() const {
  return schedule->order;
}

bool NirFloatEngine::isRecurrent(uint32_t q) const {
  return q < schedule->recurrent.size() && schedule->recurrent[q];
}

Expected<RunResult> NirFloatEngine::run(const std::vector<SpikeTrain> &inputs,
                                        const RunOptions &options,
                                        StepObserver *observer) {
  if (data->image.rule != image::Discretization::Euler)
    return ImageError{
        "manifest.json",
        std::string("the nir engine integrates NIR's equations by forward "
                    "Euler, but this image was discretized with rule=") +
            image::toString(data->image.rule) +
            "; compile it with --rule euler"};
  NirRun sim(data->image, data->topology, data->procedural, *schedule);
  return sim.run(inputs, options, observer);
}

} // namespace snnc::runtime
