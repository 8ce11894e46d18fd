//===- EnergyData.cpp - The programming cost of the crossbar model --------===//

#include "EnergyData.h"

#include "snnc/crossbar/DeviceModel.h"

#include <nlohmann/json.hpp>

double snnc::crossbar::programmingJoulesPerPulse() {
  static const double joules = [] {
    nlohmann::json energy = nlohmann::json::parse(
        defaultEnergyModelText(), nullptr, /*allow_exceptions=*/false);
    const nlohmann::json *value = &energy;
    for (const char *key : {"programming", "joules_per_pulse", "value"}) {
      if (!value->is_object() || !value->contains(key))
        return 0.0;
      value = &(*value)[key];
    }
    return value->is_number() ? value->get<double>() : 0.0;
  }();
  return joules;
}
