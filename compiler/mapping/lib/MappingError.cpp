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

} // namespace snnc::mapping
