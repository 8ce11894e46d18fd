//===- ReadoutTap.cpp - What a trained readout sees of its source ---------===//

#include "snnc/batch/ReadoutTap.h"

#include <cmath>

using snnc::image::Expected;
using snnc::image::ImageError;

namespace snnc::batch {

Expected<ReadoutTap> findReadoutTap(const image::Image &image, uint32_t output,
                                    uint64_t steps) {
  if (output >= image.outputs.size())
    return ImageError{"", "--decode-output " + std::to_string(output) +
                              " names no output; the network has " +
                              std::to_string(image.outputs.size())};
  ReadoutTap tap;
  tap.output = output;
  tap.readout = image.outputs[output].population;
  const image::Population &readout = image.populations[tap.readout];
  if (readout.spiking)
    return ImageError{"", "output " + std::to_string(output) + " ('" +
                              readout.name +
                              "') is a spiking population; "
                              "a trained readout must be an li or "
                              "integrator population"};
  tap.classes = readout.size;
  int found = -1;
  for (size_t p = 0; p < image.projections.size(); ++p) {
    if (image.projections[p].target != tap.readout)
      continue;
    if (found >= 0)
      return ImageError{"", "readout '" + readout.name +
                                "' has more than one input projection ('" +
                                image.projections[size_t(found)].name + "', '" +
                                image.projections[p].name +
                                "'); snnc fit trains a readout fed by one"};
    found = int(p);
  }
  if (found < 0)
    return ImageError{"", "readout '" + readout.name + "' has no input"};
  const image::Projection &proj = image.projections[size_t(found)];
  if (proj.kind != image::ProjectionKind::Linear &&
      proj.kind != image::ProjectionKind::Affine)
    return ImageError{"", "readout '" + readout.name + "' is fed by a " +
                              image::toString(proj.kind) +
                              " projection; snnc fit trains snn.linear or "
                              "snn.affine weights"};
  tap.projection = uint32_t(found);
  tap.source = proj.source;
  tap.sourceSize = image::sourceSize(image, proj.source);
  tap.sourceName = proj.source.kind == image::SourceKind::Input
                       ? image.inputs[proj.source.index].name
                       : image.populations[proj.source.index].name;
  if (proj.source.kind == image::SourceKind::Population &&
      !image.populations[proj.source.index].spiking)
    return ImageError{"", "readout '" + readout.name + "' reads '" +
                              tap.sourceName + "', which does not spike"};
  uint32_t delay = proj.maxDelay;
  for (uint16_t d : proj.stored.delay)
    if (d != delay)
      return ImageError{"", "projection '" + proj.name +
                                "' has synapses of different delays; snnc "
                                "fit needs one delay"};
  const image::FloatNeuron &first = readout.floatParams.front();
  for (const image::FloatNeuron &n : readout.floatParams)
    if (n.decay != first.decay || n.gain != first.gain ||
        n.drive != first.drive)
      return ImageError{"", "readout '" + readout.name +
                                "' has neurons of different time constants "
                                "or gains; snnc fit needs them alike"};
  if (first.gain == 0)
    return ImageError{"", "readout '" + readout.name +
                              "' has gain 0: its value ignores its input"};

  // response[s] = readout value s steps after one unit of input arrives.
  double window = double(steps);
  std::vector<double> tail(steps + 1, 0.0); // tail[s] = sum of response[0..s)
  double response = first.gain;
  for (uint64_t s = 0; s < steps; ++s) {
    tail[s + 1] = tail[s] + response;
    response *= first.decay;
  }
  tap.kernel.assign(steps, 0.0);
  for (uint64_t t = 0; t < steps; ++t)
    if (t + delay < steps)
      tap.kernel[t] = tail[steps - t - delay] / window;
  // A constant input arriving every step from step 0 on.
  for (uint64_t t = 0; t < steps; ++t)
    tap.biasGain += tail[t + 1] / window;
  tap.driveOffset = tap.biasGain * first.drive / first.gain;
  return tap;
}

} // namespace snnc::batch
