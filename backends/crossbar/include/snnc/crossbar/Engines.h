//===- Engines.h - The crossbar target's C++ engines ------------*- C++ -*-===//
//
// `ref` runs the chip: tile reads with the image's programmed conductances,
// read noise and the ADC, and the integer periphery. `float` runs the
// network without device effects: the real weights each tile stands for,
// in double, with the float neuron every target's float engine shares. Both
// count the same events (saturations aside, which only an ADC has).
// `rtl` runs the chip's digital half on Verilated hw/crossbar units beside
// the same behavioural analog array as ref, bit for bit with ref.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_ENGINES_H
#define SNNC_CROSSBAR_ENGINES_H

#include "snnc/crossbar/rtl/RtlOptions.h"
#include "snnc/runtime/Engine.h"

#include <memory>

namespace snnc::crossbar {

runtime::Expected<std::unique_ptr<runtime::Engine>>
makeRefEngine(const image::Image &image);
runtime::Expected<std::unique_ptr<runtime::Engine>>
makeFloatEngine(const image::Image &image);
/// The rtl engine; `image` must outlive it. Units are built and loaded on
/// the first run, which reports their errors.
runtime::Expected<std::unique_ptr<runtime::Engine>>
makeRtlEngine(const image::Image &image, rtl::RtlOptions options = {});

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_ENGINES_H
