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
    `s2.fixed` (#s2.fixed) on each `snn.neuron` and `s2.quant` (#s2.quant)
    on each projection (the float values stay, for the float engine), and
    reports each projection's quantization error as a remark.
  }];
  let dependentDialects = ["snn::SnnDialect",
                           "snnc::spinnaker2::S2Dialect"];
}

def SnnPartition : Pass<"snn-partition", "mlir::ModuleOp"> {
  let summary = "split populations into per-PE slices";
  let description = [{
    Slices every input port and population of a discretized network into
    contiguous neuron ranges that each fit one PE of the target: neuron
    count, per-step cycle budget and SRAM (state, ring buffers sized by the
    largest delay, synapse rows). Records the slice sizes as `s2.slices`
    (#s2.slices) on each `snn.neuron`, `s2.input_slices` and the PE count
    (`s2.partition`) on the network. A network that cannot fit fails with
    the limit and the population it breaks.
  }];
  let dependentDialects = ["snn::SnnDialect",
                           "snnc::spinnaker2::S2Dialect"];
}

def SnnPlace : Pass<"snn-place", "mlir::ModuleOp"> {
  let summary = "place slices on the PE mesh";
  let description = [{
    Assigns each slice of `s2.slices` to a PE: METIS groups heavily
    connected slices onto chips, then seeded simulated annealing minimises
    traffic x hops. Adds each slice's global PE to its `s2.slices` and
    records the placement cost on the network (`s2.placement`).
  }];
  let dependentDialects = ["snn::SnnDialect",
                           "snnc::spinnaker2::S2Dialect"];
}

def SnnRoute : Pass<"snn-route", "mlir::ModuleOp"> {
  let summary = "allocate routing keys and build compressed multicast tables";
  let description = [{
    Allocates a 32-bit key block per slice (added to its `s2.slices`),
    builds each chip router's key/mask multicast table along shortest-path
    trees to every PE that holds a target slice, compresses the tables
    (default-route removal and order-exploiting covers) and checks them
    against the per-router limit. Records the tables as `s2.routing` (#s2.routing) on the network,
    with entry counts before and after compression, and the mapper's report
    as `s2.mapping_report`.
  }];
  let dependentDialects = ["snn::SnnDialect",
                           "snnc::spinnaker2::S2Dialect"];
}

#endif // SNNC_SPINNAKER2_PASSES_TD
