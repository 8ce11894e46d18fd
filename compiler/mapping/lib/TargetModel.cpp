//===- TargetModel.cpp - Load and merge target JSON documents -------------===//
//
// Merging works on the JSON documents first (defaults, then target, then
// overrides), and only the merged document is converted into a TargetModel,
// so every field is type-checked once whatever layer it came from.
//
//===----------------------------------------------------------------------===//

#include "snnc/mapping/TargetModel.h"
#include "snnc/Support/ClockRange.h"
#include "snnc/Support/InputFile.h"
#include "snnc/Support/Json.h"
#include "snnc/mapping/MappingError.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

namespace snnc::mapping {

using nlohmann::json;

namespace {

enum class FieldType { UInt, Number, NullableNumber, Bool, Pair, PairList };

struct Field {
  const char *path;
  FieldType type;
  /// The values a chip can have (numbers and integers); `above` makes the
  /// lower bound exclusive.
  double min = 0;
  double max = 0;
  bool above = false;
};

constexpr double k32 = 4294967295.0;

/// Every field the mapper reads. Groups are the prefixes before a dot.
const Field kFields[] = {
    {"pes_per_chip", FieldType::UInt, 1, 65536},
    {"sram_bytes_per_pe", FieldType::UInt, 1, k32},
    {"clock_hz", FieldType::Number, kMinClockHz, kMaxClockHz},
    {"step_cycle_budget", FieldType::Number, 0, 1e15, true},
    {"cycles_per_neuron_update", FieldType::Number, 0, 1e9},
    {"cycles_per_step_overhead", FieldType::Number, 0, 1e12},
    {"cycles_per_synaptic_event", FieldType::Number, 0, 1e9},
    {"cycles_per_packet_received", FieldType::NullableNumber, 0, 1e9},
    {"routing_entries_per_router", FieldType::UInt, 1, 1 << 20},
    {"packet_key_bits", FieldType::UInt, 1, 32},
    {"mesh.pes_per_qpe", FieldType::UInt, 1, 65536},
    {"mesh.qpes_per_chip", FieldType::UInt, 1, 65536},
    {"mesh.chip_mesh", FieldType::Pair},
    {"mesh.qpe_grid_holes", FieldType::PairList},
    {"board.chips_per_board", FieldType::UInt, 1, 65536},
    {"board.board_chip_coordinates", FieldType::PairList},
    {"board.links_per_chip", FieldType::UInt, 0, 64},
    {"board.chip_link_directions", FieldType::PairList},
    {"board.max_boards", FieldType::UInt, 1, 65536},
    {"board.board_origins", FieldType::PairList},
    {"sram_reserved_bytes_per_pe", FieldType::UInt, 0, k32},
    {"max_neurons_per_pe", FieldType::UInt, 1, 1 << 20},
    {"synapse_word_bytes", FieldType::UInt, 1, 64},
    {"row_header_bytes", FieldType::UInt, 0, 4096},
    {"ring_buffer_entry_bytes", FieldType::UInt, 1, 64},
    {"neuron_state_bytes", FieldType::UInt, 1, 65536},
    {"inter_chip_hop_weight", FieldType::Number, 0, 1e6},
    {"router_default_route", FieldType::Bool},
};

/// The most PEs a machine may have: the mapper keeps a record per PE, and
/// 2^20 PEs (138 boards of 48 chips of 152 PEs) fit in well under 1 GB.
constexpr uint64_t kMaxMachinePes = uint64_t(1) << 20;

const Field *findField(const std::string &path) {
  for (const Field &field : kFields)
    if (path == field.path)
      return &field;
  return nullptr;
}

bool isGroup(const std::string &path) {
  std::string prefix = path + ".";
  for (const Field &field : kFields)
    if (std::string(field.path).rfind(prefix, 0) == 0)
      return true;
  return false;
}

const char *typeName(FieldType type) {
  switch (type) {
  case FieldType::UInt:
    return "a non-negative integer";
  case FieldType::Number:
    return "a number";
  case FieldType::NullableNumber:
    return "a number or null";
  case FieldType::Bool:
    return "a boolean";
  case FieldType::Pair:
    return "an array of two 32-bit integers";
  case FieldType::PairList:
    return "an array of [x, y] 32-bit integer pairs";
  }
  return "?";
}

[[noreturn]] void configError(const std::string &key, const std::string &what,
                              const std::string &message) {
  throw MappingError(MappingErrorKind::InvalidTarget, key, what, 0, 0,
                     "target config: " + message);
}

bool isInt32(const json &v) {
  if (v.is_number_unsigned())
    return v.get<uint64_t>() <= uint64_t(INT32_MAX);
  return v.is_number_integer() && v.get<int64_t>() >= INT32_MIN &&
         v.get<int64_t>() <= INT32_MAX;
}

/// Coordinates are 32-bit: an entry that does not fit is a type error
/// rather than a value silently wrapped.
bool isPair(const json &v) {
  return v.is_array() && v.size() == 2 && isInt32(v[0]) && isInt32(v[1]);
}

bool hasType(const json &v, FieldType type) {
  switch (type) {
  case FieldType::UInt:
    return v.is_number_unsigned() ||
           (v.is_number_integer() && v.get<int64_t>() >= 0);
  case FieldType::Number:
    return v.is_number();
  case FieldType::NullableNumber:
    return v.is_number() || v.is_null();
  case FieldType::Bool:
    return v.is_boolean();
  case FieldType::Pair:
    return isPair(v);
  case FieldType::PairList:
    if (!v.is_array())
      return false;
    for (const json &e : v)
      if (!isPair(e))
        return false;
    return true;
  }
  return false;
}

/// A field's payload: `.value` of a {"value": ...} object, else the value.
const json &payload(const json &v) {
  if (v.is_object() && v.contains("value"))
    return v.at("value");
  return v;
}

/// Layer `doc` over `merged`. A key is known if the schema or the document
/// already merged has it; in strict mode unknown keys and type mismatches
/// are errors, otherwise unknown keys are carried along unchecked.
void overlay(json &merged, const json &doc, const std::string &prefix,
             bool strict) {
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    const std::string &key = it.key();
    std::string path = prefix.empty() ? key : prefix + "." + key;
    const json &value = it.value();
    const Field *field = findField(path);
    bool known = merged.contains(key);
    bool mergedGroup =
        known && merged[key].is_object() && !merged[key].contains("value");
    if (isGroup(path) || mergedGroup) {
      if (!value.is_object() || value.contains("value"))
        configError(path, "an object",
                    "'" + path + "' must be an object (a group of fields)");
      if (!known)
        merged[key] = json::object();
      overlay(merged[key], value, path, strict);
      continue;
    }
    if (!field && !known) {
      if (strict)
        configError(path, "unknown key", "unknown key '" + path + "'");
      // Data the mapper does not read (energy, DVFS, ...): carried along.
      merged[key] = value;
      continue;
    }
    const json &v = payload(value);
    if (strict && field && !hasType(v, field->type))
      configError(path, typeName(field->type),
                  "'" + path + "' must be " + typeName(field->type) + ", got " +
                      (v.is_array() ? v.dump() : v.type_name()));
    if (strict && !field) {
      const json &old = payload(merged[key]);
      bool sameKind = std::string(old.type_name()) == v.type_name() ||
                      (old.is_number() && v.is_number());
      if (!old.is_null() && !sameKind)
        configError(path, old.type_name(),
                    "'" + path + "' must be " + old.type_name() + ", got " +
                        v.type_name());
    }
    merged[key] = json{{"value", v}};
  }
}

class Reader {
public:
  explicit Reader(const json &doc) : doc(doc) {}

  const json &get(const char *path) {
    const Field *field = findField(path);
    const json *node = &doc;
    std::string p(path);
    size_t start = 0;
    while (true) {
      size_t dot = p.find('.', start);
      std::string key = p.substr(start, dot - start);
      if (!node->is_object() || !node->contains(key))
        configError(path, "missing", "the target has no '" + p + "'");
      node = &node->at(key);
      if (dot == std::string::npos)
        break;
      start = dot + 1;
    }
    const json &v = payload(*node);
    if (!hasType(v, field->type))
      configError(path, typeName(field->type),
                  "'" + p + "' must be " + typeName(field->type) + ", got " +
                      (v.is_array() ? v.dump() : v.type_name()));
    bool ranged = field->type == FieldType::UInt ||
                  field->type == FieldType::Number ||
                  (field->type == FieldType::NullableNumber && !v.is_null());
    if (ranged) {
      double x = v.get<double>();
      if (!std::isfinite(x) || x < field->min ||
          (field->above && x == field->min) || x > field->max)
        configError(path, "range",
                    "'" + p + "' is " + v.dump() + "; it must lie in " +
                        (field->above ? "(" : "[") + formatNumber(field->min) +
                        ", " + formatNumber(field->max) + "]");
    }
    return v;
  }

  uint64_t uint(const char *path) { return get(path).get<uint64_t>(); }
  uint32_t uint32(const char *path) {
    uint64_t v = uint(path);
    if (v > 0xffffffffULL)
      configError(path, "a 32-bit integer",
                  "'" + std::string(path) + "' is too large");
    return static_cast<uint32_t>(v);
  }
  double number(const char *path) { return get(path).get<double>(); }
  Coord2 pair(const char *path) {
    const json &v = get(path);
    return {v[0].get<int32_t>(), v[1].get<int32_t>()};
  }
  std::vector<Coord2> pairs(const char *path) {
    std::vector<Coord2> out;
    for (const json &e : get(path))
      out.push_back({e[0].get<int32_t>(), e[1].get<int32_t>()});
    return out;
  }

private:
  const json &doc;
};

void require(bool ok, const std::string &key, const std::string &message) {
  if (!ok)
    configError(key, "consistency", message);
}

void checkConsistency(const TargetModel &t) {
  require(t.pesPerQpe > 0 && t.qpesPerChip > 0, "mesh.pes_per_qpe",
          "'mesh.pes_per_qpe' and 'mesh.qpes_per_chip' must be positive");
  // Products in 64 bits: no 32-bit field pair can wrap them.
  uint64_t perChip = uint64_t(t.pesPerQpe) * t.qpesPerChip;
  require(t.pesPerChip == perChip, "pes_per_chip",
          "'pes_per_chip' (" + std::to_string(t.pesPerChip) +
              ") must equal mesh.pes_per_qpe x mesh.qpes_per_chip (" +
              std::to_string(t.pesPerQpe) + " x " +
              std::to_string(t.qpesPerChip) + " = " + std::to_string(perChip) +
              ")");
  uint64_t machine = uint64_t(t.pesPerChip) * t.chipsPerBoard * t.maxBoards;
  require(machine <= kMaxMachinePes, "board.max_boards",
          "the machine has pes_per_chip x board.chips_per_board x "
          "board.max_boards = " +
              std::to_string(t.pesPerChip) + " x " +
              std::to_string(t.chipsPerBoard) + " x " +
              std::to_string(t.maxBoards) + " = " + std::to_string(machine) +
              " PEs, more than the " + std::to_string(kMaxMachinePes) +
              " snnc can model");
  require(t.qpeGrid[0] > 0 && t.qpeGrid[1] > 0, "mesh.chip_mesh",
          "'mesh.chip_mesh' must be positive");
  std::set<Coord2> holes(t.qpeGridHoles.begin(), t.qpeGridHoles.end());
  for (const Coord2 &h : holes)
    require(h[0] >= 1 && h[0] <= t.qpeGrid[0] && h[1] >= 1 &&
                h[1] <= t.qpeGrid[1],
            "mesh.qpe_grid_holes",
            "'mesh.qpe_grid_holes' lies outside 'mesh.chip_mesh'");
  int64_t slots = int64_t(t.qpeGrid[0]) * t.qpeGrid[1] - int64_t(holes.size());
  require(slots == t.qpesPerChip, "mesh.qpes_per_chip",
          "'mesh.qpes_per_chip' (" + std::to_string(t.qpesPerChip) +
              ") must equal the grid positions minus holes (" +
              std::to_string(slots) + ")");
  std::set<Coord2> chips(t.boardChipCoordinates.begin(),
                         t.boardChipCoordinates.end());
  require(chips.size() == t.boardChipCoordinates.size() &&
              chips.size() == t.chipsPerBoard,
          "board.chips_per_board",
          "'board.board_chip_coordinates' must list 'board.chips_per_board' "
          "distinct chips");
  require(t.chipLinkDirections.size() == t.linksPerChip,
          "board.chip_link_directions",
          "'board.chip_link_directions' must have 'board.links_per_chip' (" +
              std::to_string(t.linksPerChip) + ") entries");
  require(t.maxBoards >= 1 && t.boardOrigins.size() >= t.maxBoards,
          "board.max_boards",
          "'board.max_boards' must be >= 1 and have an entry in "
          "'board.board_origins' per board");
  require(t.sramReservedBytesPerPe < t.sramBytesPerPe,
          "sram_reserved_bytes_per_pe",
          "'sram_reserved_bytes_per_pe' must be below 'sram_bytes_per_pe'");
  require(t.maxNeuronsPerPe >= 1, "max_neurons_per_pe",
          "'max_neurons_per_pe' must be at least 1");
  require(t.packetKeyBits >= 1 && t.packetKeyBits <= 32, "packet_key_bits",
          "'packet_key_bits' must lie in [1, 32]");
  require(t.stepCycleBudget > 0, "step_cycle_budget",
          "'step_cycle_budget' must be positive");
  require(t.interChipHopWeight >= 0, "inter_chip_hop_weight",
          "'inter_chip_hop_weight' must be >= 0");
}

json parseFile(const std::string &path, const char *what) {
  if (std::string why = snnc::checkInputFile(path); !why.empty())
    configError(path, "file", std::string(what) + ": " + why);
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  if (!in)
    configError(path, "file",
                std::string("cannot open ") + what + " '" + path + "'");
  JsonParse parsed = parseJson(text.str());
  if (!parsed.value)
    configError(path, "JSON",
                std::string(what) + " '" + path +
                    "' is not valid JSON: " + describeJsonError(parsed));
  return std::move(*parsed.value);
}

} // namespace

TargetModel targetModelFromJson(const json &layout, const json &target,
                                const json *overrides,
                                const std::string &name) {
  if (!layout.is_object())
    configError("layout", "an object", "the layout document must be an object");
  if (!target.is_object())
    configError("target", "an object", "the target document must be an object");
  json merged = json::object();
  overlay(merged, layout, "", false);
  overlay(merged, target, "", false);
  if (overrides) {
    if (!overrides->is_object())
      configError("override", "an object",
                  "the override document must be an object");
    overlay(merged, *overrides, "", true);
  }

  Reader r(merged);
  TargetModel t;
  t.name = name;
  t.pesPerChip = r.uint32("pes_per_chip");
  t.sramBytesPerPe = r.uint("sram_bytes_per_pe");
  t.clockHz = r.number("clock_hz");
  t.stepCycleBudget = r.number("step_cycle_budget");
  t.cyclesPerNeuronUpdate = r.number("cycles_per_neuron_update");
  t.cyclesPerStepOverhead = r.number("cycles_per_step_overhead");
  t.cyclesPerSynapticEvent = r.number("cycles_per_synaptic_event");
  const json &packet = r.get("cycles_per_packet_received");
  if (!packet.is_null())
    t.cyclesPerPacketReceived = packet.get<double>();
  t.routingEntriesPerRouter = r.uint32("routing_entries_per_router");
  t.packetKeyBits = r.uint32("packet_key_bits");
  t.pesPerQpe = r.uint32("mesh.pes_per_qpe");
  t.qpesPerChip = r.uint32("mesh.qpes_per_chip");
  t.qpeGrid = r.pair("mesh.chip_mesh");
  t.qpeGridHoles = r.pairs("mesh.qpe_grid_holes");
  t.chipsPerBoard = r.uint32("board.chips_per_board");
  t.boardChipCoordinates = r.pairs("board.board_chip_coordinates");
  t.linksPerChip = r.uint32("board.links_per_chip");
  t.chipLinkDirections = r.pairs("board.chip_link_directions");
  t.maxBoards = r.uint32("board.max_boards");
  t.boardOrigins = r.pairs("board.board_origins");
  t.sramReservedBytesPerPe = r.uint("sram_reserved_bytes_per_pe");
  t.maxNeuronsPerPe = r.uint32("max_neurons_per_pe");
  t.synapseWordBytes = r.uint32("synapse_word_bytes");
  t.rowHeaderBytes = r.uint32("row_header_bytes");
  t.ringBufferEntryBytes = r.uint32("ring_buffer_entry_bytes");
  t.neuronStateBytes = r.uint32("neuron_state_bytes");
  t.interChipHopWeight = r.number("inter_chip_hop_weight");
  t.routerDefaultRoute = r.get("router_default_route").get<bool>();
  checkConsistency(t);
  return t;
}

TargetModel loadTargetModel(const std::string &layoutPath,
                            const std::string &targetPath,
                            const std::string &overridePath) {
  json layout = parseFile(layoutPath, "layout file");
  json target = parseFile(targetPath, "target file");
  json overrides;
  if (!overridePath.empty())
    overrides = parseFile(overridePath, "target override file");
  std::filesystem::path p(targetPath);
  std::string name = p.parent_path().filename().string();
  if (name.empty())
    name = p.stem().string();
  return targetModelFromJson(layout, target,
                             overridePath.empty() ? nullptr : &overrides, name);
}

} // namespace snnc::mapping
