//===- Sandbox.h - Probe an untrusted HDF5 file in a child process -*- C++ -*-//
//
// HDF5 1.10 trusts a file's internal pointers: a corrupt global heap makes
// H5Dread copy from wild addresses and crash the process. The importer
// therefore first reads a file in a forked child; only when the child ends
// normally does it read the file for real.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMPORT_SANDBOX_H
#define SNNC_IMPORT_SANDBOX_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace snnc::nir {

enum class ProbeResult {
  Finished,   // the child returned (whatever it found)
  Crashed,    // the child died from a signal or ran out of time
  Unavailable // no fork on this platform, or fork failed: read directly
};

/// Runs `work` in a child process with its output discarded.
ProbeResult probeInChild(llvm::function_ref<void()> work);

} // namespace snnc::nir

#endif // SNNC_IMPORT_SANDBOX_H
