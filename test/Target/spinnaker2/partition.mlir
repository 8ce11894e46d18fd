// RUN: snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -snn-quantize -snn-partition -split-input-file 2>/dev/null | FileCheck %s
// RUN: snnc-opt %s -snn-target="target=spinnaker2 firing-probability=1.0" -snn-discretize -snn-quantize -snn-partition -split-input-file 2>/dev/null | FileCheck %s --check-prefix=BUSY
// Slicing respects every per-PE limit of the spinnaker2 model: neuron
// count, SRAM (synapse rows, ring buffers) and the cycle budget.

// A population 10x larger than a PE holds (256 neurons) becomes ten full
// slices; the 16 inputs fit one.
// CHECK-LABEL: snn.network @ten_pes
// CHECK-SAME: s2.input_slices = [#s2.slices<sizes = [16]>]
// CHECK-SAME: s2.partition = #s2.partition<pes_used = 11, pes_available = 7296>
// CHECK: s2.slices = #s2.slices<sizes = [256, 256, 256, 256, 256, 256, 256, 256, 256, 256]>
snn.network @ten_pes(%in: !snn.spikes<16>) -> !snn.spikes<2560> {
  %w = snn.linear %in weight(dense<0.5> : tensor<2560x16xf32>) : !snn.spikes<16> -> !snn.current<2560>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2560>) -> !snn.spikes<2560>
  snn.output %n : !snn.spikes<2560>
}

// -----

// 4000 synapses per neuron (16 KB of rows each) fill SRAM after 5 neurons,
// long before the neuron limit; the 4000 inputs need 16 source PEs.
// CHECK-LABEL: snn.network @sram_bound
// CHECK-SAME: s2.input_slices = [#s2.slices<sizes = [256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 160]>]
// CHECK-SAME: pes_used = 76,
// CHECK: s2.slices = #s2.slices<sizes = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]>
snn.network @sram_bound(%in: !snn.spikes<4000>) -> !snn.spikes<300> {
  %w = snn.linear %in weight(dense<0.5> : tensor<300x4000xf32>) : !snn.spikes<4000> -> !snn.current<300>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<300>) -> !snn.spikes<300>
  snn.output %n : !snn.spikes<300>
}

// -----

// About 108 synapses per neuron (100 recurrent, 8 input) bound a slice by
// SRAM at ~200 neurons when neurons fire 1% of steps; if every neuron fired
// every step, the 300,000-cycle budget (40 cycles per synaptic event) would
// bind first, at ~65.
// CHECK-LABEL: snn.network @reservoir
// CHECK: s2.slices = #s2.slices<sizes = [199, 200, 199, 200, 199, 3]>
// BUSY-LABEL: snn.network @reservoir
// BUSY: s2.slices = #s2.slices<sizes = [65, 66, 65, 65, 66, 66, 65, 65, 66, 65, 66, 66, 65, 66, 64, 19]>
snn.network @reservoir(%in: !snn.spikes<8>) -> !snn.spikes<1000> {
  %i = snn.linear %in weight(dense<0.5> : tensor<1000x8xf32>) : !snn.spikes<8> -> !snn.current<1000>
  %r = snn.reservoir %i {size = 1000, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<normal(0.3, 0.1)>, w_ei = #snn.dist<normal(0.6, 0.1)>, w_ie = #snn.dist<normal(0.9, 0.1)>, w_ii = #snn.dist<normal(0.9, 0.1)>,
        seed = 5, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1000>) -> !snn.spikes<1000>
  snn.output %r : !snn.spikes<1000>
}
