// RUN: snnc-opt %s -split-input-file -verify-diagnostics
// Every sfq verifier message, one case each: the netlist rules of
// docs/sfq.md §2 (fan-out 1, ports, wires) and the cells' parameters.

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // One output read twice, even by one cell: a pulse reaches one input.
  // expected-error @+1 {{output q1 of this 'sfq.split' drives 2 inputs; an SFQ output drives exactly one input (copy it with sfq.split)}}
  %q0, %q1 = sfq.split %x
  sfq.sink %q0
  // expected-note @+2 {{it drives input a of this 'sfq.merge'}}
  // expected-note @+1 {{it drives input b of this 'sfq.merge'}}
  %m = sfq.merge %q1, %q1
  sfq.sink %m
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // An unread output: its pulse would reflect back into the cell.
  // expected-error @+1 {{output q of this 'sfq.jtl' drives nothing; terminate it with sfq.sink}}
  %j = sfq.jtl %x
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // A wire counts its readers the same way; its drive is not one of them.
  // expected-error @+1 {{wire 'w' drives 2 inputs; an SFQ output drives exactly one input (copy it with sfq.split)}}
  %w = sfq.wire "w"
  sfq.drive %w, %x
  // expected-note @+1 {{it drives input a of this 'sfq.jtl'}}
  %j = sfq.jtl %w
  // expected-note @+1 {{it drives input a of this 'sfq.sink'}}
  sfq.sink %w
  sfq.sink %j
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{wire 'w' drives nothing; terminate it with sfq.sink}}
  %w = sfq.wire "w"
  sfq.drive %w, %x
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // Driving a wire is the one input a cell output may have.
  // expected-error @+1 {{output q of this 'sfq.input' drives 2 inputs}}
  %y = sfq.input {element = 1}
  %w = sfq.wire "w"
  // expected-note @+1 {{it drives the drive of wire 'w'}}
  sfq.drive %w, %y
  // expected-note @+1 {{it drives input b of this 'sfq.merge'}}
  %m = sfq.merge %x, %y
  %n = sfq.merge %m, %w
  sfq.sink %n
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // Port arity is the cell kind's: a merger has two inputs.
  // expected-error @+1 {{'sfq.merge' op expected 2 operands, but found 1}}
  %m = "sfq.merge"(%x) : (!sfq.pulse) -> !sfq.pulse
  sfq.sink %m
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // And a splitter two outputs.
  // expected-error @+1 {{'sfq.split' op expected 2 results}}
  %q = "sfq.split"(%x) : (!sfq.pulse) -> !sfq.pulse
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // In the custom syntax it does not parse.
  // expected-error @+1 {{expected ','}}
  %m = sfq.merge %x
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  // expected-error @+1 {{wire 'w' is not driven}}
  %w = sfq.wire "w"
  sfq.sink %w
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  %y = sfq.input {element = 1}
  // expected-error @+1 {{wire 'w' is driven 2 times}}
  %w = sfq.wire "w"
  sfq.drive %w, %x
  sfq.drive %w, %y
  sfq.sink %w
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  %y = sfq.input {element = 1}
  // expected-note @+1 {{first declared here}}
  %v = sfq.wire "w"
  // expected-error @+1 {{wire 'w' is declared twice in this circuit}}
  %w = sfq.wire "w"
  sfq.drive %v, %x
  sfq.drive %w, %y
  sfq.sink %v
  sfq.sink %w
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.wire' op needs a name}}
  %w = sfq.wire ""
  sfq.drive %w, %x
  sfq.sink %w
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  // Two wires driving each other carry no pulse.
  // expected-error @+1 {{wire 'v' is driven through a loop of wires and no cell}}
  %v = sfq.wire "v"
  %w = sfq.wire "w"
  sfq.drive %v, %w
  sfq.drive %w, %v
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  %y = sfq.input {element = 1}
  %j = sfq.jtl %x
  // expected-error @+1 {{'sfq.drive' op target must be an sfq.wire, not output q of an 'sfq.jtl'}}
  sfq.drive %j, %y
  sfq.sink %j
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.neuron' op attribute 'theta' failed to satisfy constraint}}
  %q = sfq.neuron exc(%x) {reset = "zero", theta = 0}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.neuron' op reset rule 'half' is not one of zero, subtract, release_one}}
  %q = sfq.neuron exc(%x) {reset = "half", theta = 2}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.neuron' op bias_ua must be finite; it is INF}}
  %q = sfq.neuron exc(%x) {bias_ua = 0x7FF0000000000000 : f64, reset = "zero", theta = 2}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.pulser' op attribute 'pulses' failed to satisfy constraint}}
  %q = sfq.pulser %x {pulses = 0, spacing = 10}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.pulser' op attribute 'spacing' failed to satisfy constraint}}
  %q = sfq.pulser %x {pulses = 2, spacing = 0}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  // expected-error @+1 {{'sfq.clock' op attribute 'period' failed to satisfy constraint}}
  %c = sfq.clock {period = 0, phase = 0}
  sfq.sink %c
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  // expected-error @+1 {{'sfq.input' op attribute 'element' failed to satisfy constraint}}
  %x = sfq.input {element = -1}
  sfq.sink %x
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // The threshold is a u32: 2^32 would pass every draw, as 2^32 - 1 nearly does.
  // expected-error @+1 {{'sfq.synapse' op attribute 'threshold' failed to satisfy constraint}}
  %q = sfq.synapse %x {id = 0, threshold = 4294967296}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.synapse' op p must lie in [0, 1]; it is 1.5}}
  %q = sfq.synapse %x {id = 0, p = 1.5, threshold = 0}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.synapse' op p must lie in [0, 1]; it is nan}}
  %q = sfq.synapse %x {id = 0, p = 0x7FF8000000000000 : f64, threshold = 0}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.synapse' op weight must be finite; it is -INF}}
  %q = sfq.synapse %x {id = 0, threshold = 0, weight = 0xFFF0000000000000 : f64}
  sfq.sink %q
}

// -----

sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %x = sfq.input {element = 0}
  // expected-error @+1 {{'sfq.synapse' op attribute 'id' failed to satisfy constraint}}
  %q = sfq.synapse %x {id = -1, threshold = 0}
  sfq.sink %q
}

// -----

// expected-error @+1 {{'sfq.circuit' op cannot hold 'arith.constant'; a circuit holds only sfq cells, wires and drives}}
sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  %k = arith.constant 0 : i32
}

// -----

// Nor does a circuit nest in another.
// expected-error @+1 {{'sfq.circuit' op cannot hold 'sfq.circuit'}}
sfq.circuit @c attributes {library = "coldflux", slot_ticks = 1000} {
  sfq.circuit @d attributes {library = "coldflux", slot_ticks = 1000} {
  }
}

// -----

// Cells live in circuits only.
// expected-error @+1 {{'sfq.input' op expects parent op 'sfq.circuit'}}
%x = sfq.input {element = 0}

// -----

// expected-error @+1 {{'sfq.circuit' op attribute 'slot_ticks' failed to satisfy constraint}}
sfq.circuit @c attributes {library = "coldflux", slot_ticks = 0} {
}

// -----

// expected-error @+1 {{'sfq.circuit' op library must name a cell library profile}}
sfq.circuit @c attributes {library = "", slot_ticks = 1000} {
}

// -----

// expected-error @+1 {{'sfq.circuit' op requires attribute 'library'}}
sfq.circuit @c attributes {slot_ticks = 1000} {
}
