//===- EncodeCommand.cpp - `snnc encode` ----------------------------------===//
//
// Encodes a value file into a spike file, exactly as `snnc run --encode`
// does on the fly (same seed, steps, dt and window give the same spikes),
// so that encoded trains can be inspected, stored and reused.
//
//===----------------------------------------------------------------------===//

#include "CliChecks.h"
#include "Commands.h"
#include "RunIO.h"

#include "snnc/Support/OutputFile.h"
#include "snnc/runtime/Encoding.h"
#include "snnc/runtime/SpikeFile.h"

#include <cstdio>
#include <iostream>
#include <memory>

namespace snnc::tools {
namespace {

struct EncodeOptions {
  std::string input;
  EncoderFlags encoder;
  uint64_t steps = 0;
  double dt = 0;
  uint64_t seed = 1;
  std::string output;
  std::string format = "auto";
};

int runEncode(const EncodeOptions &options) {
  auto fail = [](const std::string &message) {
    std::cerr << "snnc encode: " << message << "\n";
    return kExitError;
  };
  if (std::string why = checkOutputPath(options.output, {options.input}, "-o");
      !why.empty())
    return fail(why);
  image::Expected<runtime::ValueFile> values =
      runtime::readValueFile(options.input);
  if (!values)
    return fail(values.error().message());
  runtime::EncoderOptions encoder = encoderOptions(options.encoder);
  encoder.steps = options.steps;
  encoder.dt = options.dt;
  encoder.seed = options.seed;
  image::Expected<runtime::SpikeFile> file =
      runtime::encodeValues(values.value(), encoder, options.input);
  if (!file)
    return fail(file.error().message());
  if (image::Status ok =
          runtime::writeSpikeFile(file.value(), options.output,
                                  outputFormat(options.format, options.output));
      !ok)
    return fail(ok.error().message());

  std::printf("%s coding over %llu steps, %llu per sample:\n",
              runtime::toString(encoder.coding),
              static_cast<unsigned long long>(options.steps),
              static_cast<unsigned long long>(
                  runtime::encoderWindow(values.value(), encoder)));
  for (const runtime::PortTrace &port : file->ports) {
    uint64_t n = port.train.events.size();
    std::string name = port.name.empty() ? "(unnamed)" : "'" + port.name + "'";
    std::printf("  port %s of %llu elements: %llu spikes", name.c_str(),
                static_cast<unsigned long long>(port.size()),
                static_cast<unsigned long long>(n));
    if (options.dt > 0)
      std::printf(", %.4g Hz per element",
                  static_cast<double>(n) / static_cast<double>(port.size()) /
                      (options.steps * options.dt));
    std::printf("\n");
  }
  std::printf("wrote %s\n", options.output.c_str());
  return kExitOk;
}

} // namespace

void setupEncodeCommand(CLI::App &app) {
  auto options = std::make_shared<EncodeOptions>();
  CLI::App *sub = app.add_subcommand(
      "encode", "encode real values into a spike file (rate or latency code)");
  sub->add_option("values", options->input,
                  "value file (JSON, see docs/formats.md)")
      ->required();
  addEncoderFlags(*sub, options->encoder, "--window");
  sub->get_option("--encode")->required();
  sub->add_option("--steps", options->steps, "time steps of the train")
      ->required()
      ->check(positiveNumber());
  sub->add_option("--dt", options->dt,
                  "time step in seconds (rate coding; use the image's dt)")
      ->check(positiveNumber());
  sub->add_option("--seed", options->seed, "seed of the rate encoder")
      ->capture_default_str();
  sub->add_option("-o,--output", options->output,
                  "spike file to write: JSON, or binary for .spk/.bin")
      ->required();
  sub->add_option("--format", options->format,
                  "form of the output (auto: by its extension)")
      ->check(CLI::IsMember({"auto", "json", "binary"}))
      ->capture_default_str();
  sub->callback([options] { throw CommandExit{runEncode(*options)}; });
}

} // namespace snnc::tools
