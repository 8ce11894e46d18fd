//===- CliChecks.h - Strict numbers on the command line ---------*- C++ -*-===//
//
// CLI11 reads a 64-bit integer with strtoull/strtoll and does not check for
// overflow, so `--seed -1` and `--seed 99999999999999999999` both become
// 2^64 - 1, and its range validators print DBL_MAX in 309 digits. These
// checks run on the text before CLI11 converts it and say what was wrong in
// one line.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_CLICHECKS_H
#define SNNC_TOOLS_CLICHECKS_H

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <utility>

namespace snnc::tools {

/// A finite number above 0 ("0", "inf", "nan" and "-3" are refused).
CLI::Validator positiveNumber();

/// A finite number of at least 0.
CLI::Validator nonNegativeNumber();

/// A number in [low, high], or [low, high) when `highOpen` (CLI11's own
/// Range lets NaN through).
CLI::Validator numberIn(double low, double high, bool highOpen = false);

/// FIRST[:LAST] as two strict whole numbers with FIRST <= LAST (LAST is
/// FIRST when omitted), or nothing.
std::optional<std::pair<uint64_t, uint64_t>>
parseStepRange(const std::string &text);

/// Refuses what parseStepRange does not read.
CLI::Validator stepRange();

/// Adds a strict whole-number check to every integer option of `app` and
/// its subcommands: decimal digits only (a '-' only for signed options), no
/// leading zeros, and a value that fits 64 bits. Narrower options are then
/// range-checked by CLI11's own conversion.
void checkIntegerOptions(CLI::App &app);

} // namespace snnc::tools

#endif // SNNC_TOOLS_CLICHECKS_H
