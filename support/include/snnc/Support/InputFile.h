//===- InputFile.h - Checking a file before reading it ----------*- C++ -*-===//
//
// Readers that slurp a whole file (MLIR text, JSON configurations, spike
// files) must not be pointed at /dev/zero, a FIFO or a terminal: the read
// never ends or never starts. Each reader asks here first, so the refusal
// and its wording are the same everywhere.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SUPPORT_INPUTFILE_H
#define SNNC_SUPPORT_INPUTFILE_H

#include <cstdint>
#include <string>

namespace snnc {

/// The largest file a reader loads whole: 1 GiB, as for image manifests.
constexpr uint64_t kMaxInputFileBytes = uint64_t(1) << 30;

/// Why `path` cannot be read whole (missing, a directory, not a regular
/// file, larger than `maxBytes`), naming the path and the OS's reason or the
/// limit; "" when it can. "-" (stdin) is allowed.
std::string checkInputFile(const std::string &path,
                           uint64_t maxBytes = kMaxInputFileBytes);

} // namespace snnc

#endif // SNNC_SUPPORT_INPUTFILE_H
