//===- ImageSource.cpp - The image a run, eval or fit works on ------------===//

#include "ImageSource.h"

#include "snnc/Support/InputFile.h"
#include "snnc/Support/Json.h"
#include "snnc/image/ImageReader.h"

#include "llvm/Support/raw_ostream.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace snnc::tools {

image::Expected<LoadedImage> loadOrCompile(const std::string &path,
                                           CompileOptions compile) {
  std::filesystem::path temp;
  std::string dir = path;
  // Neither an image directory nor a network file: say so in the words of
  // the command that was run, not of the compile it would have started.
  if (!std::filesystem::is_directory(path))
    if (std::string why = checkInputFile(path); !why.empty())
      return image::ImageError{"", why + " (give a chip image directory or "
                                         "a network, .mlir or .nir)"};
  if (!std::filesystem::is_directory(path)) {
    temp = std::filesystem::temp_directory_path() /
           ("snnc-" + std::to_string(::getpid()) + "-" +
            std::filesystem::path(path).stem().string());
    std::filesystem::create_directories(temp);
    compile.input = path;
    compile.output = (temp / "net.img").string();
    compile.report = "none";
    if (compileNetwork(compile, llvm::outs(), llvm::errs()) != 0) {
      std::filesystem::remove_all(temp);
      return image::ImageError{"", ""};
    }
    dir = compile.output;
  }
  // The target first: an image of a target this snnc lacks has sections no
  // codec here can read, and the target's name is the useful message.
  if (image::Expected<std::string> targetName = image::readImageTarget(dir))
    if (image::Expected<const runtime::TargetRuntime *> found =
            runtime::lookupTargetRuntime(*targetName);
        !found) {
      if (!temp.empty())
        std::filesystem::remove_all(temp);
      return image::ImageError{path, found.error().message()};
    }
  image::Expected<image::Image> loaded = image::readImage(dir);
  if (!temp.empty())
    std::filesystem::remove_all(temp);
  if (!loaded)
    return loaded.error();
  image::Expected<const runtime::TargetRuntime *> found =
      runtime::lookupTargetRuntime(loaded->targetName);
  if (!found)
    return image::ImageError{path, found.error().message()};
  return LoadedImage{std::move(loaded.value()), found.value()};
}

image::Expected<nlohmann::json>
chooseEnergyModel(const runtime::TargetRuntime &target,
                  const std::string &energyModelFile,
                  const std::string &operatingPoint) {
  if (!energyModelFile.empty()) {
    if (std::string why = checkInputFile(energyModelFile); !why.empty())
      return image::ImageError{"", "energy model: " + why};
    std::ifstream in(energyModelFile);
    std::stringstream text;
    text << in.rdbuf();
    JsonParse model = parseJson(text.str());
    if (!model.value)
      return image::ImageError{energyModelFile,
                               "not valid JSON: " + describeJsonError(model)};
    if (!model.value->is_object())
      return image::ImageError{energyModelFile, "not a JSON object"};
    return std::move(*model.value);
  }
  std::vector<runtime::NamedEnergyModel> models = target.energyModels();
  if (models.empty())
    return image::ImageError{"", "target '" + target.name() +
                                     "' ships no energy model"};
  if (operatingPoint.empty())
    return models.front().model;
  std::string names;
  for (const runtime::NamedEnergyModel &m : models) {
    if (m.name == operatingPoint)
      return m.model;
    names += (names.empty() ? "" : ", ") + m.name;
  }
  return image::ImageError{"", "target '" + target.name() +
                                   "' has no operating point '" +
                                   operatingPoint + "'; it has " + names};
}

} // namespace snnc::tools
