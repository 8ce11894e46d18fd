//===- Pipeline.h - The compile pipeline, as a library function -*- C++ -*-===//
//
// The stages of `snnc compile`, shared by every target: snn-target puts
// #snn.target on the module, snn-discretize turns continuous time into steps
// (with canonicalization around it), then the target's own passes run
// (TargetMachine::addLoweringPasses). Registered as the pass pipeline
// `snnc-compile`, so `snnc-opt --snnc-compile="target=... dt=..."` (with
// --mlir-print-ir-after-all) reproduces `snnc compile` stage by stage.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_PIPELINE_PIPELINE_H
#define SNNC_PIPELINE_PIPELINE_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

#include <cstdint>
#include <string>

namespace snnc {

struct CompilePipelineOptions
    : public mlir::PassPipelineOptions<CompilePipelineOptions> {
  Option<std::string> target{*this, "target",
                             llvm::cl::desc("target to compile for")};
  Option<std::string> targetConfig{
      *this, "target-config",
      llvm::cl::desc("JSON file overriding fields of the target model")};
  Option<double> dt{*this, "dt", llvm::cl::desc("time step in seconds"),
                    llvm::cl::init(1e-3)};
  Option<std::string> rule{*this, "rule",
                           llvm::cl::desc("discretization rule: euler or "
                                          "exact"),
                           llvm::cl::init("euler")};
  Option<uint64_t> seed{*this, "seed",
                        llvm::cl::desc("seed of the target's randomised "
                                       "stages (placement)"),
                        llvm::cl::init(1)};
  Option<double> firingProbability{
      *this, "firing-probability",
      llvm::cl::desc("assumed spikes per neuron per step, for cycle and "
                     "traffic estimates"),
      llvm::cl::init(0.01)};
};

/// Appends every stage of `snnc compile` for `options.target`. An unknown
/// target is reported by snn-target when the pipeline runs.
void buildCompilePipeline(mlir::OpPassManager &pm,
                          const CompilePipelineOptions &options);

/// Registers `snnc-compile` for snnc-opt.
void registerCompilePipeline();

} // namespace snnc

#endif // SNNC_PIPELINE_PIPELINE_H
