//===- EmitVerilog.cpp - A netlist as structural SystemVerilog ------------===//

#include "EmitVerilog.h"

#include "snnc/Support/CounterRng.h"
#include "snnc/sfq/Counters.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace snnc::sfq::rtl {
namespace {

using snn::reservoir::detail::mix64;

/// Longest pulser train (ticks of delay line) and widest in_pulse_i the
/// emitter accepts: both cost simulation time per tick, and anything near
/// them is a corrupt netlist rather than a network.
constexpr uint64_t kMaxTrainTicks = uint64_t(1) << 20;
constexpr uint64_t kMaxInputElements = uint64_t(1) << 20;

/// Terms per partial sum of a counter, so that no expression grows with the
/// netlist (Verilator recurses over expression trees).
constexpr size_t kSumChunk = 64;

/// sfq_pkg's counter names ("CntJtlPulses"), Counters.def order.
constexpr const char *kCounterEnums[] = {
#define SNNC_COUNTER(Enum, name, unit, description) "Cnt" #Enum,
#include "snnc/sfq/Counters.def"
#undef SNNC_COUNTER
};
static_assert(std::size(kCounterEnums) == kNumCounters);

/// "a" -> "A", "clk" -> "Clk": the cells' Sep<After><On> parameters.
std::string capitalized(const char *name) {
  std::string s = name;
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string hex64(uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "64'h%016llx",
                static_cast<unsigned long long>(v));
  return buf;
}

std::string dec64(uint64_t v) { return "64'd" + std::to_string(v); }

bool isSource(CellKind kind) {
  return kind == CellKind::Input || kind == CellKind::Clock;
}

/// Names of the emitted top's signals.
std::string wireName(uint32_t cell, unsigned port) {
  return "w_c" + std::to_string(cell) + "_" + std::to_string(port);
}

std::string evName(uint32_t cell) { return "ev_c" + std::to_string(cell); }

/// The ev_o entries of each cell model (its "// ev_o:" line).
std::vector<Counter> eventsOf(CellKind kind) {
  switch (kind) {
  case CellKind::Input:
    return {Counter::InputPulses};
  case CellKind::Sink:
    return {Counter::SinkPulses, Counter::PulseCollisions};
  case CellKind::Jtl:
    return {Counter::JtlPulses, Counter::PulseCollisions};
  case CellKind::Split:
    return {Counter::SplitPulses, Counter::PulseCollisions};
  case CellKind::Merge:
    return {Counter::MergePulses, Counter::MergeCollisions};
  case CellKind::Dff:
    return {Counter::DffStores, Counter::DffDrops, Counter::DffReads,
            Counter::DffEmptyClocks, Counter::SetupViolations};
  case CellKind::Ndro:
    return {Counter::NdroSets,       Counter::NdroRepeatSets,
            Counter::NdroResets,     Counter::NdroRepeatResets,
            Counter::NdroReads,      Counter::NdroEmptyClocks,
            Counter::SetupViolations};
  case CellKind::And2:
    return {Counter::And2Stores,     Counter::And2Repeats,
            Counter::And2ClocksNone, Counter::And2ClocksOne,
            Counter::And2ClocksBoth, Counter::SetupViolations};
  case CellKind::Or2:
    return {Counter::Or2Stores, Counter::Or2Repeats, Counter::Or2Reads,
            Counter::Or2EmptyClocks, Counter::SetupViolations};
  case CellKind::Xor2:
    return {Counter::Xor2Firsts, Counter::Xor2Seconds, Counter::Xor2Reads,
            Counter::Xor2EmptyClocks, Counter::SetupViolations};
  case CellKind::Not:
    return {Counter::NotStores, Counter::NotRepeats, Counter::NotReads,
            Counter::NotClears, Counter::SetupViolations};
  case CellKind::Synapse:
    return {Counter::SynapticEvents, Counter::SynapsePasses,
            Counter::SynapseBlocks, Counter::PulseCollisions};
  case CellKind::Pulser:
    return {Counter::SynapticEvents, Counter::PulserPulses,
            Counter::PulseCollisions};
  case CellKind::Neuron:
    return {Counter::NeuronUpdates,     Counter::NeuronExcitations,
            Counter::NeuronInhibitions, Counter::NeuronLeaks,
            Counter::NeuronFires,       Counter::PulseCollisions};
  case CellKind::Clock:
    return {Counter::ClockPulses};
  }
  return {};
}

} // namespace

uint64_t pulseHash(uint64_t tick, uint32_t cell, uint8_t port) {
  return mix64(tick ^ mix64((uint64_t(cell) << 8) | port));
}

uint64_t pulseSum(const std::vector<PulseRecord> &trace, uint64_t endTick) {
  uint64_t sum = 0;
  for (const PulseRecord &r : trace)
    if (r.tick < endTick)
      sum += pulseHash(r.tick, r.cell, r.port);
  return sum;
}

uint32_t inputWidth(const Netlist &netlist) {
  uint64_t width = 1;
  for (const Cell &cell : netlist.allCells())
    if (cell.kind == CellKind::Input)
      width = std::max(width, cell.a + 1);
  return static_cast<uint32_t>(std::min(width, kMaxInputElements));
}

std::vector<uint32_t> neuronCells(const Netlist &netlist) {
  std::vector<uint32_t> cells;
  for (uint32_t c = 0; c < netlist.size(); ++c)
    if (netlist.cell(c).kind == CellKind::Neuron)
      cells.push_back(c);
  return cells;
}

const std::vector<Counter> &cellEvents(CellKind kind) {
  static const std::vector<std::vector<Counter>> table = [] {
    std::vector<std::vector<Counter>> t;
    for (unsigned k = 0; k < kNumCellKinds; ++k)
      t.push_back(eventsOf(static_cast<CellKind>(k)));
    return t;
  }();
  return table[static_cast<unsigned>(kind)];
}

const std::vector<std::string> &cellSources() {
  static const std::vector<std::string> files = {
      "sfq_pkg.sv",     "sfq_gate.sv",   "sfq_delay.sv", "sfq_clocked_shell.sv",
      "sfq_input.sv",   "sfq_clock.sv",  "sfq_sink.sv",  "sfq_jtl.sv",
      "sfq_split.sv",   "sfq_merge.sv",  "sfq_dff.sv",   "sfq_ndro.sv",
      "sfq_and2.sv",    "sfq_or2.sv",    "sfq_xor2.sv",  "sfq_not.sv",
      "sfq_synapse.sv", "sfq_pulser.sv", "sfq_neuron.sv"};
  return files;
}

std::string checkEmittable(const Netlist &netlist, const TimingTable &timing) {
  for (uint32_t c = 0; c < netlist.size(); ++c) {
    const Cell &cell = netlist.cell(c);
    const CellKindInfo &info = kindInfo(cell.kind);
    const CellTiming &t = timing[static_cast<unsigned>(cell.kind)];
    std::string name = "cell " + std::to_string(c) + " (" + info.name + ")";
    if (!isSource(cell.kind))
      for (unsigned o = 0; o < info.outputs; ++o)
        if (t.delay[o] == 0)
          return name + ": output " + info.outputNames[o] +
                 " has a delay of 0 ticks; only input and clock cells emit "
                 "in the tick of their cause";
    switch (cell.kind) {
    case CellKind::Input:
      if (cell.a >= kMaxInputElements)
        return name + ": input element " + std::to_string(cell.a) +
               " is past the RTL's " + std::to_string(kMaxInputElements) +
               " input wires";
      break;
    case CellKind::Synapse:
      if (cell.a > 0xffffffffULL)
        return name + ": pass threshold " + std::to_string(cell.a) +
               " does not fit 32 bits";
      break;
    case CellKind::Pulser: {
      uint64_t k = cell.a, spacing = cell.b;
      if (k == 0 ||
          (spacing && (k - 1) > (kMaxTrainTicks - t.delay[0]) / spacing))
        return name + ": a train of " + std::to_string(k) + " pulses " +
               std::to_string(spacing) + " ticks apart is past the RTL's " +
               std::to_string(kMaxTrainTicks) + "-tick delay line";
      if (k > 0xffffffffULL)
        return name + ": " + std::to_string(k) +
               " pulses per train do not fit 32 bits";
      break;
    }
    case CellKind::Neuron:
      if (cell.a == 0 || cell.b > 2)
        return name + ": theta " + std::to_string(cell.a) + " and reset rule " +
               std::to_string(cell.b) + " are not a neuron the RTL models";
      break;
    case CellKind::Clock:
      if (cell.a == 0)
        return name + ": clock period 0";
      break;
    default:
      break;
    }
  }
  return "";
}

std::string emitVerilog(const Netlist &netlist, const TimingTable &timing,
                        std::string_view topName) {
  const uint32_t inputs = inputWidth(netlist);
  const std::vector<uint32_t> neurons = neuronCells(netlist);
  const size_t fireEntries = std::max<size_t>(neurons.size(), 1);

  // Who drives each input pin: the wire of (cell, output).
  std::vector<std::array<Pin, kMaxCellInputs>> driver(netlist.size());
  for (uint32_t c = 0; c < netlist.size(); ++c) {
    const CellKindInfo &info = kindInfo(netlist.cell(c).kind);
    for (unsigned o = 0; o < info.outputs; ++o) {
      Pin to = netlist.destination(c, o);
      if (to.cell < netlist.size() && to.port < kMaxCellInputs)
        driver[to.cell][to.port] = {c, static_cast<uint8_t>(o)};
    }
  }

  // Separation windows per kind, as Sep<After><On> values (the widest
  // where the library lists a pair twice, as ref takes the latest end).
  std::array<std::array<std::array<uint32_t, kMaxCellInputs>, kMaxCellInputs>,
             kNumCellKinds>
      sep{};
  for (unsigned k = 0; k < kNumCellKinds; ++k)
    for (const Separation &s : timing[k].separations)
      if (s.after < kMaxCellInputs && s.on < kMaxCellInputs)
        sep[k][s.after][s.on] = std::max(sep[k][s.after][s.on], s.ticks);

  std::string out;
  out.reserve(netlist.size() * 600 + 4096);
  auto line = [&out](const std::string &s) {
    out += s;
    out += '\n';
  };
  auto range = [](size_t n) { return "[" + std::to_string(n - 1) + ":0]"; };

  // A comment line must not start with the tool's name: Verilator takes
  // that for a metacomment.
  line("// Generated by snnc (backends/sfq/lib/Rtl/EmitVerilog.cpp) from a "
       "netlist of " +
       std::to_string(netlist.size()) + " cells; do not edit.");
  line("// One clock cycle is one 100 fs tick; the cells are hw/sfq/.");
  line("");
  line("module " + std::string(topName));
  line("  import sfq_pkg::*;");
  line("#(");
  line("  parameter bit WrongMergeRule = 1'b0");
  line(") (");
  line("  input  logic clk_i,");
  line("  input  logic rst_ni,");
  line("  input  logic [63:0] seed_i,");
  line("  input  logic " + range(inputs) + "[PulseW-1:0] in_pulse_i,");
  line("  output logic " + range(fireEntries) + "[CntW-1:0] fire_o,");
  line("  output logic fire_any_o,");
  line("  output logic [63:0] counters_o [NumCounters],");
  line("  output logic [63:0] pulse_sum_o,");
  line("  output logic [63:0] pulse_count_o,");
  line("  output logic [63:0] tick_o,");
  line("  output logic overflow_o");
  line(");");
  line("");

  // Inputs and the cycle before tick 0.
  line("  // Inputs are registers and there is a cycle before tick 0: the "
       "driver sets");
  line("  // the pulses of tick t before the rising edge that enters cycle t, "
       "so that");
  line("  // no logic depends on a top-level input, and a cycle's outputs "
       "already");
  line("  // include that cycle (the model never waits for the next tick's "
       "inputs).");
  line("  logic started_q, cell_rst_n;");
  line("  logic " + range(inputs) + "[PulseW-1:0] in_q;");
  line("  logic [63:0] seed_q;");
  line("  always_ff @(posedge clk_i or negedge rst_ni) begin");
  line("    if (!rst_ni) begin");
  line("      started_q <= 1'b0;");
  line("      in_q      <= '0;");
  line("      seed_q    <= '0;");
  line("    end else begin");
  line("      started_q <= 1'b1;");
  line("      in_q      <= in_pulse_i;");
  line("      seed_q    <= seed_i;");
  line("    end");
  line("  end");
  line("  // The cells leave reset with the edge that enters tick 0.");
  line("  assign cell_rst_n = rst_ni & started_q;");
  line("");

  // Declarations.
  for (uint32_t c = 0; c < netlist.size(); ++c) {
    const CellKind kind = netlist.cell(c).kind;
    for (unsigned o = 0; o < kindInfo(kind).outputs; ++o)
      line("  logic [PulseW-1:0] " + wireName(c, o) + ";");
    line("  logic " + range(cellEvents(kind).size()) + "[CntW-1:0] " +
         evName(c) + ";");
  }
  line("  logic " + range(std::max<size_t>(netlist.size(), 1)) + " cell_ovf;");
  line("  logic " + range(fireEntries) + "[CntW-1:0] fire_now;");
  line("");

  // Instances.
  std::vector<std::string> params;
  auto instance = [&](uint32_t c, const std::string &module,
                      const std::vector<std::string> &ports) {
    std::string s = "  " + module;
    if (!params.empty()) {
      s += " #(";
      for (size_t i = 0; i < params.size(); ++i)
        s += (i ? ", " : "") + params[i];
      s += ")";
    }
    s += " u_c" + std::to_string(c) + " (.clk_i, .rst_ni(cell_rst_n)";
    for (const std::string &p : ports)
      s += ", " + p;
    s += ", .ev_o(" + evName(c) + "), .overflow_o(cell_ovf[" +
         std::to_string(c) + "]));";
    line(s);
  };
  size_t neuronIndex = 0;
  for (uint32_t c = 0; c < netlist.size(); ++c) {
    const Cell &cell = netlist.cell(c);
    const CellKindInfo &info = kindInfo(cell.kind);
    const unsigned k = static_cast<unsigned>(cell.kind);
    const CellTiming &t = timing[k];
    params.clear();
    std::vector<std::string> ports;
    for (unsigned i = 0; i < info.inputs; ++i) {
      Pin d = driver[c][i];
      ports.push_back(
          std::string(".in_") + info.inputNames[i] + "_i(" +
          (d.cell == kNoCell ? std::string("'0") : wireName(d.cell, d.port)) +
          ")");
    }
    for (unsigned o = 0; o < info.outputs; ++o)
      ports.push_back(std::string(".out_") + info.outputNames[o] + "_o(" +
                      wireName(c, o) + ")");
    if (!isSource(cell.kind)) {
      if (cell.kind == CellKind::Split) {
        params.push_back(".Delay0(" + std::to_string(t.delay[0]) + ")");
        params.push_back(".Delay1(" + std::to_string(t.delay[1]) + ")");
      } else if (cell.kind != CellKind::Sink) {
        params.push_back(".Delay(" + std::to_string(t.delay[0]) + ")");
      }
      for (unsigned x = 0; x < info.inputs; ++x)
        for (unsigned y = 0; y < info.inputs; ++y)
          if (sep[k][x][y])
            params.push_back(".Sep" + capitalized(info.inputNames[x]) +
                             capitalized(info.inputNames[y]) + "(" +
                             std::to_string(sep[k][x][y]) + ")");
    }
    switch (cell.kind) {
    case CellKind::Input:
      ports.insert(ports.begin(),
                   ".pulse_i(in_q[" + std::to_string(cell.a) + "])");
      break;
    case CellKind::Clock:
      params.push_back(".Period(" + dec64(cell.a) + ")");
      params.push_back(".Phase(" + dec64(cell.b) + ")");
      break;
    case CellKind::Merge:
      params.push_back(".WrongMergeRule(WrongMergeRule)");
      break;
    case CellKind::Synapse:
      params.push_back(".Threshold(32'd" + std::to_string(cell.a) + ")");
      params.push_back(".Id(" + dec64(cell.b) + ")");
      ports.insert(ports.begin(), ".seed_i(seed_q)");
      break;
    case CellKind::Pulser:
      params.push_back(".Pulses(" + std::to_string(cell.a) + ")");
      params.push_back(".Spacing(" + std::to_string(cell.b) + ")");
      break;
    case CellKind::Neuron:
      params.push_back(".Theta(" + dec64(cell.a) + ")");
      params.push_back(".ResetRule(" + std::to_string(cell.b) + ")");
      ports.push_back(".fire_o(fire_now[" + std::to_string(neuronIndex++) +
                      "])");
      break;
    default:
      break;
    }
    instance(c, std::string("sfq_") + info.name, ports);
  }
  if (neurons.empty())
    line("  assign fire_now = '0;");
  if (netlist.size() == 0)
    line("  assign cell_ovf = '0;");
  line("");

  // Sums in chunks of kSumChunk terms.
  auto sum = [&](const std::string &name, const std::string &type,
                 const std::vector<std::string> &terms) {
    std::string total;
    for (size_t ch = 0; ch * kSumChunk < terms.size(); ++ch) {
      std::string part = name + "_" + std::to_string(ch), e;
      for (size_t i = ch * kSumChunk;
           i < std::min(terms.size(), (ch + 1) * kSumChunk); ++i)
        e += (e.empty() ? "" : " + ") + terms[i];
      line("  " + type + " " + part + ";");
      line("  assign " + part + " = " + e + ";");
      total += (total.empty() ? "" : " + ") + part;
    }
    line("  " + type + " " + name + ";");
    line("  assign " + name + " = " + (total.empty() ? "'0" : total) + ";");
  };

  // Counters: per class, the sum of the cells' ev_o entries for it.
  std::vector<std::vector<std::string>> counting(kNumCounters);
  for (uint32_t c = 0; c < netlist.size(); ++c) {
    const std::vector<Counter> &events = cellEvents(netlist.cell(c).kind);
    for (size_t e = 0; e < events.size(); ++e)
      counting[index(events[e])].push_back("32'(" + evName(c) + "[" +
                                           std::to_string(e) + "])");
  }
  for (size_t n = 0; n < kNumCounters; ++n)
    if (!counting[n].empty())
      sum("count_inc_" + std::to_string(n), "logic [31:0]", counting[n]);
  line("");

  // Every pulse leaving an output port this tick, hashed: one term per
  // wire, computed only in a tick with a pulse on it.
  std::vector<std::string> hashes, counts;
  for (uint32_t c = 0; c < netlist.size(); ++c) {
    const CellKindInfo &info = kindInfo(netlist.cell(c).kind);
    for (unsigned o = 0; o < info.outputs; ++o) {
      std::string w = wireName(c, o);
      std::string h = "h" + w.substr(1);
      line("  logic [63:0] " + h + ";");
      line("  always_comb begin");
      line("    " + h + " = '0;");
      line("    if (" + w + " != '0) " + h + " = 64'(" + w +
           ") * pulse_hash(tick_q, " + hex64(mix64((uint64_t(c) << 8) | o)) +
           ");");
      line("  end");
      hashes.push_back(h);
      counts.push_back("64'(" + w + ")");
    }
  }
  sum("pulse_sum_inc", "logic [63:0]", hashes);
  sum("pulse_count_inc", "logic [63:0]", counts);
  line("");

  // Accumulators, held in reset with the cells; their outputs include the
  // current cycle.
  line("  logic [63:0] tick_q, pulse_sum_q, pulse_sum_d, pulse_count_q, "
       "pulse_count_d;");
  line("  logic [63:0] count_q [NumCounters];");
  line("  logic [63:0] count_d [NumCounters];");
  line("  logic        overflow_q, overflow_d;");
  line("  always_comb begin");
  line("    count_d       = count_q;");
  line("    pulse_sum_d   = pulse_sum_q;");
  line("    pulse_count_d = pulse_count_q;");
  line("    overflow_d    = overflow_q;");
  line("    if (started_q) begin");
  // Classes no cell of the netlist counts stay 0.
  for (size_t n = 0; n < kNumCounters; ++n)
    if (!counting[n].empty())
      line(std::string("      count_d[") + kCounterEnums[n] + "] = count_q[" +
           kCounterEnums[n] + "] + 64'(count_inc_" + std::to_string(n) + ");");
  line("      pulse_sum_d   = pulse_sum_q + pulse_sum_inc;");
  line("      pulse_count_d = pulse_count_q + pulse_count_inc;");
  line("      overflow_d    = overflow_q | (|cell_ovf);");
  line("    end");
  line("  end");
  line("");
  line("  always_ff @(posedge clk_i or negedge cell_rst_n) begin");
  line("    if (!cell_rst_n) begin");
  line("      tick_q        <= '0;");
  line("      pulse_sum_q   <= '0;");
  line("      pulse_count_q <= '0;");
  line("      overflow_q    <= 1'b0;");
  line("      for (int unsigned k = 0; k < NumCounters; k++) begin");
  line("        count_q[k] <= '0;");
  line("      end");
  line("    end else begin");
  line("      tick_q        <= tick_q + 64'd1;");
  line("      pulse_sum_q   <= pulse_sum_d;");
  line("      pulse_count_q <= pulse_count_d;");
  line("      overflow_q    <= overflow_d;");
  line("      count_q       <= count_d;");
  line("    end");
  line("  end");
  line("");
  line("  assign fire_o        = started_q ? fire_now : '0;");
  line("  assign fire_any_o    = started_q & (|fire_now);");
  line("  assign counters_o    = count_d;");
  line("  assign pulse_sum_o   = pulse_sum_d;");
  line("  assign pulse_count_o = pulse_count_d;");
  line("  assign tick_o        = tick_q + 64'(started_q);");
  line("  assign overflow_o    = overflow_d;");
  line("");
  line("endmodule");
  return out;
}

} // namespace snnc::sfq::rtl
