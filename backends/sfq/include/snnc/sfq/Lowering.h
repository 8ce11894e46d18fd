//===- Lowering.h - A spiking network to an SFQ netlist ---------*- C++ -*-===//
//
// The lowering of docs/sfq.md §6-§7, MLIR-free so that the compiler pass,
// the tests and the benchmarks share it: from an image's core sections
// (inputs, spiking populations with their discrete-time factors,
// projections) to cells and wires. Each connection with a non-zero weight
// becomes a synapse (stochastic: a pass probability set by a bias code;
// deterministic: a k-pulse emitter), each neuron a fluxon-counting loop with
// threshold theta, each source's synapses hang from a balanced splitter
// tree and each neuron's excitatory and inhibitory synapses meet in two
// balanced merger trees. Refusals name the neuron or synapse and the limit.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_LOWERING_H
#define SNNC_SFQ_LOWERING_H

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"
#include "snnc/sfq/CellLibrary.h"
#include "snnc/sfq/Netlist.h"
#include "snnc/sfq/TargetModel.h"

#include <string>
#include <vector>

namespace snnc::sfq {

/// What a cell stands for, parallel to the netlist's cells.
struct CellMeta {
  /// Neurons: the population; synapses and pulsers: the projection;
  /// otherwise -1.
  int32_t owner = -1;
  /// Neurons: the neuron's index; synapses: the presynaptic index; inputs:
  /// the global element.
  uint32_t index = 0;
  /// Synapses: the postsynaptic neuron.
  uint32_t post = 0;
  /// The cell's own tunable bias (synapse DAC or neuron threshold), uA;
  /// 0 for cells with only their library bias.
  double tunedBiasUa = 0;
  /// Synapses: the network's weight, the pass probability wanted and the
  /// one the DAC code gives.
  double weight = 0;
  double pWanted = 0;
  double p = 0;
  uint32_t code = 0;
};

/// Splitters and mergers a projection needs on its own (before sharing
/// trees with other projections of the same source or target): a source
/// with n synapses needs n - 1 splitters, a target with m inputs of one
/// sign m - 1 mergers.
struct ProjectionStructure {
  std::string name;
  uint64_t synapses = 0;
  uint64_t splitters = 0;
  uint64_t mergers = 0;
};

/// Clocked mode (docs/sfq.md §12): the pipeline, its clock and its timing.
struct ClockedPipeline {
  uint64_t periodTicks = 0;
  uint64_t cyclesPerSlot = 0;
  /// The shortest period the timing allows, and the constraint that sets it.
  uint64_t minPeriodTicks = 0;
  std::string minPeriodReason;
  /// Clocked cells on every path from a synapse into each population
  /// (its pipeline latency in cycles); 0 for populations off the chip.
  std::vector<uint64_t> stages;
  std::vector<std::string> populations;
  uint64_t or2s = 0;
  uint64_t balanceDffs = 0;
  /// JTLs after each neuron that drives synapses, placing its pulses in the
  /// capture window of the next layer; `retimeJtls` is their total.
  uint64_t jtlsPerNeuron = 0;
  uint64_t retimeJtls = 0;
  uint64_t clockedCells = 0;
  uint64_t clockSplitters = 0;
  uint64_t clockSinks = 0;
  uint64_t clockDepth = 0;
  /// Ticks (mod the period) at which every clocked cell sees an edge.
  uint64_t edgePhaseTicks = 0;
};

struct LoweredNetwork {
  Netlist netlist;
  std::vector<CellMeta> meta;
  /// Neuron cell of neuron j of population p: neuronCell[p][j]
  /// (kNoCell for non-spiking populations).
  std::vector<std::vector<uint32_t>> neuronCell;
  std::vector<ProjectionStructure> projections;
  uint64_t slotTicks = 0;
  uint64_t inputSpacingTicks = 0;
  /// Ticks after its slot position at which an input pulse leaves (clocked
  /// mode: so that the clock has reached every cell before the first data).
  uint64_t inputPhaseTicks = 0;
  /// Set in clocked mode.
  bool clocked = false;
  ClockedPipeline pipeline;
  /// Longest path from a pulse leaving a source to a neuron's output, in
  /// ticks, and the cell chain that sets it.
  uint64_t criticalPathTicks = 0;
  std::string criticalPath;
  /// Largest fan-in into one merger tree, and the neuron it feeds.
  uint64_t maxFanIn = 0;
  std::string maxFanInNeuron;
  /// Synapses whose delay (> 1 step) has no delay line in the netlist.
  uint64_t delaysNotModelled = 0;
  /// Neurons whose constant drive or bias has no SFQ form.
  uint64_t drivesIgnored = 0;
  /// Deterministic mode: weights that round to 0 pulses.
  uint64_t weightsDropped = 0;
  /// |p - pWanted| over the synapses.
  double maxPassError = 0;
  double meanPassError = 0;
};

/// Lowers `network` (core sections filled; spiking populations only, each
/// with a threshold) for `model` with `library`. Fails naming the
/// population, neuron, projection or synapse and the limit.
image::Expected<LoweredNetwork> lowerNetwork(const image::Image &network,
                                             const TargetModel &model,
                                             const CellLibrary &library);

} // namespace snnc::sfq

#endif // SNNC_SFQ_LOWERING_H
