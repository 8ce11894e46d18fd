//===- XbarUnitModel.h - A crossbar unit as its driver sees it --*- C++ -*-===//
//
// The ports of hw/crossbar/xbar_unit.sv as plain structs, so that the
// driver runs any Verilation of it (the production unit, the test-only
// truncating ADC) through one interface. Reset and waveforms are the
// shared rtl::UnitModel's.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_RTL_XBARUNITMODEL_H
#define SNNC_CROSSBAR_RTL_XBARUNITMODEL_H

#include "snnc/rtl/UnitModel.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace snnc::crossbar::rtl {

struct XbarInputs {
  bool cfgWe = false;
  uint32_t cfgAddr = 0;
  uint32_t cfgData = 0;
  bool cmdValid = false;
  uint8_t cmd = 0;
  uint32_t cmdStep = 0;
  bool pktPush = false;
  uint32_t pktKey = 0;
  /// The analog array's sample of the column the unit asks for.
  int64_t adcSample = 0;
};

struct XbarOutputs {
  bool busy = false;
  bool pktInFull = false;
  bool spikeValid = false;
  uint32_t spikeKey = 0;
  bool recValid = false;
  uint32_t recIdx = 0;
  int32_t recV = 0;
  bool rowValid = false;
  uint32_t rowTile = 0;
  uint32_t row = 0;
  bool readStart = false;
  uint32_t readTile = 0;
  bool adcReq = false;
  uint32_t adcCol = 0;
  uint8_t errCode = 0;
  uint32_t errInfo = 0;
};

class XbarUnitModel : public snnc::rtl::UnitModel {
public:
  /// One clock cycle with `in` applied; outputs() then shows the state
  /// after the edge. The ADC sample must answer the request outputs()
  /// showed before the call.
  virtual void tick(const XbarInputs &in) = 0;
  virtual const XbarOutputs &outputs() const = 0;
  /// Counter `index` (hw/crossbar/xbar_pkg.sv order).
  virtual uint64_t counter(unsigned index) const = 0;
};

/// Makes one unit model; `traced` models can write waveforms.
using XbarUnitFactory =
    std::function<std::unique_ptr<XbarUnitModel>(bool traced)>;

/// The production unit (Vxbar_unit).
std::unique_ptr<XbarUnitModel> makeVerilatedXbarUnit(bool traced);
/// Test only: the unit whose ADC truncates (Vxbar_unit_trunc), behind the
/// unlisted engine name "rtl-trunc-adc".
std::unique_ptr<XbarUnitModel> makeTruncatingAdcXbarUnit(bool traced);

} // namespace snnc::crossbar::rtl

#endif // SNNC_CROSSBAR_RTL_XBARUNITMODEL_H
