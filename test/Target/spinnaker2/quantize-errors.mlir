// RUN: snnc-opt %s -snn-target="target=spinnaker2" -snn-quantize -split-input-file -verify-diagnostics
// RUN: not snnc-opt %s -split-input-file -snn-target="target=photonic" -snn-quantize 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: not snnc-opt %s -split-input-file -snn-target="target=crossbar" -snn-quantize 2>&1 | FileCheck %s --check-prefix=OTHER
// What the spinnaker2 quantizer refuses, and why.
// TARGET: target 'photonic' is not built into this snnc; built targets: spinnaker2
// OTHER: error: the module is compiled for target 'crossbar', not spinnaker2

// expected-error @+1 {{'snn.network' op has no time step; run snn-discretize before snn-quantize}}
snn.network @continuous(%in: !snn.spikes<1>) -> !snn.spikes<1> {
  snn.output %in : !snn.spikes<1>
}

// -----

// expected-error @+1 {{'snn.network' op input #0 is '!snn.current<1>'; the spinnaker2 target takes spike inputs only}}
snn.network @current_input(%in: !snn.current<1>) -> !snn.spikes<1> attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>} {
  %n = snn.neuron %in {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

snn.network @unfolded_scale(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>} {
  %a = snn.linear %in weight(dense<1.0> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  // expected-error @+1 {{'snn.scale' op must be folded into its projection before quantization (run -canonicalize)}}
  %s = snn.scale %a {factor = 2.0} : !snn.current<1>
  %n = snn.neuron %s {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

snn.network @readout_drives(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>} {
  %a = snn.linear %in weight(dense<1.0> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  %r = snn.neuron %a {model = #snn.model<li>, decay = 0.9, gain = 0.1, drive = 0.0} : (!snn.current<1>) -> !snn.current<1>
  // expected-error @+1 {{'snn.neuron' op is driven by 'snn.neuron' directly; on spinnaker2 populations receive currents only from synaptic projections}}
  %n = snn.neuron %r {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

snn.network @not_discretized(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>} {
  %a = snn.linear %in weight(dense<1.0> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  // expected-error @+1 {{'snn.lif' op is in continuous time; run snn-discretize before snn-quantize}}
  %n = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}
