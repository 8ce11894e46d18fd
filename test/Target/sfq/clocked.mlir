// RUN: snnc-opt %s -snn-target="target=sfq target-config=%S/Inputs/clocked.json" -snn-discretize="dt=1e-3" -convert-snn-to-sfq -split-input-file | FileCheck %s
// Clocked mode (docs/sfq.md §12, issue #15 "Trees"): fan-in trees of
// clocked OR2 gates, DFFs that make every synapse -> neuron path of a
// population pass the same number of clocked cells, and one clock whose
// splitter tree reaches every clocked cell at the same depth.

// The dense 4 -> 3 layer: N_out x (N_in - 1) = 9 OR2 gates in place of the
// 9 mergers, every tree two deep, so no DFF. Data splitters stay 4 x 2 = 8;
// the clock tree reaches 9 clocked cells at depth 4: a full subtree of 8
// leaves (7 splitters) beside one leaf on a chain of 3 splitters whose other
// outputs end in sinks, plus the root: 11 splitters, 3 sinks.
// CHECK-LABEL: sfq.circuit @dense_sfq
// CHECK-SAME: clocked = {balance_dffs = 0 : i64, clock_depth = 4 : i64, clock_sinks = 3 : i64, clock_splitters = 11 : i64, clocked_cells = 9 : i64, cycles_per_slot = 5 : i64
// CHECK-SAME: or2s = 9 : i64, period_ticks = 200 : i64
// CHECK-SAME: stages = [{population = "if0", stages = 2 : i64}]
// CHECK-SAME: input_spacing_ticks = 200
// CHECK-SAME: projections = [{mergers = 9 : i64, name = "input0->if0", splitters = 8 : i64, synapses = 12 : i64}]
// CHECK-COUNT-12: sfq.synapse
// CHECK-NOT: sfq.synapse
// CHECK-COUNT-9: sfq.or2
// CHECK-NOT: sfq.or2
// CHECK-NOT: sfq.merge
// CHECK-NOT: sfq.dff
// CHECK: sfq.clock {period = 200 : i64, phase = {{[0-9]+}} : i64}
// CHECK-NOT: sfq.clock
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

// Unequal fan-in: neuron 0 gathers 3 synapses (a tree of height 2, one leaf
// a level short), neuron 1 a single one. The population's stages are 2, so
// neuron 0's short leaf gets one DFF and neuron 1 a chain of two: 2 OR2
// gates and 3 balancing DFFs, every path through exactly 2 clocked cells.
// CHECK-LABEL: sfq.circuit @uneven_sfq
// CHECK-SAME: balance_dffs = 3 : i64
// CHECK-SAME: or2s = 2 : i64
// CHECK-SAME: stages = [{population = "if0", stages = 2 : i64}]
// CHECK: sfq.neuron exc(%or2{{[0-9]+}}.q)
// CHECK: sfq.neuron exc(%dff{{[0-9]+}}.q)
// CHECK: = sfq.or2 %or2{{[0-9]+}}.q, %dff{{[0-9]+}}.q, %split
// CHECK: = sfq.or2 %{{[0-9]+}}, %{{[0-9]+}}, %split
// CHECK: = sfq.dff %{{[0-9]+}}, %split
// CHECK: = sfq.dff %dff{{[0-9]+}}.q, %split
// CHECK: = sfq.dff %{{[0-9]+}}, %split
// CHECK-NOT: sfq.or2
// CHECK-NOT: sfq.dff
snn.network @uneven(%in: !snn.spikes<3>) -> (!snn.spikes<2>) {
  %w = snn.linear %in weight(dense<[[1.0, 1.0, 1.0],
                                    [0.0, 0.0, 1.0]]> : tensor<2x3xf32>)
      : !snn.spikes<3> -> !snn.current<2>
  %out = snn.if %w {r = 1000.0, v_threshold = 2.0}
      : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %out : !snn.spikes<2>
}
