//===- CliChecks.cpp - Strict numbers on the command line ----------------===//

#include "CliChecks.h"

#include "snnc/Support/FormatNumber.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace snnc::tools {
namespace {

std::string wholeNumberProblem(const std::string &text, bool isSigned) {
  std::string range = isSigned ? "[-9223372036854775808, 9223372036854775807]"
                               : "[0, 18446744073709551615]";
  std::string what = "'" + text + "' is not a whole number in " + range;
  size_t digits = text.size() > 0 && text[0] == '-' && isSigned ? 1 : 0;
  if (text.size() == digits)
    return what;
  for (size_t i = digits; i < text.size(); ++i)
    if (text[i] < '0' || text[i] > '9')
      return what;
  if (text[digits] == '0' && text.size() > digits + 1)
    return "'" + text +
           "' has a leading zero (write it in decimal without "
           "one)";
  const char *end = text.data() + text.size();
  std::from_chars_result r;
  if (isSigned) {
    int64_t value;
    r = std::from_chars(text.data(), end, value);
  } else {
    uint64_t value;
    r = std::from_chars(text.data(), end, value);
  }
  if (r.ec != std::errc() || r.ptr != end)
    return what;
  return "";
}

void addChecks(CLI::App &app) {
  for (CLI::Option *option : app.get_options()) {
    // The type name carries the validators' names after a ':'.
    std::string type = option->get_type_name();
    type = type.substr(0, type.find(':'));
    bool isSigned = type == "INT";
    if (type != "INT" && type != "UINT")
      continue;
    option->check(CLI::Validator(
        [isSigned](std::string &text) {
          return wholeNumberProblem(text, isSigned);
        },
        ""));
  }
  for (CLI::App *sub : app.get_subcommands({}))
    addChecks(*sub);
}

/// The whole of `text` as a number (NaN and infinities included), or
/// nothing.
std::optional<double> wholeText(const std::string &text) {
  char *end = nullptr;
  double x = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size())
    return std::nullopt;
  return x;
}

CLI::Validator finiteAtLeast(double floor, bool strict, const char *what) {
  return CLI::Validator(
      [floor, strict, what](std::string &text) -> std::string {
        std::optional<double> x = wholeText(text);
        if (!x || !std::isfinite(*x) || *x < floor || (strict && *x == floor))
          return "'" + text + "' is not " + what;
        return "";
      },
      strict ? "POSITIVE" : "NONNEGATIVE");
}

} // namespace

std::optional<std::pair<uint64_t, uint64_t>>
parseStepRange(const std::string &text) {
  size_t colon = text.find(':');
  std::string first = text.substr(0, colon);
  std::string last =
      colon == std::string::npos ? first : text.substr(colon + 1);
  if (!wholeNumberProblem(first, false).empty() ||
      !wholeNumberProblem(last, false).empty())
    return std::nullopt;
  std::pair<uint64_t, uint64_t> range{std::stoull(first), std::stoull(last)};
  if (range.first > range.second)
    return std::nullopt;
  return range;
}

CLI::Validator stepRange() {
  return CLI::Validator(
      [](std::string &text) -> std::string {
        if (parseStepRange(text))
          return "";
        return "'" + text +
               "' is not FIRST[:LAST], two whole numbers with FIRST <= LAST";
      },
      "FIRST[:LAST]");
}

CLI::Validator positiveNumber() {
  return finiteAtLeast(0, true, "a positive finite number");
}

CLI::Validator numberIn(double low, double high, bool highOpen) {
  std::string range = "[" + formatNumber(low) + ", " + formatNumber(high) +
                      (highOpen ? ")" : "]");
  return CLI::Validator(
      [low, high, highOpen, range](std::string &text) -> std::string {
        std::optional<double> x = wholeText(text);
        if (!x || !(*x >= low) || !(highOpen ? *x < high : *x <= high))
          return "'" + text + "' is not a number in " + range;
        return "";
      },
      range);
}

CLI::Validator nonNegativeNumber() {
  return finiteAtLeast(0, false, "a finite number >= 0");
}

void checkIntegerOptions(CLI::App &app) { addChecks(app); }

} // namespace snnc::tools
