//===- ProjectionRows.h - Presynaptic rows of any projection ----*- C++ -*-===//
//
// A uniform, row-at-a-time view of every synaptic projection of a
// discretized network: for presynaptic neuron i, its synapses as (target
// neuron, float weight, delay in steps). Dense, CSR, convolution, pooling
// and procedural projections all look the same, with the delays of
// surrounding snn.delay ops folded in, so that mapping and image emission
// never special-case a projection form. A target that stores weights in
// its own format finds each synapse's stored weight by its index.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CODEGEN_PROJECTIONROWS_H
#define SNNC_CODEGEN_PROJECTIONROWS_H

#include "snn/SnnOps.h"
#include "snnc/Support/Reservoir.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <vector>

namespace snnc {

/// Marks a synapse whose weight is not stored in the op (pooling's implied
/// 1, a procedural projection's generated weights).
inline constexpr int64_t kNoStoredWeight = -1;

struct SynapseEntry {
  uint32_t target;
  float weight;
  /// Total delay in steps: 1 + axonal + synaptic + dendritic (>= 1).
  uint32_t delay;
  /// Index of the weight in ProjectionRows::storedWeights(), or
  /// kNoStoredWeight, so that a target can pair each synapse with its own
  /// copy of the stored weights (quantized, say) without re-deriving the
  /// projection's layout.
  int64_t stored;
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
/// unfolded snn.scale, another population's value); `target` names the
/// target that cannot take it.
mlir::FailureOr<mlir::Operation *> traceProjection(mlir::Value current,
                                                   mlir::Operation *user,
                                                   llvm::StringRef target);

/// Adds the bias currents of an affine or conv2d projection, one per target
/// neuron, to `bias`; other projections have none.
mlir::LogicalResult addProjectionBias(mlir::Operation *op,
                                      std::vector<double> &bias);

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
  /// Whether the op stores its weights (dense, CSR, convolution kernel).
  bool hasStoredWeights() const { return stored; }
  /// The stored weights, flattened as in the op's attribute; empty for
  /// pooling and procedural projections.
  llvm::ArrayRef<float> storedWeights() const { return weights; }
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

  mlir::Operation *op = nullptr;
  SpikeSource source;
  uint32_t sources = 0, targets = 0;
  bool stored = false;
  uint32_t maxDelaySteps = 1;
  /// Axonal (per source) and dendritic (per target) delays in steps; empty
  /// when zero everywhere.
  std::vector<uint32_t> preDelay, postDelay;
  /// Stored weights (dense, CSR values or convolution kernel).
  std::vector<float> weights;
  /// CSR structure and per-synapse delays (snn.sparse).
  std::vector<int64_t> rowPtr, colIdx, synDelay;
  std::unique_ptr<snn::reservoir::Expander> expander;
  uint32_t proceduralDelay = 1;
};

} // namespace snnc

#endif // SNNC_CODEGEN_PROJECTIONROWS_H
