//===- EnergyData.h - The crossbar energy model, embedded -------*- C++ -*-===//
//
// The compiler prices the one-time programming of a chip (write pulses) in
// its report, with the coefficient of backends/crossbar/energy.json,
// embedded at build time so that tools need no data directory.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_CODEGEN_ENERGYDATA_H
#define SNNC_CROSSBAR_CODEGEN_ENERGYDATA_H

namespace snnc::crossbar {

/// energy.json as built.
const char *compilerEnergyModelText();

/// Joules per write pulse (energy.json programming.joules_per_pulse).
double programmingJoulesPerPulse();

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_CODEGEN_ENERGYDATA_H
