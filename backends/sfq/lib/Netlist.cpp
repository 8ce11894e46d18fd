//===- Netlist.cpp - SFQ cell kinds and the netlist's wiring rules --------===//

#include "snnc/sfq/Netlist.h"

#include <cassert>
#include <iterator>

namespace snnc::sfq {
namespace {

// Port names are the RSFQlib ones where the cell exists there, so the
// Verilog emitter and the library reader can use them unchanged.
constexpr CellKindInfo kKinds[kNumCellKinds] = {
    {"input", 0, 1, 0, false, {}, {"q"}},
    {"sink", 1, 0, 1, false, {"a"}, {}},
    {"jtl", 1, 1, 1, false, {"a"}, {"q"}},
    {"split", 1, 2, 1, false, {"a"}, {"q0", "q1"}},
    {"merge", 2, 1, 2, false, {"a", "b"}, {"q"}},
    {"dff", 2, 1, 2, true, {"a", "clk"}, {"q"}},
    {"ndro", 3, 1, 3, true, {"a", "b", "clk"}, {"q"}},
    {"and2", 3, 1, 3, true, {"a", "b", "clk"}, {"q"}},
    {"or2", 3, 1, 3, true, {"a", "b", "clk"}, {"q"}},
    {"xor2", 3, 1, 3, true, {"a", "b", "clk"}, {"q"}},
    {"not", 2, 1, 2, true, {"a", "clk"}, {"q"}},
    {"synapse", 1, 1, 1, false, {"a"}, {"q"}},
    {"pulser", 1, 1, 1, false, {"a"}, {"q"}},
    // Every input is optional: a neuron without excitatory or inhibitory
    // synapses or a leak clock has no merger tree there.
    {"neuron", 3, 1, 0, false, {"exc", "inh", "leak"}, {"q"}},
    {"clock", 0, 1, 0, false, {}, {"q"}},
};

constexpr const char *kResetRuleNames[] = {"zero", "subtract", "release_one"};

constexpr uint64_t kMaxPassThreshold = 0xffffffffULL;

bool validKind(CellKind kind) {
  return static_cast<unsigned>(kind) < kNumCellKinds;
}

std::string portName(const char *const *names, unsigned count, unsigned port) {
  return port < count ? names[port] : std::to_string(port);
}

/// "1 output", "2 outputs".
std::string counted(unsigned n, const char *noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

/// "input a", "inputs a, b, clk", "no inputs": the first `count` inputs.
std::string inputList(const CellKindInfo &info, unsigned count) {
  if (count == 0)
    return "no inputs";
  std::string list = count > 1 ? "inputs " : "input ";
  for (unsigned i = 0; i < count; ++i)
    list += (i ? ", " : "") + std::string(info.inputNames[i]);
  return list;
}

} // namespace

const CellKindInfo &kindInfo(CellKind kind) {
  assert(validKind(kind) && "cell kind out of range");
  return kKinds[static_cast<unsigned>(kind)];
}

std::optional<CellKind> cellKindNamed(std::string_view name) {
  for (unsigned k = 0; k < kNumCellKinds; ++k)
    if (name == kKinds[k].name)
      return static_cast<CellKind>(k);
  return std::nullopt;
}

const char *toString(ResetRule rule) {
  unsigned r = static_cast<unsigned>(rule);
  return r < std::size(kResetRuleNames) ? kResetRuleNames[r] : "?";
}

std::optional<ResetRule> resetRuleNamed(std::string_view name) {
  for (unsigned r = 0; r < std::size(kResetRuleNames); ++r)
    if (name == kResetRuleNames[r])
      return static_cast<ResetRule>(r);
  return std::nullopt;
}

uint32_t Netlist::addCell(CellKind kind, uint64_t a, uint64_t b) {
  uint32_t index = static_cast<uint32_t>(cells.size());
  cells.push_back({kind, a, b});
  drives.resize(drives.size() + kindInfo(kind).outputs);
  firstOutput.push_back(static_cast<uint32_t>(drives.size()));
  return index;
}

void Netlist::connect(Pin from, Pin to) {
  if (from.cell >= cells.size() ||
      firstOutput[from.cell] + from.port >= firstOutput[from.cell + 1]) {
    strayWires.push_back({from, to});
    return;
  }
  drives[firstOutput[from.cell] + from.port] = to;
}

std::string Netlist::describeOutput(Pin pin) const {
  if (pin.cell >= cells.size() || !validKind(cells[pin.cell].kind))
    return "cell " + std::to_string(pin.cell) + " output " +
           std::to_string(pin.port);
  const CellKindInfo &info = kindInfo(cells[pin.cell].kind);
  return "cell " + std::to_string(pin.cell) + " (" + info.name + ") output " +
         portName(info.outputNames, info.outputs, pin.port);
}

std::string Netlist::describeInput(Pin pin) const {
  if (pin.cell >= cells.size() || !validKind(cells[pin.cell].kind))
    return "cell " + std::to_string(pin.cell) + " input " +
           std::to_string(pin.port);
  const CellKindInfo &info = kindInfo(cells[pin.cell].kind);
  return "cell " + std::to_string(pin.cell) + " (" + info.name + ") input " +
         portName(info.inputNames, info.inputs, pin.port);
}

std::string Netlist::check() const {
  auto cellName = [&](uint32_t c) {
    return "cell " + std::to_string(c) + " (" + kindInfo(cells[c].kind).name +
           ")";
  };

  // Structure first: the wire checks below index by kind.
  for (uint32_t c = 0; c < cells.size(); ++c) {
    if (!validKind(cells[c].kind))
      return "cell " + std::to_string(c) + " has unknown kind " +
             std::to_string(static_cast<unsigned>(cells[c].kind));
    unsigned slots = firstOutput[c + 1] - firstOutput[c];
    if (slots != kindInfo(cells[c].kind).outputs)
      return cellName(c) + " has " + counted(slots, "output wire") +
             " but its kind has " +
             counted(kindInfo(cells[c].kind).outputs, "output") +
             " (kind changed after addCell)";
  }
  if (!strayWires.empty()) {
    auto [from, to] = strayWires.front();
    if (from.cell >= cells.size())
      return "a wire to " + describeInput(to) + " starts at cell " +
             std::to_string(from.cell) + ", which does not exist (the " +
             "netlist has " + std::to_string(cells.size()) + " cells)";
    return "a wire to " + describeInput(to) + " starts at " +
           describeOutput(from) + ", which does not exist (" +
           kindInfo(cells[from.cell].kind).name + " has " +
           counted(kindInfo(cells[from.cell].kind).outputs, "output") + ")";
  }

  for (uint32_t c = 0; c < cells.size(); ++c) {
    const Cell &cell = cells[c];
    switch (cell.kind) {
    case CellKind::Neuron:
      if (cell.a < 1)
        return cellName(c) + " has theta 0; a neuron's threshold is at " +
               "least 1 fluxon";
      if (cell.b >= std::size(kResetRuleNames))
        return cellName(c) + " has reset rule " + std::to_string(cell.b) +
               "; expected 0 (zero), 1 (subtract) or 2 (release_one)";
      break;
    case CellKind::Pulser:
      if (cell.a < 1)
        return cellName(c) + " emits 0 pulses; a pulser's k is at least 1";
      if (cell.b < 1)
        return cellName(c) + " has spacing 0 ticks; a pulser's spacing is " +
               "at least 1 tick";
      break;
    case CellKind::Clock:
      if (cell.a < 1)
        return cellName(c) + " has period 0 ticks; a clock's period is at " +
               "least 1 tick";
      break;
    case CellKind::Synapse:
      if (cell.a > kMaxPassThreshold)
        return cellName(c) + " has pass threshold " + std::to_string(cell.a) +
               "; P is at most 2^32 - 1 (pass iff a 32-bit draw is below P)";
      break;
    default:
      break;
    }
  }

  // Input port i of cell c is slot firstInput[c] + i of `driver`.
  std::vector<uint32_t> firstInput(cells.size() + 1, 0);
  for (uint32_t c = 0; c < cells.size(); ++c)
    firstInput[c + 1] = firstInput[c] + kindInfo(cells[c].kind).inputs;
  std::vector<Pin> driver(firstInput.back());
  for (uint32_t c = 0; c < cells.size(); ++c) {
    unsigned outputs = kindInfo(cells[c].kind).outputs;
    for (unsigned o = 0; o < outputs; ++o) {
      Pin from{c, static_cast<uint8_t>(o)};
      Pin to = destination(c, o);
      if (to.cell == kNoCell)
        return describeOutput(from) +
               " drives nothing; an SFQ output drives exactly one input " +
               "(terminate it with a sink)";
      if (to.cell >= cells.size())
        return describeOutput(from) + " drives cell " +
               std::to_string(to.cell) + ", which does not exist (the " +
               "netlist has " + std::to_string(cells.size()) + " cells)";
      const CellKindInfo &dest = kindInfo(cells[to.cell].kind);
      if (to.port >= dest.inputs)
        return describeOutput(from) + " drives " + describeInput(to) +
               ", which does not exist (" + dest.name + " has " +
               inputList(dest, dest.inputs) + ")";
      Pin &slot = driver[firstInput[to.cell] + to.port];
      if (slot.cell != kNoCell)
        return describeInput(to) + " is driven by both " +
               describeOutput(slot) + " and " + describeOutput(from);
      slot = from;
    }
  }

  for (uint32_t c = 0; c < cells.size(); ++c) {
    const CellKindInfo &info = kindInfo(cells[c].kind);
    for (unsigned i = 0; i < info.requiredInputs; ++i)
      if (driver[firstInput[c] + i].cell == kNoCell)
        return describeInput({c, static_cast<uint8_t>(i)}) + " is undriven; " +
               info.name + " needs " + inputList(info, info.requiredInputs) +
               " driven";
  }
  return "";
}

std::vector<uint64_t> Netlist::countByKind() const {
  std::vector<uint64_t> counts(kNumCellKinds, 0);
  for (const Cell &cell : cells)
    if (validKind(cell.kind))
      ++counts[static_cast<unsigned>(cell.kind)];
  return counts;
}

bool Netlist::operator==(const Netlist &o) const {
  if (cells.size() != o.cells.size() || firstOutput != o.firstOutput ||
      drives != o.drives || strayWires != o.strayWires)
    return false;
  for (size_t c = 0; c < cells.size(); ++c)
    if (cells[c].kind != o.cells[c].kind || cells[c].a != o.cells[c].a ||
        cells[c].b != o.cells[c].b)
      return false;
  return true;
}

} // namespace snnc::sfq
