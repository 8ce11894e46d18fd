// RUN: snnc-opt %s -sfq-roundtrip-netlist | FileCheck %s
// RUN: snnc-opt %s -sfq-roundtrip-netlist > %t && snnc-opt %t -sfq-roundtrip-netlist | diff %t -
// RUN: snnc-opt %S/round-trip.mlir -sfq-roundtrip-netlist > %t.all && snnc-opt %t.all -sfq-roundtrip-netlist | diff %t.all -
// circuit -> Netlist -> circuit keeps the cells in order and their
// connections (the pass also checks that the rebuilt circuit has the same
// netlist), and the rebuilt circuit prints stably. Wires come back only
// for neuron outputs and for pulses read before their cell: this input's
// chain of wires, its cycle and its informational attributes are gone.
// The third RUN line takes every cell kind through (round-trip.mlir).

// CHECK-LABEL: sfq.circuit @net attributes {library = "coldflux", seed = 42 : i64, slot_ticks = 1000 : i64} {
// CHECK-NEXT: %neuron4.q = sfq.wire "neuron4.q"
// CHECK-NEXT: %jtl7.q = sfq.wire "jtl7.q"
// CHECK-NEXT: %neuron12.q = sfq.wire "neuron12.q"
// CHECK-NEXT: [[X:%.+]] = sfq.input {element = 0 : i64}
// CHECK-NEXT: [[Y:%.+]] = sfq.input {element = 1 : i64}
// CHECK-NEXT: [[LEAK:%.+]] = sfq.clock {period = 5000 : i64, phase = 0 : i64}
// CHECK-NEXT: [[E:%.+]] = sfq.merge [[X]], %jtl7.q
// CHECK-NEXT: [[Q:%.+]] = sfq.neuron exc([[E]]) leak([[LEAK]]) {reset = "release_one", theta = 3 : i64}
// CHECK-NEXT: sfq.drive %neuron4.q, [[Q]]
// CHECK-NEXT: [[Q0:%.+]], [[Q1:%.+]] = sfq.split %neuron4.q
// CHECK-NEXT: [[S:%.+]] = sfq.synapse [[Q1]] {id = 9 : i64, threshold = 1073741824 : i64}
// CHECK-NEXT: [[BACK:%.+]] = sfq.jtl [[S]]
// CHECK-NEXT: sfq.drive %jtl7.q, [[BACK]]
// CHECK-NEXT: [[CLK:%.+]] = sfq.clock {period = 1000 : i64, phase = 10 : i64}
// CHECK-NEXT: [[D:%.+]] = sfq.dff [[Y]], [[CLK]]
// CHECK-NEXT: [[P:%.+]] = sfq.pulser [[D]] {pulses = 3 : i64, spacing = 40 : i64}
// CHECK-NEXT: [[I:%.+]] = sfq.synapse [[P]] {id = 10 : i64, threshold = 7 : i64}
// CHECK-NEXT: [[R:%.+]] = sfq.neuron exc([[Q0]]) inh([[I]]) {reset = "zero", theta = 1 : i64}
// CHECK-NEXT: sfq.drive %neuron12.q, [[R]]
// CHECK-NEXT: sfq.sink %neuron12.q
// CHECK-NEXT: }

sfq.circuit @net attributes {library = "coldflux", seed = 42, slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  %y = sfq.input {element = 1}
  // A neuron with a leak but no inh: leak is its port 2 either way.
  %leak = sfq.clock {period = 5000, phase = 0}
  %e = sfq.merge %x, %back
  %q = sfq.neuron exc(%e) leak(%leak) {bias_ua = 100.0, index = 4, population = 2, reset = "release_one", theta = 3}
  %w1 = sfq.wire "first"
  %w2 = sfq.wire "second"
  sfq.drive %w1, %q
  sfq.drive %w2, %w1
  %q0, %q1 = sfq.split %w2
  %s = sfq.synapse %q1 {bias_ua = 80.0, id = 9, p = 0.25, threshold = 1073741824, weight = -0.5}
  %back = sfq.jtl %s
  %clk = sfq.clock {period = 1000, phase = 10}
  %d = sfq.dff %y, %clk
  %p = sfq.pulser %d {pulses = 3, spacing = 40}
  %i = sfq.synapse %p {id = 10, threshold = 7}
  %r = sfq.neuron exc(%q0) inh(%i) {reset = "zero", theta = 1}
  sfq.sink %r
}
