//===- OpNodes.cpp - The NIR node of each snn op --------------------------===//

#include "OpNodes.h"

#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace snn;
using namespace snnc::nirexport;

ArrayRef<int64_t> snnc::nirexport::shapeOf(Value value) {
  return cast<SignalType>(value.getType()).getShape();
}

static int64_t count(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

Dataset snnc::nirexport::paramDataset(StringRef name, Attribute attr,
                                      ArrayRef<int64_t> shape,
                                      double defaultValue) {
  Param param(attr, defaultValue);
  int64_t n = count(shape);
  std::vector<double> values(n);
  for (int64_t i = 0; i < n; ++i)
    values[i] = param[param.isScalar() ? 0 : i];
  return Dataset::doubles(name.str(), std::vector<int64_t>(shape), values);
}

namespace {

/// Collects the datasets of one node; a neuron's parameters are written over
/// the population's shape, so the importer recovers the shape from them.
struct NodeBuilder {
  Node node;
  std::vector<int64_t> shape;

  NodeBuilder(StringRef type, ArrayRef<int64_t> shape) : shape(shape) {
    node.type = type.str();
  }
  NodeBuilder &param(StringRef name, Attribute attr, double def = 0.0) {
    node.params.push_back(paramDataset(name, attr, shape, def));
    return *this;
  }
  /// An optional parameter: written only when the op carries it, so a
  /// re-import leaves it out again.
  NodeBuilder &optional(StringRef name, Attribute attr) {
    if (attr)
      param(name, attr);
    return *this;
  }
  NodeBuilder &ints(StringRef name, ArrayRef<int64_t> values) {
    node.params.push_back(Dataset::ints(
        name.str(), {static_cast<int64_t>(values.size())}, values.vec()));
    return *this;
  }
  NodeBuilder &scalar(StringRef name, int64_t value) {
    node.params.push_back(Dataset::scalar(name.str(), value));
    return *this;
  }
  NodeBuilder &floats(StringRef name, ArrayRef<int64_t> dims,
                      std::vector<float> values) {
    node.params.push_back(
        Dataset::floats(name.str(), dims.vec(), std::move(values)));
    return *this;
  }
};

FailureOr<std::vector<float>> readWeights(Operation *op, ElementsAttr attr) {
  return readF32(attr, [op] { return op->emitOpError(); });
}

FailureOr<Node> denseNode(Operation *op, StringRef type, ElementsAttr weight,
                          ElementsAttr bias) {
  Value input = op->getOperand(0), output = op->getResult(0);
  if (shapeOf(output).size() != 1)
    return op->emitOpError("has a result of shape ")
           << formatShape(shapeOf(output)) << "; NIR's " << type
           << " gives a 1-D output, and NIR has no reshape back to it";
  FailureOr<std::vector<float>> w = readWeights(op, weight);
  if (failed(w))
    return failure();
  NodeBuilder b(type, shapeOf(output));
  b.floats("weight", {count(shapeOf(output)), count(shapeOf(input))},
           std::move(*w));
  if (bias) {
    FailureOr<std::vector<float>> values = readWeights(op, bias);
    if (failed(values))
      return failure();
    b.floats("bias", {count(shapeOf(output))}, std::move(*values));
  }
  return b.node;
}

FailureOr<Node> conv2dNode(Conv2dOp op) {
  FailureOr<std::vector<float>> w = readWeights(op, op.getWeight());
  if (failed(w))
    return failure();
  ArrayRef<int64_t> wShape = op.getWeight().getShapedType().getShape();
  std::vector<float> bias(wShape[0], 0.0f);
  // NIR's reader requires a bias; zeros are what an absent one means.
  if (op.getBias()) {
    FailureOr<std::vector<float>> b = readWeights(op, *op.getBias());
    if (failed(b))
      return failure();
    bias = std::move(*b);
  }
  ArrayRef<int64_t> in = shapeOf(op.getInput());
  NodeBuilder b("Conv2d", shapeOf(op.getOutput()));
  b.floats("weight", wShape, std::move(*w))
      .floats("bias", {wShape[0]}, std::move(bias))
      .ints("stride", op.getStride())
      .ints("padding", op.getPadding())
      .ints("dilation", op.getDilation())
      .scalar("groups", static_cast<int64_t>(op.getGroups()))
      .ints("input_shape", in.drop_front());
  return b.node;
}

Node poolNode(SumPool2dOp op, StringRef type) {
  NodeBuilder b(type, shapeOf(op.getOutput()));
  b.ints("kernel_size", op.getKernelSize())
      .ints("stride", op.getStride())
      .ints("padding", op.getPadding());
  return b.node;
}

FailureOr<Node> neuronNode(Operation *op) {
  ArrayRef<int64_t> shape = shapeOf(op->getResult(0));
  return TypeSwitch<Operation *, FailureOr<Node>>(op)
      .Case([&](LIFOp lif) {
        NodeBuilder b("LIF", shape);
        b.param("tau", lif.getTauMemAttr())
            .param("r", lif.getRAttr())
            .param("v_leak", lif.getVLeakAttr())
            .param("v_threshold", lif.getVThresholdAttr())
            .optional("v_reset", lif.getVResetAttr());
        return b.node;
      })
      .Case([&](CubaLIFOp cuba) {
        NodeBuilder b("CubaLIF", shape);
        // w_in is always written (NIR's reader wants it); the importer
        // drops a w_in of 1 again, its default.
        b.param("tau_mem", cuba.getTauMemAttr())
            .param("tau_syn", cuba.getTauSynAttr())
            .param("r", cuba.getRAttr())
            .param("v_leak", cuba.getVLeakAttr())
            .param("v_threshold", cuba.getVThresholdAttr())
            .optional("v_reset", cuba.getVResetAttr())
            .param("w_in", cuba.getWInAttr(), 1.0);
        return b.node;
      })
      .Case([&](IFOp ifOp) {
        NodeBuilder b("IF", shape);
        b.param("r", ifOp.getRAttr())
            .param("v_threshold", ifOp.getVThresholdAttr())
            .optional("v_reset", ifOp.getVResetAttr());
        return b.node;
      })
      .Case([&](LIOp li) {
        NodeBuilder b("LI", shape);
        b.param("tau", li.getTauMemAttr())
            .param("r", li.getRAttr())
            .param("v_leak", li.getVLeakAttr());
        return b.node;
      })
      .Case([&](IntegratorOp integrator) {
        NodeBuilder b("I", shape);
        b.param("r", integrator.getRAttr());
        return b.node;
      })
      .Case([&](DiscreteNeuronOp neuron) -> FailureOr<Node> {
        if (!isThreshold(neuron))
          return neuron.emitOpError(
              "is a population in discrete time (after snn-discretize); NIR "
              "export reads continuous-time networks: export the network "
              "before discretizing it");
        NodeBuilder b("Threshold", shape);
        b.param("threshold", neuron.getThresholdAttr());
        return b.node;
      })
      .Default([](Operation *) -> FailureOr<Node> { return failure(); });
}

} // namespace

bool snnc::nirexport::paramIs(Attribute attr, double value) {
  Param p(attr, value);
  if (p.isScalar())
    return p[0] == value;
  return llvm::all_of(p.perNeuron(), [&](double v) { return v == value; });
}

bool snnc::nirexport::isThreshold(DiscreteNeuronOp op) {
  if (op.getModel() != NeuronModel::lif && op.getModel() != NeuronModel::if_)
    return false;
  return paramIs(op.getDecayAttr(), 0.0) && paramIs(op.getGainAttr(), 1.0) &&
         paramIs(op.getDriveAttr(), 0.0) && op.getThresholdAttr();
}

Node snnc::nirexport::cubaLINode(LIOp syn, LIOp mem) {
  NodeBuilder b("CubaLI", shapeOf(mem.getOutput()));
  b.param("tau_mem", mem.getTauMemAttr())
      .param("tau_syn", syn.getTauMemAttr())
      .param("r", mem.getRAttr())
      .param("v_leak", mem.getVLeakAttr())
      .param("w_in", syn.getRAttr());
  return b.node;
}

Node snnc::nirexport::avgPoolNode(SumPool2dOp pool) {
  return poolNode(pool, "AvgPool2d");
}

FailureOr<Node> snnc::nirexport::convertOp(Operation *op) {
  if (isa<NeuronOpInterface>(op) && !isa<ReservoirOp>(op))
    return neuronNode(op);
  return TypeSwitch<Operation *, FailureOr<Node>>(op)
      .Case([](LinearOp linear) {
        return denseNode(linear, "Linear", linear.getWeight(), nullptr);
      })
      .Case([](AffineOp affine) {
        return denseNode(affine, "Affine", affine.getWeight(),
                         affine.getBias());
      })
      .Case([](Conv2dOp conv) { return conv2dNode(conv); })
      .Case([](SumPool2dOp pool) { return poolNode(pool, "SumPool2d"); })
      .Case([](ScaleOp scale) -> FailureOr<Node> {
        NodeBuilder b("Scale", shapeOf(scale.getOutput()));
        b.param("scale", scale.getFactorAttr());
        return b.node;
      })
      .Case([](DelayOp delay) -> FailureOr<Node> {
        if (!delay.getDelayAttr())
          return delay.emitOpError(
              "gives its delay in steps (after snn-discretize); NIR delays "
              "are in seconds: export the network before discretizing it");
        NodeBuilder b("Delay", shapeOf(delay.getOutput()));
        b.param("delay", delay.getDelayAttr());
        return b.node;
      })
      .Case([](FlattenOp flatten) -> FailureOr<Node> {
        ArrayRef<int64_t> in = shapeOf(flatten.getInput());
        int64_t rank = in.size();
        auto start = static_cast<int64_t>(flatten.getStartDim());
        auto end = static_cast<int64_t>(flatten.getEndDim());
        NodeBuilder b("Flatten", shapeOf(flatten.getOutput()));
        b.scalar("start_dim", start < 0 ? start + rank : start)
            .scalar("end_dim", end < 0 ? end + rank : end)
            .ints("input_type", in);
        return b.node;
      })
      .Default([](Operation *other) -> FailureOr<Node> {
        return other->emitOpError("has no NIR counterpart");
      });
}
