// Fuzz regression: a 10^6 x 10^6 splat weight hung the verifier (its finiteness check walked all 10^12 elements).
// RUN: %python %S/../fuzz_snnc_opt.py --tool snnc-opt --timeout 5 --replay %s
snn.network @n(%in: !snn.spikes<1000000>) -> !snn.current<1000000> {
  %a = snn.linear %in weight(dense<0.5> : tensor<1000000x1000000xf32>) : !snn.spikes<1000000> -> !snn.current<1000000>
  snn.output %a : !snn.current<1000000>
}
