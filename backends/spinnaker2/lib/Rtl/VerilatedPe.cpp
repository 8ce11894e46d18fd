//===- VerilatedPe.cpp - The production PE model --------------------------===//

#include "snnc/rtl/PeModel.h"
#include "snnc/rtl/VerilatedPeAdapter.h"

#include "Vsnn_pe.h"

namespace snnc::rtl {

PeModel::~PeModel() = default;

std::unique_ptr<PeModel> makeVerilatedPe(bool traced) {
  return std::make_unique<VerilatedPeAdapter<Vsnn_pe>>(traced);
}

} // namespace snnc::rtl
