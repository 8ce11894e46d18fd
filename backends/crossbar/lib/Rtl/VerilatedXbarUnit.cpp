//===- VerilatedXbarUnit.cpp - The production crossbar unit model ---------===//

#include "snnc/crossbar/rtl/VerilatedXbarUnit.h"

#include "Vxbar_unit.h"

namespace snnc::crossbar::rtl {

std::unique_ptr<XbarUnitModel> makeVerilatedXbarUnit(bool traced) {
  return std::make_unique<VerilatedXbarUnit<Vxbar_unit>>(traced);
}

} // namespace snnc::crossbar::rtl
