//===- ImageSource.h - The image a run, eval or fit works on ----*- C++ -*-===//
//
// `snnc run`, `snnc eval` and `snnc fit` take an image directory or a
// network to compile first, and price runs with the target's energy model
// of an operating point or with a user's file; these helpers do both alike.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_IMAGESOURCE_H
#define SNNC_TOOLS_IMAGESOURCE_H

#include "snnc/Pipeline/Compile.h"
#include "snnc/image/Image.h"
#include "snnc/runtime/TargetRuntime.h"

#include <nlohmann/json.hpp>

#include <string>

namespace snnc::tools {

struct LoadedImage {
  image::Image image;
  const runtime::TargetRuntime *target = nullptr;
};

/// Reads the image at `path`, or, when `path` is not a directory, compiles
/// the network there with `compile` (its input and output are set here)
/// into a temporary directory that is removed again. Compile errors are
/// printed by the compiler; the returned error is then empty.
image::Expected<LoadedImage> loadOrCompile(const std::string &path,
                                           CompileOptions compile);

/// A user's energy-model file, else the target's model of the named
/// operating point, else its first.
image::Expected<nlohmann::json>
chooseEnergyModel(const runtime::TargetRuntime &target,
                  const std::string &energyModelFile,
                  const std::string &operatingPoint);

} // namespace snnc::tools

#endif // SNNC_TOOLS_IMAGESOURCE_H
