//===- VerilatedPe.cpp - The production PE model --------------------------===//

#include "snnc/spinnaker2/rtl/PeModel.h"
#include "snnc/spinnaker2/rtl/VerilatedPeAdapter.h"

#include "Vsnn_pe.h"

namespace snnc::rtl {

std::unique_ptr<PeModel> makeVerilatedPe(bool traced) {
  return std::make_unique<VerilatedPeAdapter<Vsnn_pe>>(traced);
}

} // namespace snnc::rtl
