//===- ImageSections.cpp - spinnaker2's own sections of a chip image -----===//

#include "snnc/spinnaker2/ImageSections.h"

#include "SectionCodecs.h"

#include <stdexcept>

namespace snnc::spinnaker2 {

bool operator==(const FixedNeuron &a, const FixedNeuron &b) {
  return a.decayQ == b.decayQ && a.gainM == b.gainM && a.gainS == b.gainS &&
         a.driveQ == b.driveQ && a.biasQ == b.biasQ &&
         a.thresholdQ == b.thresholdQ && a.resetQ == b.resetQ &&
         a.synDecayQ == b.synDecayQ && a.synGainM == b.synGainM &&
         a.synGainS == b.synGainS;
}

bool operator==(const PopulationFixedPoint &a, const PopulationFixedPoint &b) {
  return a.sIn == b.sIn && a.sV == b.sV && a.neurons == b.neurons;
}

bool operator==(const ProjectionFixedPoint &a, const ProjectionFixedPoint &b) {
  return a.shift == b.shift && a.scale == b.scale && a.weightQ == b.weightQ;
}

bool operator==(const SliceKey &a, const SliceKey &b) {
  return a.base == b.base && a.mask == b.mask;
}

bool operator==(const RoutingEntry &a, const RoutingEntry &b) {
  return a.key == b.key && a.mask == b.mask && a.route == b.route;
}

bool operator==(const RouterTable &a, const RouterTable &b) {
  return a.entries == b.entries && a.routeWords == b.routeWords;
}

namespace {

/// Engines only see images that validateImage() passed, which guarantees
/// both sections, so absence is a caller bug (an Image built by hand).
[[noreturn]] void missing(const char *name) {
  throw std::invalid_argument(std::string("the image has no ") + name +
                              " section");
}

} // namespace

bool FixedPointSection::equals(const image::SectionData &other) const {
  const auto *o = dynamic_cast<const FixedPointSection *>(&other);
  return o && populations == o->populations && projections == o->projections;
}

bool RoutingSection::equals(const image::SectionData &other) const {
  const auto *o = dynamic_cast<const RoutingSection *>(&other);
  return o && keys == o->keys && numLinks == o->numLinks &&
         wordsPerRoute == o->wordsPerRoute && defaultRoute == o->defaultRoute &&
         tables == o->tables;
}

void registerImageSections() {
  image::registerSectionCodec(detail::makeFixedPointCodec());
  image::registerSectionCodec(detail::makeRoutingCodec());
}

const FixedPointSection &fixedPoint(const image::Image &image) {
  if (const auto *s = image.sections.get<FixedPointSection>(kFixedPointSection))
    return *s;
  missing(kFixedPointSection);
}

const RoutingSection &routing(const image::Image &image) {
  if (const auto *s = image.sections.get<RoutingSection>(kRoutingSection))
    return *s;
  missing(kRoutingSection);
}

FixedPointSection &fixedPoint(image::Image &image) {
  if (auto *s = image.sections.get<FixedPointSection>(kFixedPointSection))
    return *s;
  return image.sections.emplace<FixedPointSection>(kFixedPointSection);
}

RoutingSection &routing(image::Image &image) {
  if (auto *s = image.sections.get<RoutingSection>(kRoutingSection))
    return *s;
  return image.sections.emplace<RoutingSection>(kRoutingSection);
}

} // namespace snnc::spinnaker2
