//===- NestingCheck.cpp - How deep and how large MLIR text really is ------===//
//
// A lexical pre-scan of MLIR text that finds what would overflow MLIR 19's
// recursive parser and printer, or make the printer write without end,
// before MLIR sees the text. It counts brackets, the operators of affine
// expressions (which nest without brackets), and every alias at the depth
// and size it has once expanded: MLIR parses a chain of aliases one at a
// time, so `#a1 = [#a0]`, `#a2 = [#a1]`, ... builds an attribute as deep as
// the chain is long, and prints every alias it cannot name again in full.
//
//===----------------------------------------------------------------------===//

#include "snn/InputChecks.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>

using namespace snn;

namespace {

bool isIdentifierStart(char c) { return llvm::isAlpha(c) || c == '_'; }

bool isIdentifierChar(char c) {
  return llvm::isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '-';
}

uint64_t saturatingAdd(uint64_t a, uint64_t b) {
  return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

class NestingScanner {
public:
  explicit NestingScanner(llvm::StringRef text) : text(text) {}

  std::optional<InputProblem> run();

private:
  /// An alias, as deep and as long as it is once expanded.
  struct Alias {
    unsigned depth;
    uint64_t bytes;
  };

  InputProblem problemAt(size_t offset, std::string message) const;
  std::optional<InputProblem> tooDeep(size_t offset, unsigned levels,
                                      llvm::StringRef alias) const;
  /// The next offset at or after `from` that is not blank or a comment.
  size_t skipBlank(size_t from) const;
  size_t skipString(size_t from) const;
  std::optional<InputProblem> enter(size_t offset, unsigned extra,
                                    llvm::StringRef alias = {});
  std::optional<InputProblem> reference(size_t offset, llvm::StringRef name);
  void finishAlias(size_t end);
  /// Whether the alias being defined goes on past this newline at depth 0.
  bool continuesOnNextLine(size_t newline);
  void closeBracket();

  llvm::StringRef text;
  llvm::StringMap<Alias> aliases;
  unsigned depth = 0;
  /// Inside an affine_map or affine_set body: the depth of its '<' and the
  /// operators seen, each of which is one more level of the expression.
  unsigned affineDepth = 0;
  unsigned affineOperators = 0;
  bool affineKeyword = false;
  /// The alias being defined, if any.
  std::string defining;
  size_t definitionStart = 0;
  unsigned definitionDepth = 0;
  uint64_t definitionGrowth = 0;
  bool valueStarted = false;
  char lastSignificant = 0;
  /// The text that continues a definition past blank lines and comments
  /// already looked through, so that each is looked through once.
  size_t continuationFrom = 0;
  /// The expanded length of every alias used outside definitions: what
  /// MLIR prints in place of their names.
  uint64_t expandedUses = 0;
};

InputProblem NestingScanner::problemAt(size_t offset,
                                       std::string message) const {
  return snn::problemAt(text, offset, std::move(message));
}

std::optional<InputProblem>
NestingScanner::tooDeep(size_t offset, unsigned levels,
                        llvm::StringRef alias) const {
  if (levels <= kMaxNestingDepth)
    return std::nullopt;
  std::string message = "nested deeper than " +
                        std::to_string(kMaxNestingDepth) +
                        " levels of brackets ( [ { <";
  if (!alias.empty())
    message += " once alias '" + alias.str() + "' is expanded";
  if (affineOperators)
    message += " (each operator of an affine expression is a level)";
  return problemAt(offset, message +
                               "; snnc refuses deeper input, which would "
                               "overflow MLIR's recursive parser and printer");
}

size_t NestingScanner::skipBlank(size_t from) const {
  while (from < text.size()) {
    char c = text[from];
    if (c == '/' && from + 1 < text.size() && text[from + 1] == '/') {
      from = text.find('\n', from);
      if (from == llvm::StringRef::npos)
        return text.size();
    } else if (!llvm::isSpace(c)) {
      return from;
    }
    ++from;
  }
  return from;
}

size_t NestingScanner::skipString(size_t from) const {
  // MLIR string literals end at the line's end at the latest.
  size_t i = from + 1;
  for (; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i)
    if (text[i] == '\\')
      ++i;
  return std::min(i, text.size());
}

std::optional<InputProblem> NestingScanner::enter(size_t offset, unsigned extra,
                                                  llvm::StringRef alias) {
  unsigned levels = depth + affineOperators + extra;
  if (!defining.empty())
    definitionDepth = std::max(definitionDepth, levels);
  return tooDeep(offset, levels, alias);
}

std::optional<InputProblem> NestingScanner::reference(size_t offset,
                                                      llvm::StringRef name) {
  auto found = aliases.find(name);
  if (found == aliases.end())
    return std::nullopt;
  const Alias &alias = found->second;
  if (std::optional<InputProblem> problem = enter(offset, alias.depth, name))
    return problem;
  if (!defining.empty()) {
    definitionGrowth = saturatingAdd(
        definitionGrowth,
        alias.bytes - std::min<uint64_t>(alias.bytes, name.size()));
    return std::nullopt;
  }
  // A definition is printed once per use; what the input spends on the
  // definitions themselves is at most its whole length.
  expandedUses = saturatingAdd(expandedUses, alias.bytes);
  if (expandedUses > text.size() + kMaxAliasExpansionBytes)
    return problemAt(
        offset, "expanding alias '" + name.str() +
                    "' here makes the input more than " +
                    std::to_string(kMaxAliasExpansionBytes >> 20) +
                    " MiB longer; snnc refuses aliases that expand that far, "
                    "which MLIR would print in full");
  return std::nullopt;
}

void NestingScanner::finishAlias(size_t end) {
  if (defining.empty())
    return;
  uint64_t bytes = saturatingAdd(end - definitionStart, definitionGrowth);
  aliases[defining] = {definitionDepth, bytes};
  defining.clear();
}

bool NestingScanner::continuesOnNextLine(size_t newline) {
  if (newline < continuationFrom)
    return true; // decided at an earlier newline of the same blank stretch
  if (!valueStarted || llvm::StringRef(":=,-").contains(lastSignificant))
    return true;
  size_t next = skipBlank(newline);
  if (next < text.size() && llvm::StringRef(":<([-,").contains(text[next])) {
    continuationFrom = next;
    return true;
  }
  return false;
}

void NestingScanner::closeBracket() {
  if (depth == 0)
    return; // a stray closer: the parser diagnoses it
  --depth;
  if (affineDepth && depth < affineDepth)
    affineDepth = affineOperators = 0;
}

std::optional<InputProblem> NestingScanner::run() {
  for (size_t i = 0, e = text.size(); i < e;) {
    char c = text[i];
    if (c == '\n' && depth == 0 && !defining.empty() && !continuesOnNextLine(i))
      finishAlias(i);
    if (llvm::isSpace(c)) {
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < e && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == llvm::StringRef::npos)
        break;
      continue;
    }
    valueStarted = true;
    bool keyword = false;
    if (c == '"') {
      i = skipString(i) + 1;
    } else if (c == '#' || c == '!') {
      size_t end = i + 1;
      while (end < e && isIdentifierChar(text[end]))
        ++end;
      llvm::StringRef name = text.slice(i, end);
      size_t after = skipBlank(end);
      bool definition = depth == 0 && name.size() > 1 && after < e &&
                        text[after] == '=' &&
                        (after + 1 == e || text[after + 1] != '=');
      if (definition) {
        finishAlias(i);
        defining = name.str();
        definitionStart = after + 1;
        definitionDepth = 0;
        definitionGrowth = 0;
        valueStarted = false;
        i = after + 1;
        lastSignificant = '=';
        continue;
      }
      if (std::optional<InputProblem> problem = reference(i, name))
        return problem;
      i = end;
    } else if (isIdentifierStart(c)) {
      size_t end = i + 1;
      while (end < e && isIdentifierChar(text[end]) && text[end] != '-')
        ++end;
      llvm::StringRef word = text.slice(i, end);
      keyword = word == "affine_map" || word == "affine_set";
      if (affineDepth &&
          (word == "floordiv" || word == "ceildiv" || word == "mod")) {
        ++affineOperators;
        if (std::optional<InputProblem> problem = enter(i, 0))
          return problem;
      }
      i = end;
    } else if (c == '-' && i + 1 < e && text[i + 1] == '>') {
      i += 2; // an arrow closes nothing, and a type follows it
      affineKeyword = false;
      lastSignificant = '-';
      continue;
    } else if (c == '>' && i + 1 < e && text[i + 1] == '=') {
      i += 2; // neither does a comparison of an affine set
    } else if (c == '(' || c == '[' || c == '{' || c == '<') {
      ++depth;
      if (c == '<' && affineKeyword)
        affineDepth = depth;
      if (std::optional<InputProblem> problem = enter(i, 0))
        return problem;
      ++i;
    } else if (c == ')' || c == ']' || c == '}' || c == '>') {
      closeBracket();
      ++i;
    } else {
      if (affineDepth && (c == '+' || c == '-' || c == '*')) {
        ++affineOperators;
        if (std::optional<InputProblem> problem = enter(i, 0))
          return problem;
      }
      ++i;
    }
    affineKeyword = keyword;
    lastSignificant = text[std::min(i, e) - 1];
  }
  return std::nullopt;
}

} // namespace

std::optional<InputProblem> snn::checkNesting(llvm::StringRef text) {
  return NestingScanner(text).run();
}
