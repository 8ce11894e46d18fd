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

#endif // SNNC_TRANSFORMS_PASSES_TD
