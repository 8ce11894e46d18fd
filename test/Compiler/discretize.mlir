// RUN: snnc-opt %s -snn-discretize="dt=1.0e-3" -split-input-file -verify-diagnostics | FileCheck %s --check-prefix=EULER
// RUN: snnc-opt %s -snn-discretize="dt=1.0e-3 rule=exact" -split-input-file -verify-diagnostics | FileCheck %s --check-prefix=EXACT
// Per-step factors of every neuron model under both rules, the reservoir
// split, and delays in steps.

// EULER-LABEL: snn.network @models
// EULER-SAME: attributes {snn.time = #snn.time<dt = 1.000000e-03, rule = euler>}
// EULER: snn.neuron %{{.*}} {decay = 0.94999999999999996 : f64, drive = 0.005000000000000001 : f64, gain = 1.000000e-01 : f64, model = #snn.model<lif>, reset = -1.000000e-01 : f64, threshold = 1.000000e+00 : f64} : (!snn.current<2>) -> !snn.spikes<2>
// EULER: snn.neuron %{{.*}} {decay = 9.000000e-01 : f64, drive = 0.000000e+00 : f64, gain = 1.000000e-01 : f64, model = #snn.model<cuba_lif>, reset = 0.000000e+00 : f64, syn_decay = 8.000000e-01 : f64, syn_gain = 4.000000e-01 : f64, threshold = 1.000000e+00 : f64}
// EULER: snn.neuron %{{.*}} {decay = 1.000000e+00 : f64, drive = 0.000000e+00 : f64, gain = 3.000000e-03 : f64, model = #snn.model<if>, reset = 0.000000e+00 : f64, threshold = 5.000000e-01 : f64}
// EULER: snn.neuron %{{.*}} {decay = array<f64: 9.000000e-01, 0.94999999999999996>, drive = 0.000000e+00 : f64, gain = array<f64: 1.000000e-01, 5.000000e-02>, model = #snn.model<li>} : (!snn.current<2>) -> !snn.current<2>
// EULER: snn.neuron %{{.*}} {decay = 1.000000e+00 : f64, drive = 0.000000e+00 : f64, gain = 2.000000e-03 : f64, model = #snn.model<integrator>} : (!snn.current<2>) -> !snn.current<2>
// EULER-NOT: snn.lif
// EXACT-LABEL: snn.network @models
// EXACT-SAME: rule = exact
// EXACT: snn.neuron %{{.*}} {decay = 0.9512294245{{[0-9]*}} : f64, drive = 0.004877057549{{[0-9]*}} : f64, gain = 0.09754115099{{[0-9]*}} : f64, model = #snn.model<lif>
// EXACT: syn_decay = 0.8187307530{{[0-9]*}} : f64, syn_gain = 0.3625384938{{[0-9]*}} : f64
snn.network @models(%in: !snn.current<2>) -> (!snn.spikes<2>, !snn.spikes<2>, !snn.spikes<2>, !snn.current<2>, !snn.current<2>) {
  // tau 20 ms, r 2, v_leak 0.1
  %a = snn.lif %in {tau_mem = 0.02, r = 2.0, v_leak = 0.1, v_threshold = 1.0, v_reset = -0.1} : (!snn.current<2>) -> !snn.spikes<2>
  // tau_syn 5 ms, w_in 2
  %b = snn.cuba_lif %in {tau_mem = 0.01, tau_syn = 0.005, r = 1.0, v_leak = 0.0, v_threshold = 1.0, w_in = 2.0} : (!snn.current<2>) -> !snn.spikes<2>
  %c = snn.if %in {r = 3.0, v_threshold = 0.5} : (!snn.current<2>) -> !snn.spikes<2>
  %d = snn.li %in {tau_mem = array<f64: 0.01, 0.02>, r = 1.0, v_leak = 0.0} : (!snn.current<2>) -> !snn.current<2>
  %e = snn.integrator %in {r = 2.0} : (!snn.current<2>) -> !snn.current<2>
  snn.output %a, %b, %c, %d, %e : !snn.spikes<2>, !snn.spikes<2>, !snn.spikes<2>, !snn.current<2>, !snn.current<2>
}

// -----

// A reservoir becomes a LIF population fed back by its procedural synapses.
// EULER-LABEL: snn.network @reservoir
// EULER: %[[N:.+]] = snn.neuron %arg0, %[[R:[0-9]+]] {{{.*}}model = #snn.model<lif>{{.*}}} : (!snn.current<8>, !snn.current<8>) -> !snn.spikes<8>
// EULER-NEXT: %[[R]] = snn.procedural %[[N]] {connectivity = #snn.fixed_probability<2.500000e-01>, delay_steps = 2 : i64, excitatory_fraction = 7.500000e-01 : f64, seed = 9 : i64
// EULER-NEXT: snn.output %[[N]]
snn.network @reservoir(%in: !snn.current<8>) -> !snn.spikes<8> {
  %r = snn.reservoir %in {size = 8, excitatory_fraction = 0.75, connectivity = #snn.fixed_probability<0.25>,
        w_ee = #snn.dist<constant(0.3)>, w_ei = #snn.dist<constant(0.3)>, w_ie = #snn.dist<constant(0.3)>, w_ii = #snn.dist<constant(0.3)>,
        seed = 9, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0, delay = 0.002} : (!snn.current<8>) -> !snn.spikes<8>
  snn.output %r : !snn.spikes<8>
}

// -----

// Delays in seconds become whole steps.
// EULER-LABEL: snn.network @delays
// EULER: snn.delay %arg0 {steps = array<i64: 0, 1, 3>} : !snn.spikes<3>
// EULER: snn.sparse %{{.*}} values({{.*}}) delay_steps(dense<[2, 0]> : tensor<2xi32>)
// EULER-NOT: delays(
snn.network @delays(%in: !snn.spikes<3>) -> !snn.spikes<1> {
  %d = snn.delay %in {delay = array<f64: 0.0, 0.001, 0.003>} : !snn.spikes<3>
  %s = snn.sparse %d rows(dense<[0, 1, 2, 2]> : tensor<4xi64>) cols(dense<[0, 0]> : tensor<2xi32>) values(dense<[1.0, 2.0]> : tensor<2xf32>) delays(dense<[0.002, 0.0]> : tensor<2xf32>) : !snn.spikes<3> -> !snn.current<1>
  %n = snn.lif %s {tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

// -----

// A delay that is not a whole number of steps is rounded, with a warning.
snn.network @fractional(%in: !snn.spikes<1>) -> !snn.spikes<1> {
  // expected-warning @+1 {{delay 0.0015 s is not a whole number of dt = 0.001 s steps; rounded to 2}}
  %d = snn.delay %in {delay = 0.0015} : !snn.spikes<1>
  snn.output %d : !snn.spikes<1>
}

// -----

// A tau equal to dt after float32 rounding (as NIR files store 1 ms) is not
// unstable: the membrane forgets fully each step.
// EULER-LABEL: snn.network @f32_tau
// EULER: snn.neuron %arg0 {decay = 0.000000e+00 : f64
snn.network @f32_tau(%in: !snn.current<1>) -> !snn.spikes<1> {
  %n = snn.lif %in {tau_mem = 9.9999976158147768E-4, r = 1.0, v_leak = 0.0, v_threshold = 1.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}
