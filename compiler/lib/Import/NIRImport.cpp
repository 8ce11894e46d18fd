//===- NIRImport.cpp - Build an snn.network from a flattened NIR graph ----===//

#include "snnc/Import/NIR.h"

#include "Hdf5Graph.h"
#include "NIRBuilder.h"

#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"
#include "snn/SnnDialect.h"
#include "snn/SnnOps.h"

#include "mlir/IR/Verifier.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

#include <deque>

using namespace mlir;
using namespace snnc::nir;

namespace {

/// Shape entries (an Input's or Output's `shape`) larger than this are
/// refused; with the element limit it keeps shape arithmetic in int64.
constexpr int64_t kMaxShapeEntry = int64_t(1) << 30;

/// One neuron parameter: its snn attribute and its NIR dataset name(s).
struct ParamSpec {
  const char *attr;
  const char *nir;
  const char *alt; // another spelling some writers use, or null
  bool required;
};

ArrayRef<ParamSpec> neuronParams(StringRef type) {
  static const ParamSpec lif[] = {{"tau_mem", "tau", "tau_mem", true},
                                  {"r", "r", nullptr, true},
                                  {"v_leak", "v_leak", nullptr, true},
                                  {"v_threshold", "v_threshold", nullptr, true},
                                  {"v_reset", "v_reset", nullptr, false}};
  static const ParamSpec cuba[] = {
      {"tau_mem", "tau_mem", "tau", true},
      {"tau_syn", "tau_syn", nullptr, true},
      {"r", "r", nullptr, true},
      {"v_leak", "v_leak", nullptr, true},
      {"v_threshold", "v_threshold", nullptr, true},
      {"v_reset", "v_reset", nullptr, false},
      {"w_in", "w_in", nullptr, false}};
  static const ParamSpec ifs[] = {{"r", "r", nullptr, true},
                                  {"v_threshold", "v_threshold", nullptr, true},
                                  {"v_reset", "v_reset", nullptr, false}};
  static const ParamSpec li[] = {{"tau_mem", "tau", "tau_mem", true},
                                 {"r", "r", nullptr, true},
                                 {"v_leak", "v_leak", nullptr, true}};
  static const ParamSpec integrator[] = {{"r", "r", nullptr, true}};
  static const ParamSpec threshold[] = {
      {"threshold", "threshold", nullptr, true}};
  // CubaLI becomes two snn.li: the synaptic current (tau_syn, r = w_in,
  // v_leak = 0) feeding the membrane (tau_mem, r, v_leak).
  static const ParamSpec cubaLI[] = {{"tau_mem", "tau_mem", "tau", true},
                                     {"tau_syn", "tau_syn", nullptr, true},
                                     {"r", "r", nullptr, true},
                                     {"v_leak", "v_leak", nullptr, true},
                                     {"w_in", "w_in", nullptr, false}};
  if (type == "LIF")
    return lif;
  if (type == "CubaLIF")
    return cuba;
  if (type == "IF")
    return ifs;
  if (type == "LI")
    return li;
  if (type == "I")
    return integrator;
  if (type == "Threshold")
    return threshold;
  if (type == "CubaLI")
    return cubaLI;
  return {};
}

StringRef neuronOpName(StringRef type) {
  return llvm::StringSwitch<StringRef>(type)
      .Case("LIF", "snn.lif")
      .Case("CubaLIF", "snn.cuba_lif")
      .Case("IF", "snn.if")
      .Case("LI", "snn.li")
      .Case("I", "snn.integrator")
      .Case("Threshold", "snn.neuron")
      .Case("CubaLI", "snn.li")
      .Default("");
}

bool isKnownType(StringRef type) {
  static const char *const known[] = {
      "Input",  "Output", "Identity",  "Affine",    "Linear",
      "Conv1d", "Conv2d", "SumPool2d", "AvgPool2d", "Flatten",
      "Delay",  "Scale",  "Threshold", "I",         "IF",
      "LI",     "LIF",    "CubaLIF",   "CubaLI"};
  return llvm::is_contained(known, type);
}

/// Datasets every node may carry besides its parameters: NIR 1.0 writes
/// these (as groups); NIR 0.2 writes Flatten's `input_type` as a dataset.
constexpr StringRef kCommonDatasets[] = {"input_type", "output_type",
                                         "metadata"};

/// The datasets NIR defines for each node type, besides `type` and the
/// common ones, in the versions snnc reads. Nested graphs' Input and Output
/// nodes, imported as Identity, keep their `shape`.
ArrayRef<StringRef> knownDatasets(StringRef type) {
  static const StringRef io[] = {"shape"};
  static const StringRef affine[] = {"weight", "bias"};
  static const StringRef linear[] = {"weight"};
  static const StringRef conv[] = {"weight",     "bias",     "stride",
                                   "padding",    "dilation", "groups",
                                   "input_shape"};
  static const StringRef pool[] = {"kernel_size", "stride", "padding"};
  static const StringRef flatten[] = {"start_dim", "end_dim"};
  static const StringRef delay[] = {"delay"};
  static const StringRef scale[] = {"scale"};
  static const StringRef threshold[] = {"threshold"};
  static const StringRef integrator[] = {"r"};
  static const StringRef ifs[] = {"r", "v_threshold", "v_reset"};
  static const StringRef li[] = {"tau", "tau_mem", "r", "v_leak"};
  static const StringRef lif[] = {"tau",    "tau_mem",     "r",
                                  "v_leak", "v_threshold", "v_reset"};
  static const StringRef cubaLIF[] = {"tau_mem", "tau",    "tau_syn",
                                      "r",       "v_leak", "v_threshold",
                                      "v_reset", "w_in"};
  static const StringRef cubaLI[] = {"tau_syn", "tau_mem", "tau",
                                     "r",       "v_leak",  "w_in"};
  return llvm::StringSwitch<ArrayRef<StringRef>>(type)
      .Cases("Input", "Output", "Identity", io)
      .Case("Affine", affine)
      .Case("Linear", linear)
      .Cases("Conv1d", "Conv2d", conv)
      .Cases("SumPool2d", "AvgPool2d", pool)
      .Case("Flatten", flatten)
      .Case("Delay", delay)
      .Case("Scale", scale)
      .Case("Threshold", threshold)
      .Case("I", integrator)
      .Case("IF", ifs)
      .Case("LI", li)
      .Case("LIF", lif)
      .Case("CubaLIF", cubaLIF)
      .Case("CubaLI", cubaLI)
      .Default({});
}

class Importer {
public:
  Importer(MLIRContext *ctx, Graph &graph)
      : ctx(ctx), graph(graph), builder(ctx), signals(builder) {}

  OwningOpRef<ModuleOp> run(StringRef path);

private:
  InFlightDiagnostic error(const Node &node) {
    InFlightDiagnostic diag = emitError(nodeLoc(ctx, node.name));
    diag << "node '" << node.name << "' (" << node.type << "): ";
    return diag;
  }
  FailureOr<std::vector<int64_t>> shapeParam(const Node &node, bool required);
  LogicalResult checkDatasets(const Node &node);
  void computeLifts();
  std::vector<int64_t> liftShape(size_t index, ArrayRef<int64_t> shape) const;
  LogicalResult createNeuron(size_t index);
  LogicalResult connectNeuron(size_t index);
  LogicalResult propagate();

  MLIRContext *ctx;
  Graph &graph;
  OpBuilder builder;
  SignalBuilder signals;
  std::vector<Signal> values;
  std::vector<bool> done;
  /// Nodes whose (C, L) signal is built as (C, 1, L) for a Conv1d.
  std::vector<bool> lifted;
  std::vector<Operation *> neurons;
  std::vector<Value> results;
};

} // namespace

FailureOr<Value> SignalBuilder::materialize(Signal &signal) {
  if (signal.cached)
    return signal.cached;
  if (signal.kind == Signal::Plain)
    return signal.value;
  MLIRContext *ctx = builder.getContext();
  Location loc = nodeLoc(ctx, signal.producer);
  std::string blob = "nir_" + signal.producer;
  for (char &c : blob)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  Value result;
  if (signal.kind == Signal::Dense) {
    int64_t rows = numel(signal.shape);
    int64_t cols = static_cast<int64_t>(signal.weight.size()) / rows;
    ElementsAttr weight = snn::makeF32(ctx, {rows, cols}, signal.weight, blob);
    Type type = snn::CurrentType::get(ctx, {rows});
    if (signal.hasBias)
      result = builder.create<snn::AffineOp>(
          loc, type, signal.value, weight,
          snn::makeF32(ctx, {rows}, signal.bias, blob));
    else
      result = builder.create<snn::LinearOp>(loc, type, signal.value, weight);
  } else {
    result = builder.create<snn::SumPool2dOp>(
        loc, snn::CurrentType::get(ctx, signal.pooledShape), signal.value,
        builder.getDenseI64ArrayAttr(signal.kernel),
        builder.getDenseI64ArrayAttr(signal.stride),
        builder.getDenseI64ArrayAttr(signal.padding));
    if (signal.scale != 1.0)
      result = builder.create<snn::ScaleOp>(
          loc, result.getType(), result, builder.getF64FloatAttr(signal.scale));
    if (ArrayRef<int64_t>(signal.shape) != ArrayRef(signal.pooledShape))
      result = builder.create<snn::FlattenOp>(
          loc, snn::CurrentType::get(ctx, signal.shape), result,
          builder.getI64IntegerAttr(0), builder.getI64IntegerAttr(2));
  }
  signal.cached = result;
  return result;
}

FailureOr<std::vector<int64_t>> Importer::shapeParam(const Node &node,
                                                     bool required) {
  const Array *a = findParam(node, "shape");
  if (!a) {
    if (required)
      return error(node) << "missing parameter 'shape'";
    return std::vector<int64_t>();
  }
  std::vector<int64_t> shape;
  for (double d : a->values) {
    if (!(d >= 1) || d != std::floor(d))
      return error(node) << "shape entries must be positive integers, got "
                         << snn::formatExact(d);
    if (d > double(kMaxShapeEntry))
      return error(node) << "shape entry " << snn::formatExact(d)
                         << " exceeds the limit of " << kMaxShapeEntry
                         << " (2^30) per dimension";
    shape.push_back(static_cast<int64_t>(d));
  }
  if (shape.empty())
    return error(node) << "parameter 'shape' has no entries";
  // Entries of at most 2^30 multiply to at most 2^240: count in double.
  double elements = 1;
  for (int64_t d : shape)
    elements *= static_cast<double>(d);
  if (elements > double(snn::kMaxReadElements))
    return error(node) << "shape " << shapeText(shape) << " has "
                       << snn::formatExact(elements)
                       << " elements, more than the limit of "
                       << snn::kMaxReadElements << " (2^28)";
  return shape;
}

LogicalResult Importer::checkDatasets(const Node &node) {
  ArrayRef<StringRef> known = knownDatasets(node.type);
  bool convPadding = (node.type == "Conv1d" || node.type == "Conv2d") &&
                     node.strings.count("padding");
  // A parameter in another form would otherwise read as missing, or, when
  // optional, silently take its default.
  for (StringRef name : known) {
    if (llvm::is_contained(kCommonDatasets, name))
      continue;
    auto text = node.strings.find(name);
    if (text != node.strings.end() && !(convPadding && name == "padding"))
      return error(node) << "parameter '" << name << "' is a string ('"
                         << text->second << "'), not a number or numeric array";
    auto other = node.others.find(name);
    if (other != node.others.end())
      return error(node) << "parameter '" << name << "' is " << other->second
                         << ", not a numeric array";
  }
  // Real files may carry extra datasets, so an unknown one is not an error;
  // but it is most often a misspelled optional parameter (v_rest for
  // v_reset), which would silently take its default.
  for (const std::string &name : node.datasets) {
    if (llvm::is_contained(known, name) ||
        llvm::is_contained(kCommonDatasets, name))
      continue;
    InFlightDiagnostic diag = emitWarning(nodeLoc(ctx, node.name));
    diag << "node '" << node.name << "' (" << node.type
         << "): ignores dataset '" << name << "', which " << node.type
         << " does not define (";
    if (known.empty())
      diag << "it has no parameters)";
    else
      diag << "its parameters: " << llvm::join(known, ", ") << ")";
  }
  return success();
}

/// Conv1d runs as an snn.conv2d over a height of 1, so the spikes it reads
/// and the populations it feeds are built with that height: (C, L) becomes
/// (C, 1, L). Signals keep their NIR shape; only the values carry the 1.
void Importer::computeLifts() {
  lifted.assign(graph.nodes.size(), false);
  // Follows nodes that keep their input's shape back to the node feeding
  // them (bounded: such chains may form cycles in malformed files).
  auto through = [&](size_t n, ArrayRef<StringRef> pass) {
    for (size_t step = 0; step < graph.nodes.size(); ++step) {
      const Node &node = graph.nodes[n];
      if (node.inputs.size() != 1 || !llvm::is_contained(pass, node.type))
        break;
      n = node.inputs.front();
    }
    return n;
  };
  StringRef toSource[] = {"Delay", "Identity"};
  StringRef fromConv[] = {"Scale", "Delay", "Identity"};
  for (auto [index, node] : llvm::enumerate(graph.nodes)) {
    if (node.type == "Conv1d" && node.inputs.size() == 1)
      lifted[through(node.inputs.front(), toSource)] = true;
    if (!neuronOpName(node.type).empty())
      for (size_t src : node.inputs)
        if (graph.nodes[through(src, fromConv)].type == "Conv1d")
          lifted[index] = true;
  }
}

std::vector<int64_t> Importer::liftShape(size_t index,
                                         ArrayRef<int64_t> shape) const {
  if (!lifted[index] || shape.size() != 2)
    return shape.vec();
  return {shape[0], 1, shape[1]};
}

LogicalResult Importer::createNeuron(size_t index) {
  const Node &node = graph.nodes[index];
  std::vector<std::pair<const ParamSpec *, const Array *>> found;
  const Array *widest = nullptr;
  for (const ParamSpec &spec : neuronParams(node.type)) {
    const Array *a = findParam(node, spec.nir);
    if (!a && spec.alt)
      a = findParam(node, spec.alt);
    if (!a && spec.required)
      return error(node) << "missing parameter '" << spec.nir << "'";
    if (!a)
      continue;
    if (a->values.empty())
      return error(node) << "parameter '" << spec.nir << "' is empty";
    found.push_back({&spec, a});
    if (!widest || a->values.size() > widest->values.size())
      widest = a;
  }
  for (auto [spec, a] : found)
    if (a->values.size() != 1 && a->values.size() != widest->values.size())
      return error(node) << "parameter '" << spec->nir << "' has "
                         << a->values.size() << " values but the population "
                         << "has " << widest->values.size() << " neurons";
  std::vector<int64_t> shape = widest->dims;
  if (shape.empty() || numel(shape) != int64_t(widest->values.size()))
    shape = {static_cast<int64_t>(widest->values.size())};
  llvm::StringMap<std::vector<double>> params;
  for (auto [spec, a] : found)
    params[spec->attr] = a->values;
  // CubaLIF's w_in of 1 is the op's default: leave it out, as when absent.
  auto wIn = params.find("w_in");
  if (node.type == "CubaLIF" && wIn != params.end() &&
      llvm::all_of(wIn->second, [](double v) { return v == 1.0; }))
    params.erase(wIn);
  Location loc = nodeLoc(ctx, node.name);
  bool spiking = node.type != "LI" && node.type != "I" && node.type != "CubaLI";
  Type type = spiking
                  ? Type(snn::SpikesType::get(ctx, liftShape(index, shape)))
                  : Type(snn::CurrentType::get(ctx, liftShape(index, shape)));
  auto param = [&](StringRef name) {
    return snn::makeParam(ctx, params[name]);
  };
  Operation *op = nullptr;
  Value result;
  if (node.type == "Threshold") {
    // A stateless Heaviside: no memory (decay 0), unit gain, no drive, so
    // it fires whenever the input exceeds the threshold, at every dt. The
    // reset only has to lie below the threshold; it is never read.
    std::vector<double> reset = params["threshold"];
    for (double &r : reset)
      r = r > 0 ? 0.0 : r - 1.0;
    Builder b(ctx);
    op = builder.create<snn::DiscreteNeuronOp>(
        loc, type, ValueRange(),
        snn::NeuronModelAttr::get(ctx, snn::NeuronModel::lif),
        b.getF64FloatAttr(0.0), b.getF64FloatAttr(1.0), b.getF64FloatAttr(0.0),
        param("threshold"), snn::makeParam(ctx, reset), Attribute(),
        Attribute());
    result = op->getResult(0);
  } else if (node.type == "CubaLI") {
    std::vector<double> wInValues =
        params.count("w_in") ? params["w_in"] : std::vector<double>{1.0};
    for (double w : wInValues)
      if (!(w > 0))
        return error(node) << "w_in must be positive (it is the r of the "
                              "synaptic snn.li), got "
                           << snn::formatNumber(w);
    Builder b(ctx);
    op = builder.create<snn::LIOp>(loc, type, ValueRange(), param("tau_syn"),
                                   snn::makeParam(ctx, wInValues),
                                   b.getF64FloatAttr(0.0));
    result =
        builder.create<snn::LIOp>(loc, type, op->getResult(0), param("tau_mem"),
                                  param("r"), param("v_leak"));
  } else {
    OperationState state(loc, neuronOpName(node.type));
    state.addTypes(type);
    for (const ParamSpec &spec : neuronParams(node.type))
      if (params.count(spec.attr))
        state.addAttribute(spec.attr, param(spec.attr));
    op = builder.create(state);
    result = op->getResult(0);
  }
  neurons[index] = op;
  values[index].value = result;
  values[index].shape = shape;
  values[index].producer = node.name;
  done[index] = true;
  return success();
}

LogicalResult Importer::connectNeuron(size_t index) {
  const Node &node = graph.nodes[index];
  Operation *op = neurons[index];
  auto population = cast<snn::SignalType>(op->getResult(0).getType());
  std::vector<Value> inputs;
  for (size_t src : node.inputs) {
    FailureOr<Value> v = signals.materialize(values[src]);
    if (failed(v))
      return failure();
    auto type = cast<snn::SignalType>(v->getType());
    if (type.isSpikes())
      return error(node) << "is fed spikes by '" << graph.nodes[src].name
                         << "'; populations take currents, so connect them "
                            "through a synapse (Linear, Affine, Conv2d)";
    if (type.getShape() != population.getShape()) {
      if (type.getNumElements() != population.getNumElements() ||
          population.getShape().size() != 1)
        return error(node) << "gets shape " << shapeText(type.getShape())
                           << " from '" << graph.nodes[src].name
                           << "' but the population has shape "
                           << shapeText(population.getShape());
      *v = builder.create<snn::FlattenOp>(
          nodeLoc(ctx, graph.nodes[src].name),
          type.withShape(population.getShape()), *v,
          builder.getI64IntegerAttr(0),
          builder.getI64IntegerAttr(type.getShape().size() - 1));
    }
    inputs.push_back(*v);
  }
  op->setOperands(inputs);
  return success();
}

LogicalResult Importer::propagate() {
  std::vector<std::vector<size_t>> dependents(graph.nodes.size());
  for (auto [index, node] : llvm::enumerate(graph.nodes)) {
    for (size_t src : node.inputs)
      if (graph.nodes[src].topLevel && graph.nodes[src].type == "Output")
        return error(graph.nodes[src])
               << "an Output node cannot feed '" << node.name << "'";
    if (done[index])
      continue;
    if (node.inputs.size() != 1)
      return error(node) << "has " << node.inputs.size()
                         << " inputs; it needs exactly one (only neuron "
                            "nodes sum several)";
    dependents[node.inputs.front()].push_back(index);
  }
  // Kahn's worklist from the inputs and populations, which break cycles.
  std::deque<size_t> worklist;
  for (size_t i = 0; i < graph.nodes.size(); ++i)
    if (done[i])
      worklist.push_back(i);
  while (!worklist.empty()) {
    size_t n = worklist.front();
    worklist.pop_front();
    for (size_t d : dependents[n]) {
      const Node &node = graph.nodes[d];
      if (node.type == "Output") {
        FailureOr<Value> v = signals.materialize(values[n]);
        if (failed(v))
          return failure();
        values[d].value = *v;
      } else {
        FailureOr<Signal> s = signals.apply(node, values[n]);
        if (failed(s))
          return failure();
        values[d] = std::move(*s);
      }
      done[d] = true;
      worklist.push_back(d);
    }
  }
  for (auto [index, node] : llvm::enumerate(graph.nodes))
    if (!done[index])
      return error(node) << "lies on a cycle that passes through no neuron "
                            "population (or is fed only by such a cycle)";
  return success();
}

OwningOpRef<ModuleOp> Importer::run(StringRef path) {
  for (const Node &node : graph.nodes)
    if (!isKnownType(node.type))
      return (error(node) << "unknown NIR node type '" << node.type << "'",
              nullptr);
  for (const Node &node : graph.nodes)
    if (failed(checkDatasets(node)))
      return nullptr;
  size_t count = graph.nodes.size();
  values.assign(count, Signal());
  done.assign(count, false);
  neurons.assign(count, nullptr);
  computeLifts();
  std::vector<Type> argTypes;
  std::vector<size_t> inputs, outputs;
  for (auto [index, node] : llvm::enumerate(graph.nodes)) {
    if (!node.topLevel || (node.type != "Input" && node.type != "Output"))
      continue;
    bool input = node.type == "Input";
    FailureOr<std::vector<int64_t>> shape = shapeParam(node, input);
    if (failed(shape))
      return nullptr;
    if (input && !node.inputs.empty())
      return (error(node) << "an Input node cannot have incoming edges",
              nullptr);
    if (input)
      argTypes.push_back(snn::SpikesType::get(ctx, liftShape(index, *shape)));
    values[index].shape = *shape;
    (input ? inputs : outputs).push_back(index);
  }
  if (outputs.empty())
    return (emitError(nodeLoc(ctx, "node"))
                << "the top-level graph has no Output node",
            nullptr);
  Location fileLoc = FileLineColLoc::get(ctx, path, 0, 0);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  builder.setInsertionPointToEnd(module->getBody());
  auto network =
      builder.create<snn::NetworkOp>(fileLoc, llvm::sys::path::stem(path),
                                     builder.getFunctionType(argTypes, {}));
  Block &body = network.getBody().front();
  builder.setInsertionPointToEnd(&body);
  for (auto [arg, index] : llvm::enumerate(inputs)) {
    // The Input node's name, for diagnostics and for `snnc export`.
    body.getArgument(arg).setLoc(nodeLoc(ctx, graph.nodes[index].name));
    values[index].value = body.getArgument(arg);
    values[index].producer = graph.nodes[index].name;
    done[index] = true;
  }
  for (size_t i = 0; i < count; ++i)
    if (!neuronOpName(graph.nodes[i].type).empty() && failed(createNeuron(i)))
      return nullptr;
  if (failed(propagate()))
    return nullptr;
  for (size_t i = 0; i < count; ++i)
    if (neurons[i] && failed(connectNeuron(i)))
      return nullptr;
  // Populations come first, in node-name order; the other ops follow in
  // node-name order too (stably: the ops of one node keep theirs), not in
  // the order the graph was walked. The network then does not depend on
  // nodes that fold away, so an exported and re-imported file gives the
  // same ops in the same order.
  SmallVector<Operation *> others;
  for (Operation &op : body)
    if (!isa<snn::NeuronOpInterface>(op))
      others.push_back(&op);
  auto name = [](Operation *op) {
    auto loc = dyn_cast<NameLoc>(op->getLoc());
    return loc ? loc.getName().getValue() : StringRef();
  };
  llvm::stable_sort(
      others, [&](Operation *a, Operation *b) { return name(a) < name(b); });
  for (Operation *op : others)
    op->moveBefore(&body, body.end());
  std::vector<Value> results;
  for (size_t index : outputs) {
    const Node &node = graph.nodes[index];
    Value v = values[index].value;
    auto type = cast<snn::SignalType>(v.getType());
    ArrayRef<int64_t> declared = values[index].shape;
    auto squeeze = [](ArrayRef<int64_t> s) {
      std::vector<int64_t> out;
      llvm::copy_if(s, std::back_inserter(out),
                    [](int64_t d) { return d != 1; });
      return out;
    };
    if (!declared.empty() && squeeze(declared) != squeeze(type.getShape()))
      return (error(node) << "declares shape " << shapeText(declared)
                          << " but '" << graph.nodes[node.inputs.front()].name
                          << "' gives shape " << shapeText(type.getShape()),
              nullptr);
    results.push_back(v);
  }
  // Named after the first Output node; with several, the child location
  // lists every Output's name, in port order, for `snnc export`.
  Location outputLoc = nodeLoc(ctx, graph.nodes[outputs[0]].name);
  if (outputs.size() > 1) {
    SmallVector<Location> names;
    for (size_t index : outputs)
      names.push_back(nodeLoc(ctx, graph.nodes[index].name));
    outputLoc = NameLoc::get(StringAttr::get(ctx, graph.nodes[outputs[0]].name),
                             FusedLoc::get(ctx, names));
  }
  builder.create<snn::OutputOp>(outputLoc, results);
  network.setFunctionType(
      builder.getFunctionType(argTypes, ValueRange(results).getTypes()));
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp> snnc::importNIRFile(StringRef path,
                                          MLIRContext *context) {
  context->getOrLoadDialect<snn::SnnDialect>();
  FailureOr<Graph> graph = loadGraph(path, context);
  if (failed(graph))
    return nullptr;
  return Importer(context, *graph).run(path);
}

void snnc::printNodeDiagnostic(StringRef file, Diagnostic &diag,
                               llvm::raw_ostream &os) {
  os << file;
  if (auto name = dyn_cast<NameLoc>(diag.getLocation()))
    os << ": node '" << name.getName().getValue() << "'";
  switch (diag.getSeverity()) {
  case DiagnosticSeverity::Error:
    os << ": error: ";
    break;
  case DiagnosticSeverity::Warning:
    os << ": warning: ";
    break;
  default:
    os << ": note: ";
    break;
  }
  os << diag << "\n";
  for (Diagnostic &note : diag.getNotes())
    printNodeDiagnostic(file, note, os);
}
