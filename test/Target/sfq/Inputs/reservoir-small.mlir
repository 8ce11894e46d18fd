// A small liquid state machine for the SFQ differential test: 6 inputs,
// a 12-neuron reservoir with excitatory and inhibitory recurrent synapses,
// and a leaky-integrator readout off the chip. Its merger trees see
// collisions at 2 GHz, which the wrong merger rule must change.
snn.network @reservoir_small(%in: !snn.spikes<6>) -> (!snn.spikes<12>, !snn.current<2>) {
  %drive = snn.linear %in weight(dense<0.6> : tensor<12x6xf32>)
      : !snn.spikes<6> -> !snn.current<12>
  %liquid = snn.reservoir %drive {size = 12, excitatory_fraction = 0.75,
      connectivity = #snn.fixed_probability<0.3>,
      w_ee = #snn.dist<normal(0.8, 0.2)>, w_ei = #snn.dist<normal(0.8, 0.2)>,
      w_ie = #snn.dist<normal(1.2, 0.3)>, w_ii = #snn.dist<normal(1.2, 0.3)>,
      seed = 5, tau_mem = 0.004, r = 1.0, v_leak = 0.0, v_threshold = 1.5,
      v_reset = 0.0, delay = 0.001}
      : (!snn.current<12>) -> !snn.spikes<12>
  %w = snn.linear %liquid weight(dense<0.1> : tensor<2x12xf32>)
      : !snn.spikes<12> -> !snn.current<2>
  %readout = snn.li %w {tau_mem = 0.01, r = 1.0, v_leak = 0.0}
      : (!snn.current<2>) -> !snn.current<2>
  snn.output %liquid, %readout : !snn.spikes<12>, !snn.current<2>
}
