//===- NIR.h - Export snn networks as NIR (HDF5) graphs ---------*- C++ -*-===//
//
// Writes a continuous-time `snn.network` as a Neuromorphic Intermediate
// Representation file that NIR's reference reader and snnc's importer read.
// What NIR cannot express is refused with a diagnostic at the op, or, for
// procedural reservoirs on request, materialised as dense weights.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_EXPORT_NIR_H
#define SNNC_EXPORT_NIR_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"

#include <cstdint>

namespace snnc {

/// Dense weights the exporter writes for a reservoir or a sparse projection
/// hold at most this many elements (2^24 f32 values, 64 MiB; a 4096-neuron
/// reservoir): NIR has no sparse or procedural node, so a larger matrix is
/// refused, not written. It is the largest dataset snnc's importer reads
/// (kMaxElements in compiler/lib/Import/Hdf5Graph.cpp), so what snnc
/// writes, snnc reads.
inline constexpr int64_t kMaxExportDenseElements = int64_t(1) << 24;

struct NIRExportOptions {
  /// Write `snn.reservoir` (and `snn.procedural`) as a LIF population plus a
  /// dense recurrent Linear expanded from the seed, instead of refusing it.
  bool materialize = false;
};

/// Exports the one `snn.network` of `module` to `path`. The file appears
/// only when the whole export succeeds (it is written to a temporary file in
/// the same directory and renamed). On failure, emits diagnostics located at
/// the offending op and leaves no file behind.
///
/// NIR node names come from the ops' NameLoc locations (the importer stores
/// each NIR node's name there), else from dense_resource blob names the
/// importer made ("nir_<name>"), else they are generated from the graph's
/// structure, so the same network always gives the same file.
mlir::LogicalResult exportNIRFile(mlir::ModuleOp module, llvm::StringRef path,
                                  const NIRExportOptions &options = {});

} // namespace snnc

#endif // SNNC_EXPORT_NIR_H
