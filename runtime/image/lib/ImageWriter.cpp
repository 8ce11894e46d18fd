//===- ImageWriter.cpp - Atomic writing of chip images --------------------===//
//
// The image is assembled in a sibling directory `<name>.tmp-<pid>-<n>` (same
// file system, so the final rename is atomic) and swapped in with
// renameat2(RENAME_EXCHANGE) where the file system supports it, so that a
// reader never sees the destination missing; elsewhere the old image is
// moved aside first. Every failure path removes the temporary directory.
//
//===----------------------------------------------------------------------===//

#include "snnc/image/ImageWriter.h"

#include "Manifest.h"
#include "Tables.h"

#include "snnc/image/Validate.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace snnc::image {

namespace {

using detail::SectionEntry;

/// Carries a write failure to writeImage's single exit.
struct WriteFailure {
  std::string what;
};

[[noreturn]] void fail(std::string what) {
  throw WriteFailure{std::move(what)};
}

enum class Existing { Absent, SnncImage, Other };

/// What occupies `path`, and in words when it is not ours to replace.
Existing classify(const fs::path &path, std::string &description) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(path, ec);
  if (status.type() == fs::file_type::not_found)
    return Existing::Absent;
  if (ec) {
    description = "cannot be examined (" + ec.message() + ")";
    return Existing::Other;
  }
  if (fs::is_symlink(status)) {
    description = "is a symbolic link";
    return Existing::Other;
  }
  if (!fs::is_directory(status)) {
    description = fs::is_regular_file(status) ? "is a regular file"
                                              : "is not a directory";
    return Existing::Other;
  }
  description = "is a directory without a readable snnc image manifest";
  fs::path manifestPath = path / detail::kManifestFile;
  if (!fs::is_regular_file(fs::symlink_status(manifestPath, ec)))
    return Existing::Other;
  std::ifstream in(manifestPath, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  Expected<nlohmann::json> manifest = detail::parseManifestText(text.str());
  if (manifest && manifest->is_object() && manifest->contains("format") &&
      (*manifest)["format"] == kFormatName)
    return Existing::SnncImage;
  return Existing::Other;
}

/// Writes through stdio, hashing and counting as it goes.
class FileSink : public detail::ByteSink {
public:
  explicit FileSink(const fs::path &path)
      : file(std::fopen(path.c_str(), "wb")) {
    if (!file)
      error = errno;
  }
  ~FileSink() override {
    if (file)
      std::fclose(file);
  }

  void put(const uint8_t *data, size_t size) override {
    hash.update(data, size);
    bytes += size;
    if (file && !error && std::fwrite(data, 1, size, file) != size)
      error = errno ? errno : EIO;
  }

  /// Closes the file; false (with errorText()) if anything failed.
  bool close() {
    if (file && std::fclose(file) != 0 && !error)
      error = errno ? errno : EIO;
    file = nullptr;
    return !error;
  }
  std::string errorText() const { return std::strerror(error); }
  /// The section-table row of what was written.
  SectionEntry entry(std::string name, std::string owner, std::string file,
                     uint32_t version, nlohmann::json header) const {
    SectionEntry e;
    e.name = std::move(name);
    e.owner = std::move(owner);
    e.file = std::move(file);
    e.version = version;
    e.size = bytes;
    e.checksum = hash.value();
    e.header = std::move(header);
    return e;
  }

private:
  std::FILE *file;
  int error = 0;
  uint64_t bytes = 0;
  detail::Fnv1a64 hash;
};

/// A sibling path `<name><tag><pid>-<n>` that does not exist yet.
fs::path siblingPath(const fs::path &dest, const char *tag, unsigned n) {
  return dest.parent_path() /
         (dest.filename().string() + tag + std::to_string(::getpid()) + "-" +
          std::to_string(n));
}

fs::path createTempDir(const fs::path &dest) {
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; attempt < 1000; ++attempt) {
    fs::path tmp = siblingPath(dest, ".tmp-", counter++);
    std::error_code ec;
    if (fs::create_directory(tmp, ec))
      return tmp;
    if (ec)
      fail("cannot create " + tmp.string() + ": " + ec.message());
  }
  fail("cannot find a free temporary name next to " + dest.string());
}

class TempDirGuard {
public:
  explicit TempDirGuard(fs::path path) : path(std::move(path)) {}
  ~TempDirGuard() {
    std::error_code ec;
    if (!path.empty())
      fs::remove_all(path, ec);
  }
  void release() { path.clear(); }

private:
  fs::path path;
};

void step(const WriteOptions &options, const std::string &name) {
  if (options.beforeStep && !options.beforeStep(name))
    fail("cannot write " + name + ": simulated failure");
}

/// Writes one section file through `encode` and returns its table row.
template <typename Encode>
SectionEntry writeSection(const fs::path &dir, const WriteOptions &options,
                          const std::string &file, Encode encode,
                          std::function<SectionEntry(const FileSink &)> row) {
  step(options, file);
  FileSink sink(dir / file);
  encode(sink);
  if (!sink.close())
    fail("cannot write " + file + ": " + sink.errorText());
  return row(sink);
}

void writeFiles(const Image &image, const fs::path &dir,
                const WriteOptions &options) {
  detail::TableCounts counts = detail::countTables(image);
  std::vector<SectionEntry> sections;
  for (detail::Table table : detail::kTables) {
    std::string file = detail::fileName(table);
    sections.push_back(writeSection(
        dir, options, file,
        [&](FileSink &sink) { detail::encodeTable(table, image, sink); },
        [&](const FileSink &sink) {
          return sink.entry(detail::sectionName(table), detail::kCoreOwner,
                            file, detail::kCoreSectionVersion,
                            nlohmann::json::object());
        }));
  }
  // validateImage() has checked that every section has a codec.
  for (const auto &[name, data] : image.sections) {
    const SectionCodec *codec = findSectionCodec(name);
    std::string file = codec->fileName();
    sections.push_back(writeSection(
        dir, options, file,
        [&](FileSink &sink) { codec->encode(image, *data, sink); },
        [&](const FileSink &sink) {
          return sink.entry(name, codec->owner(), file, codec->version(),
                            codec->header(image, *data));
        }));
  }
  step(options, detail::kManifestFile);
  std::string text =
      detail::serializeManifest(detail::buildManifest(image, counts, sections));
  FileSink sink(dir / detail::kManifestFile);
  sink.put(reinterpret_cast<const uint8_t *>(text.data()), text.size());
  if (!sink.close())
    fail(std::string("cannot write ") + detail::kManifestFile + ": " +
         sink.errorText());
}

/// Swaps `tmp` and the existing image `dest`; afterwards `tmp` names the old
/// image. False when the file system cannot exchange.
bool exchange(const fs::path &tmp, const fs::path &dest) {
#ifdef RENAME_EXCHANGE
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, dest.c_str(),
                  RENAME_EXCHANGE) == 0)
    return true;
  if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
    fail(std::string("cannot swap the new image in: ") + std::strerror(errno));
#endif
  return false;
}

void install(const fs::path &tmp, const fs::path &dest, TempDirGuard &guard) {
  std::string description;
  switch (classify(dest, description)) {
  case Existing::Other:
    fail("already exists and " + description + "; refusing to replace it");
  case Existing::Absent: {
    std::error_code ec;
    fs::rename(tmp, dest, ec);
    if (ec)
      fail("cannot rename the new image into place: " + ec.message());
    guard.release();
    return;
  }
  case Existing::SnncImage:
    break;
  }
  if (exchange(tmp, dest)) {
    // tmp now holds the previous image; the guard deletes it. Check it is
    // what we classified, in case the destination changed in between.
    if (classify(tmp, description) != Existing::SnncImage) {
      exchange(tmp, dest);
      fail("changed while the image was written and now " + description +
           "; refusing to replace it");
    }
    return;
  }
  static std::atomic<unsigned> counter{0};
  fs::path old = siblingPath(dest, ".old-", counter++);
  std::error_code ec;
  fs::rename(dest, old, ec);
  if (ec)
    fail("cannot move the old image aside: " + ec.message());
  fs::rename(tmp, dest, ec);
  if (ec) {
    std::error_code ignored;
    fs::rename(old, dest, ignored);
    fail("cannot rename the new image into place: " + ec.message());
  }
  guard.release();
  fs::remove_all(old, ec);
}

} // namespace

Status writeImage(const Image &image, const std::string &path,
                  const WriteOptions &options) {
  if (Status valid = validateImage(image); !valid)
    return valid;
  fs::path dest(path);
  if (!dest.empty() && !dest.has_filename())
    dest = dest.parent_path(); // "net.img/" names net.img.
  if (dest.empty() || dest.filename() == "." || dest.filename() == "..")
    return ImageError{path, "is not a usable image directory name"};
  if (dest.is_relative() && !dest.has_parent_path())
    dest = fs::path(".") / dest;
  try {
    std::string description;
    if (classify(dest, description) == Existing::Other)
      fail("already exists and " + description + "; refusing to replace it");
    fs::path tmp = createTempDir(dest);
    TempDirGuard guard(tmp);
    writeFiles(image, tmp, options);
    step(options, "install");
    install(tmp, dest, guard);
  } catch (const WriteFailure &e) {
    return ImageError{path, e.what};
  } catch (const std::exception &e) {
    return ImageError{path, std::string("cannot write image: ") + e.what()};
  }
  return Status::success();
}

} // namespace snnc::image
