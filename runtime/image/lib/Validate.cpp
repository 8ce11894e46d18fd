//===- Validate.cpp - Invariants of a chip image --------------------------===//
//
// The checks run in the order a reader would trip over them (manifest
// metadata, then each table), so that the first violation reported is the
// most fundamental one. Each error names the file that stores the element.
// This file holds the manifest-level checks; ValidateTables.cpp the rest.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/Validate.h"

#include "Validator.h"

#include <cmath>

namespace snnc::image {

namespace detail {

namespace {

/// Nesting depth past which opaque JSON is refused: deeper documents are
/// not plausible reports and would make recursive consumers overflow.
constexpr int kMaxJsonDepth = 256;

void checkUtf8(const std::string &text, const std::string &what) {
  if (!isValidUtf8(text))
    fail(kManifest, what + " is not valid UTF-8");
}

void checkOpaqueJson(const nlohmann::json &value, const std::string &where,
                     int depth) {
  if (depth > kMaxJsonDepth)
    fail(kManifest, where + " nests deeper than " +
                        std::to_string(kMaxJsonDepth) + " levels");
  if (value.is_number_float() && !std::isfinite(value.get<double>()))
    fail(kManifest, where + " holds a non-finite number");
  if (value.is_string())
    checkUtf8(value.get_ref<const std::string &>(), where);
  if (value.is_object())
    for (auto it = value.begin(); it != value.end(); ++it) {
      checkUtf8(it.key(), where + " key");
      checkOpaqueJson(it.value(), where + "/" + it.key(), depth + 1);
    }
  if (value.is_array())
    for (size_t i = 0; i < value.size(); ++i)
      checkOpaqueJson(value[i], where + "/" + std::to_string(i), depth + 1);
}

void checkShape(const std::vector<uint32_t> &shape, uint32_t size,
                const std::string &who) {
  if (size == 0)
    fail(kManifest, who + " has size 0");
  uint64_t product = 1;
  for (uint32_t d : shape)
    if (__builtin_mul_overflow(product, uint64_t(d), &product))
      fail(kManifest, who + " has a shape whose product overflows");
  if (product != size)
    fail(kManifest, who + " has shape " + formatShape(shape) + " holding " +
                        std::to_string(product) + " elements but size " +
                        std::to_string(size));
}

void checkPositive(double v, const std::string &what) {
  if (!(v > 0) || !std::isfinite(v))
    fail(kManifest, what + " must be positive and finite (got " + num(v) + ")");
}

} // namespace

void Validator::checkMetadata() {
  checkUtf8(image.snncVersion, "snnc_version");
  checkUtf8(image.network, "network");
  checkUtf8(image.targetName, "target name");
  checkPositive(image.dt, "dt");
  if (!image.targetModel.is_object())
    fail(kManifest, "the target model must be a JSON object");
  if (!image.report.is_object())
    fail(kManifest, "the report must be a JSON object");
  checkOpaqueJson(image.targetModel, "target model", 0);
  checkOpaqueJson(image.report, "report", 0);
  if (image.placement.chips == 0 || image.placement.pesPerChip == 0)
    fail(kManifest, "placement needs at least one chip and one PE per chip");

  for (size_t i = 0; i < image.inputs.size(); ++i) {
    const InputPort &in = image.inputs[i];
    std::string who = describe("input", i, in.name);
    checkUtf8(in.name, who + " name");
    if (i > 0 && in.index <= image.inputs[i - 1].index)
      fail(kManifest, who + " has index " + std::to_string(in.index) +
                          "; input indices must increase");
    checkShape(in.shape, in.size, who);
  }
}

void Validator::checkOutputs() {
  for (size_t i = 0; i < image.outputs.size(); ++i) {
    const Output &out = image.outputs[i];
    std::string who = "output " + std::to_string(i);
    if (i > 0 && out.index <= image.outputs[i - 1].index)
      fail(kManifest, who + " has index " + std::to_string(out.index) +
                          "; output indices must increase");
    if (out.population >= image.populations.size())
      fail(kManifest, who + " reads population " +
                          std::to_string(out.population) + " of " +
                          std::to_string(image.populations.size()));
    bool spikes = image.populations[out.population].spiking;
    if ((out.kind == OutputKind::Spikes) != spikes)
      fail(kManifest, who + " reads " + pop(out.population) + " as " +
                          toString(out.kind) + ", but it " +
                          (spikes ? "spikes" : "is a readout"));
  }
}

void Validator::checkPopulation(const Population &p) {
  std::string who = pop(&p - image.populations.data());
  checkUtf8(p.name, who + " name");
  checkShape(p.shape, p.size, who);
  if (p.spiking != isSpikingModel(p.model))
    fail(kManifest, who + " is a " + toString(p.model) + " population but " +
                        (p.spiking ? "claims to spike" : "claims not to"));
}

void Validator::checkProjectionHeaders() {
  for (const Projection &q : image.projections) {
    std::string who = proj(q);
    checkUtf8(q.name, who + " name");
    const ProjectionSource &s = q.source;
    size_t sources = s.kind == SourceKind::Input ? image.inputs.size()
                                                 : image.populations.size();
    if (s.index >= sources)
      fail(kManifest, who + " reads " + toString(s.kind) + " " +
                          std::to_string(s.index) + " of " +
                          std::to_string(sources));
    if (q.target >= image.populations.size())
      fail(kManifest, who + " feeds population " + std::to_string(q.target) +
                          " of " + std::to_string(image.populations.size()));
    if ((q.kind == ProjectionKind::Procedural) != q.isProcedural)
      fail(kManifest, who + " of kind " + toString(q.kind) + " has " +
                          (q.isProcedural ? "procedural" : "stored") +
                          " synapses");
    if (q.maxDelay < 1 || q.maxDelay > 65535)
      fail(kManifest, who + " has max delay " + std::to_string(q.maxDelay) +
                          " outside [1, 65535] steps");
    for (double e : {q.rmsError, q.maxError})
      if (!(e >= 0) || !std::isfinite(e))
        fail(kManifest, who + " has quantization error " + num(e) +
                            "; errors are finite and >= 0");
    if (q.isProcedural)
      checkProcedural(q, sourceSize(image, s));
  }
}

void Validator::checkProcedural(const Projection &q, uint32_t rows) {
  std::string who = proj(q);
  const snn::reservoir::Spec &spec = q.procedural.spec;
  std::string problem = snn::reservoir::validate(spec);
  if (!problem.empty())
    fail(kManifest, who + " has an invalid reservoir spec: " + problem);
  uint32_t targets = image.populations[q.target].size;
  if (uint64_t(spec.size) != rows || uint64_t(spec.size) != targets)
    fail(kManifest, who + " expands a reservoir of " +
                        std::to_string(spec.size) + " neurons between " +
                        std::to_string(rows) + " sources and " +
                        std::to_string(targets) + " targets");
  if (q.procedural.delay != q.maxDelay)
    fail(kManifest, who + " has procedural delay " +
                        std::to_string(q.procedural.delay) + " but max delay " +
                        std::to_string(q.maxDelay));
}

Status validateCore(const Image &image) {
  try {
    Validator(image).runCore();
  } catch (const Violation &v) {
    return v.error;
  }
  return Status::success();
}

} // namespace detail

Status validateImage(const Image &image) {
  try {
    detail::Validator validator(image);
    validator.runCore();
    validator.runTarget();
  } catch (const detail::Violation &v) {
    return v.error;
  }
  return Status::success();
}

} // namespace snnc::image
