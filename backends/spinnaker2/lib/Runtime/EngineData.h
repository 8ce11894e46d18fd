//===- EngineData.h - What an engine keeps between runs ---------*- C++ -*-===//

#ifndef SNNC_SPINNAKER2_ENGINEDATA_H
#define SNNC_SPINNAKER2_ENGINEDATA_H

#include "ProceduralCache.h"
#include "Topology.h"

namespace snnc::runtime::detail {

/// Everything that depends on the image alone, so that repeated runs do not
/// rebuild it; run state lives in a fresh Simulator per run.
struct EngineData {
  explicit EngineData(const image::Image &image)
      : image(image), topology(buildTopology(image)), procedural(image) {}

  const image::Image &image;
  Topology topology;
  ProceduralCache procedural;
};

} // namespace snnc::runtime::detail

#endif // SNNC_SPINNAKER2_ENGINEDATA_H
