//===- NetworkGraph.cpp - A discretized network as the mapper sees it -----===//

#include "snnc/CodeGen/NetworkGraph.h"

using namespace mlir;

namespace snnc {

void buildMappingGraph(const DiscreteNetwork &network,
                       mapping::MappingGraph &graph) {
  for (const NetworkPopulation &pop : network.populations) {
    mapping::Population population;
    population.name = pop.name;
    population.size = pop.size;
    population.modelKind =
        pop.op ? static_cast<int32_t>(pop.op.getModel()) : kInputPortModelKind;
    graph.addPopulation(population);
  }
  for (const NetworkProjection &projection : network.projections) {
    const ProjectionRows *view = projection.rows.get();
    mapping::Projection edge;
    edge.name = network.projectionName(projection);
    edge.source = projection.source;
    edge.target = projection.target;
    edge.maxDelay = view->maxDelay();
    edge.procedural = view->isProcedural();
    edge.rows = [view](uint32_t pre, std::vector<uint32_t> &targets) {
      thread_local std::vector<SynapseEntry> row;
      view->row(pre, row);
      targets.clear();
      for (const SynapseEntry &s : row)
        targets.push_back(s.target);
    };
    graph.addProjection(std::move(edge));
  }
}

FailureOr<mapping::MappingResult>
runMapper(const DiscreteNetwork &network, const mapping::MappingGraph &graph,
          const mapping::TargetModel &target,
          const mapping::ResourceModel *resources,
          const mapping::MappingOptions &options) {
  try {
    if (resources)
      return mapping::mapNetwork(graph, target, *resources, options);
    return mapping::mapNetwork(graph, target, options);
  } catch (const mapping::MappingError &e) {
    return network.opNamed(e.subject)->emitError(e.what());
  } catch (const std::exception &e) {
    return network.network.emitError("mapping failed: ") << e.what();
  }
}

} // namespace snnc
