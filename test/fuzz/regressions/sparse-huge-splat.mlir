// Fuzz regression: snn.sparse's verifier expanded a 2^40-entry splat col_idx (LLVM ERROR: out of memory, later a hang).
// RUN: %python %S/../fuzz_snnc_opt.py --tool snnc-opt --timeout 5 --replay %s
snn.network @n(%in: !snn.spikes<1>) -> !snn.current<2> {
  %a = snn.sparse %in rows(dense<[0, 1099511627776]> : tensor<2xi64>) cols(dense<5> : tensor<1099511627776xi32>) values(dense<1.0> : tensor<1099511627776xf32>) : !snn.spikes<1> -> !snn.current<2>
  snn.output %a : !snn.current<2>
}
