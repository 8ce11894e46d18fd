//===- FixedPointCodec.cpp - The spinnaker2.fixed_point image section ----===//
//
// Header: s_in, s_v per population and shift, scale per projection (a few
// numbers each, kept readable in the manifest). File: 10 int32 per neuron,
// population by population, then the int16 weights of each stored
// projection in order, so every column starts naturally aligned.
//
//===----------------------------------------------------------------------===//

#include "SectionCodecs.h"

#include "snnc/image/detail/JsonFields.h"
#include "snnc/image/detail/Names.h"

#include <climits>
#include <cmath>
#include <cstdio>

namespace snnc::spinnaker2::detail {

using image::detail::Field;
using image::detail::FieldError;
using image::detail::formatDouble;
using nlohmann::json;

namespace {

constexpr uint64_t kNeuronBytes = 10 * 4;

struct Violation {
  std::string what;
};

[[noreturn]] void fail(std::string what) { throw Violation{std::move(what)}; }

/// Six significant digits, as the rest of `snnc inspect` prints.
std::string brief(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.6g", v);
  return buffer;
}

std::string popName(const image::Image &image, size_t p) {
  return image::detail::describe("population", p, image.populations[p].name);
}

std::string projName(const image::Image &image, size_t q) {
  return image::detail::describe("projection", q, image.projections[q].name);
}

/// Checks the header's shape against the core image and fills the scalars.
void readHeader(const json &header, const image::Image &image,
                FixedPointSection &out) {
  Field root(header, "header");
  root.expectKeys({"populations", "projections"});
  std::vector<Field> pops = root["populations"].elements();
  if (pops.size() != image.populations.size())
    root["populations"].fail(
        "has " + std::to_string(pops.size()) + " entries for " +
        std::to_string(image.populations.size()) + " populations");
  std::vector<Field> projs = root["projections"].elements();
  if (projs.size() != image.projections.size())
    root["projections"].fail(
        "has " + std::to_string(projs.size()) + " entries for " +
        std::to_string(image.projections.size()) + " projections");
  out.populations.assign(pops.size(), PopulationFixedPoint());
  for (size_t p = 0; p < pops.size(); ++p) {
    pops[p].expectKeys({"s_in", "s_v"});
    out.populations[p].sIn = pops[p]["s_in"].number();
    out.populations[p].sV = pops[p]["s_v"].number();
  }
  out.projections.assign(projs.size(), ProjectionFixedPoint());
  for (size_t q = 0; q < projs.size(); ++q) {
    projs[q].expectKeys({"shift", "scale"});
    out.projections[q].shift = projs[q]["shift"].i32();
    out.projections[q].scale = projs[q]["scale"].number();
  }
}

void checkNeuron(const FixedNeuron &q, const std::string &at) {
  const struct {
    const char *field;
    int32_t value, lo, hi;
  } ints[] = {{"decay_q", q.decayQ, 0, 1 << 16},
              {"gain_m", q.gainM, 0, INT32_MAX},
              {"gain_s", q.gainS, 0, 62},
              {"syn_decay_q", q.synDecayQ, 0, 1 << 16},
              {"syn_gain_m", q.synGainM, 0, INT32_MAX},
              {"syn_gain_s", q.synGainS, 0, 62}};
  for (const auto &c : ints)
    if (c.value < c.lo || c.value > c.hi)
      fail(at + c.field + " = " + std::to_string(c.value) + " is outside [" +
           std::to_string(c.lo) + ", " + std::to_string(c.hi) + "]");
}

void checkPositive(double v, const std::string &what) {
  if (!(v > 0) || !std::isfinite(v))
    fail(what + " must be positive and finite (got " + formatDouble(v) + ")");
}

class FixedPointCodec : public image::SectionCodec {
public:
  std::string name() const override { return kFixedPointSection; }
  std::string owner() const override { return kTargetName; }
  uint32_t version() const override { return 1; }

  json header(const image::Image &,
              const image::SectionData &data) const override {
    const auto &s = static_cast<const FixedPointSection &>(data);
    json pops = json::array(), projs = json::array();
    for (const PopulationFixedPoint &p : s.populations)
      pops.push_back({{"s_in", p.sIn}, {"s_v", p.sV}});
    for (const ProjectionFixedPoint &q : s.projections)
      projs.push_back({{"shift", q.shift}, {"scale", q.scale}});
    return {{"populations", pops}, {"projections", projs}};
  }

  image::Expected<uint64_t> fileSize(const json &header,
                                     const image::Image &image) const override {
    FixedPointSection scratch;
    try {
      readHeader(header, image, scratch);
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
    // Core validation bounds every count, so the sums cannot overflow.
    uint64_t bytes = 0;
    for (const image::Population &p : image.populations)
      bytes += p.size * kNeuronBytes;
    for (const image::Projection &q : image.projections)
      bytes += image::storedSynapseCount(q) * 2;
    return bytes;
  }

  void encode(const image::Image &image, const image::SectionData &data,
              image::detail::ByteSink &sink) const override {
    const auto &s = static_cast<const FixedPointSection &>(data);
    image::detail::Encoder out(sink);
    for (const PopulationFixedPoint &p : s.populations)
      for (const FixedNeuron &q : p.neurons)
        for (int32_t v :
             {q.decayQ, q.gainM, q.gainS, q.driveQ, q.biasQ, q.thresholdQ,
              q.resetQ, q.synDecayQ, q.synGainM, q.synGainS})
          out.put(v);
    for (size_t q = 0; q < s.projections.size(); ++q)
      if (!image.projections[q].isProcedural)
        out.putColumn(s.projections[q].weightQ);
  }

  image::Expected<std::unique_ptr<image::SectionData>>
  decode(const json &header, const std::vector<uint8_t> &bytes,
         const image::Image &image) const override {
    auto s = std::make_unique<FixedPointSection>();
    try {
      readHeader(header, image, *s);
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
    image::detail::Decoder in(bytes);
    for (size_t p = 0; p < image.populations.size(); ++p) {
      std::vector<FixedNeuron> &neurons = s->populations[p].neurons;
      neurons.assign(image.populations[p].size, FixedNeuron());
      for (FixedNeuron &q : neurons)
        for (int32_t *v :
             {&q.decayQ, &q.gainM, &q.gainS, &q.driveQ, &q.biasQ, &q.thresholdQ,
              &q.resetQ, &q.synDecayQ, &q.synGainM, &q.synGainS})
          in.get(*v);
    }
    for (size_t q = 0; q < image.projections.size(); ++q)
      if (!image.projections[q].isProcedural) {
        s->projections[q].weightQ.resize(
            image::storedSynapseCount(image.projections[q]));
        in.getColumn(s->projections[q].weightQ);
      }
    if (!in.atEnd())
      return image::ImageError{fileName(), "decoding stopped at byte " +
                                               std::to_string(in.position()) +
                                               " of " +
                                               std::to_string(bytes.size())};
    return std::unique_ptr<image::SectionData>(std::move(s));
  }

  image::Status validate(const image::Image &image,
                         const image::SectionData &data) const override {
    const auto &s = static_cast<const FixedPointSection &>(data);
    try {
      check(image, s);
    } catch (const Violation &v) {
      return image::ImageError{fileName(), v.what};
    }
    return image::Status::success();
  }

  std::vector<std::pair<std::string, std::string>>
  summarize(const image::Image &image,
            const image::SectionData &data) const override {
    const auto &s = static_cast<const FixedPointSection &>(data);
    std::vector<std::pair<std::string, std::string>> rows;
    for (size_t p = 0; p < s.populations.size(); ++p)
      rows.push_back({popName(image, p), "s_in " + brief(s.populations[p].sIn) +
                                             ", s_v " +
                                             brief(s.populations[p].sV)});
    for (size_t q = 0; q < s.projections.size(); ++q)
      rows.push_back({projName(image, q),
                      "shift " + std::to_string(s.projections[q].shift) +
                          ", scale " + brief(s.projections[q].scale)});
    return rows;
  }

private:
  static void check(const image::Image &image, const FixedPointSection &s) {
    if (s.populations.size() != image.populations.size() ||
        s.projections.size() != image.projections.size())
      fail("has " + std::to_string(s.populations.size()) + " populations and " +
           std::to_string(s.projections.size()) + " projections; the image " +
           std::to_string(image.populations.size()) + " and " +
           std::to_string(image.projections.size()));
    for (size_t p = 0; p < s.populations.size(); ++p) {
      const PopulationFixedPoint &fp = s.populations[p];
      std::string who = popName(image, p);
      checkPositive(fp.sIn, who + " s_in");
      checkPositive(fp.sV, who + " s_v");
      if (fp.neurons.size() != image.populations[p].size)
        fail(who + " has " + std::to_string(fp.neurons.size()) +
             " fixed-point records for " +
             std::to_string(image.populations[p].size) + " neurons");
      for (size_t j = 0; j < fp.neurons.size(); ++j)
        checkNeuron(fp.neurons[j], who + " neuron " + std::to_string(j) + " ");
    }
    for (size_t q = 0; q < s.projections.size(); ++q) {
      const ProjectionFixedPoint &fq = s.projections[q];
      const image::Projection &proj = image.projections[q];
      std::string who = projName(image, q);
      if (fq.shift < 0 || fq.shift > 16)
        fail(who + " has shift " + std::to_string(fq.shift) +
             " outside [0, 16]");
      double expected = std::ldexp(s.populations[proj.target].sIn, fq.shift);
      if (fq.scale != expected)
        fail(who + " has scale " + formatDouble(fq.scale) + " but " +
             popName(image, proj.target) + " s_in * 2^" +
             std::to_string(fq.shift) + " is " + formatDouble(expected));
      uint64_t synapses = image::storedSynapseCount(proj);
      if (fq.weightQ.size() != synapses)
        fail(who + " has " + std::to_string(fq.weightQ.size()) +
             " int16 weights for " + std::to_string(synapses) +
             " stored synapses");
      for (size_t k = 0; k < fq.weightQ.size(); ++k)
        if (fq.weightQ[k] < -32767)
          fail(who + " synapse " + std::to_string(k) +
               " has int16 weight -32768 outside [-32767, 32767]");
    }
  }
};

} // namespace

std::unique_ptr<image::SectionCodec> makeFixedPointCodec() {
  return std::make_unique<FixedPointCodec>();
}

} // namespace snnc::spinnaker2::detail
