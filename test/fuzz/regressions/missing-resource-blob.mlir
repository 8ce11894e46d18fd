// Fuzz regression: a dense_resource weight with no blob in dialect_resources crashed the verifier (SIGSEGV).
// RUN: %python %S/../fuzz_snnc_opt.py --tool snnc-opt --timeout 5 --replay %s
snn.network @n(%in: !snn.spikes<2>) -> !snn.current<2> {
  %a = snn.linear %in weight(dense_resource<nope> : tensor<2x2xf32>) : !snn.spikes<2> -> !snn.current<2>
  snn.output %a : !snn.current<2>
}
