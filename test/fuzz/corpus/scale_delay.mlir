// Corpus: scale and delay on currents and spikes, scalar and per-element, plus a partial flatten.
snn.network @shaping(%in: !snn.spikes<2x3>, %x: !snn.current<6>) -> (!snn.current<6>, !snn.spikes<2x3>) {
  %d = snn.delay %in {delay = array<f64: 0.0, 0.001, 0.002, 0.003, 0.004, 0.005>} : !snn.spikes<2x3>
  %f = snn.flatten %d {start_dim = 0, end_dim = 1} : !snn.spikes<2x3> -> !snn.spikes<6>
  %w = snn.linear %f weight(dense<0.3> : tensor<6x6xf32>) : !snn.spikes<6> -> !snn.current<6>
  %s = snn.scale %w {factor = -2.5} : !snn.current<6>
  %t = snn.scale %x {factor = array<f64: 1.0, 2.0, 3.0, 4.0, 5.0, 6.0>} : !snn.current<6>
  %u = snn.delay %t {delay = 0.01} : !snn.current<6>
  %v = snn.integrator %s, %u {r = 1.0} : (!snn.current<6>, !snn.current<6>) -> !snn.current<6>
  snn.output %v, %d : !snn.current<6>, !snn.spikes<2x3>
}
