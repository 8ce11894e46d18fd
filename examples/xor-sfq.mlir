// A rate-coded 2-layer XOR for the SFQ target (issue #15; an snnc example,
// not the seed paper's network, whose topology is not readable). Input 1 is
// a pulse every step; 0 is none. Hidden "or" counts pulses from either
// input and fires on every second one; hidden "and" fires only when both
// arrive in one step, as its leak removes a lone pulse's fluxon before the
// next; the output is excited by "or" and inhibited by "and", so with both
// inputs on it never holds two fluxons. Compile with --dt 1e-3: r is chosen
// so that every synapse adds one unit (gain 1).
snn.network @xor(%in: !snn.spikes<2>) -> (!snn.spikes<1>, !snn.spikes<1>, !snn.spikes<1>) {
  %to_or = snn.linear %in weight(dense<[[1.0, 1.0]]> : tensor<1x2xf32>)
      : !snn.spikes<2> -> !snn.current<1>
  %or = snn.if %to_or {r = 1000.0, v_threshold = 1.5}
      : (!snn.current<1>) -> !snn.spikes<1>
  %to_and = snn.linear %in weight(dense<[[1.0, 1.0]]> : tensor<1x2xf32>)
      : !snn.spikes<2> -> !snn.current<1>
  %and = snn.lif %to_and {tau_mem = 0.002, r = 2.0, v_leak = 0.0,
      v_threshold = 1.5} : (!snn.current<1>) -> !snn.spikes<1>
  %exc = snn.linear %or weight(dense<[[1.0]]> : tensor<1x1xf32>)
      : !snn.spikes<1> -> !snn.current<1>
  %inh = snn.linear %and weight(dense<[[-1.0]]> : tensor<1x1xf32>)
      : !snn.spikes<1> -> !snn.current<1>
  %out = snn.if %exc, %inh {r = 1000.0, v_threshold = 1.5}
      : (!snn.current<1>, !snn.current<1>) -> !snn.spikes<1>
  snn.output %out, %or, %and
      : !snn.spikes<1>, !snn.spikes<1>, !snn.spikes<1>
}
