//===- InputChecks.cpp - Pre-parse checks of textual MLIR input -----------===//
//
// Scans resource sections for blob headers MLIR 19 would abort on; the
// nesting scan is in NestingCheck.cpp.
//
//===----------------------------------------------------------------------===//

#include "snn/InputChecks.h"

#include "llvm/ADT/StringExtras.h"

using namespace snn;

InputProblem snn::problemAt(llvm::StringRef text, size_t offset,
                            std::string message) {
  llvm::StringRef before = text.take_front(offset);
  unsigned line = 1 + before.count('\n');
  size_t lineStart = before.rfind('\n');
  unsigned column =
      lineStart == llvm::StringRef::npos ? offset + 1 : offset - lineStart;
  return {line, column, std::move(message)};
}

std::optional<InputProblem> snn::checkResourceBlobs(llvm::StringRef text) {
  size_t pos = 0;
  while ((pos = text.find("{-#", pos)) != llvm::StringRef::npos) {
    size_t end = text.find("#-}", pos);
    if (end == llvm::StringRef::npos)
      end = text.size();
    for (size_t q = text.find("\"0x", pos); q < end;
         q = text.find("\"0x", q + 1)) {
      llvm::StringRef hex = text.substr(q + 3, 8);
      if (hex.size() < 8 || !llvm::all_of(hex, llvm::isHexDigit))
        continue; // too short or malformed: MLIR diagnoses these itself
      // The alignment is a little-endian u32 in the first four bytes.
      uint32_t align = 0;
      for (int byte = 3; byte >= 0; --byte)
        align = (align << 8) | static_cast<uint32_t>(llvm::hexFromNibbles(
                                   hex[2 * byte], hex[2 * byte + 1]));
      if (align == 0 || (align & (align - 1)) != 0)
        return problemAt(
            text, q,
            "resource blob alignment must be a non-zero power of two, "
            "got " +
                std::to_string(align) +
                " (the first four bytes of a blob hold its alignment)");
    }
    pos = end;
  }
  return std::nullopt;
}

std::optional<InputProblem> snn::checkInput(llvm::StringRef text) {
  if (std::optional<InputProblem> problem = checkNesting(text))
    return problem;
  return checkResourceBlobs(text);
}
