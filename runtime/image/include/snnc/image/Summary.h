//===- Summary.h - Human summary of a chip image ----------------*- C++ -*-===//
//
// What `snnc inspect net.img` prints: aligned tables of the target, chips
// and PEs, time step, populations, projections, ports, each target
// section as its codec summarises it, and files.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_SUMMARY_H
#define SNNC_IMAGE_SUMMARY_H

#include "snnc/image/Image.h"

#include <string>

namespace snnc::image {

/// A multi-line, column-aligned summary ending in a newline. File sizes are
/// those writeImage() produces for this Image.
std::string summarize(const Image &image);

} // namespace snnc::image

#endif // SNNC_IMAGE_SUMMARY_H
