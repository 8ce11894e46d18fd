//===- Passes.td - snnc compiler passes --------------------*- tablegen -*-===//
//
// The target-independent passes of the snnc compile pipeline; each target
// declares its own (backends/<target>/include/.../Passes.td). Each can run
// alone in snnc-opt.
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

def SnnTarget : Pass<"snn-target", "mlir::ModuleOp"> {
  let summary = "put the target and its options on the module";
  let description = [{
    Sets `snn.target = #snn.target<...>` on the module: the target's name
    (one of the built targets), the text of the target-config file, the
    assumed firing probability and the seed. Every target-specific pass
    reads these from the attribute, so a module is compiled for one target
    and a dumped stage replays in snnc-opt without the config file. Without
    `target`, the pass only checks that the module already names one.
  }];
  let options = [
    Option<"target", "target", "std::string", "\"\"",
           "target to compile for (snnc targets lists them)">,
    Option<"targetConfig", "target-config", "std::string", "\"\"",
           "JSON file overriding fields of the target model">,
    Option<"firingProbability", "firing-probability", "double", "0.01",
           "assumed spikes per neuron per step, for cycle and traffic "
           "estimates">,
    Option<"seed", "seed", "uint64_t", "1",
           "seed of the target's randomised stages (placement)">,
  ];
  let dependentDialects = ["snn::SnnDialect"];
}

#endif // SNNC_TRANSFORMS_PASSES_TD
