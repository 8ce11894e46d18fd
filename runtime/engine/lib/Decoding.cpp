//===- Decoding.cpp - Spike outputs to counts, first spikes and classes ---===//

#include "snnc/runtime/Decoding.h"

#include <algorithm>
#include <utility>
#include <vector>

using nlohmann::json;

namespace snnc::runtime {

namespace {

uint64_t windowCount(uint64_t steps, uint64_t window) {
  return steps / window + (steps % window != 0);
}

void classify(DecodedWindow &w) {
  for (size_t j = 0; j < w.counts.size(); ++j) {
    if (w.counts[j] == 0)
      continue;
    if (w.firstClass < 0 || w.firstSpike[j] < w.firstSpike[w.firstClass])
      w.firstClass = static_cast<int64_t>(j);
    if (w.cls < 0 || w.counts[j] > w.counts[w.cls] ||
        (w.counts[j] == w.counts[w.cls] &&
         w.firstSpike[j] < w.firstSpike[w.cls]))
      w.cls = static_cast<int64_t>(j);
  }
}

} // namespace

DecodedOutput decodeOutput(const OutputTrace &trace, const std::string &name,
                           uint64_t steps, uint64_t window) {
  DecodedOutput out;
  out.index = trace.index;
  out.name = name;
  out.kind = trace.kind;
  out.size = trace.size;
  if (window == 0)
    window = std::max<uint64_t>(steps, 1);
  uint64_t windows = windowCount(steps, window);
  for (uint64_t k = 0; k < windows; ++k) {
    DecodedWindow w;
    w.first = k * window;
    w.steps = std::min(window, steps - w.first);
    if (trace.kind == image::OutputKind::Spikes) {
      w.counts.assign(trace.size, 0);
      w.firstSpike.assign(trace.size, -1);
    } else {
      w.mean.assign(trace.size, 0.0);
    }
    out.windows.push_back(std::move(w));
  }

  if (trace.kind == image::OutputKind::Spikes) {
    // Spikes are sorted by step, so the first one seen per neuron and
    // window is its first spike.
    for (const SpikeEvent &e : trace.spikes) {
      if (e.step >= steps || e.index >= trace.size)
        continue;
      DecodedWindow &w = out.windows[e.step / window];
      if (w.counts[e.index]++ == 0)
        w.firstSpike[e.index] = static_cast<int64_t>(e.step - w.first);
    }
    for (DecodedWindow &w : out.windows)
      classify(w);
    return out;
  }

  uint64_t rows =
      std::min<uint64_t>(steps, trace.values.size() / std::max(trace.size, 1u));
  for (DecodedWindow &w : out.windows) {
    // Summed in step order, so the mean is a fixed function of the trace.
    for (uint64_t t = w.first; t < w.first + w.steps && t < rows; ++t)
      for (uint32_t j = 0; j < trace.size; ++j)
        w.mean[j] += trace.values[t * trace.size + j];
    for (double &m : w.mean)
      m /= static_cast<double>(w.steps);
    for (size_t j = 0; j < w.mean.size(); ++j)
      if (w.cls < 0 || w.mean[j] > w.mean[w.cls])
        w.cls = static_cast<int64_t>(j);
  }
  return out;
}

namespace {

/// The limits of Decoding.h for outputs of `sizes` (neurons, numbers kept
/// per neuron and window) decoded over `steps` in windows of `window`.
Status checkSizes(const std::vector<std::pair<uint64_t, uint64_t>> &sizes,
                  uint64_t steps, uint64_t window) {
  window = window == 0 ? std::max<uint64_t>(steps, 1) : window;
  uint64_t windows = windowCount(steps, window);
  uint64_t outputs = sizes.size();
  if (outputs != 0 && windows > kMaxDecodedWindows / outputs)
    return ImageError{
        "", "decoding " + std::to_string(windows) + " windows of " +
                std::to_string(window) + " steps for " +
                std::to_string(outputs) + " outputs would keep more than " +
                std::to_string(kMaxDecodedWindows) +
                " window records; choose a longer --steps-per-inference"};
  uint64_t entries = 0;
  for (const auto &[size, per] : sizes) {
    if (size != 0 && windows > kMaxDecodedEntries / size / per)
      entries = kMaxDecodedEntries + 1;
    else
      entries += windows * size * per;
  }
  if (entries > kMaxDecodedEntries)
    return ImageError{
        "", "decoding " + std::to_string(windows) + " windows of " +
                std::to_string(window) + " steps would hold more than " +
                std::to_string(kMaxDecodedEntries) +
                " numbers; choose a longer --steps-per-inference"};
  return Status::success();
}

uint64_t numbersPerNeuron(image::OutputKind kind) {
  return kind == image::OutputKind::Spikes ? 2 : 1;
}

} // namespace

Status checkDecodeSize(const image::Image &image, uint64_t steps,
                       uint64_t window) {
  std::vector<std::pair<uint64_t, uint64_t>> sizes;
  for (const image::Output &out : image.outputs)
    sizes.push_back(
        {image.populations[out.population].size, numbersPerNeuron(out.kind)});
  return checkSizes(sizes, steps, window);
}

Expected<DecodedRun> decodeRun(const image::Image &image,
                               const RunResult &result, uint64_t window) {
  DecodedRun run;
  run.steps = result.steps;
  run.window = window == 0 ? std::max<uint64_t>(result.steps, 1) : window;
  std::vector<std::pair<uint64_t, uint64_t>> sizes;
  for (const OutputTrace &trace : result.outputs)
    sizes.push_back({trace.size, numbersPerNeuron(trace.kind)});
  if (Status fits = checkSizes(sizes, run.steps, run.window); !fits)
    return fits.error();
  for (const OutputTrace &trace : result.outputs) {
    std::string name = trace.population < image.populations.size()
                           ? image.populations[trace.population].name
                           : "";
    run.outputs.push_back(decodeOutput(trace, name, run.steps, run.window));
  }
  return run;
}

json toJson(const DecodedRun &decoded) {
  json outputs = json::array();
  for (const DecodedOutput &out : decoded.outputs) {
    bool spikes = out.kind == image::OutputKind::Spikes;
    json windows = json::array();
    for (const DecodedWindow &w : out.windows) {
      json entry = {{"first", w.first}, {"steps", w.steps}};
      entry["class"] = w.cls < 0 ? json(nullptr) : json(w.cls);
      if (spikes) {
        entry["first_class"] =
            w.firstClass < 0 ? json(nullptr) : json(w.firstClass);
        entry["counts"] = w.counts;
        json first = json::array();
        for (int64_t f : w.firstSpike)
          first.push_back(f < 0 ? json(nullptr) : json(f));
        entry["first_spike"] = std::move(first);
      } else {
        entry["mean"] = w.mean;
      }
      windows.push_back(std::move(entry));
    }
    outputs.push_back({{"index", out.index},
                       {"name", out.name},
                       {"kind", spikes ? "spikes" : "current"},
                       {"size", out.size},
                       {"windows", std::move(windows)}});
  }
  return {{"steps", decoded.steps},
          {"window", decoded.window},
          {"inferences", windowCount(decoded.steps, decoded.window)},
          {"outputs", std::move(outputs)}};
}

} // namespace snnc::runtime
