// RUN: snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -snn-quantize -split-input-file -verify-diagnostics | FileCheck %s
// Fixed-point formats of docs/numerics.md §3: int16 weights with a
// per-projection shift, an accumulator that cannot overflow, per-neuron
// integer constants, and the error remark of each projection.

// The largest |w| (2.0) maps to 32767; 1.0 rounds half away from zero.
// CHECK-LABEL: snn.network @weights
// CHECK: snn.linear {{.*}}s2.quant = #s2.quant<shift = 0, scale = 6.1037018951994385E-5, rms_error = {{.*}}, max_error = {{.*}}, weights = dense<{{\[}}[16384, 8192, -4096], [0, 32767, 2048]]> : tensor<2x3xi16>>
// CHECK: snn.neuron {{.*}}s2.fixed = #s2.fixed<s_in = 6.1037018951994385E-5, s_v = {{[^,]+}}, decay = 62259, gain_m = {{[0-9]+}}, gain_s = {{[0-9]+}}, drive = 0, bias = 0, threshold = {{[0-9]+}}, reset = 0>
snn.network @weights(%in: !snn.spikes<3>) -> !snn.spikes<2> {
  // expected-remark @+1 {{quantized to int16 << 0 (LSB 6.1037e-05): RMS error 1.43584e-05 (0.000717922% of max |w| = 2), max error 3.05185e-05}}
  %a = snn.linear %in weight(dense<[[1.0, 0.5, -0.25], [0.0, 2.0, 0.125]]> : tensor<2x3xf32>) : !snn.spikes<3> -> !snn.current<2>
  %n = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %n : !snn.spikes<2>
}

// -----

// Two projections into one population share its accumulator: the fine one
// uses the full int16 range, the coarse one (100x larger) a left shift of 7.
// CHECK-LABEL: snn.network @shared_accumulator
// CHECK: snn.linear %arg0 {{.*}}s2.quant = #s2.quant<shift = 0, {{.*}}, weights = dense<32767> : tensor<1x1xi16>>
// CHECK: snn.linear %arg1 {{.*}}s2.quant = #s2.quant<shift = 7, {{.*}}, weights = dense<25599> : tensor<1x1xi16>>
snn.network @shared_accumulator(%x: !snn.spikes<1>, %y: !snn.spikes<1>) -> !snn.spikes<1> {
  // expected-remark @+1 {{quantized to int16 << 0}}
  %a = snn.linear %x weight(dense<1.0> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  // expected-remark @+1 {{quantized to int16 << 7}}
  %b = snn.linear %y weight(dense<100.0> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  %n = snn.lif %a, %b {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>, !snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

// 40000 synapses of weight 1 into one neuron could sum past int32 at full
// int16 resolution, so s_in grows until they cannot (2^30 / 40000 LSBs each).
// CHECK-LABEL: snn.network @fan_in_bound
// CHECK: s2.quant = #s2.quant<shift = 0, scale = 3.72529{{[0-9]*}}E-5, {{.*}}, weights = dense_resource<s2_qweight> : tensor<1x40000xi16>>
// 26844 = 0x68DC, little-endian, after the blob's alignment (2):
// CHECK: s2_qweight: "0x02000000DC68DC68DC68
snn.network @fan_in_bound(%in: !snn.spikes<40000>) -> !snn.spikes<1> {
  // expected-remark @+1 {{quantized to int16 << 0}}
  %a = snn.linear %in weight(dense<1.0> : tensor<1x40000xf32>) : !snn.spikes<40000> -> !snn.current<1>
  %n = snn.lif %a {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

// Per-neuron constants become arrays; an affine bias is carried in s_in
// LSBs; CuBa-LIF gets its synaptic constants.
// CHECK-LABEL: snn.network @constants
// CHECK: snn.neuron {{.*}}model = #snn.model<cuba_lif>{{.*}}s2.fixed = #s2.fixed<{{.*}}decay = [62259, 58982]{{.*}}bias = [16384, 0], threshold = {{.*}}, syn_decay = 52429, syn_gain_m = {{[0-9]+}}, syn_gain_s = {{[0-9]+}}>
snn.network @constants(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  // expected-remark @+1 {{quantized to int16 << 0}}
  %a = snn.affine %in weight(dense<[[2.0, 0.0], [0.0, 2.0]]> : tensor<2x2xf32>) bias(dense<[1.0, 0.0]> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %n = snn.cuba_lif %a {tau_mem = array<f64: 0.02, 0.01>, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %n : !snn.spikes<2>
}

// -----

// Procedural reservoir weights are quantized while their rows are expanded.
// CHECK-LABEL: snn.network @reservoir
// CHECK: snn.procedural {{.*}}s2.quant = #s2.quant<shift = {{[0-9]+}}, scale = {{[^,]+}}, rms_error = {{[^,]+}}, max_error = {{[^,>]+}}>,
snn.network @reservoir(%in: !snn.spikes<4>) -> !snn.spikes<50> {
  // expected-remark @+1 {{quantized to int16}}
  %i = snn.linear %in weight(dense<0.5> : tensor<50x4xf32>) : !snn.spikes<4> -> !snn.current<50>
  // expected-remark @+1 {{quantized to int16}}
  %r = snn.reservoir %i {size = 50, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.2>,
        w_ee = #snn.dist<normal(0.3, 0.1)>, w_ei = #snn.dist<normal(0.6, 0.1)>, w_ie = #snn.dist<normal(0.9, 0.1)>, w_ii = #snn.dist<normal(0.9, 0.1)>,
        seed = 5, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<50>) -> !snn.spikes<50>
  snn.output %r : !snn.spikes<50>
}
