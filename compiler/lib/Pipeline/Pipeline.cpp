//===- Pipeline.cpp - The compile pipeline, as a library function ---------===//

#include "snnc/Pipeline/Pipeline.h"

#include "snnc/Target/TargetMachine.h"
#include "snnc/Transforms/Passes.h"

#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

namespace snnc {

void buildCompilePipeline(mlir::OpPassManager &pm,
                          const CompilePipelineOptions &options) {
  SnnTargetOptions target;
  target.target = options.target;
  target.targetConfig = options.targetConfig;
  target.seed = options.seed;
  target.firingProbability = options.firingProbability;
  pm.addPass(createSnnTarget(target));
  pm.addPass(mlir::createCanonicalizerPass());
  SnnDiscretizeOptions discretize;
  discretize.dt = options.dt;
  discretize.rule = options.rule;
  pm.addPass(createSnnDiscretize(discretize));
  pm.addPass(mlir::createCanonicalizerPass());
  std::string error;
  if (const TargetMachine *machine =
          lookupTargetMachine(options.target.getValue(), error))
    machine->addLoweringPasses(pm);
}

void registerCompilePipeline() {
  mlir::PassPipelineRegistration<CompilePipelineOptions>(
      "snnc-compile",
      "every stage of `snnc compile`: snn-target, snn-discretize, then the "
      "target's passes",
      buildCompilePipeline);
}

} // namespace snnc
