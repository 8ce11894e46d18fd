//===- Netlist.h - SFQ cells and the pulse wires between them ---*- C++ -*-===//
//
// The lowered form of a network on the SFQ target, shared by the image, the
// ref engine, the Verilog emitter and the report (docs/sfq.md §2). Every
// output port drives exactly one input port (fan-out 1), because an SFQ
// pulse is one flux quantum: copies need a splitter, joins a merger.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_NETLIST_H
#define SNNC_SFQ_NETLIST_H

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace snnc::sfq {

enum class CellKind : uint8_t {
  Input,
  Sink,
  Jtl,
  Split,
  Merge,
  Dff,
  Ndro,
  And2,
  Or2,
  Xor2,
  Not,
  Synapse,
  Pulser,
  Neuron,
  Clock,
};
inline constexpr unsigned kNumCellKinds = 15;
inline constexpr unsigned kMaxCellInputs = 3;
inline constexpr unsigned kMaxCellOutputs = 2;

struct CellKindInfo {
  /// The dialect's and the library's name ("split").
  const char *name;
  uint8_t inputs;
  uint8_t outputs;
  /// Inputs [0, requiredInputs) must be driven; the rest are optional.
  uint8_t requiredInputs;
  /// A TimEx clocked cell: separation violations are deferred, not absorbed.
  bool clocked;
  const char *inputNames[kMaxCellInputs];
  const char *outputNames[kMaxCellOutputs];
};

const CellKindInfo &kindInfo(CellKind kind);
std::optional<CellKind> cellKindNamed(std::string_view name);

/// What a neuron does with its loop when it fires (docs/sfq.md §4).
enum class ResetRule : uint8_t { Zero, Subtract, ReleaseOne };
const char *toString(ResetRule rule);
std::optional<ResetRule> resetRuleNamed(std::string_view name);

/// One cell. The two parameters mean, by kind:
///   input: a = global input element;  synapse: a = pass threshold P
///   (pass iff u < P, u the upper 32 bits of the draw), b = synapse id;
///   pulser: a = pulses k, b = spacing in ticks;  neuron: a = theta,
///   b = ResetRule;  clock: a = period in ticks, b = phase in ticks.
/// Other kinds have none (0).
struct Cell {
  CellKind kind = CellKind::Jtl;
  uint64_t a = 0;
  uint64_t b = 0;
};

inline constexpr uint32_t kNoCell = std::numeric_limits<uint32_t>::max();

/// A port of a cell: an output port when it drives, an input when driven.
struct Pin {
  uint32_t cell = kNoCell;
  uint8_t port = 0;
  bool operator==(const Pin &o) const {
    return cell == o.cell && port == o.port;
  }
};

class Netlist {
public:
  /// Appends a cell with every output undriven-to (kNoCell).
  uint32_t addCell(CellKind kind, uint64_t a = 0, uint64_t b = 0);
  /// Output `from` drives input `to` (overwrites an earlier connection of
  /// `from`; check() finds inputs driven twice).
  void connect(Pin from, Pin to);

  size_t size() const { return cells.size(); }
  const Cell &cell(uint32_t index) const { return cells[index]; }
  Cell &cell(uint32_t index) { return cells[index]; }
  /// The input port output `port` of `cell` drives (cell kNoCell: none).
  Pin destination(uint32_t cell, unsigned port) const {
    return drives[firstOutput[cell] + port];
  }

  /// "" when the netlist is well formed; otherwise the first broken rule,
  /// naming the wire: an output that drives nothing or a port out of range
  /// or of the wrong kind, an input driven twice, a required input that is
  /// undriven, a parameter out of range (theta 0, pulser k 0, clock period
  /// 0, reset rule unknown).
  std::string check() const;

  /// "cell 12 (split) output q1", "cell 3 (neuron) input inh".
  std::string describeOutput(Pin pin) const;
  std::string describeInput(Pin pin) const;

  /// Cells of each kind, indexed by CellKind.
  std::vector<uint64_t> countByKind() const;

  const std::vector<Cell> &allCells() const { return cells; }
  const std::vector<Pin> &allDrives() const { return drives; }
  const std::vector<uint32_t> &outputOffsets() const { return firstOutput; }

  bool operator==(const Netlist &o) const;

private:
  std::vector<Cell> cells;
  /// Output port o of cell c drives drives[firstOutput[c] + o];
  /// firstOutput has size() + 1 entries.
  std::vector<uint32_t> firstOutput{0};
  std::vector<Pin> drives;
  /// connect() calls from an output the cell does not have: check()
  /// reports the first instead of letting it overwrite a neighbour's wire.
  std::vector<std::pair<Pin, Pin>> strayWires;
};

} // namespace snnc::sfq

#endif // SNNC_SFQ_NETLIST_H
