//===- Engines.h - The crossbar target's C++ engines ------------*- C++ -*-===//
//
// `ref` runs the chip: tile reads with the image's programmed conductances,
// read noise and the ADC, and the integer periphery. `float` runs the
// network without device effects: the real weights each tile stands for,
// in double, with the float neuron every target's float engine shares. Both
// count the same events (saturations aside, which only an ADC has).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_ENGINES_H
#define SNNC_CROSSBAR_ENGINES_H

#include "snnc/runtime/Engine.h"

#include <memory>

namespace snnc::crossbar {

runtime::Expected<std::unique_ptr<runtime::Engine>>
makeRefEngine(const image::Image &image);
runtime::Expected<std::unique_ptr<runtime::Engine>>
makeFloatEngine(const image::Image &image);

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_ENGINES_H
