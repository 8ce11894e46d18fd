//===- PeModel.h - One simulated PE, port by port ---------------*- C++ -*-===//
//
// The driver talks to a PE only through its ports, one clock cycle at a
// time, so that it cannot depend on how a model is built. The production
// model is the Verilated hw/spinnaker2/snn_pe.sv (makeVerilatedPe); tests
// plug in variants of the same RTL (VerilatedPeAdapter.h).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_RTL_PEMODEL_H
#define SNNC_SPINNAKER2_RTL_PEMODEL_H

#include "snnc/rtl/UnitModel.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace snnc::rtl {

/// Inputs sampled at the next rising clock edge.
struct PeInputs {
  bool cfgWe = false;
  uint32_t cfgAddr = 0;
  uint32_t cfgData = 0;
  bool cmdValid = false;
  uint8_t cmd = 0;
  uint32_t cmdStep = 0;
  bool pktPush = false;
  uint32_t pktKey = 0;
};

/// Outputs during the current cycle (after the last rising edge).
struct PeOutputs {
  bool busy = false;
  bool pktInFull = false;
  /// The output FIFO's head; the driver always takes it at the next edge.
  bool pktOutValid = false;
  uint32_t pktOutKey = 0;
  bool recValid = false;
  uint32_t recIdx = 0;
  int32_t recV = 0;
  uint8_t errCode = 0;
  uint32_t errInfo = 0;
  uint32_t crc = 0;
};

/// A spinnaker2 PE: the shared unit interface (reset, VCD) plus its ports.
class PeModel : public UnitModel {
public:
  /// One clock cycle with `in` applied.
  virtual void tick(const PeInputs &in) = 0;
  virtual const PeOutputs &outputs() const = 0;
  /// Performance counter `index` (see hw/spinnaker2/snn_pe_pkg.sv).
  virtual uint64_t counter(unsigned index) const = 0;
};

/// Makes one PE; `traced` models can write waveforms (and run slower).
using PeModelFactory = std::function<std::unique_ptr<PeModel>(bool traced)>;

/// The Verilated snn_pe with the parameters of hw/spinnaker2/pe-config.json.
std::unique_ptr<PeModel> makeVerilatedPe(bool traced);

} // namespace snnc::rtl

#endif // SNNC_SPINNAKER2_RTL_PEMODEL_H
