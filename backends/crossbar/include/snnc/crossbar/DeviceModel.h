//===- DeviceModel.h - The crossbar target's tiles, devices and ADCs -*- C++
//-*-//
//
// What backends/crossbar/target.json describes, read into numbers and
// checked: tile geometry, the conductance window and its levels, the noise
// of programming and reading, the ADC and the write pulses. Every field can
// be overridden (`snnc compile --target-config`), so every field is checked
// here with a message naming it and the limit it breaks.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_DEVICEMODEL_H
#define SNNC_CROSSBAR_DEVICEMODEL_H

#include "snnc/image/ImageError.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace snnc::crossbar {

struct DeviceModel {
  uint32_t tileRows = 256;
  uint32_t tileCols = 256;
  uint32_t tilesPerChip = 128;
  uint32_t meshCols = 16;
  uint32_t conductanceLevels = 16;
  /// Siemens.
  double gMin = 0.5e-6;
  double gMax = 25e-6;
  double sigmaProgram = 1e-6;
  /// Read noise, a fraction of the conductance read.
  double sigmaReadFraction = 0.01;
  double readVoltage = 0.2;
  double readPulse = 10e-9;
  uint32_t adcBits = 5;
  uint32_t columnsPerAdc = 8;
  uint32_t adcFullScaleRows = 32;
  double writeVoltage = 2.0;
  double writePulse = 100e-9;
  uint32_t writeVerifyPulses = 10;
  /// Reservoirs take their weights from the formed devices (Lin et al.
  /// 2025) instead of programmed levels: G+ - G- ~ N(formedMean,
  /// formedSigma) per connected cell.
  bool formedReservoir = false;
  double formedMean = 0;
  double formedSigma = 6.6e-6;
  /// Projections into non-spiking populations (readouts) run in the
  /// periphery on int16 weights instead of on the arrays, as the seed
  /// chip's trained readouts do (Lin et al. 2025); false puts them on tiles.
  bool digitalReadout = true;
  uint32_t neuronsPerTile = 256;
  double clockHz = 500e6;

  /// Step between adjacent conductance levels.
  double levelStep() const {
    return (gMax - gMin) / double(conductanceLevels - 1);
  }
};

/// The target's own target.json, embedded at build time.
const char *defaultTargetModelText();
/// The target's energy.json (its default operating point), embedded.
const char *defaultEnergyModelText();

/// Reads a target model ({"field": {"value": x, ...}} or {"field": x}),
/// fields it omits keep their defaults, after `overrides` (the same form)
/// replace fields of `model`. Refuses an unknown field, a non-number, and
/// every impossible value: g_min >= g_max, g_min < 0, fewer than 2 levels,
/// an ADC of 0 or more than 16 bits, negative noise, a tile side that is not
/// a positive power of two, zero tiles or columns per ADC. A refusal names
/// its field in `badField`, when given.
image::Expected<DeviceModel>
readDeviceModel(const nlohmann::json &model,
                const nlohmann::json &overrides = nlohmann::json::object(),
                std::string *badField = nullptr);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_DEVICEMODEL_H
