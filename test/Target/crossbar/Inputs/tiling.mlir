// 512 inputs are two full row blocks of 256; 513 a third block of one row;
// 257 neurons a second column block of one column.
snn.network @tiling(%a: !snn.spikes<512>, %b: !snn.spikes<513>) -> !snn.spikes<257> {
  %wa = snn.linear %a weight(dense<0.5> : tensor<257x512xf32>) : !snn.spikes<512> -> !snn.current<257>
  %wb = snn.linear %b weight(dense<-0.25> : tensor<257x513xf32>) : !snn.spikes<513> -> !snn.current<257>
  %n = snn.lif %wa, %wb {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<257>, !snn.current<257>) -> !snn.spikes<257>
  snn.output %n : !snn.spikes<257>
}
