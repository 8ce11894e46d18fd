//===- ReportAttr.h - The mapping report in the IR --------------*- C++ -*-===//
//
// snn-route keeps the shared mapper's report on the network as an
// #s2.mapping_report, less its stage timings (the IR must be the same for
// the same input and seed); the compile report turns it back into the
// mapper's JSON.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_REPORTATTR_H
#define SNNC_SPINNAKER2_REPORTATTR_H

#include "snnc/mapping/MappingReport.h"
#include "snnc/spinnaker2/Dialect/S2Attrs.h"

namespace snnc {

/// `report` without its timings.
spinnaker2::MappingReportAttr
mappingReportAttr(mlir::MLIRContext *ctx, const mapping::MappingReport &report);

/// The report `attr` holds, with zero timings.
mapping::MappingReport mappingReport(spinnaker2::MappingReportAttr attr);

} // namespace snnc

#endif // SNNC_SPINNAKER2_REPORTATTR_H
