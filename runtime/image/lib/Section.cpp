//===- Section.cpp - Target-owned sections of a chip image ----------------===//

#include "snnc/image/Section.h"

#include <mutex>

namespace snnc::image {

SectionData::~SectionData() = default;
SectionCodec::~SectionCodec() = default;

SectionSet &SectionSet::operator=(const SectionSet &other) {
  if (this == &other)
    return *this;
  sections.clear();
  for (const auto &[name, data] : other.sections)
    sections[name] = data ? data->clone() : nullptr;
  return *this;
}

const SectionData *SectionSet::find(const std::string &name) const {
  auto it = sections.find(name);
  return it == sections.end() ? nullptr : it->second.get();
}

SectionData *SectionSet::find(const std::string &name) {
  auto it = sections.find(name);
  return it == sections.end() ? nullptr : it->second.get();
}

bool operator==(const SectionSet &a, const SectionSet &b) {
  if (a.sections.size() != b.sections.size())
    return false;
  for (auto i = a.sections.begin(), j = b.sections.begin();
       i != a.sections.end(); ++i, ++j) {
    if (i->first != j->first || !i->second != !j->second)
      return false;
    if (i->second && !i->second->equals(*j->second))
      return false;
  }
  return true;
}

namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<SectionCodec>> codecs;
};

Registry &registry() {
  static Registry r;
  return r;
}

} // namespace

void registerSectionCodec(std::unique_ptr<SectionCodec> codec) {
  Registry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  std::string name = codec->name();
  r.codecs.emplace(std::move(name), std::move(codec));
}

const SectionCodec *findSectionCodec(const std::string &name) {
  Registry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  auto it = r.codecs.find(name);
  return it == r.codecs.end() ? nullptr : it->second.get();
}

std::vector<const SectionCodec *> sectionCodecsOf(const std::string &owner) {
  Registry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  std::vector<const SectionCodec *> out;
  for (const auto &[name, codec] : r.codecs)
    if (codec->owner() == owner)
      out.push_back(codec.get());
  return out;
}

} // namespace snnc::image
