// RUN: snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -snn-quantize -split-input-file -verify-diagnostics
// The quantizer doubles the input scale until the worst case fits the
// int32 accumulator; what no scale can fit is refused up front instead of
// looping forever (issue #16, H1).

// w_in = 1e9 still fits.
snn.network @fits(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-remark @+1 {{quantized to int16}}
  %w = snn.linear %in weight(dense<1.0> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %c = snn.cuba_lif %w {tau_mem = 0.02, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, w_in = 1.0e9} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %c : !snn.spikes<3>
}

// -----

snn.network @huge_w_in(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<1.0> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op neuron 0: the synaptic filter's gain 1e+10 (syn_gain / (1 - syn_decay), from w_in) times the rounding margin of its 2 synapses is 2e+10, beyond the int32 accumulator's 2147483647 at any input scale; reduce w_in}}
  %c = snn.cuba_lif %w {tau_mem = 0.02, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, w_in = 1.0e10} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %c : !snn.spikes<3>
}

// -----

snn.network @w_in_1e300(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<1.0> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op neuron 0: the synaptic filter's gain 1e+300}}
  %c = snn.cuba_lif %w {tau_mem = 0.02, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, w_in = 1.0e300} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %c : !snn.spikes<3>
}

// -----

// lognormal(0, 100) samples overflow f32 to infinity.
snn.network @overflowing_law(%in: !snn.spikes<8>) -> !snn.spikes<8> {
  %d = snn.linear %in weight(dense<1.0> : tensor<8x8xf32>) : !snn.spikes<8> -> !snn.current<8>
  // expected-error @+1 {{'snn.procedural' op has weights or biases that are not finite (largest |w| = inf): a weight beyond f32's 3.4e+38, such as a weight law whose samples overflow, cannot be quantized}}
  %r = snn.reservoir %d {size = 8, excitatory_fraction = 0.75,
      connectivity = #snn.fixed_probability<0.5>,
      w_ee = #snn.dist<lognormal(0.0, 100.0)>, w_ei = #snn.dist<constant(1.0)>,
      w_ie = #snn.dist<constant(1.0)>, w_ii = #snn.dist<constant(1.0)>,
      seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0}
      : (!snn.current<8>) -> !snn.spikes<8>
  snn.output %r : !snn.spikes<8>
}
