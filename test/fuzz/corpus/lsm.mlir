// Corpus: a liquid state machine (linear -> fixed-probability reservoir -> linear -> li readout).
snn.network @lsm(%in: !snn.spikes<4>) -> !snn.current<2> {
  %i = snn.linear %in weight(dense<0.5> : tensor<10x4xf32>) : !snn.spikes<4> -> !snn.current<10>
  %s = snn.reservoir %i {size = 10, excitatory_fraction = 0.8, connectivity = #snn.fixed_probability<0.1>,
        w_ee = #snn.dist<normal(0.3, 0.1)>, w_ei = #snn.dist<constant(0.5)>, w_ie = #snn.dist<uniform(0.1, 0.2)>, w_ii = #snn.dist<lognormal(-1.0, 0.5)>,
        seed = 42, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<10>) -> !snn.spikes<10>
  %o = snn.linear %s weight(dense<0.1> : tensor<2x10xf32>) : !snn.spikes<10> -> !snn.current<2>
  %r = snn.li %o {tau_mem = 0.05, r = 1.0, v_leak = 0.0} : (!snn.current<2>) -> !snn.current<2>
  snn.output %r : !snn.current<2>
}
