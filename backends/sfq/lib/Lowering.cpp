//===- Lowering.cpp - A spiking network to an SFQ netlist -----------------===//

#include "LoweringBuilder.h"
#include "snnc/Support/FormatNumber.h"

#include <algorithm>
#include <cmath>

namespace snnc::sfq {
namespace detail {

void Builder::fanOut(Pin from, const std::vector<Pin> &dests, size_t first,
                     size_t count, uint32_t depth) {
  if (count == 0) {
    out.netlist.connect(from, {add(CellKind::Sink), 0});
    return;
  }
  if (count == 1) {
    out.netlist.connect(from, dests[first]);
    if (dests[first].cell < splitDepth.size())
      splitDepth[dests[first].cell] = depth;
    return;
  }
  uint32_t split = add(CellKind::Split);
  out.netlist.connect(from, {split, 0});
  size_t left = (count + 1) / 2;
  fanOut({split, 0}, dests, first, left, depth + 1);
  fanOut({split, 1}, dests, first + left, count - left, depth + 1);
}

void Builder::fanIn(const std::vector<Pin> &sources, size_t first, size_t count,
                    Pin to, uint32_t depth) {
  if (count == 1) {
    out.netlist.connect(sources[first], to);
    if (sources[first].cell < mergeDepth.size())
      mergeDepth[sources[first].cell] = depth;
    return;
  }
  uint32_t merge = add(CellKind::Merge);
  out.netlist.connect({merge, 0}, to);
  size_t left = (count + 1) / 2;
  fanIn(sources, first, left, {merge, 0}, depth + 1);
  fanIn(sources, first + left, count - left, {merge, 1}, depth + 1);
}

std::optional<ImageError> Builder::survey() {
  maxAbs.resize(net.populations.size());
  for (uint32_t p = 0; p < net.populations.size(); ++p) {
    const image::Population &pop = net.populations[p];
    maxAbs[p].assign(pop.size, 0.0);
    if (pop.spiking)
      for (uint32_t j = 0; j < pop.size; ++j)
        if (!std::isfinite(pop.floatParams[j].threshold) ||
            pop.floatParams[j].threshold <= 0)
          return ImageError{"", neuronName(net, p, j) + " has threshold " +
                                    formatNumber(pop.floatParams[j].threshold) +
                                    "; a fluxon-counting neuron needs a "
                                    "finite threshold > 0"};
  }
  std::optional<ImageError> failed;
  for (uint32_t i = 0; i < net.projections.size() && !failed; ++i) {
    const image::Projection &proj = net.projections[i];
    if (!net.populations[proj.target].spiking)
      continue;
    forEachSynapse(net, i, [&](const Connection &c) {
      if (failed || c.weight == 0)
        return;
      if (!std::isfinite(c.weight)) {
        failed = ImageError{"", "synapse " + std::to_string(c.pre) + " -> " +
                                    std::to_string(c.post) +
                                    " of projection '" + proj.name +
                                    "' has weight " + formatNumber(c.weight) +
                                    ", which no pass probability represents"};
        return;
      }
      double &peak = maxAbs[proj.target][c.post];
      peak = std::max(peak, double(std::abs(c.weight)));
      ++synapseTotal;
    });
  }
  if (failed)
    return failed;
  // Every synapse brings at most one splitter and one merger.
  uint64_t sources = 0, neurons = 0;
  for (const image::InputPort &port : net.inputs)
    sources += port.size;
  for (const image::Population &pop : net.populations)
    neurons += pop.spiking ? pop.size : 0;
  uint64_t bound = sources + 2 * neurons + 3 * synapseTotal + 64;
  if (bound > model.maxCells)
    return ImageError{"", "the network has " + std::to_string(synapseTotal) +
                              " synapses and " + std::to_string(neurons) +
                              " neurons, up to " + std::to_string(bound) +
                              " cells with their trees; snnc lowers at most " +
                              std::to_string(model.maxCells) + " (max_cells)"};
  return std::nullopt;
}

std::optional<ImageError> Builder::neurons() {
  uint64_t thetaMax = maxTheta(model, library.phi0Wb);
  if (thetaMax < 1)
    return ImageError{"", "a neuron loop of " +
                              formatNumber(model.loopInductancePh) +
                              " pH under an output junction of " +
                              formatNumber(model.outputIcUa) +
                              " uA holds no fluxon (Ic,out L / Phi0 < 1): "
                              "raise loop_inductance_ph or output_ic_ua"};
  out.neuronCell.resize(net.populations.size());
  for (uint32_t p = 0; p < net.populations.size(); ++p) {
    const image::Population &pop = net.populations[p];
    populationOffset.push_back(uint32_t(sourceCell.size()));
    if (!pop.spiking) {
      out.neuronCell[p].assign(pop.size, kNoCell);
      sourceCell.insert(sourceCell.end(), pop.size, kNoCell);
      continue;
    }
    for (uint32_t j = 0; j < pop.size; ++j) {
      const image::FloatNeuron &f = pop.floatParams[j];
      double unit = maxAbs[p][j] * unitGain(pop, f);
      if (model.synapseMode == SynapseMode::Deterministic)
        unit /= model.maxPulses;
      uint64_t theta = 1;
      if (unit > 0) {
        // The float update fires on v > threshold (strict), so after
        // floor(threshold / unit) + 1 pulses of full weight.
        double wanted = std::floor(f.threshold / unit) + 1;
        if (!(wanted <= double(thetaMax)))
          return ImageError{
              "",
              neuronName(net, p, j) + " needs a threshold of " +
                  formatNumber(wanted) + " fluxons (threshold " +
                  formatNumber(f.threshold) + " over " + formatNumber(unit) +
                  " per pulse); its loop holds at most " +
                  std::to_string(thetaMax) + " (floor(Ic,out L / Phi0) at " +
                  formatNumber(model.outputIcUa) + " uA and " +
                  formatNumber(model.loopInductancePh) +
                  " pH): raise loop_inductance_ph or output_ic_ua"};
        theta = uint64_t(wanted);
      }
      if (f.drive != 0 || f.bias != 0)
        ++out.drivesIgnored;
      uint64_t leak = 0;
      if (model.leak && f.decay < 1)
        leak = std::max<uint64_t>(
            1, uint64_t(std::llround(1.0 / ((1.0 - f.decay) * double(theta)))));
      CellMeta meta;
      meta.owner = int32_t(p);
      meta.index = j;
      meta.tunedBiasUa = neuronBiasUa(model, theta, library.phi0Wb);
      uint32_t cell = add(CellKind::Neuron, theta, uint64_t(model.reset), meta);
      out.neuronCell[p].push_back(cell);
      sourceCell.push_back(cell);
      leakSlots.resize(cell + 1, 0);
      leakSlots[cell] = leak;
    }
  }
  return std::nullopt;
}

std::optional<ImageError> Builder::synapses() {
  double pTop = normalCdf((model.biasMaxUa - model.i50Ua) / model.sigmaUa);
  double pLow = normalCdf((model.biasMinUa - model.i50Ua) / model.sigmaUa);
  // A pulser's train passes a merger one pulse per window, a clocked tree
  // one per cycle.
  uint64_t spacing =
      out.clocked
          ? model.clockTicks()
          : std::max<uint64_t>(1, window(library, CellKind::Merge, 0, 0));
  double errorSum = 0;
  uint64_t stochastic = 0;
  excInputs.resize(out.netlist.size());
  inhInputs.resize(out.netlist.size());
  out.projections.resize(net.projections.size());
  std::vector<uint64_t> perSource, perTarget;
  std::optional<ImageError> failed;
  for (uint32_t i = 0; i < net.projections.size(); ++i) {
    const image::Projection &proj = net.projections[i];
    const image::Population &target = net.populations[proj.target];
    ProjectionStructure &structure = out.projections[i];
    structure.name = proj.name;
    if (!target.spiking)
      continue;
    bool fromInput = proj.source.kind == image::SourceKind::Input;
    uint32_t base = fromInput ? inputOffset[proj.source.index]
                              : populationOffset[proj.source.index];
    perSource.assign(image::sourceSize(net, proj.source), 0);
    perTarget.assign(2 * size_t(target.size), 0);
    forEachSynapse(net, i, [&](const Connection &c) {
      if (failed || c.weight == 0)
        return;
      double peak = maxAbs[proj.target][c.post];
      CellMeta meta;
      meta.owner = int32_t(i);
      meta.index = c.pre;
      meta.post = c.post;
      meta.weight = c.weight;
      meta.pWanted = std::abs(c.weight) / peak * pTop;
      uint32_t cell;
      if (model.synapseMode == SynapseMode::Stochastic) {
        if (meta.pWanted < pLow / 2) {
          failed = ImageError{
              "", "synapse " + std::to_string(c.pre) + " -> " +
                      std::to_string(c.post) + " of projection '" + proj.name +
                      "' (weight " + formatNumber(c.weight) +
                      ") needs pass probability " + formatNumber(meta.pWanted) +
                      ", below the " + formatNumber(pLow) +
                      " the bias DAC's lowest code sets (" +
                      formatNumber(model.biasMinUa) +
                      " uA): its weight is too small beside the largest onto "
                      "that neuron (" +
                      formatNumber(peak) + ")"};
          return;
        }
        SynapseBias bias = synapseBiasFor(model, meta.pWanted);
        meta.code = bias.code;
        meta.p = bias.p;
        meta.tunedBiasUa = bias.biasUa;
        double error = std::abs(bias.p - meta.pWanted);
        errorSum += error;
        out.maxPassError = std::max(out.maxPassError, error);
        ++stochastic;
        cell = add(CellKind::Synapse, bias.threshold, nextSynapseId++, meta);
      } else {
        uint64_t k =
            uint64_t(std::llround(std::abs(c.weight) / peak * model.maxPulses));
        if (k == 0) {
          ++out.weightsDropped;
          return;
        }
        meta.p = 1;
        cell = add(CellKind::Pulser, k, spacing, meta);
      }
      if (c.delay > 1)
        ++out.delaysNotModelled;
      sourceDests[base + c.pre].push_back({cell, 0});
      uint32_t neuron = out.neuronCell[proj.target][c.post];
      (c.weight > 0 ? excInputs : inhInputs)[neuron].push_back({cell, 0});
      ++structure.synapses;
      ++perSource[c.pre];
      ++perTarget[2 * size_t(c.post) + (c.weight > 0 ? 0 : 1)];
    });
    if (failed)
      return failed;
    for (uint64_t n : perSource)
      structure.splitters += n ? n - 1 : 0;
    for (uint64_t m : perTarget)
      structure.mergers += m ? m - 1 : 0;
  }
  out.meanPassError = stochastic ? errorSum / double(stochastic) : 0;
  return std::nullopt;
}

std::optional<ImageError> Builder::trees() {
  splitDepth.assign(out.netlist.size(), 0);
  mergeDepth.assign(out.netlist.size(), 0);
  // The widest tree is named, so that the rate it suggests serves all.
  uint32_t widest = kNoCell;
  bool widestInhibitory = false;
  for (uint32_t cell = 0; cell < excInputs.size(); ++cell)
    for (bool inhibitory : {false, true}) {
      uint64_t m = (inhibitory ? inhInputs : excInputs)[cell].size();
      if (m > out.maxFanIn) {
        out.maxFanIn = m;
        widest = cell;
        widestInhibitory = inhibitory;
      }
    }
  if (widest != kNoCell) {
    const CellMeta &meta = out.meta[widest];
    out.maxFanInNeuron = neuronName(net, uint32_t(meta.owner), meta.index);
  }
  if (out.clocked) {
    clockedTrees();
  } else {
    if (auto e = mergerTreesFitSlot(widestInhibitory))
      return e;
    for (uint32_t cell = 0; cell < excInputs.size(); ++cell) {
      if (!excInputs[cell].empty())
        fanIn(excInputs[cell], 0, excInputs[cell].size(), {cell, 0}, 0);
      if (!inhInputs[cell].empty())
        fanIn(inhInputs[cell], 0, inhInputs[cell].size(), {cell, 1}, 0);
    }
  }
  for (uint32_t s = 0; s < sourceCell.size(); ++s)
    if (sourceCell[s] != kNoCell)
      fanOut({sourceCell[s], 0}, sourceDests[s], 0, sourceDests[s].size(), 0);
  return std::nullopt;
}

/// An asynchronous merger tree passes one pulse per same-input window; a
/// neuron's pulses of one slot must all pass.
std::optional<ImageError> Builder::mergerTreesFitSlot(bool widestInhibitory) {
  uint64_t separation = window(library, CellKind::Merge, 0, 0);
  uint64_t m = out.maxFanIn;
  if (m > 1 && m * separation > out.slotTicks)
    return ImageError{
        "", out.maxFanInNeuron + " has fan-in " + std::to_string(m) +
                (widestInhibitory ? " (inhibitory)" : " (excitatory)") +
                ", the network's widest; its merger tree passes one pulse "
                "per " +
                formatNumber(double(separation) / 10) +
                " ps (merge a->a separation), so " + std::to_string(m) +
                " pulses need " + formatNumber(double(m * separation) / 10) +
                " ps, more than the " +
                formatNumber(double(out.slotTicks) / 10) +
                " ps slot at pulse_rate_hz " + formatNumber(model.pulseRateHz) +
                ": lower pulse_rate_hz to at most " +
                formatNumber(1e13 / double(m * separation))};
  return std::nullopt;
}

/// A source pulses at most once per slot; every asynchronous cell it
/// drives must accept a pulse per slot on one input.
std::optional<ImageError> Builder::slotFitsCells() {
  // The widest window is named, so that the rate it suggests serves all.
  std::vector<uint64_t> used = out.netlist.countByKind();
  const Separation *widest = nullptr;
  size_t widestKind = 0;
  for (size_t k = 0; k < kNumCellKinds; ++k) {
    if (!used[k] || kindInfo(CellKind(k)).clocked)
      continue;
    for (const Separation &s : library.cells[k].timing.separations)
      if (s.after == s.on && (!widest || s.ticks > widest->ticks)) {
        widest = &s;
        widestKind = k;
      }
  }
  if (!widest || widest->ticks <= out.slotTicks)
    return std::nullopt;
  const CellKindInfo &info = kindInfo(CellKind(widestKind));
  return ImageError{
      "", std::string("a ") + info.name + " cell accepts a pulse on input " +
              info.inputNames[widest->on] + " at most every " +
              formatNumber(double(widest->ticks) / 10) +
              " ps (its separation window), more than the " +
              formatNumber(double(out.slotTicks) / 10) +
              " ps slot at pulse_rate_hz " + formatNumber(model.pulseRateHz) +
              ": lower pulse_rate_hz to at most " +
              formatNumber(1e13 / double(widest->ticks))};
}

void Builder::leakClocks() {
  std::vector<uint64_t> periods;
  for (uint64_t slots : leakSlots)
    if (slots)
      periods.push_back(slots);
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
  for (uint64_t slots : periods) {
    std::vector<Pin> neurons;
    for (uint32_t cell = 0; cell < leakSlots.size(); ++cell)
      if (leakSlots[cell] == slots)
        neurons.push_back({cell, 2});
    uint32_t clock = add(CellKind::Clock, slots * out.slotTicks, 0);
    fanOut({clock, 0}, neurons, 0, neurons.size(), 0);
  }
}

void Builder::criticalPath() {
  uint64_t split = library[CellKind::Split].timing.delay[0];
  uint64_t merge = library[CellKind::Merge].timing.delay[0];
  uint64_t neuron = library[CellKind::Neuron].timing.delay[0];
  for (uint32_t cell = 0; cell < out.meta.size() && cell < splitDepth.size();
       ++cell) {
    CellKind kind = out.netlist.cell(cell).kind;
    if (kind != CellKind::Synapse && kind != CellKind::Pulser)
      continue;
    uint64_t own = library[kind].timing.delay[0];
    uint64_t path =
        splitDepth[cell] * split + own + mergeDepth[cell] * merge + neuron;
    if (path <= out.criticalPathTicks)
      continue;
    out.criticalPathTicks = path;
    out.criticalPath =
        std::to_string(splitDepth[cell]) + " splitters, a " +
        kindInfo(kind).name + ", " + std::to_string(mergeDepth[cell]) +
        " mergers and a neuron (projection '" +
        net.projections[uint32_t(out.meta[cell].owner)].name + "')";
  }
}

std::optional<ImageError> Builder::run() {
  out.slotTicks = model.slotTicks();
  out.clocked = model.clocking == Clocking::Clocked;
  // Clocked: one input element per cycle, so that the inputs of a step
  // reach a clocked tree in different cycles.
  out.inputSpacingTicks =
      out.clocked ? model.clockTicks() : model.inputSpacingTicks();
  if (auto e = survey())
    return e;
  uint32_t element = 0;
  for (const image::InputPort &port : net.inputs) {
    inputOffset.push_back(element);
    for (uint32_t e = 0; e < port.size; ++e, ++element) {
      CellMeta meta;
      meta.index = element;
      sourceCell.push_back(add(CellKind::Input, element, 0, meta));
    }
  }
  if (auto e = neurons())
    return e;
  sourceDests.resize(sourceCell.size());
  if (auto e = synapses())
    return e;
  if (auto e = trees())
    return e;
  if (auto e = slotFitsCells())
    return e;
  leakClocks();
  if (out.clocked) {
    if (auto e = clockPipeline())
      return e;
  } else {
    criticalPath();
  }
  std::string problem = out.netlist.check();
  if (!problem.empty())
    return ImageError{"", "internal error: the lowered netlist is malformed: " +
                              problem};
  return std::nullopt;
}

} // namespace detail

image::Expected<LoweredNetwork> lowerNetwork(const image::Image &network,
                                             const TargetModel &model,
                                             const CellLibrary &library) {
  LoweredNetwork out;
  detail::Builder builder(network, model, library, out);
  if (std::optional<image::ImageError> e = builder.run())
    return *e;
  return out;
}

} // namespace snnc::sfq
