// Two million neurons: more PEs than one spinnaker2 board holds.
snn.network @too_large(%in: !snn.spikes<4>) -> !snn.spikes<2000000> {
  %i = snn.linear %in weight(dense<0.5> : tensor<2000000x4xf32>) : !snn.spikes<4> -> !snn.current<2000000>
  %r = snn.reservoir %i {size = 2000000, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.0>,
        w_ee = #snn.dist<constant(0.3)>, w_ei = #snn.dist<constant(0.3)>, w_ie = #snn.dist<constant(0.3)>, w_ii = #snn.dist<constant(0.3)>,
        seed = 1, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2000000>) -> !snn.spikes<2000000> loc("liquid")
  snn.output %r : !snn.spikes<2000000>
}
