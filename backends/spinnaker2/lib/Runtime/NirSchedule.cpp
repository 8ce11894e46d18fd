//===- NirSchedule.cpp - Update order and delays of NIR's step ------------===//

#include "NirSchedule.h"

#include <algorithm>

namespace snnc::runtime::detail {

namespace {

/// Does projection `proj` carry a spike to its target within the step, i.e.
/// has it a stored synapse of image delay 1 (no explicit delay)?
bool hasZeroDelaySynapse(const image::Projection &proj) {
  if (proj.isProcedural)
    return false;
  const std::vector<uint16_t> &delay = proj.stored.delay;
  return std::find(delay.begin(), delay.end(), uint16_t(1)) != delay.end();
}

} // namespace

NirSchedule buildNirSchedule(const image::Image &image,
                             const Topology &topology) {
  size_t pops = image.populations.size();
  // Zero-delay successors of every source (inputs first, then populations),
  // in projection order.
  std::vector<std::vector<uint32_t>> next(topology.outgoing.size());
  for (size_t s = 0; s < topology.outgoing.size(); ++s)
    for (uint32_t q : topology.outgoing[s])
      if (hasZeroDelaySynapse(image.projections[q]))
        next[s].push_back(image.projections[q].target);

  // Iterative depth-first search: a recursive one could exhaust the stack
  // on a long chain of populations.
  std::vector<uint8_t> visited(pops, 0);
  std::vector<uint32_t> postOrder;
  postOrder.reserve(pops);
  struct Frame {
    uint32_t source; // a source id (inputs first, then populations)
    size_t child;
  };
  std::vector<Frame> stack;
  auto search = [&](uint32_t root) {
    stack.push_back({root, 0});
    while (!stack.empty()) {
      Frame &top = stack.back();
      if (top.child < next[top.source].size()) {
        uint32_t p = next[top.source][top.child++];
        if (!visited[p]) {
          visited[p] = 1;
          stack.push_back({topology.numInputs + p, 0});
        }
        continue;
      }
      if (top.source >= topology.numInputs)
        postOrder.push_back(top.source - topology.numInputs);
      stack.pop_back();
    }
  };
  for (uint32_t i = 0; i < topology.numInputs; ++i)
    search(i);
  for (uint32_t p = 0; p < pops; ++p)
    if (!visited[p]) {
      visited[p] = 1;
      search(topology.numInputs + p);
    }

  NirSchedule schedule;
  schedule.order.assign(postOrder.rbegin(), postOrder.rend());
  std::vector<uint32_t> position(pops, 0);
  for (uint32_t k = 0; k < pops; ++k)
    position[schedule.order[k]] = k;
  schedule.recurrent.assign(image.projections.size(), 0);
  for (size_t q = 0; q < image.projections.size(); ++q) {
    const image::Projection &proj = image.projections[q];
    if (proj.source.kind == image::SourceKind::Population)
      schedule.recurrent[q] =
          position[proj.source.index] >= position[proj.target];
  }
  return schedule;
}

} // namespace snnc::runtime::detail
