//===- ToySections.h - The toy target's own image section -------*- C++ -*-===//
//
// Toy stores every projection as a dense rows x cols float matrix, the way
// a crossbar holds its weights, in section "toy.dense". Its engine reads
// the weights from there, not from the core CSR, so a run proves that a
// target section written by the compile half reaches the runtime half.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TEST_TOY_TOYSECTIONS_H
#define SNNC_TEST_TOY_TOYSECTIONS_H

#include "snnc/image/Image.h"

#include <vector>

namespace snnc::toy {

inline constexpr const char *kDenseSection = "toy.dense";

struct DenseMatrix {
  uint32_t rows = 0;
  uint32_t cols = 0;
  /// Row-major: weight[pre * cols + post].
  std::vector<float> weight;
};

/// One matrix per projection, in Image::projections order.
struct DenseSection : image::SectionData {
  std::vector<DenseMatrix> matrices;

  std::unique_ptr<image::SectionData> clone() const override;
  bool equals(const image::SectionData &other) const override;
};

/// Registers the codec of toy.dense (idempotent).
void registerToySections();

} // namespace snnc::toy

#endif // SNNC_TEST_TOY_TOYSECTIONS_H
