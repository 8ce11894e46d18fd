//===- Plot.cpp - Writing the run's plots, and their shared scales --------===//

#include "Plot.h"

#include "OutputDir.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace snnc::tools {

namespace plot {

double niceStep(double range, int ticks) {
  if (!(range > 0) || ticks < 1)
    return 1;
  double raw = range / ticks;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * power)
      return m * power;
  return 10 * power;
}

std::string rampColour(double t) {
  // Nine stops sampled from the viridis colour map: perceptually uniform
  // and readable in grey scale and by colour-blind readers.
  static const unsigned char stops[][3] = {
      {68, 1, 84},    {71, 45, 123},  {59, 82, 139},
      {44, 114, 142}, {33, 145, 140}, {40, 174, 128},
      {94, 201, 98},  {173, 220, 48}, {253, 231, 37}};
  constexpr int last = int(std::size(stops)) - 1;
  t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
  double at = t * last;
  int i = std::min(last - 1, int(at));
  double f = at - i;
  char buffer[8];
  int rgb[3];
  for (int k = 0; k < 3; ++k)
    rgb[k] =
        int(std::lround(stops[i][k] + f * (stops[i + 1][k] - stops[i][k])));
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return buffer;
}

} // namespace plot

const std::vector<std::string> &plotNames() {
  static const std::vector<std::string> names = {"raster.svg", "pe-load.svg",
                                                 "energy.svg"};
  return names;
}

image::Status writePlots(const std::string &dir, const PlotData &data) {
  return writeOutputDir(dir, {{"raster.svg", rasterSvg(data)},
                              {"pe-load.svg", peLoadSvg(data)},
                              {"energy.svg", energySvg(data)}});
}

} // namespace snnc::tools
