//===- MappingError.cpp - The one error type of the mapping library -------===//

#include "snnc/mapping/MappingError.h"

#include <cmath>
#include <cstdio>

namespace snnc::mapping {

MappingError::MappingError(MappingErrorKind kind, std::string subject,
                           std::string limit, double needed, double available,
                           const std::string &message)
    : std::runtime_error(message), kind(kind), subject(std::move(subject)),
      limit(std::move(limit)), needed(needed), available(available) {}

std::string formatNumber(double value) {
  char buf[64];
  if (std::isfinite(value) && value == std::floor(value) &&
      std::fabs(value) < 1e18)
    std::snprintf(buf, sizeof(buf), "%.0f", value);
  else
    std::snprintf(buf, sizeof(buf), "%.6g", value);
  return buf;
}

} // namespace snnc::mapping
