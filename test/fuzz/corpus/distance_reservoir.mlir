// Corpus: a distance-rule reservoir on a 3x2x2 grid with delay, reset and self connections.
snn.network @maass(%in: !snn.current<12>) -> !snn.spikes<12> {
  %s = snn.reservoir %in {size = 12, excitatory_fraction = 0.75,
        connectivity = #snn.distance<grid = [3, 2, 2], lambda = 2.0, c_ee = 0.3, c_ei = 0.2, c_ie = 0.4, c_ii = 0.1>,
        w_ee = #snn.dist<constant(0.2)>, w_ei = #snn.dist<uniform(0.0, 1.0)>, w_ie = #snn.dist<normal(1.0, 0.0)>, w_ii = #snn.dist<lognormal(0.0, 1.0)>,
        seed = 7, tau_mem = 0.03, r = 2.0, v_leak = -0.1, v_threshold = 0.5, v_reset = -0.2, delay = 0.002, allow_self_connections} : (!snn.current<12>) -> !snn.spikes<12>
  snn.output %s : !snn.spikes<12>
}
