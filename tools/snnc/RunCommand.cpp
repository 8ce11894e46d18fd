//===- RunCommand.cpp - `snnc run` ----------------------------------------===//
//
// Runs a chip image (or a network, compiled first) on a simulated chip and
// reports output spikes, counted events, latency and energy.
//
//===----------------------------------------------------------------------===//

#include "CliChecks.h"
#include "Commands.h"
#include "ImageSource.h"
#include "OutputDir.h"
#include "Plot.h"
#include "ProgressBar.h"
#include "RunIO.h"
#include "RunReport.h"

#include "snnc/Pipeline/Compile.h"
#include "snnc/Support/OutputFile.h"
#include "snnc/runtime/Compare.h"
#include "snnc/runtime/Energy.h"
#include "snnc/runtime/SpikeTrain.h"
#include "snnc/runtime/TargetRuntime.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <utility>

namespace snnc::tools {
namespace {
struct RunOptions {
  std::string image;
  uint64_t steps = 0;
  /// Empty: the target's default engine.
  std::string engine;
  std::string compare;
  RunIOOptions io;
  std::string report = "table";
  std::string energyModel;
  std::string operatingPoint;
  uint64_t seed = 1;
  /// When compiling a network first.
  std::string target;
  std::string targetConfig;
  uint64_t stepsPerInference = 0;
  std::string plot;
  bool noProgress = false;
  /// rtl engine waveforms: file, global PE (-1: the first), steps A[:B].
  std::string vcd;
  int64_t vcdPe = -1;
  std::string vcdSteps = "0:9";
};

int fail(const std::string &message) {
  std::cerr << "snnc run: " << message << "\n";
  return kExitError;
}

int runRun(RunOptions options) {
  if (options.stepsPerInference &&
      options.steps % options.stepsPerInference != 0)
    return fail("--steps " + std::to_string(options.steps) +
                " is not a whole number of inferences of "
                "--steps-per-inference " +
                std::to_string(options.stepsPerInference));
  // One inference window serves decoding, encoding and energy alike.
  options.io.decodeWindow = options.stepsPerInference;
  // Outputs are checked before the run: none may overwrite what it reads.
  std::vector<std::string> readFiles = {options.image, options.io.input,
                                        options.energyModel,
                                        options.targetConfig};
  for (const auto &[flag, path] :
       {std::pair<std::string, std::string>{"-o", options.io.output},
        {"--vcd", options.vcd}})
    if (!path.empty())
      if (std::string why = checkOutputPath(path, readFiles, flag);
          !why.empty())
        return fail(why);
  if (!options.plot.empty())
    if (std::string why =
            checkOutputDir(options.plot, plotNames(), readFiles, "--plot");
        !why.empty())
      return fail(why);
  // The waveform is written beside its destination and moved into place
  // only when the run succeeds.
  std::optional<PendingOutput> vcd;
  runtime::EngineOptions engineOptions;
  if (!options.vcd.empty()) {
    if (options.engine != "rtl")
      return fail("--vcd needs --engine rtl");
    // The option's validator (stepRange) has checked the text.
    auto [first, last] = *parseStepRange(options.vcdSteps);
    vcd.emplace(options.vcd);
    if (!vcd->ok())
      return fail(vcd->error());
    engineOptions.tracePath = vcd->path();
    engineOptions.traceUnit = options.vcdPe;
    engineOptions.traceFirstStep = first;
    engineOptions.traceLastStep = last;
  }
  CompileOptions compile;
  compile.seed = options.seed;
  compile.target = options.target;
  compile.targetConfig = options.targetConfig;
  image::Expected<LoadedImage> loaded = loadOrCompile(options.image, compile);
  if (!loaded)
    return loaded.error().message().empty() ? kExitError
                                            : fail(loaded.error().message());
  const image::Image &image = loaded->image;
  const runtime::TargetRuntime &target = *loaded->target;
  if (image::Status length = runtime::checkRunLength(image, options.steps,
                                                     options.io.decodeWindow);
      !length)
    return fail(length.error().message());

  image::Expected<std::vector<runtime::SpikeTrain>> loadedInputs =
      loadRunInputs(image, options.io, options.steps, options.seed);
  if (!loadedInputs)
    return fail(loadedInputs.error().message());
  const std::vector<runtime::SpikeTrain> &inputs = loadedInputs.value();

  image::Expected<nlohmann::json> chosenModel =
      chooseEnergyModel(target, options.energyModel, options.operatingPoint);
  if (!chosenModel)
    return fail(chosenModel.error().message());
  const nlohmann::json &energyModel = chosenModel.value();

  runtime::RunOptions run;
  run.steps = options.steps;
  run.recordAllSpikes = !options.plot.empty();
  if (options.engine.empty())
    options.engine = target.engines().front();
  image::Expected<std::unique_ptr<runtime::Engine>> made =
      target.createEngine(options.engine, image, engineOptions);
  if (!made)
    return fail(made.error().message());
  std::unique_ptr<runtime::Engine> engine = std::move(made.value());
  std::unique_ptr<ProgressBar> bar =
      makeProgressBar(engine->name(), options.steps, !options.noProgress);
  image::Expected<runtime::RunResult> result =
      engine->run(inputs, run, bar.get());
  bar.reset();
  if (!result) {
    std::string message = result.error().message();
    // The engine names the temporary waveform; the user named another path.
    if (vcd)
      for (size_t at; (at = message.find(vcd->path())) != std::string::npos;)
        message.replace(at, vcd->path().size(), options.vcd);
    return fail(message);
  }
  if (vcd)
    if (std::string why = vcd->commit(); !why.empty())
      return fail(why);
  image::Expected<runtime::EnergyReport> energy = runtime::computeEnergy(
      target, image, result.value(), energyModel, options.stepsPerInference);
  if (!energy)
    return fail(energy.error().message());

  image::Expected<runtime::DecodedRun> decoded =
      runtime::decodeRun(image, result.value(), options.io.decodeWindow);
  if (!decoded)
    return fail(decoded.error().message());

  nlohmann::json counters = nlohmann::json::object();
  for (const runtime::CounterClass &c :
       result.value().counters.schema()->classes())
    counters[c.name] = result.value().counters.value(c.name);
  nlohmann::json report = {{"engine", engine->name()},
                           {"target", target.name()},
                           {"steps", result.value().steps},
                           {"counters", counters},
                           {"energy", runtime::toJson(energy.value())},
                           {"decoded", runtime::toJson(decoded.value())}};
  double clockHz = energy.value().clockHz;
  if (nlohmann::json extra = engine->extraReport(clockHz); !extra.is_null())
    report[engine->name()] = extra;
  if (!options.compare.empty()) {
    image::Expected<std::unique_ptr<runtime::Engine>> madeOther =
        target.createEngine(options.compare, image, {});
    if (!madeOther)
      return fail(madeOther.error().message());
    std::unique_ptr<runtime::Engine> other = std::move(madeOther.value());
    run.recordAllSpikes = false;
    bar = makeProgressBar(other->name(), options.steps, !options.noProgress);
    image::Expected<runtime::RunResult> second =
        other->run(inputs, run, bar.get());
    bar.reset();
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
    nlohmann::json differing = nlohmann::json::array();
    for (const runtime::CounterDifference &d :
         runtime::differences(result.value().counters, second.value().counters))
      differing.push_back({{"counter", d.name},
                           {engine->name(), d.first ? nlohmann::json(*d.first)
                                                    : nlohmann::json()},
                           {other->name(), d.second ? nlohmann::json(*d.second)
                                                    : nlohmann::json()},
                           {"text", runtime::describe(d)}});
    report["compare"] = {{"engine", other->name()},
                         {"counters_equal", differing.empty()},
                         {"counters_differing", differing},
                         {"spike_agreement", cmp.pairAgreement},
                         {"rate_error", cmp.rateError},
                         {"outputs", outputs}};
  }
  if (image::Status written =
          writeRunOutput(image, result.value(), decoded.value(), options.io);
      !written)
    return fail(written.error().message());
  if (!options.plot.empty()) {
    PlotData plot{image, result.value(), energy.value(), inputs,
                  engine->name()};
    if (image::Status ok = writePlots(options.plot, plot); !ok)
      return fail(ok.error().message());
  }
  if (options.report == "json") {
    std::cout << report.dump(2) << "\n";
  } else if (options.report == "table") {
    printTable(result.value(), energy.value(), engine->name());
    printDecoded(decoded.value());
    if (std::string extra = engine->describeExtra(clockHz); !extra.empty())
      std::printf("%s\n", extra.c_str());
    if (report.contains("compare")) {
      std::printf("%s vs %s: spike agreement %.6f, output-rate error %.4g\n",
                  engine->name(), options.compare.c_str(),
                  report["compare"]["spike_agreement"].get<double>(),
                  report["compare"]["rate_error"].get<double>());
      const nlohmann::json &differing = report["compare"]["counters_differing"];
      std::printf("%s vs %s: event counters %s\n", engine->name(),
                  options.compare.c_str(),
                  differing.empty() ? "identical" : "differ:");
      for (const nlohmann::json &d : differing)
        std::printf("  %s\n", d["text"].get<std::string>().c_str());
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
  addRunIOOptions(*sub, options->io);
  sub->add_option("--steps", options->steps, "time steps to simulate")
      ->required()
      ->check(positiveNumber());
  sub->add_option("--engine", options->engine,
                  "an engine of the image's target (snnc targets lists "
                  "them; default: the target's first, its golden model)");
  sub->add_option("--compare", options->compare,
                  "also run this engine and report spike agreement and "
                  "which event counters differ");
  sub->add_option("--report", options->report, "report format")
      ->check(CLI::IsMember({"table", "json", "none"}))
      ->capture_default_str();
  sub->add_option("--energy-model", options->energyModel,
                  "JSON file replacing the target's energy coefficients")
      ->check(CLI::ExistingFile);
  sub->add_option("--operating-point", options->operatingPoint,
                  "price with the target's energy model of this operating "
                  "point (snnc targets lists them; default: the first)");
  sub->add_option("--target", options->target,
                  "target to compile a network for (default: the first "
                  "built)");
  sub->add_option("--target-config", options->targetConfig,
                  "JSON file overriding fields of the target model, when "
                  "compiling a network")
      ->check(CLI::ExistingFile);
  sub->add_option("--seed", options->seed,
                  "seed of placement (when compiling a network first) and of "
                  "the rate encoder");
  sub->add_option("--steps-per-inference", options->stepsPerInference,
                  "steps in one inference: the window of output decoding, "
                  "the default encoder window, and the unit of energy and "
                  "latency per inference (default: the whole run)")
      ->check(positiveNumber());
  sub->add_option("--plot", options->plot,
                  "write raster.svg, pe-load.svg and energy.svg into this "
                  "directory");
  sub->add_option("--vcd", options->vcd,
                  "rtl engine: write the waveforms of one PE to this VCD file");
  sub->add_option("--vcd-pe", options->vcdPe,
                  "rtl engine: global PE index to trace (default: the first "
                  "PE that runs neurons)")
      ->check(nonNegativeNumber());
  sub->add_option("--vcd-steps", options->vcdSteps,
                  "rtl engine: steps FIRST[:LAST] to trace")
      ->check(stepRange())
      ->capture_default_str();
  sub->add_flag("--no-progress", options->noProgress,
                "never draw the progress bar (drawn on a terminal for runs "
                "longer than a second)");
  sub->callback([options] { throw CommandExit{runRun(*options)}; });
}

} // namespace snnc::tools
