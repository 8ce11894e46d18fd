// Two LIF populations: 4 inputs -> 6 hidden -> 3 outputs.
snn.network @twopop(%in: !snn.spikes<4>) -> !snn.spikes<3> {
  %w1 = snn.linear %in weight(dense<[[6.0, 0.0, 0.0, 0.0], [0.0, 6.0, 0.0, 0.0], [0.0, 0.0, 6.0, 0.0], [0.0, 0.0, 0.0, 6.0], [3.0, 3.0, 0.0, 0.0], [0.0, 0.0, 3.0, 3.0]]> : tensor<6x4xf32>) : !snn.spikes<4> -> !snn.current<6>
  %h = snn.lif %w1 {tau_mem = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, v_reset = 0.0} : (!snn.current<6>) -> !snn.spikes<6>
  %w2 = snn.linear %h weight(dense<[[6.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 6.0, 6.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 6.0, 6.0, 6.0]]> : tensor<3x6xf32>) : !snn.spikes<6> -> !snn.current<3>
  %o = snn.lif %w2 {tau_mem = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, v_reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %o : !snn.spikes<3>
}
