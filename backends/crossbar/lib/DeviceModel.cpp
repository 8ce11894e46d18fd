//===- DeviceModel.cpp - The crossbar target's tiles, devices and ADCs ----===//

#include "snnc/crossbar/DeviceModel.h"
#include "snnc/Support/ClockRange.h"
#include "snnc/Support/FormatNumber.h"
#include "snnc/Support/Json.h"

#include <cmath>
#include <functional>
#include <map>

namespace snnc::crossbar {
using image::ImageError;

image::Expected<DeviceModel> readDeviceModel(const nlohmann::json &model,
                                             const nlohmann::json &overrides,
                                             std::string *badField) {
  auto bad = [badField](const std::string &field, const std::string &what) {
    if (badField)
      *badField = field;
    return ImageError{"target model", "field '" + field + "' " + what};
  };
  if (!model.is_object())
    return ImageError{"target model", "is not a JSON object"};
  if (!overrides.is_object())
    return ImageError{"target config", "is not a JSON object"};
  DeviceModel m;
  uint32_t formed = 0;
  uint32_t digitalReadout = 1;
  // Each field: where it goes, and whether it must be a whole number.
  struct Field {
    double *real = nullptr;
    uint32_t *whole = nullptr;
  };
  std::map<std::string, Field> fields = {
      {"tile_rows", {nullptr, &m.tileRows}},
      {"tile_cols", {nullptr, &m.tileCols}},
      {"tiles_per_chip", {nullptr, &m.tilesPerChip}},
      {"mesh_cols", {nullptr, &m.meshCols}},
      {"conductance_levels", {nullptr, &m.conductanceLevels}},
      {"g_min_s", {&m.gMin, nullptr}},
      {"g_max_s", {&m.gMax, nullptr}},
      {"sigma_program_s", {&m.sigmaProgram, nullptr}},
      {"sigma_read_fraction", {&m.sigmaReadFraction, nullptr}},
      {"read_voltage_v", {&m.readVoltage, nullptr}},
      {"read_pulse_s", {&m.readPulse, nullptr}},
      {"adc_bits", {nullptr, &m.adcBits}},
      {"columns_per_adc", {nullptr, &m.columnsPerAdc}},
      {"adc_full_scale_rows", {nullptr, &m.adcFullScaleRows}},
      {"write_voltage_v", {&m.writeVoltage, nullptr}},
      {"write_pulse_s", {&m.writePulse, nullptr}},
      {"write_verify_pulses", {nullptr, &m.writeVerifyPulses}},
      {"neurons_per_tile", {nullptr, &m.neuronsPerTile}},
      {"formed_reservoir", {nullptr, &formed}},
      {"formed_mean_s", {&m.formedMean, nullptr}},
      {"formed_sigma_s", {&m.formedSigma, nullptr}},
      {"clock_hz", {&m.clockHz, nullptr}},
      {"digital_readout", {nullptr, &digitalReadout}},
  };
  for (const nlohmann::json *source : {&model, &overrides})
    for (auto it = source->begin(); it != source->end(); ++it) {
      if (it.key() == "description" || it.key() == "version")
        continue;
      auto found = fields.find(it.key());
      if (found == fields.end())
        return bad(it.key(), "is not a field of the crossbar target model");
      const nlohmann::json &v = modelFieldValue(it.value());
      if (!v.is_number() || !std::isfinite(v.get<double>()))
        return bad(it.key(), "must be a finite number; it is " + v.dump());
      double x = v.get<double>();
      if (found->second.real) {
        *found->second.real = x;
        continue;
      }
      if (x < 0 || x > 4294967295.0 || std::floor(x) != x)
        return bad(it.key(),
                   "must be a whole number in [0, 2^32); it is " + v.dump());
      *found->second.whole = uint32_t(x);
    }

  if (formed > 1)
    return bad("formed_reservoir", "must be 0 (programmed) or 1 (formed); it "
                                   "is " +
                                       std::to_string(formed));
  m.formedReservoir = formed == 1;
  if (digitalReadout > 1)
    return bad("digital_readout", "must be 0 (readouts on tiles) or 1 "
                                  "(digital readouts); it is " +
                                      std::to_string(digitalReadout));
  m.digitalReadout = digitalReadout == 1;
  if (m.formedSigma < 0)
    return bad("formed_sigma_s", "must be >= 0 (no negative spread)");
  auto powerOfTwo = [](uint32_t x) { return x && !(x & (x - 1)); };
  if (!powerOfTwo(m.tileRows))
    return bad("tile_rows", "must be a positive power of two; it is " +
                                std::to_string(m.tileRows));
  if (!powerOfTwo(m.tileCols))
    return bad("tile_cols", "must be a positive power of two; it is " +
                                std::to_string(m.tileCols));
  if (m.gMin < 0)
    return bad("g_min_s", "must be >= 0");
  if (m.gMin >= m.gMax)
    return bad("g_min_s", "must be below g_max_s (" + std::to_string(m.gMax) +
                              " S); it is " + std::to_string(m.gMin) + " S");
  if (m.conductanceLevels < 2)
    return bad("conductance_levels", "must be at least 2; it is " +
                                         std::to_string(m.conductanceLevels));
  if (m.adcBits < 1 || m.adcBits > 16)
    return bad("adc_bits",
               "must lie in [1, 16]; it is " + std::to_string(m.adcBits));
  if (m.sigmaProgram < 0)
    return bad("sigma_program_s", "must be >= 0 (no negative noise)");
  if (m.sigmaReadFraction < 0)
    return bad("sigma_read_fraction", "must be >= 0 (no negative noise)");
  for (const auto &[name, value] :
       {std::pair<const char *, uint32_t>{"tiles_per_chip", m.tilesPerChip},
        {"mesh_cols", m.meshCols},
        {"columns_per_adc", m.columnsPerAdc},
        {"adc_full_scale_rows", m.adcFullScaleRows},
        {"neurons_per_tile", m.neuronsPerTile}})
    if (value == 0)
      return bad(name, "must be at least 1");
  for (const auto &[name, value] :
       {std::pair<const char *, double>{"read_voltage_v", m.readVoltage},
        {"read_pulse_s", m.readPulse},
        {"write_voltage_v", m.writeVoltage},
        {"write_pulse_s", m.writePulse}})
    if (!(value > 0))
      return bad(name, "must be > 0");
  if (!isModelledClock(m.clockHz))
    return bad("clock_hz", "must lie in [" + formatNumber(kMinClockHz) + ", " +
                               formatNumber(kMaxClockHz) + "] Hz; it is " +
                               formatNumber(m.clockHz));
  return m;
}

} // namespace snnc::crossbar
