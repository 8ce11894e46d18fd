//===- InputChecks.h - Pre-parse checks of textual MLIR input ---*- C++ -*-===//
//
// Checks that catch, before MLIR parses a file, inputs that MLIR 19 itself
// would abort or crash on rather than diagnose.
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

/// The deepest nesting of brackets that snnc hands to MLIR's parser.
/// MLIR 19 parses attributes, types and regions recursively, one stack frame
/// chain per level, and overflows the default 8 MB stack between 4,000 and
/// 8,000 levels; shipped networks nest fewer than 10.
constexpr unsigned kMaxNestingDepth = 1000;

/// Refuses text whose brackets ( [ { < nest deeper than kMaxNestingDepth,
/// outside string literals and comments, pointing at the first bracket too
/// deep.
std::optional<InputProblem> checkNesting(llvm::StringRef text);

/// Every check above, in order: what snnc runs on MLIR text before parsing.
std::optional<InputProblem> checkInput(llvm::StringRef text);

} // namespace snn

#endif // SNN_INPUTCHECKS_H
