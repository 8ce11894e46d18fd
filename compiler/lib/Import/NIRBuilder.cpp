//===- NIRBuilder.cpp - snn ops for one-input NIR nodes -------------------===//

#include "NIRBuilder.h"

#include "snn/ElementsData.h"
#include "snn/NeuronParams.h"
#include "snn/SnnOps.h"

#include "llvm/ADT/STLExtras.h"

#include <cmath>

using namespace mlir;
using namespace snnc::nir;

int64_t snnc::nir::numel(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

std::string snnc::nir::shapeText(ArrayRef<int64_t> shape) {
  std::string text = "(";
  for (auto [i, d] : llvm::enumerate(shape))
    text += (i ? ", " : "") + std::to_string(d);
  return text + ")";
}

namespace {
constexpr int64_t kMaxComposed = int64_t(1) << 26;
constexpr int64_t kMaxWindow = 1 << 20;

int64_t windowed(int64_t size, int64_t kernel, int64_t stride, int64_t pad,
                 int64_t dilation) {
  int64_t room = size + 2 * pad - dilation * (kernel - 1) - 1;
  return room < 0 ? 0 : room / stride + 1;
}

std::string blobName(StringRef node) {
  std::string name = "nir_";
  for (char c : node)
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

bool isSpikes(const Signal &s) {
  return s.kind == Signal::Plain && isa<snn::SpikesType>(s.value.getType());
}

ArrayRef<int64_t> valueShape(Value v) {
  return cast<snn::SignalType>(v.getType()).getShape();
}

std::vector<float> toF32(const Array &a) {
  return std::vector<float>(a.values.begin(), a.values.end());
}
} // namespace

const Array *snnc::nir::findParam(const Node &node, StringRef name) {
  auto it = node.params.find(name);
  return it == node.params.end() ? nullptr : &it->second;
}

InFlightDiagnostic SignalBuilder::error(const Node &node) {
  InFlightDiagnostic diag = emitError(nodeLoc(builder.getContext(), node.name));
  diag << "node '" << node.name << "' (" << node.type << "): ";
  return diag;
}

FailureOr<Signal> SignalBuilder::apply(const Node &node, Signal &input) {
  StringRef type = node.type;
  if (type == "Identity")
    return input;
  if (type == "Affine" || type == "Linear")
    return dense(node, input);
  if (type == "Conv2d")
    return conv2d(node, input);
  if (type == "Conv1d")
    return conv1d(node, input);
  if (type == "SumPool2d" || type == "AvgPool2d")
    return pool2d(node, input);
  if (type == "Flatten")
    return flatten(node, input);
  if (type == "Delay" || type == "Scale")
    return elementwise(node, input);
  return error(node) << "the snn dialect has no counterpart for this node "
                        "type";
}

FailureOr<std::array<int64_t, 2>> SignalBuilder::pair(const Node &node,
                                                      StringRef name,
                                                      int64_t defaultValue,
                                                      int64_t min) {
  const Array *a = findParam(node, name);
  if (!a) {
    if (defaultValue < 0)
      return error(node) << "missing parameter '" << name << "'";
    return std::array<int64_t, 2>{defaultValue, defaultValue};
  }
  if (a->values.size() != 1 && a->values.size() != 2)
    return error(node) << "'" << name << "' must have 1 or 2 entries, got "
                       << a->values.size();
  std::array<int64_t, 2> out{};
  for (int i = 0; i < 2; ++i) {
    double v = a->values[a->values.size() == 1 ? 0 : i];
    if (!(v >= min && v <= kMaxWindow) || v != std::floor(v))
      return error(node) << "'" << name << "' entries must be integers in ["
                         << min << ", " << kMaxWindow << "], got "
                         << snn::formatNumber(v);
    out[i] = static_cast<int64_t>(v);
  }
  return out;
}

FailureOr<Signal> SignalBuilder::dense(const Node &node, Signal &input) {
  const Array *w = findParam(node, "weight");
  if (!w)
    return error(node) << "missing parameter 'weight'";
  if (w->dims.size() != 2)
    return error(node) << "weight must be 2-D (out, in), got shape "
                       << shapeText(w->dims);
  int64_t rows = w->dims[0], cols = w->dims[1];
  if (rows <= 0 || cols <= 0)
    return error(node) << "weight has an empty shape " << shapeText(w->dims);
  bool affine = node.type == "Affine";
  const Array *b = affine ? findParam(node, "bias") : nullptr;
  if (affine && !b)
    return error(node) << "missing parameter 'bias'";
  if (b && static_cast<int64_t>(b->values.size()) != rows)
    return error(node) << "bias has " << b->values.size()
                       << " entries but weight has " << rows << " rows";
  if (numel(input.shape) != cols)
    return error(node) << "weight expects " << cols << " inputs but '"
                       << input.producer << "' gives shape "
                       << shapeText(input.shape);
  Signal out;
  out.kind = Signal::Dense;
  out.shape = {rows};
  out.producer = node.name;
  out.value = input.value;
  out.hasBias = affine || (input.kind == Signal::Dense && input.hasBias);
  out.bias = b ? toF32(*b) : std::vector<float>(rows, 0.0f);
  if (isSpikes(input)) {
    out.weight = toF32(*w);
    return out;
  }
  if (input.kind == Signal::Plain)
    return error(node) << "is fed by '" << input.producer
                       << "', which gives a current, not spikes; snn synapses "
                          "take spikes, and only affine chains and pools "
                          "feeding a projection can be folded";
  int64_t inputs = numel(valueShape(input.value));
  if (rows * inputs > kMaxComposed)
    return error(node) << "folding it with '" << input.producer
                       << "' gives a weight too large to hold";
  out.weight.assign(rows * inputs, 0.0f);
  if (input.kind == Signal::Dense) {
    // W * (Wd x + bd) + b = (W Wd) x + (W bd + b).
    for (int64_t o = 0; o < rows; ++o)
      for (int64_t k = 0; k < cols; ++k) {
        float wk = static_cast<float>(w->values[o * cols + k]);
        if (wk == 0.0f)
          continue;
        for (int64_t i = 0; i < inputs; ++i)
          out.weight[o * inputs + i] += wk * input.weight[k * inputs + i];
        if (input.hasBias)
          out.bias[o] += wk * input.bias[k];
      }
    return out;
  }
  // A pool feeding the projection: spread each pooled weight over its window.
  ArrayRef<int64_t> in = valueShape(input.value);
  int64_t ph = input.pooledShape[1], pw = input.pooledShape[2];
  for (int64_t o = 0; o < rows; ++o)
    for (int64_t c = 0; c < in[0]; ++c)
      for (int64_t i = 0; i < ph; ++i)
        for (int64_t j = 0; j < pw; ++j) {
          float wk = static_cast<float>(
              w->values[o * cols + (c * ph + i) * pw + j] * input.scale);
          for (int64_t a = 0; a < input.kernel[0]; ++a)
            for (int64_t bb = 0; bb < input.kernel[1]; ++bb) {
              int64_t h = i * input.stride[0] - input.padding[0] + a;
              int64_t x = j * input.stride[1] - input.padding[1] + bb;
              if (h >= 0 && h < in[1] && x >= 0 && x < in[2])
                out.weight[o * inputs + (c * in[1] + h) * in[2] + x] += wk;
            }
        }
  return out;
}

FailureOr<std::pair<const Array *, const Array *>>
SignalBuilder::convParams(const Node &node, size_t rank, StringRef extents) {
  const Array *w = findParam(node, "weight");
  if (!w)
    return error(node) << "missing parameter 'weight'";
  if (w->dims.size() != rank)
    return error(node) << "weight must be (out_channels, in_channels / "
                          "groups, "
                       << extents << "), got shape " << shapeText(w->dims);
  if (llvm::any_of(w->dims, [](int64_t d) { return d <= 0; }))
    return error(node) << "weight has an empty shape " << shapeText(w->dims);
  const Array *b = findParam(node, "bias");
  if (b && static_cast<int64_t>(b->values.size()) != w->dims[0])
    return error(node) << "bias has " << b->values.size() << " entries but "
                       << w->dims[0] << " output channels";
  return std::make_pair(w, b);
}

FailureOr<int64_t> SignalBuilder::convGroups(const Node &node, const Array &w) {
  const Array *g = findParam(node, "groups");
  if (!g)
    return 1;
  if (g->values.size() != 1 || !(g->values[0] >= 1) || g->values[0] > w.dims[0])
    return error(node) << "groups must be one positive integer";
  return static_cast<int64_t>(g->values[0]);
}

LogicalResult SignalBuilder::checkGroupsFit(const Node &node, const Array &w,
                                            int64_t groups,
                                            const Signal &input) {
  if (w.dims[1] * groups != input.shape[0] || w.dims[0] % groups)
    return error(node) << "weight " << shapeText(w.dims) << " with groups "
                       << groups << " does not fit " << input.shape[0]
                       << " input channels from '" << input.producer << "'";
  return success();
}

FailureOr<Signal> SignalBuilder::conv2d(const Node &node, Signal &input) {
  auto params = convParams(node, 4, "kh, kw");
  if (failed(params))
    return failure();
  auto [w, b] = *params;
  auto stride = pair(node, "stride", 1, 1);
  auto dilation = pair(node, "dilation", 1, 1);
  if (failed(stride) || failed(dilation))
    return failure();
  FailureOr<std::array<int64_t, 2>> padding = std::array<int64_t, 2>{0, 0};
  if (node.strings.count("padding")) {
    auto text = paddingText(node, ArrayRef<int64_t>(w->dims).drop_front(2),
                            *stride, *dilation);
    if (failed(text))
      return failure();
    padding = std::array<int64_t, 2>{(*text)[0], (*text)[1]};
  } else {
    padding = pair(node, "padding", 0, 0);
  }
  if (failed(padding))
    return failure();
  auto groups = convGroups(node, *w);
  if (failed(groups))
    return failure();
  if (input.shape.size() != 3)
    return error(node) << "input from '" << input.producer
                       << "' must be (channels, height, width), got shape "
                       << shapeText(input.shape);
  if (failed(checkGroupsFit(node, *w, *groups, input)))
    return failure();
  std::vector<int64_t> wShape = w->dims;
  std::vector<float> weight = toF32(*w);
  std::array<int64_t, 2> s = *stride, p = *padding, d = *dilation;
  if (input.kind == Signal::Pooled) {
    ArrayRef<int64_t> in = valueShape(input.value);
    if (input.kernel != input.stride || input.padding[0] || input.padding[1] ||
        d[0] != 1 || d[1] != 1 || in[1] % input.stride[0] ||
        in[2] % input.stride[1])
      return error(node) << "cannot fold the pooling of '" << input.producer
                         << "' into the convolution (it needs kernel = "
                            "stride, no padding, dilation 1 and an evenly "
                            "divided input)";
    // conv(pool(x)) = conv'(x), whose kernel repeats each tap over a window.
    int64_t fh = input.stride[0], fw = input.stride[1];
    int64_t kh = wShape[2], kw = wShape[3];
    std::vector<int64_t> big = {wShape[0], wShape[1], kh * fh, kw * fw};
    if (numel(big) > kMaxComposed)
      return error(node) << "folding it with '" << input.producer
                         << "' gives a weight too large to hold";
    std::vector<float> spread(numel(big), 0.0f);
    for (int64_t oc = 0; oc < wShape[0] * wShape[1]; ++oc)
      for (int64_t a = 0; a < kh * fh; ++a)
        for (int64_t c = 0; c < kw * fw; ++c)
          spread[(oc * kh * fh + a) * kw * fw + c] =
              weight[(oc * kh + a / fh) * kw + c / fw] * input.scale;
    weight = std::move(spread);
    wShape = big;
    s = {s[0] * fh, s[1] * fw};
    p = {p[0] * fh, p[1] * fw};
  } else if (!isSpikes(input)) {
    return error(node) << "is fed by '" << input.producer
                       << "', which does not give spikes; snn synapses take "
                          "spikes";
  }
  ArrayRef<int64_t> in = valueShape(input.value);
  int64_t oh = windowed(in[1], wShape[2], s[0], p[0], d[0]);
  int64_t ow = windowed(in[2], wShape[3], s[1], p[1], d[1]);
  if (oh <= 0 || ow <= 0)
    return error(node) << "the kernel does not fit the input shape "
                       << shapeText(input.shape);
  MLIRContext *ctx = builder.getContext();
  Signal out;
  out.producer = node.name;
  out.shape = {wShape[0], oh, ow};
  ElementsAttr bias;
  if (b)
    bias = snn::makeF32(ctx, {wShape[0]}, toF32(*b), blobName(node.name));
  out.value = builder.create<snn::Conv2dOp>(
      nodeLoc(ctx, node.name), snn::CurrentType::get(ctx, out.shape),
      input.value, snn::makeF32(ctx, wShape, weight, blobName(node.name)), bias,
      builder.getDenseI64ArrayAttr(s), builder.getDenseI64ArrayAttr(p),
      builder.getDenseI64ArrayAttr(d), builder.getI64IntegerAttr(*groups));
  return out;
}

FailureOr<Signal> SignalBuilder::pool2d(const Node &node, Signal &input) {
  auto kernel = pair(node, "kernel_size", -1, 1);
  if (failed(kernel))
    return failure();
  auto stride = pair(node, "stride", 0, 1);
  if (!findParam(node, "stride"))
    stride = *kernel;
  auto padding = pair(node, "padding", 0, 0);
  if (failed(stride) || failed(padding))
    return failure();
  for (int i = 0; i < 2; ++i)
    if (2 * (*padding)[i] > (*kernel)[i])
      return error(node) << "padding must be at most half the kernel size";
  if (!isSpikes(input) || input.shape.size() != 3)
    return error(node) << "needs (channels, height, width) spikes, but '"
                       << input.producer << "' gives another signal of shape "
                       << shapeText(input.shape);
  Signal out;
  out.kind = Signal::Pooled;
  out.value = input.value;
  out.producer = node.name;
  out.kernel = *kernel;
  out.stride = *stride;
  out.padding = *padding;
  if (node.type == "AvgPool2d")
    out.scale = 1.0 / static_cast<double>((*kernel)[0] * (*kernel)[1]);
  out.pooledShape = {
      input.shape[0],
      windowed(input.shape[1], out.kernel[0], out.stride[0], out.padding[0], 1),
      windowed(input.shape[2], out.kernel[1], out.stride[1], out.padding[1],
               1)};
  if (out.pooledShape[1] <= 0 || out.pooledShape[2] <= 0)
    return error(node) << "the window does not fit the input shape "
                       << shapeText(input.shape);
  out.shape = out.pooledShape;
  return out;
}

FailureOr<Signal> SignalBuilder::flatten(const Node &node, Signal &input) {
  int64_t rank = input.shape.size();
  // Python's convention, as NIR's writers use it: a dimension counts from
  // the front, or from the back when negative.
  auto dim = [&](StringRef name, int64_t def) -> FailureOr<int64_t> {
    const Array *a = findParam(node, name);
    if (!a)
      return def;
    if (a->values.size() != 1)
      return error(node) << "'" << name << "' must be one integer, got "
                         << a->values.size() << " values";
    double v = a->values[0];
    if (v != std::floor(v))
      return error(node) << "'" << name << "' must be an integer, got "
                         << snn::formatExact(v);
    if (v < double(-rank) || v > double(rank - 1))
      return error(node) << "'" << name << "' = " << snn::formatExact(v)
                         << " is outside [" << -rank << ", " << rank - 1
                         << "], the dimensions of shape "
                         << shapeText(input.shape) << " from '"
                         << input.producer << "'";
    return static_cast<int64_t>(v);
  };
  auto start = dim("start_dim", 0), end = dim("end_dim", -1);
  if (failed(start) || failed(end))
    return failure();
  if (const Array *t = findParam(node, "input_type")) {
    double declared = 1;
    for (double v : t->values)
      declared *= v;
    if (declared != static_cast<double>(numel(input.shape)))
      return error(node) << "declares input_type with " << declared
                         << " elements but '" << input.producer
                         << "' gives shape " << shapeText(input.shape);
  }
  int64_t s = *start < 0 ? *start + rank : *start;
  int64_t e = *end < 0 ? *end + rank : *end;
  if (s < 0 || e >= rank || s > e)
    return error(node) << "cannot flatten dimensions " << *start << ".." << *end
                       << " of shape " << shapeText(input.shape);
  std::vector<int64_t> shape(input.shape.begin(), input.shape.begin() + s);
  shape.push_back(numel(ArrayRef<int64_t>(input.shape).slice(s, e - s + 1)));
  shape.insert(shape.end(), input.shape.begin() + e + 1, input.shape.end());
  Signal out = input;
  out.shape = shape;
  if (shape == input.shape || input.kind == Signal::Dense ||
      (input.kind == Signal::Pooled && shape.size() == 1))
    return out;
  FailureOr<Value> v = materialize(input);
  if (failed(v))
    return failure();
  // A value built with a unit height for a Conv1d, (C, 1, L) for the NIR
  // shape (C, L): NIR's dimension 1 spans the value's dimensions 1 and 2.
  auto valueType = cast<snn::SignalType>(v->getType());
  if (static_cast<int64_t>(valueType.getShape().size()) == rank + 1 && e > 0)
    ++e;
  out = Signal();
  out.producer = node.name;
  out.shape = shape;
  out.value = builder.create<snn::FlattenOp>(
      nodeLoc(builder.getContext(), node.name), valueType.withShape(shape), *v,
      builder.getI64IntegerAttr(s), builder.getI64IntegerAttr(e));
  return out;
}

FailureOr<Signal> SignalBuilder::elementwise(const Node &node, Signal &input) {
  bool delay = node.type == "Delay";
  StringRef name = delay ? "delay" : "scale";
  const Array *a = findParam(node, name);
  if (!a)
    return error(node) << "missing parameter '" << name << "'";
  int64_t n = numel(input.shape);
  if (a->values.size() != 1 && static_cast<int64_t>(a->values.size()) != n)
    return error(node) << "'" << name << "' has " << a->values.size()
                       << " entries but '" << input.producer << "' gives " << n
                       << " elements";
  FailureOr<Value> v = materialize(input);
  if (failed(v))
    return failure();
  if (!delay && !isa<snn::CurrentType>(v->getType()))
    return error(node) << "scales a current, but '" << input.producer
                       << "' gives spikes";
  Attribute param = snn::makeParam(builder.getContext(), a->values);
  Location loc = nodeLoc(builder.getContext(), node.name);
  Signal out;
  out.producer = node.name;
  out.shape = input.shape;
  if (delay)
    out.value =
        builder.create<snn::DelayOp>(loc, v->getType(), *v, param, Attribute());
  else
    out.value = builder.create<snn::ScaleOp>(loc, v->getType(), *v, param);
  return out;
}

FailureOr<std::vector<int64_t>>
SignalBuilder::paddingText(const Node &node, ArrayRef<int64_t> kernel,
                           ArrayRef<int64_t> stride,
                           ArrayRef<int64_t> dilation) {
  StringRef text = node.strings.lookup("padding");
  std::vector<int64_t> padding(kernel.size(), 0);
  if (text == "valid")
    return padding;
  if (text != "same")
    return error(node) << "padding '" << text
                       << "' is neither a number, 'valid' nor 'same'";
  for (size_t i = 0; i < kernel.size(); ++i) {
    int64_t total = dilation[i] * (kernel[i] - 1);
    if (stride[i] != 1 || total % 2)
      return error(node) << "padding 'same' needs stride 1 and an even "
                            "dilation * (kernel - 1); snn convolutions pad "
                            "both sides equally";
    padding[i] = total / 2;
  }
  return padding;
}

FailureOr<Signal> SignalBuilder::conv1d(const Node &node, Signal &input) {
  auto params = convParams(node, 3, "kernel");
  if (failed(params))
    return failure();
  auto [w, b] = *params;
  // Conv1d geometry is one number each; pair() reads (and bounds) it.
  for (StringRef name : {"stride", "padding", "dilation"})
    if (const Array *a = findParam(node, name); a && a->values.size() != 1)
      return error(node) << "'" << name << "' must be one number, got "
                         << a->values.size();
  auto stride = pair(node, "stride", 1, 1);
  auto dilation = pair(node, "dilation", 1, 1);
  if (failed(stride) || failed(dilation))
    return failure();
  int64_t padding = 0;
  if (node.strings.count("padding")) {
    auto text =
        paddingText(node, {w->dims[2]}, {(*stride)[0]}, {(*dilation)[0]});
    if (failed(text))
      return failure();
    padding = (*text)[0];
  } else {
    auto p = pair(node, "padding", 0, 0);
    if (failed(p))
      return failure();
    padding = (*p)[0];
  }
  auto groups = convGroups(node, *w);
  if (failed(groups))
    return failure();
  // The importer builds the spikes a Conv1d reads with a unit height.
  if (!isSpikes(input) || input.shape.size() != 2 ||
      valueShape(input.value).size() != 3)
    return error(node) << "needs (channels, length) spikes from an Input or "
                          "a spiking population, but '"
                       << input.producer << "' gives shape "
                       << shapeText(input.shape);
  if (failed(checkGroupsFit(node, *w, *groups, input)))
    return failure();
  int64_t length = windowed(input.shape[1], w->dims[2], (*stride)[0], padding,
                            (*dilation)[0]);
  if (length <= 0)
    return error(node) << "the kernel does not fit the input shape "
                       << shapeText(input.shape);
  MLIRContext *ctx = builder.getContext();
  Signal out;
  out.producer = node.name;
  out.shape = {w->dims[0], length};
  ElementsAttr bias;
  if (b)
    bias = snn::makeF32(ctx, {w->dims[0]}, toF32(*b), blobName(node.name));
  std::vector<int64_t> wShape = {w->dims[0], w->dims[1], 1, w->dims[2]};
  out.value = builder.create<snn::Conv2dOp>(
      nodeLoc(ctx, node.name),
      snn::CurrentType::get(ctx, {w->dims[0], 1, length}), input.value,
      snn::makeF32(ctx, wShape, toF32(*w), blobName(node.name)), bias,
      builder.getDenseI64ArrayAttr({1, (*stride)[0]}),
      builder.getDenseI64ArrayAttr({0, padding}),
      builder.getDenseI64ArrayAttr({1, (*dilation)[0]}),
      builder.getI64IntegerAttr(*groups));
  return out;
}
