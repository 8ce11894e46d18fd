// A clocked network with nothing to clock: one leaky neuron whose only
// weight is 0. Its one clock cell is a leak clock, not a pipeline clock.
snn.network @leakonly(%in: !snn.spikes<1>) -> (!snn.spikes<1>) {
  %w = snn.linear %in weight(dense<[[0.0]]> : tensor<1x1xf32>)
      : !snn.spikes<1> -> !snn.current<1>
  %out = snn.lif %w {tau_mem = 0.002, r = 2.0, v_leak = 0.0, v_threshold = 1.5}
      : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %out : !snn.spikes<1>
}
