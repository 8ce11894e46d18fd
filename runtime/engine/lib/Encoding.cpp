//===- Encoding.cpp - Rate and latency coding of real values --------------===//

#include "snnc/runtime/Encoding.h"

#include "SpikeFileDetail.h"

// The reservoir expander's counter-based generator (header-only, free of
// MLIR): integer arithmetic only, so every platform draws the same spikes.
#include "snnc/Support/CounterRng.h"
// FNV-1a of the image library, to key each port's stream by its name.
#include "snnc/image/detail/Bytes.h"

#include <algorithm>
#include <cmath>

using nlohmann::json;

namespace snnc::runtime {

namespace {

namespace rng = snn::reservoir::detail;

/// Stream tag of the rate encoder ("rate"), xor-ed into the port's key.
constexpr uint64_t kRateStream = 0x72617465ULL;

/// The stream of a port: FNV-1a-64 of its name, so that a port's train
/// depends on its name and not on its position in the file.
uint64_t portStream(const std::string &name) {
  image::detail::Fnv1a64 hash;
  hash.update(reinterpret_cast<const uint8_t *>(name.data()), name.size());
  return hash.value() ^ kRateStream;
}

std::string where(const PortValues &port, size_t sample, size_t element) {
  return "port " +
         (port.name.empty() ? std::string("(unnamed)")
                            : "'" + port.name + "'") +
         " sample " + std::to_string(sample) + " element " +
         std::to_string(element);
}

/// The intensities of every sample of `port`, normalized as asked.
Expected<std::vector<std::vector<double>>>
intensities(const PortValues &port, Normalization normalization,
            const std::string &source) {
  std::vector<std::vector<double>> out = port.samples;
  for (size_t k = 0; k < out.size(); ++k) {
    std::vector<double> &x = out[k];
    if (normalization == Normalization::MinMax) {
      auto [lo, hi] = std::minmax_element(x.begin(), x.end());
      // Halved first so that max - min cannot overflow for finite values.
      double min = *lo / 2, span = *hi / 2 - *lo / 2;
      for (double &v : x)
        v = span > 0 ? (v / 2 - min) / span : 0.0;
      // Rounding can push (v - min) / span a hair past 1.
      for (double &v : x)
        v = std::min(v, 1.0);
      continue;
    }
    for (size_t j = 0; j < x.size(); ++j)
      if (!(x[j] >= 0.0 && x[j] <= 1.0))
        return ImageError{source, where(port, k, j) + ": value " +
                                      json(x[j]).dump() +
                                      " is outside [0, 1] (normalize with "
                                      "--normalize minmax)"};
  }
  return out;
}

void encodeRate(const PortValues &port,
                const std::vector<std::vector<double>> &x,
                const EncoderOptions &options, uint64_t window,
                SpikeTrain &train) {
  // Draw (t, j) is CounterRng::at(seed, stream, j, t): the per-element key
  // is hashed once, each step adds t golden ratios and mixes.
  uint64_t stream = portStream(port.name);
  std::vector<uint64_t> keys(port.size);
  for (uint32_t j = 0; j < port.size; ++j)
    keys[j] = rng::streamKey(options.seed, stream, j);
  double rateDt = options.maxRate * options.dt;
  std::vector<double> p(port.size);
  uint64_t sample = UINT64_MAX;
  for (uint64_t t = 0; t < options.steps; ++t) {
    if (t / window >= x.size())
      break;
    if (t / window != sample) {
      sample = t / window;
      bool silent = true;
      for (uint32_t j = 0; j < port.size; ++j) {
        p[j] = x[sample][j] * rateDt;
        silent = silent && p[j] <= 0.0;
      }
      // A window of zeros draws nothing: go straight to its last step.
      if (silent) {
        t = sample * window + (window - 1);
        continue;
      }
    }
    for (uint32_t j = 0; j < port.size; ++j) {
      if (p[j] <= 0.0)
        continue;
      uint64_t bits = rng::mix64(keys[j] + t * rng::kGolden);
      if (rng::toUnitClosedOpen(bits) < p[j])
        train.events.push_back({t, j});
    }
  }
}

/// Refuses a rate code whose random draws or expected spikes are out of
/// proportion to what a spike file can hold: the draws bound the time, the
/// spikes the memory (an event costs about 36 bytes until it is written).
Status checkRateBudget(const std::vector<std::vector<std::vector<double>>> &x,
                       const EncoderOptions &options, uint64_t window,
                       const std::string &source) {
  if (options.steps == 0 || window == 0)
    return Status::success();
  double draws = 0, spikes = 0;
  double rateDt = options.maxRate * options.dt;
  for (const std::vector<std::vector<double>> &samples : x)
    for (uint64_t k = 0; k < samples.size(); ++k) {
      if (k > (options.steps - 1) / window)
        break;
      double steps = static_cast<double>(
          std::min<uint64_t>(window, options.steps - k * window));
      for (double v : samples[k])
        if (v * rateDt > 0) {
          draws += steps;
          spikes += v * rateDt * steps;
        }
    }
  if (draws > kMaxRateDraws)
    return ImageError{source,
                      "rate coding over " + std::to_string(options.steps) +
                          " steps draws " + std::to_string(uint64_t(draws)) +
                          " random numbers, more than the " +
                          std::to_string(uint64_t(kMaxRateDraws)) +
                          " an encoding may draw; use fewer --steps"};
  if (spikes > kMaxEncodedSpikes)
    return ImageError{
        source, "rate coding over " + std::to_string(options.steps) +
                    " steps gives about " + std::to_string(uint64_t(spikes)) +
                    " spikes, more than the " +
                    std::to_string(uint64_t(kMaxEncodedSpikes)) +
                    " a spike file may hold; use fewer --steps or a "
                    "lower --max-rate"};
  return Status::success();
}

void encodeLatency(const PortValues &port,
                   const std::vector<std::vector<double>> &x,
                   const EncoderOptions &options, uint64_t window,
                   SpikeTrain &train) {
  uint64_t windows = options.steps / window + (options.steps % window != 0);
  for (uint64_t k = 0; k < x.size() && k < windows; ++k) {
    for (uint32_t j = 0; j < port.size; ++j) {
      double v = x[k][j];
      if (!(v > options.threshold))
        continue;
      double offset = std::round((1.0 - v) * static_cast<double>(window - 1));
      // k * window < steps, so t < steps needs only offset < steps - k W.
      if (offset >= static_cast<double>(options.steps - k * window))
        continue;
      uint64_t t = k * window + static_cast<uint64_t>(offset);
      if (t < options.steps)
        train.events.push_back({t, j});
    }
  }
  train.normalize();
}

} // namespace

const char *toString(Coding coding) {
  return coding == Coding::Rate ? "rate" : "latency";
}

const char *toString(Normalization normalization) {
  return normalization == Normalization::None ? "none" : "minmax";
}

uint64_t encoderWindow(const ValueFile &file, const EncoderOptions &options) {
  if (options.window > 0)
    return options.window;
  for (const PortValues &port : file.ports)
    if (port.samples.size() > 1)
      return 1;
  return std::max<uint64_t>(options.steps, 1);
}

Expected<SpikeFile> encodeValues(const ValueFile &file,
                                 const EncoderOptions &options,
                                 const std::string &source) {
  bool rate = options.coding == Coding::Rate;
  if (rate) {
    if (!(options.dt > 0) || !std::isfinite(options.dt))
      return ImageError{source, "rate coding needs a time step dt > 0 "
                                "in seconds (--dt)"};
    if (!(options.maxRate >= 0) || !std::isfinite(options.maxRate))
      return ImageError{source, "the maximum rate must be a finite number "
                                "of Hz >= 0"};
    if (options.maxRate * options.dt > 1.0)
      return ImageError{source,
                        "maximum rate " + json(options.maxRate).dump() +
                            " Hz with dt " + json(options.dt).dump() +
                            " s gives a spike probability of " +
                            json(options.maxRate * options.dt).dump() +
                            " per step, more than 1; lower --max-rate below " +
                            json(1.0 / options.dt).dump() + " Hz"};
  } else if (!(options.threshold >= 0 && options.threshold < 1)) {
    return ImageError{source, "the latency threshold must lie in [0, 1)"};
  }
  uint64_t window = encoderWindow(file, options);

  SpikeFile out;
  out.steps = options.steps;
  std::vector<std::vector<std::vector<double>>> normalized;
  for (const PortValues &port : file.ports) {
    Expected<std::vector<std::vector<double>>> x =
        intensities(port, options.normalization, source);
    if (!x)
      return x.error();
    normalized.push_back(std::move(x.value()));
  }
  if (rate)
    if (Status fits = checkRateBudget(normalized, options, window, source);
        !fits)
      return fits.error();
  for (size_t portIndex = 0; portIndex < file.ports.size(); ++portIndex) {
    const PortValues &port = file.ports[portIndex];
    const std::vector<std::vector<double>> *x = &normalized[portIndex];
    PortTrace trace;
    trace.name = port.name;
    trace.train.shape =
        port.shape.empty() ? std::vector<uint32_t>{port.size} : port.shape;
    if (rate)
      encodeRate(port, *x, options, window, trace.train);
    else
      encodeLatency(port, *x, options, window, trace.train);
    out.ports.push_back(std::move(trace));
  }
  json settings = {{"coding", toString(options.coding)},
                   {"seed", options.seed},
                   {"steps", options.steps},
                   {"window", window},
                   {"normalization", toString(options.normalization)}};
  if (rate) {
    settings["dt"] = options.dt;
    settings["max_rate"] = options.maxRate;
  } else {
    settings["threshold"] = options.threshold;
  }
  out.metadata = {{"encoding", settings}};
  return out;
}

} // namespace snnc::runtime
