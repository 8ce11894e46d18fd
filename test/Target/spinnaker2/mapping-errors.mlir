// RUN: not snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -snn-quantize -snn-partition -split-input-file 2>&1 | FileCheck %s
// Networks that cannot fit fail with the limit and the population named.

// Too many neurons for the board: refused by snn-target from the counts,
// before the reservoir is expanded or partitioned.
// CHECK: error: the network has 2000000 neurons; a spinnaker2 machine holds at most 1867776 (7296 PEs x 256 neurons per PE)
snn.network @huge() -> !snn.spikes<2000000> {
  %r = snn.reservoir {size = 2000000, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.0>,
        w_ee = #snn.dist<constant(0.3)>, w_ei = #snn.dist<constant(0.3)>, w_ie = #snn.dist<constant(0.3)>, w_ii = #snn.dist<constant(0.3)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : () -> !snn.spikes<2000000>
  snn.output %r : !snn.spikes<2000000>
}

// -----

// A delay of 30 s at 1 ms needs a 32768-slot ring buffer: one neuron's
// buffer alone overflows a PE's SRAM.
// CHECK: :9:8: error: population 'lif0': neuron 0 alone needs 163904 B of sram_bytes_per_pe (fan-in 4 synapses), but one PE offers 131072 B
snn.network @long_delay(%in: !snn.spikes<4>) -> !snn.spikes<256> {
  %dl = snn.delay %in {delay = 30.0} : !snn.spikes<4>
  %w = snn.linear %dl weight(dense<0.5> : tensor<256x4xf32>) : !snn.spikes<4> -> !snn.current<256>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  snn.output %n : !snn.spikes<256>
}

// -----

// Delays are 16-bit step counts. One delay beyond them is refused where
// it is discretized, naming the seconds the user wrote.
// CHECK: :7:9: error: 'snn.delay' op delay of 70 s is 70000 steps of dt = 0.001 s, beyond the limit of 65535 steps (65.535 s)
snn.network @too_long(%in: !snn.spikes<4>) -> !snn.spikes<4> {
  %dl = snn.delay %in {delay = 70.0} : !snn.spikes<4>
  %w = snn.linear %dl weight(dense<0.5> : tensor<4x4xf32>) : !snn.spikes<4> -> !snn.current<4>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %n : !snn.spikes<4>
}

// -----

// Delays that fit alone but not in sum are refused by the projection.
// CHECK: :8:8: error: 'snn.linear' op has a delay of 70001 steps into population 'lif0', beyond the ring buffer's limit of 65535 steps
snn.network @too_long_in_sum(%in: !snn.spikes<4>) -> !snn.spikes<4> {
  %d1 = snn.delay %in {delay = 35.0} : !snn.spikes<4>
  %dl = snn.delay %d1 {delay = 35.0} : !snn.spikes<4>
  %w = snn.linear %dl weight(dense<0.5> : tensor<4x4xf32>) : !snn.spikes<4> -> !snn.current<4>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %n : !snn.spikes<4>
}

// -----

// Steps written into the IR are checked before they are narrowed: 2^32
// once wrapped to 0.
// CHECK: :7:9: error: 'snn.delay' op steps = 4294967296 steps is beyond the limit of 65535 steps
snn.network @steps_wrap(%in: !snn.spikes<4>) -> !snn.spikes<4> {
  %dl = snn.delay %in {steps = 4294967296} : !snn.spikes<4>
  %w = snn.linear %dl weight(dense<0.5> : tensor<4x4xf32>) : !snn.spikes<4> -> !snn.current<4>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %n : !snn.spikes<4>
}

// -----

// Placement needs a partition first.
// RUN: not snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -snn-place -split-input-file 2>&1 | FileCheck %s --check-prefix=ORDER
// ORDER: error: 'snn.network' op has no s2.input_slices for input0; run snn-partition first
// Routing needs a placement: slices without PEs are not enough.
// RUN: not snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -snn-partition -snn-route -split-input-file 2>&1 | FileCheck %s --check-prefix=UNPLACED
// UNPLACED: error: 'snn.network' op has no PEs for input0; run snn-place first
snn.network @order(%in: !snn.spikes<4>) -> !snn.spikes<4> {
  %w = snn.linear %in weight(dense<0.5> : tensor<4x4xf32>) : !snn.spikes<4> -> !snn.current<4>
  %n = snn.lif %w {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<4>) -> !snn.spikes<4>
  snn.output %n : !snn.spikes<4>
}
