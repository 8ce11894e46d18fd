// RUN: snnc-opt %s -canonicalize -split-input-file | FileCheck %s
// Folds of scales into projections, merges of parallel projections, and
// removal of populations from which no path reaches an output.

// A per-output scale folds into the rows of the linear weights.
// CHECK-LABEL: snn.network @scale_into_linear
// CHECK-NEXT: %[[L:.+]] = snn.linear %{{.*}} weight(dense<{{\[}}[2.000000e+00, 4.000000e+00], [-3.000000e+00, 3.000000e+00]]> : tensor<2x2xf32>)
// CHECK-NEXT: snn.lif %[[L]]
// CHECK-NOT: snn.scale
snn.network @scale_into_linear(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  %l = snn.linear %in weight(dense<[[1.0, 2.0], [-1.0, 1.0]]> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %s = snn.scale %l {factor = array<f64: 2.0, 3.0>} : !snn.current<2>
  %n = snn.lif %s {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %n : !snn.spikes<2>
}

// -----

// A scalar scale folds into the weights and the bias of an affine map.
// CHECK-LABEL: snn.network @scale_into_affine
// CHECK-NEXT: snn.affine %{{.*}} weight(dense<{{\[}}[5.000000e-01, 1.000000e+00]]> : tensor<1x2xf32>) bias(dense<1.500000e+00> : tensor<1xf32>)
// CHECK-NOT: snn.scale
snn.network @scale_into_affine(%in: !snn.spikes<2>) -> !snn.spikes<1> {
  %l = snn.affine %in weight(dense<[[1.0, 2.0]]> : tensor<1x2xf32>) bias(dense<3.0> : tensor<1xf32>) : !snn.spikes<2> -> !snn.current<1>
  %s = snn.scale %l {factor = 0.5} : !snn.current<1>
  %n = snn.lif %s {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

// Sparse synapses are scaled by the factor of their target.
// CHECK-LABEL: snn.network @scale_into_sparse
// CHECK-NEXT: snn.sparse %{{.*}} rows(dense<[0, 2, 3]> : tensor<3xi64>) cols(dense<[0, 1, 1]> : tensor<3xi32>) values(dense<[1.000000e+01, 2.000000e+02, 3.000000e+02]> : tensor<3xf32>)
// CHECK-NOT: snn.scale
snn.network @scale_into_sparse(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  %l = snn.sparse %in rows(dense<[0, 2, 3]> : tensor<3xi64>) cols(dense<[0, 1, 1]> : tensor<3xi32>) values(dense<[1.0, 2.0, 3.0]> : tensor<3xf32>) : !snn.spikes<2> -> !snn.current<2>
  %s = snn.scale %l {factor = array<f64: 10.0, 100.0>} : !snn.current<2>
  %n = snn.lif %s {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %n : !snn.spikes<2>
}

// -----

// A projection read elsewhere too must keep its weights: no fold.
// CHECK-LABEL: snn.network @scale_shared_projection
// CHECK: snn.linear %{{.*}} weight(dense<1.000000e+00> : tensor<2x2xf32>)
// CHECK: snn.scale
snn.network @scale_shared_projection(%in: !snn.spikes<2>) -> (!snn.spikes<2>, !snn.spikes<2>) {
  %l = snn.linear %in weight(dense<1.0> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %s = snn.scale %l {factor = 2.0} : !snn.current<2>
  %a = snn.lif %s {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  %b = snn.lif %l {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %a, %b : !snn.spikes<2>, !snn.spikes<2>
}

// -----

// Scaling by one disappears; two scales multiply.
// CHECK-LABEL: snn.network @scale_chain
// CHECK-NEXT: %[[S:.+]] = snn.scale %arg0 {factor = array<f64: 6.000000e+00, 8.000000e+00>} : !snn.current<2>
// CHECK-NEXT: snn.lif %[[S]], %arg0
snn.network @scale_chain(%in: !snn.current<2>) -> !snn.spikes<2> {
  %one = snn.scale %in {factor = 1.0} : !snn.current<2>
  %a = snn.scale %one {factor = array<f64: 3.0, 4.0>} : !snn.current<2>
  %b = snn.scale %a {factor = 2.0} : !snn.current<2>
  %id = snn.scale %in {factor = array<f64: 1.0, 1.0>} : !snn.current<2>
  %n = snn.lif %b, %id {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  snn.output %n : !snn.spikes<2>
}

// -----

// Two linear projections between the same pair of populations merge.
// CHECK-LABEL: snn.network @merge_parallel_linear
// CHECK-NEXT: %[[M:.+]] = snn.linear %arg0 weight(dense<{{\[}}[1.100000e+00, 2.000000e+00], [3.000000e+00, 4.400000e+00]]> : tensor<2x2xf32>)
// CHECK-NEXT: snn.lif %[[M]], %arg1 {
// CHECK-NOT: snn.linear
snn.network @merge_parallel_linear(%in: !snn.spikes<2>, %bias: !snn.current<2>) -> !snn.spikes<2> {
  %a = snn.linear %in weight(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %b = snn.linear %in weight(dense<[[0.1, 0.0], [0.0, 0.4]]> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %n = snn.lif %a, %bias, %b {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>, !snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  snn.output %n : !snn.spikes<2>
}

// -----

// A linear and an affine projection merge into one affine map.
// CHECK-LABEL: snn.network @merge_linear_affine
// CHECK-NEXT: snn.affine %arg0 weight(dense<3.000000e+00> : tensor<1x1xf32>) bias(dense<5.000000e-01> : tensor<1xf32>)
// CHECK-NOT: snn.linear
snn.network @merge_linear_affine(%in: !snn.spikes<1>) -> !snn.spikes<1> {
  %a = snn.linear %in weight(dense<1.0> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  %b = snn.affine %in weight(dense<2.0> : tensor<1x1xf32>) bias(dense<0.5> : tensor<1xf32>) : !snn.spikes<1> -> !snn.current<1>
  %n = snn.lif %a, %b {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>, !snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

// Projections from different populations stay apart.
// CHECK-LABEL: snn.network @no_merge_different_sources
// CHECK: snn.linear %arg0
// CHECK: snn.linear %arg1
snn.network @no_merge_different_sources(%x: !snn.spikes<1>, %y: !snn.spikes<1>) -> !snn.spikes<1> {
  %a = snn.linear %x weight(dense<1.0> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  %b = snn.linear %y weight(dense<2.0> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  %n = snn.lif %a, %b {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>, !snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

// A recurrent population whose spikes reach no output is dropped with its
// loop, although every op in the loop has a use.
// CHECK-LABEL: snn.network @drop_unreachable
// CHECK-NEXT: %[[I:.+]] = snn.linear %arg0 weight(dense<1.000000e+00> : tensor<2x2xf32>)
// CHECK-NEXT: %[[N:.+]] = snn.lif %[[I]] {
// CHECK-NEXT: snn.output %[[N]]
// CHECK-NEXT: }
snn.network @drop_unreachable(%in: !snn.spikes<2>) -> !snn.spikes<2> {
  %i = snn.linear %in weight(dense<1.0> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  %live = snn.lif %i {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  %d = snn.linear %in weight(dense<2.0> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %dead = snn.lif %d, %rec {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<3>, !snn.current<3>) -> !snn.spikes<3>
  %rec = snn.linear %dead weight(dense<0.5> : tensor<3x3xf32>) : !snn.spikes<3> -> !snn.current<3>
  snn.output %live : !snn.spikes<2>
}

// -----

// A reservoir feeding only an unused readout goes too.
// CHECK-LABEL: snn.network @drop_unread_reservoir
// CHECK-NOT: snn.reservoir
// CHECK: snn.output
snn.network @drop_unread_reservoir(%in: !snn.current<4>) -> !snn.current<4> {
  %r = snn.reservoir {size = 8, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.5>,
        w_ee = #snn.dist<constant(0.3)>, w_ei = #snn.dist<constant(0.3)>, w_ie = #snn.dist<constant(0.3)>, w_ii = #snn.dist<constant(0.3)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<8>
  %o = snn.linear %r weight(dense<0.1> : tensor<2x8xf32>) : !snn.spikes<8> -> !snn.current<2>
  %x = snn.li %o {tau_mem = 0.05, r = 1.0, v_leak = 0.0} : (!snn.current<2>) -> !snn.current<2>
  %y = snn.li %in {tau_mem = 0.05, r = 1.0, v_leak = 0.0} : (!snn.current<4>) -> !snn.current<4>
  snn.output %y : !snn.current<4>
}
