// RUN: snnc-opt %s -snn-target="target=sfq" -snn-discretize="dt=1e-3" -convert-snn-to-sfq -split-input-file -verify-diagnostics
// What the lowering refuses, each naming the neuron or synapse and the
// limit (issue #15, "Bad input").

// A threshold of 40 fluxons: a 200 pH loop under a 250 uA junction holds 24.
// expected-error @+1 {{cannot be lowered to sfq: neuron 0 of population 'if0' needs a threshold of 40 fluxons (threshold 39.5 over 1 per pulse); its loop holds at most 24}}
snn.network @deep(%in: !snn.spikes<1>) -> (!snn.spikes<1>) {
  %w = snn.linear %in weight(dense<[[1.0]]> : tensor<1x1xf32>)
      : !snn.spikes<1> -> !snn.current<1>
  %out = snn.if %w {r = 1000.0, v_threshold = 39.5}
      : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %out : !snn.spikes<1>
}

// -----

// A weight 10^6 times below the largest onto the neuron needs p = 1e-6,
// below the 3.2e-5 the bias DAC's lowest code sets.
// expected-error @+1 {{synapse 1 -> 0 of projection 'input0->if0' (weight 1e-06) needs pass probability 9.99968e-07, below the 3.16712e-05 the bias DAC's lowest code sets (132 uA)}}
snn.network @tiny(%in: !snn.spikes<2>) -> (!snn.spikes<1>) {
  %w = snn.linear %in weight(dense<[[1.0, 1.0e-6]]> : tensor<1x2xf32>)
      : !snn.spikes<2> -> !snn.current<1>
  %out = snn.if %w {r = 1000.0, v_threshold = 0.5}
      : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %out : !snn.spikes<1>
}

// -----

// Fan-in 16 needs 16 x 10.2 ps = 163.2 ps per slot; at 10 GHz a slot is
// 100 ps.
// expected-error @+1 {{neuron 0 of population 'if0' has fan-in 16 (excitatory), the network's widest; its merger tree passes one pulse per 10.2 ps (merge a->a separation), so 16 pulses need 163.2 ps, more than the 100 ps slot at pulse_rate_hz 10000000000: lower pulse_rate_hz to at most 6.12745e+09}}
snn.network @wide(%in: !snn.spikes<16>) -> (!snn.spikes<1>) {
  %w = snn.linear %in weight(dense<1.0> : tensor<1x16xf32>)
      : !snn.spikes<16> -> !snn.current<1>
  %out = snn.if %w {r = 1000.0, v_threshold = 0.5}
      : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %out : !snn.spikes<1>
}

