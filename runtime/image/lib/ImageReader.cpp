//===- ImageReader.cpp - Validating reader of chip images -----------------===//
//
// The order of the checks matters: the section table and sizes are settled
// before any file is read, checksums before any file is decoded, and the
// sizes implied by the manifest's counts before anything is allocated from
// them, so that neither a truncated file nor a corrupted count can make the
// reader allocate more than the files on disk hold. The core sections are
// decoded and validated before any target section, so that a target's codec
// may rely on every core invariant.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/ImageReader.h"

#include "Manifest.h"
#include "Tables.h"
#include "Validator.h"

#include "snnc/image/Validate.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace snnc::image {

namespace {

using detail::SectionEntry;
using detail::Table;

/// A manifest larger than this is not one snnc wrote (real ones are a few
/// kilobytes per population and projection).
constexpr uint64_t kMaxManifestBytes = uint64_t(1) << 30;

struct ReadFailure {
  ImageError error;
};

class Reader {
public:
  explicit Reader(fs::path dir) : dir(std::move(dir)) {}

  Image read();
  /// The manifest's target name, read without the sections.
  std::string targetName();

private:
  nlohmann::json loadManifest() const;

  [[noreturn]] void fail(const std::string &file, std::string what) const {
    throw ReadFailure{{(dir / file).string(), std::move(what)}};
  }

  /// Size of the regular file `name`, refusing anything else.
  uint64_t regularFileSize(const std::string &name) const;
  std::vector<uint8_t> readBytes(const std::string &name, uint64_t size) const;
  void checkSectionTable(const std::vector<SectionEntry> &sections,
                         const Image &image) const;
  /// The bytes of a section's file, checked against its table row and the
  /// size its layout implies; on a checksum mismatch `locate` (when given)
  /// names the damaged part.
  std::vector<uint8_t>
  readSection(const SectionEntry &entry, std::optional<uint64_t> layoutSize,
              const std::function<std::string(const std::vector<uint8_t> &)>
                  &locate = {}) const;
  void readTarget(const SectionEntry &entry, Image &image) const;

  fs::path dir;
};

uint64_t Reader::regularFileSize(const std::string &name) const {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(dir / name, ec);
  if (status.type() == fs::file_type::not_found)
    fail(name, "missing");
  if (ec || !fs::is_regular_file(status))
    fail(name, "is not a regular file");
  uint64_t size = fs::file_size(dir / name, ec);
  if (ec)
    fail(name, "cannot be read: " + ec.message());
  return size;
}

std::vector<uint8_t> Reader::readBytes(const std::string &name,
                                       uint64_t size) const {
  std::ifstream in(dir / name, std::ios::binary);
  std::vector<uint8_t> bytes(size);
  if (!in || !in.read(reinterpret_cast<char *>(bytes.data()),
                      static_cast<std::streamsize>(size)))
    fail(name, "cannot be read (it changed or shrank while reading)");
  return bytes;
}

void Reader::checkSectionTable(const std::vector<SectionEntry> &sections,
                               const Image &image) const {
  const char *manifest = detail::kManifestFile;
  auto row = [](size_t i) { return "sections[" + std::to_string(i) + "]"; };
  for (size_t i = 0; i < detail::kTables.size(); ++i) {
    Table table = detail::kTables[i];
    if (i >= sections.size())
      fail(manifest, std::string("sections does not list the core section '") +
                         detail::sectionName(table) + "'");
    const SectionEntry &e = sections[i];
    if (e.name != detail::sectionName(table) || e.owner != detail::kCoreOwner ||
        e.file != detail::fileName(table))
      fail(manifest, row(i) + " is '" + e.name + "' of '" + e.owner + "' in '" +
                         e.file + "', expected core section '" +
                         detail::sectionName(table) + "' in '" +
                         detail::fileName(table) + "'");
    if (e.version != detail::kCoreSectionVersion)
      fail(manifest, row(i) + " (core section '" + e.name + "') has version " +
                         std::to_string(e.version) + "; this snnc reads " +
                         std::to_string(detail::kCoreSectionVersion));
    if (!e.header.empty())
      fail(manifest, row(i) + ".header of a core section must be empty");
  }
  std::set<std::string> files = {manifest};
  for (size_t i = 0; i < detail::kTables.size(); ++i)
    files.insert(sections[i].file);
  for (size_t i = detail::kTables.size(); i < sections.size(); ++i) {
    const SectionEntry &e = sections[i];
    if (e.owner != image.targetName)
      fail(manifest, row(i) + " ('" + e.name + "') belongs to target '" +
                         e.owner + "' but the image is for target '" +
                         image.targetName + "'");
    const SectionCodec *codec = findSectionCodec(e.name);
    if (!codec)
      fail(manifest, row(i) + ": section '" + e.name + "' of target '" +
                         e.owner +
                         "' is unknown to this snnc (is the target built "
                         "in? `snnc targets` lists those that are)");
    if (codec->owner() != e.owner || codec->fileName() != e.file)
      fail(manifest, row(i) + ": section '" + e.name + "' must belong to '" +
                         codec->owner() + "' and be stored in '" +
                         codec->fileName() + "'");
    if (e.version != codec->version())
      fail(manifest, row(i) + ": section '" + e.name + "' has version " +
                         std::to_string(e.version) + "; this snnc reads " +
                         std::to_string(codec->version()) +
                         " only (recompile the network)");
    if (i > detail::kTables.size() && !(sections[i - 1].name < e.name))
      fail(manifest, row(i) + ": target sections must be listed once each, "
                              "in name order");
    files.insert(e.file);
  }

  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!files.count(name))
      fail(name, "unexpected file in the image directory (an image holds "
                 "only manifest.json and the files its manifest lists)");
  }
  if (ec)
    throw ReadFailure{{dir.string(), "cannot list: " + ec.message()}};
}

std::vector<uint8_t> Reader::readSection(
    const SectionEntry &entry, std::optional<uint64_t> layoutSize,
    const std::function<std::string(const std::vector<uint8_t> &)> &locate)
    const {
  const std::string &name = entry.file;
  uint64_t size = regularFileSize(name);
  if (size != entry.size)
    fail(name, "size is " + std::to_string(size) +
                   " bytes but the manifest records " +
                   std::to_string(entry.size) + " (truncated or replaced?)");
  if (!layoutSize || *layoutSize != size)
    fail(name, "the counts in the manifest need " +
                   (layoutSize ? std::to_string(*layoutSize) + " bytes"
                               : std::string("over 2^64 bytes")) +
                   " but the file has " + std::to_string(size));
  std::vector<uint8_t> bytes = readBytes(name, size);
  detail::Fnv1a64 hash;
  hash.update(bytes.data(), bytes.size());
  if (hash.value() != entry.checksum) {
    std::string where = locate ? locate(bytes) : "";
    fail(name, "checksum mismatch: the manifest records fnv1a64 " +
                   detail::toHex64(entry.checksum) + " but the file has " +
                   detail::toHex64(hash.value()) +
                   (where.empty() ? "" : "; damaged: " + where));
  }
  return bytes;
}

void Reader::readTarget(const SectionEntry &entry, Image &image) const {
  const SectionCodec *codec = findSectionCodec(entry.name);
  Expected<uint64_t> size = codec->fileSize(entry.header, image);
  if (!size)
    fail(detail::kManifestFile,
         "section '" + entry.name + "' header: " + size.error().what);
  std::vector<uint8_t> bytes =
      readSection(entry, *size, [&](const std::vector<uint8_t> &bytes) {
        return codec->locateDamage(entry.header, bytes, image);
      });
  Expected<std::unique_ptr<SectionData>> data =
      codec->decode(entry.header, bytes, image);
  if (!data)
    fail(entry.file, data.error().what);
  image.sections.set(entry.name, std::move(*data));
}

std::string Reader::targetName() {
  nlohmann::json manifest = loadManifest();
  Image image;
  detail::TableCounts counts;
  std::vector<SectionEntry> sections;
  if (Status s = detail::readManifest(manifest, image, counts, sections); !s)
    fail(detail::kManifestFile, s.error().what);
  return image.targetName;
}

nlohmann::json Reader::loadManifest() const {
  std::error_code ec;
  fs::file_status status = fs::status(dir, ec);
  if (status.type() == fs::file_type::not_found)
    throw ReadFailure{{dir.string(), "no such image directory"}};
  if (!fs::is_directory(status))
    throw ReadFailure{{dir.string(), "is not an image directory (a chip image "
                                     "is a directory holding manifest.json)"}};

  const char *manifestName = detail::kManifestFile;
  uint64_t manifestSize = regularFileSize(manifestName);
  if (manifestSize > kMaxManifestBytes)
    fail(manifestName,
         std::to_string(manifestSize) + " bytes is too large for a manifest");
  std::vector<uint8_t> text = readBytes(manifestName, manifestSize);
  Expected<nlohmann::json> manifest =
      detail::parseManifestText(std::string(text.begin(), text.end()));
  if (!manifest)
    fail(manifestName, manifest.error().what);
  return std::move(*manifest);
}

Image Reader::read() {
  const char *manifestName = detail::kManifestFile;
  nlohmann::json manifest = loadManifest();
  Image image;
  detail::TableCounts counts;
  std::vector<SectionEntry> sections;
  if (Status s = detail::readManifest(manifest, image, counts, sections); !s)
    fail(manifestName, s.error().what);
  checkSectionTable(sections, image);
  for (size_t i = 0; i < detail::kTables.size(); ++i) {
    Table table = detail::kTables[i];
    std::vector<uint8_t> bytes =
        readSection(sections[i], detail::tableSize(table, image, counts));
    if (Status decoded = detail::decodeTable(table, bytes, counts, image);
        !decoded)
      fail(sections[i].file, decoded.error().what);
  }
  if (Status core = detail::validateCore(image); !core)
    fail(core.error().file, core.error().what);
  for (size_t i = detail::kTables.size(); i < sections.size(); ++i)
    readTarget(sections[i], image);

  if (Status valid = validateImage(image); !valid)
    fail(valid.error().file, valid.error().what);
  return image;
}

} // namespace

Expected<std::string> readImageTarget(const std::string &path) {
  try {
    return Reader(path).targetName();
  } catch (const ReadFailure &e) {
    return e.error;
  } catch (const std::exception &e) {
    return ImageError{path, std::string("cannot read image: ") + e.what()};
  }
}

Expected<Image> readImage(const std::string &path) {
  try {
    return Reader(path).read();
  } catch (const ReadFailure &e) {
    return e.error;
  } catch (const std::bad_alloc &) {
    return ImageError{path, "out of memory while reading the image"};
  } catch (const std::exception &e) {
    return ImageError{path, std::string("cannot read image: ") + e.what()};
  }
}

} // namespace snnc::image
