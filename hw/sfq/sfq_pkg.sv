//===- sfq_pkg.sv - Counters, pulse widths and hashes of the SFQ cells ----===//
//
// What the SFQ cell models (docs/sfq.md §4), the emitted netlist top and
// the C++ side (backends/sfq/lib/Rtl) must agree on: the counter order of
// backends/sfq/include/snnc/sfq/Counters.def, the width of a pulse wire,
// and the counter-based random stream of
// support/include/snnc/Support/CounterRng.h that the stochastic synapses
// draw from, so that a draw of the RTL equals ref's bit for bit.
//
// A pulse wire carries the number of pulses that leave an output port in
// one 100 fs tick (one clock cycle). It is almost always 0 or 1, but
// docs/sfq.md §3 keeps pulses of one (tick, cell, port) apart, and a pulser
// whose trains overlap or two clock pulses released from one deferral can
// emit two in one tick, so a wire is a small count rather than a bit.
//
//===----------------------------------------------------------------------===//

package sfq_pkg;

  // Counters.def order; the C++ test reads these lines back.
  typedef enum int unsigned {
    CntNeuronUpdates     = 0,
    CntSynapticEvents    = 1,
    CntInputPulses       = 2,
    CntJtlPulses         = 3,
    CntSplitPulses       = 4,
    CntMergePulses       = 5,
    CntMergeCollisions   = 6,
    CntPulseCollisions   = 7,
    CntSetupViolations   = 8,
    CntSinkPulses        = 9,
    CntSynapsePasses     = 10,
    CntSynapseBlocks     = 11,
    CntPulserPulses      = 12,
    CntNeuronExcitations = 13,
    CntNeuronInhibitions = 14,
    CntNeuronLeaks       = 15,
    CntNeuronFires       = 16,
    CntClockPulses       = 17,
    CntDffStores         = 18,
    CntDffDrops          = 19,
    CntDffReads          = 20,
    CntDffEmptyClocks    = 21,
    CntNdroSets          = 22,
    CntNdroRepeatSets    = 23,
    CntNdroResets        = 24,
    CntNdroRepeatResets  = 25,
    CntNdroReads         = 26,
    CntNdroEmptyClocks   = 27,
    CntAnd2Stores        = 28,
    CntAnd2Repeats       = 29,
    CntAnd2ClocksNone    = 30,
    CntAnd2ClocksOne     = 31,
    CntAnd2ClocksBoth    = 32,
    CntOr2Stores         = 33,
    CntOr2Repeats        = 34,
    CntOr2Reads          = 35,
    CntOr2EmptyClocks    = 36,
    CntXor2Firsts        = 37,
    CntXor2Seconds       = 38,
    CntXor2Reads         = 39,
    CntXor2EmptyClocks   = 40,
    CntNotStores         = 41,
    CntNotRepeats        = 42,
    CntNotReads          = 43,
    CntNotClears         = 44
  } counter_e;
  localparam int unsigned NumCounters = 45;

  // Pulses per wire and tick: 2 bits (up to 3); more saturates and raises
  // the cell's overflow_o, which the driver reports rather than diverge.
  localparam int unsigned PulseW = 2;
  // Pulses one deferral slot of a clocked cell's input can hold: pulses
  // arriving faster than a window lets them through pile up on one tick.
  localparam int unsigned DeferW = 6;
  // Events one cell counts in one tick, per counter class.
  localparam int unsigned CntW = 16;

  typedef logic [NumCounters-1:0][CntW-1:0] cnt_t;

  // Separation windows of a cell in sfq_gate's layout: the window of
  // (after X, on Y) in bits [32*(X*ports+Y) +: 32]. Functions rather than
  // concatenations, which Verilator 5.006 takes for unsized once a
  // parameter is overridden.
  function automatic logic [31:0] windows1(input int unsigned aa);
    return aa;
  endfunction

  function automatic logic [127:0] windows2(input int unsigned aa,
                                            input int unsigned ab,
                                            input int unsigned ba,
                                            input int unsigned bb);
    logic [127:0] w;
    w[31:0]   = aa;
    w[63:32]  = ab;
    w[95:64]  = ba;
    w[127:96] = bb;
    return w;
  endfunction

  // Ports 0, 1, 2 as x, y, z.
  function automatic logic [287:0] windows3(
      input int unsigned xx, input int unsigned xy, input int unsigned xz,
      input int unsigned yx, input int unsigned yy, input int unsigned yz,
      input int unsigned zx, input int unsigned zy, input int unsigned zz);
    logic [287:0] w;
    w[31:0]    = xx;
    w[63:32]   = xy;
    w[95:64]   = xz;
    w[127:96]  = yx;
    w[159:128] = yy;
    w[191:160] = yz;
    w[223:192] = zx;
    w[255:224] = zy;
    w[287:256] = zz;
    return w;
  endfunction

  // CounterRng.h: SplitMix64's finalizer and the stream key.
  localparam logic [63:0] Golden        = 64'h9e37_79b9_7f4a_7c15;
  // "sfasyn": kSynapseStream of snnc/sfq/PulseSimulator.h.
  localparam logic [63:0] SynapseStream = 64'h0000_7366_6173_796e;

  function automatic logic [63:0] mix64(input logic [63:0] x);
    logic [63:0] z;
    z = (x ^ (x >> 30)) * 64'hbf58_476d_1ce4_e5b9;
    z = (z ^ (z >> 27)) * 64'h94d0_49bb_1331_11eb;
    return z ^ (z >> 31);
  endfunction

  function automatic logic [63:0] stream_key(input logic [63:0] seed,
                                             input logic [63:0] stream,
                                             input logic [63:0] row);
    return mix64(mix64(mix64(seed) ^ stream) + row * Golden);
  endfunction

  // CounterRng::at(seed, stream, row, k).
  function automatic logic [63:0] rng_at(input logic [63:0] seed,
                                         input logic [63:0] stream,
                                         input logic [63:0] row,
                                         input logic [63:0] k);
    return mix64(stream_key(seed, stream, row) + k * Golden);
  endfunction

  // The term of pulse_sum_o for one pulse leaving output `port` of cell
  // `cell` at `tick`: mix64(tick ^ mix64(cell << 8 | port)). The inner
  // hash is a constant per wire, which the emitter computes; the C++ twin
  // is snnc::sfq::rtl::pulseHash.
  function automatic logic [63:0] pulse_hash(input logic [63:0] tick,
                                             input logic [63:0] wire_key);
    return mix64(tick ^ wire_key);
  endfunction

endpackage
