//===- NIR.h - Import NIR (HDF5) graphs as snn networks ---------*- C++ -*-===//
//
// Reads a Neuromorphic Intermediate Representation file and builds an
// `snn.network` named after the file's stem. Every diagnostic names the NIR
// node it concerns (as a NameLoc and in the message); malformed files fail
// with a diagnostic, never a crash.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMPORT_NIR_H
#define SNNC_IMPORT_NIR_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/OwningOpRef.h"

namespace snnc {

/// Imports the NIR file at `path` into a new module holding one
/// `snn.network`. Loads the snn dialect into `context`. Returns null after
/// emitting diagnostics through `context` when the file cannot be imported.
///
/// Top-level Input nodes become the network's arguments (spikes) and Output
/// nodes its results, both in node-name order. The file is first read in a
/// forked child process, because HDF5 itself may crash on corrupt files.
///
/// Documented defaults for fields older files omit: `v_reset` = 0 (the op's
/// own default, so the attribute is left out), CubaLIF `w_in` = 1, LIF/LI
/// `tau` may also be spelled `tau_mem`, Flatten `start_dim` = 0 and
/// `end_dim` = -1, Conv2d `stride` = 1, `padding` = 0, `dilation` = 1,
/// `groups` = 1, SumPool2d/AvgPool2d `stride` = `kernel_size`, `padding` = 0.
mlir::OwningOpRef<mlir::ModuleOp> importNIRFile(llvm::StringRef path,
                                                mlir::MLIRContext *context);

/// Prints a diagnostic about a NIR node (a NameLoc) as
/// "<file>: node '<name>': error: <message>", then its notes.
void printNodeDiagnostic(llvm::StringRef file, mlir::Diagnostic &diag,
                         llvm::raw_ostream &os);

} // namespace snnc

#endif // SNNC_IMPORT_NIR_H
