//===- Compile.h - The snnc compile pipeline --------------------*- C++ -*-===//
//
// Parses a network, runs the compile pipeline for a target and reports what
// it did. `snnc compile` is a thin command line over this.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_PIPELINE_COMPILE_H
#define SNNC_PIPELINE_COMPILE_H

#include <cstdint>
#include <string>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace snnc {

struct CompileOptions {
  std::string input;
  /// A built target; empty: the first built (SNNC_TARGETS_TO_BUILD order).
  std::string target;
  /// Time step in seconds and discretization rule ("euler" or "exact").
  double dt = 1e-3;
  std::string rule = "euler";
  /// JSON file whose fields override the target model.
  std::string targetConfig;
  uint64_t seed = 1;
  /// Assumed spikes per neuron per step, for cycle and traffic estimates.
  double firingProbability = 0.01;
  /// The image directory to write (default: the input's stem + ".img").
  std::string output;
  /// "" (none), "all", or a pass argument such as "snn-quantize".
  std::string dumpIrAfter;
  /// Leave the hex bytes of large resource blobs (weight and conductance
  /// tensors) out of the dumped IR: a readable dump of a large network,
  /// which then no longer parses back.
  bool dumpElideBlobs = false;
  /// Where to write the target's Verilog of the compiled network (targets
  /// whose chip is a netlist of it); empty for none.
  std::string emitVerilog;
  /// "table" or "json"; empty for no report.
  std::string report = "table";
  /// Print each projection's quantization remark as it is made.
  bool remarks = false;
};

/// Exit codes: 0 success, 1 bad input or a network that does not fit
/// (nothing is written then).
int compileNetwork(const CompileOptions &options, llvm::raw_ostream &out,
                   llvm::raw_ostream &diagnostics);

} // namespace snnc

#endif // SNNC_PIPELINE_COMPILE_H
