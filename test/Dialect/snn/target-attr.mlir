// RUN: snnc-opt %s -split-input-file -verify-diagnostics | FileCheck %s
// #snn.target parses, prints without its defaults, and is verified.

// CHECK: module attributes {snn.target = #snn.target<"spinnaker2", seed = 3>}
module attributes {snn.target = #snn.target<"spinnaker2", seed = 3, firing_probability = 1.0e-02>} {}

// -----

// expected-error @+1 {{#snn.target needs a target name}}
module attributes {snn.target = #snn.target<"">} {}

// -----

// expected-error @+1 {{unknown #snn.target option 'clock'; expected seed, firing_probability or overrides}}
module attributes {snn.target = #snn.target<"spinnaker2", clock = 3>} {}

// -----

// expected-error @+1 {{#snn.target firing_probability must lie in [0, 1], got -5.000000e-01}}
module attributes {snn.target = #snn.target<"spinnaker2", firing_probability = -0.5>} {}

// -----

// Passes and the image writer read the overrides back as JSON.
// expected-error @+1 {{#snn.target overrides are not valid JSON: syntax error while parsing value - unexpected end of input}}
module attributes {snn.target = #snn.target<"spinnaker2", overrides = "{\22clock_hz\22: [1,">} {}

// -----

// expected-error @+1 {{#snn.target overrides are not valid JSON: nested deeper than 512 levels}}
module attributes {snn.target = #snn.target<"spinnaker2", overrides = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[">} {}

// -----

// expected-error @+1 {{#snn.target overrides must be a JSON object}}
module attributes {snn.target = #snn.target<"spinnaker2", overrides = "[1, 2]">} {}
