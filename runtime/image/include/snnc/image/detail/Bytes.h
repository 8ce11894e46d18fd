//===- Bytes.h - Little-endian encoding and FNV-1a checksums ----*- C++ -*-===//
//
// Tables are little-endian on disk whatever the host, so values are
// assembled byte by byte; on little-endian hosts whole columns are copied
// instead, which is what makes multi-gigabyte synapse tables load at memory
// speed.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_DETAIL_BYTES_H
#define SNNC_IMAGE_DETAIL_BYTES_H

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace snnc::image::detail {

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
inline constexpr bool kHostLittleEndian = true;
#else
inline constexpr bool kHostLittleEndian = false;
#endif

/// FNV-1a, 64 bits, fed incrementally.
class Fnv1a64 {
public:
  void update(const uint8_t *data, size_t size) {
    uint64_t h = hash;
    for (size_t i = 0; i < size; ++i) {
      h ^= data[i];
      h *= 0x100000001b3ULL;
    }
    hash = h;
  }
  uint64_t value() const { return hash; }

private:
  uint64_t hash = 0xcbf29ce484222325ULL;
};

/// 16 lower-case hex digits.
std::string toHex64(uint64_t value);

/// Where encoded bytes go (a file, or a buffer in tests).
class ByteSink {
public:
  virtual ~ByteSink() = default;
  virtual void put(const uint8_t *data, size_t size) = 0;
};

/// The unsigned integer type of the same width as T.
template <typename T>
using UnsignedOf = std::conditional_t<
    sizeof(T) == 1, uint8_t,
    std::conditional_t<sizeof(T) == 2, uint16_t,
                       std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>>>;

template <typename T> void storeLE(T value, uint8_t *out) {
  UnsignedOf<T> bits;
  std::memcpy(&bits, &value, sizeof(T));
  for (size_t i = 0; i < sizeof(T); ++i)
    out[i] = static_cast<uint8_t>(bits >> (8 * i));
}

template <typename T> T loadLE(const uint8_t *in) {
  UnsignedOf<T> bits = 0;
  for (size_t i = 0; i < sizeof(T); ++i)
    bits |= static_cast<UnsignedOf<T>>(in[i]) << (8 * i);
  T value;
  std::memcpy(&value, &bits, sizeof(T));
  return value;
}

/// Buffers little-endian values and hands them to a sink in large chunks.
class Encoder {
public:
  explicit Encoder(ByteSink &sink) : sink(sink) { buffer.reserve(kChunk); }
  ~Encoder() { flush(); }

  template <typename T> void put(T value) {
    uint8_t bytes[sizeof(T)];
    storeLE(value, bytes);
    append(bytes, sizeof(T));
  }

  template <typename T> void putColumn(const std::vector<T> &values) {
    if (kHostLittleEndian) {
      append(reinterpret_cast<const uint8_t *>(values.data()),
             values.size() * sizeof(T));
      return;
    }
    for (const T &v : values)
      put(v);
  }

  void flush() {
    if (!buffer.empty())
      sink.put(buffer.data(), buffer.size());
    buffer.clear();
  }

private:
  static constexpr size_t kChunk = size_t(1) << 20;

  void append(const uint8_t *data, size_t size) {
    if (buffer.size() + size > kChunk)
      flush();
    if (size >= kChunk) {
      sink.put(data, size);
      return;
    }
    buffer.insert(buffer.end(), data, data + size);
  }

  ByteSink &sink;
  std::vector<uint8_t> buffer;
};

/// Reads little-endian values from a buffer whose size the caller has
/// already checked against the layout; the bounds checks here are a second
/// line of defence and report failure instead of reading past the end.
class Decoder {
public:
  Decoder(const std::vector<uint8_t> &bytes) : bytes(bytes) {}

  bool has(uint64_t size) const { return size <= bytes.size() - offset; }
  uint64_t position() const { return offset; }
  bool atEnd() const { return offset == bytes.size(); }

  template <typename T> bool get(T &value) {
    if (!has(sizeof(T)))
      return false;
    value = loadLE<T>(bytes.data() + offset);
    offset += sizeof(T);
    return true;
  }

  /// Fills `values` (already sized by the caller) from the buffer.
  template <typename T> bool getColumn(std::vector<T> &values) {
    uint64_t size = uint64_t(values.size()) * sizeof(T);
    if (values.size() > bytes.size() || !has(size))
      return false;
    if (kHostLittleEndian) {
      if (size != 0)
        std::memcpy(values.data(), bytes.data() + offset, size);
      offset += size;
      return true;
    }
    for (T &v : values)
      get(v);
    return true;
  }

private:
  const std::vector<uint8_t> &bytes;
  uint64_t offset = 0;
};

} // namespace snnc::image::detail

#endif // SNNC_IMAGE_DETAIL_BYTES_H
