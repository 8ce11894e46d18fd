// Every op `snnc export` writes as a NIR node, in the continuous-time snn
// dialect: populations of each kind (a memoryless snn.neuron is NIR's
// Threshold, two chained snn.li a CubaLI), dense and convolutional
// projections, sum and average pooling, flatten, delay, scale, a recurrent
// loop and several ports. Input of test/Export/export-round-trip.test.
snn.network @net(%img: !snn.spikes<1x6x6>, %vec: !snn.spikes<4>)
    -> (!snn.current<2x3x3>, !snn.current<2x3x3>, !snn.spikes<2>,
        !snn.spikes<3>, !snn.current<3>, !snn.current<2>, !snn.current<2>,
        !snn.spikes<2>) {
  %conv = snn.conv2d %img weight(dense<[[[[0.1, 0.2, 0.1], [0.0, 0.5, 0.0], [0.1, 0.2, 0.1]]],
                                        [[[-0.1, 0.0, 0.1], [-0.2, 0.0, 0.2], [-0.1, 0.0, 0.1]]]]> : tensor<2x1x3x3xf32>)
      bias(dense<[0.1, -0.1]> : tensor<2xf32>)
      {stride = array<i64: 1, 1>, padding = array<i64: 1, 1>,
       dilation = array<i64: 1, 1>, groups = 1 : i64}
      : !snn.spikes<1x6x6> -> !snn.current<2x6x6>
  %if = snn.if %conv {r = 1.0, v_threshold = 0.75, v_reset = -0.25}
      : (!snn.current<2x6x6>) -> !snn.spikes<2x6x6>
  %sum = snn.sum_pool2d %if {kernel_size = array<i64: 2, 2>,
      stride = array<i64: 2, 2>, padding = array<i64: 0, 0>}
      : !snn.spikes<2x6x6> -> !snn.current<2x3x3>
  %pool = snn.sum_pool2d %if {kernel_size = array<i64: 2, 2>,
      stride = array<i64: 2, 2>, padding = array<i64: 0, 0>}
      : !snn.spikes<2x6x6> -> !snn.current<2x3x3>
  %avg = snn.scale %pool {factor = 0.25} : !snn.current<2x3x3>
  %flat = snn.flatten %if {start_dim = 0, end_dim = 2}
      : !snn.spikes<2x6x6> -> !snn.spikes<72>
  %fc = snn.linear %flat weight(dense<0.02> : tensor<3x72xf32>)
      : !snn.spikes<72> -> !snn.current<3>
  %pop = snn.lif %fc {tau_mem = array<f64: 0.01, 0.02, 0.03>, r = 1.0,
      v_leak = 0.0, v_threshold = 1.0}
      : (!snn.current<3>) -> !snn.spikes<3>
  %late = snn.delay %vec {delay = array<f64: 0.001, 0.002, 0.0, 0.001>}
      : !snn.spikes<4>
  %drive = snn.linear %late weight(dense<[[1.0, 0.5, 0.0, 0.0], [0.0, 0.0, 0.5, 1.0]]> : tensor<2x4xf32>)
      : !snn.spikes<4> -> !snn.current<2>
  %scaled = snn.scale %drive {factor = array<f64: 2.0, 0.5>}
      : !snn.current<2>
  %cuba = snn.cuba_lif %scaled, %rec {tau_mem = 0.02, tau_syn = 0.005,
      r = 1.0, v_leak = 0.0, v_threshold = 1.0, w_in = 2.0}
      : (!snn.current<2>, !snn.current<2>) -> !snn.spikes<2>
  %rec = snn.affine %cuba weight(dense<[[0.0, -1.0], [-1.0, 0.0]]> : tensor<2x2xf32>)
      bias(dense<[0.05, 0.0]> : tensor<2xf32>)
      : !snn.spikes<2> -> !snn.current<2>
  %out3 = snn.li %fc {tau_mem = 0.05, r = 1.0, v_leak = 0.0}
      : (!snn.current<3>) -> !snn.current<3>
  %syn = snn.li %drive {tau_mem = 0.005, r = 0.5, v_leak = 0.0}
      : (!snn.current<2>) -> !snn.current<2>
  %mem = snn.li %syn {tau_mem = 0.02, r = 1.0, v_leak = 0.1}
      : (!snn.current<2>) -> !snn.current<2>
  %int = snn.integrator %drive {r = 2.0}
      : (!snn.current<2>) -> !snn.current<2>
  %thr = snn.neuron %drive {model = #snn.model<lif>, decay = 0.0, gain = 1.0,
      drive = 0.0, threshold = 0.5, reset = 0.0}
      : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %sum, %avg, %cuba, %pop, %out3, %mem, %int, %thr
      : !snn.current<2x3x3>, !snn.current<2x3x3>, !snn.spikes<2>,
        !snn.spikes<3>, !snn.current<3>, !snn.current<2>, !snn.current<2>,
        !snn.spikes<2>
}
