// Two LIF layers for the nir engine's timing (test/Tools/snnc-run-nir.test).
// dt = 1 ms, tau = 4 ms, r = 4: v <- 0.75 v + W s, so one spike of weight 2
// fires a neuron in the step it arrives.
snn.network @nir_timing(%in: !snn.spikes<2>) -> (!snn.spikes<3>, !snn.spikes<2>) {
  %w1 = snn.linear %in weight(dense<[[2.0, 0.0], [0.0, 2.0], [2.0, 2.0]]> : tensor<3x2xf32>)
      : !snn.spikes<2> -> !snn.current<3>
  %l1 = snn.lif %w1 {tau_mem = 0.004, r = 4.0, v_leak = 0.0,
      v_threshold = 1.0, v_reset = 0.0}
      : (!snn.current<3>) -> !snn.spikes<3>
  %w2 = snn.linear %l1 weight(dense<[[2.0, 0.0, 0.0], [0.0, 0.0, 2.0]]> : tensor<2x3xf32>)
      : !snn.spikes<3> -> !snn.current<2>
  %l2 = snn.lif %w2 {tau_mem = 0.004, r = 4.0, v_leak = 0.0,
      v_threshold = 1.0, v_reset = 0.0}
      : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %l1, %l2 : !snn.spikes<3>, !snn.spikes<2>
}
