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

/// A read that spends more CPU time than this is treated as a hang on a
/// corrupt file (a corrupt global heap makes HDF5 1.10 loop): CPU time, so
/// that a loaded machine does not turn a slow read into a refusal. Reading
/// a 1 GiB file takes about 2 s.
inline constexpr unsigned kProbeCpuSeconds = 5;
/// A read that blocks this long without using its CPU time is ended too.
inline constexpr unsigned kProbeWallSeconds = 300;

enum class ProbeResult {
  Finished,   // the child returned (whatever it found)
  Crashed,    // the child died from a signal
  TimedOut,   // the child ran out of time (kProbeCpuSeconds)
  Unavailable // no fork on this platform, or fork failed: read directly
};

struct ProbeOutcome {
  ProbeResult result = ProbeResult::Unavailable;
  int signal = 0; // Crashed: the signal that ended the child
};

/// Runs `work` in a child process with its output discarded.
ProbeOutcome probeInChild(llvm::function_ref<void()> work);

} // namespace snnc::nir

#endif // SNNC_IMPORT_SANDBOX_H
