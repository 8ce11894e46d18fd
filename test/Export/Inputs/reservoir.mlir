// A small procedural reservoir for test/Export/export-errors.test (its size,
// 64, is rewritten there to exceed the export limit).
snn.network @res(%in: !snn.spikes<4>) -> !snn.spikes<64> {
  %drive = snn.linear %in weight(dense<0.5> : tensor<64x4xf32>)
      : !snn.spikes<4> -> !snn.current<64>
  // Fixed probability 0.1, Dale's law, recurrent spikes after 2 ms.
  %liquid =
      snn.reservoir %drive {size = 64, excitatory_fraction = 0.8,
      connectivity = #snn.fixed_probability<0.1>,
      w_ee = #snn.dist<normal(3.0, 1.0)>, w_ei = #snn.dist<normal(6.0, 1.5)>,
      w_ie = #snn.dist<normal(9.0, 2.0)>, w_ii = #snn.dist<normal(9.0, 2.0)>,
      seed = 42, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0,
      delay = 0.002} : (!snn.current<64>) -> !snn.spikes<64>
  snn.output %liquid : !snn.spikes<64>
}
