//===- Npy.cpp - Reader of NumPy .npy arrays ------------------------------===//

#include "snnc/dataset/Npy.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>

namespace snnc::dataset {

namespace {

constexpr uint64_t kMaxValues = uint64_t(1) << 32;

image::ImageError fail(const std::string &path, uint64_t offset,
                       const std::string &what) {
  return image::ImageError{path,
                           "at byte " + std::to_string(offset) + ": " + what};
}

/// Bytes per value and a converter for a supported dtype.
bool dtypeOf(const std::string &descr, size_t &size, char &kind) {
  if (descr.size() < 3)
    return false;
  char order = descr[0];
  kind = descr[1];
  size = size_t(std::atoi(descr.c_str() + 2));
  bool little = order == '<' || (order == '|' && size == 1) ||
                (order == '=' && size == 1);
  if (!little || (kind != 'u' && kind != 'i' && kind != 'f'))
    return false;
  if (kind == 'f')
    return size == 4 || size == 8;
  return size == 1 || size == 2 || size == 4 || size == 8;
}

double decode(const uint8_t *p, size_t size, char kind) {
  uint64_t bits = 0;
  for (size_t i = 0; i < size; ++i)
    bits |= uint64_t(p[i]) << (8 * i);
  if (kind == 'f') {
    if (size == 4) {
      uint32_t b32 = uint32_t(bits);
      float f;
      std::memcpy(&f, &b32, 4);
      return f;
    }
    double d;
    std::memcpy(&d, &bits, 8);
    return d;
  }
  if (kind == 'u')
    return double(bits);
  // Sign-extend.
  unsigned shift = unsigned(64 - 8 * size);
  return double(int64_t(bits << shift) >> shift);
}

} // namespace

image::Expected<NpyArray> readNpy(const std::string &path) {
  std::error_code ec;
  uint64_t fileSize = std::filesystem::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (ec || !in)
    return image::ImageError{path, "cannot be opened"};
  auto readBytes = [&](size_t n, std::vector<uint8_t> &out) {
    out.resize(n);
    return bool(
        in.read(reinterpret_cast<char *>(out.data()), std::streamsize(n)));
  };
  std::vector<uint8_t> head;
  if (!readBytes(8, head) || std::memcmp(head.data(), "\x93NUMPY", 6) != 0)
    return fail(path, 0, "not a .npy file (no \\x93NUMPY magic)");
  unsigned major = head[6];
  if (major < 1 || major > 3)
    return fail(path, 6,
                "format version " + std::to_string(major) +
                    " is not 1, 2 or 3");
  std::vector<uint8_t> lenBytes;
  size_t lenSize = major == 1 ? 2 : 4;
  if (!readBytes(lenSize, lenBytes))
    return fail(path, 8, "the file ends inside the header length");
  uint64_t headerLen = 0;
  for (size_t i = 0; i < lenSize; ++i)
    headerLen |= uint64_t(lenBytes[i]) << (8 * i);
  uint64_t headerAt = 8 + lenSize;
  if (headerAt + headerLen > fileSize)
    return fail(path, 8,
                "header length " + std::to_string(headerLen) +
                    " runs past the end of the file");
  std::vector<uint8_t> headerBytes;
  readBytes(size_t(headerLen), headerBytes);
  std::string header(headerBytes.begin(), headerBytes.end());

  NpyArray out;
  std::smatch m;
  static const std::regex descr(R"('descr'\s*:\s*'([^']*)')");
  static const std::regex fortran(R"('fortran_order'\s*:\s*(True|False))");
  static const std::regex shape(R"('shape'\s*:\s*\(([^)]*)\))");
  if (!std::regex_search(header, m, descr))
    return fail(path, headerAt, "the header has no 'descr'");
  out.descr = m[1];
  if (!std::regex_search(header, m, fortran))
    return fail(path, headerAt, "the header has no 'fortran_order'");
  if (m[1] == "True")
    return fail(path, headerAt,
                "'fortran_order' is True; snnc reads C-order arrays "
                "(save with np.ascontiguousarray)");
  if (!std::regex_search(header, m, shape))
    return fail(path, headerAt, "the header has no 'shape'");
  std::string dims = m[1];
  uint64_t count = 1;
  static const std::regex number(R"(\s*(\d+)\s*,?)");
  for (std::sregex_iterator it(dims.begin(), dims.end(), number), end;
       it != end; ++it) {
    std::string digits = (*it)[1];
    errno = 0;
    uint64_t d = std::strtoull(digits.c_str(), nullptr, 10);
    if (errno == ERANGE || (d != 0 && count > kMaxValues / d))
      return fail(path, headerAt, "the shape holds more than 2^32 values");
    count *= d;
    out.shape.push_back(d);
  }
  size_t size;
  char kind;
  if (!dtypeOf(out.descr, size, kind))
    return fail(path, headerAt,
                "dtype '" + out.descr +
                    "' is not supported; snnc reads little-endian integers "
                    "(u1..u8, i1..i8) and floats (f4, f8)");
  uint64_t dataAt = headerAt + headerLen;
  uint64_t need = count * size;
  if (fileSize - dataAt != need)
    return fail(path, dataAt,
                "the shape and dtype need " + std::to_string(need) +
                    " bytes of values but the file has " +
                    std::to_string(fileSize - dataAt));
  std::vector<uint8_t> raw;
  if (!readBytes(size_t(need), raw))
    return fail(path, dataAt, "the values cannot be read");
  out.values.resize(count);
  for (uint64_t i = 0; i < count; ++i)
    out.values[i] = decode(raw.data() + i * size, size, kind);
  return out;
}

} // namespace snnc::dataset
