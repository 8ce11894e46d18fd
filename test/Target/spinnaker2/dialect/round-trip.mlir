// RUN: snnc-opt %s | snnc-opt | FileCheck %s
// The s2 attributes print as they parse, and survive a second round trip.
// The values are consistent (each verifier holds) but made up by hand.

// CHECK-LABEL: snn.network @mapped
// CHECK-SAME: s2.input_slices = [#s2.slices<sizes = [2], pes = [5], keys = [256]>]
// CHECK-SAME: s2.mapping_report = #s2.mapping_report<target = "spinnaker2", populations = 3, neurons = 8, synapses = 18, pes_used = 4, pes_available = 8, chips_used = 1, chips_available = 2,
// CHECK-SAME: per_pe = #s2.pe_use<neurons = #s2.spread<min = 1.000000e+00, mean = 2.000000e+00, max = 3.000000e+00, total = 8.000000e+00>, neurons_limit = 256, synapses = #s2.spread<{{[^>]*}}>, sram_bytes = #s2.spread<{{[^>]*}}>, sram_bytes_limit = 1.310720e+05, cycles_per_step = #s2.spread<{{[^>]*}}>, cycle_budget = 3.000000e+05,
// CHECK-SAME: limits = [#s2.limit<name = "max_neurons_per_pe", unit = "neurons", capacity = 2.560000e+02, use = #s2.spread<{{[^>]*}}>>]>,
// CHECK-SAME: routing = #s2.route_stats<routers_used = 1, entry_limit = 1024, entries_before = 4, max_before = 4, entries_after_default_removal = 3, max_after_default_removal = 3, entries_after = 2, max_after = 2, widened_destinations = false, exact_deliveries = 3, routed_deliveries = 3, key_neuron_bits = 8, topological_keys = true>,
// CHECK-SAME: traffic = #s2.traffic<total = 1.500000e+00, packets_emitted = 7.500000e-01, {{.*}}, placement_cost_initial = 2.500000e+00, placement_cost_final = 1.250000e+00>>
// CHECK-SAME: s2.partition = #s2.partition<pes_used = 4, pes_available = 8>
// CHECK-SAME: s2.placement = #s2.placement<cost_initial = 2.500000e+00, cost_final = 1.250000e+00, seed = 7>
// CHECK-SAME: s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040, entries_before = 4, entries_after = 2, max_before = 4, max_after = 2, tables = [#s2.table<chip = 0, entries = dense<{{\[\[}}256, 4294967040, 0], [512, 4294966784, 1]]> : tensor<2x3xi64>, routes = dense<{{\[\[}}64], [384]]> : tensor<2x1xi64>>]>
// Scales keep every bit (6.1037018951994385E-5 is 2/32767).
// CHECK: snn.linear {{.*}}{s2.quant = #s2.quant<shift = 0, scale = 6.1037018951994385E-5, rms_error = 0.000000e+00, max_error = 1.500000e-05, weights = dense<{{\[\[}}16384, 8192], [0, 32767], [-16384, 4096]]> : tensor<3x2xi16>>}
// A field the neurons share prints once; one that differs, per neuron.
// CHECK: snn.neuron {{.*}}s2.fixed = #s2.fixed<s_in = 6.1037018951994385E-5, s_v = 2.000000e-09, decay = 62259, gain_m = [1553029920, 1553029920, 776514960], gain_s = 20, drive = 0, bias = 0, threshold = [485307039, 485307039, 242653519], reset = 0>
// CHECK-SAME: s2.slices = #s2.slices<sizes = [2, 1], pes = [6, 7], keys = [512, 768]>
// Procedural weights are not stored, so their #s2.quant has none.
// CHECK: snn.procedural {{.*}}s2.quant = #s2.quant<shift = 2, scale = 2.440000e-04, rms_error = 1.000000e-05, max_error = 3.000000e-05>,
// CHECK: snn.neuron {{.*}}s2.fixed = #s2.fixed<s_in = 2.440000e-04, s_v = 1.000000e-08, decay = 58982, gain_m = 1310720000, gain_s = 24, drive = 0, bias = [-3, 0, 3], threshold = 100000000, reset = 0, syn_decay = 52429, syn_gain_m = 1717986918, syn_gain_s = 33>
// CHECK-SAME: s2.slices = #s2.slices<sizes = [3], pes = [8], keys = [1024]>
snn.network @mapped(%in: !snn.spikes<2>) -> (!snn.spikes<3>, !snn.spikes<3>) attributes {
    snn.time = #snn.time<dt = 1.0e-3, rule = euler>,
    s2.input_slices = [#s2.slices<sizes = [2], pes = [5], keys = [256]>],
    s2.partition = #s2.partition<pes_used = 4, pes_available = 8>,
    s2.placement = #s2.placement<cost_initial = 2.5, cost_final = 1.25, seed = 7>,
    s2.routing = #s2.routing<links = 6, words = 1, neuron_bits = 8, slice_mask = 4294967040,
        entries_before = 4, entries_after = 2, max_before = 4, max_after = 2,
        tables = [#s2.table<chip = 0, entries = dense<[[256, 4294967040, 0], [512, 4294966784, 1]]> : tensor<2x3xi64>,
                            routes = dense<[[64], [384]]> : tensor<2x1xi64>>]>,
    s2.mapping_report = #s2.mapping_report<target = "spinnaker2", populations = 3, neurons = 8, synapses = 18,
        pes_used = 4, pes_available = 8, chips_used = 1, chips_available = 2,
        per_pe = #s2.pe_use<neurons = #s2.spread<min = 1.0, mean = 2.0, max = 3.0, total = 8.0>, neurons_limit = 256,
            synapses = #s2.spread<min = 0.0, mean = 4.5, max = 9.0, total = 18.0>,
            sram_bytes = #s2.spread<min = 100.0, mean = 150.0, max = 200.0, total = 600.0>, sram_bytes_limit = 131072.0,
            cycles_per_step = #s2.spread<min = 10.0, mean = 20.0, max = 30.0, total = 80.0>, cycle_budget = 300000.0,
            limits = [#s2.limit<name = "max_neurons_per_pe", unit = "neurons", capacity = 256.0,
                                use = #s2.spread<min = 1.0, mean = 2.0, max = 3.0, total = 8.0>>]>,
        routing = #s2.route_stats<routers_used = 1, entry_limit = 1024, entries_before = 4, max_before = 4,
            entries_after_default_removal = 3, max_after_default_removal = 3, entries_after = 2, max_after = 2,
            widened_destinations = false, exact_deliveries = 3, routed_deliveries = 3, key_neuron_bits = 8,
            topological_keys = true>,
        traffic = #s2.traffic<total = 1.5, packets_emitted = 0.75, traffic_x_hops = 0.0, traffic_x_noc_hops = 0.0,
            traffic_x_chip_hops = 0.0, max_link_load = 0.0, max_noc_link_load = 0.0, max_chip_link_load = 0.0,
            chip_group_cut = 0.0, placement_cost_initial = 2.5, placement_cost_final = 1.25>>} {
  %w = snn.linear %in weight(dense<[[1.0, 0.5], [0.0, 2.0], [-1.0, 0.25]]> : tensor<3x2xf32>)
      {s2.quant = #s2.quant<shift = 0, scale = 6.103701895199438e-05, rms_error = 0.0, max_error = 1.5e-05,
                            weights = dense<[[16384, 8192], [0, 32767], [-16384, 4096]]> : tensor<3x2xi16>>}
      : !snn.spikes<2> -> !snn.current<3>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.95, gain = 0.05, drive = 0.0, threshold = 1.0, reset = 0.0,
      s2.fixed = #s2.fixed<s_in = 6.103701895199438e-05, s_v = 2.0e-09, decay = 62259, gain_m = [1553029920, 1553029920, 776514960],
                           gain_s = 20, drive = 0, bias = 0, threshold = [485307039, 485307039, 242653519], reset = 0>,
      s2.slices = #s2.slices<sizes = [2, 1], pes = [6, 7], keys = [512, 768]>} : (!snn.current<3>) -> !snn.spikes<3>
  %r = snn.procedural %n {excitatory_fraction = 0.5, connectivity = #snn.fixed_probability<0.5>,
        w_ee = #snn.dist<constant(0.1)>, w_ei = #snn.dist<constant(0.1)>, w_ie = #snn.dist<constant(0.1)>, w_ii = #snn.dist<constant(0.1)>,
        seed = 3, delay_steps = 1,
        s2.quant = #s2.quant<shift = 2, scale = 2.44e-04, rms_error = 1.0e-05, max_error = 3.0e-05>} : !snn.spikes<3> -> !snn.current<3>
  %c = snn.neuron %r {model = #snn.model<cuba_lif>, decay = 0.9, gain = 0.1, drive = 0.0, threshold = 1.0, reset = 0.0, syn_decay = 0.8, syn_gain = 0.2,
      s2.fixed = #s2.fixed<s_in = 2.44e-04, s_v = 1.0e-08, decay = 58982, gain_m = 1310720000, gain_s = 24, drive = 0, bias = [-3, 0, 3],
                           threshold = 100000000, reset = 0, syn_decay = 52429, syn_gain_m = 1717986918, syn_gain_s = 33>,
      s2.slices = #s2.slices<sizes = [3], pes = [8], keys = [1024]>} : (!snn.current<3>) -> !snn.spikes<3>
  snn.output %n, %c : !snn.spikes<3>, !snn.spikes<3>
}

// Large quantized weights and routing tables are resource blobs.
// CHECK-LABEL: snn.network @blobs
// CHECK: s2.quant = #s2.quant<shift = 1, scale = 1.220703125E-4, rms_error = 0.000000e+00, max_error = 0.000000e+00, weights = dense_resource<w16> : tensor<1x3xi16>>
// CHECK: w16: "0x0200000001000200FEFF"
snn.network @blobs(%in: !snn.spikes<3>) -> !snn.spikes<1> attributes {snn.time = #snn.time<dt = 1.0e-3, rule = euler>} {
  %w = snn.linear %in weight(dense<[[1.220703125e-4, 2.44140625e-4, -2.44140625e-4]]> : tensor<1x3xf32>)
      {s2.quant = #s2.quant<shift = 1, scale = 1.220703125e-4, rms_error = 0.0, max_error = 0.0, weights = dense_resource<w16> : tensor<1x3xi16>>}
      : !snn.spikes<3> -> !snn.current<1>
  %n = snn.neuron %w {model = #snn.model<lif>, decay = 0.95, gain = 0.05, drive = 0.0, threshold = 1.0, reset = 0.0} : (!snn.current<1>) -> !snn.spikes<1>
  snn.output %n : !snn.spikes<1>
}

{-#
  dialect_resources: {
    builtin: {
      w16: "0x0200000001000200FEFF"
    }
  }
#-}
