//===- PlotEnergy.cpp - energy.svg: the energy breakdown as bars ----------===//
//
// One bar per dynamic component and one for static power, on a common
// linear scale, labelled with joules, share of the total and the count x
// coefficient it came from. A linear scale hides small components' bars
// but not their labels, which a log scale would trade for misleading bar
// lengths.
//
//===----------------------------------------------------------------------===//

#include "Plot.h"
#include "Svg.h"

#include <algorithm>

namespace snnc::tools {

namespace {
constexpr double kWidth = 900;
constexpr double kLeft = 170;
constexpr double kBarWidth = 440;
constexpr double kTop = 60;
constexpr double kRow = 34;
} // namespace

std::string energySvg(const PlotData &data) {
  const runtime::EnergyReport &e = data.energy;
  struct Bar {
    std::string name;
    double joules;
    std::string detail;
    const char *colour;
  };
  std::vector<Bar> bars;
  for (const runtime::EnergyComponent &c : e.dynamic)
    bars.push_back({c.name, c.joules,
                    std::to_string(c.count) + " × " +
                        svg::withPrefix(c.joulesPerEvent, "J"),
                    "#1f77b4"});
  bars.push_back({"static", e.staticJoules,
                  "static power × " + svg::withPrefix(e.seconds, "s"),
                  "#ff7f0e"});
  double largest = 0;
  for (const Bar &b : bars)
    largest = std::max(largest, b.joules);

  double axis = kTop + kRow * bars.size() + 6;
  double height = axis + 100;
  svg::Document doc(kWidth, height);
  doc.rect(0, 0, kWidth, height, "#ffffff");
  doc.text(20, 26,
           "Energy of '" + data.image.network + "' (" + data.image.targetName +
               "), engine " + data.engine + ": " +
               svg::withPrefix(e.totalJoules, "J") + " over " +
               svg::withPrefix(e.seconds, "s") + " simulated",
           15, "start", {{"font-weight", "bold"}});
  doc.text(20, 44,
           "dynamic " + svg::withPrefix(e.dynamicJoules, "J") + " + static " +
               svg::withPrefix(e.staticJoules, "J"),
           11, "start", {{"fill", "#555555"}});

  // Grid lines on round values of the scale.
  double step = plot::niceStep(largest, 5);
  for (int k = 0; largest > 0 && k * step <= largest * (1 + 1e-9); ++k) {
    double x = kLeft + kBarWidth * (k * step) / largest;
    doc.line(x, kTop - 4, x, axis, "#e0e0e0", 0.5);
    doc.text(x, axis + 14, svg::withPrefix(k * step, "J"), 9, "middle");
  }
  doc.line(kLeft, axis, kLeft + kBarWidth, axis, "#000000");
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar &b = bars[i];
    double y = kTop + kRow * i;
    double length = largest > 0 ? kBarWidth * b.joules / largest : 0;
    double share = e.totalJoules > 0 ? 100 * b.joules / e.totalJoules : 0;
    doc.text(kLeft - 8, y + 13, b.name, 12, "end");
    doc.text(kLeft - 8, y + 25, b.detail, 9, "end", {{"fill", "#555555"}});
    doc.begin("rect", {{"class", "bar"},
                       {"x", kLeft},
                       {"y", y + 3},
                       {"width", length},
                       {"height", kRow - 12},
                       {"fill", b.colour}});
    doc.element("title", {}, b.name + ": " + svg::withPrefix(b.joules, "J"));
    doc.end();
    std::string percent =
        share > 0 && share < 0.1 ? "<0.1%" : svg::number(share, 1) + "%";
    doc.text(kLeft + length + 6, y + 18,
             svg::withPrefix(b.joules, "J") + "  (" + percent + ")", 11,
             "start", {{"class", "value"}});
  }

  double y = axis + 40;
  doc.text(20, y,
           "energy per synaptic event: " +
               svg::withPrefix(e.dynamicJoulesPerSynapticEvent, "J") +
               " dynamic, " + svg::withPrefix(e.joulesPerSynapticEvent, "J") +
               " total",
           11, "start", {{"class", "summary"}});
  doc.text(
      20, y + 18,
      "energy per inference: " + svg::withPrefix(e.joulesPerInference, "J") +
          " (" + std::to_string(e.inferences) +
          (e.inferences == 1 ? " inference of " : " inferences of ") +
          std::to_string(e.stepsPerInference) + " steps; latency " +
          svg::withPrefix(e.inferenceLatencySeconds, "s") + ")",
      11, "start", {{"class", "summary"}});
  doc.text(20, y + 36,
           "latency per step: " + svg::number(e.maxStepCycles, 0) +
               " cycles on the busiest PE = " +
               svg::withPrefix(e.maxStepSeconds, "s") + " (real-time factor " +
               svg::number(e.realTimeFactor, 3) + ")",
           11, "start", {{"class", "summary"}});
  return doc.finish();
}

} // namespace snnc::tools
