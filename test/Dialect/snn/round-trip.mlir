// RUN: snnc-opt %s | snnc-opt | FileCheck %s
// RUN: snnc-opt %s --mlir-print-op-generic | snnc-opt | FileCheck %s
// RUN: snnc-opt %s > %t.custom && snnc-opt %t.custom > %t.again && diff %t.custom %t.again
// RUN: snnc-opt %s --mlir-print-op-generic > %t.generic && snnc-opt %t.generic --mlir-print-op-generic | diff %t.generic -
// Every op, type and attribute of the snn dialect survives printing and
// re-parsing in both the custom and the generic form.

// CHECK-LABEL: snn.network @neurons
// CHECK-SAME: (%{{.*}}: !snn.spikes<3>, %{{.*}}: !snn.current<3>) -> (!snn.spikes<3>, !snn.spikes<3>, !snn.spikes<3>, !snn.current<3>, !snn.current<3>)
snn.network @neurons(%in: !snn.spikes<3>, %bias: !snn.current<3>)
    -> (!snn.spikes<3>, !snn.spikes<3>, !snn.spikes<3>, !snn.current<3>, !snn.current<3>) {
  // CHECK: %[[W:.+]] = snn.linear %{{.*}} weight(dense<{{.*}}> : tensor<3x3xf32>) : !snn.spikes<3> -> !snn.current<3>
  %w = snn.linear %in weight(dense<[[1.0, 0.0, 0.5], [0.0, 1.0, 0.0], [0.25, 0.0, 1.0]]> : tensor<3x3xf32>) : !snn.spikes<3> -> !snn.current<3>
  // CHECK: snn.lif %[[W]], %{{.*}} {r = 1.000000e+00 : f64, tau_mem = 2.000000e-02 : f64, v_leak = 0.000000e+00 : f64, v_reset = 0.000000e+00 : f64, v_threshold = 1.000000e+00 : f64} : (!snn.current<3>, !snn.current<3>) -> !snn.spikes<3>
  %lif = snn.lif %w, %bias {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0, v_reset = 0.0} : (!snn.current<3>, !snn.current<3>) -> !snn.spikes<3>
  // CHECK: snn.cuba_lif %[[W]] {r = 1.000000e+00 : f64, tau_mem = array<f64: 2.000000e-02, 3.000000e-02, 4.000000e-02>, tau_syn = 5.000000e-03 : f64, v_leak = 0.000000e+00 : f64, v_threshold = array<f64: 1.000000e+00, 1.500000e+00, 2.000000e+00>, w_in = 2.000000e+00 : f64} : (!snn.current<3>) -> !snn.spikes<3>
  %cuba = snn.cuba_lif %w {tau_mem = array<f64: 0.02, 0.03, 0.04>, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = array<f64: 1.0, 1.5, 2.0>, w_in = 2.0} : (!snn.current<3>) -> !snn.spikes<3>
  // CHECK: snn.if {r = 1.000000e+00 : f64, v_reset = -1.000000e+00 : f64, v_threshold = 5.000000e-01 : f64} : () -> !snn.spikes<3>
  %if = snn.if {r = 1.0, v_threshold = 0.5, v_reset = -1.0} : () -> !snn.spikes<3>
  // CHECK: snn.li %[[W]] {r = 2.000000e+00 : f64, tau_mem = 1.000000e-01 : f64, v_leak = -5.000000e-02 : f64} : (!snn.current<3>) -> !snn.current<3>
  %li = snn.li %w {tau_mem = 0.1, r = 2.0, v_leak = -0.05} : (!snn.current<3>) -> !snn.current<3>
  // CHECK: snn.integrator %[[W]] {r = 1.000000e+00 : f64} : (!snn.current<3>) -> !snn.current<3>
  %int = snn.integrator %w {r = 1.0} : (!snn.current<3>) -> !snn.current<3>
  // CHECK: snn.output %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : !snn.spikes<3>, !snn.spikes<3>, !snn.spikes<3>, !snn.current<3>, !snn.current<3>
  snn.output %lif, %cuba, %if, %li, %int : !snn.spikes<3>, !snn.spikes<3>, !snn.spikes<3>, !snn.current<3>, !snn.current<3>
}

// CHECK-LABEL: snn.network @synapses
snn.network @synapses(%img: !snn.spikes<2x6x6>, %vec: !snn.spikes<4>) -> (!snn.spikes<8>, !snn.spikes<4>) {
  // CHECK: snn.conv2d %{{.*}} weight(dense<5.000000e-01> : tensor<2x2x3x3xf32>) bias(dense<1.000000e-01> : tensor<2xf32>) {dilation = array<i64: 1, 1>, groups = 1 : i64, padding = array<i64: 1, 1>, stride = array<i64: 1, 1>} : !snn.spikes<2x6x6> -> !snn.current<2x6x6>
  %c = snn.conv2d %img weight(dense<0.5> : tensor<2x2x3x3xf32>) bias(dense<0.1> : tensor<2xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 1} : !snn.spikes<2x6x6> -> !snn.current<2x6x6>
  // CHECK: snn.if %{{.*}} {r = 1.000000e+00 : f64, v_threshold = 1.000000e+00 : f64} : (!snn.current<2x6x6>) -> !snn.spikes<2x6x6>
  %s = snn.if %c {r = 1.0, v_threshold = 1.0} : (!snn.current<2x6x6>) -> !snn.spikes<2x6x6>
  // CHECK: snn.sum_pool2d %{{.*}} {kernel_size = array<i64: 2, 2>, padding = array<i64: 0, 0>, stride = array<i64: 3, 3>} : !snn.spikes<2x6x6> -> !snn.current<2x2x2>
  %p = snn.sum_pool2d %s {kernel_size = array<i64: 2, 2>, stride = array<i64: 3, 3>, padding = array<i64: 0, 0>} : !snn.spikes<2x6x6> -> !snn.current<2x2x2>
  // CHECK: snn.flatten %{{.*}} {end_dim = -1 : i64, start_dim = 0 : i64} : !snn.current<2x2x2> -> !snn.current<8>
  %f = snn.flatten %p {start_dim = 0, end_dim = -1} : !snn.current<2x2x2> -> !snn.current<8>
  // CHECK: snn.scale %{{.*}} {factor = array<f64: 1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00, 8.000000e+00>} : !snn.current<8>
  %g = snn.scale %f {factor = array<f64: 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0>} : !snn.current<8>
  // CHECK: snn.delay %{{.*}} {delay = 2.000000e-03 : f64} : !snn.current<8>
  %d = snn.delay %g {delay = 0.002} : !snn.current<8>
  %out = snn.lif %d {tau_mem = 0.01, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<8>) -> !snn.spikes<8>
  // CHECK: snn.delay %{{.*}} {delay = array<f64: 0.000000e+00, 1.000000e-03, 2.000000e-03, 3.000000e-03>} : !snn.spikes<4>
  %dv = snn.delay %vec {delay = array<f64: 0.0, 0.001, 0.002, 0.003>} : !snn.spikes<4>
  // CHECK: snn.affine %{{.*}} weight(dense<{{.*}}> : tensor<4x4xf32>) bias(dense<[1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]> : tensor<4xf32>) : !snn.spikes<4> -> !snn.current<4>
  %a = snn.affine %dv weight(dense<0.25> : tensor<4x4xf32>) bias(dense<[1.0, 0.0, 0.0, 0.0]> : tensor<4xf32>) : !snn.spikes<4> -> !snn.current<4>
  // CHECK: snn.sparse %{{.*}} rows(dense<[0, 2, 2, 3, 4]> : tensor<5xi64>) cols(dense<[1, 3, 0, 2]> : tensor<4xi32>) values(dense<[5.000000e-01, -1.000000e+00, 2.500000e-01, 1.000000e+00]> : tensor<4xf32>) delays(dense<[0.000000e+00, 1.000000e-03, 2.000000e-03, 0.000000e+00]> : tensor<4xf32>) : !snn.spikes<4> -> !snn.current<4>
  %sp = snn.sparse %vec rows(dense<[0, 2, 2, 3, 4]> : tensor<5xi64>) cols(dense<[1, 3, 0, 2]> : tensor<4xi32>) values(dense<[0.5, -1.0, 0.25, 1.0]> : tensor<4xf32>) delays(dense<[0.0, 0.001, 0.002, 0.0]> : tensor<4xf32>) : !snn.spikes<4> -> !snn.current<4>
  // CHECK: snn.sparse %{{.*}} rows({{.*}}) cols({{.*}}) values({{.*}}) : !snn.spikes<4> -> !snn.current<4>
  %sp2 = snn.sparse %vec rows(dense<[0, 1, 1, 1, 1]> : tensor<5xi64>) cols(dense<[0]> : tensor<1xi32>) values(dense<[0.5]> : tensor<1xf32>) : !snn.spikes<4> -> !snn.current<4>
  %v = snn.lif %a, %sp, %sp2 {tau_mem = 0.01, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<4>, !snn.current<4>, !snn.current<4>) -> !snn.spikes<4>
  snn.output %out, %v : !snn.spikes<8>, !snn.spikes<4>
}

// A recurrent population: the graph region accepts a use before its
// definition.
// CHECK-LABEL: snn.network @recurrent
snn.network @recurrent(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  // CHECK: %[[S:.+]] = snn.lif %{{[0-9]+}}, %[[REC:[0-9]+]] {{{.*}}} : (!snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  %s = snn.lif %x, %rec {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  %x = snn.linear %in weight(dense<1.0> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  // CHECK: %[[REC]] = snn.linear %[[S]]
  %rec = snn.linear %s weight(dense<-0.5> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output %s : !snn.spikes<2>
}

// CHECK-LABEL: snn.network @reservoirs
snn.network @reservoirs(%in: !snn.spikes<4>) -> (!snn.spikes<100>, !snn.spikes<27>) {
  %i = snn.linear %in weight(dense<0.5> : tensor<100x4xf32>) : !snn.spikes<4> -> !snn.current<100>
  // CHECK: snn.reservoir %{{.*}} {allow_self_connections, connectivity = #snn.fixed_probability<1.000000e-01>, delay = 1.500000e-03 : f64, excitatory_fraction = 8.000000e-01 : f64, r = 1.000000e+00 : f64, seed = 42 : i64, size = 100 : i64, tau_mem = 3.000000e-02 : f64, v_leak = 0.000000e+00 : f64, v_reset = 1.000000e-01 : f64, v_threshold = 1.500000e-01 : f64, w_ee = #snn.dist<normal(3.000000e-01, 1.000000e-01)>, w_ei = #snn.dist<constant(6.000000e-01)>, w_ie = #snn.dist<uniform(1.000000e-01, 2.000000e-01)>, w_ii = #snn.dist<lognormal(-1.000000e+00, 5.000000e-01)>} : (!snn.current<100>) -> !snn.spikes<100>
  %r = snn.reservoir %i {size = 100, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<normal(0.3, 0.1)>, w_ei = #snn.dist<constant(0.6)>,
        w_ie = #snn.dist<uniform(0.1, 0.2)>, w_ii = #snn.dist<lognormal(-1.0, 0.5)>,
        seed = 42, tau_mem = 0.03, r = 1.0, v_leak = 0.0, v_threshold = 0.15, v_reset = 0.1,
        delay = 0.0015, allow_self_connections} : (!snn.current<100>) -> !snn.spikes<100>
  // CHECK: snn.reservoir {connectivity = #snn.distance<grid = [3, 3, 3], lambda = 2.000000e+00, c_ee = 3.000000e-01, c_ei = 2.000000e-01, c_ie = 4.000000e-01, c_ii = 1.000000e-01>
  %g = snn.reservoir {size = 27, excitatory_fraction = 0.8,
        connectivity = #snn.distance<grid = [3, 3, 3], lambda = 2.0, c_ee = 0.3, c_ei = 0.2, c_ie = 0.4, c_ii = 0.1>,
        w_ee = #snn.dist<constant(0.3)>, w_ei = #snn.dist<constant(0.6)>,
        w_ie = #snn.dist<constant(0.19)>, w_ii = #snn.dist<constant(0.19)>,
        seed = 7, tau_mem = 0.03, r = 1.0, v_leak = 0.0, v_threshold = 0.015} : () -> !snn.spikes<27>
  snn.output %r, %g : !snn.spikes<100>, !snn.spikes<27>
}

// The discrete-time forms that snn-discretize produces.
// CHECK-LABEL: snn.network @discrete
// CHECK-SAME: attributes {snn.time = #snn.time<dt = 1.000000e-03, rule = exact>}
snn.network @discrete(%in: !snn.current<4>, %s: !snn.spikes<4>) -> (!snn.spikes<4>, !snn.current<4>, !snn.spikes<4>) attributes {snn.time = #snn.time<dt = 1.0e-3, rule = exact>} {
  // CHECK: %[[N:.+]] = snn.neuron %{{.*}}, %[[R:[0-9]+]] {decay = 0.94999999999999996 : f64, drive = 0.000000e+00 : f64, gain = 5.000000e-02 : f64, model = #snn.model<lif>, reset = 0.000000e+00 : f64, threshold = 1.000000e+00 : f64} : (!snn.current<4>, !snn.current<4>) -> !snn.spikes<4>
  %n = snn.neuron %in, %r {model = #snn.model<lif>, decay = 0.95, gain = 0.05, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<4>, !snn.current<4>) -> !snn.spikes<4>
  // CHECK: %[[R]] = snn.procedural %[[N]] {connectivity = #snn.fixed_probability<5.000000e-01>, delay_steps = 3 : i64
  %r = snn.procedural %n {excitatory_fraction = 0.5, connectivity = #snn.fixed_probability<0.5>,
        w_ee = #snn.dist<constant(0.1)>, w_ei = #snn.dist<constant(0.1)>, w_ie = #snn.dist<constant(0.1)>, w_ii = #snn.dist<constant(0.1)>,
        seed = 3, delay_steps = 3} : !snn.spikes<4> -> !snn.current<4>
  // CHECK: snn.neuron %{{.*}} {decay = 1.000000e+00 : f64, drive = 0.000000e+00 : f64, gain = 1.000000e-03 : f64, model = #snn.model<integrator>} : (!snn.current<4>) -> !snn.current<4>
  %i = snn.neuron %in {model = #snn.model<integrator>, decay = 1.0, gain = 0.001, drive = 0.0} : (!snn.current<4>) -> !snn.current<4>
  // CHECK: snn.neuron %{{.*}} {{{.*}}model = #snn.model<cuba_lif>{{.*}}syn_decay = 8.000000e-01 : f64, syn_gain = 2.000000e-01 : f64
  %c = snn.neuron %in {model = #snn.model<cuba_lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, syn_decay = 0.8, syn_gain = 0.2} : (!snn.current<4>) -> !snn.spikes<4>
  // CHECK: snn.delay %{{.*}} {steps = 2 : i64} : !snn.spikes<4>
  %d = snn.delay %s {steps = 2} : !snn.spikes<4>
  snn.output %n, %i, %c : !snn.spikes<4>, !snn.current<4>, !snn.spikes<4>
}
