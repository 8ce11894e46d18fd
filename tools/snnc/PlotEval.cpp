//===- PlotEval.cpp - SVG plots of a dataset evaluation -------------------===//

#include "PlotEval.h"

#include "OutputDir.h"
#include "Plot.h"
#include "Svg.h"

namespace snnc::tools {

std::string confusionSvg(const batch::Evaluation &e) {
  // A column for silent samples only when there are any.
  size_t cols = e.classes + (e.silent ? 1 : 0);
  double cell = e.classes > 20 ? 16 : 40;
  double left = 70, top = 60;
  double width = left + double(cols) * cell + 20;
  double height = top + double(e.classes) * cell + 40;
  svg::Document doc(width, height);
  doc.rect(0, 0, width, height, "#ffffff");
  doc.text(left, 20,
           "confusion matrix, " + e.engine + ": accuracy " +
               svg::number(100 * e.accuracy, 2) + " % of " +
               std::to_string(e.samples),
           13);
  doc.text(left + double(cols) * cell / 2, 44, "predicted class", 11, "middle");
  doc.text(14, top + double(e.classes) * cell / 2, "label", 11, "middle",
           {{"transform", "rotate(-90 14 " +
                              svg::number(top + double(e.classes) * cell / 2) +
                              ")"}});
  bool labels = cell >= 30;
  for (size_t c = 0; c < cols; ++c)
    doc.text(left + (double(c) + 0.5) * cell, top - 4,
             c < e.classes ? std::to_string(c) : "none", 10, "middle");
  for (uint32_t r = 0; r < e.classes; ++r) {
    uint64_t total = 0;
    for (uint64_t v : e.confusion[r])
      total += v;
    doc.text(left - 6, top + (double(r) + 0.6) * cell, std::to_string(r), 10,
             "end");
    for (size_t c = 0; c < cols; ++c) {
      uint64_t v = e.confusion[r][c];
      double fraction = total ? double(v) / double(total) : 0.0;
      double x = left + double(c) * cell, y = top + double(r) * cell;
      doc.rect(x, y, cell, cell, plot::rampColour(fraction),
               {{"stroke", "#ffffff"}});
      if (labels && v)
        doc.text(x + cell / 2, y + cell * 0.6, std::to_string(v), 9, "middle",
                 {{"fill", fraction > 0.5 ? "#ffffff" : "#000000"}});
    }
  }
  return doc.finish();
}

std::string classAccuracySvg(const batch::Evaluation &e) {
  double bar = e.classes > 40 ? 8 : 30, gap = bar / 3;
  double left = 50, top = 40, plotHeight = 200;
  double width = left + double(e.classes) * (bar + gap) + 30;
  double height = top + plotHeight + 40;
  svg::Document doc(width, height);
  doc.rect(0, 0, width, height, "#ffffff");
  doc.text(left, 20, "accuracy per class, " + e.engine, 13);
  for (int tick = 0; tick <= 100; tick += 25) {
    double y = top + plotHeight * (1 - tick / 100.0);
    doc.line(left, y, width - 20, y, "#dddddd");
    doc.text(left - 6, y + 4, std::to_string(tick) + " %", 10, "end");
  }
  for (uint32_t c = 0; c < e.classes; ++c) {
    double h = plotHeight * e.classAccuracy[c];
    double x = left + gap / 2 + double(c) * (bar + gap);
    doc.rect(x, top + plotHeight - h, bar, h, "#4c72b0");
    doc.text(x + bar / 2, top + plotHeight + 14, std::to_string(c), 10,
             "middle");
  }
  double y = top + plotHeight * (1 - e.accuracy);
  doc.line(left, y, width - 20, y, "#c44e52", 1.5);
  doc.text(width - 20, y - 4, "all: " + svg::number(100 * e.accuracy, 2) + " %",
           10, "end", {{"fill", "#c44e52"}});
  return doc.finish();
}

const std::vector<std::string> &evalPlotNames() {
  static const std::vector<std::string> names = {"confusion.svg",
                                                 "class-accuracy.svg"};
  return names;
}

image::Status writeEvalPlots(const std::string &dir,
                             const batch::Evaluation &e) {
  return writeOutputDir(dir, {{"confusion.svg", confusionSvg(e)},
                              {"class-accuracy.svg", classAccuracySvg(e)}});
}

} // namespace snnc::tools
