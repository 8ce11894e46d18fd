//===- ImageSections.h - spinnaker2's own sections of a chip image -*- C++
//-*-===//
//
// What the many-core chip needs beyond the core image: the fixed-point form
// of every neuron and weight (docs/numerics.md §3), and the multicast
// routing state (a key block per slice, a router table per chip). Both are
// required in every spinnaker2 image; the codecs (SectionCodecs.cpp) write,
// read, validate and summarise them, and engines reach them through
// fixedPoint() and routing().
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_IMAGESECTIONS_H
#define SNNC_SPINNAKER2_IMAGESECTIONS_H

#include "snnc/image/Image.h"

#include <cstdint>
#include <vector>

namespace snnc::spinnaker2 {

inline constexpr const char *kTargetName = "spinnaker2";
inline constexpr const char *kFixedPointSection = "spinnaker2.fixed_point";
inline constexpr const char *kRoutingSection = "spinnaker2.routing";

/// Fixed-point constants of one neuron for the ref engine and the RTL
/// (docs/numerics.md §3). Fields a model does not use are 0.
struct FixedNeuron {
  int32_t decayQ = 0;
  int32_t gainM = 0;
  int32_t gainS = 0;
  int32_t driveQ = 0;
  int32_t biasQ = 0;
  int32_t thresholdQ = 0;
  int32_t resetQ = 0;
  int32_t synDecayQ = 0;
  int32_t synGainM = 0;
  int32_t synGainS = 0;
};

struct PopulationFixedPoint {
  /// Current per LSB of the input accumulator, voltage per LSB of v.
  double sIn = 1;
  double sV = 1;
  /// One per neuron.
  std::vector<FixedNeuron> neurons;
};

struct ProjectionFixedPoint {
  /// w_q << shift lands in the target's accumulator; scale is
  /// target sIn * 2^shift exactly, so the real weight is w_q * scale.
  int32_t shift = 0;
  double scale = 1;
  /// w_q in [-32767, 32767], one per stored synapse (empty for procedural
  /// projections, whose w_q are regenerated with quantizeWeight()).
  std::vector<int16_t> weightQ;
};

/// Parallel to Image::populations and Image::projections.
struct FixedPointSection : image::SectionData {
  std::vector<PopulationFixedPoint> populations;
  std::vector<ProjectionFixedPoint> projections;

  std::unique_ptr<image::SectionData> clone() const override {
    return std::make_unique<FixedPointSection>(*this);
  }
  bool equals(const image::SectionData &other) const override;
};

/// A spike of local element i of a slice travels with key `base | i`.
struct SliceKey {
  uint32_t base = 0;
  /// Contiguous high ones; the clear low bits number the slice's elements.
  uint32_t mask = 0;
};

/// An entry matches key k when (k & mask) == key; earlier entries win.
struct RoutingEntry {
  uint32_t key = 0;
  uint32_t mask = 0;
  /// Index into the table's route pool.
  uint32_t route = 0;
};

/// One chip's multicast router.
struct RouterTable {
  std::vector<RoutingEntry> entries;
  /// Route r is routeWords[r * wordsPerRoute .. (r + 1) * wordsPerRoute):
  /// bit i < numLinks is chip link i, bit numLinks + p is local PE p.
  std::vector<uint64_t> routeWords;
};

struct RoutingSection : image::SectionData {
  /// One per slice, in the global slice order (image::listSlices).
  std::vector<SliceKey> keys;
  /// Equals the layout's link count.
  uint32_t numLinks = 0;
  /// (numLinks + pesPerChip + 63) / 64.
  uint32_t wordsPerRoute = 0;
  /// Whether a packet arriving on a link that matches no entry leaves on
  /// the opposite link.
  bool defaultRoute = true;
  /// One per chip in use.
  std::vector<RouterTable> tables;

  std::unique_ptr<image::SectionData> clone() const override {
    return std::make_unique<RoutingSection>(*this);
  }
  bool equals(const image::SectionData &other) const override;
};

bool operator==(const FixedNeuron &a, const FixedNeuron &b);
bool operator==(const PopulationFixedPoint &a, const PopulationFixedPoint &b);
bool operator==(const ProjectionFixedPoint &a, const ProjectionFixedPoint &b);
bool operator==(const SliceKey &a, const SliceKey &b);
bool operator==(const RoutingEntry &a, const RoutingEntry &b);
bool operator==(const RouterTable &a, const RouterTable &b);

/// Registers the codecs of both sections (idempotent). Both halves of the
/// target call it, since the compiler writes images and the runtime reads
/// them.
void registerImageSections();

/// The sections of a spinnaker2 image; readImage() and writeImage() have
/// checked that they exist and match the core image.
const FixedPointSection &fixedPoint(const image::Image &image);
const RoutingSection &routing(const image::Image &image);
FixedPointSection &fixedPoint(image::Image &image);
RoutingSection &routing(image::Image &image);

} // namespace snnc::spinnaker2

#endif // SNNC_SPINNAKER2_IMAGESECTIONS_H
