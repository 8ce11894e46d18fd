//===- RunCommand.cpp - `snnc run` ----------------------------------------===//
//
// Runs a chip image (or a network, compiled first) on a simulated chip and
// reports output spikes, counted events, latency and energy.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"
#include "Plot.h"
#include "ProgressBar.h"
#include "RunIO.h"
#include "RunReport.h"

#include "snnc/Pipeline/Compile.h"
#include "snnc/image/ImageReader.h"
#include "snnc/rtl/RtlEngine.h"
#include "snnc/runtime/Compare.h"
#include "snnc/runtime/Energy.h"
#include "snnc/runtime/FloatEngine.h"
#include "snnc/runtime/NirFloatEngine.h"
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
  uint64_t steps = 0;
  std::string engine = "ref";
  std::string compare;
  RunIOOptions io;
  std::string report = "table";
  std::string energyModel;
  uint64_t seed = 1;
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

std::unique_ptr<runtime::Engine>
makeEngine(const std::string &name, const image::Image &image,
           const rtl::RtlOptions &rtlOptions = {}) {
  if (name == "rtl")
    return std::make_unique<rtl::RtlEngine>(image, rtlOptions);
  if (name == "float")
    return std::make_unique<runtime::FloatEngine>(image);
  if (name == "nir")
    return std::make_unique<runtime::NirFloatEngine>(image);
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

int runRun(RunOptions options) {
  if (options.stepsPerInference &&
      options.steps % options.stepsPerInference != 0)
    return fail("--steps " + std::to_string(options.steps) +
                " is not a whole number of inferences of "
                "--steps-per-inference " +
                std::to_string(options.stepsPerInference));
  // One inference window serves decoding, encoding and energy alike.
  options.io.decodeWindow = options.stepsPerInference;
  rtl::RtlOptions rtlOptions;
  if (!options.vcd.empty()) {
    if (options.engine != "rtl")
      return fail("--vcd needs --engine rtl");
    unsigned long long first = 0, last = 0;
    char extra;
    int n = std::sscanf(options.vcdSteps.c_str(), "%llu:%llu%c", &first, &last,
                        &extra);
    if (n == 1)
      last = first;
    else if (n != 2 || last < first)
      return fail("--vcd-steps '" + options.vcdSteps +
                  "' is not FIRST[:LAST] with FIRST <= LAST");
    rtlOptions.vcdPath = options.vcd;
    if (options.vcdPe >= 0)
      rtlOptions.vcdPe = static_cast<uint32_t>(options.vcdPe);
    rtlOptions.vcdFirstStep = first;
    rtlOptions.vcdLastStep = last;
  }
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

  image::Expected<std::vector<runtime::SpikeTrain>> loadedInputs =
      loadRunInputs(image, options.io, options.steps, options.seed);
  if (!loadedInputs)
    return fail(loadedInputs.error().message());
  const std::vector<runtime::SpikeTrain> &inputs = loadedInputs.value();

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
  run.recordAllSpikes = !options.plot.empty();
  std::unique_ptr<runtime::Engine> engine =
      makeEngine(options.engine, image, rtlOptions);
  std::unique_ptr<ProgressBar> bar =
      makeProgressBar(engine->name(), options.steps, !options.noProgress);
  image::Expected<runtime::RunResult> result =
      engine->run(inputs, run, bar.get());
  bar.reset();
  if (!result)
    return fail(result.error().message());
  image::Expected<runtime::EnergyReport> energy = runtime::computeEnergy(
      image, result.value(), energyModel, options.stepsPerInference);
  if (!energy)
    return fail(energy.error().message());

  image::Expected<runtime::DecodedRun> decoded =
      runtime::decodeRun(image, result.value(), options.io.decodeWindow);
  if (!decoded)
    return fail(decoded.error().message());

  nlohmann::json report = {{"engine", engine->name()},
                           {"steps", result.value().steps},
                           {"energy", runtime::toJson(energy.value())},
                           {"decoded", runtime::toJson(decoded.value())}};
  double clockHz = 0;
  if (const nlohmann::json *clock = [&]() -> const nlohmann::json * {
        auto t = image.targetModel.find("target");
        if (t == image.targetModel.end() || !t->contains("clock_hz"))
          return nullptr;
        const nlohmann::json &c = (*t)["clock_hz"];
        return c.is_object() && c.contains("value") ? &c["value"] : &c;
      }();
      clock && clock->is_number())
    clockHz = clock->get<double>();
  if (auto *rtlEngine = dynamic_cast<rtl::RtlEngine *>(engine.get()))
    report["rtl"] = rtl::toJson(rtlEngine->stats(), clockHz);
  if (!options.compare.empty()) {
    std::unique_ptr<runtime::Engine> other = makeEngine(options.compare, image);
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
    report["compare"] = {
        {"engine", other->name()},
        {"counters_equal", result.value().counters == second.value().counters},
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
    if (auto *rtlEngine = dynamic_cast<rtl::RtlEngine *>(engine.get()))
      std::printf("%s\n", rtl::describe(rtlEngine->stats(), clockHz).c_str());
    if (report.contains("compare")) {
      std::printf("%s vs %s: spike agreement %.6f, output-rate error %.4g\n",
                  engine->name(), options.compare.c_str(),
                  report["compare"]["spike_agreement"].get<double>(),
                  report["compare"]["rate_error"].get<double>());
      std::printf("%s vs %s: event counters %s\n", engine->name(),
                  options.compare.c_str(),
                  report["compare"]["counters_equal"].get<bool>() ? "identical"
                                                                  : "differ");
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
      ->check(CLI::PositiveNumber);
  sub->add_option("--engine", options->engine,
                  "ref, float, nir (float with NIR's timing, docs/nir.md) or "
                  "rtl")
      ->check(CLI::IsMember({"ref", "float", "nir", "rtl"}))
      ->capture_default_str();
  sub->add_option("--compare", options->compare,
                  "also run this engine and report spike agreement")
      ->check(CLI::IsMember({"ref", "float", "nir", "rtl"}));
  sub->add_option("--report", options->report, "report format")
      ->check(CLI::IsMember({"table", "json", "none"}))
      ->capture_default_str();
  sub->add_option("--energy-model", options->energyModel,
                  "JSON file replacing the target's energy coefficients")
      ->check(CLI::ExistingFile);
  sub->add_option("--seed", options->seed,
                  "seed of placement (when compiling a network first) and of "
                  "the rate encoder");
  sub->add_option("--steps-per-inference", options->stepsPerInference,
                  "steps in one inference: the window of output decoding, "
                  "the default encoder window, and the unit of energy and "
                  "latency per inference (default: the whole run)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--plot", options->plot,
                  "write raster.svg, pe-load.svg and energy.svg into this "
                  "directory");
  sub->add_option("--vcd", options->vcd,
                  "rtl engine: write the waveforms of one PE to this VCD file");
  sub->add_option("--vcd-pe", options->vcdPe,
                  "rtl engine: global PE index to trace (default: the first "
                  "PE that runs neurons)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--vcd-steps", options->vcdSteps,
                  "rtl engine: steps FIRST[:LAST] to trace")
      ->capture_default_str();
  sub->add_flag("--no-progress", options->noProgress,
                "never draw the progress bar (drawn on a terminal for runs "
                "longer than a second)");
  sub->callback([options] { throw CommandExit{runRun(*options)}; });
}

} // namespace snnc::tools
