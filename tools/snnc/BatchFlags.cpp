//===- BatchFlags.cpp - What `snnc eval` and `snnc fit` share -------------===//

#include "BatchFlags.h"
#include "CliChecks.h"

#include "ProgressBar.h"

#include <thread>

namespace snnc::tools {

std::vector<std::string> batchInputs(const BatchFlags &flags) {
  return {flags.image, flags.targetConfig, flags.energyModel};
}

void addBatchFlags(CLI::App &sub, BatchFlags &flags,
                   const std::string &defaultSplit) {
  flags.dataset.split = defaultSplit;
  sub.add_option("image", flags.image,
                 "chip image, or a network (.mlir/.nir) to compile first")
      ->required();
  sub.add_option("--dataset", flags.dataset.spec,
                 "dataset directory, or a dataset installed under "
                 "/usr/share/datasets (fashion-mnist, mnist)")
      ->required();
  sub.add_option("--split", flags.dataset.split,
                 "split to use: train, test, or any <split> of a .npy or "
                 "spike-file dataset")
      ->capture_default_str();
  sub.add_option("--limit", flags.dataset.limit,
                 "use at most this many samples of the split");
  sub.add_option("--offset", flags.dataset.offset,
                 "skip this many samples of the split first");
  sub.add_option("--crop", flags.crop,
                 "crop images to N x N around their centre");
  sub.add_option("--pool", flags.pool,
                 "average images over K x K windows (after --crop)");
  sub.add_option("--steps", flags.steps, "time steps of one inference")
      ->required()
      ->check(positiveNumber());
  sub.add_option("--encode", flags.encoder.coding,
                 "encoder of value samples: rate (Bernoulli per step) or "
                 "latency")
      ->check(CLI::IsMember({"rate", "latency"}))
      ->capture_default_str();
  sub.add_option("--max-rate", flags.encoder.maxRate,
                 "rate coding: rate in Hz of an intensity of 1 (default: "
                 "1/dt, one spike per step)")
      ->check(nonNegativeNumber());
  addValueFlags(sub, flags.encoder);
  sub.add_option("--threads", flags.threads,
                 "samples run in parallel (default: every core); results do "
                 "not depend on it");
  sub.add_option("--engine", flags.engine,
                 "an engine of the image's target (default: its first)");
  sub.add_option("--seed", flags.seed,
                 "seed of the encoder (each sample gets its own stream) and "
                 "of placement when compiling")
      ->capture_default_str();
  sub.add_option("--decode-output", flags.output,
                 "the network output whose decoded class is the prediction")
      ->capture_default_str();
  sub.add_option("--target", flags.target,
                 "target to compile a network for (default: the first "
                 "built)");
  sub.add_option("--target-config", flags.targetConfig,
                 "JSON file overriding fields of the target model, when "
                 "compiling a network")
      ->check(CLI::ExistingFile);
  sub.add_option("--dt", flags.dt, "time step when compiling a network")
      ->check(positiveNumber())
      ->capture_default_str();
  sub.add_option("--rule", flags.rule, "discretization rule when compiling")
      ->check(CLI::IsMember({"euler", "exact"}));
  sub.add_option("--energy-model", flags.energyModel,
                 "JSON file replacing the target's energy coefficients")
      ->check(CLI::ExistingFile);
  sub.add_option("--operating-point", flags.operatingPoint,
                 "price with the target's energy model of this operating "
                 "point");
  sub.add_flag("--no-progress", flags.noProgress,
               "never draw the progress bar");
}

image::Expected<PreparedBatch> prepareBatch(const BatchFlags &flags) {
  // Each inference holds per-step tables (the encoder's window, the
  // readout kernel); each thread holds an engine.
  constexpr uint64_t kMaxSteps = 10000000;
  constexpr unsigned kMaxThreads = 1024;
  if (flags.steps > kMaxSteps)
    return image::ImageError{"", "--steps " + std::to_string(flags.steps) +
                                     " exceeds the limit of " +
                                     std::to_string(kMaxSteps) +
                                     " steps per inference"};
  if (flags.threads > kMaxThreads)
    return image::ImageError{"", "--threads " + std::to_string(flags.threads) +
                                     " exceeds the limit of " +
                                     std::to_string(kMaxThreads)};
  CompileOptions compile;
  compile.target = flags.target;
  compile.dt = flags.dt;
  compile.rule = flags.rule;
  compile.seed = flags.seed;
  compile.targetConfig = flags.targetConfig;
  image::Expected<LoadedImage> loaded = loadOrCompile(flags.image, compile);
  if (!loaded)
    return loaded.error();
  image::Expected<dataset::Dataset> data = dataset::loadDataset(flags.dataset);
  if (!data)
    return data.error();
  if (image::Status ok = dataset::cropAndPool(*data, flags.crop, flags.pool);
      !ok)
    return ok.error();
  image::Expected<nlohmann::json> model = chooseEnergyModel(
      *loaded->target, flags.energyModel, flags.operatingPoint);
  if (!model)
    return model.error();

  PreparedBatch batch{std::move(loaded.value()),
                      std::move(data.value()),
                      std::move(model.value()),
                      {}};
  batch::BatchOptions &o = batch.options;
  o.engine = flags.engine.empty() ? batch.loaded.target->engines().front()
                                  : flags.engine;
  o.steps = flags.steps;
  o.encoder = encoderOptions(flags.encoder);
  if (flags.encoder.maxRate <= 0)
    o.encoder.maxRate = 1.0 / batch.loaded.image.dt;
  o.seed = flags.seed;
  o.threads = flags.threads ? flags.threads
                            : std::max(1u, std::thread::hardware_concurrency());
  o.output = flags.output;
  o.energyModel = &batch.energyModel;
  return batch;
}

image::Expected<batch::BatchResult> runPreparedBatch(PreparedBatch &batch,
                                                     const BatchFlags &flags) {
  std::unique_ptr<ProgressBar> bar = makeProgressBar(
      batch.options.engine, batch.data.samples(), !flags.noProgress, "samples");
  batch.options.energyModel = &batch.energyModel;
  if (bar)
    batch.options.progress = [&bar](size_t done) { bar->update(done); };
  image::Expected<batch::BatchResult> result = batch::runBatch(
      *batch.loaded.target, batch.loaded.image, batch.data, batch.options);
  batch.options.progress = nullptr;
  return result;
}

} // namespace snnc::tools
