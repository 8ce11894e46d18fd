//===- CellLibrary.cpp - Reading an SFQ cell library profile --------------===//

#include "snnc/sfq/CellLibrary.h"
#include "snnc/Support/FormatNumber.h"
#include "snnc/Support/InputFile.h"
#include "snnc/Support/Json.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace snnc::sfq {
namespace detail {
const char *coldfluxCellsText();
const char *pylseCellsText();
} // namespace detail

namespace {

using image::ImageError;

/// A library is a few kB; anything far larger is not one.
constexpr uint64_t kMaxLibraryBytes = uint64_t(16) << 20;

/// Largest delay or window a cell may declare: 1 ns, far beyond any SFQ
/// cell, so that tick arithmetic cannot overflow.
constexpr double kMaxPs = 1000.0;

class Reader {
public:
  explicit Reader(const std::string &origin) : origin(origin) {}

  ImageError error(const std::string &cell, const std::string &what) const {
    return ImageError{origin,
                      cell.empty() ? what : "cell '" + cell + "' " + what};
  }

  std::optional<ImageError> field(const nlohmann::json &cell,
                                  const std::string &name,
                                  const std::string &key,
                                  const nlohmann::json *&out) const {
    if (!cell.contains(key))
      return error(name, "has no field '" + key + "'");
    out = &cell[key];
    return std::nullopt;
  }

  /// A number >= 0, or null when `nullable`.
  std::optional<ImageError> number(const nlohmann::json &cell,
                                   const std::string &name,
                                   const std::string &key,
                                   std::optional<double> &out,
                                   bool nullable) const {
    const nlohmann::json *v = nullptr;
    if (auto e = field(cell, name, key, v))
      return e;
    if (v->is_null() && nullable) {
      out.reset();
      return std::nullopt;
    }
    if (!v->is_number() || !std::isfinite(v->get<double>()) ||
        v->get<double>() < 0)
      return error(name, "field '" + key + "' is " + v->dump() +
                             "; it must be a finite number >= 0" +
                             (nullable ? " or null (unknown)" : ""));
    out = v->get<double>();
    return std::nullopt;
  }

  std::optional<ImageError> ticks(const std::string &name,
                                  const std::string &what,
                                  const nlohmann::json &v,
                                  uint32_t &out) const {
    if (!v.is_number() || !std::isfinite(v.get<double>()) ||
        v.get<double>() < 0 || v.get<double>() > kMaxPs)
      return error(name, what + " is " + v.dump() +
                             "; it must be a number of ps in [0, " +
                             formatNumber(kMaxPs) + "]");
    out = static_cast<uint32_t>(std::llround(v.get<double>() * kTicksPerPs));
    return std::nullopt;
  }

  std::optional<ImageError> port(const std::string &name,
                                 const CellKindInfo &info,
                                 const nlohmann::json &v, uint8_t &out) const {
    if (v.is_string())
      for (uint8_t i = 0; i < info.inputs; ++i)
        if (v.get<std::string>() == info.inputNames[i]) {
          out = i;
          return std::nullopt;
        }
    std::string names;
    for (uint8_t i = 0; i < info.inputs; ++i)
      names += std::string(i ? ", " : "") + info.inputNames[i];
    return error(name, "separation names input " + v.dump() +
                           "; the inputs of " + info.name + " are " +
                           (names.empty() ? "none" : names));
  }

  std::optional<ImageError> cell(const std::string &name, CellKind kind,
                                 const nlohmann::json &doc,
                                 CellData &out) const;

  std::string origin;
};

std::optional<ImageError> Reader::cell(const std::string &name, CellKind kind,
                                       const nlohmann::json &doc,
                                       CellData &out) const {
  if (!doc.is_object())
    return error(name, "is " + doc.dump() + "; it must be an object");
  const CellKindInfo &info = kindInfo(kind);
  out.present = true;

  std::optional<double> jjs;
  if (auto e = number(doc, name, "jjs", jjs, false))
    return e;
  if (*jjs != std::floor(*jjs) || *jjs < 1 || *jjs > 1e6)
    return error(name, "field 'jjs' is " + formatNumber(*jjs) +
                           "; it must be a whole number in [1, 1000000]");
  out.jjs = static_cast<uint32_t>(*jjs);
  if (auto e = number(doc, name, "bias_ua", out.biasUa, true))
    return e;
  if (auto e = number(doc, name, "area_um2", out.areaUm2, true))
    return e;

  const nlohmann::json *delays = nullptr;
  if (auto e = field(doc, name, "delay_ps", delays))
    return e;
  if (!delays->is_object())
    return error(name, "field 'delay_ps' must be an object of outputs");
  bool source = kind == CellKind::Input || kind == CellKind::Clock;
  for (uint8_t o = 0; o < info.outputs; ++o) {
    std::string output = info.outputNames[o];
    if (!delays->contains(output))
      return error(name, "field 'delay_ps' has no output '" + output + "'");
    if (auto e = ticks(name, "delay of output " + output, (*delays)[output],
                       out.timing.delay[o]))
      return e;
    if (!source && out.timing.delay[o] == 0)
      return error(name, "delay of output " + output +
                             " is under 0.05 ps (0 ticks); every cell but "
                             "input and clock takes at least one 100 fs tick");
  }
  if (delays->size() != info.outputs)
    return error(name, "field 'delay_ps' names " +
                           std::to_string(delays->size()) + " outputs; " +
                           info.name + " has " + std::to_string(info.outputs));

  const nlohmann::json *seps = nullptr;
  if (auto e = field(doc, name, "separations_ps", seps))
    return e;
  if (!seps->is_array())
    return error(name, "field 'separations_ps' must be an array");
  for (const nlohmann::json &s : *seps) {
    if (!s.is_object() || !s.contains("after") || !s.contains("on") ||
        !s.contains("ps"))
      return error(name, "separation " + s.dump() +
                             " must be {\"after\": port, \"on\": port, "
                             "\"ps\": window}");
    Separation sep;
    if (auto e = port(name, info, s["after"], sep.after))
      return e;
    if (auto e = port(name, info, s["on"], sep.on))
      return e;
    if (auto e = ticks(name, "separation window", s["ps"], sep.ticks))
      return e;
    out.timing.separations.push_back(sep);
  }

  const nlohmann::json *events = nullptr;
  if (auto e = field(doc, name, "events_aj", events))
    return e;
  if (!events->is_null()) {
    if (!events->is_object())
      return error(name, "field 'events_aj' must be an object of counter "
                         "classes or null (unknown)");
    for (const auto &[event, aj] : events->items()) {
      if (!aj.is_number() || !std::isfinite(aj.get<double>()) ||
          aj.get<double>() < 0)
        return error(name, "event '" + event + "' is " + aj.dump() +
                               "; it must be a finite number of aJ >= 0");
      out.eventsAj.emplace_back(event, aj.get<double>());
    }
  }
  const nlohmann::json *basis = nullptr, *source2 = nullptr;
  if (auto e = field(doc, name, "basis", basis))
    return e;
  if (auto e = field(doc, name, "source", source2))
    return e;
  if (!basis->is_string() || !source2->is_string())
    return error(name, "fields 'basis' and 'source' must be strings");
  out.basis = basis->get<std::string>();
  out.source = source2->get<std::string>();
  return std::nullopt;
}

} // namespace

TimingTable CellLibrary::timing() const {
  TimingTable table;
  for (size_t k = 0; k < kNumCellKinds; ++k)
    table[k] = cells[k].timing;
  return table;
}

bool CellLibrary::knowsBiasAndArea() const {
  for (const CellData &c : cells)
    if (c.present && (!c.biasUa || !c.areaUm2))
      return false;
  return true;
}

image::Expected<CellLibrary> readCellLibrary(const nlohmann::json &doc,
                                             const std::string &origin) {
  Reader reader(origin);
  if (!doc.is_object())
    return reader.error("", "is not a JSON object");
  CellLibrary library;
  for (const char *key : {"profile", "description"})
    if (!doc.contains(key) || !doc[key].is_string())
      return reader.error("", std::string("has no string field '") + key + "'");
  library.profile = doc["profile"].get<std::string>();
  library.description = doc["description"].get<std::string>();
  if (!doc.contains("phi0_wb") || !doc["phi0_wb"].is_number() ||
      !(doc["phi0_wb"].get<double>() > 0))
    return reader.error("", "field 'phi0_wb' must be a positive number");
  library.phi0Wb = doc["phi0_wb"].get<double>();
  if (!doc.contains("technology"))
    return reader.error("", "has no field 'technology' (null marks a "
                            "profile without one)");
  if (const nlohmann::json &tech = doc["technology"]; !tech.is_null()) {
    if (!tech.is_object() || !tech.contains("process") ||
        !tech["process"].is_string() || !tech.contains("jj_ic_ua") ||
        !tech["jj_ic_ua"].is_number() || !(tech["jj_ic_ua"].get<double>() > 0))
      return reader.error("", "field 'technology' must hold a string "
                              "'process' and a positive 'jj_ic_ua'");
    library.process = tech["process"].get<std::string>();
    library.jjIcUa = tech["jj_ic_ua"].get<double>();
  }
  if (!doc.contains("cells") || !doc["cells"].is_object())
    return reader.error("", "has no object field 'cells'");
  const nlohmann::json &cells = doc["cells"];
  for (const auto &[name, cell] : cells.items())
    if (!cellKindNamed(name))
      return reader.error("", "names an unknown cell '" + name + "'");
  for (size_t k = 0; k < kNumCellKinds; ++k) {
    CellKind kind = static_cast<CellKind>(k);
    std::string name = kindInfo(kind).name;
    if (!cells.contains(name))
      return reader.error(name, "is missing (null marks a cell the profile "
                                "does not have)");
    if (cells[name].is_null())
      continue;
    if (auto e = reader.cell(name, kind, cells[name], library.cells[k]))
      return *e;
  }
  // The cells the lowering always places must exist.
  for (CellKind kind :
       {CellKind::Input, CellKind::Sink, CellKind::Split, CellKind::Merge,
        CellKind::Synapse, CellKind::Neuron, CellKind::Clock})
    if (!library[kind].present)
      return reader.error(kindInfo(kind).name,
                          "is null; every profile needs it");
  return library;
}

std::vector<std::string> cellLibraryProfiles() {
  return {"coldflux-sfq5ee", "pylse"};
}

bool isCellLibraryFile(const std::string &profile) {
  return profile.size() > 5 &&
         profile.compare(profile.size() - 5, 5, ".json") == 0;
}

image::Expected<CellLibrary> loadCellLibrary(const std::string &profile) {
  std::string origin = "cell library '" + profile + "'";
  const char *shipped = profile == "coldflux-sfq5ee"
                            ? detail::coldfluxCellsText()
                        : profile == "pylse" ? detail::pylseCellsText()
                                             : nullptr;
  std::string text;
  if (shipped) {
    text = shipped;
  } else if (isCellLibraryFile(profile)) {
    if (std::string why = checkInputFile(profile, kMaxLibraryBytes);
        !why.empty())
      return ImageError{origin, why};
    std::ifstream in(profile, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof())
      return ImageError{origin, "cannot be read"};
    text = buffer.str();
  } else {
    return ImageError{"cell library",
                      "'" + profile +
                          "' is neither a shipped profile (coldflux-sfq5ee, "
                          "pylse) nor a .json file"};
  }
  JsonParse doc = parseJson(text);
  if (!doc.value)
    return ImageError{origin, describeJsonError(doc)};
  return readCellLibrary(*doc.value, origin);
}

} // namespace snnc::sfq
