//===- RunIO.cpp - Inputs and outputs of `snnc run` -----------------------===//

#include "RunIO.h"
#include "CliChecks.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace snnc::tools {

namespace {

/// Outputs this small are printed element by element.
constexpr uint32_t kPrintAll = 16;
/// Windows printed per output before "... more".
constexpr size_t kPrintWindows = 8;

std::string outputName(const image::Image &image, const image::Output &out) {
  const std::string &name = image.populations[out.population].name;
  return name.empty() ? "output" + std::to_string(out.index) : name;
}

template <typename T, typename F>
std::string list(const std::vector<T> &values, F format) {
  std::string text = "[";
  for (size_t i = 0; i < values.size(); ++i)
    text += (i ? ", " : "") + format(values[i]);
  return text + "]";
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.4g", value);
  return buffer;
}

/// The `n` largest of `values` as "j (v)", largest first, ties by index.
template <typename T>
std::string top(const std::vector<T> &values, size_t n,
                std::string (*format)(T)) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  n = std::min(n, order.size());
  std::partial_sort(
      order.begin(), order.begin() + n, order.end(), [&](size_t a, size_t b) {
        return values[a] != values[b] ? values[a] > values[b] : a < b;
      });
  std::string text;
  for (size_t i = 0; i < n; ++i)
    text += (i ? ", " : "") + std::to_string(order[i]) + " (" +
            format(values[order[i]]) + ")";
  return text;
}

std::string countText(uint64_t v) { return std::to_string(v); }
std::string meanText(double v) { return number(v); }

void printSpikeWindow(const runtime::DecodedWindow &w, uint32_t size) {
  if (w.cls < 0) {
    std::printf("silent\n");
    return;
  }
  std::printf("class %lld (%llu spike%s), first to fire %lld (step %lld)",
              static_cast<long long>(w.cls),
              static_cast<unsigned long long>(w.counts[w.cls]),
              w.counts[w.cls] == 1 ? "" : "s",
              static_cast<long long>(w.firstClass),
              static_cast<long long>(w.firstSpike[w.firstClass]));
  if (size <= kPrintAll) {
    std::printf("; counts %s; first spikes %s\n",
                list(w.counts, countText).c_str(),
                list(w.firstSpike, [](int64_t f) {
                  return f < 0 ? std::string("-") : std::to_string(f);
                }).c_str());
    return;
  }
  uint64_t total =
      std::accumulate(w.counts.begin(), w.counts.end(), uint64_t(0));
  size_t active = static_cast<size_t>(std::count_if(
      w.counts.begin(), w.counts.end(), [](uint64_t c) { return c != 0; }));
  std::printf("; %llu spikes from %zu of %u neurons; most: %s\n",
              static_cast<unsigned long long>(total), active, size,
              top(w.counts, 3, countText).c_str());
}

void printCurrentWindow(const runtime::DecodedWindow &w, uint32_t size) {
  std::printf("class %lld (mean %s)", static_cast<long long>(w.cls),
              w.cls < 0 ? "-" : number(w.mean[w.cls]).c_str());
  if (size <= kPrintAll)
    std::printf("; means %s\n", list(w.mean, meanText).c_str());
  else
    std::printf("; largest means: %s\n", top(w.mean, 3, meanText).c_str());
}

} // namespace

void addEncoderFlags(CLI::App &sub, EncoderFlags &flags,
                     const std::string &windowFlag) {
  sub.add_option("--encode", flags.coding,
                 "encode the input's real values into spikes: rate (Poisson) "
                 "or latency")
      ->check(CLI::IsMember({"rate", "latency"}));
  sub.add_option("--max-rate", flags.maxRate,
                 "rate coding: spike rate in Hz of an intensity of 1")
      ->check(nonNegativeNumber())
      ->capture_default_str();
  addValueFlags(sub, flags);
  sub.add_option(windowFlag, flags.window,
                 "steps each sample of the values is presented for "
                 "(default: all steps for one sample, 1 for a sequence)")
      ->check(positiveNumber());
}

void addValueFlags(CLI::App &sub, EncoderFlags &flags) {
  sub.add_option("--normalize", flags.normalize,
                 "map each sample to [0, 1] by its min and max, or take "
                 "values as they are")
      ->check(CLI::IsMember({"none", "minmax"}))
      ->capture_default_str();
  sub.add_option("--latency-threshold", flags.threshold,
                 "latency coding: intensities at or below it never fire")
      ->check(numberIn(0.0, 1.0, /*highOpen=*/true))
      ->capture_default_str();
}

runtime::EncoderOptions encoderOptions(const EncoderFlags &flags) {
  runtime::EncoderOptions options;
  options.coding = flags.coding == "latency" ? runtime::Coding::Latency
                                             : runtime::Coding::Rate;
  options.maxRate = flags.maxRate;
  options.normalization = flags.normalize == "minmax"
                              ? runtime::Normalization::MinMax
                              : runtime::Normalization::None;
  options.threshold = flags.threshold;
  options.window = flags.window;
  return options;
}

runtime::SpikeFormat outputFormat(const std::string &flag,
                                  const std::string &path) {
  if (flag == "json")
    return runtime::SpikeFormat::Json;
  if (flag == "binary")
    return runtime::SpikeFormat::Binary;
  return runtime::spikeFormatForPath(path);
}

void addRunIOOptions(CLI::App &sub, RunIOOptions &io) {
  sub.add_option("--input", io.input,
                 "input spikes (JSON or binary spike file; a value file with "
                 "--encode); without it the inputs are silent");
  addEncoderFlags(sub, io.encoder, "--encode-window");
  sub.add_option("-o,--output", io.output,
                 "output traces and decoded outputs: JSON, or binary for "
                 ".spk/.bin");
  sub.add_option("--output-format", io.outputFormat,
                 "form of the -o file (auto: by its extension)")
      ->check(CLI::IsMember({"auto", "json", "binary"}))
      ->capture_default_str();
}

image::Expected<std::vector<runtime::SpikeTrain>>
loadRunInputs(const image::Image &image, const RunIOOptions &io, uint64_t steps,
              uint64_t seed) {
  if (io.input.empty()) {
    if (!io.encoder.coding.empty())
      return image::ImageError{"", "--encode needs a value file as --input"};
    std::vector<runtime::SpikeTrain> silent;
    for (const image::InputPort &port : image.inputs)
      silent.push_back({port.shape, {}});
    return silent;
  }
  if (io.encoder.coding.empty()) {
    image::Expected<runtime::SpikeFile> file = runtime::readSpikeFile(io.input);
    if (!file)
      return file.error();
    return runtime::bindInputs(file.value(), image.inputs, io.input);
  }
  image::Expected<runtime::ValueFile> values = runtime::readValueFile(io.input);
  if (!values)
    return values.error();
  runtime::adoptInputShapes(values.value(), image.inputs);
  runtime::EncoderOptions options = encoderOptions(io.encoder);
  options.steps = steps;
  options.dt = image.dt;
  options.seed = seed;
  if (options.window == 0)
    options.window = io.decodeWindow;
  image::Expected<runtime::SpikeFile> encoded =
      runtime::encodeValues(values.value(), options, io.input);
  if (!encoded)
    return encoded.error();
  return runtime::bindInputs(encoded.value(), image.inputs, io.input);
}

image::Status writeRunOutput(const image::Image &image,
                             const runtime::RunResult &result,
                             const runtime::DecodedRun &decoded,
                             const RunIOOptions &io) {
  if (io.output.empty())
    return image::Status::success();
  runtime::SpikeFile file;
  file.steps = result.steps;
  for (size_t o = 0; o < result.outputs.size(); ++o) {
    const runtime::OutputTrace &trace = result.outputs[o];
    runtime::PortTrace port;
    port.name = outputName(image, image.outputs[o]);
    port.kind = trace.kind;
    port.train.shape = image.populations[trace.population].shape;
    if (trace.kind == image::OutputKind::Spikes) {
      for (const runtime::SpikeEvent &e : trace.spikes)
        if (e.step < result.steps)
          port.train.events.push_back(e);
    } else {
      // A run stopped early fills fewer rows than it allocated.
      size_t rows = std::min<size_t>(
          result.steps, trace.size ? trace.values.size() / trace.size : 0);
      port.values.assign(trace.values.begin(),
                         trace.values.begin() + rows * trace.size);
      port.values.resize(result.steps * trace.size, 0.0);
    }
    file.ports.push_back(std::move(port));
  }
  file.metadata = {{"decoded", runtime::toJson(decoded)}};
  runtime::JsonListing listing;
  listing.key = "outputs";
  for (const image::Output &out : image.outputs)
    listing.indices.push_back(out.index);
  return runtime::writeSpikeFile(
      file, io.output, outputFormat(io.outputFormat, io.output), listing);
}

void printDecoded(const runtime::DecodedRun &decoded) {
  uint64_t windows = decoded.window == 0
                         ? 0
                         : decoded.steps / decoded.window +
                               (decoded.steps % decoded.window != 0);
  std::printf("decoded outputs (%llu inference%s of %llu steps):\n",
              static_cast<unsigned long long>(windows), windows == 1 ? "" : "s",
              static_cast<unsigned long long>(decoded.window));
  for (const runtime::DecodedOutput &out : decoded.outputs) {
    bool spikes = out.kind == image::OutputKind::Spikes;
    std::printf("  output #%u '%s' (%s, %u):", out.index, out.name.c_str(),
                spikes ? "spikes" : "readout", out.size);
    bool one = out.windows.size() == 1;
    std::printf(one ? " " : "\n");
    for (size_t k = 0; k < out.windows.size() && k < kPrintWindows; ++k) {
      const runtime::DecodedWindow &w = out.windows[k];
      if (!one)
        std::printf("    steps [%llu, %llu): ",
                    static_cast<unsigned long long>(w.first),
                    static_cast<unsigned long long>(w.first + w.steps));
      if (spikes)
        printSpikeWindow(w, out.size);
      else
        printCurrentWindow(w, out.size);
    }
    if (out.windows.size() > kPrintWindows)
      std::printf("    ... %zu more windows (all of them in --report json)\n",
                  out.windows.size() - kPrintWindows);
  }
}

} // namespace snnc::tools
