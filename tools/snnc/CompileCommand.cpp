//===- CompileCommand.cpp - `snnc compile` --------------------------------===//
//
// Compiles a network (.mlir, .nir) to a chip image for a target.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include <iostream>
#include <memory>

namespace snnc::tools {
namespace {
struct CompileOptions {
  std::string input;
  std::string target = "spinnaker2";
  std::string output;
};

int runCompile(const CompileOptions &) {
  std::cerr << "snnc compile: the compiler pipeline (discretize, quantize, "
               "partition, place, route, image) is not in this build yet; "
               "it arrives with issue #3. Use snnc-opt for IR-level work.\n";
  return kExitUnavailable;
}
} // namespace

void setupCompileCommand(CLI::App &app) {
  auto options = std::make_shared<CompileOptions>();
  CLI::App *sub = app.add_subcommand("compile", "compile a network to a chip "
                                                "image");
  sub->add_option("input", options->input, "network (.mlir or .nir)")
      ->required();
  sub->add_option("--target", options->target, "target chip")
      ->capture_default_str();
  sub->add_option("-o,--output", options->output, "image to write");
  sub->callback([options] { throw CommandExit{runCompile(*options)}; });
}

} // namespace snnc::tools
