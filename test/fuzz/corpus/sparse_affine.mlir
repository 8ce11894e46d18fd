// Corpus: a CSR sparse projection with per-synapse delays and an affine projection with bias.
snn.network @sparse(%in: !snn.spikes<3>) -> !snn.spikes<2> {
  %a = snn.sparse %in rows(dense<[0, 1, 2, 3]> : tensor<4xi64>) cols(dense<[0, 1, 1]> : tensor<3xi32>) values(dense<[1.0, -2.0, 0.5]> : tensor<3xf32>) delays(dense<[0.0, 0.001, 0.002]> : tensor<3xf32>) : !snn.spikes<3> -> !snn.current<2>
  %b = snn.affine %in weight(dense<[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]> : tensor<2x3xf32>) bias(dense<[0.01, -0.01]> : tensor<2xf32>) : !snn.spikes<3> -> !snn.current<2>
  %e = snn.sparse %in rows(dense<0> : tensor<4xi64>) cols(dense<> : tensor<0xi32>) values(dense<> : tensor<0xf32>) : !snn.spikes<3> -> !snn.current<2>
  %s = snn.lif %a, %b, %e {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>, !snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  snn.output %s : !snn.spikes<2>
}
