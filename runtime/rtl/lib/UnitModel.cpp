//===- UnitModel.cpp - What every simulated hardware unit offers ----------===//

#include "snnc/rtl/UnitModel.h"

namespace snnc::rtl {

UnitModel::~UnitModel() = default;

} // namespace snnc::rtl
