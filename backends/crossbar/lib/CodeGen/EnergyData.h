//===- EnergyData.h - The programming cost of the model ---------*- C++ -*-===//
//
// The compiler prices the one-time programming of a chip (write pulses) in
// its report, with the coefficient of backends/crossbar/energy.json as the
// device layer embeds it (defaultEnergyModelText()).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CODEGEN_ENERGYDATA_H
#define SNNC_CROSSBAR_CODEGEN_ENERGYDATA_H

namespace snnc::crossbar {

/// Joules per write pulse (energy.json programming.joules_per_pulse).
double programmingJoulesPerPulse();

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CODEGEN_ENERGYDATA_H
