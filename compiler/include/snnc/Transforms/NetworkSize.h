//===- NetworkSize.h - Counting a network before expanding it ---*- C++ -*-===//
//
// A few bytes of IR can describe a billion neurons or ten billion procedural
// synapses. Passes expand such networks row by row; this count, taken from
// types and attributes alone, lets snn-target refuse one that no chip of
// the target could hold before anything is expanded.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TRANSFORMS_NETWORKSIZE_H
#define SNNC_TRANSFORMS_NETWORKSIZE_H

#include "snnc/Target/TargetMachine.h"

#include "mlir/IR/BuiltinOps.h"

#include <cstdint>

namespace snnc {

struct NetworkSize {
  /// Neurons of every population (saturating at UINT64_MAX).
  uint64_t neurons = 0;
  /// Synapses certain to be stored: procedural ones at their expected
  /// count less six standard deviations, and the nonzero entries of weight
  /// tensors written as one repeated (splat) value. Weights written out in
  /// full are bounded by the input's size and are left to the passes.
  double synapses = 0;
  /// The op holding most of each, for the diagnostic.
  mlir::Operation *largestPopulation = nullptr;
  mlir::Operation *largestProjection = nullptr;
};

NetworkSize measureNetwork(mlir::ModuleOp module);

/// Refuses `module` when it needs more neurons or synapses than `capacity`,
/// naming both counts, the largest op and where the bound comes from.
mlir::LogicalResult checkCapacity(mlir::ModuleOp module,
                                  const TargetCapacity &capacity,
                                  llvm::StringRef target);

} // namespace snnc

#endif // SNNC_TRANSFORMS_NETWORKSIZE_H
