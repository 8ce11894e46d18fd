//===- VerilatedXbarUnitTrunc.cpp - The unit with a truncating ADC --------===//
//
// Test only: Vxbar_unit_trunc, whose ADC truncates toward zero instead of
// rounding half away from zero, so that a differential test run through
// `snnc run --engine rtl-trunc-adc` can show that it catches a wrong ADC.
//
//===----------------------------------------------------------------------===//

#include "snnc/crossbar/rtl/VerilatedXbarUnit.h"

#include "Vxbar_unit_trunc.h"

namespace snnc::crossbar::rtl {

std::unique_ptr<XbarUnitModel> makeTruncatingAdcXbarUnit(bool traced) {
  return std::make_unique<VerilatedXbarUnit<Vxbar_unit_trunc>>(traced);
}

} // namespace snnc::crossbar::rtl
