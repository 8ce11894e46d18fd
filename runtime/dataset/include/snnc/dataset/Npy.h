//===- Npy.h - Reader of NumPy .npy arrays ----------------------*- C++ -*-===//
//
// The simple container for datasets that are not IDX files (issue #13):
// one .npy array of values and one of labels. A .npy file is the magic
// "\x93NUMPY", a version, a header length, a Python-dict header giving
// 'descr', 'fortran_order' and 'shape', then the raw values. C order only;
// little-endian or byte-sized unsigned, signed and floating types are read
// and widened to double.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_DATASET_NPY_H
#define SNNC_DATASET_NPY_H

#include "snnc/image/ImageError.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snnc::dataset {

struct NpyArray {
  std::vector<uint64_t> shape;
  /// The numpy dtype string, e.g. "<f4".
  std::string descr;
  /// Row-major.
  std::vector<double> values;
};

/// Reads `path`, refusing with the byte offset and the field: a bad magic or
/// version, a malformed header, Fortran order, an unsupported dtype, a size
/// that does not match the shape and trailing or missing bytes.
image::Expected<NpyArray> readNpy(const std::string &path);

} // namespace snnc::dataset

#endif // SNNC_DATASET_NPY_H
