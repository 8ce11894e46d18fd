//===- InspectCommand.cpp - `snnc inspect` --------------------------------===//
//
// Summarises a chip image: target, geometry, placement and resource use.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "snnc/image/ImageReader.h"
#include "snnc/image/Summary.h"

#include <iostream>
#include <memory>

namespace snnc::tools {
namespace {
struct InspectOptions {
  std::string image;
  bool json = false;
};

int runInspect(const InspectOptions &options) {
  image::Expected<image::Image> loaded = image::readImage(options.image);
  if (!loaded) {
    std::cerr << "snnc inspect: " << loaded.error().message() << "\n";
    return kExitError;
  }
  if (options.json)
    std::cout << loaded.value().report.dump(2) << "\n";
  else
    std::cout << image::summarize(loaded.value());
  return kExitOk;
}
} // namespace

void setupInspectCommand(CLI::App &app) {
  auto options = std::make_shared<InspectOptions>();
  CLI::App *sub = app.add_subcommand("inspect", "summarise a chip image");
  sub->add_option("image", options->image, "chip image directory")->required();
  sub->add_flag("--json", options->json,
                "print the compile report stored in the image as JSON");
  sub->callback([options] { throw CommandExit{runInspect(*options)}; });
}

} // namespace snnc::tools
