//===- PlotPeLoad.cpp - pe-load.svg: PE load on the chip mesh -------------===//
//
// Every used PE is coloured by its mean busy cycles per step over the
// target's step budget, at its place on the machine (PlotMesh.h). The
// busiest PE is ringed and PEs that went over budget in some step crossed,
// so that the one PE which bounds the latency per step stands out.
//
//===----------------------------------------------------------------------===//

#include "Plot.h"
#include "PlotMesh.h"
#include "Svg.h"

#include <algorithm>
#include <cmath>

namespace snnc::tools {

namespace {

constexpr double kMargin = 20;
constexpr double kTop = 60;
constexpr double kMaxDisplayWidth = 1400;
constexpr const char *kOverBudget = "#e31a1c";
constexpr const char *kUnused = "#dddddd";

/// "lif0 [0, 256)" for the slice a PeLoad names.
std::string sliceName(const image::Image &image,
                      const std::vector<image::SliceRef> &slices,
                      uint32_t slice) {
  if (slice >= slices.size())
    return "slice " + std::to_string(slice);
  const image::SliceRef &ref = slices[slice];
  const image::Slice &s = image::sliceAt(image, ref);
  const std::string &owner = ref.kind == image::SourceKind::Input
                                 ? image.inputs[ref.owner].name
                                 : image.populations[ref.owner].name;
  return owner + " [" + std::to_string(s.first) + ", " +
         std::to_string(s.first + s.count) + ")";
}

} // namespace

std::string peLoadSvg(const PlotData &data) {
  const image::Image &image = data.image;
  const runtime::RunResult &result = data.result;
  double steps = double(std::max<uint64_t>(1, result.steps));
  double budget = data.energy.stepCycleBudget;
  uint32_t pesPerChip = image.placement.pesPerChip;
  size_t numPes = size_t(image.placement.chips) * pesPerChip;

  std::vector<bool> chipUsed(image.placement.chips, false);
  std::vector<const runtime::PeLoad *> loadOfPe(numPes, nullptr);
  const runtime::PeLoad *busiest = nullptr;
  uint32_t violatingPes = 0;
  for (const runtime::PeLoad &load : result.peLoads) {
    if (load.pe >= numPes)
      continue;
    loadOfPe[load.pe] = &load;
    chipUsed[load.pe / pesPerChip] = true;
    violatingPes += load.violations > 0;
    if (!busiest || load.busyCycles > busiest->busyCycles ||
        (load.busyCycles == busiest->busyCycles && load.pe < busiest->pe))
      busiest = &load;
  }
  // Loads are fractions of the budget, or cycles when there is none.
  auto value = [&](const runtime::PeLoad &l) {
    double mean = l.busyCycles / steps;
    return budget > 0 ? mean / budget : mean;
  };
  // The scale ends on a round tick above the busiest PE (at the budget
  // when that is exceeded: beyond it PEs are drawn red).
  double maxValue = busiest ? value(*busiest) : 0;
  double tick = maxValue > 0 ? plot::niceStep(maxValue, 5) : 0.2;
  double scaleMax = maxValue > 0 ? std::ceil(maxValue / tick - 1e-9) * tick
                    : budget > 0 ? 1
                                 : tick * 5;
  if (budget > 0 && scaleMax > 1) {
    scaleMax = 1;
    tick = 0.2;
  }
  auto label = [&](double v) {
    return budget > 0 ? svg::significant(v * 100) + "%"
                      : svg::significant(v) + " cycles";
  };
  auto colour = [&](double v) {
    return budget > 0 && v > 1 ? std::string(kOverBudget)
                               : plot::rampColour(v / scaleMax);
  };

  plot::Machine machine = plot::describeMachine(image);
  plot::View view = plot::layOut(machine, chipUsed, kMargin, kTop);
  bool overview =
      machine.mesh && std::find(view.shown.begin(), view.shown.end(), false) !=
                          view.shown.end();
  // The overview sits right of the chips, 110 units at most.
  double overviewX = view.width + kMargin + 10;
  double width = std::max(view.width + kMargin + (overview ? 140 : 0), 780.0);
  double legendTop = view.height + 10;
  double height = legendTop + 140;
  svg::Document doc(width, height,
                    width > kMaxDisplayWidth ? kMaxDisplayWidth / width : 1);
  doc.begin("defs");
  doc.begin("linearGradient", {{"id", "ramp"}});
  for (int k = 0; k <= 8; ++k)
    doc.element("stop", {{"offset", svg::number(k / 8.0, 4)},
                         {"stop-color", plot::rampColour(k / 8.0)}});
  doc.end();
  doc.end();
  doc.rect(0, 0, width, height, "#ffffff");
  doc.text(kMargin, 24,
           "PE load of '" + image.network + "' on " +
               std::to_string(image.placement.chips) + " chips x " +
               std::to_string(pesPerChip) + " PEs (" + image.targetName +
               "), engine " + data.engine,
           15, "start", {{"font-weight", "bold"}});
  doc.text(kMargin, 42,
           budget > 0 ? "mean busy cycles per step / step budget of " +
                            svg::number(budget, 0) + " cycles"
                      : std::string("mean busy cycles per step (the target "
                                    "model has no step budget)"),
           11, "start", {{"fill", "#555555"}});

  std::vector<image::SliceRef> slices = image::listSlices(image);
  for (uint32_t c = 0; c < image.placement.chips; ++c) {
    if (!view.shown[c])
      continue;
    const plot::Box &box = view.chips[c];
    doc.rect(box.x, box.y, box.width, box.height,
             chipUsed[c] ? "#ffffff" : "#f2f2f2",
             {{"stroke", chipUsed[c] ? "#333333" : "#bbbbbb"},
              {"stroke-width", 0.8}});
    doc.text(box.x, box.y - 3, machine.chipLabel[c], 8, "start",
             {{"fill", chipUsed[c] ? "#000000" : "#999999"}});
    if (!chipUsed[c])
      continue;
    for (uint32_t local = 0; local < pesPerChip; ++local) {
      uint32_t pe = c * pesPerChip + local;
      auto [x, y] = view.pe(machine, c, local);
      double side = view.cell - 1;
      const runtime::PeLoad *load = loadOfPe[pe];
      if (!load) {
        doc.rect(x + 0.5, y + 0.5, side, side, kUnused);
        continue;
      }
      double v = value(*load);
      doc.begin("rect", {{"class", "pe"},
                         {"x", x + 0.5},
                         {"y", y + 0.5},
                         {"width", side},
                         {"height", side},
                         {"fill", colour(v)}});
      doc.element("title", {},
                  "PE " + std::to_string(pe) + ": " +
                      sliceName(image, slices, load->slice) + ", " + label(v) +
                      ", worst step " + svg::number(load->maxStepCycles, 0) +
                      " cycles, " + std::to_string(load->violations) +
                      " steps over budget");
      doc.end();
      if (load->violations) {
        doc.line(x, y, x + view.cell, y + view.cell, kOverBudget, 1.2);
        doc.line(x + view.cell, y, x, y + view.cell, kOverBudget, 1.2);
      }
    }
  }
  if (busiest) {
    auto [x, y] =
        view.pe(machine, busiest->pe / pesPerChip, busiest->pe % pesPerChip);
    doc.element("circle", {{"class", "max-pe"},
                           {"cx", x + view.cell / 2},
                           {"cy", y + view.cell / 2},
                           {"r", view.cell * 1.2},
                           {"fill", "none"},
                           {"stroke", "#000000"},
                           {"stroke-width", 1.5}});
    doc.text(x + view.cell * 2.3, y + view.cell * 0.8, "max", 10, "start",
             {{"font-weight", "bold"}});
  }

  // Legend: the colour scale, then what the marks mean.
  double lx = kMargin, ly = legendTop;
  doc.rect(lx, ly, 240, 12, "url(#ramp)",
           {{"stroke", "#333333"}, {"stroke-width", 0.5}});
  for (int k = 0; k * tick <= scaleMax * (1 + 1e-9); ++k) {
    double x = lx + 240 * (k * tick) / scaleMax;
    doc.line(x, ly + 12, x, ly + 16, "#333333");
    doc.text(x, ly + 27, label(k * tick), 9, "middle");
  }
  double sx = lx + 270;
  doc.rect(sx, ly, 10, 10, kUnused);
  doc.text(sx + 14, ly + 9, "PE not used", 10);
  doc.rect(sx + 90, ly, 10, 10, kOverBudget);
  doc.text(sx + 104, ly + 9, "mean over budget", 10);
  doc.line(sx + 210, ly, sx + 220, ly + 10, kOverBudget, 1.2);
  doc.line(sx + 220, ly, sx + 210, ly + 10, kOverBudget, 1.2);
  doc.text(sx + 224, ly + 9, "a step over budget", 10);

  double cy = ly + 50;
  if (busiest) {
    uint32_t pe = busiest->pe;
    std::string where = "PE " + std::to_string(pe) + " (chip " +
                        std::to_string(pe / pesPerChip);
    if (machine.mesh)
      where += ", " + machine.peName[pe % pesPerChip];
    where += ")";
    doc.text(kMargin, cy,
             "Busiest: " + where + " with " +
                 sliceName(image, slices, busiest->slice) + ": " +
                 label(value(*busiest)) +
                 (budget > 0 ? " of budget" : " per step") + "; worst step " +
                 svg::number(busiest->maxStepCycles, 0) + " cycles",
             11, "start", {{"class", "busiest"}});
  } else {
    doc.text(kMargin, cy, "No PE load was recorded.", 11);
  }
  doc.text(kMargin, cy + 18,
           std::to_string(result.peLoads.size()) + " PEs used; " +
               std::to_string(violatingPes) +
               " exceeded the budget in some step; " +
               std::to_string(result.realTimeViolations) +
               " steps with a real-time violation",
           11, "start", {{"class", "violations"}});
  std::string note =
      machine.mesh
          ? "Chips at their board coordinates, PEs on the QPE grid (x right, "
            "y up), as placed by the compiler."
          : "Chip mesh unknown (" + machine.why +
                "): chips and PEs drawn in index order.";
  if (overview)
    note += " Only the chips around the used ones are drawn.";
  doc.text(kMargin, cy + 36, note, 10, "start", {{"fill", "#555555"}});

  // The whole board in miniature, each chip coloured by its busiest PE,
  // with the drawn region outlined.
  if (overview) {
    int32_t cols = 0, rows = 0;
    for (const auto &[col, row] : machine.chipAt) {
      cols = std::max(cols, col + 1);
      rows = std::max(rows, row + 1);
    }
    double pitch = std::min(12.0, 110.0 / std::max(cols, rows));
    double ox = overviewX, oy = view.top + 11;
    doc.text(ox, oy - 4, "board", 9, "start", {{"fill", "#555555"}});
    std::vector<double> chipMax(image.placement.chips, -1);
    for (const runtime::PeLoad &load : result.peLoads)
      if (load.pe < numPes)
        chipMax[load.pe / pesPerChip] =
            std::max(chipMax[load.pe / pesPerChip], value(load));
    for (uint32_t c = 0; c < image.placement.chips; ++c) {
      auto [col, row] = machine.chipAt[c];
      doc.rect(ox + col * pitch, oy + row * pitch, pitch - 1, pitch - 1,
               chipMax[c] < 0 ? std::string("#e8e8e8") : colour(chipMax[c]));
    }
    doc.rect(ox + view.col0 * pitch - 1, oy + view.row0 * pitch - 1,
             view.cols * pitch + 1, view.rows * pitch + 1, "none",
             {{"stroke", "#000000"}, {"stroke-width", 1}});
  }
  return doc.finish();
}

} // namespace snnc::tools
