//===- EvalCommand.cpp - `snnc eval` --------------------------------------===//
//
// Runs every sample of a dataset split through an image as one inference
// and reports accuracy, the confusion matrix, energy and latency per
// inference and NeuroBench's metrics. The JSON report holds nothing that
// depends on the thread count or the wall clock, so runs compare byte for
// byte; the table adds the wall time.
//
//===----------------------------------------------------------------------===//

#include "BatchFlags.h"
#include "Commands.h"
#include "OutputDir.h"
#include "PlotEval.h"
#include "Svg.h"

#include "snnc/Support/OutputFile.h"
#include "snnc/batch/Evaluation.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace snnc::tools {
namespace {

struct EvalOptions {
  BatchFlags batch;
  std::string report = "table";
  std::string plot;
  std::string jsonFile;
  std::string compare;
};

int fail(const std::string &message) {
  if (!message.empty())
    std::cerr << "snnc eval: " << message << "\n";
  return kExitError;
}

nlohmann::json reportJson(const batch::Evaluation &e,
                          const PreparedBatch &prepared,
                          const BatchFlags &flags) {
  const dataset::Dataset &d = prepared.data;
  nlohmann::json report = {{"target", prepared.loaded.target->name()},
                           {"network", prepared.loaded.image.network},
                           {"dataset",
                            {{"source", d.source},
                             {"split", flags.dataset.split},
                             {"offset", flags.dataset.offset},
                             {"samples", d.samples()},
                             {"sample_shape", d.shape},
                             {"crop", flags.crop},
                             {"pool", flags.pool}}},
                           {"encoding",
                            {{"coding", flags.encoder.coding},
                             {"max_rate_hz", prepared.options.encoder.maxRate},
                             {"normalize", flags.encoder.normalize},
                             {"seed", flags.seed}}},
                           {"steps_per_inference", flags.steps},
                           {"dt_s", prepared.loaded.image.dt}};
  report.update(batch::toJson(e));
  return report;
}

void printTable(const batch::Evaluation &e, const PreparedBatch &prepared,
                const BatchFlags &flags, double wallSeconds) {
  std::printf("%s on %s/%s: %zu samples of %s (%s), %llu steps each\n",
              prepared.loaded.image.network.c_str(),
              prepared.loaded.target->name().c_str(), e.engine.c_str(),
              e.samples, prepared.data.source.c_str(),
              flags.dataset.split.c_str(),
              static_cast<unsigned long long>(flags.steps));
  std::printf("accuracy            %.2f %% (%zu of %zu)", 100 * e.accuracy,
              e.correct, e.samples);
  if (e.silent)
    std::printf(", %zu silent", e.silent);
  std::printf("\nper class          ");
  for (uint32_t c = 0; c < e.classes; ++c)
    std::printf(" %u:%.1f", c, 100 * e.classAccuracy[c]);
  std::printf("\nconfusion (rows: label, columns: predicted%s)\n",
              e.silent ? ", last: silent" : "");
  if (e.classes <= 20)
    for (uint32_t r = 0; r < e.classes; ++r) {
      std::printf("  %3u |", r);
      for (size_t c = 0; c < e.confusion[r].size(); ++c)
        if (c < e.classes || e.silent)
          std::printf(" %5llu",
                      static_cast<unsigned long long>(e.confusion[r][c]));
      std::printf("\n");
    }
  else
    std::printf("  (%u classes: see --report json or --plot)\n", e.classes);
  auto distribution = [](const char *name, const batch::Distribution &d,
                         const char *unit) {
    std::printf("%-19s mean %s, p50 %s, p90 %s, p99 %s, max %s\n", name,
                svg::withPrefix(d.mean, unit).c_str(),
                svg::withPrefix(d.p50, unit).c_str(),
                svg::withPrefix(d.p90, unit).c_str(),
                svg::withPrefix(d.p99, unit).c_str(),
                svg::withPrefix(d.max, unit).c_str());
  };
  distribution("energy/inference", e.joules, "J");
  distribution("  of it dynamic", e.dynamicJoules, "J");
  if (e.hasExtraEnergy)
    distribution("  on the chip", e.chipJoules, "J");
  distribution("latency/inference", e.latencySeconds, "s");
  std::printf("%-19s %s (simulated time of one inference: %s)\n", "EDP",
              svg::withPrefix(e.edp, "Js").c_str(),
              svg::withPrefix(e.inferenceSeconds, "s").c_str());
  std::printf("NeuroBench          SynapticOperations %.4g ACs + %.4g MACs "
              "per inference, MembraneUpdates %.4g per inference, "
              "ActivationSparsity %.4f, Footprint %llu bytes\n",
              e.synapticOpsPerInference, e.macsPerInference,
              e.membraneUpdatesPerInference, e.activationSparsity,
              static_cast<unsigned long long>(e.footprintBytes));
  std::printf("events/inference   ");
  for (const auto &[name, value] : e.countersPerInference)
    std::printf(" %s %.4g;", name.c_str(), value);
  std::printf("\nwall time           %.1f s (%.0f samples/s, %u threads)\n",
              wallSeconds, double(e.samples) / std::max(wallSeconds, 1e-9),
              prepared.options.threads);
}

int runEval(EvalOptions options) {
  std::vector<std::string> inputs = batchInputs(options.batch);
  if (!options.jsonFile.empty())
    if (std::string why = checkOutputPath(options.jsonFile, inputs, "--json");
        !why.empty())
      return fail(why);
  if (!options.plot.empty())
    if (std::string why =
            checkOutputDir(options.plot, evalPlotNames(), inputs, "--plot");
        !why.empty())
      return fail(why);
  image::Expected<PreparedBatch> prepared = prepareBatch(options.batch);
  if (!prepared)
    return fail(prepared.error().message());
  PreparedBatch &batch = prepared.value();
  auto start = std::chrono::steady_clock::now();
  image::Expected<batch::BatchResult> result =
      runPreparedBatch(batch, options.batch);
  if (!result)
    return fail(result.error().message());
  double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  const image::Image &image = batch.loaded.image;
  uint32_t classes = std::max(
      batch.data.classes,
      image.populations[image.outputs[batch.options.output].population].size);
  batch::Evaluation e = batch::evaluate(result.value(), batch.data.labels,
                                        classes, options.batch.steps, image.dt);
  nlohmann::json report = reportJson(e, batch, options.batch);
  if (!options.compare.empty()) {
    batch.options.engine = options.compare;
    image::Expected<batch::BatchResult> other =
        runPreparedBatch(batch, options.batch);
    if (!other)
      return fail(other.error().message());
    size_t agree = 0;
    for (size_t i = 0; i < other->samples.size(); ++i)
      agree += other->samples[i].predicted == result->samples[i].predicted;
    batch::Evaluation second =
        batch::evaluate(other.value(), batch.data.labels, classes,
                        options.batch.steps, image.dt);
    report["compare"] = {{"engine", second.engine},
                         {"accuracy", second.accuracy},
                         {"predictions_agree", agree},
                         {"samples", other->samples.size()}};
  }
  if (!options.jsonFile.empty()) {
    if (std::string why =
            writeOutputFile(options.jsonFile, report.dump(2) + "\n");
        !why.empty())
      return fail(why);
  }
  if (!options.plot.empty())
    if (image::Status ok = writeEvalPlots(options.plot, e); !ok)
      return fail(ok.error().message());
  if (options.report == "json")
    std::cout << report.dump(2) << "\n";
  else if (options.report == "table")
    printTable(e, batch, options.batch, wall);
  if (options.report == "table" && report.contains("compare")) {
    const nlohmann::json &c = report["compare"];
    std::printf("%s vs %s: predictions agree on %zu of %zu samples; %s "
                "accuracy %.2f %%\n",
                e.engine.c_str(), c["engine"].get<std::string>().c_str(),
                c["predictions_agree"].get<size_t>(),
                c["samples"].get<size_t>(),
                c["engine"].get<std::string>().c_str(),
                100 * c["accuracy"].get<double>());
  }
  return kExitOk;
}

} // namespace

void setupEvalCommand(CLI::App &app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App *sub = app.add_subcommand(
      "eval", "run every sample of a dataset split as one inference and "
              "report accuracy, energy and latency");
  addBatchFlags(*sub, options->batch, "test");
  sub->add_option("--report", options->report, "report format")
      ->check(CLI::IsMember({"table", "json", "none"}))
      ->capture_default_str();
  sub->add_option("--json", options->jsonFile,
                  "also write the JSON report to this file");
  sub->add_option("--compare", options->compare,
                  "also run this engine on the same samples and count the "
                  "samples whose predictions agree");
  sub->add_option("--plot", options->plot,
                  "write confusion.svg and class-accuracy.svg into this "
                  "directory");
  sub->callback([options] { throw CommandExit{runEval(*options)}; });
}

} // namespace snnc::tools
