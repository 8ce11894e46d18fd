// RUN: snnc-opt %s -snn-target="target=sfq target-config=%S/Inputs/200ghz.json" -snn-discretize="dt=1e-3" -convert-snn-to-sfq -verify-diagnostics
// A slot shorter than a cell's separation window is a timing limit the
// network breaks whatever its fan-in; refused naming the cell and the
// window (issue #15, "The report").

// At 200 GHz a slot is 5 ps; a splitter takes a pulse at most every 7 ps.
// expected-error @+1 {{a split cell accepts a pulse on input a at most every 7 ps (its separation window), more than the 5 ps slot at pulse_rate_hz 200000000000: lower pulse_rate_hz to at most 1.42857e+11}}
snn.network @fast(%in: !snn.spikes<1>) -> (!snn.spikes<2>) {
  %w = snn.linear %in weight(dense<1.0> : tensor<2x1xf32>)
      : !snn.spikes<1> -> !snn.current<2>
  %out = snn.if %w {r = 1000.0, v_threshold = 0.5}
      : (!snn.current<2>) -> !snn.spikes<2>
  snn.output %out : !snn.spikes<2>
}
