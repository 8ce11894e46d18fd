// RUN: snnc-opt %s -snn-target="target=spinnaker2" -snn-place -snn-route -split-input-file -verify-diagnostics
// snn-place and snn-route read the slices earlier stages recorded. Records
// that contradict the network are refused when the module is read, before
// either pass trusts them.

// expected-error @+1 {{'snn.network' op input #0 has 4 neurons but its s2.input_slices entry covers 3}}
snn.network @short_input(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>, s2.input_slices = [#s2.slices<sizes = [3]>]} {
  %w = snn.linear %in weight(dense<0.5> : tensor<4x4xf32>) : !snn.spikes<4> -> !snn.current<4>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [4]>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %n : !snn.spikes<4>
}

// -----

// expected-error @+1 {{'snn.network' op places two slices on PE 7}}
snn.network @shared_pe(%in: !snn.spikes<4>) -> !snn.spikes<4> attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>, s2.input_slices = [#s2.slices<sizes = [4], pes = [7]>]} {
  %w = snn.linear %in weight(dense<0.5> : tensor<4x4xf32>) : !snn.spikes<4> -> !snn.current<4>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [2, 2], pes = [7, 8]>} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %n : !snn.spikes<4>
}
