//===- xbar_pkg.sv - Address map, codes and counters of a crossbar unit ---===//
//
// Everything the crossbar unit's blocks and its C++ driver must agree on:
// the configuration address map, register indices, the tile table and
// neuron parameter layouts, commands, error codes and counter order.
// backends/crossbar/lib/Rtl/UnitMap.h mirrors the numbers.
//
//===----------------------------------------------------------------------===//

package xbar_pkg;

  // Configuration bus: word addresses, region in bits [23:20].
  localparam int unsigned CfgAddrW = 24;
  localparam logic [3:0] RegionRegs   = 4'h0;
  localparam logic [3:0] RegionTiles  = 4'h1;  // tile * 8 + lane
  localparam logic [3:0] RegionParams = 4'h2;  // neuron * ParamLanes + lane
  localparam logic [3:0] RegionDigital = 4'h3; // word of the digital memory

  // Registers of RegionRegs.
  localparam logic [7:0] RegNeurons    = 8'h00;  // neurons of the slice
  localparam logic [7:0] RegFlags      = 8'h01;  // {record, spiking, cuba}
  localparam logic [7:0] RegKeyBase    = 8'h02;  // packet of local neuron 0
  localparam logic [7:0] RegSlotMask   = 8'h03;  // ring slots - 1 (2^k - 1)
  localparam logic [7:0] RegTiles      = 8'h04;  // tile table entries in use
  localparam logic [7:0] RegAdcBits    = 8'h05;  // B, 1..16
  localparam logic [7:0] RegReadCycles = 8'h06;  // settle + SAR cycles
  localparam int unsigned NumRegs      = 7;

  localparam int unsigned FlagCuba    = 0;
  localparam int unsigned FlagSpiking = 1;
  localparam int unsigned FlagRecord  = 2;

  // Tile table entry: the rows a source's packets drive and where the
  // tile's columns land.
  localparam int unsigned LaneRowKey    = 0;  // packet of the tile's row 0
  localparam int unsigned LaneRowCount  = 1;
  localparam int unsigned LaneColFirst  = 2;  // first target neuron (local)
  localparam int unsigned LaneCols      = 3;
  localparam int unsigned LaneDelay     = 4;
  localparam int unsigned LaneMult      = 5;  // code multiplier m_q (signed)
  localparam int unsigned LaneTileId    = 6;  // the analog array's tile
  // A digital tile (bit 31) and its base in the digital memory ([30:0]):
  // row_count words of active-row list, then its int16 weights row-major.
  localparam int unsigned LaneDigital   = 7;
  localparam int unsigned NumTileLanes  = 8;

  // Neuron parameter row (as snn_pe's).
  localparam int unsigned ParamLanes    = 8;
  localparam int unsigned LaneShifts    = 0;  // {syn_gain_s, gain_s, decay}
  localparam int unsigned LaneGainM     = 1;
  localparam int unsigned LaneDrive     = 2;
  localparam int unsigned LaneBias      = 3;
  localparam int unsigned LaneThreshold = 4;
  localparam int unsigned LaneReset     = 5;
  localparam int unsigned LaneSynDecay  = 6;
  localparam int unsigned LaneSynGainM  = 7;

  // ADC samples: 1/2^16 codes, two's complement (ColumnRead.h).
  localparam int unsigned SampleFracBits = 16;
  localparam int unsigned SampleW        = 64;
  localparam int unsigned CodeW          = 16;

  typedef enum logic [1:0] {
    CmdNone   = 2'd0,
    CmdClear  = 2'd1,  // zero state, ring and counters
    CmdNeuron = 2'd2,  // neuron phase of step cmd_step_i
    CmdRead   = 2'd3   // read every tile with driven rows, step cmd_step_i
  } cmd_e;

  // Errors: sticky; the unit halts until reset.
  typedef enum logic [3:0] {
    ErrNone         = 4'd0,
    ErrFifoOverflow = 4'd1,  // packet pushed while the input FIFO was full
    ErrConfig       = 4'd2,  // register out of range or inconsistent
    ErrCfgAddr      = 4'd3,  // configuration write outside the map
    ErrBusy         = 4'd4,  // command or load while busy
    ErrDelay        = 4'd5,  // tile delay 0 or beyond the ring
    ErrColumns      = 4'd6,  // tile columns beyond the slice
    ErrRowCount     = 4'd7,  // more rows driven than the tile has
    ErrDigital      = 4'd8   // digital tile beyond the digital memory
  } err_e;

  // Counters, in output order.
  localparam int unsigned CntNeuronUpdates = 0;
  localparam int unsigned CntRowDrives     = 1;
  localparam int unsigned CntCellReads     = 2;
  localparam int unsigned CntConversions   = 3;
  localparam int unsigned CntSaturations   = 4;
  localparam int unsigned CntPacketsIn     = 5;
  localparam int unsigned CntSpikesOut     = 6;
  localparam int unsigned CntTileReads     = 7;
  localparam int unsigned CntBusyCycles    = 8;
  localparam int unsigned CntDigitalReads  = 9;  // weights of digital reads
  localparam int unsigned NumCounters      = 10;

endpackage
