// RUN: snnc-opt %s -snn-discretize="dt=2.0e-3" -split-input-file -verify-diagnostics
// RUN: not snnc-opt %s -snn-discretize="dt=-1.0" 2>&1 | FileCheck %s --check-prefix=BADDT
// RUN: not snnc-opt %s -snn-discretize="rule=rk4" 2>&1 | FileCheck %s --check-prefix=BADRULE
// Forward Euler refuses populations faster than the time step, and the
// options are checked.
// BADDT: snn-discretize: dt must be a positive number of seconds, got -1
// BADRULE: snn-discretize: unknown rule 'rk4'; expected euler or exact

snn.network @fast(%in: !snn.current<2>) -> !snn.spikes<2> {
  // expected-error @+1 {{'snn.lif' op forward Euler is unstable: dt = 0.002 s exceeds tau_mem = 0.001 s for neuron 1; use rule=exact or a smaller dt}}
  %a = snn.lif %in {tau_mem = array<f64: 0.02, 0.001>, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %a : !snn.spikes<2>
}

// -----

snn.network @fast_syn(%in: !snn.current<1>) -> !snn.spikes<1> {
  // expected-error @+1 {{'snn.cuba_lif' op forward Euler is unstable: dt = 0.002 s exceeds tau_syn = 0.0015 s; use rule=exact or a smaller dt}}
  %a = snn.cuba_lif %in {tau_mem = 0.02, tau_syn = 0.0015, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %a : !snn.spikes<1>
}

// -----

// expected-error @+1 {{'snn.network' op is already discretized (dt = 0.001 s)}}
snn.network @twice(%in: !snn.current<1>) -> !snn.current<1> attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>} {
  snn.output %in : !snn.current<1>
}
