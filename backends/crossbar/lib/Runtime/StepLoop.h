//===- StepLoop.h - The step loop of the crossbar's C++ engines -*- C++ -*-===//
//
// One loop for `ref` and `float`, parameterized by the arithmetic, so that
// both keep the timing of docs/crossbar.md exactly: per step t, (1) the
// input spikes of t, (2) every population's periphery updates its neurons
// from ring slot t and clears it, (3) every spike of t drives the rows of
// the tiles of its source; each such tile is read once in step t and its
// columns land in slot t + the tile's delay. Arith provides Acc (ring
// word), State, update(p, j, acc, state), value(p, state) (a readout in
// real units) and read(use, rows, t, slot, counts) (one tile read).
// Counters and cycles are the loop's, so both engines count alike.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_STEPLOOP_H
#define SNNC_CROSSBAR_STEPLOOP_H

#include "snnc/crossbar/ChipProgram.h"

#include "snnc/crossbar/Counters.h"
#include "snnc/runtime/RunBookkeeping.h"

#include <algorithm>
#include <memory>

namespace snnc::crossbar {

template <typename Arith> class StepLoop {
  using Acc = typename Arith::Acc;
  using State = typename Arith::State;

public:
  StepLoop(const ChipProgram &prog, Arith &arith) : prog(prog), arith(arith) {
    const image::Image &image = *prog.image;
    size_t pops = image.populations.size();
    rings.resize(pops);
    states.resize(pops);
    popSpikes.resize(pops);
    for (size_t p = 0; p < pops; ++p) {
      rings[p].assign(size_t(prog.ringMask[p] + 1) * image.populations[p].size,
                      Acc());
      states[p].assign(image.populations[p].size, State());
    }
    tilesRead.assign(prog.unitPe.size(), 0);
    digitalWords.assign(prog.unitPe.size(), 0);
  }

  runtime::Expected<runtime::RunResult>
  run(const std::vector<runtime::SpikeTrain> &inputs,
      const runtime::RunOptions &options, runtime::StepObserver *observer) {
    const image::Image &image = *prog.image;
    if (runtime::Status status = runtime::detail::checkInputs(image, inputs);
        !status)
      return status.error();
    runtime::RunResult result =
        runtime::detail::startRun(image, options, counterSchema());
    result.routerHopsModelled = prog.hopsModelled;
    result.peLoads.resize(prog.unitPe.size());
    for (uint32_t u = 0; u < prog.unitPe.size(); ++u)
      result.peLoads[u] = {u, prog.unitPe[u], 0, 0, 0};
    runtime::detail::InputCursor cursor(inputs);

    for (uint64_t t = 0; t < options.steps; ++t) {
      cursor.step(t, inSpikes);
      for (std::vector<uint32_t> &spikes : inSpikes)
        if (!std::is_sorted(spikes.begin(), spikes.end()) ||
            std::adjacent_find(spikes.begin(), spikes.end()) != spikes.end()) {
          std::sort(spikes.begin(), spikes.end());
          spikes.erase(std::unique(spikes.begin(), spikes.end()), spikes.end());
        }
      updateNeurons(t, result.counters);
      runtime::detail::recordSpikes(t, popSpikes, options, result);
      recordReadouts(t, result);
      ReadCounts counts;
      for (size_t i = 0; i < inSpikes.size(); ++i)
        deliver(t, uint32_t(i), inSpikes[i], counts, result.counters);
      for (size_t p = 0; p < popSpikes.size(); ++p)
        deliver(t, prog.numInputs + uint32_t(p), popSpikes[p], counts,
                result.counters);
      runtime::CounterSet &c = result.counters;
      c[SynapticEvents] += counts.cellReads;
      c[RowDrives] += counts.rowDrives;
      c[ConductanceReadsNs] += counts.conductanceNs;
      c[AdcConversions] += counts.conversions;
      c[AdcSaturations] += counts.saturations;
      c[DigitalWeightReads] += counts.digitalReads;
      chargeCycles(result);
      result.steps = t + 1;
      if (observer &&
          !observer->onStep({t, popSpikes, inSpikes, result.counters})) {
        result.stopReason = runtime::StopReason::ObserverStopped;
        break;
      }
    }
    runtime::detail::finishRun(options, result);
    return result;
  }

private:
  void updateNeurons(uint64_t t, runtime::CounterSet &counters) {
    const image::Image &image = *prog.image;
    for (size_t p = 0; p < popSpikes.size(); ++p) {
      uint32_t size = image.populations[p].size;
      Acc *slot = rings[p].data() + (t & prog.ringMask[p]) * size;
      std::vector<uint32_t> &fired = popSpikes[p];
      fired.clear();
      for (uint32_t j = 0; j < size; ++j) {
        if (arith.update(p, j, slot[j], states[p][j]))
          fired.push_back(j);
        slot[j] = Acc();
      }
      counters[NeuronUpdates] += size;
    }
  }

  void recordReadouts(uint64_t t, runtime::RunResult &result) {
    for (runtime::OutputTrace &trace : result.outputs) {
      if (trace.kind != image::OutputKind::Current)
        continue;
      double *values = trace.values.data() + t * trace.size;
      for (uint32_t j = 0; j < trace.size; ++j)
        values[j] = arith.value(trace.population, states[trace.population][j]);
    }
  }

  void deliver(uint64_t t, uint32_t source, const std::vector<uint32_t> &spikes,
               ReadCounts &counts, runtime::CounterSet &counters) {
    if (spikes.empty() || prog.uses[source].empty())
      return;
    for (uint32_t e : spikes) {
      counters[PacketsSent] += prog.sent[source][e];
      counters[RouterHops] += prog.hops[source][e];
    }
    const image::Image &image = *prog.image;
    for (const TileUse &use : prog.uses[source]) {
      activeRows(spikes, use.rowFirst, use.rowCount, rows);
      if (rows.empty())
        continue;
      uint32_t size = image.populations[use.target].size;
      Acc *slot = rings[use.target].data() +
                  ((t + use.delay) & prog.ringMask[use.target]) * size +
                  use.colFirst;
      arith.read(use, rows, t, slot, counts);
      if (prog.unitOfTile.empty())
        continue;
      uint32_t unit = prog.unitOfTile[use.tile];
      const ReadyTile &tile = prog.tiles[use.tile];
      if (tile.digital)
        digitalWords[unit] += uint64_t(rows.size()) * tile.cols;
      else
        ++tilesRead[unit];
    }
  }

  /// docs/crossbar.md, "Cycles": a unit whose tiles are read spends one
  /// read (its tiles read in parallel, each with its own ADCs) plus one
  /// cycle per tile to add its partial sums, one cycle per digital weight
  /// fetched and added, then one cycle per neuron.
  void chargeCycles(runtime::RunResult &result) {
    for (size_t u = 0; u < tilesRead.size(); ++u) {
      uint64_t k = tilesRead[u];
      double cycles = double(k ? prog.readCycles + k : 0) +
                      double(digitalWords[u]) + double(prog.unitNeurons[u]);
      runtime::detail::chargeLoad(result.peLoads[u], cycles, cycles, 0);
      tilesRead[u] = 0;
      digitalWords[u] = 0;
    }
  }

  const ChipProgram &prog;
  Arith &arith;
  std::vector<std::vector<Acc>> rings;
  std::vector<std::vector<State>> states;
  std::vector<std::vector<uint32_t>> popSpikes, inSpikes;
  std::vector<uint32_t> rows;
  std::vector<uint64_t> tilesRead, digitalWords;
};

/// An engine that runs StepLoop<Arith> over one program; Arith is built
/// once from the program (its tables outlive runs).
template <typename Arith> class LoopEngine : public runtime::Engine {
public:
  LoopEngine(const char *engineName, ChipProgram program)
      : engineName(engineName), prog(std::move(program)), arith(prog) {}
  const char *name() const override { return engineName; }
  runtime::Expected<runtime::RunResult>
  run(const std::vector<runtime::SpikeTrain> &inputs,
      const runtime::RunOptions &options,
      runtime::StepObserver *observer) override {
    StepLoop<Arith> loop(prog, arith);
    return loop.run(inputs, options, observer);
  }

private:
  const char *engineName;
  ChipProgram prog;
  Arith arith;
};

/// The engine `name` of `image`, or why its program cannot be derived.
template <typename Arith>
runtime::Expected<std::unique_ptr<runtime::Engine>>
makeLoopEngine(const char *name, const image::Image &image) {
  image::Expected<ChipProgram> prog = loadChipProgram(image);
  if (!prog)
    return prog.error();
  return std::unique_ptr<runtime::Engine>(
      std::make_unique<LoopEngine<Arith>>(name, std::move(*prog)));
}

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_STEPLOOP_H
