//===- Passes.td - The spinnaker2 target's passes ----------*- tablegen -*-===//
//
// What spinnaker2 runs after the shared stages (snn-target, snn-discretize):
// its fixed-point formats, the partition into PE slices, placement on the
// PE mesh and key/mask multicast routing. Each reads the target model and
// its options (overrides, firing probability, seed) from the module's
// #snn.target, and refuses a module for another target.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_PASSES_TD
#define SNNC_SPINNAKER2_PASSES_TD

include "mlir/Pass/PassBase.td"

def SnnQuantize : Pass<"snn-quantize", "mlir::ModuleOp"> {
  let summary = "choose the target's fixed-point formats";
  let description = [{
    For a discretized network, chooses each population's input and voltage
    scales and each projection's int16 weights and left shift so that no
    accumulator can overflow (docs/numerics.md §3). Records them as
    `snn.fixed` on each `snn.neuron` and `snn.q_*` on each projection (the
    float values stay, for the float engine), and reports each projection's
    quantization error as a remark.
  }];
  let dependentDialects = ["snn::SnnDialect"];
}

def SnnPartition : Pass<"snn-partition", "mlir::ModuleOp"> {
  let summary = "split populations into per-PE slices";
  let description = [{
    Slices every input port and population of a discretized network into
    contiguous neuron ranges that each fit one PE of the target: neuron
    count, per-step cycle budget and SRAM (state, ring buffers sized by the
    largest delay, synapse rows). Records the slice sizes as `snn.slices` on
    each `snn.neuron` (and `snn.input_slices` on the network). A network that
    cannot fit fails with the limit and the population it breaks.
  }];
  let dependentDialects = ["snn::SnnDialect"];
}

def SnnPlace : Pass<"snn-place", "mlir::ModuleOp"> {
  let summary = "place slices on the PE mesh";
  let description = [{
    Assigns each slice of `snn.slices` to a PE: METIS groups heavily
    connected slices onto chips, then seeded simulated annealing minimises
    traffic x hops. Records `snn.pes` (global PE per slice) and the
    placement cost on the network (`snn.placement`).
  }];
  let dependentDialects = ["snn::SnnDialect"];
}

def SnnRoute : Pass<"snn-route", "mlir::ModuleOp"> {
  let summary = "allocate routing keys and build compressed multicast tables";
  let description = [{
    Allocates a 32-bit key block per slice (`snn.keys`), builds each chip
    router's key/mask multicast table along shortest-path trees to every PE
    that holds a target slice, compresses the tables (default-route removal
    and order-exploiting covers) and checks them against the per-router
    limit. Records the tables as `snn.routing` on the network, with entry
    counts before and after compression.
  }];
  let dependentDialects = ["snn::SnnDialect"];
}

#endif // SNNC_SPINNAKER2_PASSES_TD
