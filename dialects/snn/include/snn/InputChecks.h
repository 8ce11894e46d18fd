//===- InputChecks.h - Pre-parse checks of textual MLIR input ---*- C++ -*-===//
//
// Checks that catch, before MLIR parses a file, inputs that MLIR 19 itself
// would abort on rather than diagnose.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_INPUTCHECKS_H
#define SNN_INPUTCHECKS_H

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace snn {

/// A problem found in the raw text, with its 1-based position.
struct InputProblem {
  unsigned line;
  unsigned column;
  std::string message;
};

/// Checks every hex blob in `{-# dialect_resources ... #-}` sections: MLIR 19
/// allocates a blob with the alignment stored in its first four bytes and
/// aborts (std::bad_alloc with exceptions off) when that alignment is zero or
/// not a power of two (llvm/llvm-project#181266).
std::optional<InputProblem> checkResourceBlobs(llvm::StringRef text);

} // namespace snn

#endif // SNN_INPUTCHECKS_H
