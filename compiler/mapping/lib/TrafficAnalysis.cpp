//===- TrafficAnalysis.cpp - Hop-weighted traffic and link loads ----------===//

#include "snnc/mapping/TrafficAnalysis.h"

#include <algorithm>

namespace snnc::mapping {

namespace {

/// Directed NoC links of one chip's cluster grid, numbered per chip.
struct NocLinks {
  NocLinks(uint32_t cols, uint32_t rows)
      : cols(cols), rows(rows), h(cols ? (cols - 1) * rows : 0),
        v(rows ? cols * (rows - 1) : 0) {}
  uint32_t perChip() const { return 2 * h + 2 * v; }
  uint32_t east(uint32_t x, uint32_t y) const { return y * (cols - 1) + x; }
  uint32_t west(uint32_t x, uint32_t y) const { return h + east(x, y); }
  uint32_t north(uint32_t x, uint32_t y) const {
    return 2 * h + x * (rows - 1) + y;
  }
  uint32_t south(uint32_t x, uint32_t y) const { return v + north(x, y); }

  uint32_t cols, rows, h, v;
};

} // namespace

TrafficStats analyseTraffic(const SliceGraph &graph, const Topology &topology,
                            const std::vector<uint32_t> &peOfSlice,
                            const Destinations *multicast) {
  Destinations own;
  if (!multicast) {
    own = sliceDestinations(graph, peOfSlice, topology.numPes());
    multicast = &own;
  }
  TrafficStats st;
  uint32_t chips = topology.numChips(), links = topology.numLinks();
  NocLinks noc(topology.gridCols(), topology.gridRows());
  std::vector<double> chipLoad(size_t(chips) * links, 0.0);
  std::vector<double> nocLoad(size_t(chips) * noc.perChip(), 0.0);
  std::vector<uint32_t> chipStamp(chips, UINT32_MAX);
  std::vector<int32_t> minY(noc.cols), maxY(noc.cols);

  for (uint32_t s = 0; s < graph.numSlices; ++s) {
    uint32_t ps = peOfSlice[s];
    const PeLocation &src = topology.pe(ps);
    for (uint64_t e = graph.outBegin[s]; e < graph.outBegin[s + 1]; ++e) {
      double packets = graph.outPackets[e];
      uint32_t pt = peOfSlice[graph.outTarget[e]];
      double nocHops = topology.nocHops(ps, pt);
      double chipHops = topology.chipHops(src.chip, topology.pe(pt).chip);
      st.totalTraffic += packets;
      st.trafficNocHops += packets * nocHops;
      st.trafficChipHops += packets * chipHops;
      st.trafficHops +=
          packets * (nocHops + topology.interChipHopWeight() * chipHops);
    }
    double load = graph.packetsEmitted[s];
    st.packetsEmitted += load;
    // Destination PEs, ascending, so grouped by chip (PEs are chip-major).
    const uint32_t *dests = multicast->data(s);
    size_t numDests = multicast->size(s);
    if (numDests == 0 || load <= 0)
      continue;

    const std::vector<int32_t> &parentChip = topology.parentChips(src.chip);
    const std::vector<int32_t> &parentLink = topology.parentLinks(src.chip);
    for (size_t i = 0; i < numDests;) {
      uint32_t chip = topology.pe(dests[i]).chip;
      // Chip-level tree: climb towards the source until a marked chip.
      for (int32_t c = int32_t(chip);
           c != int32_t(src.chip) && c >= 0 && chipStamp[c] != s;) {
        chipStamp[c] = s;
        int32_t parent = parentChip[c];
        if (parent >= 0)
          chipLoad[size_t(parent) * links + parentLink[c]] += load;
        c = parent;
      }
      // NoC tree on this chip: X along the entry row, then Y per column.
      int32_t ex = src.qx, ey = src.qy, lo = ex, hi = ex;
      std::fill(minY.begin(), minY.end(), INT32_MAX);
      std::fill(maxY.begin(), maxY.end(), INT32_MIN);
      for (; i < numDests && topology.pe(dests[i]).chip == chip; ++i) {
        const PeLocation &d = topology.pe(dests[i]);
        lo = std::min<int32_t>(lo, d.qx);
        hi = std::max<int32_t>(hi, d.qx);
        minY[d.qx] = std::min<int32_t>(minY[d.qx], d.qy);
        maxY[d.qx] = std::max<int32_t>(maxY[d.qx], d.qy);
      }
      double *chipNoc = &nocLoad[size_t(chip) * noc.perChip()];
      for (int32_t x = ex; x < hi; ++x)
        chipNoc[noc.east(x, ey)] += load;
      for (int32_t x = lo; x < ex; ++x)
        chipNoc[noc.west(x, ey)] += load;
      for (int32_t x = lo; x <= hi; ++x) {
        if (minY[x] == INT32_MAX)
          continue;
        for (int32_t y = ey; y < maxY[x]; ++y)
          chipNoc[noc.north(x, y)] += load;
        for (int32_t y = minY[x]; y < ey; ++y)
          chipNoc[noc.south(x, y)] += load;
      }
    }
  }
  for (double l : chipLoad)
    st.maxChipLinkLoad = std::max(st.maxChipLinkLoad, l);
  for (double l : nocLoad)
    st.maxNocLinkLoad = std::max(st.maxNocLinkLoad, l);
  st.maxLinkLoad = std::max(st.maxChipLinkLoad, st.maxNocLinkLoad);
  return st;
}

} // namespace snnc::mapping
