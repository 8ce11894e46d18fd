// Corpus: conv2d (bias, stride, padding, dilation, groups), sum_pool2d, flatten and a dense readout.
snn.network @conv(%img: !snn.spikes<2x8x8>) -> !snn.current<10> {
  %c = snn.conv2d %img weight(dense<0.25> : tensor<4x1x3x3xf32>) bias(dense<[0.0, 0.1, 0.2, 0.3]> : tensor<4xf32>) {stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>, groups = 2} : !snn.spikes<2x8x8> -> !snn.current<4x8x8>
  %s = snn.if %c {r = 1.0, v_threshold = 1.0} : (!snn.current<4x8x8>) -> !snn.spikes<4x8x8>
  %p = snn.sum_pool2d %s {kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : !snn.spikes<4x8x8> -> !snn.current<4x4x4>
  %q = snn.lif %p {tau_mem = 0.01, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<4x4x4>) -> !snn.spikes<4x4x4>
  %d = snn.conv2d %q weight(dense<1.0> : tensor<2x4x2x2xf32>) {stride = array<i64: 2, 1>, padding = array<i64: 0, 0>, dilation = array<i64: 1, 2>, groups = 1} : !snn.spikes<4x4x4> -> !snn.current<2x2x2>
  %t = snn.if %d {r = 1.0, v_threshold = 1.0} : (!snn.current<2x2x2>) -> !snn.spikes<2x2x2>
  %f = snn.flatten %t {start_dim = 0, end_dim = -1} : !snn.spikes<2x2x2> -> !snn.spikes<8>
  %o = snn.linear %f weight(dense<0.5> : tensor<10x8xf32>) : !snn.spikes<8> -> !snn.current<10>
  snn.output %o : !snn.current<10>
}
