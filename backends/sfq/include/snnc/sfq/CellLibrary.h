//===- CellLibrary.h - An SFQ cell library profile, from data ---*- C++ -*-===//
//
// A profile (cells-<profile>.json in backends/sfq, embedded at build time)
// gives every cell kind's junction count, bias current, area, delays,
// separation windows and the energy of each of its counted events, each
// with its source. PyLSE's profile knows no bias, area or energy (null) and
// has no NDRO. The reader refuses a missing field, a wrong type, a negative
// number, a delay below one tick where a pulse must take time, and names
// the cell and the field.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_CELLLIBRARY_H
#define SNNC_SFQ_CELLLIBRARY_H

#include "snnc/image/ImageError.h"
#include "snnc/sfq/CellTiming.h"
#include "snnc/sfq/Netlist.h"

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace snnc::sfq {

struct CellData {
  /// False for a kind the profile lacks (PyLSE's NDRO).
  bool present = false;
  uint32_t jjs = 0;
  /// Unknown in profiles without them (null in the file).
  std::optional<double> biasUa;
  std::optional<double> areaUm2;
  CellTiming timing;
  /// Counter class -> attojoules; empty when the profile has no energies.
  std::vector<std::pair<std::string, double>> eventsAj;
  /// measured, derived or assumed.
  std::string basis;
  std::string source;
};

struct CellLibrary {
  std::string profile;
  std::string description;
  double phi0Wb = 2.067833848e-15;
  /// The process and the critical current of a unit-area junction (one
  /// 2 pi switch of it costs Ic Phi0); unknown (null) in PyLSE's profile.
  std::string process;
  std::optional<double> jjIcUa;
  std::array<CellData, kNumCellKinds> cells;

  const CellData &operator[](CellKind kind) const {
    return cells[static_cast<size_t>(kind)];
  }
  TimingTable timing() const;
  /// Whether every present cell has a bias and an area.
  bool knowsBiasAndArea() const;
};

/// Reads a library document; `origin` names it in errors ("cell library
/// 'cells-pylse.json'").
image::Expected<CellLibrary> readCellLibrary(const nlohmann::json &doc,
                                             const std::string &origin);

/// The shipped profiles, the default first.
std::vector<std::string> cellLibraryProfiles();
/// Whether `profile` names a user's library file (it ends in .json).
bool isCellLibraryFile(const std::string &profile);
/// A shipped profile by name, or a library file by its path; an error
/// names the profile or file and, for a bad document, the cell and field.
image::Expected<CellLibrary> loadCellLibrary(const std::string &profile);

/// Embedded data files (TargetData.cpp, generated from backends/sfq).
const char *defaultTargetModelText();
const char *defaultEnergyModelText();
const char *ersfqEnergyModelText();

} // namespace snnc::sfq

#endif // SNNC_SFQ_CELLLIBRARY_H
