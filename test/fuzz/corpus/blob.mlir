// Corpus: small dense_resource weight and bias blobs and two networks in one module.
module {
  snn.network @blob(%in: !snn.spikes<2>) -> !snn.current<2> {
    %a = snn.affine %in weight(dense_resource<w> : tensor<2x2xf32>) bias(dense_resource<b> : tensor<2xf32>) : !snn.spikes<2> -> !snn.current<2>
    %r = snn.li %a {tau_mem = 0.05, r = 1.0, v_leak = 0.0} : (!snn.current<2>) -> !snn.current<2>
    snn.output %r : !snn.current<2>
  }
  snn.network @empty(%in: !snn.current<1>) -> !snn.current<1> {
    snn.output %in : !snn.current<1>
  }
}

{-#
  dialect_resources: {
    builtin: {
      w: "0x040000000000803F000000400000404000008040",
      b: "0x04000000CDCCCC3DCDCC4CBE"
    }
  }
#-}
