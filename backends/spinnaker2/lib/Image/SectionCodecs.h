//===- SectionCodecs.h - Codecs of spinnaker2's image sections --*- C++ -*-===//

#ifndef SNNC_SPINNAKER2_SECTIONCODECS_H
#define SNNC_SPINNAKER2_SECTIONCODECS_H

#include "snnc/spinnaker2/ImageSections.h"

#include <memory>

namespace snnc::spinnaker2::detail {

std::unique_ptr<image::SectionCodec> makeFixedPointCodec();
std::unique_ptr<image::SectionCodec> makeRoutingCodec();

} // namespace snnc::spinnaker2::detail

#endif // SNNC_SPINNAKER2_SECTIONCODECS_H
