//===- InspectCommand.cpp - `snnc inspect` --------------------------------===//
//
// Summarises a chip image: target, geometry, placement and resource use.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include <iostream>
#include <memory>

namespace snnc::tools {
namespace {
struct InspectOptions {
  std::string image;
};

int runInspect(const InspectOptions &) {
  std::cerr << "snnc inspect: chip images are not in this build yet; they "
               "arrive with issue #3.\n";
  return kExitUnavailable;
}
} // namespace

void setupInspectCommand(CLI::App &app) {
  auto options = std::make_shared<InspectOptions>();
  CLI::App *sub = app.add_subcommand("inspect", "summarise a chip image");
  sub->add_option("image", options->image, "chip image")->required();
  sub->callback([options] { throw CommandExit{runInspect(*options)}; });
}

} // namespace snnc::tools
