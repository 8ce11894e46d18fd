//===- Passes.td - snnc compiler passes --------------------*- tablegen -*-===//
//
// The passes of the snnc compile pipeline. Each can run alone in snnc-opt.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TRANSFORMS_PASSES_TD
#define SNNC_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def SnnDiscretize : Pass<"snn-discretize", "mlir::ModuleOp"> {
  let summary = "turn continuous-time parameters into per-step factors";
  let description = [{
    Rewrites every neuron op into `snn.neuron` with per-step decay, gain and
    drive factors (and synaptic factors for CuBa-LIF), splits each
    `snn.reservoir` into an `snn.neuron` population and its `snn.procedural`
    recurrent synapses, turns delays in seconds into whole steps, and records
    `#snn.time<dt, rule>` on each network. `docs/numerics.md` gives the
    formulas. Forward Euler refuses populations with `dt > tau`.
  }];
  let options = [
    Option<"dt", "dt", "double", "1.0e-3", "time step in seconds">,
    Option<"rule", "rule", "std::string", "\"euler\"",
           "discretization rule: euler (NIR's) or exact (exponential)">,
  ];
  let dependentDialects = ["snn::SnnDialect"];
}

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
  let options = [
    Option<"target", "target", "std::string", "\"spinnaker2\"",
           "target whose numeric formats to use">,
  ];
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
  let options = [
    Option<"targetConfig", "target-config", "std::string", "\"\"",
           "JSON file overriding fields of the target model">,
    Option<"firingProbability", "firing-probability", "double", "0.01",
           "assumed spikes per neuron per step, for cycle and traffic "
           "estimates">,
  ];
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
  let options = [
    Option<"targetConfig", "target-config", "std::string", "\"\"",
           "JSON file overriding fields of the target model">,
    Option<"firingProbability", "firing-probability", "double", "0.01",
           "assumed spikes per neuron per step, for cycle and traffic "
           "estimates">,
    Option<"seed", "seed", "uint64_t", "1", "seed for METIS and annealing">,
  ];
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
  let options = [
    Option<"targetConfig", "target-config", "std::string", "\"\"",
           "JSON file overriding fields of the target model">,
    Option<"firingProbability", "firing-probability", "double", "0.01",
           "assumed spikes per neuron per step, for cycle and traffic "
           "estimates">,
  ];
  let dependentDialects = ["snn::SnnDialect"];
}

#endif // SNNC_TRANSFORMS_PASSES_TD
