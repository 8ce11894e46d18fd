//===- NetworkSize.cpp - Counting a network before expanding it ----------===//

#include "snnc/Transforms/NetworkSize.h"

#include "snn/SnnOps.h"
#include "snnc/Support/FormatNumber.h"
#include "snnc/Support/Reservoir.h"

#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>
#include <cstdio>

using namespace mlir;

namespace snnc {
namespace {

/// Entries of a splat weight tensor that hold a nonzero value, else 0.
double splatSynapses(Attribute attr) {
  auto elements = dyn_cast_or_null<DenseElementsAttr>(attr);
  if (!elements || !elements.isSplat())
    return 0;
  if (elements.getElementType().isF32() &&
      elements.getSplatValue<float>() == 0.0f)
    return 0;
  return static_cast<double>(elements.getNumElements());
}

} // namespace

NetworkSize measureNetwork(ModuleOp module) {
  NetworkSize size;
  uint64_t mostNeurons = 0;
  double mostSynapses = 0;
  module.walk([&](Operation *op) {
    if (auto neuron = dyn_cast<snn::NeuronOpInterface>(op)) {
      uint64_t n =
          static_cast<uint64_t>(std::max<int64_t>(0, neuron.getNumNeurons()));
      size.neurons =
          size.neurons + n < size.neurons ? UINT64_MAX : size.neurons + n;
      if (n > mostNeurons) {
        mostNeurons = n;
        size.largestPopulation = op;
      }
    }
    double synapses = 0;
    if (auto reservoir = dyn_cast<snn::ReservoirOp>(op)) {
      // The verifier has vouched for the spec; its mean needs no expansion
      // (and no draw of the neurons' types).
      snn::reservoir::Spec spec = reservoir.getSpec();
      double mean =
          snn::reservoir::expectedSynapses(spec, spec.excitatoryFraction);
      synapses = std::max(0.0, mean - 6 * std::sqrt(mean));
    } else if (auto procedural = dyn_cast<snn::ProceduralOp>(op)) {
      snn::reservoir::Spec spec = procedural.getSpec();
      double mean =
          snn::reservoir::expectedSynapses(spec, spec.excitatoryFraction);
      synapses = std::max(0.0, mean - 6 * std::sqrt(mean));
    } else if (auto linear = dyn_cast<snn::LinearOp>(op)) {
      synapses = splatSynapses(linear.getWeight());
    } else if (auto affine = dyn_cast<snn::AffineOp>(op)) {
      synapses = splatSynapses(affine.getWeight());
    } else if (auto sparse = dyn_cast<snn::SparseOp>(op)) {
      synapses = splatSynapses(sparse.getValues());
    }
    size.synapses += synapses;
    if (synapses > mostSynapses) {
      mostSynapses = synapses;
      size.largestProjection = op;
    }
  });
  return size;
}

LogicalResult checkCapacity(ModuleOp module, const TargetCapacity &capacity,
                            llvm::StringRef target) {
  NetworkSize size = measureNetwork(module);
  if (capacity.neurons && size.neurons > capacity.neurons) {
    Operation *at =
        size.largestPopulation ? size.largestPopulation : module.getOperation();
    return at->emitError("the network has ")
           << size.neurons << " neurons; a " << target
           << " machine holds at most " << capacity.neurons << " ("
           << capacity.neuronsBasis << ")";
  }
  if (capacity.synapses && size.synapses > double(capacity.synapses)) {
    Operation *at =
        size.largestProjection ? size.largestProjection : module.getOperation();
    return at->emitError("the network needs at least ")
           << snnc::formatNumber(std::floor(size.synapses)) << " synapses; a "
           << target << " machine stores at most " << capacity.synapses << " ("
           << capacity.synapsesBasis << ")";
  }
  return success();
}

} // namespace snnc
