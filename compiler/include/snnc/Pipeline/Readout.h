//===- Readout.h - Writing a trained readout into a network -----*- C++ -*-===//
//
// `snnc fit` trains the weights of the projection that feeds one of a
// network's readout outputs and writes the network back with them, so that
// compiling the result gives the image it evaluated. The projection must be
// an `snn.linear` or `snn.affine` whose result feeds the readout op
// (`snn.li`, `snn.integrator`, or their `snn.neuron` form) that the
// network's `snn.output` returns; a linear projection becomes an affine one
// carrying the trained bias.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_PIPELINE_READOUT_H
#define SNNC_PIPELINE_READOUT_H

#include <cstdint>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace snnc {

struct TrainedReadout {
  /// Operand of snn.output whose projection is replaced.
  uint32_t output = 0;
  uint32_t classes = 0;
  uint32_t features = 0;
  /// Row-major classes x features, as NIR and snn.linear store weights.
  std::vector<float> weight;
  /// A constant current per class, injected every step.
  std::vector<float> bias;
};

/// Reads the network `input` (.mlir or .nir), replaces the readout's
/// weights and writes the module as MLIR to `outputPath` (through a
/// temporary file, so a failure leaves no half-written file). Errors are
/// printed to `diagnostics` with their location; returns false on failure.
bool writeTrainedReadout(const std::string &input,
                         const TrainedReadout &readout,
                         const std::string &outputPath,
                         llvm::raw_ostream &diagnostics);

} // namespace snnc

#endif // SNNC_PIPELINE_READOUT_H
