//===- RunSetup.h - What every engine checks and builds per run -*- C++ -*-===//
//
// The input check and the empty output traces that start every engine's
// run (defined in Engine.cpp), for engines outside this library's step
// loop, such as the rtl engine.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_RUNSETUP_H
#define SNNC_RUNTIME_RUNSETUP_H

#include "snnc/runtime/Engine.h"

namespace snnc::runtime::detail {

/// Checks one train per input port.
Status checkInputs(const image::Image &image,
                   const std::vector<SpikeTrain> &inputs);

/// Empty traces for the image's outputs.
std::vector<OutputTrace> makeTraces(const image::Image &image, uint64_t steps);

} // namespace snnc::runtime::detail

#endif // SNNC_RUNTIME_RUNSETUP_H
