// Fuzz regression: a dense_resource blob with alignment 0 aborts MLIR 19's parser (std::bad_alloc; upstream llvm/llvm-project#181266); snnc-opt refuses it before parsing.
// RUN: %python %S/../fuzz_snnc_opt.py --tool snnc-opt --timeout 5 --replay %s
snn.network @n(%in: !snn.spikes<1>) -> !snn.current<1> {
  %a = snn.linear %in weight(dense_resource<w> : tensor<1x1xf32>) : !snn.spikes<1> -> !snn.current<1>
  snn.output %a : !snn.current<1>
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x000000000000803F"
    }
  }
#-}
