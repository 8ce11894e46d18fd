//===- Passes.td - The SFQ target's passes -----------------*- tablegen -*-===//
//
// What the SFQ target runs after the shared stages (snn-target,
// snn-discretize): the conversion of a network to a pulse netlist of
// cells. It reads the target model (target.json under the --target-config
// overrides) from the module's #snn.target and refuses a module for
// another target.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_PASSES_TD
#define SNNC_SFQ_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertSnnToSfq : Pass<"convert-snn-to-sfq", "mlir::ModuleOp"> {
  let summary = "lower a spiking network to an SFQ pulse netlist";
  let description = [{
    For every discretized `snn.network`, builds an `sfq.circuit` of the same
    name beside it (docs/sfq.md): an `sfq.input` per input element, an
    `sfq.neuron` per spiking neuron (threshold in fluxons from its
    threshold, gain and largest incoming weight; a leak clock for leaky
    models), an `sfq.synapse` per non-zero weight (stochastic, its pass
    probability set by a bias DAC code; or an `sfq.pulser` of k pulses in
    deterministic mode), balanced `sfq.split` trees for fan-out and
    `sfq.merge` trees for fan-in, excitatory and inhibitory apart, and
    `sfq.sink` on outputs that drive nothing. Readout populations stay off
    the chip. Refuses, naming the neuron, synapse or field and the limit, a
    threshold the neuron loop cannot hold, a weight whose pass probability
    the DAC cannot set, a fan-in the merger tree cannot serve at the pulse
    rate, and a netlist beyond max_cells.
  }];
  let dependentDialects = ["snn::SnnDialect", "snnc::sfq::SfqDialect"];
}

#endif // SNNC_SFQ_PASSES_TD
