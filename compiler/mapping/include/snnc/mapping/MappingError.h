//===- MappingError.h - The mapping library's error type --------*- C++ -*-===//
//
// Every failure the user can provoke (a network that does not fit, a bad
// target configuration, a routing table that overflows) is reported as a
// MappingError. It carries the structured fields a compiler needs to build a
// located diagnostic, so callers never have to parse the message.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_MAPPINGERROR_H
#define SNNC_MAPPING_MAPPINGERROR_H

#include "snnc/Support/FormatNumber.h"

#include <stdexcept>
#include <string>

namespace snnc::mapping {

enum class MappingErrorKind {
  /// The target model or an override file is malformed.
  InvalidTarget,
  /// The mapping graph is inconsistent (bad indices, missing fan-in, ...).
  InvalidGraph,
  /// A single neuron exceeds a per-PE limit on its own.
  NeuronDoesNotFit,
  /// The slices need more PEs than the machine offers.
  NotEnoughPes,
  /// The routing keys of all slices do not fit the key width.
  KeySpaceExhausted,
  /// A router still holds too many entries after compression.
  RoutingTableFull,
  /// Compressed tables route some key differently from the original ones.
  RoutingMismatch,
  /// The external graph partitioner (METIS) failed.
  PartitionerFailed,
};

/// `subject` names what failed: a population ("population 'exc'"), a router
/// ("router (3,4)") or a configuration key. `limit` names the resource or the
/// expected type; `needed` and `available` are the two numbers that clash
/// (both 0 when the error has no numeric side, e.g. a type error).
struct MappingError : std::runtime_error {
  MappingError(MappingErrorKind kind, std::string subject, std::string limit,
               double needed, double available, const std::string &message);

  MappingErrorKind kind;
  std::string subject;
  std::string limit;
  double needed;
  double available;
};

/// Byte and PE counts in messages read as integers (snnc/Support).
using snnc::formatNumber;

} // namespace snnc::mapping

#endif // SNNC_MAPPING_MAPPINGERROR_H
