// Corpus: every neuron kind with scalar and per-neuron parameters, summed and recurrent inputs.
snn.network @neurons(%a: !snn.current<3>, %b: !snn.current<3>) -> (!snn.spikes<3>, !snn.spikes<3>, !snn.current<3>, !snn.current<3>) {
  %l = snn.lif %a, %b, %fb {tau_mem = array<f64: 0.01, 0.02, 0.03>, r = 1.0, v_leak = 0.0, v_threshold = array<f64: 1.0, 1.5, 2.0>, v_reset = 0.0} : (!snn.current<3>, !snn.current<3>, !snn.current<3>) -> !snn.spikes<3>
  %fb = snn.linear %l weight(dense<[[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]> : tensor<3x3xf32>) : !snn.spikes<3> -> !snn.current<3>
  %c = snn.cuba_lif %a {tau_mem = 0.02, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, v_reset = -0.5, w_in = 2.0} : (!snn.current<3>) -> !snn.spikes<3>
  %f = snn.if %b {r = 0.5, v_threshold = 1.0} : (!snn.current<3>) -> !snn.spikes<3>
  %fc = snn.linear %f weight(dense<1.0> : tensor<3x3xf32>) : !snn.spikes<3> -> !snn.current<3>
  %n = snn.integrator %fc {r = 1.0} : (!snn.current<3>) -> !snn.current<3>
  %q = snn.li {tau_mem = 1.0e-2, r = 3.0, v_leak = array<f64: 0.0, -1.0, 1.0>} : () -> !snn.current<3>
  snn.output %c, %l, %n, %q : !snn.spikes<3>, !snn.spikes<3>, !snn.current<3>, !snn.current<3>
}
