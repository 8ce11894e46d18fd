//===- ImageWriter.h - Atomic writing of chip images ------------*- C++ -*-===//
//
// writeImage() never leaves a half-written image behind: the tables and the
// manifest go into a sibling temporary directory that replaces the
// destination in one rename. An existing destination is replaced only when it
// is itself an snnc image; anything else (a regular file, a directory without
// our manifest, a symlink) is user data and is refused.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_IMAGEWRITER_H
#define SNNC_IMAGE_IMAGEWRITER_H

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

#include <functional>
#include <string>

namespace snnc::image {

struct WriteOptions {
  /// Fault injection for tests: called with the name of each step before it
  /// runs ("neurons.bin", ... "manifest.json" for the files, then
  /// "install"); returning false fails that step as an I/O error would.
  std::function<bool(const std::string &step)> beforeStep;
};

/// Validates `image` (validateImage) and writes it to the directory `path`
/// (conventionally `net.img`). The files are a pure function of `image`:
/// writing the same Image twice gives byte-identical directories.
Status writeImage(const Image &image, const std::string &path,
                  const WriteOptions &options = {});

} // namespace snnc::image

#endif // SNNC_IMAGE_IMAGEWRITER_H
