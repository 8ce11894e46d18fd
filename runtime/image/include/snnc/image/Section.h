//===- Section.h - Target-owned sections of a chip image --------*- C++ -*-===//
//
// An image holds the core sections every target shares (ports, populations,
// projections, placement, machine layout) and sections a target adds for
// its own hardware. The image library cannot know what a target stores, so
// a target registers one SectionCodec per section it owns; the writer, the
// reader, validateImage() and summarize() hand each target section to its
// codec. In memory a section is a SectionData the target defines and its
// engines downcast (SectionSet::get<T>).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_SECTION_H
#define SNNC_IMAGE_SECTION_H

#include "snnc/image/ImageError.h"
#include "snnc/image/detail/Bytes.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace snnc::image {

struct Image;

/// The in-memory form of one target section.
class SectionData {
public:
  virtual ~SectionData();
  virtual std::unique_ptr<SectionData> clone() const = 0;
  /// Exact equality with another section of the same name.
  virtual bool equals(const SectionData &other) const = 0;
};

/// Target sections by name, deep-copied with the image so that an Image
/// stays a plain value.
class SectionSet {
public:
  SectionSet() = default;
  SectionSet(const SectionSet &other) { *this = other; }
  SectionSet(SectionSet &&) = default;
  SectionSet &operator=(const SectionSet &other);
  SectionSet &operator=(SectionSet &&) = default;

  void set(const std::string &name, std::unique_ptr<SectionData> data) {
    sections[name] = std::move(data);
  }
  template <typename T> T &emplace(const std::string &name) {
    auto data = std::make_unique<T>();
    T &ref = *data;
    sections[name] = std::move(data);
    return ref;
  }
  void erase(const std::string &name) { sections.erase(name); }

  const SectionData *find(const std::string &name) const;
  SectionData *find(const std::string &name);
  /// The section `name` as a T, or null when absent or of another type.
  template <typename T> const T *get(const std::string &name) const {
    return dynamic_cast<const T *>(find(name));
  }
  template <typename T> T *get(const std::string &name) {
    return dynamic_cast<T *>(find(name));
  }

  bool empty() const { return sections.empty(); }
  size_t size() const { return sections.size(); }
  /// In name order, which is the order they are written in.
  auto begin() const { return sections.begin(); }
  auto end() const { return sections.end(); }

  friend bool operator==(const SectionSet &a, const SectionSet &b);

private:
  std::map<std::string, std::unique_ptr<SectionData>> sections;
};

/// Writes, reads, checks and summarises one target section. The section is
/// stored as one binary file `<name>.bin` plus a small JSON header kept in
/// the manifest's section table, which carries the counts that size the
/// file so that the reader can check a file's size before decoding it.
class SectionCodec {
public:
  virtual ~SectionCodec();

  /// "<target>.<what>": the owning target's name, a dot, the contents.
  virtual std::string name() const = 0;
  /// The target that owns the section.
  virtual std::string owner() const = 0;
  /// Bumped when the file layout changes; the reader refuses other
  /// versions.
  virtual uint32_t version() const = 0;
  /// Whether every image of the owner must hold the section.
  virtual bool required() const { return true; }

  virtual nlohmann::json header(const Image &image,
                                const SectionData &data) const = 0;
  /// The exact file size `header` implies for `image` (whose core sections
  /// are read); an error names the header field that is wrong. Must not
  /// allocate from the header's counts.
  virtual Expected<uint64_t> fileSize(const nlohmann::json &header,
                                      const Image &image) const = 0;
  virtual void encode(const Image &image, const SectionData &data,
                      detail::ByteSink &sink) const = 0;
  /// `bytes` has fileSize(header, image) bytes.
  virtual Expected<std::unique_ptr<SectionData>>
  decode(const nlohmann::json &header, const std::vector<uint8_t> &bytes,
         const Image &image) const = 0;
  /// The section's invariants, given a valid core image; the error names
  /// the section's file.
  virtual Status validate(const Image &image,
                          const SectionData &data) const = 0;
  /// Called when the file's checksum does not match the manifest: the part
  /// of the file that is damaged ("tile 12 (projection 1, ...)"), for
  /// codecs whose header records checksums of their parts; empty when the
  /// codec cannot tell.
  virtual std::string locateDamage(const nlohmann::json &header,
                                   const std::vector<uint8_t> &bytes,
                                   const Image &image) const {
    return "";
  }
  /// Labelled lines for `snnc inspect`.
  virtual std::vector<std::pair<std::string, std::string>>
  summarize(const Image &image, const SectionData &data) const = 0;

  std::string fileName() const { return name() + ".bin"; }
};

/// Registers `codec` (a second codec of the same name is ignored, so that
/// both halves of a target may register it).
void registerSectionCodec(std::unique_ptr<SectionCodec> codec);
/// The codec of section `name`, or null.
const SectionCodec *findSectionCodec(const std::string &name);
/// Every registered codec of `owner`, in name order.
std::vector<const SectionCodec *> sectionCodecsOf(const std::string &owner);

} // namespace snnc::image

#endif // SNNC_IMAGE_SECTION_H
