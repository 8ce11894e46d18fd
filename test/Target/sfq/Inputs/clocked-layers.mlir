// Two clocked layers for the SFQ differential test (docs/sfq.md §12):
// uneven fan-in (1 to 4, excitatory and inhibitory) so that the lowering
// balances paths with DFFs, a hidden layer whose pulses need retiming JTLs,
// and dense inputs, so that OR2 gates see two pulses in one cycle.
snn.network @clocked_layers(%in: !snn.spikes<4>) -> (!snn.spikes<5>, !snn.spikes<2>) {
  %w1 = snn.linear %in weight(dense<[[1.0, 1.0, 1.0, 1.0],
                                     [1.0, 0.0, 0.0, 0.0],
                                     [0.5, 1.0, -1.0, 0.0],
                                     [0.0, 1.0, 1.0, 0.0],
                                     [1.0, -0.5, 1.0, 1.0]]> : tensor<5x4xf32>)
      : !snn.spikes<4> -> !snn.current<5>
  %hidden = snn.lif %w1 {tau_mem = 0.004, r = 1.0, v_leak = 0.0,
      v_threshold = 1.5} : (!snn.current<5>) -> !snn.spikes<5>
  %w2 = snn.linear %hidden weight(dense<[[1.0, 1.0, -1.0, 1.0, 0.5],
                                         [0.0, 1.0, 1.0, 0.0, 0.0]]> : tensor<2x5xf32>)
      : !snn.spikes<5> -> !snn.current<2>
  %out = snn.if %w2 {r = 1000.0, v_threshold = 1.5}
      : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %hidden, %out : !snn.spikes<5>, !snn.spikes<2>
}
