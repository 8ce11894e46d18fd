//===- ImageSections.h - The crossbar target's image sections ---*- C++ -*-===//
//
// crossbar.tiles holds what was programmed: every tile's block of a
// projection, its delay, and the conductances of both devices of every
// cell (f32 siemens, G+ then G- per tile). The manifest header lists the
// tiles with their shape and an FNV-1a checksum each, so a damaged file is
// refused naming the tile.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_IMAGESECTIONS_H
#define SNNC_CROSSBAR_IMAGESECTIONS_H

#include "snnc/crossbar/TileMap.h"
#include "snnc/image/Section.h"

namespace snnc::crossbar {

inline constexpr const char *kTargetName = "crossbar";
inline constexpr const char *kTilesSection = "crossbar.tiles";

struct TileSection : image::SectionData {
  TileMap map;

  std::unique_ptr<image::SectionData> clone() const override;
  bool equals(const image::SectionData &other) const override;
};

/// Registers the codecs of the crossbar's sections (idempotent).
void registerImageSections();

} // namespace snnc::crossbar

#endif // SNNC_CROSSBAR_IMAGESECTIONS_H
