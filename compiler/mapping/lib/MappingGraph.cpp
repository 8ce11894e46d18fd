//===- MappingGraph.cpp - Populations and projections to be mapped --------===//

#include "snnc/mapping/MappingGraph.h"
#include "snnc/mapping/MappingError.h"

#include <cmath>

namespace snnc::mapping {

namespace {

[[noreturn]] void graphError(const std::string &subject,
                             const std::string &message) {
  throw MappingError(MappingErrorKind::InvalidGraph, subject, "graph", 0, 0,
                     message);
}

std::string projectionName(const MappingGraph &graph, size_t index) {
  const Projection &p = graph.projections[index];
  if (!p.name.empty())
    return "projection '" + p.name + "'";
  return "projection #" + std::to_string(index);
}

bool validProbability(double p) { return std::isfinite(p) && p >= 0 && p <= 1; }

} // namespace

uint32_t MappingGraph::addPopulation(Population population) {
  populations.push_back(std::move(population));
  return static_cast<uint32_t>(populations.size() - 1);
}

uint32_t MappingGraph::addProjection(Projection projection) {
  projections.push_back(std::move(projection));
  return static_cast<uint32_t>(projections.size() - 1);
}

double MappingGraph::firingProbabilityOf(uint32_t population) const {
  double p = populations[population].firingProbability;
  return p < 0 ? firingProbability : p;
}

uint64_t MappingGraph::totalNeurons() const {
  uint64_t n = 0;
  for (const Population &p : populations)
    n += p.size;
  return n;
}

void MappingGraph::validate() const {
  if (!validProbability(firingProbability))
    graphError("graph", "the assumed firing probability must lie in [0, 1]");
  for (const Population &p : populations) {
    if (p.firingProbability >= 0 && !validProbability(p.firingProbability))
      graphError("population '" + p.name + "'",
                 "population '" + p.name +
                     "': firing probability must lie in [0, 1]");
    if (!std::isfinite(p.cyclesPerNeuron))
      graphError("population '" + p.name + "'",
                 "population '" + p.name +
                     "': cycles per neuron is not finite");
  }
  for (size_t i = 0; i < projections.size(); ++i) {
    const Projection &pr = projections[i];
    std::string name = projectionName(*this, i);
    if (pr.source >= populations.size() || pr.target >= populations.size())
      graphError(name, name + ": source or target population out of range");
    uint32_t targetSize = populations[pr.target].size;
    uint32_t sourceSize = populations[pr.source].size;
    if (pr.fanIn.empty() && !pr.rows && targetSize > 0)
      graphError(name, name + ": needs per-target fan-in counts or a row "
                              "enumerator");
    if (!pr.fanIn.empty() && pr.fanIn.size() != targetSize)
      graphError(name, name + ": fan-in has " +
                           std::to_string(pr.fanIn.size()) +
                           " entries for a target of " +
                           std::to_string(targetSize) + " neurons");
    if (!pr.rowLengths.empty() && pr.rowLengths.size() != sourceSize)
      graphError(name, name + ": row lengths have " +
                           std::to_string(pr.rowLengths.size()) +
                           " entries for a source of " +
                           std::to_string(sourceSize) + " neurons");
    if (pr.maxDelay < 1)
      graphError(name, name + ": max delay must be at least 1 step");
  }
}

FanInTable::FanInTable(const MappingGraph &graph)
    : graph(&graph), counted(graph.projections.size()) {
  std::vector<uint32_t> row;
  for (size_t i = 0; i < graph.projections.size(); ++i) {
    const Projection &pr = graph.projections[i];
    if (!pr.fanIn.empty() || !pr.rows)
      continue;
    uint32_t targetSize = graph.populations[pr.target].size;
    std::vector<uint32_t> &fan = counted[i];
    fan.assign(targetSize, 0);
    for (uint32_t pre = 0; pre < graph.populations[pr.source].size; ++pre) {
      pr.rows(pre, row);
      for (uint32_t t : row) {
        if (t >= targetSize)
          graphError(projectionName(graph, i),
                     projectionName(graph, i) + ": source neuron " +
                         std::to_string(pre) + " has a synapse onto neuron " +
                         std::to_string(t) + " of a " +
                         std::to_string(targetSize) + "-neuron target");
        ++fan[t];
      }
    }
  }
}

} // namespace snnc::mapping
