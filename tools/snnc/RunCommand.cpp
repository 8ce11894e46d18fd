//===- RunCommand.cpp - `snnc run` ----------------------------------------===//
//
// Runs a chip image (or a network, compiled first) on a simulated chip and
// reports output spikes, counted events, latency and energy.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "snnc/Pipeline/Compile.h"
#include "snnc/image/ImageReader.h"
#include "snnc/runtime/Compare.h"
#include "snnc/runtime/Energy.h"
#include "snnc/runtime/FloatEngine.h"
#include "snnc/runtime/RefEngine.h"
#include "snnc/runtime/SpikeTrain.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace snnc::tools {
namespace {
struct RunOptions {
  std::string image;
  std::string input;
  uint64_t steps = 0;
  std::string engine = "ref";
  std::string compare;
  std::string output;
  std::string report = "table";
  std::string energyModel;
  uint64_t seed = 1;
};

int fail(const std::string &message) {
  std::cerr << "snnc run: " << message << "\n";
  return kExitError;
}

std::unique_ptr<runtime::Engine> makeEngine(const std::string &name,
                                            const image::Image &image) {
  if (name == "float")
    return std::make_unique<runtime::FloatEngine>(image);
  return std::make_unique<runtime::RefEngine>(image);
}

/// Compiles a source network into a temporary image directory.
int compileFirst(RunOptions &options, std::filesystem::path &temp) {
  temp = std::filesystem::temp_directory_path() /
         ("snnc-run-" + std::to_string(::getpid()));
  std::filesystem::create_directories(temp);
  CompileOptions compile;
  compile.input = options.image;
  compile.seed = options.seed;
  compile.output = (temp / "net.img").string();
  compile.report = "none";
  int code = compileNetwork(compile, llvm::outs(), llvm::errs());
  options.image = compile.output;
  return code;
}

void printTable(const runtime::RunResult &result,
                const runtime::EnergyReport &energy, const char *engine) {
  std::printf("engine %s: %llu steps (%s)\n", engine,
              static_cast<unsigned long long>(result.steps),
              result.stopReason == runtime::StopReason::Completed
                  ? "completed"
                  : "stopped early");
  for (const runtime::OutputTrace &out : result.outputs) {
    if (out.kind == image::OutputKind::Spikes)
      std::printf("  output #%u: %zu spikes from %u neurons\n", out.index,
                  out.spikes.size(), out.size);
    else
      std::printf("  output #%u: readout of %u values per step\n", out.index,
                  out.size);
  }
  std::printf("latency per step: %.0f cycles on the busiest PE = %.3g s "
              "(real-time factor %.3g); %llu real-time violations\n",
              energy.maxStepCycles, energy.maxStepSeconds,
              energy.realTimeFactor,
              static_cast<unsigned long long>(result.realTimeViolations));
  std::printf("energy over %.3g s of simulated time:\n", energy.seconds);
  std::printf("  %-22s %14s %14s %14s\n", "component", "events", "J/event",
              "J");
  for (const runtime::EnergyComponent &c : energy.dynamic)
    std::printf("  %-22s %14llu %14.4g %14.4g\n", c.name.c_str(),
                static_cast<unsigned long long>(c.count), c.joulesPerEvent,
                c.joules);
  std::printf("  %-22s %14s %14s %14.4g\n", "dynamic", "", "",
              energy.dynamicJoules);
  std::printf("  %-22s %14s %14s %14.4g\n", "static", "", "",
              energy.staticJoules);
  std::printf("  %-22s %14s %14s %14.4g\n", "total", "", "",
              energy.totalJoules);
  std::printf("  energy per synaptic event: %.4g J\n",
              energy.joulesPerSynapticEvent);
  if (!result.routerHopsModelled)
    std::printf("  (router hops are not modelled for this target layout)\n");
}

int runRun(RunOptions options) {
  if (options.engine == "rtl")
    return std::cerr << "snnc run: the rtl engine is not in this build yet "
                        "(issue #5); use --engine ref or float\n",
           kExitUnavailable;
  std::filesystem::path temp;
  if (!std::filesystem::is_directory(options.image)) {
    int code = compileFirst(options, temp);
    if (code != 0)
      return code;
  }
  image::Expected<image::Image> loaded = image::readImage(options.image);
  if (!temp.empty())
    std::filesystem::remove_all(temp);
  if (!loaded)
    return fail(loaded.error().message());
  const image::Image &image = loaded.value();

  std::vector<runtime::SpikeTrain> inputs;
  if (!options.input.empty()) {
    if (image.inputs.size() != 1)
      return fail("--input takes one spike file, but the image has " +
                  std::to_string(image.inputs.size()) + " input ports");
    image::Expected<runtime::SpikeTrain> train =
        runtime::readSpikeTrain(options.input);
    if (!train)
      return fail(train.error().message());
    image::Status ok =
        runtime::checkSpikeTrain(train.value(), image.inputs[0], options.input);
    if (!ok)
      return fail(ok.error().message());
    inputs.push_back(std::move(train.value()));
  }

  nlohmann::json energyModel =
      image.targetModel.value("energy", nlohmann::json());
  if (!options.energyModel.empty()) {
    std::ifstream in(options.energyModel);
    energyModel =
        nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (energyModel.is_discarded())
      return fail(options.energyModel + ": not valid JSON");
  }

  runtime::RunOptions run;
  run.steps = options.steps;
  std::unique_ptr<runtime::Engine> engine = makeEngine(options.engine, image);
  image::Expected<runtime::RunResult> result = engine->run(inputs, run);
  if (!result)
    return fail(result.error().message());
  image::Expected<runtime::EnergyReport> energy =
      runtime::computeEnergy(image, result.value(), energyModel);
  if (!energy)
    return fail(energy.error().message());

  nlohmann::json report = {{"engine", engine->name()},
                           {"steps", result.value().steps},
                           {"energy", runtime::toJson(energy.value())}};
  if (!options.compare.empty()) {
    std::unique_ptr<runtime::Engine> other = makeEngine(options.compare, image);
    image::Expected<runtime::RunResult> second = other->run(inputs, run);
    if (!second)
      return fail(second.error().message());
    runtime::Comparison cmp = runtime::compare(result.value(), second.value());
    nlohmann::json outputs = nlohmann::json::array();
    for (const runtime::OutputComparison &o : cmp.outputs)
      outputs.push_back({{"index", o.index},
                         {"spike_agreement", o.pairAgreement},
                         {"rate_error", o.rateError},
                         {"readout_max_error", o.maxAbsError},
                         {"readout_rms_error", o.rmsError}});
    report["compare"] = {{"engine", other->name()},
                         {"spike_agreement", cmp.pairAgreement},
                         {"rate_error", cmp.rateError},
                         {"outputs", outputs}};
  }
  if (!options.output.empty()) {
    nlohmann::json outputs = nlohmann::json::array();
    for (const runtime::OutputTrace &out : result.value().outputs) {
      nlohmann::json events = nlohmann::json::array();
      for (const runtime::SpikeEvent &e : out.spikes)
        events.push_back({e.step, e.index});
      outputs.push_back(
          {{"index", out.index},
           {"kind",
            out.kind == image::OutputKind::Spikes ? "spikes" : "current"},
           {"size", out.size},
           {"events", events},
           {"values", out.values}});
    }
    std::ofstream file(options.output);
    file << nlohmann::json{{"outputs", outputs}}.dump() << "\n";
    if (!file)
      return fail("cannot write '" + options.output + "'");
  }
  if (options.report == "json") {
    std::cout << report.dump(2) << "\n";
  } else if (options.report == "table") {
    printTable(result.value(), energy.value(), engine->name());
    if (report.contains("compare")) {
      std::printf("%s vs %s: spike agreement %.6f, output-rate error %.4g\n",
                  engine->name(), options.compare.c_str(),
                  report["compare"]["spike_agreement"].get<double>(),
                  report["compare"]["rate_error"].get<double>());
      for (const nlohmann::json &o : report["compare"]["outputs"])
        std::printf("  output #%d: readout max error %.4g, RMS %.4g\n",
                    o["index"].get<int>(), o["readout_max_error"].get<double>(),
                    o["readout_rms_error"].get<double>());
    }
  }
  return kExitOk;
}
} // namespace

void setupRunCommand(CLI::App &app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App *sub = app.add_subcommand("run", "run an image on a simulated chip");
  sub->add_option("image", options->image,
                  "chip image, or a network (.mlir/.nir) to compile first")
      ->required();
  sub->add_option("--input", options->input, "input spikes (JSON)");
  sub->add_option("--steps", options->steps, "time steps to simulate")
      ->required()
      ->check(CLI::PositiveNumber);
  sub->add_option("--engine", options->engine, "ref, float or rtl")
      ->check(CLI::IsMember({"ref", "float", "rtl"}))
      ->capture_default_str();
  sub->add_option("--compare", options->compare,
                  "also run this engine and report spike agreement")
      ->check(CLI::IsMember({"ref", "float"}));
  sub->add_option("-o,--output", options->output, "output spikes (JSON)");
  sub->add_option("--report", options->report, "report format")
      ->check(CLI::IsMember({"table", "json", "none"}))
      ->capture_default_str();
  sub->add_option("--energy-model", options->energyModel,
                  "JSON file replacing the target's energy coefficients")
      ->check(CLI::ExistingFile);
  sub->add_option("--seed", options->seed,
                  "placement seed when compiling a network first");
  sub->callback([options] { throw CommandExit{runRun(*options)}; });
}

} // namespace snnc::tools
