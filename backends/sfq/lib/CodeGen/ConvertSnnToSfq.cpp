//===- ConvertSnnToSfq.cpp - A discretized network to an sfq.circuit ------===//
//
// The network's core sections (the numbering every target shares) go
// through the MLIR-free lowering (snnc/sfq/Lowering.h); its netlist becomes
// an sfq.circuit beside the network, each cell carrying what it stands for
// (weight, pass probability and bias of a synapse; population, index and
// bias of a neuron), and the circuit carries what the lowering found that
// the netlist alone does not show: per-projection tree counts, the critical
// path, the widest fan-in, and what it could not honour.
//
//===----------------------------------------------------------------------===//

#include "SfqModel.h"

#include "snnc/CodeGen/NetworkImage.h"
#include "snnc/sfq/Dialect/NetlistConversion.h"
#include "snnc/sfq/ImageSections.h"
#include "snnc/sfq/Lowering.h"
#include "snnc/sfq/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace snnc::sfq {
#define GEN_PASS_DEF_CONVERTSNNTOSFQ
#include "snnc/sfq/Passes.h.inc"
} // namespace snnc::sfq

using namespace mlir;

namespace snnc::sfq {
namespace {

/// Writes each cell's meaning onto its op (cells are in netlist order).
void annotate(CircuitOp circuit, const LoweredNetwork &lowered) {
  Builder b(circuit.getContext());
  size_t cell = 0;
  for (Operation &op : circuit.getBody().front()) {
    if (!cellKindOf(&op))
      continue;
    const CellMeta &meta = lowered.meta[cell++];
    if (auto synapse = dyn_cast<SynapseOp>(op)) {
      synapse.setBiasUaAttr(b.getF64FloatAttr(meta.tunedBiasUa));
      synapse.setPAttr(b.getF64FloatAttr(meta.p));
      synapse.setWeightAttr(b.getF64FloatAttr(meta.weight));
    } else if (auto neuron = dyn_cast<NeuronOp>(op)) {
      neuron.setBiasUaAttr(b.getF64FloatAttr(meta.tunedBiasUa));
      neuron.setPopulationAttr(b.getI64IntegerAttr(meta.owner));
      neuron.setIndexAttr(b.getI64IntegerAttr(meta.index));
    }
  }
}

DictionaryAttr clockedFacts(Builder &b, const ClockedPipeline &pipe) {
  auto integer = [&](const char *name, uint64_t value) {
    return b.getNamedAttr(name, b.getI64IntegerAttr(int64_t(value)));
  };
  SmallVector<Attribute> stages;
  for (size_t p = 0; p < pipe.stages.size(); ++p)
    if (pipe.stages[p])
      stages.push_back(b.getDictionaryAttr(
          {b.getNamedAttr("population", b.getStringAttr(pipe.populations[p])),
           integer("stages", pipe.stages[p])}));
  return b.getDictionaryAttr({
      integer("period_ticks", pipe.periodTicks),
      integer("cycles_per_slot", pipe.cyclesPerSlot),
      integer("min_period_ticks", pipe.minPeriodTicks),
      b.getNamedAttr("min_period_reason",
                     b.getStringAttr(pipe.minPeriodReason)),
      b.getNamedAttr("stages", b.getArrayAttr(stages)),
      integer("or2s", pipe.or2s),
      integer("balance_dffs", pipe.balanceDffs),
      integer("jtls_per_neuron", pipe.jtlsPerNeuron),
      integer("retime_jtls", pipe.retimeJtls),
      integer("clocked_cells", pipe.clockedCells),
      integer("clock_splitters", pipe.clockSplitters),
      integer("clock_sinks", pipe.clockSinks),
      integer("clock_depth", pipe.clockDepth),
      integer("edge_phase_ticks", pipe.edgePhaseTicks),
  });
}

DictionaryAttr loweringFacts(MLIRContext *context,
                             const LoweredNetwork &lowered) {
  Builder b(context);
  SmallVector<Attribute> projections;
  for (const ProjectionStructure &p : lowered.projections)
    projections.push_back(b.getDictionaryAttr(
        {b.getNamedAttr("name", b.getStringAttr(p.name)),
         b.getNamedAttr("synapses", b.getI64IntegerAttr(p.synapses)),
         b.getNamedAttr("splitters", b.getI64IntegerAttr(p.splitters)),
         b.getNamedAttr("mergers", b.getI64IntegerAttr(p.mergers))}));
  SmallVector<NamedAttribute> facts = {
      b.getNamedAttr("projections", b.getArrayAttr(projections)),
      b.getNamedAttr("input_spacing_ticks",
                     b.getI64IntegerAttr(lowered.inputSpacingTicks)),
      b.getNamedAttr("critical_path_ticks",
                     b.getI64IntegerAttr(lowered.criticalPathTicks)),
      b.getNamedAttr("critical_path", b.getStringAttr(lowered.criticalPath)),
      b.getNamedAttr("max_fan_in", b.getI64IntegerAttr(lowered.maxFanIn)),
      b.getNamedAttr("max_fan_in_neuron",
                     b.getStringAttr(lowered.maxFanInNeuron)),
      b.getNamedAttr("delays_not_modelled",
                     b.getI64IntegerAttr(lowered.delaysNotModelled)),
      b.getNamedAttr("drives_ignored",
                     b.getI64IntegerAttr(lowered.drivesIgnored)),
      b.getNamedAttr("weights_dropped",
                     b.getI64IntegerAttr(lowered.weightsDropped)),
      b.getNamedAttr("max_pass_error", b.getF64FloatAttr(lowered.maxPassError)),
      b.getNamedAttr("mean_pass_error",
                     b.getF64FloatAttr(lowered.meanPassError)),
      b.getNamedAttr("input_phase_ticks",
                     b.getI64IntegerAttr(lowered.inputPhaseTicks)),
  };
  if (lowered.clocked)
    facts.push_back(
        b.getNamedAttr("clocked", clockedFacts(b, lowered.pipeline)));
  return b.getDictionaryAttr(facts);
}

LogicalResult convertNetwork(snn::NetworkOp network) {
  FailureOr<const SfqModel *> model = sfqModelOf(network);
  if (failed(model))
    return failure();
  DiscreteNetwork net;
  if (failed(buildDiscreteNetwork(network, kTargetName, net)))
    return failure();
  image::Image core;
  if (failed(fillCoreSections(net, kTargetName, core)))
    return failure();
  image::Expected<LoweredNetwork> lowered =
      lowerNetwork(core, (*model)->target, (*model)->library);
  if (!lowered)
    return network.emitOpError("cannot be lowered to sfq: ")
           << lowered.error().message();
  if (CircuitOp old = circuitOf(network))
    old.erase();
  OpBuilder builder(network.getContext());
  builder.setInsertionPointAfter(network);
  CircuitOp circuit = buildCircuit(
      lowered->netlist, builder, network.getLoc(), circuitName(network),
      int64_t(lowered->slotTicks), (*model)->target.cellLibrary);
  annotate(circuit, *lowered);
  circuit->setAttr("sfq.lowering",
                   loweringFacts(network.getContext(), *lowered));
  return success();
}

struct ConvertSnnToSfqPass : impl::ConvertSnnToSfqBase<ConvertSnnToSfqPass> {
  using Base::Base;
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(sfqModelOf(module)))
      return signalPassFailure();
    bool failedAny = false;
    for (snn::NetworkOp network :
         llvm::make_early_inc_range(module.getOps<snn::NetworkOp>()))
      failedAny |= failed(convertNetwork(network));
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
} // namespace snnc::sfq
