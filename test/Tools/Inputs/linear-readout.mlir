// A readout fed straight from the input port: `snnc fit` must find the
// linear map that test/Tools/Inputs/make_linear_dataset.py labels with.
snn.network @linear_readout(%in: !snn.spikes<8>) -> !snn.current<3> {
  %project = snn.linear %in weight(dense<0.0> : tensor<3x8xf32>)
      : !snn.spikes<8> -> !snn.current<3>
  %readout = snn.li %project {tau_mem = 0.05, r = 1.0, v_leak = 0.0}
      : (!snn.current<3>) -> !snn.current<3>
  snn.output %readout : !snn.current<3>
}
