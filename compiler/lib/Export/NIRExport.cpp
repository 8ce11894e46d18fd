//===- NIRExport.cpp - Write an snn.network as a NIR graph ----------------===//
//
// The exporter is the importer's inverse: each op (or the few-op patterns
// the importer builds for one NIR node) becomes one NIR node, ops the
// importer inserts by itself are left for it to insert again, and names and
// edge order are kept, so that importing the written file gives back the
// same network, op for op.
//
//===----------------------------------------------------------------------===//

#include "snnc/Export/NIR.h"

#include "ExportItems.h"
#include "Materialize.h"
#include "NirGraph.h"
#include "OpNodes.h"

#include "snn/SnnAttrs.h"
#include "snn/SnnOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

using namespace mlir;
using namespace snn;
using namespace snnc::nirexport;

namespace {

class Exporter {
public:
  Exporter(NetworkOp network, const snnc::NIRExportOptions &options)
      : network(network), options(options) {
    graph.sourceOf = [this](const Source &s) { return sourceItem(s); };
  }

  FailureOr<Graph> run();

private:
  LogicalResult collect();
  LogicalResult convert(Operation *op);
  LogicalResult materialize(Operation *op);
  int add(Item item, Operation *op);
  void findPatterns();
  bool isImplicitFlatten(FlattenOp flatten);
  Value resolve(Value v) const;
  int sourceItem(const Source &s) const;

  NetworkOp network;
  const snnc::NIRExportOptions &options;
  ItemGraph graph;
  std::vector<Item> &items = graph.items;
  /// Result value -> the item producing it.
  llvm::DenseMap<Value, int> producer;
  /// Values of ops the importer inserts itself -> the value they read.
  llvm::DenseMap<Value, Value> alias;
  /// Ops folded into a pattern's node, and the pattern heads.
  llvm::DenseSet<Operation *> absorbed;
  llvm::DenseMap<Operation *, Operation *> cubaSyn; // mem li -> syn li
  llvm::DenseMap<Operation *, Operation *> avgPool; // scale -> sum_pool2d
  std::vector<int> &inputItems = graph.inputs, &outputItems = graph.outputs;
};

} // namespace

int Exporter::add(Item item, Operation *op) {
  if (item.preferred.empty() && op) {
    item.preferred = locName(op->getLoc());
    if (item.preferred.empty())
      item.preferred = blobName(op);
  }
  items.push_back(std::move(item));
  return static_cast<int>(items.size()) - 1;
}

Value Exporter::resolve(Value v) const {
  for (auto it = alias.find(v); it != alias.end(); it = alias.find(v))
    v = it->second;
  return v;
}

int Exporter::sourceItem(const Source &s) const {
  if (s.item >= 0)
    return s.item;
  auto it = producer.find(resolve(s.value));
  return it == producer.end() ? -1 : it->second;
}

/// The flatten the importer adds by itself when a population of 1-D shape
/// reads a multi-dimensional current. Left out of the file, so that the
/// importer adds it again at the same place.
bool Exporter::isImplicitFlatten(FlattenOp flatten) {
  auto in = cast<SignalType>(flatten.getInput().getType());
  auto out = cast<SignalType>(flatten.getType());
  if (in.isSpikes() || out.getShape().size() != 1 || in.getShape().size() < 2 ||
      flatten.getStartDim() != 0 ||
      static_cast<int64_t>(flatten.getEndDim()) !=
          static_cast<int64_t>(in.getShape().size()) - 1)
    return false;
  if (flatten->use_empty())
    return false;
  for (Operation *user : flatten->getUsers())
    if (!isa<NeuronOpInterface>(user) ||
        shapeOf(user->getResult(0)) != out.getShape())
      return false;
  // Named ops: the importer names the flatten after the node it reads.
  std::string own = locName(flatten.getLoc());
  Operation *def = flatten.getInput().getDefiningOp();
  return own.empty() || (def && locName(def->getLoc()) == own);
}

void Exporter::findPatterns() {
  Block &body = network.getBody().front();
  auto sameName = [](Operation *a, Operation *b) {
    return locName(a->getLoc()) == locName(b->getLoc());
  };
  for (Operation &op : body) {
    if (auto mem = dyn_cast<LIOp>(op)) {
      auto syn = mem.getInputs().size() == 1
                     ? mem.getInputs()[0].getDefiningOp<LIOp>()
                     : LIOp();
      // In a chain of such readouts, each op joins at most one pair.
      if (syn && syn != mem && syn->hasOneUse() && sameName(syn, mem) &&
          paramIs(syn.getVLeakAttr(), 0.0) && !absorbed.contains(mem) &&
          !absorbed.contains(syn) && !cubaSyn.count(syn)) {
        cubaSyn[mem] = syn;
        absorbed.insert(syn);
      }
    } else if (auto scale = dyn_cast<ScaleOp>(op)) {
      auto pool = scale.getInput().getDefiningOp<SumPool2dOp>();
      auto factor = dyn_cast<FloatAttr>(scale.getFactorAttr());
      if (pool && factor && pool->hasOneUse() && sameName(pool, scale)) {
        ArrayRef<int64_t> k = pool.getKernelSize();
        if (factor.getValueAsDouble() ==
            1.0 / static_cast<double>(k[0] * k[1])) {
          avgPool[scale] = pool;
          absorbed.insert(pool);
        }
      }
    } else if (auto flatten = dyn_cast<FlattenOp>(op)) {
      if (isImplicitFlatten(flatten)) {
        alias[flatten.getResult()] = flatten.getInput();
        absorbed.insert(flatten);
      }
    }
  }
}

LogicalResult Exporter::materialize(Operation *op) {
  auto refuse = [&](StringRef what) {
    return op->emitOpError() << what
                             << "; NIR has no procedural node. Pass "
                                "--materialize to write it as dense weights "
                                "(at most 2^24 elements)";
  };
  if (auto reservoir = dyn_cast<ReservoirOp>(op)) {
    if (!options.materialize)
      return refuse("is a procedural reservoir whose synapses are expanded "
                    "from a seed");
    FailureOr<std::vector<float>> weight =
        denseFromSpec(reservoir, reservoir.getSpec());
    if (failed(weight))
      return failure();
    ArrayRef<int64_t> shape = shapeOf(reservoir.getOutput());
    int64_t n = reservoir.getSpec().size;
    Item lif;
    lif.kind = "lif";
    lif.node.type = "LIF";
    lif.node.params = {
        paramDataset("tau", reservoir.getTauMemAttr(), shape, 0),
        paramDataset("r", reservoir.getRAttr(), shape, 0),
        paramDataset("v_leak", reservoir.getVLeakAttr(), shape, 0),
        paramDataset("v_threshold", reservoir.getVThresholdAttr(), shape, 0)};
    if (reservoir.getVResetAttr())
      lif.node.params.push_back(
          paramDataset("v_reset", reservoir.getVResetAttr(), shape, 0));
    for (Value in : reservoir.getInputs())
      lif.inputs.push_back({in});
    int lifItem = add(std::move(lif), op);
    producer[reservoir.getOutput()] = lifItem;
    std::string base = items[lifItem].preferred;
    int from = lifItem;
    // The recurrent spikes arrive after `delay` seconds when it is given;
    // otherwise NIR's own recurrent-edge semantics apply (one step).
    if (reservoir.getDelayAttr()) {
      Item delay;
      delay.kind = "delay";
      delay.node.type = "Delay";
      delay.node.params = {
          paramDataset("delay", reservoir.getDelayAttr(), shape, 0)};
      delay.inputs.push_back({Value(), lifItem});
      if (!base.empty())
        delay.preferred = base + ".delay";
      from = add(std::move(delay), nullptr);
    }
    Item linear;
    linear.kind = "linear";
    linear.node.type = "Linear";
    linear.node.params = {
        Dataset::floats("weight", {n, n}, std::move(*weight))};
    linear.inputs.push_back({Value(), from});
    if (!base.empty())
      linear.preferred = base + ".recurrent";
    int rec = add(std::move(linear), nullptr);
    items[lifItem].inputs.push_back({Value(), rec});
    return success();
  }
  auto procedural = cast<ProceduralOp>(op);
  if (!options.materialize)
    return refuse("holds a reservoir's procedural synapses");
  if (procedural.getDelaySteps() != 1)
    return procedural.emitOpError("delays its synapses by ")
           << procedural.getDelaySteps()
           << " steps; NIR delays are in seconds, and this network has no "
              "time step";
  FailureOr<std::vector<float>> weight =
      denseFromSpec(procedural, procedural.getSpec());
  if (failed(weight))
    return failure();
  int64_t n = procedural.getSpec().size;
  Item linear;
  linear.kind = "linear";
  linear.node.type = "Linear";
  linear.node.params = {Dataset::floats("weight", {n, n}, std::move(*weight))};
  linear.inputs.push_back({procedural.getInput()});
  producer[procedural.getOutput()] = add(std::move(linear), op);
  return success();
}

LogicalResult Exporter::convert(Operation *op) {
  if (isa<ReservoirOp, ProceduralOp>(op))
    return materialize(op);
  if (auto sparse = dyn_cast<SparseOp>(op)) {
    if (shapeOf(sparse.getOutput()).size() != 1)
      return sparse.emitOpError("has a result of shape ")
             << formatShape(shapeOf(sparse.getOutput()))
             << "; NIR's Linear gives a 1-D output";
    FailureOr<SparseDelays> delays = sparseDelays(sparse);
    if (failed(delays))
      return failure();
    FailureOr<std::vector<float>> weight = denseFromSparse(sparse);
    if (failed(weight))
      return failure();
    Item linear;
    linear.kind = "linear";
    linear.node.type = "Linear";
    linear.node.params = {
        Dataset::floats("weight",
                        {sparse.getType().getNumElements(),
                         sparse.getInput().getType().getNumElements()},
                        std::move(*weight))};
    Item delay;
    delay.kind = "delay";
    delay.node.type = "Delay";
    bool pre = delays->where == SparseDelays::Presynaptic;
    ArrayRef<int64_t> delayShape =
        shapeOf(pre ? Value(sparse.getInput()) : Value(sparse.getOutput()));
    delay.node.params = {
        Dataset::doubles("delay", delayShape.vec(), delays->seconds)};
    std::string base = locName(op->getLoc());
    if (delays->where == SparseDelays::None) {
      linear.inputs.push_back({sparse.getInput()});
      producer[sparse.getOutput()] = add(std::move(linear), op);
    } else if (pre) {
      delay.inputs.push_back({sparse.getInput()});
      if (!base.empty())
        delay.preferred = base + ".delay";
      int d = add(std::move(delay), nullptr);
      linear.inputs.push_back({Value(), d});
      producer[sparse.getOutput()] = add(std::move(linear), op);
    } else {
      linear.inputs.push_back({sparse.getInput()});
      int l = add(std::move(linear), op);
      delay.inputs.push_back({Value(), l});
      if (!items[l].preferred.empty())
        delay.preferred = items[l].preferred + ".delay";
      producer[sparse.getOutput()] = add(std::move(delay), nullptr);
    }
    return success();
  }
  Item item;
  Operation *head = op;
  if (auto syn = cubaSyn.lookup(op)) {
    item.node = cubaLINode(cast<LIOp>(syn), cast<LIOp>(op));
    head = syn;
  } else if (auto pool = avgPool.lookup(op)) {
    item.node = avgPoolNode(cast<SumPool2dOp>(pool));
    head = pool;
  } else {
    FailureOr<Node> node = convertOp(op);
    if (failed(node))
      return failure();
    item.node = std::move(*node);
  }
  item.kind = StringRef(item.node.type).lower();
  for (Value in : head->getOperands())
    item.inputs.push_back({in});
  producer[op->getResult(0)] = add(std::move(item), op);
  return success();
}

LogicalResult Exporter::collect() {
  Block &body = network.getBody().front();
  for (BlockArgument arg : body.getArguments()) {
    Item input;
    input.node.type = "Input";
    ArrayRef<int64_t> shape = shapeOf(arg);
    input.node.params = {Dataset::ints(
        "shape", {static_cast<int64_t>(shape.size())}, shape.vec())};
    producer[arg] = add(std::move(input), nullptr);
    inputItems.push_back(producer[arg]);
  }
  findPatterns();
  bool failedAny = false;
  for (Operation &op : body) {
    if (isa<OutputOp>(op) || absorbed.contains(&op))
      continue;
    failedAny |= failed(convert(&op));
  }
  if (failedAny)
    return failure();
  OutputOp output = network.getOutputOp();
  for (Value v : output.getOutputs()) {
    Item out;
    out.node.type = "Output";
    ArrayRef<int64_t> shape = shapeOf(v);
    out.node.params = {Dataset::ints(
        "shape", {static_cast<int64_t>(shape.size())}, shape.vec())};
    out.inputs.push_back({v});
    outputItems.push_back(add(std::move(out), nullptr));
  }
  return success();
}

FailureOr<Graph> Exporter::run() {
  if (network->hasAttr("snn.time"))
    return network.emitOpError(
        "is discretized (it carries snn.time); NIR export reads "
        "continuous-time networks: export the network before snn-discretize");
  if (failed(collect()))
    return failure();
  // Every input resolves to a node; anything else is a bug of the exporter,
  // reported rather than written as a dangling edge.
  for (const Item &item : items)
    for (const Source &s : item.inputs)
      if (sourceItem(s) < 0)
        return network.emitOpError("cannot export: an input of a '")
               << item.node.type << "' node comes from no exported op";
  nameItems(graph, network);
  Graph file;
  std::vector<int> order = canonicalOrder(graph);
  for (int i : order) {
    for (const Source &s : items[i].inputs)
      file.edges.push_back(
          {items[sourceItem(s)].node.name, items[i].node.name});
  }
  for (int i : order)
    file.nodes.push_back(std::move(items[i].node));
  return file;
}

LogicalResult snnc::exportNIRFile(ModuleOp module, StringRef path,
                                  const NIRExportOptions &options) {
  SmallVector<NetworkOp> networks(module.getOps<NetworkOp>());
  if (networks.size() != 1)
    return module.emitError("NIR export writes one snn.network; the module "
                            "holds ")
           << networks.size();
  FailureOr<Graph> graph = Exporter(networks.front(), options).run();
  if (failed(graph))
    return failure();
  std::string error = writeGraph(*graph, path);
  if (!error.empty())
    return module.emitError("cannot write '") << path << "': " << error;
  return success();
}
