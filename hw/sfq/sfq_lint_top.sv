//===- sfq_lint_top.sv - Every SFQ cell model, for the lint test ----------===//
//
// Not part of any netlist: a top that instantiates every hw/sfq cell with
// the ColdFlux library's delays and windows (and the parameter corners the
// emitter can produce: no windows, a window on every port pair, pulser
// trains, each reset rule), so that `verilator --lint-only -Wall` sees
// every generate branch of sfq_gate and sfq_delay. The last cells' pulses
// feed a digest so that nothing is optimised away unlinted.
//
//===----------------------------------------------------------------------===//

module sfq_lint_top
  import sfq_pkg::*;
(
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic [63:0] seed_i,
  input  logic [15:0] pulse_i,
  output logic [63:0] digest_o,
  output logic        overflow_o
);

  localparam int unsigned NumCells = 20;

  logic [PulseW-1:0] w [20];
  logic [0:0][CntW-1:0] ev0;
  logic [0:0][CntW-1:0] ev1;
  logic [1:0][CntW-1:0] ev2;
  logic [1:0][CntW-1:0] ev3;
  logic [1:0][CntW-1:0] ev4;
  logic [1:0][CntW-1:0] ev5;
  logic [1:0][CntW-1:0] ev6;
  logic [1:0][CntW-1:0] ev7;
  logic [3:0][CntW-1:0] ev8;
  logic [2:0][CntW-1:0] ev9;
  logic [5:0][CntW-1:0] ev10;
  logic [5:0][CntW-1:0] ev11;
  logic [5:0][CntW-1:0] ev12;
  logic [4:0][CntW-1:0] ev13;
  logic [6:0][CntW-1:0] ev14;
  logic [5:0][CntW-1:0] ev15;
  logic [4:0][CntW-1:0] ev16;
  logic [4:0][CntW-1:0] ev17;
  logic [4:0][CntW-1:0] ev18;
  logic [4:0][CntW-1:0] ev19;
  logic [NumCells-1:0] ovf;
  logic [2:0][CntW-1:0] fire;

  // Sources.
  sfq_input u_in0 (.clk_i, .rst_ni, .pulse_i(PulseW'(pulse_i[0])),
                   .out_q_o(w[0]), .ev_o(ev0), .overflow_o(ovf[0]));
  sfq_clock #(.Period(64'd53), .Phase(64'd7)) u_clk (
    .clk_i, .rst_ni, .out_q_o(w[1]), .ev_o(ev1), .overflow_o(ovf[1]));

  // Asynchronous cells.
  sfq_sink #(.SepAA(52)) u_sink (
    .clk_i, .rst_ni, .in_a_i(w[0]), .ev_o(ev2), .overflow_o(ovf[2]));
  sfq_jtl #(.Delay(35), .SepAA(52)) u_jtl (
    .clk_i, .rst_ni, .in_a_i(PulseW'(pulse_i[1])), .out_q_o(w[2]),
    .ev_o(ev3), .overflow_o(ovf[3]));
  sfq_jtl #(.Delay(1)) u_jtl_open (
    .clk_i, .rst_ni, .in_a_i(PulseW'(pulse_i[2])), .out_q_o(w[3]),
    .ev_o(ev4), .overflow_o(ovf[4]));
  sfq_split #(.Delay0(63), .Delay1(64), .SepAA(70)) u_split (
    .clk_i, .rst_ni, .in_a_i(w[2]), .out_q0_o(w[4]), .out_q1_o(w[5]),
    .ev_o(ev5), .overflow_o(ovf[5]));
  sfq_merge #(.Delay(90), .SepAA(102), .SepAB(23), .SepBA(22), .SepBB(102))
  u_merge (
    .clk_i, .rst_ni, .in_a_i(w[4]), .in_b_i(w[3]), .out_q_o(w[6]),
    .ev_o(ev6), .overflow_o(ovf[6]));
  sfq_merge #(.Delay(90), .SepAA(102), .SepAB(23), .SepBA(22), .SepBB(102),
              .WrongMergeRule(1'b1)) u_merge_wrong (
    .clk_i, .rst_ni, .in_a_i(w[5]), .in_b_i(PulseW'(pulse_i[3])),
    .out_q_o(w[7]), .ev_o(ev7), .overflow_o(ovf[7]));
  sfq_synapse #(.Delay(50), .Threshold(32'h9000_0000), .Id(64'd7), .SepAA(52))
  u_synapse (
    .clk_i, .rst_ni, .seed_i, .in_a_i(w[6]), .out_q_o(w[8]),
    .ev_o(ev8), .overflow_o(ovf[8]));
  sfq_pulser #(.Delay(63), .Pulses(4), .Spacing(110), .SepAA(102)) u_pulser (
    .clk_i, .rst_ni, .in_a_i(w[7]), .out_q_o(w[9]),
    .ev_o(ev9), .overflow_o(ovf[9]));
  sfq_neuron #(.Delay(70), .Theta(64'd3), .ResetRule(0)) u_neuron_zero (
    .clk_i, .rst_ni, .in_exc_i(w[8]), .in_inh_i(PulseW'(pulse_i[4])),
    .in_leak_i(w[1]), .out_q_o(w[10]), .fire_o(fire[0]),
    .ev_o(ev10), .overflow_o(ovf[10]));
  sfq_neuron #(.Delay(70), .Theta(64'd2), .ResetRule(1), .SepExcExc(3),
               .SepInhExc(2), .SepLeakInh(5)) u_neuron_subtract (
    .clk_i, .rst_ni, .in_exc_i(w[9]), .in_inh_i(PulseW'(pulse_i[5])),
    .in_leak_i('0), .out_q_o(w[11]), .fire_o(fire[1]),
    .ev_o(ev11), .overflow_o(ovf[11]));
  sfq_neuron #(.Delay(70), .Theta(64'd4), .ResetRule(2)) u_neuron_release (
    .clk_i, .rst_ni, .in_exc_i(w[10]), .in_inh_i(w[11]),
    .in_leak_i('0), .out_q_o(w[12]), .fire_o(fire[2]),
    .ev_o(ev12), .overflow_o(ovf[12]));

  // Clocked cells, data from the pins, clock from pin 15.
  sfq_dff #(.Delay(63), .SepClkA(4)) u_dff (
    .clk_i, .rst_ni, .in_a_i(PulseW'(pulse_i[6])),
    .in_clk_i(PulseW'(pulse_i[15])), .out_q_o(w[13]),
    .ev_o(ev13), .overflow_o(ovf[13]));
  sfq_ndro #(.Delay(55), .SepAB(9), .SepBA(19), .SepClkClk(91)) u_ndro (
    .clk_i, .rst_ni, .in_a_i(PulseW'(pulse_i[7])),
    .in_b_i(PulseW'(pulse_i[8])), .in_clk_i(PulseW'(pulse_i[15])),
    .out_q_o(w[14]), .ev_o(ev14), .overflow_o(ovf[14]));
  sfq_and2 #(.Delay(50), .SepClkA(16), .SepClkB(16)) u_and2 (
    .clk_i, .rst_ni, .in_a_i(PulseW'(pulse_i[9])),
    .in_b_i(PulseW'(pulse_i[10])), .in_clk_i(PulseW'(pulse_i[15])),
    .out_q_o(w[15]), .ev_o(ev15), .overflow_o(ovf[15]));
  sfq_or2 #(.Delay(55), .SepAClk(38), .SepBClk(38)) u_or2 (
    .clk_i, .rst_ni, .in_a_i(PulseW'(pulse_i[11])),
    .in_b_i(PulseW'(pulse_i[12])), .in_clk_i(PulseW'(pulse_i[15])),
    .out_q_o(w[16]), .ev_o(ev16), .overflow_o(ovf[16]));
  sfq_xor2 #(.Delay(50), .SepAA(1), .SepAB(2), .SepAClk(80), .SepBA(3),
             .SepBB(4), .SepBClk(80), .SepClkA(5), .SepClkB(6),
             .SepClkClk(7)) u_xor2 (
    .clk_i, .rst_ni, .in_a_i(PulseW'(pulse_i[13])), .in_b_i(w[12]),
    .in_clk_i(PulseW'(pulse_i[15])), .out_q_o(w[17]),
    .ev_o(ev17), .overflow_o(ovf[17]));
  sfq_not #(.Delay(55), .SepAClk(21), .SepClkA(45), .SepClkClk(52)) u_not (
    .clk_i, .rst_ni, .in_a_i(PulseW'(pulse_i[14])), .in_clk_i(w[1]),
    .out_q_o(w[18]), .ev_o(ev18), .overflow_o(ovf[18]));
  // A clocked cell without windows.
  sfq_dff #(.Delay(1)) u_dff_open (
    .clk_i, .rst_ni, .in_a_i(w[13]), .in_clk_i(w[14]), .out_q_o(w[19]),
    .ev_o(ev19), .overflow_o(ovf[19]));

  // The outputs that are not pulse wires matter only as lint targets.
  logic unused_ev;
  assign unused_ev = ^{ev0, ev1, ev2, ev3, ev4, ev5, ev6, ev7, ev8, ev9,
                       ev10, ev11, ev12, ev13, ev14, ev15, ev16, ev17, ev18,
                       ev19};

  always_comb begin
    digest_o = 64'(^fire);
    for (int unsigned i = 15; i < 20; i++) begin
      digest_o = digest_o ^ pulse_hash(64'(i), 64'(w[i]));
    end
  end

  assign overflow_o = |ovf;

endmodule
