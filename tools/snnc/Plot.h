//===- Plot.h - SVG plots of a run: raster, PE load, energy -----*- C++ -*-===//
//
// `snnc run --plot DIR` writes three standalone SVG files:
//   raster.svg   spikes of every input port and spiking population, one
//                labelled band each, over steps and milliseconds;
//   pe-load.svg  mean busy cycles per step of every used PE over the step
//                budget, drawn where the PE sits: chips on their board
//                coordinates, PEs on their chip's QPE grid;
//   energy.svg   the energy breakdown as horizontal bars.
// Each plot is a pure function of the run, so equal runs give equal bytes.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_PLOT_H
#define SNNC_TOOLS_PLOT_H

#include "snnc/image/Image.h"
#include "snnc/runtime/Energy.h"
#include "snnc/runtime/RunResult.h"
#include "snnc/runtime/SpikeTrain.h"

#include <string>
#include <vector>

namespace snnc::tools {

/// Largest number of spike dots raster.svg draws. Spikes that fall on one
/// pixel are drawn once; when more dots than this remain, evenly spaced
/// ones (in (step, neuron) order) are kept, so a huge run still gives a file
/// of a few megabytes. The plot's caption says how many were drawn.
inline constexpr uint64_t kMaxRasterDots = 200000;

struct PlotData {
  const image::Image &image;
  /// A run made with RunOptions::recordAllSpikes.
  const runtime::RunResult &result;
  const runtime::EnergyReport &energy;
  /// The input trains, in Image::inputs order (may be empty: no input).
  const std::vector<runtime::SpikeTrain> &inputs;
  std::string engine;
};

std::string rasterSvg(const PlotData &data);
std::string peLoadSvg(const PlotData &data);
std::string energySvg(const PlotData &data);

/// The files writePlots writes into its directory.
const std::vector<std::string> &plotNames();

/// Creates `dir` (and its parents) and writes the three plots into it, all
/// or none.
image::Status writePlots(const std::string &dir, const PlotData &data);

namespace plot {
/// A round axis step (1, 2 or 5 x 10^k) giving about `ticks` ticks over
/// [0, range].
double niceStep(double range, int ticks);
/// A colour of the sequential scale used for loads, t in [0, 1], "#rrggbb".
std::string rampColour(double t);
} // namespace plot

} // namespace snnc::tools

#endif // SNNC_TOOLS_PLOT_H
