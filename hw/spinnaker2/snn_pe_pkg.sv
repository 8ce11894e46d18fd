//===- snn_pe_pkg.sv - Address map, codes and CRC of the PE --------------===//
//
// Everything the PE's blocks and its C++ driver must agree on: the
// configuration address map, register indices, commands, error codes,
// counter order, the neuron parameter row layout and the CRC-32 of loads
// (rshr and sat32 are hw/common/snn_fixed_pkg's, shared with every digital
// target). backends/spinnaker2/lib/Rtl/PeMap.h mirrors the numbers; the
// RTL unit tests exercise every one of them.
//
//===----------------------------------------------------------------------===//

package snn_pe_pkg;

  // Configuration bus: word addresses, region in bits [23:20].
  localparam int unsigned CfgAddrW = 24;
  localparam logic [3:0] RegionRegs   = 4'h0;
  localparam logic [3:0] RegionKeys   = 4'h1;  // entry * 4 + lane
  localparam logic [3:0] RegionParams = 4'h2;  // neuron * 8 + lane
  localparam logic [3:0] RegionDmem   = 4'h3;  // data SRAM word

  // Registers of RegionRegs.
  localparam logic [7:0] RegNeurons   = 8'h00;  // neurons of the slice
  localparam logic [7:0] RegFlags     = 8'h01;  // {record, spiking, cuba}
  localparam logic [7:0] RegKeyBase   = 8'h02;  // key of local neuron 0
  localparam logic [7:0] RegSlotMask  = 8'h03;  // ring slots - 1 (2^k - 1)
  localparam logic [7:0] RegIdxBits   = 8'h04;  // target bits of a row word
  localparam logic [7:0] RegEntries   = 8'h05;  // key table entries in use
  localparam logic [7:0] RegRingWords = 8'h06;  // ring = dmem[0, ring_words)
  localparam logic [7:0] RegSynEnd    = 8'h07;  // tables = dmem[ring, syn_end)
  localparam logic [7:0] RegWatchdog  = 8'h08;  // max busy cycles w/o progress

  localparam int unsigned FlagCuba    = 0;
  localparam int unsigned FlagSpiking = 1;
  localparam int unsigned FlagRecord  = 2;

  // Commands.
  typedef enum logic [1:0] {
    CmdNone   = 2'd0,
    CmdClear  = 2'd1,  // zero state, ring and counters
    CmdNeuron = 2'd2   // run the neuron phase of step cmd_step_i
  } cmd_e;

  // Errors: sticky; the PE halts until reset.
  typedef enum logic [3:0] {
    ErrNone         = 4'd0,
    ErrFifoOverflow = 4'd1,   // packet pushed while the input FIFO was full
    ErrKeyIndex     = 4'd2,   // key's element index beyond its row table
    ErrHeaderAddr   = 4'd3,   // row header outside the table region
    ErrRowBounds    = 4'd4,   // row outside the table region
    ErrDelay        = 4'd5,   // delay 0 or beyond the ring
    ErrTarget       = 4'd6,   // target neuron beyond the slice
    ErrWatchdog     = 4'd7,   // no progress within the watchdog limit
    ErrConfig       = 4'd8,   // inconsistent or out-of-range register
    ErrCfgAddr      = 4'd9,   // configuration write outside the map
    ErrBusy         = 4'd10   // command or load while an engine runs
  } err_e;

  // Performance counters, in output order.
  localparam int unsigned CntNeuronUpdates  = 0;
  localparam int unsigned CntSynEvents      = 1;
  localparam int unsigned CntSramReads      = 2;   // docs/rtl.md definitions
  localparam int unsigned CntSramWrites     = 3;
  localparam int unsigned CntSpikesOut      = 4;
  localparam int unsigned CntPacketsIn      = 5;
  localparam int unsigned CntPacketsDropped = 6;
  localparam int unsigned CntTableReads     = 7;   // key probes, headers, params
  localparam int unsigned CntRingAddReads   = 8;
  localparam int unsigned CntAccWraps       = 9;
  localparam int unsigned CntBusyCycles     = 10;
  localparam int unsigned NumCounters       = 11;

  // Neuron parameter row: eight 32-bit lanes.
  localparam int unsigned ParamLanes     = 8;
  localparam int unsigned LaneShifts     = 0;  // {syn_gain_s, gain_s, decay}
  localparam int unsigned LaneGainM      = 1;
  localparam int unsigned LaneDrive      = 2;
  localparam int unsigned LaneBias       = 3;
  localparam int unsigned LaneThreshold  = 4;
  localparam int unsigned LaneReset      = 5;
  localparam int unsigned LaneSynDecay   = 6;
  localparam int unsigned LaneSynGainM   = 7;

  // Key table entry: four 32-bit lanes.
  localparam int unsigned KeyLanes = 4;  // key, mask, {shift, row_base}, rows

  // CRC-32 (polynomial 0x04C11DB7, MSB first, no reflection) of one word.
  function automatic logic [31:0] crc32_word(input logic [31:0] crc,
                                             input logic [31:0] data);
    logic [31:0] c;
    c = crc;
    for (int i = 31; i >= 0; i--) begin
      c = (c[31] ^ data[i]) ? ({c[30:0], 1'b0} ^ 32'h04C1_1DB7) : {c[30:0], 1'b0};
    end
    return c;
  endfunction

endpackage
