//===- ProjectionRows.h - Presynaptic rows of any projection ----*- C++ -*-===//
//
// A uniform, row-at-a-time view of every synaptic projection of a
// discretized network: for presynaptic neuron i, its synapses as (target
// neuron, float weight, quantized weight, delay in steps). Dense, CSR,
// convolution, pooling and procedural projections all look the same, with
// the delays of surrounding snn.delay ops folded in, so that mapping and
// image emission never special-case a projection form.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TRANSFORMS_PROJECTIONROWS_H
#define SNNC_TRANSFORMS_PROJECTIONROWS_H

#include "snn/SnnOps.h"
#include "snnc/Support/Reservoir.h"

#include <memory>
#include <vector>

namespace snnc {

struct SynapseEntry {
  uint32_t target;
  float weight;
  int16_t qweight;
  /// Total delay in steps: 1 + axonal + synaptic + dendritic (>= 1).
  uint32_t delay;
};

/// Where a projection's spikes come from: a network input port or a
/// population (snn.neuron) of the same network.
struct SpikeSource {
  /// Input port number, or -1 for a population.
  int64_t input = -1;
  snn::DiscreteNeuronOp population;
};

/// Follows a population's input current back, through snn.delay and
/// snn.flatten, to the synapse op that produces it. Fails with a diagnostic
/// naming what drives the population instead (a network input current, an
/// unfolded snn.scale, another population's value).
mlir::FailureOr<mlir::Operation *> traceProjection(mlir::Value current,
                                                   mlir::Operation *user);

class ProjectionRows {
public:
  /// Builds the view of `synapse`, which feeds `target` through `current`
  /// (its value as the target sees it, after any snn.delay/snn.flatten).
  /// Fails with a diagnostic when the projection's source is not spikes of
  /// an input or a population.
  static mlir::FailureOr<std::unique_ptr<ProjectionRows>>
  build(mlir::Operation *synapse, mlir::Value current);

  mlir::Operation *getOp() const { return op; }
  const SpikeSource &getSource() const { return source; }
  uint32_t numSources() const { return sources; }
  uint32_t numTargets() const { return targets; }
  bool isProcedural() const { return expander != nullptr; }
  /// The quantized weights exist only after snn-quantize.
  bool isQuantized() const { return quantized; }
  /// Largest total delay of any synapse, in steps.
  uint32_t maxDelay() const { return maxDelaySteps; }

  /// Fills `row` (cleared first) with the synapses of presynaptic neuron
  /// `pre`, sorted by target.
  void row(uint32_t pre, std::vector<SynapseEntry> &row) const;

private:
  ProjectionRows() = default;
  mlir::LogicalResult load(mlir::Value current);
  void denseRow(uint32_t pre, std::vector<SynapseEntry> &row) const;
  void sparseRow(uint32_t pre, std::vector<SynapseEntry> &row) const;
  void convRow(uint32_t pre, std::vector<SynapseEntry> &row) const;
  void poolRow(uint32_t pre, std::vector<SynapseEntry> &row) const;
  void proceduralRow(uint32_t pre, std::vector<SynapseEntry> &row) const;
  int16_t quantizeWeight(float w) const;

  mlir::Operation *op = nullptr;
  SpikeSource source;
  uint32_t sources = 0, targets = 0;
  bool quantized = false;
  double scale = 1.0;
  uint32_t maxDelaySteps = 1;
  /// Axonal (per source) and dendritic (per target) delays in steps; empty
  /// when zero everywhere.
  std::vector<uint32_t> preDelay, postDelay;
  /// Stored weights (dense, CSR values or convolution kernel) and their
  /// quantized form.
  std::vector<float> weights;
  std::vector<int64_t> qweights;
  /// CSR structure and per-synapse delays (snn.sparse).
  std::vector<int64_t> rowPtr, colIdx, synDelay;
  std::unique_ptr<snn::reservoir::Expander> expander;
  uint32_t proceduralDelay = 1;
};

} // namespace snnc

#endif // SNNC_TRANSFORMS_PROJECTIONROWS_H
