// RUN: snnc-opt %s -split-input-file -verify-diagnostics

// Negative tests for every verifier rule of the snn dialect: signal types,
// neuron populations, synaptic projections, the procedural reservoir and the
// network structure. One rule per split.

//===----------------------------------------------------------------------===//
// Signal types
//===----------------------------------------------------------------------===//

// expected-error @+1 {{dimension sizes must be positive, got 0}}
snn.network @n(%a: !snn.spikes<0>) -> () {
  snn.output
}

// -----

// expected-error @+1 {{dimension sizes must be positive, got 2x0}}
snn.network @n(%a: !snn.current<2x0>) -> () {
  snn.output
}

// -----

// expected-error @+1 {{a signal needs at least one dimension}}
snn.network @n(%a: !snn.spikes<>) -> () {
  snn.output
}

// -----

// expected-error @+1 {{shape 1048576x1048577 exceeds 2^40 neurons}}
snn.network @n(%a: !snn.spikes<1048576x1048577>) -> () {
  snn.output
}

//===----------------------------------------------------------------------===//
// Neuron populations: input shapes and signal kinds
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.current<2x3>) -> () {
  // expected-error @+1 {{'snn.lif' op input #0 has shape 2x3 but the population has shape 6}}
  %s = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2x3>) -> !snn.spikes<6>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>, %b: !snn.current<4>) -> () {
  // expected-error @+1 {{'snn.lif' op input #1 has shape 4 but the population has shape 3}}
  %s = snn.lif %a, %b {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>, !snn.current<4>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<4>) -> () {
  // expected-error @+1 {{'snn.li' op input #0 has shape 4 but the population has shape 2x2}}
  %s = snn.li %a {tau_mem = 0.05, r = 1.0, v_leak = 0.0} : (!snn.current<4>) -> !snn.current<2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<4>) -> () {
  // expected-error @+1 {{'snn.integrator' op input #0 has shape 4 but the population has shape 5}}
  %s = snn.integrator %a {r = 1.0} : (!snn.current<4>) -> !snn.current<5>
  snn.output
}

// -----

// Spikes cannot feed a neuron directly: they need a projection first.
snn.network @n(%a: !snn.spikes<3>) -> () {
  // expected-error @+1 {{'snn.lif' op operand #0 must be variadic of a current (!snn.current)}}
  %s = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.spikes<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.li' op result #0 must be a current (!snn.current)}}
  %s = snn.li %a {tau_mem = 0.05, r = 1.0, v_leak = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.if' op result #0 must be spikes (!snn.spikes)}}
  %s = snn.if %a {r = 1.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op requires attribute 'v_threshold'}}
  %s = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{attribute 'tau_mem' failed to satisfy constraint: an f64 scalar or a per-neuron array<f64>}}
  %s = snn.lif %a {tau_mem = 0.02 : f32, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

//===----------------------------------------------------------------------===//
// Neuron populations: time constants and resistances must be positive
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op tau_mem must be positive, got 0}}
  %s = snn.lif %a {tau_mem = 0.0, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.cuba_lif' op tau_mem must be positive, got -0.01}}
  %s = snn.cuba_lif %a {tau_mem = -0.01, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.cuba_lif' op tau_syn must be positive, got -0.005}}
  %s = snn.cuba_lif %a {tau_mem = 0.01, tau_syn = -0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.li' op tau_mem must be positive, got -1}}
  %s = snn.li %a {tau_mem = -1.0, r = 1.0, v_leak = 0.0} : (!snn.current<3>) -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op tau_mem must be positive, got -0.02 for neuron 1}}
  %s = snn.lif %a {tau_mem = array<f64: 0.01, -0.02, 0.03>, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op r must be positive, got 0}}
  %s = snn.lif %a {tau_mem = 0.02, r = 0.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.cuba_lif' op r must be positive, got -1}}
  %s = snn.cuba_lif %a {tau_mem = 0.01, tau_syn = 0.005, r = -1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.if' op r must be positive, got -2}}
  %s = snn.if %a {r = -2.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.li' op r must be positive, got 0}}
  %s = snn.li %a {tau_mem = 0.05, r = 0.0, v_leak = 0.0} : (!snn.current<3>) -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.integrator' op r must be positive, got 0}}
  %s = snn.integrator %a {r = 0.0} : (!snn.current<3>) -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.integrator' op r must be positive, got -0.5 for neuron 2}}
  %s = snn.integrator %a {r = array<f64: 1.0, 2.0, -0.5>} : (!snn.current<3>) -> !snn.current<3>
  snn.output
}

// -----

// +inf
snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op v_leak must be finite}}
  %s = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0x7FF0000000000000 : f64, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

// NaN
snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.cuba_lif' op w_in must be finite}}
  %s = snn.cuba_lif %a {tau_mem = 0.01, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, w_in = 0x7FF8000000000000 : f64} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

//===----------------------------------------------------------------------===//
// Neuron populations: v_threshold must lie above v_reset (default 0)
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op v_threshold (0.5) must be greater than v_reset (0.5)}}
  %s = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 0.5, v_reset = 0.5} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op v_threshold (0.2) must be greater than v_reset (0.3) for neuron 1}}
  %s = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = array<f64: 1.0, 0.2, 1.0>, v_reset = array<f64: 0.0, 0.3, 0.0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.cuba_lif' op v_threshold (1) must be greater than v_reset (2) for neuron 2}}
  %s = snn.cuba_lif %a {tau_mem = 0.01, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, v_reset = array<f64: 0.0, 0.0, 2.0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

// v_reset defaults to 0, so a negative threshold is rejected.
snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.if' op v_threshold (-1) must be greater than v_reset (0)}}
  %s = snn.if %a {r = 1.0, v_threshold = -1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.lif' op v_threshold (-1) must be greater than v_reset (0) for neuron 1}}
  %s = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = array<f64: 1.0, -1.0>} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

//===----------------------------------------------------------------------===//
// Neuron populations: per-neuron arrays must match the population size
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op tau_mem has 2 per-neuron values but the population has 3 neurons}}
  %s = snn.lif %a {tau_mem = array<f64: 0.01, 0.02>, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2x2>) -> () {
  // expected-error @+1 {{'snn.lif' op v_reset has 2 per-neuron values but the population has 4 neurons}}
  %s = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0, v_reset = array<f64: 0.0, 0.0>} : (!snn.current<2x2>) -> !snn.spikes<2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.cuba_lif' op w_in has 4 per-neuron values but the population has 3 neurons}}
  %s = snn.cuba_lif %a {tau_mem = 0.01, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, w_in = array<f64: 1.0, 2.0, 3.0, 4.0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.cuba_lif' op tau_syn has 1 per-neuron values but the population has 3 neurons}}
  %s = snn.cuba_lif %a {tau_mem = 0.01, tau_syn = array<f64: 0.005>, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.if' op v_threshold has 2 per-neuron values but the population has 3 neurons}}
  %s = snn.if %a {r = 1.0, v_threshold = array<f64: 1.0, 2.0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.li' op v_leak has 2 per-neuron values but the population has 3 neurons}}
  %s = snn.li %a {tau_mem = 0.01, r = 1.0, v_leak = array<f64: 0.0, 0.0>} : (!snn.current<3>) -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.integrator' op r has 4 per-neuron values but the population has 3 neurons}}
  %s = snn.integrator %a {r = array<f64: 1.0, 1.0, 1.0, 1.0>} : (!snn.current<3>) -> !snn.current<3>
  snn.output
}

//===----------------------------------------------------------------------===//
// Projections: signal kinds
//===----------------------------------------------------------------------===//

// -----

// A current cannot feed a projection: projections take spikes.
snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.linear' op operand #0 must be spikes (!snn.spikes)}}
  %c = snn.linear %a weight(dense<0.5> : tensor<3x3xf32>) : !snn.current<3> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<3>) -> () {
  // expected-error @+1 {{'snn.linear' op result #0 must be a current (!snn.current)}}
  %c = snn.linear %a weight(dense<0.5> : tensor<3x3xf32>) : !snn.spikes<3> -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op operand #0 must be spikes (!snn.spikes)}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.current<2> -> !snn.current<2>
  snn.output
}

//===----------------------------------------------------------------------===//
// snn.sparse: CSR structure
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op row_ptr must start at 0, got 1}}
  %c = snn.sparse %a rows(dense<[1, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op row_ptr decreases at row 1 (2 -> 1)}}
  %c = snn.sparse %a rows(dense<[0, 2, 1]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op row_ptr[1] = 3 is out of range for 2 synapses}}
  %c = snn.sparse %a rows(dense<[0, 3, 3]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op row_ptr ends at 1 but there are 2 synapses}}
  %c = snn.sparse %a rows(dense<[0, 1, 1]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op col_idx[1] = -1 is out of range for 2 outputs}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, -1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op col_idx[1] = 3 is out of range for 3 outputs}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 3]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op col_idx must be 1-D, got 'tensor<2x1xi32>'}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[[0], [1]]> : tensor<2x1xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op delays[1] = -0.001 must be finite and non-negative}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) delays(dense<[0.001, -0.001]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op delays[0] = nan must be finite and non-negative}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) delays(dense<[0x7FC00000, 0.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

//===----------------------------------------------------------------------===//
// snn.conv2d
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.spikes<16>) -> () {
  // expected-error @+1 {{'snn.conv2d' op input must be (channels, height, width), got 16}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<16> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op weight must be (out_channels, in_channels / groups, kh, kw), got 'tensor<2x9xf32>'}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x9xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<3x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op weight expects 2 input channels but the input has 3}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x2x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<3x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op weight expects 2 input channels but the input has 4}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 2} : !snn.spikes<4x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op groups (2) must divide both 4 input and 3 output channels}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<3x2x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 2} : !snn.spikes<4x4x4> -> !snn.current<3x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<3x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op groups (2) must divide both 3 input and 2 output channels}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 2} : !snn.spikes<3x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{attribute 'groups' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 0} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op result has shape 2x3x3 but the window gives 2x2x2}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x3x3>
  snn.output
}

// -----

// Stride 2, padding 1, dilation 2 on 8x8: (8 + 2 - 5) / 2 + 1 = 3.
snn.network @n(%a: !snn.spikes<1x8x8>) -> () {
  // expected-error @+1 {{'snn.conv2d' op result has shape 4x4x4 but the window gives 4x3x3}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<4x1x3x3xf32>) {stride = array<i64: 2, 2>, padding = array<i64: 1, 1>, dilation = array<i64: 2, 2>, groups = 1} : !snn.spikes<1x8x8> -> !snn.current<4x4x4>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x2x2>) -> () {
  // expected-error @+1 {{'snn.conv2d' op window does not fit: the output would have shape 2x0x0}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x2x2> -> !snn.current<2x1x1>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op stride must have 2 entries (height, width), got 1}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error-re @+1 {{'snn.conv2d' op stride entries must {{(be at least 1|lie in \[1, [0-9]+\])}}, got 0}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 0, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op padding must have 2 entries (height, width), got 4}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0, 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error-re @+1 {{'snn.conv2d' op padding entries must {{(be at least 0|lie in \[0, [0-9]+\])}}, got -1}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: -1, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op dilation must have 2 entries (height, width), got 3}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error-re @+1 {{'snn.conv2d' op dilation entries must {{(be at least 1|lie in \[1, [0-9]+\])}}, got 0}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 0, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

//===----------------------------------------------------------------------===//
// snn.sum_pool2d
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.spikes<32>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op input must be (channels, height, width), got 32}}
  %c = snn.sum_pool2d %a {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<32> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x4x4>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op result has shape 2x3x3 but the window gives 2x2x2}}
  %c = snn.sum_pool2d %a {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<2x4x4> -> !snn.current<2x3x3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x4x4>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op window does not fit: the output would have shape 2x0x2}}
  %c = snn.sum_pool2d %a {kernel_size = array<i64: 5, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<2x4x4> -> !snn.current<2x1x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x4x4>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op kernel_size must have 2 entries (height, width), got 1}}
  %c = snn.sum_pool2d %a {kernel_size = array<i64: 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<2x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x4x4>) -> () {
  // expected-error-re @+1 {{'snn.sum_pool2d' op kernel_size entries must {{(be at least 1|lie in \[1, [0-9]+\])}}, got 0}}
  %c = snn.sum_pool2d %a {kernel_size = array<i64: 0, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<2x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x4x4>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op stride must have 2 entries (height, width), got 3}}
  %c = snn.sum_pool2d %a {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<2x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x4x4>) -> () {
  // expected-error-re @+1 {{'snn.sum_pool2d' op stride entries must {{(be at least 1|lie in \[1, [0-9]+\])}}, got -1}}
  %c = snn.sum_pool2d %a {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, -1>, padding = array<i64: 0, 0>} : !snn.spikes<2x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x4x4>) -> () {
  // expected-error-re @+1 {{'snn.sum_pool2d' op padding entries must {{(be at least 0|lie in \[0, [0-9]+\])}}, got -2}}
  %c = snn.sum_pool2d %a {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, -2>} : !snn.spikes<2x4x4> -> !snn.current<2x2x2>
  snn.output
}

//===----------------------------------------------------------------------===//
// snn.scale, snn.delay
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.spikes<3>) -> () {
  // expected-error @+1 {{'snn.scale' op operand #0 must be a current (!snn.current)}}
  %c = snn.scale %a {factor = 2.0} : !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.scale' op factor has 2 values but the signal has 3 elements}}
  %c = snn.scale %a {factor = array<f64: 1.0, 2.0>} : !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.scale' op factor must be finite}}
  %c = snn.scale %a {factor = 0x7FF8000000000000 : f64} : !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<3>) -> () {
  // expected-error @+1 {{'snn.delay' op delay has 2 values but the signal has 3 elements}}
  %c = snn.delay %a {delay = array<f64: 0.001, 0.002>} : !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<3>) -> () {
  // expected-error @+1 {{'snn.delay' op delay must be non-negative, got -0.001}}
  %c = snn.delay %a {delay = -0.001} : !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.delay' op delay must be non-negative, got -0.002 for element 1}}
  %c = snn.delay %a {delay = array<f64: 0.001, -0.002, 0.0>} : !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<3>) -> () {
  // expected-error @+1 {{'snn.delay' op delay must be finite}}
  %c = snn.delay %a {delay = 0x7FF0000000000000 : f64} : !snn.spikes<3>
  snn.output
}

//===----------------------------------------------------------------------===//
// snn.flatten
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.spikes<2x3x4>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions 1..3 are not a valid range for rank 3}}
  %f = snn.flatten %a {start_dim = 1, end_dim = 3} : !snn.spikes<2x3x4> -> !snn.spikes<2x12>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x3x4>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions 2..1 are not a valid range for rank 3}}
  %f = snn.flatten %a {start_dim = 2, end_dim = 1} : !snn.spikes<2x3x4> -> !snn.spikes<24>
  snn.output
}

// -----

// A start_dim below -rank is out of range. (The diagnostic prints the
// attribute as unsigned, so only the rank is matched here.)
snn.network @n(%a: !snn.spikes<2x3x4>) -> () {
  // expected-error @+1 {{are not a valid range for rank 3}}
  %f = snn.flatten %a {start_dim = -4, end_dim = -1} : !snn.spikes<2x3x4> -> !snn.spikes<24>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x3x4>) -> () {
  // expected-error @+1 {{'snn.flatten' op result has shape 24 but flattening 2x3x4 gives 2x12}}
  %f = snn.flatten %a {start_dim = 1, end_dim = -1} : !snn.spikes<2x3x4> -> !snn.spikes<24>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2x3x4>) -> () {
  // expected-error @+1 {{'snn.flatten' op result has shape 6x2 but flattening 2x3x4 gives 6x4}}
  %f = snn.flatten %a {start_dim = 0, end_dim = 1} : !snn.current<2x3x4> -> !snn.current<6x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x3x4>) -> () {
  // expected-error @+1 {{'snn.flatten' op flatten keeps the signal kind: input is '!snn.spikes<2x3x4>' but result is '!snn.current<24>'}}
  %f = snn.flatten %a {start_dim = 0, end_dim = -1} : !snn.spikes<2x3x4> -> !snn.current<24>
  snn.output
}

//===----------------------------------------------------------------------===//
// snn.reservoir
//===----------------------------------------------------------------------===//

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op p must lie in [0, 1] (got 1.5)}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<1.5>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op p must lie in [0, 1] (got -0.1)}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<-0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op c_ee must lie in [0, 1] (got 1.5)}}
  %s = snn.reservoir {size = 8, excitatory_fraction = 0.8,
        connectivity = #snn.distance<grid = [2, 2, 2], lambda = 2.0, c_ee = 1.5, c_ei = 0.2, c_ie = 0.4, c_ii = 0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<8>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op c_ii must lie in [0, 1] (got -0.1)}}
  %s = snn.reservoir {size = 8, excitatory_fraction = 0.8,
        connectivity = #snn.distance<grid = [2, 2, 2], lambda = 2.0, c_ee = 0.3, c_ei = 0.2, c_ie = 0.4, c_ii = -0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<8>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op excitatory_fraction must lie in [0, 1] (got 1.2)}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 1.2, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op excitatory_fraction must lie in [0, 1] (got -0.5)}}
  %s = snn.reservoir {size = 10, excitatory_fraction = -0.5, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op size is 10 but the result has 12 neurons}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<12>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{attribute 'size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %s = snn.reservoir {size = 0, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<1>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{attribute 'size' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %s = snn.reservoir {size = -3, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<1>
  snn.output
}

// -----

// Synapse targets are uint32, so a reservoir must stay below 2^32 neurons
// even though a signal may hold up to 2^40.
snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op size must be below 2^32 so targets fit in uint32 (got 4294967296)}}
  %s = snn.reservoir {size = 4294967296, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<4294967296>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op result #0 must be spikes (!snn.spikes)}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.current<10>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<5>) -> () {
  // expected-error @+1 {{'snn.reservoir' op input #0 has shape 5 but the population has shape 10}}
  %s = snn.reservoir %a {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<5>) -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{attribute 'connectivity' failed to satisfy constraint}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = 0.1,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op grid 2x2x2 holds 8 neurons but size is 10}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8,
        connectivity = #snn.distance<grid = [2, 2, 2], lambda = 2.0, c_ee = 0.3, c_ei = 0.2, c_ie = 0.4, c_ii = 0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op distance rule needs a 3-D grid, got 2 dimensions}}
  %s = snn.reservoir {size = 8, excitatory_fraction = 0.8,
        connectivity = #snn.distance<grid = [2, 4], lambda = 2.0, c_ee = 0.3, c_ei = 0.2, c_ie = 0.4, c_ii = 0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<8>
  snn.output
}

// -----

// A negative extent must not be masked by a positive product (2 * -2 * -2).
snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op grid y extent must be positive (got -2)}}
  %s = snn.reservoir {size = 8, excitatory_fraction = 0.8,
        connectivity = #snn.distance<grid = [2, -2, -2], lambda = 2.0, c_ee = 0.3, c_ei = 0.2, c_ie = 0.4, c_ii = 0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<8>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op lambda must be positive and finite (got 0)}}
  %s = snn.reservoir {size = 8, excitatory_fraction = 0.8,
        connectivity = #snn.distance<grid = [2, 2, 2], lambda = 0.0, c_ee = 0.3, c_ei = 0.2, c_ie = 0.4, c_ii = 0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<8>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op lambda must be positive and finite (got -1)}}
  %s = snn.reservoir {size = 8, excitatory_fraction = 0.8,
        connectivity = #snn.distance<grid = [2, 2, 2], lambda = -1.0, c_ee = 0.3, c_ei = 0.2, c_ie = 0.4, c_ii = 0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<8>
  snn.output
}

// -----

snn.network @n() -> () {
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>,
        // expected-error @+1 {{uniform weight distribution needs low <= high, got (5.000000e-01, 1.000000e-01)}}
        w_ie = #snn.dist<uniform(0.5, 0.1)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        // expected-error @+1 {{normal weight distribution needs a non-negative spread, got -1.000000e-01}}
        w_ee = #snn.dist<normal(0.5, -0.1)>, w_ei = #snn.dist<constant(0.5)>,
        w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>,
        // expected-error @+1 {{lognormal weight distribution needs a non-negative spread, got -1.000000e-01}}
        w_ii = #snn.dist<lognormal(0.5, -0.1)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        // expected-error @+1 {{unknown weight distribution 'cauchy'; expected constant, uniform, normal or lognormal}}
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<cauchy(1.0, 2.0)>,
        w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        // expected-error @+1 {{weight distribution parameters must be finite}}
        w_ee = #snn.dist<constant(0x7FF0000000000000)>, w_ei = #snn.dist<constant(0.5)>,
        w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

// Finite as f64 but beyond f32 range: the weights would become infinite.
snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op weight_ei parameters must be finite and within float range (got 1e+39, 0)}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(1.0e39)>,
        w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{attribute 'w_ei' failed to satisfy constraint: a distribution of synaptic weight magnitudes}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = 0.5,
        w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op tau_mem must be positive, got 0}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.0, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op r must be positive, got -1}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = -1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op v_threshold (-1) must be greater than v_reset (0)}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = -1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op v_threshold (1) must be greater than v_reset (1)}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0, v_reset = 1.0} : () -> !snn.spikes<10>
  snn.output
}

// -----

snn.network @n() -> () {
  // expected-error @+1 {{'snn.reservoir' op delay must be non-negative, got -0.001}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0, delay = -0.001} : () -> !snn.spikes<10>
  snn.output
}

// -----

// Reservoir parameters are scalars only.
snn.network @n() -> () {
  // expected-error @+1 {{attribute 'tau_mem' failed to satisfy constraint: 64-bit float attribute}}
  %s = snn.reservoir {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<constant(0.5)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<constant(0.5)>, w_ii = #snn.dist<constant(0.5)>,
        seed = 1, tau_mem = array<f64: 0.1>, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<10>
  snn.output
}

//===----------------------------------------------------------------------===//
// snn.network and snn.output
//===----------------------------------------------------------------------===//

// -----

snn.network @x(%a: !snn.current<2>) -> (!snn.current<2>, !snn.current<2>) {
  // expected-error @+1 {{'snn.output' op network @x declares 2 output(s) but snn.output produces 1}}
  snn.output %a : !snn.current<2>
}

// -----

snn.network @x(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.output' op network @x declares 0 output(s) but snn.output produces 1}}
  snn.output %a : !snn.current<2>
}

// -----

snn.network @x(%a: !snn.current<2>) -> !snn.current<2> {
  // expected-error @+1 {{'snn.output' op network @x declares 1 output(s) but snn.output produces 0}}
  snn.output
}

// -----

snn.network @x(%a: !snn.current<2>) -> !snn.current<3> {
  // expected-error @+1 {{'snn.output' op output #0 is '!snn.current<2>' but network @x declares '!snn.current<3>'}}
  snn.output %a : !snn.current<2>
}

// -----

snn.network @x(%a: !snn.current<2>, %b: !snn.current<2>) -> (!snn.current<2>, !snn.spikes<2>) {
  // expected-error @+1 {{'snn.output' op output #1 is '!snn.current<2>' but network @x declares '!snn.spikes<2>'}}
  snn.output %a, %b : !snn.current<2>, !snn.current<2>
}

// -----

// expected-error @+1 {{'snn.network' op input #1 must be !snn.spikes or !snn.current, got 'i32'}}
snn.network @x(%a: !snn.spikes<2>, %b: i32) -> () {
  snn.output
}

// -----

// A network cannot be a bodiless declaration.
// expected-error @+1 {{'snn.network' op region #0 ('body') failed to verify constraint: region with 1 blocks}}
snn.network @x() -> ()

// -----

// expected-error @+1 {{'snn.output' op expects parent op 'snn.network'}}
snn.output

//===----------------------------------------------------------------------===//
// Element types, shapes and blob contents of weights and CSR arrays.
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.linear' op weight has type 'tensor<4x3xf32>' but must have shape 3x4}}
  %c = snn.linear %a weight(dense<0.5> : tensor<4x3xf32>) : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.linear' op weight must have 'f32' elements, got 'tensor<3x4xf64>'}}
  %c = snn.linear %a weight(dense<0.5> : tensor<3x4xf64>) : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.linear' op weight must be a dense or dense_resource tensor}}
  %c = snn.linear %a weight(sparse<[[0, 0]], [1.0]> : tensor<3x4xf32>) : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.affine' op weight has type 'tensor<3x3xf32>' but must have shape 3x4}}
  %c = snn.affine %a weight(dense<0.5> : tensor<3x3xf32>) bias(dense<0.1> : tensor<3xf32>) : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.affine' op bias has type 'tensor<4xf32>' but must have shape 3}}
  %c = snn.affine %a weight(dense<0.5> : tensor<3x4xf32>) bias(dense<0.1> : tensor<4xf32>) : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.affine' op bias must have 'f32' elements, got 'tensor<3xi32>'}}
  %c = snn.affine %a weight(dense<0.5> : tensor<3x4xf32>) bias(dense<1> : tensor<3xi32>) : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op weight must have 'f32' elements, got 'tensor<2x1x3x3xf16>'}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf16>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op bias has type 'tensor<3xf32>' but must have shape 2}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<2x1x3x3xf32>) bias(dense<0.1> : tensor<3xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<2x2x2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op row_ptr must have 'i64' elements, got 'tensor<3xi32>'}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi32>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

// row_ptr needs inputs + 1 entries.
snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op row_ptr has type 'tensor<2xi64>' but must have shape 3}}
  %c = snn.sparse %a rows(dense<[0, 2]> : tensor<2xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op col_idx must have 'i32' elements, got 'tensor<2xi64>'}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi64>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op values must have 'f32' elements, got 'tensor<2xf64>'}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf64>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op values has type 'tensor<3xf32>' but must have shape 2}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0, 3.0]> : tensor<3xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op delays must have 'f32' elements, got 'tensor<2xf64>'}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) delays(dense<[0.001, 0.0]> : tensor<2xf64>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op delays has type 'tensor<1xf32>' but must have shape 2}}
  %c = snn.sparse %a rows(dense<[0, 1, 2]> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) delays(dense<0.001> : tensor<1xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

// The parser accepts a dense_resource handle without a blob; the verifier
// must reject it.
snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.linear' op resource blob 'missing' has no data (missing from dialect_resources)}}
  %c = snn.linear %a weight(dense_resource<missing> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op resource blob 'missing_rows' has no data (missing from dialect_resources)}}
  %c = snn.sparse %a rows(dense_resource<missing_rows> : tensor<3xi64>) cols(dense<[0, 1]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

// -----

// The blob holds two f32 values (after the 4-byte alignment) for four.
snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.linear' op resource blob 'short_blob' holds 8 bytes but 'tensor<2x2xf32>' needs 16}}
  %c = snn.linear %a weight(dense_resource<short_blob> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output
}

{-#
  dialect_resources: {
    builtin: {
      short_blob: "0x040000000000803F0000803F"
    }
  }
#-}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.lif' op tau_mem has 0 per-neuron values but the population has 3 neurons}}
  %s = snn.lif %a {tau_mem = array<f64>, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<3>) -> () {
  // expected-error @+1 {{'snn.scale' op factor has 0 values but the signal has 3 elements}}
  %s = snn.scale %a {factor = array<f64>} : !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x3x4>) -> () {
  // expected-error @+1 {{'snn.flatten' op dimensions -4..-1 are not a valid range for rank 3}}
  %f = snn.flatten %a {start_dim = -4, end_dim = -1} : !snn.spikes<2x3x4> -> !snn.spikes<24>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op weight expects 4611686018427387905 x 4 input channels but the input has 4}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<4x4611686018427387905x1x1xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 4} : !snn.spikes<4x4x4> -> !snn.current<4x4x4>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op kernel height and width must lie in [1, 1048576], got 4611686018427387904x1}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<1x1x4611686018427387904x1xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 4, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<1x1x4>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<1x4x4>) -> () {
  // expected-error @+1 {{'snn.conv2d' op kernel height and width must lie in [1, 1048576], got 0x1}}
  %c = snn.conv2d %a weight(dense<0.5> : tensor<1x1x0x1xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<1x4x4> -> !snn.current<1x5x4>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2x8x8>) -> () {
  // expected-error @+1 {{'snn.sum_pool2d' op padding entries must lie in [0, 1048576], got 2000000}}
  %p = snn.sum_pool2d %a {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 2000000, 0>} : !snn.spikes<2x8x8> -> !snn.current<2x4x4>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.linear' op weight[1] is NaN; weights must be finite}}
  %c = snn.linear %a weight(dense<[[1.0, 0x7FC00000]]> : tensor<1x2xf32>) : !snn.spikes<2> -> !snn.current<1>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.affine' op bias[0] is infinite; weights must be finite}}
  %c = snn.affine %a weight(dense<1.0> : tensor<1x2xf32>) bias(dense<0x7F800000> : tensor<1xf32>) : !snn.spikes<2> -> !snn.current<1>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op values[0] is infinite; weights must be finite}}
  %c = snn.sparse %a rows(dense<[0, 1, 1]> : tensor<3xi64>) cols(dense<[0]> : tensor<1xi32>) values(dense<0xFF800000> : tensor<1xf32>) : !snn.spikes<2> -> !snn.current<1>
  snn.output
}

// -----

// expected-error @+1 {{'snn.network' op output #0 must be !snn.spikes or !snn.current, got 'i32'}}
snn.network @n(%a: !snn.spikes<2>) -> i32 {
  snn.output
}

//===----------------------------------------------------------------------===//
// Discrete-time forms (after snn-discretize)
//===----------------------------------------------------------------------===//

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.neuron' op a lif population returns spikes, not '!snn.current<2>'}}
  %n = snn.neuron %a {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<2>) -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.neuron' op spiking models need threshold and reset}}
  %n = snn.neuron %a {model = #snn.model<if>, decay = 1.0, gain = 0.1, drive = 0.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.neuron' op readouts take no threshold or reset}}
  %n = snn.neuron %a {model = #snn.model<li>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<2>) -> !snn.current<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.neuron' op cuba_lif needs syn_decay and syn_gain}}
  %n = snn.neuron %a {model = #snn.model<cuba_lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.neuron' op only cuba_lif takes syn_decay and syn_gain}}
  %n = snn.neuron %a {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, syn_decay = 0.5, syn_gain = 0.5} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.neuron' op decay must lie in [0, 1], got -0.5 for neuron 1}}
  %n = snn.neuron %a {model = #snn.model<lif>, decay = array<f64: 0.9, -0.5>, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.current<2>) -> () {
  // expected-error @+1 {{'snn.neuron' op threshold (0) must be greater than reset (0)}}
  %n = snn.neuron %a {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 0.0, reset = 0.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.procedural' op recurrent synapses connect a population to itself, but the input has 4 neurons and the result 3}}
  %r = snn.procedural %a {excitatory_fraction = 0.5, connectivity = #snn.fixed_probability<0.5>,
        w_ee = #snn.dist<constant(0.1)>, w_ei = #snn.dist<constant(0.1)>, w_ie = #snn.dist<constant(0.1)>, w_ii = #snn.dist<constant(0.1)>,
        seed = 3, delay_steps = 1} : !snn.spikes<4> -> !snn.current<3>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.procedural' op attribute 'delay_steps' failed to satisfy constraint: 64-bit signless integer attribute whose value is positive}}
  %r = snn.procedural %a {excitatory_fraction = 0.5, connectivity = #snn.fixed_probability<0.5>,
        w_ee = #snn.dist<constant(0.1)>, w_ei = #snn.dist<constant(0.1)>, w_ie = #snn.dist<constant(0.1)>, w_ii = #snn.dist<constant(0.1)>,
        seed = 3, delay_steps = 0} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<4>) -> () {
  // expected-error @+1 {{'snn.procedural' op p must lie in [0, 1]}}
  %r = snn.procedural %a {excitatory_fraction = 0.5, connectivity = #snn.fixed_probability<1.5>,
        w_ee = #snn.dist<constant(0.1)>, w_ei = #snn.dist<constant(0.1)>, w_ie = #snn.dist<constant(0.1)>, w_ii = #snn.dist<constant(0.1)>,
        seed = 3, delay_steps = 1} : !snn.spikes<4> -> !snn.current<4>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.delay' op needs exactly one of delay (seconds) or steps}}
  %d = snn.delay %a {delay = 0.001, steps = 1} : !snn.spikes<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.delay' op steps must be non-negative, got -1 for element 1}}
  %d = snn.delay %a {steps = array<i64: 0, -1>} : !snn.spikes<2>
  snn.output
}

// -----

snn.network @n(%a: !snn.spikes<2>) -> () {
  // expected-error @+1 {{'snn.sparse' op delay_steps[0] = -2 must be non-negative}}
  %c = snn.sparse %a rows(dense<[0, 1, 1]> : tensor<3xi64>) cols(dense<[0]> : tensor<1xi32>) values(dense<1.0> : tensor<1xf32>) delay_steps(dense<-2> : tensor<1xi32>) : !snn.spikes<2> -> !snn.current<1>
  snn.output
}

// -----

// expected-error @+1 {{unknown discretization rule 'rk4'; expected euler or exact}}
snn.network @n() -> () attributes {snn.time = #snn.time<dt = 1.0e-3, rule = rk4>} {
  snn.output
}
