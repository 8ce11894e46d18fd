// RUN: snnc-opt %s -snn-target="target=sfq" -snn-discretize="dt=1e-3" -convert-snn-to-sfq -split-input-file | FileCheck %s
// RUN: snnc-opt %s -snn-target="target=sfq" -snn-discretize="dt=1e-3" -convert-snn-to-sfq -split-input-file | snnc-opt -split-input-file | FileCheck %s
// A dense 4 -> 3 layer with one synapse per connection (issue #15,
// "Structure"): each input feeds 3 synapses through N_out - 1 = 2
// splitters, each neuron gathers 4 through N_in - 1 = 3 mergers, so
// 4 x 2 = 8 splitters and 3 x 3 = 9 mergers, and the circuit records the
// same counts per projection.

// CHECK-LABEL: sfq.circuit @dense_sfq
// CHECK-SAME: library = "coldflux-sfq5ee"
// The lowering's facts, printed with the circuit's attributes.
// CHECK-SAME: projections = [{mergers = 9 : i64, name = "input0->if0", splitters = 8 : i64, synapses = 12 : i64}]
// CHECK-SAME: slot_ticks = 1000
// CHECK-COUNT-4: sfq.input
// CHECK-NOT: sfq.input
// CHECK-COUNT-3: sfq.neuron
// CHECK-COUNT-12: sfq.synapse
// CHECK-NOT: sfq.synapse
// CHECK-COUNT-9: sfq.merge
// CHECK-NOT: sfq.merge
// CHECK-COUNT-8: sfq.split
// CHECK-NOT: sfq.split
// CHECK: }
snn.network @dense(%in: !snn.spikes<4>) -> (!snn.spikes<3>) {
  %w = snn.linear %in weight(dense<[[1.0, 0.5, 0.25, 1.0],
                                    [0.5, 1.0, 1.0, 0.125],
                                    [1.0, 1.0, 1.0, 1.0]]> : tensor<3x4xf32>)
      : !snn.spikes<4> -> !snn.current<3>
  %out = snn.if %w {r = 1000.0, v_threshold = 2.0}
      : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %out : !snn.spikes<3>
}

// -----

// Negative weights feed the neuron's inhibitory input through their own
// merger tree; the largest |w| onto a neuron passes at the DAC's top code.
// The threshold 3 over the largest weight 2 is 1.5: the second full pulse
// crosses it, theta = 2.
// CHECK-LABEL: sfq.circuit @signs_sfq
// CHECK: sfq.neuron exc(%synapse3.q) inh(%synapse4.q) {{{.*}}theta = 2 : i64}
// CHECK: sfq.synapse %0 {{{.*}}p = 0.99996{{[0-9]*}} : f64, threshold = 4294831269 : i64, weight = 2.000000e+00 : f64}
// CHECK: sfq.synapse %1 {{{.*}}p = 0.4937{{[0-9]*}} : f64, threshold = 2120607197 : i64, weight = -1.000000e+00 : f64}
// CHECK: sfq.sink %neuron2.q
snn.network @signs(%in: !snn.spikes<2>) -> (!snn.spikes<1>) {
  %w = snn.linear %in weight(dense<[[2.0, -1.0]]> : tensor<1x2xf32>)
      : !snn.spikes<2> -> !snn.current<1>
  %out = snn.if %w {r = 1000.0, v_threshold = 3.0}
      : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %out : !snn.spikes<1>
}

// -----

// A neuron with inhibitory synapses only has no excitatory input at all.
// CHECK-LABEL: sfq.circuit @inhibited_sfq
// CHECK: sfq.neuron inh(%merge{{[0-9]+}}.q) {
// CHECK: sfq.merge
snn.network @inhibited(%in: !snn.spikes<2>) -> (!snn.spikes<1>) {
  %w = snn.linear %in weight(dense<[[-1.0, -2.0]]> : tensor<1x2xf32>)
      : !snn.spikes<2> -> !snn.current<1>
  %out = snn.if %w {r = 1000.0, v_threshold = 0.5}
      : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %out : !snn.spikes<1>
}
