//===- PlotMesh.cpp - Where pe-load.svg draws each chip and PE ------------===//

#include "PlotMesh.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

namespace snnc::tools::plot {

namespace {

constexpr double kQpeGap = 2;
constexpr double kChipPad = 4;
constexpr double kChipGap = 10;
constexpr double kLabel = 11;
constexpr double kViewWidth = 900;

/// Whether the image's resolved layout covers its placement (hand-made
/// images may carry none).
bool hasLayout(const image::Image &image, std::string &why) {
  const image::MachineLayout &l = image.layout;
  if (l.peSites.size() != image.placement.pesPerChip ||
      l.chipSites.size() < image.placement.chips) {
    why = "the image records no machine layout";
    return false;
  }
  return true;
}

double qpeWidth(const Machine &m, double cell) {
  return m.subCols * cell + kQpeGap;
}
double qpeHeight(const Machine &m, double cell) {
  return m.subRows * cell + kQpeGap;
}

} // namespace

Machine describeMachine(const image::Image &image) {
  Machine m;
  uint32_t chips = image.placement.chips;
  uint32_t pesPerChip = image.placement.pesPerChip;
  if (hasLayout(image, m.why)) {
    const image::MachineLayout &layout = image.layout;
    m.mesh = true;
    m.qpeCols = layout.gridCols;
    m.qpeRows = layout.gridRows;
    // PEs at one grid point share its cluster, numbered in PE order.
    std::map<std::pair<int32_t, int32_t>, uint32_t> atSite;
    std::vector<uint32_t> indexInCluster;
    for (const image::GridPoint &p : layout.peSites)
      indexInCluster.push_back(atSite[{p.x, p.y}]++);
    uint32_t perQpe = 1;
    for (const auto &[site, count] : atSite)
      perQpe = std::max(perQpe, count);
    m.subCols = uint32_t(std::ceil(std::sqrt(double(perQpe))));
    m.subRows = (perQpe + m.subCols - 1) / m.subCols;
    int32_t maxY = INT32_MIN, minX = INT32_MAX;
    for (uint32_t c = 0; c < chips; ++c) {
      maxY = std::max(maxY, layout.chipSites[c].y);
      minX = std::min(minX, layout.chipSites[c].x);
    }
    // Board y grows upwards, as in the target's chip coordinates.
    for (uint32_t c = 0; c < chips; ++c) {
      const image::GridPoint &at = layout.chipSites[c];
      m.chipAt.push_back({at.x - minX, maxY - at.y});
      m.chipLabel.push_back("chip " + std::to_string(c) + " (" +
                            std::to_string(at.x) + "," + std::to_string(at.y) +
                            ")");
    }
    // QPE row 0 at the bottom, as chip row 0 is.
    for (uint32_t pe = 0; pe < pesPerChip; ++pe) {
      const image::GridPoint &at = layout.peSites[pe];
      m.peSpot.push_back(
          {uint32_t(at.x), m.qpeRows - 1 - uint32_t(at.y), indexInCluster[pe]});
      m.peName.push_back("QPE (" + std::to_string(at.x) + "," +
                         std::to_string(at.y) + ") core " +
                         std::to_string(indexInCluster[pe]));
    }
    return m;
  }
  // Chips in rows of ceil(sqrt(chips)), PEs in rows of ceil(sqrt(PEs)).
  uint32_t pes = std::max(1u, pesPerChip);
  m.qpeCols = uint32_t(std::ceil(std::sqrt(double(pes))));
  m.qpeRows = (pes + m.qpeCols - 1) / m.qpeCols;
  uint32_t chipCols = uint32_t(std::ceil(std::sqrt(double(chips))));
  for (uint32_t c = 0; c < chips; ++c) {
    m.chipAt.push_back({int32_t(c % chipCols), int32_t(c / chipCols)});
    m.chipLabel.push_back("chip " + std::to_string(c));
  }
  for (uint32_t pe = 0; pe < pesPerChip; ++pe)
    m.peSpot.push_back({pe % m.qpeCols, pe / m.qpeCols, 0});
  return m;
}

std::pair<double, double> View::pe(const Machine &m, uint32_t chip,
                                   uint32_t local) const {
  const auto &spot = m.peSpot[local];
  return {chips[chip].x + kChipPad + spot[0] * qpeWidth(m, cell) +
              (spot[2] % m.subCols) * cell,
          chips[chip].y + kChipPad + spot[1] * qpeHeight(m, cell) +
              (spot[2] / m.subCols) * cell};
}

View layOut(const Machine &m, const std::vector<bool> &chipUsed, double left,
            double top) {
  View v;
  bool any =
      std::find(chipUsed.begin(), chipUsed.end(), true) != chipUsed.end();
  int32_t minC = INT32_MAX, maxC = INT32_MIN, minR = INT32_MAX,
          maxR = INT32_MIN;
  for (size_t c = 0; c < m.chipAt.size(); ++c)
    if (chipUsed[c] || !any) {
      minC = std::min(minC, m.chipAt[c].first);
      maxC = std::max(maxC, m.chipAt[c].first);
      minR = std::min(minR, m.chipAt[c].second);
      maxR = std::max(maxR, m.chipAt[c].second);
    }
  if (minC > maxC)
    minC = maxC = minR = maxR = 0;
  v.col0 = minC;
  v.row0 = minR;
  v.cols = maxC - minC + 1;
  v.rows = maxR - minR + 1;
  // Cells between 5 and 16 units, in half units, to fill kViewWidth.
  double perChip = kViewWidth / v.cols - kChipGap - 2 * kChipPad -
                   (double(m.qpeCols) - 1) * kQpeGap;
  v.cell = std::floor(2 * perChip / (m.qpeCols * m.subCols)) / 2;
  v.cell = std::clamp(v.cell, 5.0, 16.0);
  double chipW = m.qpeCols * qpeWidth(m, v.cell) - kQpeGap + 2 * kChipPad;
  double chipH = m.qpeRows * qpeHeight(m, v.cell) - kQpeGap + 2 * kChipPad;
  v.top = top;
  for (size_t c = 0; c < m.chipAt.size(); ++c) {
    auto [col, row] = m.chipAt[c];
    v.shown.push_back(col >= minC && col <= maxC && row >= minR && row <= maxR);
    v.chips.push_back(
        {left + (col - minC) * (chipW + kChipGap),
         top + kLabel + (row - minR) * (chipH + kChipGap + kLabel), chipW,
         chipH});
  }
  v.width = left + v.cols * (chipW + kChipGap) - kChipGap;
  v.height = top + v.rows * (chipH + kChipGap + kLabel);
  return v;
}

} // namespace snnc::tools::plot
