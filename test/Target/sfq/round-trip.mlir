// RUN: snnc-opt %s | snnc-opt | FileCheck %s
// RUN: snnc-opt %s > %t && snnc-opt %t | diff %t -
// The sfq ops print and parse back unchanged: an XOR of two inputs gates a
// stochastic synapse into a neuron whose spike comes back to its own
// excitatory input through wire "n.q" (a cycle, read before it is
// defined: the circuit is a graph region), every other op kind once.

// CHECK-LABEL: sfq.circuit @xor attributes {library = "coldflux", seed = 7 : i64, slot_ticks = 1000 : i64} {
// CHECK-NEXT: [[A:%.+]] = sfq.input {element = 0 : i64}
// CHECK-NEXT: [[B:%.+]] = sfq.input {element = 1 : i64}
// CHECK-NEXT: [[A0:%.+]], [[A1:%.+]] = sfq.split [[A]]
// CHECK-NEXT: [[B0:%.+]], [[B1:%.+]] = sfq.split [[B]]
// CHECK-NEXT: [[CLK:%.+]] = sfq.clock {period = 1000 : i64, phase = 500 : i64}
// CHECK-NEXT: [[C0:%.+]], [[C1:%.+]] = sfq.split [[CLK]]
// CHECK-NEXT: [[X:%.+]] = sfq.xor2 [[A0]], [[B0]], [[C0]]
// CHECK-NEXT: [[AND:%.+]] = sfq.and2 [[A1]], [[B1]], [[C1]]
// CHECK-NEXT: [[S:%.+]] = sfq.synapse [[X]] {bias_ua = 8.250000e+01 : f64, id = 0 : i64, p = 5.000000e-01 : f64, threshold = 2147483648 : i64, weight = 7.500000e-01 : f64}
// CHECK-NEXT: [[P:%.+]] = sfq.pulser [[S]] {pulses = 2 : i64, spacing = 120 : i64}
// CHECK-NEXT: [[E:%.+]] = sfq.merge [[P]], [[FB:%[0-9]+]]
// CHECK-NEXT: [[I:%.+]] = sfq.synapse [[AND]] {id = 1 : i64, threshold = 4294967295 : i64}
// CHECK-NEXT: [[LEAK:%.+]] = sfq.clock {period = 3000 : i64, phase = 0 : i64}
// CHECK-NEXT: %n.q = sfq.wire "n.q"
// CHECK-NEXT: [[Q:%.+]] = sfq.neuron exc([[E]]) inh([[I]]) leak([[LEAK]]) {bias_ua = 1.200000e+02 : f64, index = 0 : i64, population = 1 : i64, reset = "subtract", theta = 2 : i64}
// CHECK-NEXT: sfq.drive %n.q, [[Q]]
// CHECK-NEXT: [[N0:%.+]], [[N1:%.+]] = sfq.split %n.q
// CHECK-NEXT: [[FB]] = sfq.jtl [[N1]]
// CHECK-NEXT: [[C2:%.+]] = sfq.clock {period = 1000 : i64, phase = 900 : i64}
// CHECK-NEXT: [[D:%.+]] = sfq.dff [[N0]], [[C2]]
// CHECK-NEXT: [[D0:%.+]], [[D1:%.+]] = sfq.split [[D]]
// CHECK-NEXT: [[C3:%.+]] = sfq.clock {period = 1000 : i64, phase = 950 : i64}
// CHECK-NEXT: [[ND:%.+]] = sfq.not [[D0]], [[C3]]
// CHECK-NEXT: [[C4:%.+]] = sfq.clock {period = 2000 : i64, phase = 0 : i64}
// CHECK-NEXT: [[C5:%.+]] = sfq.clock {period = 1000 : i64, phase = 990 : i64}
// CHECK-NEXT: [[M:%.+]] = sfq.ndro [[D1]], [[C4]], [[C5]]
// CHECK-NEXT: [[C6:%.+]] = sfq.clock {period = 1000 : i64, phase = 999 : i64}
// CHECK-NEXT: [[O:%.+]] = sfq.or2 [[ND]], [[M]], [[C6]]
// CHECK-NEXT: sfq.sink [[O]]
// CHECK-NEXT: }
sfq.circuit @xor attributes {library = "coldflux", seed = 7, slot_ticks = 1000} {
  %a = sfq.input {element = 0}
  %b = sfq.input {element = 1}
  %a0, %a1 = sfq.split %a
  %b0, %b1 = sfq.split %b
  %clk = sfq.clock {period = 1000, phase = 500}
  %clk0, %clk1 = sfq.split %clk
  %x = sfq.xor2 %a0, %b0, %clk0
  %and = sfq.and2 %a1, %b1, %clk1
  %s = sfq.synapse %x {bias_ua = 82.5, id = 0, p = 0.5, threshold = 2147483648, weight = 0.75}
  %p = sfq.pulser %s {pulses = 2, spacing = 120}
  %e = sfq.merge %p, %fb
  %i = sfq.synapse %and {id = 1, threshold = 4294967295}
  %leak = sfq.clock {period = 3000, phase = 0}
  %n = sfq.wire "n.q"
  %q = sfq.neuron exc(%e) inh(%i) leak(%leak) {bias_ua = 120.0, index = 0, population = 1, reset = "subtract", theta = 2}
  sfq.drive %n, %q
  %n0, %n1 = sfq.split %n
  %fb = sfq.jtl %n1
  %c2 = sfq.clock {period = 1000, phase = 900}
  %d = sfq.dff %n0, %c2
  %d0, %d1 = sfq.split %d
  %c3 = sfq.clock {period = 1000, phase = 950}
  %nd = sfq.not %d0, %c3
  %c4 = sfq.clock {period = 2000, phase = 0}
  %c5 = sfq.clock {period = 1000, phase = 990}
  %m = sfq.ndro %d1, %c4, %c5
  %c6 = sfq.clock {period = 1000, phase = 999}
  %o = sfq.or2 %nd, %m, %c6
  sfq.sink %o
}

// A neuron needs neither inh nor leak.
// CHECK-LABEL: sfq.circuit @pure attributes {library = "pylse", slot_ticks = 500 : i64} {
// CHECK-NEXT: [[X:%.+]] = sfq.input {element = 3 : i64}
// CHECK-NEXT: [[Q:%.+]] = sfq.neuron exc([[X]]) {reset = "zero", theta = 1 : i64}
// CHECK-NEXT: sfq.sink [[Q]]
sfq.circuit @pure attributes {library = "pylse", slot_ticks = 500} {
  %x = sfq.input {element = 3}
  %q = sfq.neuron exc(%x) {reset = "zero", theta = 1}
  sfq.sink %q
}
