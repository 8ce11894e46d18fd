//===- ImageReader.h - Validating reader of chip images ---------*- C++ -*-===//
//
// readImage() trusts nothing on disk: every count, offset, index and number
// is checked before it is used, sizes are checked against the files before
// anything is allocated, and every error names the file (and the element)
// at fault. Corrupt input yields an ImageError, never a crash.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_IMAGEREADER_H
#define SNNC_IMAGE_IMAGEREADER_H

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

#include <string>

namespace snnc::image {

/// Reads the image directory `path`; the result passes validateImage().
Expected<Image> readImage(const std::string &path);

/// The target an image was compiled for, from its manifest alone, so that a
/// tool can say "target 'x' is not built in" before the sections of that
/// target (whose codecs it lacks) are read.
Expected<std::string> readImageTarget(const std::string &path);

} // namespace snnc::image

#endif // SNNC_IMAGE_IMAGEREADER_H
