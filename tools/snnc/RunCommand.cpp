//===- RunCommand.cpp - `snnc run` ----------------------------------------===//
//
// Runs a chip image (or a network, compiled first) on a simulated chip.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include <iostream>
#include <memory>

namespace snnc::tools {
namespace {
struct RunOptions {
  std::string image;
  std::string input;
  int64_t steps = 0;
  std::string engine = "ref";
};

int runRun(const RunOptions &) {
  std::cerr << "snnc run: the runtime engines are not in this build yet; they "
               "arrive with issue #4 (ref, float) and issue #5 (rtl).\n";
  return kExitUnavailable;
}
} // namespace

void setupRunCommand(CLI::App &app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App *sub = app.add_subcommand("run", "run an image on a simulated chip");
  sub->add_option("image", options->image,
                  "chip image, or a network to "
                  "compile first")
      ->required();
  sub->add_option("--input", options->input, "input spikes (JSON or binary)");
  sub->add_option("--steps", options->steps, "time steps to simulate")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--engine", options->engine, "ref, float or rtl")
      ->check(CLI::IsMember({"ref", "float", "rtl"}))
      ->capture_default_str();
  sub->callback([options] { throw CommandExit{runRun(*options)}; });
}

} // namespace snnc::tools
