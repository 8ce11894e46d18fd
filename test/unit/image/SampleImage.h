//===- SampleImage.h - Images and directory helpers for the tests ---------===//

#ifndef SNNC_TEST_IMAGE_SAMPLEIMAGE_H
#define SNNC_TEST_IMAGE_SAMPLEIMAGE_H

#include "snnc/image/Image.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace snnc::image::test {

/// An image that exercises every field: all five neuron models, every
/// projection kind (stored from inputs and populations, procedural with both
/// connection rules), an input sliced across two chips with key blocks of
/// two widths, three chips with two-word routes, an empty chip, gaps in the
/// output indices, extreme numbers and non-ASCII names.
///
/// Global slices: 0 and 1 are input 'in' [0, 4) on PE 4 and [4, 6) on PE 65,
/// 2 is input 'cue' on PE 5, and 3-10 the population slices (exc on PEs 0
/// and 1, cuba 2, iff 61, res 62 and 63, readout 3, acc 64).
Image sampleImage();

/// A fresh, empty directory under the system temp dir, removed with the
/// test's ScopedDir.
class ScopedDir {
public:
  ScopedDir();
  ~ScopedDir();
  const std::filesystem::path &path() const { return dir; }
  std::filesystem::path operator/(const std::string &name) const {
    return dir / name;
  }

private:
  std::filesystem::path dir;
};

std::vector<uint8_t> readFile(const std::filesystem::path &path);
void writeFile(const std::filesystem::path &path,
               const std::vector<uint8_t> &bytes);
std::string readText(const std::filesystem::path &path);
void writeText(const std::filesystem::path &path, const std::string &text);

/// Names of the entries of `dir`, sorted.
std::vector<std::string> listDir(const std::filesystem::path &dir);

/// Rewrites manifest.json's size and checksum of `file` to match its
/// current bytes, so that a test can reach the checks behind the checksum.
void resealFile(const std::filesystem::path &image, const std::string &file);

/// FNV-1a 64 as 16 hex digits, computed independently of the library.
std::string fnv1a64Hex(const std::vector<uint8_t> &bytes);

} // namespace snnc::image::test

#endif // SNNC_TEST_IMAGE_SAMPLEIMAGE_H
