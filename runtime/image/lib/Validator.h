//===- Validator.h - Checks behind validateImage() --------------*- C++ -*-===//
//
// Private to the library: the checks of manifest metadata (Validate.cpp)
// and of the binary tables (ValidateTables.cpp) share this class. A check
// throws a Violation, which validateImage() turns into its result.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_VALIDATOR_H
#define SNNC_IMAGE_VALIDATOR_H

#include "snnc/image/detail/Names.h"

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

#include <string>

namespace snnc::image::detail {

struct Violation {
  ImageError error;
};

[[noreturn]] inline void fail(const char *file, std::string what) {
  throw Violation{{file, std::move(what)}};
}

inline constexpr const char *kManifest = "manifest.json";
inline constexpr const char *kNeurons = "neurons.bin";
inline constexpr const char *kSlices = "slices.bin";
inline constexpr const char *kPlacement = "placement.bin";
inline constexpr const char *kSynapses = "synapses.bin";
inline constexpr const char *kLayout = "layout.bin";

inline std::string num(double v) { return formatDouble(v); }

class Validator {
public:
  explicit Validator(const Image &image) : image(image) {}

  /// The core sections.
  void runCore() {
    checkMetadata();
    for (size_t p = 0; p < image.populations.size(); ++p)
      checkPopulation(image.populations[p]);
    checkOutputs();
    checkProjectionHeaders();
    for (size_t p = 0; p < image.populations.size(); ++p)
      checkNeurons(image.populations[p]);
    checkSlices();
    for (const Projection &q : image.projections)
      if (!q.isProcedural)
        checkStored(q);
    checkLayout();
  }
  /// The target sections, through their codecs; needs a valid core.
  void runTarget() { checkTargetSections(); }

private:
  std::string pop(uint32_t index) const {
    return describe("population", index, image.populations[index].name);
  }
  std::string proj(const Projection &q) const {
    return describe("projection", &q - image.projections.data(), q.name);
  }
  /// "input 'in'", "population 'exc'": whose slice `ref` is.
  std::string sliceOwner(const SliceRef &ref) const;
  /// "input 'in' slice 1", "population 'exc' slice 0".
  std::string sliceName(const SliceRef &ref) const;

  void checkMetadata();
  void checkPopulation(const Population &population);
  void checkOutputs();
  void checkProjectionHeaders();
  void checkProcedural(const Projection &q, uint32_t rows);
  void checkNeurons(const Population &population);
  void checkSlices();
  /// Slices of one port or population (`ref` names the first); numbers them
  /// from `global` on and records their PEs in `hosted`.
  void checkTiling(const std::vector<Slice> &slices, uint32_t size,
                   SliceRef ref, std::vector<uint32_t> &hosted,
                   uint32_t &global, const std::vector<SliceRef> &refs);
  void checkStored(const Projection &q);
  void checkLayout();
  void checkTargetSections();

  const Image &image;
};

/// validateImage() without the target sections: what a target codec may
/// rely on when it decodes its sections.
Status validateCore(const Image &image);

} // namespace snnc::image::detail

#endif // SNNC_IMAGE_VALIDATOR_H
