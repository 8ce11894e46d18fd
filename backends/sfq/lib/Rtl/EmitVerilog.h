//===- EmitVerilog.h - A netlist as structural SystemVerilog ----*- C++ -*-===//
//
// The rtl half of the SFQ target (docs/sfq.md): every cell of a netlist is
// an instance of its hw/sfq model, every pulse wire one SystemVerilog wire,
// and one clock cycle is one 100 fs tick. The emitted top module is what
// NetlistBuild verilates:
//
//   clk_i, rst_ni       the tick clock and the active-low reset
//   seed_i[63:0]        the synapses' seed
//   in_pulse_i[I][PulseW]  pulses of each input element (I = the largest
//                       element + 1, at least 1), a count as on every wire
//   fire_o[N][CntW]     fires each neuron decided in the current tick (N =
//                       neurons in netlist order, at least 1); ref's
//                       NeuronFire tick is the tick of the deciding pulse
//   fire_any_o          some entry of fire_o is not 0
//   counters_o[45]      64-bit event counts, Counters.def order
//   pulse_sum_o[63:0]   wrapping sum of pulseHash(tick, cell, port) over
//                       every pulse that left an output port
//   pulse_count_o[63:0] how many pulses that was
//   tick_o[63:0]        ticks processed since reset
//   overflow_o          sticky: a wire or a deferral slot saturated (pulses
//                       were lost), so the run no longer matches ref
//
// Inputs are registered, and the first rising edge after reset only loads
// them: the driver sets seed_i and the pulses of tick t, then clocks once,
// and the outputs then show tick t included (tick_o = t + 1). No logic
// depends combinationally on a top-level input, which keeps Verilator from
// re-evaluating the netlist on every input change, and the model never
// needs the next tick's pulses before it can report this tick's counts.
//
// The top's only parameter, WrongMergeRule (test only), makes every merger
// ignore its cross-input windows.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_RTL_EMITVERILOG_H
#define SNNC_SFQ_RTL_EMITVERILOG_H

#include "snnc/sfq/CellTiming.h"
#include "snnc/sfq/Counters.h"
#include "snnc/sfq/Netlist.h"
#include "snnc/sfq/PulseSimulator.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace snnc::sfq::rtl {

/// Width of one cell's per-tick event count (sfq_pkg::CntW), which is also
/// the width of a fire_o entry.
inline constexpr unsigned kCountBits = 16;
/// Width of a pulse wire (sfq_pkg::PulseW): at most 3 pulses leave one
/// output port in one tick, or the model overflows.
inline constexpr unsigned kPulseBits = 2;

/// "" when emitVerilog() can represent the netlist with `timing`, else why
/// not: a delay of 0 ticks on a cell that is not a source, a parameter past
/// the RTL's widths (a pass threshold of 2^32 or more, a reset rule it does
/// not know), or a pulser train longer than 2^20 ticks (its delay line
/// holds one slot per tick). The netlist must pass Netlist::check().
std::string checkEmittable(const Netlist &netlist, const TimingTable &timing);

/// The top module `topName`; deterministic (the same netlist and timing
/// give the same text). The netlist must pass check() and checkEmittable().
std::string emitVerilog(const Netlist &netlist, const TimingTable &timing,
                        std::string_view topName);

/// The counter classes of the entries of a cell model's ev_o port, in
/// order (each hw/sfq/sfq_<kind>.sv lists them in its "// ev_o:" line).
const std::vector<Counter> &cellEvents(CellKind kind);

/// The hw/sfq sources the top instantiates, in compile order (package
/// first), as file names in the hw/sfq directory.
const std::vector<std::string> &cellSources();

/// The term of pulse_sum_o for a pulse leaving output `port` of `cell` at
/// `tick`: mix64(tick ^ mix64(cell << 8 | port)), mix64 being SplitMix64's
/// finalizer (CounterRng.h).
uint64_t pulseHash(uint64_t tick, uint32_t cell, uint8_t port);

/// What pulse_sum_o shows after the ticks before `endTick`, from ref's
/// trace (PulseSimulator::runUntil with a trace).
uint64_t pulseSum(const std::vector<PulseRecord> &trace,
                  uint64_t endTick = UINT64_MAX);

/// The width of in_pulse_i: the largest input element + 1 (at least 1).
uint32_t inputWidth(const Netlist &netlist);

/// The neuron cells in netlist order: entry i of fire_o is neuron i.
std::vector<uint32_t> neuronCells(const Netlist &netlist);

} // namespace snnc::sfq::rtl

#endif // SNNC_SFQ_RTL_EMITVERILOG_H
