// RUN: snnc-opt %s -split-input-file -verify-diagnostics
// What the s2 dialect's verifiers refuse: one case per check, each
// attribute's own first, then those against the op carrying it.

// #s2.quant
snn.network @quant_shift(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{#s2.quant shift must lie in [0, 16], got 17}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.quant = #s2.quant<shift = 17, scale = 1.0, rms_error = 0.0, max_error = 0.0>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @quant_scale(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{#s2.quant scale must be positive and finite, got 0.000000e+00}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.quant = #s2.quant<shift = 0, scale = 0.0, rms_error = 0.0, max_error = 0.0>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @quant_rms(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{#s2.quant rms_error must be finite and non-negative, got -1.000000e+00}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.quant = #s2.quant<shift = 0, scale = 1.0, rms_error = -1.0, max_error = 0.0>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @quant_max(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{#s2.quant max_error must be finite and non-negative, got INF}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.quant = #s2.quant<shift = 0, scale = 1.0, rms_error = 0.0, max_error = 0x7FF0000000000000>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @quant_weight_type(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{#s2.quant weights must have i16 elements, got 'tensor<3x2xi32>'}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.quant = #s2.quant<shift = 0, scale = 1.0, rms_error = 0.0, max_error = 0.0, weights = dense<1> : tensor<3x2xi32>>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @quant_weight_shape(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{'snn.linear' op s2.quant weights has type 'tensor<2x3xi16>' but must have shape 3x2}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.quant = #s2.quant<shift = 0, scale = 1.0, rms_error = 0.0, max_error = 0.0, weights = dense<1> : tensor<2x3xi16>>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @quant_not_projection(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op carries s2.quant but is not a synaptic projection}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.quant = #s2.quant<shift = 0, scale = 1.0, rms_error = 0.0, max_error = 0.0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @quant_procedural(%in: !snn.spikes<3>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x3xf32>) : !snn.spikes<3> -> !snn.current<3>
  %n = snn.neuron %w, %r {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>, !snn.current<3>) -> !snn.spikes<3>
  // expected-error @+1 {{'snn.procedural' op stores no weights, but its s2.quant has some}}
  %r = snn.procedural %n {excitatory_fraction = 0.5, connectivity = #snn.fixed_probability<0.5>,
        w_ee = #snn.dist<constant(0.1)>, w_ei = #snn.dist<constant(0.1)>, w_ie = #snn.dist<constant(0.1)>, w_ii = #snn.dist<constant(0.1)>,
        seed = 3, delay_steps = 1, s2.quant = #s2.quant<shift = 0, scale = 1.0, rms_error = 0.0, max_error = 0.0, weights = dense<1> : tensor<3x3xi16>>} : !snn.spikes<3> -> !snn.current<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// The s2 namespace
snn.network @wrong_kind(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{'snn.linear' op attribute 's2.quant' must be #s2.quant, got 3 : i64}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.quant = 3 : i64} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 58982, gain_m = 1717986918, gain_s = 34, drive = 0, bias = 0, threshold = 100, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @unknown_name(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{'snn.linear' op has unknown spinnaker2 attribute 's2.q_shift'}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.q_shift = 3 : i64, s2.quant = #s2.quant<shift = 0, scale = 1.0, rms_error = 0.0, max_error = 0.0>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @routing_on_neuron(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op carries s2.partition, which belongs on an snn.network}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.partition = #s2.partition<pes_used = 1, pes_available = 2>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// #s2.fixed
snn.network @fixed_s_in(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed s_in must be positive and finite, got -1.000000e+00}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = -1.0, s_v = 1.0, decay = 0, gain_m = 0, gain_s = 0, drive = 0, bias = 0, threshold = 0, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_threshold_alone(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed needs threshold and reset together}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 58982, gain_m = 1717986918, gain_s = 34, drive = 0, bias = 0, threshold = 100>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_syn_partial(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed needs syn_decay, syn_gain_m and syn_gain_s together}}
  %n = snn.neuron %w {model = #snn.model<cuba_lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, syn_decay = 0.8, syn_gain = 0.2, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 58982, gain_m = 1717986918, gain_s = 34, drive = 0, bias = 0, threshold = 100, reset = 0, syn_decay = 52429>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_empty(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed decay needs at least one value}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = [], gain_m = 0, gain_s = 0, drive = 0, bias = 0, threshold = 0, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_decay(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed decay must lie in [0, 65536], got 65537}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = [0, 65537, 0], gain_m = 0, gain_s = 0, drive = 0, bias = 0, threshold = 0, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_gain_m(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed gain_m must lie in [0, 2147483647], got -1}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 0, gain_m = -1, gain_s = 0, drive = 0, bias = 0, threshold = 0, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_gain_s(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed gain_s must lie in [0, 62], got 63}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 0, gain_m = 0, gain_s = 63, drive = 0, bias = 0, threshold = 0, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_int32(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed threshold must lie in [-2147483648, 2147483647], got 2147483648}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 0, gain_m = 0, gain_s = 0, drive = 0, bias = 0, threshold = 2147483648, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_lengths(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.fixed fields disagree on the neuron count: decay has 3 values, drive 2}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = [1, 2, 3], gain_m = 0, gain_s = 0, drive = [1, 2], bias = 0, threshold = 0, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_neurons(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op has 3 neurons but its s2.fixed describes 2}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = [1, 2], gain_m = 0, gain_s = 0, drive = 0, bias = 0, threshold = 0, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_no_threshold(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op spikes, so its s2.fixed needs a threshold and reset}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 58982, gain_m = 1717986918, gain_s = 34, drive = 0, bias = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_readout_threshold(%in: !snn.spikes<2>) -> !snn.current<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op does not spike, so its s2.fixed has no use for a threshold and reset}}
  %n = snn.neuron %w {model = #snn.model<li>, decay = 0.9, gain = 0.1, drive = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 58982, gain_m = 1717986918, gain_s = 34, drive = 0, bias = 0, threshold = 100, reset = 0>} : (!snn.current<3>) -> !snn.current<3>
  snn.output %n : !snn.current<3>
}

// -----

snn.network @fixed_cuba_no_syn(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op is cuba_lif, so its s2.fixed needs syn_decay, syn_gain_m and syn_gain_s}}
  %n = snn.neuron %w {model = #snn.model<cuba_lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, syn_decay = 0.8, syn_gain = 0.2, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 58982, gain_m = 1717986918, gain_s = 34, drive = 0, bias = 0, threshold = 100, reset = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_lif_syn(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op is not cuba_lif, so its s2.fixed has no use for synaptic constants}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 58982, gain_m = 1717986918, gain_s = 34, drive = 0, bias = 0, threshold = 100, reset = 0, syn_decay = 52429, syn_gain_m = 1, syn_gain_s = 0>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @fixed_not_neuron(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{'snn.linear' op carries s2.fixed but is not an snn.neuron}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.fixed = #s2.fixed<s_in = 1.0, s_v = 1.0, decay = 58982, gain_m = 1717986918, gain_s = 34, drive = 0, bias = 0, threshold = 100, reset = 0>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// #s2.slices
snn.network @slices_none(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.slices needs at least one slice}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = []>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @slices_size(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.slices sizes must lie in [1, 4294967295], got 0}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [3, 0]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @slices_pes(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.slices has 2 slices but 1 PEs}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [2, 1], pes = [4]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @slices_keys(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.slices has 2 slices but 1 keys}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [2, 1], pes = [4, 5], keys = [0]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @slices_keys_unplaced(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.slices has keys but no PEs}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [3], keys = [0]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @slices_pe_range(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.slices pes must lie in [0, 4294967295], got -1}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [3], pes = [-1]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @slices_key_range(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{#s2.slices keys must lie in [0, 4294967295], got 4294967296}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [3], pes = [1], keys = [4294967296]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @slices_cover(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  // expected-error @+1 {{'snn.neuron' op has 3 neurons but its s2.slices cover 4}}
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [2, 2]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

snn.network @slices_not_neuron(%in: !snn.spikes<2>) -> !snn.spikes<3> {
  // expected-error @+1 {{'snn.linear' op carries s2.slices but is not an snn.neuron (input ports' slices are the network's s2.input_slices)}}
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) {s2.slices = #s2.slices<sizes = [3]>} : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// s2.input_slices and PEs across the network
// expected-error @+1 {{'snn.network' op attribute 's2.input_slices' must be an array of #s2.slices, got #s2.slices<sizes = [2]>}}
snn.network @inputs_kind(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.input_slices = #s2.slices<sizes = [2]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{'snn.network' op has 1 inputs but s2.input_slices describes 0}}
snn.network @inputs_count(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.input_slices = []} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{'snn.network' op s2.input_slices must hold one #s2.slices per input, got [2]}}
snn.network @inputs_entry(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.input_slices = [[2]]} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{'snn.network' op input #0 has 2 neurons but its s2.input_slices entry covers 1}}
snn.network @inputs_cover(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.input_slices = [#s2.slices<sizes = [1]>]} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{'snn.network' op places two slices on PE 4}}
snn.network @pe_twice(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.input_slices = [#s2.slices<sizes = [2], pes = [4]>]} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [3], pes = [4]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// #s2.partition and #s2.placement
// expected-error @+1 {{#s2.partition uses 9 of 8 PEs}}
snn.network @partition(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.partition = #s2.partition<pes_used = 9, pes_available = 8>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.placement cost_initial must be finite and non-negative, got -1.000000e+00}}
snn.network @placement(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.placement = #s2.placement<cost_initial = -1.0, cost_final = 0.0, seed = 1>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// #s2.routing and #s2.table
// expected-error @+1 {{#s2.routing links and words must be non-negative, got -1 and 1}}
snn.network @routing_links(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = -1, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.routing neuron_bits must lie in [0, 32], got 33}}
snn.network @routing_bits(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 33, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.routing slice_mask must be contiguous ones above its 8 neuron bits, got 4294901503}}
snn.network @routing_mask(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294901503, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.routing has a table larger than all tables together}}
snn.network @routing_max(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 2, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.routing has two tables for chip 0}}
snn.network @routing_chips(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 2, entries_after = 2, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>, #s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.routing table of chip 0 has routes of 1 words, not 2}}
snn.network @routing_words(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 2, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.routing counts 3 entries (at most 1 per router), but its tables hold 1 (at most 1)}}
snn.network @routing_counts(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 3, entries_after = 3, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// Inside its parent, a failing attribute also fails the parent's parse.
// expected-error @+2 {{#s2.table chip must be non-negative, got -1}}
// expected-error @+1 {{failed to parse S2_RoutingAttr parameter 'tables'}}
snn.network @table_chip(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = -1, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+2 {{#s2.table entries must be a tensor<Nx3xi64> with N >= 1, got 'tensor<1x2xi64>'}}
// expected-error @+1 {{failed to parse S2_RoutingAttr parameter 'tables'}}
snn.network @table_entries(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<0> : tensor<1x2xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+2 {{#s2.table routes must be a static rank-2 i64 tensor, got 'tensor<1xi64>'}}
// expected-error @+1 {{failed to parse S2_RoutingAttr parameter 'tables'}}
snn.network @table_routes(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<1> : tensor<1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// Keys and tables against the routing mask
// expected-error @+1 {{'snn.network' op has a slice of 300 neurons, more than the 8 neuron bits of its s2.routing number}}
snn.network @slice_too_big(%in: !snn.spikes<2>) -> !snn.spikes<300> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<300x2xf32>) : !snn.spikes<2> -> !snn.current<300>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [300]>} : (!snn.current<300>) -> !snn.spikes<300>
  snn.output %n : !snn.spikes<300>
}

// -----

// expected-error @+1 {{'snn.network' op has slice key 257, which sets bits outside the slice_mask of its s2.routing}}
snn.network @key_unaligned(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, s2.slices = #s2.slices<sizes = [3], pes = [1], keys = [257]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{'snn.network' op s2.routing table of chip 0: entry 0 (key 255, mask 4294967040) is not a 32-bit key within its mask}}
snn.network @entry_key(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[255, 4294967040, 0]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{'snn.network' op s2.routing table of chip 0: entry 0 names route 1 of 1}}
snn.network @entry_route(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 1, entries_after = 1, max_before = 1, max_after = 1, tables = [#s2.table<chip = 0, entries = dense<[[0, 4294967040, 1]]> : tensor<1x3xi64>, routes = dense<[[1]]> : tensor<1x1xi64>>]>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// #s2.mapping_report
// expected-error @+1 {{#s2.mapping_report needs a target name}}
snn.network @report_target(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.mapping_report = #s2.mapping_report<target = "", populations = 2, neurons = 5, synapses = 6, pes_used = 2, pes_available = 8, chips_used = 1, chips_available = 2, per_pe = #s2.pe_use<neurons = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, neurons_limit = 256, synapses = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, sram_bytes = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, sram_bytes_limit = 1.0, cycles_per_step = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, cycle_budget = 1.0, limits = []>, routing = #s2.route_stats<routers_used = 1, entry_limit = 4, entries_before = 2, max_before = 2, entries_after_default_removal = 2, max_after_default_removal = 2, entries_after = 1, max_after = 1, widened_destinations = false, exact_deliveries = 1, routed_deliveries = 1, key_neuron_bits = 8, topological_keys = true>, traffic = #s2.traffic<total = 1.0, packets_emitted = 1.0, traffic_x_hops = 0.0, traffic_x_noc_hops = 0.0, traffic_x_chip_hops = 0.0, max_link_load = 0.0, max_noc_link_load = 0.0, max_chip_link_load = 0.0, chip_group_cut = 0.0, placement_cost_initial = 0.0, placement_cost_final = 0.0>>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.mapping_report uses 9 of 8 PEs on 1 of 2 chips}}
snn.network @report_pes(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.mapping_report = #s2.mapping_report<target = "spinnaker2", populations = 2, neurons = 5, synapses = 6, pes_used = 9, pes_available = 8, chips_used = 1, chips_available = 2, per_pe = #s2.pe_use<neurons = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, neurons_limit = 256, synapses = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, sram_bytes = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, sram_bytes_limit = 1.0, cycles_per_step = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, cycle_budget = 1.0, limits = []>, routing = #s2.route_stats<routers_used = 1, entry_limit = 4, entries_before = 2, max_before = 2, entries_after_default_removal = 2, max_after_default_removal = 2, entries_after = 1, max_after = 1, widened_destinations = false, exact_deliveries = 1, routed_deliveries = 1, key_neuron_bits = 8, topological_keys = true>, traffic = #s2.traffic<total = 1.0, packets_emitted = 1.0, traffic_x_hops = 0.0, traffic_x_noc_hops = 0.0, traffic_x_chip_hops = 0.0, max_link_load = 0.0, max_noc_link_load = 0.0, max_chip_link_load = 0.0, chip_group_cut = 0.0, placement_cost_initial = 0.0, placement_cost_final = 0.0>>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// expected-error @+1 {{#s2.mapping_report uses 2 chips for 1 PEs}}
snn.network @report_chips(%in: !snn.spikes<2>) -> !snn.spikes<3> attributes {s2.mapping_report = #s2.mapping_report<target = "spinnaker2", populations = 2, neurons = 5, synapses = 6, pes_used = 1, pes_available = 8, chips_used = 2, chips_available = 2, per_pe = #s2.pe_use<neurons = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, neurons_limit = 256, synapses = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, sram_bytes = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, sram_bytes_limit = 1.0, cycles_per_step = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, cycle_budget = 1.0, limits = []>, routing = #s2.route_stats<routers_used = 1, entry_limit = 4, entries_before = 2, max_before = 2, entries_after_default_removal = 2, max_after_default_removal = 2, entries_after = 1, max_after = 1, widened_destinations = false, exact_deliveries = 1, routed_deliveries = 1, key_neuron_bits = 8, topological_keys = true>, traffic = #s2.traffic<total = 1.0, packets_emitted = 1.0, traffic_x_hops = 0.0, traffic_x_noc_hops = 0.0, traffic_x_chip_hops = 0.0, max_link_load = 0.0, max_noc_link_load = 0.0, max_chip_link_load = 0.0, chip_group_cut = 0.0, placement_cost_initial = 0.0, placement_cost_final = 0.0>>} {
  %w = snn.linear %in weight(dense<0.5> : tensor<3x2xf32>) : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n : !snn.spikes<3>
}

// -----

// The report's parts, each on its own (a test.* name keeps the parent's parse error out).
snn.network @spread_finite(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.spread values must be finite}}
    test.nested = #s2.spread<min = 0.0, mean = 0x7FF8000000000000, max = 1.0, total = 1.0>} {
  snn.output %in : !snn.spikes<1>
}

// -----

snn.network @spread_order(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.spread min 2.000000e+00 exceeds max 1.000000e+00}}
    test.nested = #s2.spread<min = 2.0, mean = 1.5, max = 1.0, total = 3.0>} {
  snn.output %in : !snn.spikes<1>
}

// -----

snn.network @limit_name(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.limit needs a name}}
    test.nested = #s2.limit<name = "", unit = "B", capacity = 1.0, use = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>>} {
  snn.output %in : !snn.spikes<1>
}

// -----

snn.network @limit_capacity(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.limit capacity must be finite and non-negative, got -1.000000e+00}}
    test.nested = #s2.limit<name = "sram", unit = "B", capacity = -1.0, use = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>>} {
  snn.output %in : !snn.spikes<1>
}

// -----

snn.network @pe_use(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.pe_use sram_bytes_limit must be finite and non-negative, got -2.000000e+00}}
    test.nested = #s2.pe_use<neurons = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, neurons_limit = 256, synapses = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, sram_bytes = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, sram_bytes_limit = -2.0, cycles_per_step = #s2.spread<min = 1.0, mean = 1.0, max = 1.0, total = 1.0>, cycle_budget = 1.0, limits = []>} {
  snn.output %in : !snn.spikes<1>
}

// -----

snn.network @route_stats_totals(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.route_stats has a table larger than all tables together}}
    test.nested = #s2.route_stats<routers_used = 1, entry_limit = 4, entries_before = 1, max_before = 2, entries_after_default_removal = 2, max_after_default_removal = 2, entries_after = 1, max_after = 1, widened_destinations = false, exact_deliveries = 1, routed_deliveries = 1, key_neuron_bits = 8, topological_keys = true>} {
  snn.output %in : !snn.spikes<1>
}

// -----

snn.network @route_stats_limit(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.route_stats max_after 1 exceeds entry_limit 0}}
    test.nested = #s2.route_stats<routers_used = 1, entry_limit = 0, entries_before = 2, max_before = 2, entries_after_default_removal = 2, max_after_default_removal = 2, entries_after = 1, max_after = 1, widened_destinations = false, exact_deliveries = 1, routed_deliveries = 1, key_neuron_bits = 8, topological_keys = true>} {
  snn.output %in : !snn.spikes<1>
}

// -----

snn.network @route_stats_bits(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.route_stats key_neuron_bits must lie in [0, 32], got 33}}
    test.nested = #s2.route_stats<routers_used = 1, entry_limit = 4, entries_before = 2, max_before = 2, entries_after_default_removal = 2, max_after_default_removal = 2, entries_after = 1, max_after = 1, widened_destinations = false, exact_deliveries = 1, routed_deliveries = 1, key_neuron_bits = 33, topological_keys = true>} {
  snn.output %in : !snn.spikes<1>
}

// -----

snn.network @traffic(%in: !snn.spikes<1>) -> !snn.spikes<1> attributes {
    // expected-error @+1 {{#s2.traffic figures must be finite and non-negative, got -5.000000e-01}}
    test.nested = #s2.traffic<total = 1.0, packets_emitted = 1.0, traffic_x_hops = 0.0, traffic_x_noc_hops = 0.0, traffic_x_chip_hops = 0.0, max_link_load = -0.5, max_noc_link_load = 0.0, max_chip_link_load = 0.0, chip_group_cut = 0.0, placement_cost_initial = 0.0, placement_cost_final = 0.0>} {
  snn.output %in : !snn.spikes<1>
}
