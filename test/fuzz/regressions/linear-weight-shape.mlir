// Fuzz regression: a weight-shape error in snn.linear's verifier crashed (SIGSEGV, dangling EmitErrorFn from opError).
// RUN: %python %S/../fuzz_snnc_opt.py --tool snnc-opt --timeout 5 --replay %s
snn.network @n(%in: !snn.spikes<3>) -> !snn.current<2> {
  %a = snn.linear %in weight(dense<0.5> : tensor<2x4xf32>) : !snn.spikes<3> -> !snn.current<2>
  snn.output %a : !snn.current<2>
}
