//===- PlotEval.h - SVG plots of a dataset evaluation -----------*- C++ -*-===//
//
// `snnc eval --plot DIR` writes confusion.svg (the confusion matrix, each
// row shaded by the fraction of its label's samples, with the counts) and
// class-accuracy.svg (one bar per class, the overall accuracy as a line).
// Pure functions of the evaluation: equal evaluations give equal bytes.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_PLOTEVAL_H
#define SNNC_TOOLS_PLOTEVAL_H

#include "snnc/batch/Evaluation.h"
#include "snnc/image/ImageError.h"

#include <string>
#include <vector>

namespace snnc::tools {

std::string confusionSvg(const batch::Evaluation &evaluation);
std::string classAccuracySvg(const batch::Evaluation &evaluation);

/// Creates `dir` and writes both plots into it.
/// The files writeEvalPlots writes into its directory.
const std::vector<std::string> &evalPlotNames();

image::Status writeEvalPlots(const std::string &dir,
                             const batch::Evaluation &evaluation);

} // namespace snnc::tools

#endif // SNNC_TOOLS_PLOTEVAL_H
