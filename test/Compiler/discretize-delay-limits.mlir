// RUN: snnc-opt %s -snn-discretize="dt=1.0e-3" -split-input-file -verify-diagnostics
// Delays in seconds become steps in double, checked before any integer
// cast: a delay whose step count exceeds the 16-bit ring (65535 steps) is
// refused with the value the user wrote, not wrapped to a short delay
// (issue #16, E1/U1). 65.535 s at 1 ms is the longest accepted.

snn.network @longest(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  %d = snn.delay %in {delay = 65.535} : !snn.spikes<2>
  %a = snn.linear %d weight(dense<2.0> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %b = snn.if %a {r = 1.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %b : !snn.spikes<2>
}

// -----

snn.network @one_more(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{'snn.delay' op delay of 65.536 s is 65536 steps of dt = 0.001 s, beyond the limit of 65535 steps (65.535 s): images store delays as 16-bit step counts}}
  %d = snn.delay %in {delay = 65.536} : !snn.spikes<2>
  %a = snn.linear %d weight(dense<2.0> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %b = snn.if %a {r = 1.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %b : !snn.spikes<2>
}

// -----

// 2^32 steps and a bit: once truncated to 32 bits, this was 1 step.
snn.network @wraps_32(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{'snn.delay' op delay of 4294967.297 s is 4.29497e+09 steps of dt = 0.001 s, beyond the limit of 65535 steps}}
  %d = snn.delay %in {delay = 4294967.297} : !snn.spikes<2>
  %a = snn.linear %d weight(dense<2.0> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %b = snn.if %a {r = 1.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %b : !snn.spikes<2>
}

// -----

// Beyond int64: this overflowed to -2^63 and was then called negative.
snn.network @overflows_64(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{'snn.delay' op delay[1] of 1e+300 s is 1e+303 steps of dt = 0.001 s, beyond the limit of 65535 steps}}
  %d = snn.delay %in {delay = array<f64: 0.001, 1.0e300>} : !snn.spikes<2>
  %a = snn.linear %d weight(dense<2.0> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %b = snn.if %a {r = 1.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %b : !snn.spikes<2>
}

// -----

snn.network @reservoir(%in: !snn.current<8>) -> !snn.spikes<8> {
  // expected-error @+1 {{'snn.reservoir' op delay of 4294967.297 s is 4.29497e+09 steps of dt = 0.001 s, beyond the limit of 65535 steps}}
  %r = snn.reservoir %in {size = 8, excitatory_fraction = 0.75,
      connectivity = #snn.fixed_probability<0.5>,
      w_ee = #snn.dist<constant(1.0)>, w_ei = #snn.dist<constant(1.0)>,
      w_ie = #snn.dist<constant(1.0)>, w_ii = #snn.dist<constant(1.0)>,
      seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0,
      delay = 4294967.297}
      : (!snn.current<8>) -> !snn.spikes<8>
  snn.output %r : !snn.spikes<8>
}

// -----

snn.network @reservoir_inf(%in: !snn.current<8>) -> !snn.spikes<8> {
  // expected-error @+1 {{'snn.reservoir' op delay must be a finite, non-negative number of seconds, got inf}}
  %r = snn.reservoir %in {size = 8, excitatory_fraction = 0.75,
      connectivity = #snn.fixed_probability<0.5>,
      w_ee = #snn.dist<constant(1.0)>, w_ei = #snn.dist<constant(1.0)>,
      w_ie = #snn.dist<constant(1.0)>, w_ii = #snn.dist<constant(1.0)>,
      seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0,
      delay = 0x7FF0000000000000 : f64}
      : (!snn.current<8>) -> !snn.spikes<8>
  snn.output %r : !snn.spikes<8>
}

// -----

// Sparse delays are f32; the message quotes the f32 as written.
snn.network @sparse(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{'snn.sparse' op delays[1] of 1e+20 s is 1e+23 steps of dt = 0.001 s, beyond the limit of 65535 steps}}
  %a = snn.sparse %in rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<2.0> : tensor<2xf32>) delays(dense<[0.002, 1.0e20]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %b = snn.if %a {r = 1.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %b : !snn.spikes<2>
}
