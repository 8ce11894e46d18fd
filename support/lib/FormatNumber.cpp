//===- FormatNumber.cpp - Numbers as snnc's messages print them -----------===//

#include "snnc/Support/FormatNumber.h"

#include <cmath>
#include <cstdio>

std::string snnc::formatNumber(double value) {
  char buffer[64];
  if (std::isfinite(value) && value == std::floor(value) &&
      std::fabs(value) < 1e18)
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  else
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}
