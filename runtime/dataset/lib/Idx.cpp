//===- Idx.cpp - Reader of IDX files (MNIST, Fashion-MNIST) ---------------===//

#include "snnc/dataset/Idx.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace snnc::dataset {

namespace {

constexpr unsigned kMaxDims = 8;
constexpr uint64_t kMaxValues = uint64_t(1) << 32;
constexpr size_t kChunk = size_t(1) << 20;

struct GzCloser {
  void operator()(gzFile f) const { gzclose(f); }
};

/// A stream over the decompressed bytes, counting the offset.
class Stream {
public:
  Stream(gzFile file, std::string path) : file(file), path(std::move(path)) {}

  /// Reads up to `size` bytes into `out`; the count read, or -1 (with the
  /// error in `error`) for a corrupt stream.
  int64_t read(uint8_t *out, size_t size, std::string &error) {
    size_t done = 0;
    while (done < size) {
      unsigned want = unsigned(std::min<size_t>(size - done, kChunk));
      int got = gzread(file, out + done, want);
      if (got < 0) {
        int code = 0;
        const char *message = gzerror(file, &code);
        error = std::string("corrupt gzip stream (") +
                (message ? message : "zlib error") + ")";
        return -1;
      }
      if (got == 0)
        break;
      done += size_t(got);
    }
    offset += done;
    return int64_t(done);
  }

  uint64_t at() const { return offset; }

private:
  gzFile file;
  std::string path;
  uint64_t offset = 0;
};

image::ImageError fail(const std::string &path, uint64_t offset,
                       const std::string &what) {
  return image::ImageError{path,
                           "at byte " + std::to_string(offset) + ": " + what};
}

const char *typeName(uint8_t type) {
  switch (type) {
  case 0x08:
    return "unsigned byte";
  case 0x09:
    return "signed byte";
  case 0x0B:
    return "short";
  case 0x0C:
    return "int";
  case 0x0D:
    return "float";
  case 0x0E:
    return "double";
  }
  return "unknown";
}

} // namespace

image::Expected<IdxArray> readIdx(const std::string &path) {
  std::FILE *probe = std::fopen(path.c_str(), "rb");
  if (!probe)
    return image::ImageError{path, "cannot be opened"};
  std::fclose(probe);
  std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));
  if (!file)
    return image::ImageError{path, "cannot be opened"};
  Stream in(file.get(), path);
  std::string error;

  uint8_t magic[4];
  int64_t got = in.read(magic, 4, error);
  if (got < 0)
    return fail(path, in.at(), error);
  if (got < 4)
    return fail(path, in.at(), "the file ends inside the 4-byte IDX magic");
  if (magic[0] != 0 || magic[1] != 0)
    return fail(path, 0,
                "not an IDX file (the magic does not start with two zero "
                "bytes)");
  if (magic[2] != 0x08) {
    char hex[8];
    std::snprintf(hex, sizeof(hex), "0x%02x", magic[2]);
    return fail(path, 2,
                std::string("IDX type ") + hex + " (" + typeName(magic[2]) +
                    ") is not supported; snnc reads unsigned-byte IDX files "
                    "(type 0x08, as MNIST and Fashion-MNIST)");
  }
  unsigned ndims = magic[3];
  if (ndims == 0 || ndims > kMaxDims)
    return fail(path, 3,
                "dimension count " + std::to_string(ndims) +
                    " is outside [1, " + std::to_string(kMaxDims) + "]");

  IdxArray out;
  uint64_t count = 1;
  for (unsigned d = 0; d < ndims; ++d) {
    uint64_t at = in.at();
    uint8_t b[4];
    got = in.read(b, 4, error);
    if (got < 0)
      return fail(path, in.at(), error);
    if (got < 4)
      return fail(path, at,
                  "the file ends inside dimension " + std::to_string(d));
    uint32_t dim = uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 |
                   uint32_t(b[2]) << 8 | uint32_t(b[3]);
    if (dim == 0)
      return fail(path, at, "dimension " + std::to_string(d) + " is 0");
    count *= dim;
    if (count > kMaxValues)
      return fail(path, at, "the dimensions hold more than 2^32 values");
    out.dims.push_back(dim);
  }

  uint64_t start = in.at();
  while (out.values.size() < count) {
    size_t size = out.values.size();
    size_t want = size_t(std::min<uint64_t>(count - size, kChunk));
    out.values.resize(size + want);
    got = in.read(out.values.data() + size, want, error);
    if (got < 0)
      return fail(path, in.at(), error);
    out.values.resize(size + size_t(got));
    if (size_t(got) < want)
      return fail(path, in.at(),
                  "the values end after " + std::to_string(in.at() - start) +
                      " of the " + std::to_string(count) +
                      " bytes the dimensions need (truncated file?)");
  }
  uint8_t extra;
  got = in.read(&extra, 1, error);
  if (got < 0)
    return fail(path, in.at(), error);
  if (got > 0)
    return fail(path, in.at() - 1,
                "trailing bytes after the " + std::to_string(count) +
                    " values the dimensions give");
  return out;
}

} // namespace snnc::dataset
