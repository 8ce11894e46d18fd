//===- PlotRaster.cpp - raster.svg: spikes of every population ------------===//
//
// One band per input port and spiking population, neuron 0 at the top of
// its band, time left to right. Bands get a share of the height in
// proportion to their size, with a floor so that a 4-neuron output stays
// visible next to a 10 000-neuron reservoir.
//
//===----------------------------------------------------------------------===//

#include "Plot.h"
#include "Svg.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace snnc::tools {

namespace {

constexpr double kWidth = 1000;
constexpr double kLeft = 170;
constexpr double kRight = 20;
constexpr double kTop = 50;
constexpr double kBandsHeight = 560;
constexpr double kMinBand = 30;
constexpr double kGap = 6;

const char *const kPalette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd",
                                "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

struct Band {
  std::string name;
  std::string detail;
  std::string colour;
  uint32_t size = 0;
  const runtime::SpikeList *spikes = nullptr;
  /// Input trains, converted to the form runs record.
  std::shared_ptr<const runtime::SpikeList> owned;
  uint64_t count = 0;
  double top = 0;
  double height = 0;
};

struct Dot {
  double x, y;
  uint32_t band;
};

std::vector<Band> collectBands(const PlotData &data,
                               std::vector<std::string> &readouts) {
  static const runtime::SpikeList none;
  const image::Image &image = data.image;
  std::vector<Band> bands;
  for (size_t i = 0; i < image.inputs.size(); ++i) {
    Band b;
    b.name = image.inputs[i].name;
    b.detail = "input port, " + std::to_string(image.inputs[i].size);
    b.colour = "#555555";
    b.size = image.inputs[i].size;
    if (i < data.inputs.size())
      b.owned =
          std::make_shared<const runtime::SpikeList>(data.inputs[i].events);
    b.spikes = b.owned ? b.owned.get() : &none;
    bands.push_back(b);
  }
  size_t colour = 0;
  for (size_t p = 0; p < image.populations.size(); ++p) {
    const image::Population &pop = image.populations[p];
    if (!pop.spiking) {
      readouts.push_back(pop.name);
      continue;
    }
    Band b;
    b.name = pop.name;
    b.detail = std::string(image::toString(pop.model)) + ", " +
               std::to_string(pop.size);
    b.colour = kPalette[colour++ % std::size(kPalette)];
    b.size = pop.size;
    b.spikes = p < data.result.populationSpikes.size()
                   ? &data.result.populationSpikes[p]
                   : &none;
    bands.push_back(b);
  }
  for (Band &b : bands) {
    for (const runtime::SpikeEvent &e : *b.spikes)
      b.count += e.step < data.result.steps && e.index < b.size;
    b.detail +=
        b.count == 1 ? ", 1 spike" : ", " + std::to_string(b.count) + " spikes";
  }
  return bands;
}

/// Heights: the floor for every band, the rest of kBandsHeight shared in
/// proportion to size.
double layBands(std::vector<Band> &bands) {
  uint64_t total = 0;
  for (const Band &b : bands)
    total += std::max(1u, b.size);
  double spare = std::max(0.0, kBandsHeight - kMinBand * bands.size());
  double y = kTop;
  for (Band &b : bands) {
    b.top = y;
    b.height = kMinBand + spare * std::max(1u, b.size) / double(total);
    y += b.height + kGap;
  }
  return y - (bands.empty() ? 0 : kGap);
}

/// Spikes as dots, one per occupied pixel, then thinned to kMaxRasterDots.
std::vector<Dot> placeDots(const std::vector<Band> &bands, uint64_t steps,
                           double plotWidth, double bottom, uint64_t &merged) {
  size_t columns = size_t(std::ceil(plotWidth)) + 1;
  size_t rows = size_t(std::ceil(bottom - kTop)) + 1;
  std::vector<bool> used(columns * rows, false);
  std::vector<Dot> dots;
  for (uint32_t i = 0; i < bands.size(); ++i) {
    const Band &b = bands[i];
    double rowHeight = b.height / std::max(1u, b.size);
    for (const runtime::SpikeEvent &e : *b.spikes) {
      if (e.step >= steps || e.index >= b.size)
        continue;
      double x = kLeft + double(e.step) * plotWidth / double(steps);
      double y = b.top + (e.index + 0.5) * rowHeight;
      size_t cell = size_t(y - kTop) * columns + size_t(x - kLeft);
      if (used[cell])
        continue;
      used[cell] = true;
      dots.push_back({x, y, i});
    }
  }
  merged = dots.size();
  if (dots.size() <= kMaxRasterDots)
    return dots;
  std::vector<Dot> kept;
  kept.reserve(kMaxRasterDots);
  uint64_t n = dots.size();
  for (uint64_t j = 0; j < n; ++j)
    if ((j + 1) * kMaxRasterDots / n > j * kMaxRasterDots / n)
      kept.push_back(dots[j]);
  return kept;
}

void drawTimeAxis(svg::Document &doc, uint64_t steps, double dt,
                  double plotWidth, double bottom) {
  double axis = bottom + 4;
  doc.line(kLeft, axis, kLeft + plotWidth, axis, "#000000");
  double step = plot::niceStep(double(steps), 10);
  for (uint64_t k = 0; double(k) * step <= double(steps); ++k) {
    double t = double(k) * step;
    double x = kLeft + t * plotWidth / double(steps);
    doc.line(x, kTop, x, bottom, "#e0e0e0", 0.5);
    doc.line(x, axis, x, axis + 4, "#000000");
    doc.text(x, axis + 16, svg::number(t, 0), 10, "middle");
    doc.text(x, axis + 30, svg::number(t * dt * 1e3, 3), 10, "middle",
             {{"fill", "#555555"}});
  }
  doc.text(kLeft - 8, axis + 16, "step", 10, "end");
  doc.text(kLeft - 8, axis + 30, "time (ms)", 10, "end", {{"fill", "#555555"}});
}

} // namespace

std::string rasterSvg(const PlotData &data) {
  const image::Image &image = data.image;
  uint64_t steps = std::max<uint64_t>(1, data.result.steps);
  std::vector<std::string> readouts;
  std::vector<Band> bands = collectBands(data, readouts);
  double bottom = layBands(bands);
  double plotWidth = kWidth - kLeft - kRight;
  uint64_t merged = 0;
  std::vector<Dot> dots = placeDots(bands, steps, plotWidth, bottom, merged);
  double height = bottom + 90;

  svg::Document doc(kWidth, height);
  doc.rect(0, 0, kWidth, height, "#ffffff");
  doc.text(kLeft, 24,
           "Spike raster of '" + image.network +
               "': " + std::to_string(data.result.steps) + " steps of " +
               svg::withPrefix(image.dt, "s") + ", engine " + data.engine,
           15, "start", {{"font-weight", "bold"}});
  for (size_t i = 0; i < bands.size(); ++i) {
    const Band &b = bands[i];
    doc.rect(kLeft, b.top, plotWidth, b.height, i % 2 ? "#ffffff" : "#f4f4f4",
             {{"stroke", "#cccccc"}, {"stroke-width", 0.5}});
    doc.text(kLeft - 8, b.top + 13, b.name, 12, "end",
             {{"font-weight", "bold"}, {"class", "band"}});
    doc.text(kLeft - 8, b.top + 26, b.detail, 9, "end", {{"fill", "#555555"}});
  }
  drawTimeAxis(doc, steps, image.dt, plotWidth, bottom);

  double dotWidth = std::clamp(plotWidth / double(steps), 0.6, 6.0);
  std::vector<std::string> paths(bands.size());
  for (const Dot &d : dots)
    paths[d.band] += "M" + svg::number(d.x) + " " + svg::number(d.y) + "h" +
                     svg::number(dotWidth);
  for (uint32_t i = 0; i < bands.size(); ++i) {
    const std::string &path = paths[i];
    if (path.empty())
      continue;
    double rowHeight = bands[i].height / std::max(1u, bands[i].size);
    doc.element("path",
                {{"class", "spikes"},
                 {"d", path},
                 {"stroke", bands[i].colour},
                 {"stroke-width", std::clamp(rowHeight * 0.9, 0.6, 4.0)},
                 {"fill", "none"}});
  }

  uint64_t total = 0;
  for (const Band &b : bands)
    total += b.count;
  std::string caption = std::to_string(dots.size()) + " dots for " +
                        std::to_string(total) +
                        " spikes (spikes sharing a pixel drawn once";
  if (merged > kMaxRasterDots)
    caption += "; " + std::to_string(merged) +
               " occupied pixels thinned evenly to the cap of " +
               std::to_string(kMaxRasterDots);
  caption += "); neuron 0 at the top of each band.";
  doc.text(kLeft, bottom + 58, caption, 10, "start", {{"class", "caption"}});
  if (!readouts.empty()) {
    std::string list;
    for (const std::string &r : readouts)
      list += (list.empty() ? "" : ", ") + r;
    doc.text(kLeft, bottom + 74, "Readouts without spikes, not drawn: " + list,
             10, "start", {{"fill", "#555555"}});
  }
  return doc.finish();
}

} // namespace snnc::tools
