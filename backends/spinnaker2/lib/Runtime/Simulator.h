//===- Simulator.h - The event-driven step loop of all engines --*- C++ -*-===//
//
// One loop, parameterized by the arithmetic (Arith: fixed point for `ref`,
// double for `float`), so that both engines share the timing of
// docs/numerics.md §3 exactly: per step t, (1) take the input spikes of t,
// (2) update every population from ring slot t mod D and clear the slot,
// (3) deliver every spike of t into slot (t + delay) mod D. Synaptic work
// is proportional to spikes; counters are kept in aggregate per row.
//
// Arith provides: Acc (ring word), State, Neuron, neurons(image, p),
// update() or a whole-population sweep() (see sweeps()), valueScale(image,
// p) and value(state, scale) (readout in real units), Weight (what a synapse
// stores), weights(weightQ, weight) (which of a row store's two weight arrays
// it reads), widen(w, shift) (a weight as a ring word) and add(slot, w).
//
// Delivery reads the compact rows of Topology::storedRows and
// ProceduralCache: 16-bit targets where they fit, one ring row per delay
// group, slice counters per row rather than per synapse where that is
// cheaper (Topology::slicesPerRow).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_SIMULATOR_H
#define SNNC_SPINNAKER2_SIMULATOR_H

#include "ProceduralCache.h"
#include "RunSetup.h"
#include "Topology.h"
#include "snnc/Support/IsaLevel.h"

#include "snnc/runtime/Engine.h"
#include "snnc/spinnaker2/Counters.h"
#include "snnc/spinnaker2/ImageSections.h"

#include <algorithm>
#include <cstring>

namespace snnc::runtime::detail {
using support::IsaClones;
using support::IsaLevel;

/// True when Arith declares `static constexpr bool kOrderFree = true`: its
/// adds into a ring slot give the same result in any order (wrapping
/// integers do, doubles do not), so delivery may reorder them.
template <typename Arith> constexpr bool orderFree(...) { return false; }
template <typename Arith, bool Free = Arith::kOrderFree>
constexpr bool orderFree(int) {
  return Free;
}

/// True when Arith declares `static constexpr bool kSweeps = true` and a
/// `sweep(neurons, uniform, cuba, spiking, slot, state, size, fired, mask)`
/// that updates a whole population at once (see FixedSweep.h).
template <typename Arith> constexpr bool sweeps(...) { return false; }
template <typename Arith, bool Has = Arith::kSweeps>
constexpr bool sweeps(int) {
  return Has;
}

/// Adds the per-slice counts of the rows of `spikes` (row i at
/// counts + (rowAt ? rowAt[i] : i * stride)) to `into`, `stride` counters
/// each; a kernel of IsaClones, since the adds vectorise at any width.
[[gnu::always_inline]] inline void
addRowCounts(uint16_t *__restrict into, const uint16_t *counts,
             const uint64_t *rowAt, uint32_t stride, const uint32_t *spikes,
             size_t n) {
  for (size_t s = 0; s < n; ++s) {
    // Rows of the procedural cache lie scattered: fetch a few spikes ahead.
    if (rowAt && s + 8 < n)
      for (uint32_t c = 0; c < stride; c += 32)
        __builtin_prefetch(counts + rowAt[spikes[s + 8]] + c);
    const uint16_t *__restrict row =
        counts + (rowAt ? rowAt[spikes[s]] : uint64_t(spikes[s]) * stride);
    for (uint32_t c = 0; c < stride; ++c)
      into[c] += row[c];
  }
}

template <typename Arith> class Simulator {
  using Acc = typename Arith::Acc;
  using State = typename Arith::State;
  using Neuron = typename Arith::Neuron;
  using Weight = typename Arith::Weight;

  /// A row store's target and weight arrays, indexed by synapse.
  template <typename Index> struct RowArrays {
    const Index *target;
    const Weight *weight;
  };

public:
  Simulator(const image::Image &image, const Topology &topology,
            ProceduralCache &procedural)
      : image(image), fixed(spinnaker2::fixedPoint(image)), topo(topology),
        procedural(procedural) {
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
      neurons[p] = Arith::neurons(image, p);
      valueScale.push_back(Arith::valueScale(image, p));
      // Plain structs of integers or doubles without padding: equal bytes
      // mean equal constants.
      uniformNeurons.push_back(std::all_of(
          neurons[p].begin(), neurons[p].end(), [&](const Neuron &n) {
            return std::memcmp(&n, neurons[p].data(), sizeof(Neuron)) == 0;
          }));
    }
    sliceEvents.assign(topo.slicePe.size(), 0);
    sliceCountsAt.assign(pops, 0);
    for (size_t p = 0; p < pops; ++p)
      if (!topo.sliceOfNeuron[p].empty()) {
        sliceCountsAt[p] = stepSliceCounts.size();
        stepSliceCounts.resize(stepSliceCounts.size() + topo.sliceStride[p]);
      }
  }

  Expected<RunResult> run(const std::vector<SpikeTrain> &inputs,
                          const RunOptions &options, StepObserver *observer) {
    if (Status status = checkInputs(image, inputs); !status)
      return status.error();
    RunResult result = startRun(image, topo, options);
    InputCursor cursor(inputs);

    for (uint64_t t = 0; t < options.steps; ++t) {
      bool violated = step(t, cursor, options, result);
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
    finishRun(options, result);
    return result;
  }

private:
  /// Runs step t; true when a PE exceeded its cycle budget in it.
  bool step(uint64_t t, InputCursor &cursor, const RunOptions &options,
            RunResult &result) {
    cursor.step(t, inSpikes);
    updatePopulations(t, result);
    deliverAll(t, result.counters);
    bool violated = accountCycles(result);
    result.steps = t + 1;
    recordSpikes(t, popSpikes, options, result);
    recordReadouts(t, result);
    return violated;
  }

  void updatePopulations(uint64_t t, RunResult &result) {
    CounterSet &counters = result.counters;
    for (size_t p = 0; p < image.populations.size(); ++p) {
      const image::Population &pop = image.populations[p];
      bool cuba = pop.model == image::NeuronModel::CubaLif;
      Acc *slot = rings[p].data() + size_t(t & topo.ringMask[p]) * pop.size;
      spikeBuffer.resize(pop.size);
      uint32_t fired;
      if constexpr (sweeps<Arith>(0)) {
        spikeMask.resize(pop.size);
        fired = Arith::sweep(neurons[p].data(), uniformNeurons[p], cuba,
                             pop.spiking, slot, states[p].data(), pop.size,
                             spikeBuffer.data(), spikeMask.data());
      } else if (cuba)
        fired = pop.spiking ? updateAll<true, true>(p, slot)
                            : updateAll<true, false>(p, slot);
      else
        fired = pop.spiking ? updateAll<false, true>(p, slot)
                            : updateAll<false, false>(p, slot);
      popSpikes[p].assign(spikeBuffer.begin(), spikeBuffer.begin() + fired);
      uint64_t words = (cuba ? 2 : 1) + 1;
      counters[spinnaker2::NeuronUpdates] += pop.size;
      counters[spinnaker2::SramWordsRead] += words * pop.size;
      counters[spinnaker2::SramWordsWritten] += words * pop.size;
    }
  }

  /// Updates population p from its ring slot `slot`, clearing it, and
  /// lists the neurons that fired in spikeBuffer; returns their number.
  /// The model flags are template arguments so that the loop carries no
  /// per-neuron tests; a neuron's index is always written and kept only
  /// when it fired. Not inlined into run(): in a function of its own the
  /// loop keeps its state in registers (measured ~10% of a run faster).
  template <bool Cuba, bool Spiking>
  [[gnu::noinline]] uint32_t updateAll(size_t p, Acc *slot) {
    const Neuron *neuron = neurons[p].data();
    State *state = states[p].data();
    uint32_t *fired = spikeBuffer.data();
    uint32_t size = image.populations[p].size;
    uint32_t n = 0;
    if (uniformNeurons[p]) {
      // One set of constants, held in registers for the whole loop.
      const Neuron c = neuron[0];
      for (uint32_t j = 0; j < size; ++j) {
        fired[n] = j;
        n += Arith::update(c, Cuba, Spiking, slot[j], state[j]);
        slot[j] = Acc();
      }
      return n;
    }
    for (uint32_t j = 0; j < size; ++j) {
      fired[n] = j;
      n += Arith::update(neuron[j], Cuba, Spiking, slot[j], state[j]);
      slot[j] = Acc();
    }
    return n;
  }

  void deliverAll(uint64_t t, CounterSet &counters) {
    for (size_t i = 0; i < inSpikes.size(); ++i)
      deliver(t, static_cast<uint32_t>(i), inSpikes[i], counters);
    for (size_t p = 0; p < popSpikes.size(); ++p)
      deliver(t, topo.numInputs + static_cast<uint32_t>(p), popSpikes[p],
              counters);
  }

  void deliver(uint64_t t, uint32_t source, const std::vector<uint32_t> &spikes,
               CounterSet &counters) {
    if (spikes.empty())
      return;
    const std::vector<uint8_t> &routed = topo.routed[source];
    for (uint32_t i : spikes)
      counters[spinnaker2::PacketsSent] += routed[i];
    if (!topo.hops.empty())
      for (uint32_t i : spikes)
        counters[spinnaker2::RouterHops] += topo.hops[source][i];
    uint64_t events = 0;
    for (uint32_t q : topo.outgoing[source]) {
      const image::Projection &proj = image.projections[q];
      uint32_t target = proj.target;
      uint32_t size = image.populations[target].size;
      uint32_t mask = topo.ringMask[target];
      // One ring row pointer per delay keeps the per-synapse work to two
      // loads, an add and a store.
      slotOfDelay.resize(mask + 1);
      for (uint32_t d = 0; d <= mask; ++d)
        slotOfDelay[d] = rings[target].data() + ((t + d) & mask) * size;
      uint64_t projEvents = proj.isProcedural ? deliverProcedural(q, spikes)
                                              : deliverStored(q, spikes);
      if (topo.sliceOfNeuron[target].empty())
        sliceEvents[topo.sliceBase[topo.numInputs + target]] += projEvents;
      events += projEvents;
    }
    counters[spinnaker2::SynapticEvents] += events;
    counters[spinnaker2::SramWordsRead] += events;
    counters[spinnaker2::SramWordsWritten] += events;
  }

  uint64_t deliverStored(uint32_t q, const std::vector<uint32_t> &spikes) {
    const image::StoredSynapses &s = image.projections[q].stored;
    const StoredRows &rows = topo.storedRows[q];
    RowArrays<uint32_t> wide{
        rows.target32.empty() ? s.target.data() : rows.target32.data(),
        Arith::weights(
            rows.weightQ.empty() ? fixed.projections[q].weightQ.data()
                                 : rows.weightQ.data(),
            rows.weight.empty() ? s.weight.data() : rows.weight.data())};
    if (rows.target16.empty())
      return deliverStoredRows(q, wide, spikes);
    return deliverStoredRows(
        q, RowArrays<uint16_t>{rows.target16.data(), wide.weight}, spikes);
  }

  template <typename Index>
  uint64_t deliverStoredRows(uint32_t q, RowArrays<Index> row,
                             const std::vector<uint32_t> &spikes) {
    const image::Projection &proj = image.projections[q];
    const StoredRows &rows = topo.storedRows[q];
    const uint64_t *rowPtr = proj.stored.rowPtr.data();
    Acc *const *slot = slotOfDelay.data();
    int32_t shift = fixed.projections[q].shift;
    uint64_t events = 0;
    if (uint32_t uniform = topo.uniformDelay[q]) {
      events = addRows(slot[uniform], row, spikes, shift, [rowPtr](uint32_t i) {
        return std::pair<uint64_t, uint64_t>(rowPtr[i], rowPtr[i + 1]);
      });
    } else if (!rows.groupPtr.empty()) {
      const uint16_t *delay = rows.groupDelay.data();
      const uint64_t *groupEnd = rows.groupEnd.data();
      for (uint32_t i : spikes) {
        uint64_t begin = rowPtr[i];
        for (uint64_t g = rows.groupPtr[i]; g < rows.groupPtr[i + 1]; ++g) {
          addRow(slot[delay[g]], row, begin, groupEnd[g], shift);
          begin = groupEnd[g];
        }
        events += rowPtr[i + 1] - rowPtr[i];
      }
    }
    uint32_t target = proj.target;
    if (topo.sliceOfNeuron[target].empty())
      return events;
    uint64_t *slices =
        sliceEvents.data() + topo.sliceBase[topo.numInputs + target];
    if (topo.slicesPerRow[q]) {
      addSliceCounts(target, topo.rowSliceCounts[q].data(), nullptr, spikes,
                     topo.maxRowSliceCount[q]);
    } else {
      for (uint32_t i : spikes)
        countTargets(slices, topo.sliceOfNeuron[target].data(), row.target,
                     rowPtr[i], rowPtr[i + 1]);
    }
    return events;
  }

  uint64_t deliverProcedural(uint32_t q, const std::vector<uint32_t> &spikes) {
    procedural.expand(q, spikes, topo);
    const ProceduralCache::CompactRows &rows = procedural.compact(q);
    const Weight *weight =
        Arith::weights(rows.weightQ.data(), rows.weight.data());
    if (rows.target32.empty())
      return deliverProceduralRows(
          q, RowArrays<uint16_t>{rows.target16.data(), weight}, spikes);
    return deliverProceduralRows(
        q, RowArrays<uint32_t>{rows.target32.data(), weight}, spikes);
  }

  template <typename Index>
  uint64_t deliverProceduralRows(uint32_t q, RowArrays<Index> row,
                                 const std::vector<uint32_t> &spikes) {
    const image::Projection &proj = image.projections[q];
    const ProceduralCache::CompactRows &rows = procedural.compact(q);
    const uint64_t *rowBegin = rows.begin.data();
    const uint32_t *rowLength = rows.length.data();
    Acc *into = slotOfDelay[proj.procedural.delay];
    int32_t shift = fixed.projections[q].shift;
    uint64_t events =
        addRows(into, row, spikes, shift, [rowBegin, rowLength](uint32_t i) {
          return std::pair<uint64_t, uint64_t>(rowBegin[i],
                                               rowBegin[i] + rowLength[i]);
        });
    uint32_t target = proj.target;
    if (topo.sliceOfNeuron[target].empty())
      return events;
    uint64_t *slices =
        sliceEvents.data() + topo.sliceBase[topo.numInputs + target];
    if (topo.slicesPerRow[q]) {
      addSliceCounts(target, rows.sliceCounts.data(), rows.sliceAt.data(),
                     spikes, rows.maxSliceCount);
    } else {
      for (uint32_t i : spikes)
        countTargets(slices, topo.sliceOfNeuron[target].data(), row.target,
                     rowBegin[i], rowBegin[i] + rowLength[i]);
    }
    return events;
  }

  /// Delivers the rows of `spikes` (bounds(i) = [begin, end) of row i) into
  /// one ring slot; returns their synapse count. Where the order of adds
  /// cannot matter, four rows advance together: their adds are independent,
  /// so the core overlaps them, and a row's end costs one mispredicted
  /// branch per four rows.
  template <typename Index, typename Bounds>
  static uint64_t addRows(Acc *slot, RowArrays<Index> row,
                          const std::vector<uint32_t> &spikes, int32_t shift,
                          Bounds bounds) {
    uint64_t events = 0;
    size_t s = 0, n = spikes.size();
    if constexpr (orderFree<Arith>(0))
      for (; s + 4 <= n; s += 4) {
        if (s + 8 <= n)
          for (size_t k = s + 4; k < s + 8; ++k) {
            uint64_t next = bounds(spikes[k]).first;
            __builtin_prefetch(row.target + next);
            __builtin_prefetch(row.weight + next);
          }
        std::pair<uint64_t, uint64_t> r[4] = {
            bounds(spikes[s]), bounds(spikes[s + 1]), bounds(spikes[s + 2]),
            bounds(spikes[s + 3])};
        uint64_t common = r[0].second - r[0].first;
        for (int k = 1; k < 4; ++k)
          common = std::min(common, r[k].second - r[k].first);
        addFourRows(slot, row, r[0].first, r[1].first, r[2].first, r[3].first,
                    common, shift);
        for (int k = 0; k < 4; ++k) {
          addRow(slot, row, r[k].first + common, r[k].second, shift);
          events += r[k].second - r[k].first;
        }
      }
    for (; s < n; ++s) {
      std::pair<uint64_t, uint64_t> r = bounds(spikes[s]);
      addRow(slot, row, r.first, r.second, shift);
      events += r.second - r.first;
    }
    return events;
  }

  /// The first `count` synapses of four rows, interleaved.
  template <typename Index>
  static void addFourRows(Acc *slot, RowArrays<Index> row, uint64_t a,
                          uint64_t b, uint64_t c, uint64_t d, uint64_t count,
                          int32_t shift) {
    const Index *target = row.target;
    const Weight *weight = row.weight;
    for (uint64_t k = 0; k < count; ++k) {
      Arith::add(slot[target[a + k]], Arith::widen(weight[a + k], shift));
      Arith::add(slot[target[b + k]], Arith::widen(weight[b + k], shift));
      Arith::add(slot[target[c + k]], Arith::widen(weight[c + k], shift));
      Arith::add(slot[target[d + k]], Arith::widen(weight[d + k], shift));
    }
  }

  /// The hot loop: synapses [begin, end) of `row` into one ring slot.
  /// Arguments are locals, not members, so that ring stores cannot alias
  /// them and force reloads per synapse.
  template <typename Index>
  static void addRow(Acc *slot, RowArrays<Index> row, uint64_t begin,
                     uint64_t end, int32_t shift) {
    const Index *target = row.target;
    const Weight *weight = row.weight;
    for (uint64_t k = begin; k < end; ++k)
      Arith::add(slot[target[k]], Arith::widen(weight[k], shift));
  }

  /// Adds the per-slice counts of the rows of `spikes` (see addRowCounts(),
  /// at most `largest` each) to the step's 16-bit counters of `target`,
  /// moving the counters to sliceEvents before they could overflow.
  void addSliceCounts(uint32_t target, const uint16_t *counts,
                      const uint64_t *rowAt,
                      const std::vector<uint32_t> &spikes, uint16_t largest) {
    uint16_t *into = stepSliceCounts.data() + sliceCountsAt[target];
    uint32_t stride = topo.sliceStride[target];
    for (size_t done = 0, n = spikes.size(); done < n;) {
      if (largest > headroom)
        flushSliceCounts();
      size_t take =
          largest ? std::min<size_t>(n - done, headroom / largest) : n - done;
      IsaClones<addRowCounts>::run(into, counts, rowAt, stride,
                                   spikes.data() + done, take);
      headroom -= static_cast<uint32_t>(take * largest);
      done += take;
    }
  }

  void flushSliceCounts() {
    for (size_t p = 0; p < image.populations.size(); ++p) {
      if (topo.sliceOfNeuron[p].empty())
        continue;
      uint16_t *counts = stepSliceCounts.data() + sliceCountsAt[p];
      uint64_t *slices =
          sliceEvents.data() + topo.sliceBase[topo.numInputs + p];
      for (size_t c = 0; c < image.populations[p].slices.size(); ++c) {
        slices[c] += counts[c];
        counts[c] = 0;
      }
    }
    headroom = 65535;
  }

  template <typename Index>
  static void countTargets(uint64_t *slices, const uint32_t *sliceOf,
                           const Index *target, uint64_t begin, uint64_t end) {
    for (uint64_t k = begin; k < end; ++k)
      ++slices[sliceOf[target[k]]];
  }

  /// Charges this step's cycles to every PE; true when one exceeded the
  /// budget.
  bool accountCycles(RunResult &result) {
    flushSliceCounts();
    return chargeStepCycles(topo, sliceEvents, result);
  }

  void recordReadouts(uint64_t t, RunResult &result) {
    for (OutputTrace &trace : result.outputs) {
      if (trace.kind != image::OutputKind::Current)
        continue;
      double scale = valueScale[trace.population];
      double *values = trace.values.data() + t * trace.size;
      for (uint32_t j = 0; j < trace.size; ++j)
        values[j] = Arith::value(states[trace.population][j], scale);
    }
  }

  const image::Image &image;
  const spinnaker2::FixedPointSection &fixed;
  const Topology &topo;
  ProceduralCache &procedural;
  std::vector<std::vector<Acc>> rings;
  std::vector<std::vector<State>> states;
  std::vector<std::vector<Neuron>> neurons;
  /// Real units per unit of state, per population (readouts).
  std::vector<double> valueScale;
  std::vector<std::vector<uint32_t>> popSpikes;
  std::vector<std::vector<uint32_t>> inSpikes;
  /// The step's 16-bit per-slice event counters of each population with
  /// several slices, at sliceCountsAt[p] (see addSliceCounts()), and how
  /// much any counter may still grow before they must be flushed.
  std::vector<uint16_t> stepSliceCounts;
  std::vector<uint64_t> sliceCountsAt;
  uint32_t headroom = 65535;
  /// Per population: 1 when all its neurons share one set of constants.
  std::vector<uint8_t> uniformNeurons;
  /// Scratch of the neuron phase: room for every neuron of a population.
  std::vector<uint32_t> spikeBuffer;
  std::vector<uint8_t> spikeMask;
  /// Synaptic events landing in each global slice during the current step.
  std::vector<uint64_t> sliceEvents;
  /// Ring rows by delay for the current delivery.
  std::vector<Acc *> slotOfDelay;
};

} // namespace snnc::runtime::detail

#endif // SNNC_SPINNAKER2_SIMULATOR_H
