//===- FitCommand.cpp - `snnc fit` ----------------------------------------===//
//
// Trains a network's readout on the states its target really produces: the
// training split runs through an engine of the compiled network, the
// readout's source spikes become features (ReadoutTap.h), ridge regression
// with its strength chosen on a held-out part gives the weights, and the
// network is written back with them as an snn.affine projection.
//
//===----------------------------------------------------------------------===//

#include "BatchFlags.h"
#include "CliChecks.h"
#include "Commands.h"

#include "snnc/Pipeline/Readout.h"
#include "snnc/Support/OutputFile.h"
#include "snnc/batch/ReadoutTap.h"
#include "snnc/readout/Ridge.h"

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace snnc::tools {
namespace {

struct FitOptions {
  BatchFlags batch;
  std::string output;
  /// Held-out samples for choosing lambda: a count, or a fraction when < 1.
  double holdout = 1.0 / 6.0;
  std::vector<double> lambdas = {1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1};
  std::string report = "table";
};

int fail(const std::string &message) {
  if (!message.empty())
    std::cerr << "snnc fit: " << message << "\n";
  return kExitError;
}

int runFit(FitOptions options) {
  if (std::filesystem::is_directory(options.batch.image))
    return fail(options.batch.image +
                ": is a compiled image; snnc fit needs the network (.mlir or "
                ".nir) to write the trained readout into");
  if (std::string why =
          checkOutputPath(options.output, batchInputs(options.batch), "-o");
      !why.empty())
    return fail(why);
  image::Expected<PreparedBatch> prepared = prepareBatch(options.batch);
  if (!prepared)
    return fail(prepared.error().message());
  PreparedBatch &batch = prepared.value();
  image::Expected<batch::ReadoutTap> tap = batch::findReadoutTap(
      batch.loaded.image, options.batch.output, options.batch.steps);
  if (!tap)
    return fail(options.batch.image + ": " + tap.error().message());
  if (batch.data.classes > tap->classes)
    return fail(batch.data.source + ": has labels up to " +
                std::to_string(batch.data.classes - 1) + ", but the readout '" +
                batch.loaded.image.populations[tap->readout].name + "' has " +
                std::to_string(tap->classes) + " neurons");
  size_t samples = batch.data.samples();
  // A count at or past the split is clamped before the conversion, which
  // would be undefined for a huge value.
  size_t holdout =
      options.holdout < 1
          ? size_t(std::llround(options.holdout * double(samples)))
          : (options.holdout >= double(samples) ? samples
                                                : size_t(options.holdout));
  if (holdout == 0 || holdout >= samples)
    return fail("--holdout leaves " +
                std::to_string(samples - std::min(holdout, samples)) + " of " +
                std::to_string(samples) + " samples to fit and " +
                std::to_string(holdout) +
                " to choose lambda; both must be at least 1");
  for (double l : options.lambdas)
    if (!(l > 0) || !std::isfinite(l))
      return fail("--lambdas must be positive and finite");

  batch.options.tap = tap.value();
  auto start = std::chrono::steady_clock::now();
  image::Expected<batch::BatchResult> result =
      runPreparedBatch(batch, options.batch);
  if (!result)
    return fail(result.error().message());
  double runSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();

  readout::Features features;
  features.samples = samples;
  features.features = tap->sourceSize;
  features.values = std::move(result->features);
  start = std::chrono::steady_clock::now();
  readout::HeldOutFit fit =
      readout::fitRidgeHeldOut(features, batch.data.labels, tap->classes,
                               samples - holdout, options.lambdas);
  double fitSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  double trainAccuracy =
      readout::accuracy(fit.readout, features, batch.data.labels);

  TrainedReadout trained;
  trained.output = options.batch.output;
  trained.classes = tap->classes;
  trained.features = tap->sourceSize;
  trained.weight.assign(fit.readout.weight.begin(), fit.readout.weight.end());
  // The fitted intercept is the readout's mean with no source spikes: the
  // bias current's share plus what the readout's own drive contributes.
  for (double b : fit.readout.bias)
    trained.bias.push_back(float((b - tap->driveOffset) / tap->biasGain));
  if (!writeTrainedReadout(options.batch.image, trained, options.output,
                           llvm::errs()))
    return kExitError;

  nlohmann::json scores = nlohmann::json::array();
  for (const readout::LambdaScore &s : fit.scores)
    scores.push_back({{"relative_lambda", s.relative},
                      {"lambda", s.lambda},
                      {"holdout_accuracy", s.holdoutAccuracy}});
  const readout::LambdaScore &chosen = fit.scores[fit.chosen];
  nlohmann::json events = nlohmann::json::object();
  if (result->schema)
    for (size_t c = 0; c < result->schema->classes().size(); ++c) {
      uint64_t total = 0;
      for (const batch::SampleOutcome &o : result->samples)
        total += o.counters[c];
      events[result->schema->classes()[c].name] = total;
    }
  nlohmann::json report = {
      {"network", options.batch.image},
      {"output", options.output},
      {"target", batch.loaded.target->name()},
      {"engine", result->engine},
      {"dataset",
       {{"source", batch.data.source},
        {"split", options.batch.dataset.split},
        {"samples", samples},
        {"holdout", holdout}}},
      {"steps_per_inference", options.batch.steps},
      {"features",
       {{"source", tap->sourceName},
        {"size", tap->sourceSize},
        {"kind", "source spikes filtered by the readout, averaged over the "
                 "window"}}},
      {"events", events},
      {"lambdas", scores},
      {"chosen_relative_lambda", chosen.relative},
      {"holdout_accuracy", chosen.holdoutAccuracy},
      {"train_accuracy", trainAccuracy}};
  if (options.report == "json") {
    std::cout << report.dump(2) << "\n";
  } else if (options.report == "table") {
    std::printf("fit %s: %zu samples of %s (%s) on %s/%s, features: %u "
                "filtered spike trains of '%s'\n",
                options.batch.image.c_str(), samples, batch.data.source.c_str(),
                options.batch.dataset.split.c_str(),
                batch.loaded.target->name().c_str(), result->engine.c_str(),
                tap->sourceSize, tap->sourceName.c_str());
    std::printf("lambda (relative)  held-out accuracy (%zu samples)\n",
                holdout);
    for (size_t i = 0; i < fit.scores.size(); ++i)
      std::printf("  %-16.3g %.2f %%%s\n", fit.scores[i].relative,
                  100 * fit.scores[i].holdoutAccuracy,
                  i == fit.chosen ? "  <- chosen" : "");
    std::printf("refit on all %zu samples: training accuracy %.2f %%\n",
                samples, 100 * trainAccuracy);
    std::printf("wrote %s (runs %.1f s, fit %.1f s)\n", options.output.c_str(),
                runSeconds, fitSeconds);
  }
  return kExitOk;
}

} // namespace

void setupFitCommand(CLI::App &app) {
  auto options = std::make_shared<FitOptions>();
  CLI::App *sub = app.add_subcommand(
      "fit", "train a network's readout by ridge regression on the states "
             "its target produces, and write the trained network");
  addBatchFlags(*sub, options->batch, "train");
  sub->add_option("-o,--output", options->output,
                  "the trained network to write (.mlir)")
      ->required();
  sub->add_option("--holdout", options->holdout,
                  "samples held out to choose lambda: a count, or a "
                  "fraction of the split when below 1 (the last ones)")
      ->check(positiveNumber())
      ->capture_default_str();
  sub->add_option("--lambdas", options->lambdas,
                  "ridge strengths to try, relative to the mean variance "
                  "of the features times the samples")
      ->capture_default_str();
  sub->add_option("--report", options->report, "report format")
      ->check(CLI::IsMember({"table", "json", "none"}))
      ->capture_default_str();
  sub->callback([options] { throw CommandExit{runFit(*options)}; });
}

} // namespace snnc::tools
