// Fuzz regression: snn.sparse with too few delays crashed (SIGSEGV, dangling EmitErrorFn held in a local).
// RUN: %python %S/../fuzz_snnc_opt.py --tool snnc-opt --timeout 5 --replay %s
snn.network @n(%in: !snn.spikes<1>) -> !snn.current<1> {
  %a = snn.sparse %in rows(dense<[0, 3]> : tensor<2xi64>) cols(dense<0> : tensor<3xi32>) values(dense<1.0> : tensor<3xf32>) delays(dense<0.0> : tensor<2xf32>) : !snn.spikes<1> -> !snn.current<1>
  snn.output %a : !snn.current<1>
}
