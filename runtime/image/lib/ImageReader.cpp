//===- ImageReader.cpp - Validating reader of chip images -----------------===//
//
// The order of the checks matters: the file table and sizes are settled
// before any table is read, checksums before any table is decoded, and the
// sizes implied by the manifest's counts before anything is allocated from
// them, so that neither a truncated file nor a corrupted count can make the
// reader allocate more than the files on disk hold.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/ImageReader.h"

#include "Manifest.h"
#include "Tables.h"

#include "snnc/image/Validate.h"

#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace snnc::image {

namespace {

using detail::FileEntry;
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

private:
  [[noreturn]] void fail(const std::string &file, std::string what) const {
    throw ReadFailure{{(dir / file).string(), std::move(what)}};
  }

  /// Size of the regular file `name`, refusing anything else.
  uint64_t regularFileSize(const std::string &name) const;
  std::vector<uint8_t> readBytes(const std::string &name, uint64_t size) const;
  void checkFileTable(const std::vector<FileEntry> &files) const;
  void readTable(Table table, const FileEntry &entry,
                 const detail::TableCounts &counts, Image &image) const;

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

void Reader::checkFileTable(const std::vector<FileEntry> &files) const {
  const char *manifest = detail::kManifestFile;
  for (size_t i = 0; i < files.size(); ++i) {
    if (i >= detail::kTables.size())
      fail(manifest, "files lists unexpected file '" + files[i].name + "'");
    const char *expected = detail::fileName(detail::kTables[i]);
    if (files[i].name != expected)
      fail(manifest, "files[" + std::to_string(i) + "] is '" + files[i].name +
                         "', expected '" + expected + "'");
  }
  if (files.size() < detail::kTables.size())
    fail(manifest, std::string("files does not list '") +
                       detail::fileName(detail::kTables[files.size()]) + "'");

  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    bool known = name == manifest;
    for (Table table : detail::kTables)
      known |= name == detail::fileName(table);
    if (!known)
      fail(name, "unexpected file in the image directory (an image holds "
                 "only manifest.json and the files its manifest lists)");
  }
  if (ec)
    throw ReadFailure{{dir.string(), "cannot list: " + ec.message()}};
}

void Reader::readTable(Table table, const FileEntry &entry,
                       const detail::TableCounts &counts, Image &image) const {
  const std::string &name = entry.name;
  uint64_t size = regularFileSize(name);
  if (size != entry.size)
    fail(name, "size is " + std::to_string(size) +
                   " bytes but the manifest records " +
                   std::to_string(entry.size) + " (truncated or replaced?)");
  std::optional<uint64_t> layout = detail::tableSize(table, image, counts);
  if (!layout || *layout != size)
    fail(name, "the counts in the manifest need " +
                   (layout ? std::to_string(*layout) + " bytes"
                           : std::string("over 2^64 bytes")) +
                   " but the file has " + std::to_string(size));
  std::vector<uint8_t> bytes = readBytes(name, size);
  detail::Fnv1a64 hash;
  hash.update(bytes.data(), bytes.size());
  if (hash.value() != entry.checksum)
    fail(name, "checksum mismatch: the manifest records fnv1a64 " +
                   detail::toHex64(entry.checksum) + " but the file has " +
                   detail::toHex64(hash.value()));
  if (Status decoded = detail::decodeTable(table, bytes, counts, image);
      !decoded)
    fail(name, decoded.error().what);
}

Image Reader::read() {
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

  Image image;
  detail::TableCounts counts;
  std::vector<FileEntry> files;
  if (Status s = detail::readManifest(*manifest, image, counts, files); !s)
    fail(manifestName, s.error().what);
  checkFileTable(files);
  for (size_t i = 0; i < detail::kTables.size(); ++i)
    readTable(detail::kTables[i], files[i], counts, image);

  if (Status valid = validateImage(image); !valid)
    fail(valid.error().file, valid.error().what);
  return image;
}

} // namespace

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
