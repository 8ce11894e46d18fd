//===- InputChecks.h - Pre-parse checks of textual MLIR input ---*- C++ -*-===//
//
// Checks that catch, before MLIR parses a file, inputs that MLIR 19 itself
// would abort or crash on rather than diagnose.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_INPUTCHECKS_H
#define SNN_INPUTCHECKS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace snn {

/// A problem found in the raw text, with its 1-based position.
struct InputProblem {
  unsigned line;
  unsigned column;
  std::string message;
};

/// The problem `message` at byte `offset` of `text`.
InputProblem problemAt(llvm::StringRef text, size_t offset,
                       std::string message);

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

/// How much longer than the input its aliases may make the printed text:
/// MLIR prints in full every alias it cannot name again (arrays, tuples,
/// dense literals), so `#a1 = [#a0, #a0]`, `#a2 = [#a1, #a1]`, ... doubles
/// the output per line.
constexpr uint64_t kMaxAliasExpansionBytes = uint64_t(64) << 20;

/// Refuses text, outside string literals and comments, that nests deeper
/// than kMaxNestingDepth, counting brackets ( [ { <, each operator of an
/// affine expression (which nests without brackets), and each alias at the
/// depth it has once expanded; and text whose aliases, expanded where they
/// are used, would add more than kMaxAliasExpansionBytes. Points at the
/// first bracket, operator or alias too many.
std::optional<InputProblem> checkNesting(llvm::StringRef text);

/// Every check above, in order: what snnc runs on MLIR text before parsing.
std::optional<InputProblem> checkInput(llvm::StringRef text);

} // namespace snn

#endif // SNN_INPUTCHECKS_H
