// RUN: snnc-opt %s -snn-target="target=spinnaker2" -snn-discretize -snn-quantize -snn-partition -snn-place 2>/dev/null | FileCheck %s
// RUN: snnc-opt %s -snn-target="target=spinnaker2 seed=7" -snn-discretize -snn-quantize -snn-partition -snn-place 2>/dev/null | FileCheck %s --check-prefix=SEED
// Two independent chains of four heavily connected populations (three
// slices each). Annealing starts from METIS's grouping and roughly halves
// traffic x hops; each chain ends up on its own block of neighbouring QPEs
// (PEs 2736-2747 for chain a, 2752-2787 for chain b: 4 PEs per QPE).
// CHECK: s2.placement = #s2.placement<cost_initial = 64.680000305175781, cost_final = 35.160000801086426, seed = 1>
// CHECK: s2.slices = #s2.slices<sizes = [91, 91, 74], pes = [2737, 2739, 2736]>
// CHECK: s2.slices = #s2.slices<sizes = [91, 91, 74], pes = [2742, 2740, 2743]>
// CHECK: s2.slices = #s2.slices<sizes = [91, 91, 74], pes = [2745, 2744, 2741]>
// CHECK: s2.slices = #s2.slices<sizes = [91, 91, 74], pes = [2774, 2746, 2747]>
// CHECK: s2.slices = #s2.slices<sizes = [91, 91, 74], pes = [2787, 2785, 2786]>
// CHECK: s2.slices = #s2.slices<sizes = [91, 91, 74], pes = [2757, 2758, 2756]>
// CHECK: s2.slices = #s2.slices<sizes = [91, 91, 74], pes = [2752, 2754, 2759]>
// CHECK: s2.slices = #s2.slices<sizes = [91, 91, 74], pes = [2783, 2755, 2753]>
// Another seed gives another (deterministic) placement of similar quality.
// SEED: s2.placement = #s2.placement<cost_initial = 64.680000305175781, cost_final = {{[0-9.]+}}, seed = 7>
snn.network @clusters(%x: !snn.spikes<256>, %y: !snn.spikes<256>) -> (!snn.spikes<256>, !snn.spikes<256>) {
  %aw0 = snn.linear %x weight(dense<0.01> : tensor<256x256xf32>) : !snn.spikes<256> -> !snn.current<256>
  %a0 = snn.lif %aw0 {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  %aw1 = snn.linear %a0 weight(dense<0.01> : tensor<256x256xf32>) : !snn.spikes<256> -> !snn.current<256>
  %a1 = snn.lif %aw1 {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  %aw2 = snn.linear %a1 weight(dense<0.01> : tensor<256x256xf32>) : !snn.spikes<256> -> !snn.current<256>
  %a2 = snn.lif %aw2 {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  %aw3 = snn.linear %a2 weight(dense<0.01> : tensor<256x256xf32>) : !snn.spikes<256> -> !snn.current<256>
  %a3 = snn.lif %aw3 {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  %bw0 = snn.linear %y weight(dense<0.01> : tensor<256x256xf32>) : !snn.spikes<256> -> !snn.current<256>
  %b0 = snn.lif %bw0 {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  %bw1 = snn.linear %b0 weight(dense<0.01> : tensor<256x256xf32>) : !snn.spikes<256> -> !snn.current<256>
  %b1 = snn.lif %bw1 {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  %bw2 = snn.linear %b1 weight(dense<0.01> : tensor<256x256xf32>) : !snn.spikes<256> -> !snn.current<256>
  %b2 = snn.lif %bw2 {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  %bw3 = snn.linear %b2 weight(dense<0.01> : tensor<256x256xf32>) : !snn.spikes<256> -> !snn.current<256>
  %b3 = snn.lif %bw3 {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<256>) -> !snn.spikes<256>
  snn.output %a3, %b3 : !snn.spikes<256>, !snn.spikes<256>
}
