//===- ClockedLowering.cpp - OR2 trees, path-balancing DFFs and the clock -===//
//
// Clocked mode (docs/sfq.md §12). Each neuron's excitatory and inhibitory
// inputs meet in a tree of clocked OR2 gates; DFFs pad every shorter path so
// that every synapse -> neuron path of a population passes the same number
// of clocked cells (its stages). One clock drives every clocked cell through
// a splitter tree whose leaves are all at the same depth (no skew). The
// clock's phase, and a JTL chain after each neuron, put every pulse that
// reaches a pipeline's first stage inside one cycle's capture window, so
// that pulses sent in one cycle are captured in one cycle. What cannot be
// timed is refused, naming the constraint and the clock rate that meets it.
//
//===----------------------------------------------------------------------===//

#include "LoweringBuilder.h"
#include "snnc/Support/CeilLog2.h"
#include "snnc/Support/FormatNumber.h"

#include <algorithm>
#include <limits>

namespace snnc::sfq::detail {
namespace {

uint8_t clockPort(CellKind kind) { return kind == CellKind::Dff ? 1 : 2; }

std::string ps(uint64_t ticks) { return formatNumber(double(ticks) / 10); }

/// The longest JTL chain the retiming search tries after a neuron.
constexpr int64_t kMaxChain = 4096;

/// The edges at which pulses arriving at ticks t (relative to a common
/// reference) are captured together: E >= t + setup for each, and the edge
/// before, E - period, strictly before each and at least its hold earlier.
struct CaptureSpan {
  int64_t lowest = std::numeric_limits<int64_t>::min();
  int64_t highest = std::numeric_limits<int64_t>::max();
  /// The earliest and latest arrival, for the period the span needs.
  int64_t earliest = std::numeric_limits<int64_t>::max();
  int64_t latest = std::numeric_limits<int64_t>::min();
  uint64_t needed = 0;
  bool empty = true;

  void add(int64_t t, uint64_t setup, uint64_t hold, uint64_t period) {
    int64_t h = int64_t(std::max<uint64_t>(1, hold));
    lowest = std::max(lowest, t + int64_t(setup));
    highest = std::min(highest, t + int64_t(period) - h);
    earliest = std::min(earliest, t);
    latest = std::max(latest, t);
    // The period for which lowest <= highest: max(t + setup) - min(t - h).
    needed = std::max<uint64_t>(needed,
                                uint64_t(lowest - (highest - int64_t(period))));
    empty = false;
  }
  bool fits() const { return empty || lowest <= highest; }
};

/// The smallest divisor of `slot` that is >= `ticks`: the period of the
/// fastest clock that meets a constraint and keeps whole cycles per slot.
/// Divisors come in pairs (d, slot / d), so O(sqrt(slot)) steps.
uint64_t periodDividing(uint64_t slot, uint64_t ticks) {
  uint64_t best = slot;
  for (uint64_t d = 1; d <= slot / d; ++d) {
    if (slot % d != 0)
      continue;
    for (uint64_t p : {d, slot / d})
      if (p >= ticks && p < best)
        best = p;
  }
  return best;
}

} // namespace

void Builder::fanInClocked(const std::vector<Pin> &sources, size_t first,
                           size_t count, Pin to, uint32_t levels) {
  if (count == 1 && levels == 0) {
    out.netlist.connect(sources[first], to);
    return;
  }
  // Padding at the root serves every leaf below it at once.
  if (levels > ceilLog2(count)) {
    uint32_t dff = add(CellKind::Dff);
    out.netlist.connect({dff, 0}, to);
    clockPins.push_back({dff, clockPort(CellKind::Dff)});
    ++out.pipeline.balanceDffs;
    fanInClocked(sources, first, count, {dff, 0}, levels - 1);
    return;
  }
  uint32_t gate = add(CellKind::Or2);
  out.netlist.connect({gate, 0}, to);
  clockPins.push_back({gate, clockPort(CellKind::Or2)});
  ++out.pipeline.or2s;
  size_t left = (count + 1) / 2;
  fanInClocked(sources, first, left, {gate, 0}, levels - 1);
  fanInClocked(sources, first + left, count - left, {gate, 1}, levels - 1);
}

void Builder::clockedTrees() {
  // A population's stages: its deepest tree, and at least one clocked cell
  // so that every path into it is timed by the clock.
  std::vector<uint64_t> &stages = out.pipeline.stages;
  stages.assign(net.populations.size(), 0);
  for (const image::Population &pop : net.populations)
    out.pipeline.populations.push_back(pop.name);
  for (uint32_t cell = 0; cell < excInputs.size(); ++cell) {
    if (out.netlist.cell(cell).kind != CellKind::Neuron)
      continue;
    uint64_t &k = stages[uint32_t(out.meta[cell].owner)];
    k = std::max<uint64_t>({k, 1, ceilLog2(excInputs[cell].size()),
                            ceilLog2(inhInputs[cell].size())});
  }
  for (uint32_t cell = 0; cell < excInputs.size(); ++cell) {
    if (out.netlist.cell(cell).kind != CellKind::Neuron)
      continue;
    uint32_t k = uint32_t(stages[uint32_t(out.meta[cell].owner)]);
    if (!excInputs[cell].empty())
      fanInClocked(excInputs[cell], 0, excInputs[cell].size(), {cell, 0}, k);
    if (!inhInputs[cell].empty())
      fanInClocked(inhInputs[cell], 0, inhInputs[cell].size(), {cell, 1}, k);
  }
}

void Builder::clockTree(Pin from, size_t first, size_t count, uint32_t levels) {
  if (count == 0) {
    out.netlist.connect(from, {add(CellKind::Sink), 0});
    ++out.pipeline.clockSinks;
    return;
  }
  if (levels == 0) {
    out.netlist.connect(from, clockPins[first]);
    return;
  }
  uint32_t split = add(CellKind::Split);
  ++out.pipeline.clockSplitters;
  out.netlist.connect(from, {split, 0});
  // Both halves keep `levels - 1` splitters to go, so every leaf sits at
  // the same depth. Filling the left half first leaves at most one partial
  // subtree per level: about count + levels splitters and at most `levels`
  // sinks (each a half with nothing to clock).
  size_t left = std::min<size_t>(count, size_t(1) << (levels - 1));
  clockTree({split, 0}, first, left, levels - 1);
  clockTree({split, 1}, first + left, count - left, levels - 1);
}

std::optional<ImageError> Builder::clockPipeline() {
  ClockedPipeline &pipe = out.pipeline;
  const uint64_t period = model.clockTicks();
  const uint64_t slot = out.slotTicks;
  pipe.periodTicks = period;
  if (slot % period != 0) {
    uint64_t fit = periodDividing(slot, period);
    return ImageError{
        "", "clocked mode: the " + ps(slot) + " ps slot (pulse_rate_hz " +
                formatNumber(model.pulseRateHz) +
                ") is not a whole number of " + ps(period) +
                " ps clock cycles (clock_rate_hz " +
                formatNumber(model.clockRateHz) + "): set clock_rate_hz to " +
                formatNumber(1e13 / double(fit)) + " (" +
                std::to_string(slot / fit) +
                " cycles per slot) or another whole multiple "
                "of the pulse rate"};
  }
  pipe.cyclesPerSlot = slot / period;
  // An OR2 tree delivers one pulse per cycle: a neuron's pulses of one slot
  // must all find a cycle (the widest tree is named, as in async mode).
  if (out.maxFanIn > pipe.cyclesPerSlot) {
    std::string m = std::to_string(out.maxFanIn);
    return ImageError{
        "", "clocked mode: " + out.maxFanInNeuron + " has fan-in " + m +
                ", the network's widest; its OR2 tree passes "
                "one pulse per clock cycle, so " +
                m + " pulses need " + m + " cycles of " + ps(period) +
                " ps, more than the " + std::to_string(pipe.cyclesPerSlot) +
                " of the " + ps(slot) + " ps slot at pulse_rate_hz " +
                formatNumber(model.pulseRateHz) +
                ": lower pulse_rate_hz to at most " +
                formatNumber(1e13 / double(out.maxFanIn * period))};
  }
  const Netlist &n = out.netlist;
  auto delay = [&](CellKind kind) {
    return uint64_t(library[kind].timing.delay[0]);
  };
  auto setupOf = [&](Pin p) {
    CellKind kind = n.cell(p.cell).kind;
    return window(library, kind, p.port, clockPort(kind));
  };
  auto holdOf = [&](Pin p) {
    CellKind kind = n.cell(p.cell).kind;
    return window(library, kind, clockPort(kind), p.port);
  };
  auto clocked = [&](uint32_t cell) {
    return cell != kNoCell && kindInfo(n.cell(cell).kind).clocked;
  };
  auto refuse = [&](const std::string &what, uint64_t needed) {
    uint64_t fit = periodDividing(slot, needed);
    return ImageError{"", "clocked mode: " + what + "; the " + ps(period) +
                              " ps cycle (clock_rate_hz " +
                              formatNumber(model.clockRateHz) +
                              ") is too short: set clock_rate_hz to at most " +
                              formatNumber(1e13 / double(fit)) +
                              " (a whole number of cycles per slot)"};
  };

  // The survey bounded the asynchronous netlist; the clocked one grows by
  // its DFFs, JTLs and clock tree.
  auto fits = [&](uint64_t cells) -> std::optional<ImageError> {
    if (cells <= model.maxCells)
      return std::nullopt;
    return ImageError{"", "clocked mode: the netlist needs at least " +
                              std::to_string(cells) +
                              " cells with its DFFs, JTLs and clock tree; "
                              "snnc lowers at most " +
                              std::to_string(model.maxCells) + " (max_cells)"};
  };
  if (auto e = fits(n.size()))
    return e;

  // Stage to stage: launched at an edge, captured at the next.
  uint64_t stageNeeded = 0;
  std::string stageReason;
  for (const Pin &clk : clockPins) {
    Pin to = n.destination(clk.cell, 0);
    if (!clocked(to.cell))
      continue;
    CellKind from = n.cell(clk.cell).kind;
    uint64_t need = delay(from) + setupOf(to);
    if (need > stageNeeded) {
      stageNeeded = need;
      stageReason = std::string("a ") + kindInfo(from).name + " drives a " +
                    kindInfo(n.cell(to.cell).kind).name + " (" +
                    ps(delay(from)) + " ps clock-to-output, " +
                    ps(setupOf(to)) + " ps setup)";
    }
  }
  if (stageNeeded > period)
    return refuse(stageReason + " needs a " + ps(stageNeeded) + " ps cycle",
                  stageNeeded);

  // Pulses into the pipelines' first stages: from an input (relative to its
  // release) or from a neuron (relative to the edge that launched it).
  std::vector<CellKind> excDriver(n.size(), CellKind::Jtl);
  for (uint32_t cell = 0; cell < n.size(); ++cell)
    for (unsigned o = 0; o < kindInfo(n.cell(cell).kind).outputs; ++o) {
      Pin to = n.destination(cell, o);
      if (to.cell != kNoCell && n.cell(to.cell).kind == CellKind::Neuron &&
          to.port == 0)
        excDriver[to.cell] = n.cell(cell).kind;
    }
  CaptureSpan fromInputs, fromNeurons;
  uint64_t neuronDelay = delay(CellKind::Neuron);
  for (uint32_t cell = 0; cell < splitDepth.size(); ++cell) {
    CellKind kind = n.cell(cell).kind;
    if (kind != CellKind::Synapse && kind != CellKind::Pulser)
      continue;
    Pin to = n.destination(cell, 0);
    if (!clocked(to.cell))
      continue;
    int64_t t =
        int64_t(splitDepth[cell] * delay(CellKind::Split) + delay(kind));
    const image::Projection &proj =
        net.projections[uint32_t(out.meta[cell].owner)];
    if (proj.source.kind == image::SourceKind::Input) {
      fromInputs.add(t, setupOf(to), holdOf(to), period);
    } else {
      uint32_t neuron = out.neuronCell[proj.source.index][out.meta[cell].index];
      if (excInputs[neuron].empty())
        continue; // it never fires
      t += int64_t(delay(excDriver[neuron]) + neuronDelay);
      fromNeurons.add(t, setupOf(to), holdOf(to), period);
    }
  }
  auto spanReason = [&](const CaptureSpan &span, const char *what) {
    return std::string("pulses from ") + what +
           " reach their first clocked cells between " +
           ps(uint64_t(span.earliest)) + " and " + ps(uint64_t(span.latest)) +
           " ps after they leave (splitter trees of different depths), and "
           "one cycle must capture them all (" +
           ps(span.needed) + " ps with setup and hold)";
  };
  pipe.minPeriodTicks = stageNeeded;
  pipe.minPeriodReason = stageReason;
  for (auto [span, what] :
       {std::pair{&fromInputs, "inputs"}, std::pair{&fromNeurons, "neurons"}})
    if (!span->empty && span->needed > pipe.minPeriodTicks) {
      pipe.minPeriodTicks = span->needed;
      pipe.minPeriodReason = spanReason(*span, what);
    }
  if (!fromInputs.fits())
    return refuse(spanReason(fromInputs, "inputs"), fromInputs.needed);
  if (!fromNeurons.fits())
    return refuse(spanReason(fromNeurons, "neurons"), fromNeurons.needed);

  // A neuron's pulse is launched by an edge; JTLs after it move its arrival
  // until an edge k cycles later falls in its capture span.
  if (!fromNeurons.empty) {
    int64_t jtl = int64_t(delay(CellKind::Jtl));
    int64_t p = int64_t(period);
    // An edge lies within a cycle of the span's start, so a chain longer
    // than a cycle of JTLs never helps; kMaxChain bounds the search when
    // the cycle is long.
    std::optional<uint64_t> chain;
    for (int64_t j = 0; j <= std::min<int64_t>(p, kMaxChain) && !chain; ++j) {
      int64_t lo = fromNeurons.lowest + j * jtl;
      int64_t hi = fromNeurons.highest + j * jtl;
      int64_t edge = (lo + p - 1) / p * p;
      if (edge <= hi)
        chain = uint64_t(j);
      if (jtl == 0)
        break;
    }
    if (!chain)
      return refuse(spanReason(fromNeurons, "neurons") +
                        ", but no chain of JTLs (" + ps(uint64_t(jtl)) +
                        " ps each) puts them inside one cycle",
                    fromNeurons.needed + uint64_t(jtl));
    pipe.jtlsPerNeuron = *chain;
    if (auto e = fits(n.size() + *chain * excInputs.size()))
      return e;
    for (uint32_t cell = 0; cell < excInputs.size() && *chain; ++cell) {
      if (n.cell(cell).kind != CellKind::Neuron)
        continue;
      Pin to = n.destination(cell, 0);
      if (n.cell(to.cell).kind == CellKind::Sink)
        continue;
      Pin from{cell, 0};
      for (uint64_t j = 0; j < *chain; ++j) {
        uint32_t line = add(CellKind::Jtl);
        out.netlist.connect(from, {line, 0});
        from = {line, 0};
        ++pipe.retimeJtls;
      }
      out.netlist.connect(from, to);
    }
  }

  // The clock: every clocked cell at depth `levels` of one splitter tree,
  // so it sees edges at phase + levels x splitter delay. The first input
  // edge is one the clock has already reached.
  pipe.clockedCells = clockPins.size();
  if (clockPins.empty())
    return std::nullopt;
  uint32_t levels = ceilLog2(clockPins.size());
  // A clock tree of N leaves at depth h has fewer than N + h splitters.
  if (auto e = fits(n.size() + 2 * clockPins.size() + 2 * levels + 1))
    return e;
  uint64_t insertion = uint64_t(levels) * delay(CellKind::Split);
  int64_t edge = int64_t(insertion);
  if (!fromInputs.empty) {
    edge = fromInputs.lowest + (fromInputs.highest - fromInputs.lowest) / 2;
    if (edge < int64_t(insertion)) {
      out.inputPhaseTicks = insertion - uint64_t(edge);
      edge = int64_t(insertion);
    }
  }
  pipe.edgePhaseTicks = uint64_t(edge) % period;
  pipe.clockDepth = levels;
  uint32_t clock = add(CellKind::Clock, period, uint64_t(edge) - insertion);
  // The clock source's phase lies within one period of tick 0.
  out.netlist.cell(clock).b %= period;
  clockTree({clock, 0}, 0, clockPins.size(), levels);
  // The longest path the clock does not time: a source's pulse through its
  // splitters and a synapse into a first stage.
  for (auto [span, what] : {std::pair{&fromInputs, "an input"},
                            std::pair{&fromNeurons, "a neuron"}})
    if (!span->empty && uint64_t(span->latest) > out.criticalPathTicks) {
      out.criticalPathTicks = uint64_t(span->latest);
      out.criticalPath = std::string("splitters and a synapse from ") + what +
                         " to its first clocked cell";
    }
  return std::nullopt;
}

} // namespace snnc::sfq::detail
