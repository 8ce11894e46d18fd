//===- CompileCommand.cpp - `snnc compile` --------------------------------===//
//
// Compiles a network (.mlir, .nir) to a chip image for a target.
//
//===----------------------------------------------------------------------===//

#include "CliChecks.h"
#include "Commands.h"

#include "snnc/Pipeline/Compile.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace snnc::tools {

void setupCompileCommand(CLI::App &app) {
  auto options = std::make_shared<CompileOptions>();
  CLI::App *sub =
      app.add_subcommand("compile", "compile a network to a chip image");
  sub->add_option("input", options->input, "network (.mlir or .nir)")
      ->required();
  sub->add_option("--target", options->target,
                  "target chip (snnc targets lists the built ones; default: "
                  "the first)");
  sub->add_option("--dt", options->dt, "time step in seconds")
      ->check(positiveNumber())
      ->capture_default_str();
  sub->add_option("--rule", options->rule, "discretization rule")
      ->check(CLI::IsMember({"euler", "exact"}))
      ->capture_default_str();
  sub->add_option("--target-config", options->targetConfig,
                  "JSON file overriding target-model fields")
      ->check(CLI::ExistingFile);
  sub->add_option("--seed", options->seed, "seed for placement")
      ->capture_default_str();
  sub->add_option("--firing-probability", options->firingProbability,
                  "assumed spikes per neuron per step (cycle and traffic "
                  "estimates)")
      ->check(numberIn(0.0, 1.0))
      ->capture_default_str();
  sub->add_option("-o,--output", options->output,
                  "image directory to write (default: <input>.img)")
      ->check(CLI::Validator(
          [](std::string &path) {
            return path.empty() ? std::string("names no directory (an empty "
                                              "path)")
                                : std::string();
          },
          ""));
  sub->add_option("--emit-verilog", options->emitVerilog,
                  "also write the compiled network as structural Verilog "
                  "(for targets whose chip is a netlist of it)");
  sub->add_option("--dump-ir-after", options->dumpIrAfter,
                  "print the IR after a pass (its argument) or after all");
  sub->add_flag("--dump-elide-blobs", options->dumpElideBlobs,
                "leave the bytes of large blobs (weights, conductances) out "
                "of dumped IR; the dump then does not parse back");
  sub->add_option("--report", options->report, "report format")
      ->check(CLI::IsMember({"table", "json", "none"}))
      ->capture_default_str();
  sub->add_flag("--remarks", options->remarks,
                "print each projection's quantization remark");
  sub->callback([options] {
    throw CommandExit{compileNetwork(*options, llvm::outs(), llvm::errs())};
  });
}

} // namespace snnc::tools
