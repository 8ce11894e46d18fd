//===- SpikeBinary.cpp - The compact binary form of spike files -----------===//
//
// Spike payload of one port: events grouped by step, in increasing step.
// Each group is the varints
//
//   gap      step of the group's first event minus (previous group's step
//            + 1); for the first group, its step itself
//   n - 1    events in the group, n >= 1
//   n x d    first: the index itself; then index - previous index - 1
//
// so every varint value is valid, events come out sorted and distinct by
// construction, and the file has exactly one encoding (varints must be
// canonical). Dense steps cost ~1 byte per event plus two per step.
//
//===----------------------------------------------------------------------===//

#include "snnc/runtime/SpikeBinary.h"

#include "SpikeFileDetail.h"

// FNV-1a and little-endian helpers of the image library, whose tables use
// the same checksum; the header is private to SnncImage, which this
// library links.
#include "snnc/image/detail/Bytes.h"

#include <cstring>
#include <limits>
#include <set>

using nlohmann::json;
using snnc::image::detail::Fnv1a64;
using snnc::image::detail::loadLE;
using snnc::image::detail::storeLE;
using snnc::image::detail::toHex64;

namespace snnc::runtime {

using namespace detail;

namespace {

enum : uint32_t { kKindSpikes = 0, kKindCurrent = 1 };

// --- Writing ----------------------------------------------------------===//

class Writer {
public:
  template <typename T> void put(T value) {
    uint8_t bytes[sizeof(T)];
    storeLE(value, bytes);
    out.append(reinterpret_cast<const char *>(bytes), sizeof(T));
  }
  void putVarint(uint64_t value) {
    while (value >= 0x80) {
      out.push_back(static_cast<char>((value & 0x7f) | 0x80));
      value >>= 7;
    }
    out.push_back(static_cast<char>(value));
  }
  void putBytes(const std::string &bytes) { out += bytes; }
  template <typename T> void patch(size_t at, T value) {
    uint8_t bytes[sizeof(T)];
    storeLE(value, bytes);
    std::memcpy(&out[at], bytes, sizeof(T));
  }

  std::string out;
};

std::string encodeEvents(const std::vector<SpikeEvent> &events) {
  Writer w;
  size_t i = 0;
  bool first = true;
  uint64_t lastStep = 0;
  while (i < events.size()) {
    size_t end = i;
    while (end < events.size() && events[end].step == events[i].step)
      ++end;
    w.putVarint(first ? events[i].step : events[i].step - lastStep - 1);
    w.putVarint(end - i - 1);
    for (size_t j = i; j < end; ++j)
      w.putVarint(j == i ? events[j].index
                         : events[j].index - events[j - 1].index - 1);
    lastStep = events[i].step;
    first = false;
    i = end;
  }
  return std::move(w.out);
}

// --- Reading ----------------------------------------------------------===//

/// A decoding failure at byte `offset`.
struct BinaryError {
  uint64_t offset;
  std::string what;
};

class Reader {
public:
  Reader(const std::string &bytes, uint64_t end) : bytes(bytes), end(end) {}

  uint64_t position() const { return pos; }
  uint64_t remaining() const { return end - pos; }

  /// Names the element being read ("port 1 'in'") in messages; fields are
  /// named by plain strings so that the hot loops build no text.
  std::string label;

  /// A failure at byte `at` about the current element.
  BinaryError error(uint64_t at, const std::string &what) const {
    return BinaryError{at, label.empty() ? what : label + " " + what};
  }

  /// Fails unless `n` more bytes are present; `what` names the field.
  void need(uint64_t n, const char *what) const {
    if (n > remaining())
      throw error(pos, std::string("truncated ") + what + ": needs " +
                           std::to_string(n) + " bytes, " +
                           std::to_string(remaining()) +
                           " remain before the checksum");
  }

  template <typename T> T get(const char *what) {
    need(sizeof(T), what);
    T value = loadLE<T>(reinterpret_cast<const uint8_t *>(&bytes[pos]));
    pos += sizeof(T);
    return value;
  }

  std::string getBytes(uint64_t n, const char *what) {
    need(n, what);
    std::string value = bytes.substr(pos, n);
    pos += n;
    return value;
  }

  /// A canonical LEB128 varint that ends before `limit`.
  uint64_t getVarint(uint64_t limit, const char *what) {
    uint64_t start = pos, value = 0;
    for (unsigned i = 0;; ++i) {
      if (pos >= limit)
        throw error(start, std::string(what) +
                               " is cut off by the end of the payload");
      uint8_t b = static_cast<uint8_t>(bytes[pos++]);
      if (i == 9 && b > 1)
        throw error(start, std::string(what) + " does not fit 64 bits");
      value |= uint64_t(b & 0x7f) << (7 * i);
      if (!(b & 0x80)) {
        if (b == 0 && i > 0)
          throw error(start, std::string(what) +
                                 " is an over-long varint (the encoding is "
                                 "canonical)");
        return value;
      }
    }
  }

private:
  const std::string &bytes;
  uint64_t end;
  uint64_t pos = 0;
};

void decodeEvents(Reader &r, uint64_t payloadEnd, uint64_t count,
                  uint64_t steps, PortTrace &port) {
  uint64_t size = port.size();
  std::vector<SpikeEvent> &events = port.train.events;
  events.reserve(count); // count <= payload bytes, checked by the caller.
  bool first = true;
  uint64_t step = 0;
  while (r.position() < payloadEnd) {
    uint64_t at = r.position();
    uint64_t gap = r.getVarint(payloadEnd, "step gap");
    if (gap >= (first ? steps : steps - step - 1))
      throw r.error(at, "event " + std::to_string(events.size()) +
                            " lies past the file's " + std::to_string(steps) +
                            " steps");
    step = first ? gap : step + 1 + gap;
    first = false;
    at = r.position();
    uint64_t n = r.getVarint(payloadEnd, "group size") + 1;
    if (n == 0 || n > count - events.size())
      throw r.error(at, "step " + std::to_string(step) +
                            " claims more events than the " +
                            std::to_string(count) + " declared");
    uint64_t index = 0;
    for (uint64_t j = 0; j < n; ++j) {
      at = r.position();
      uint64_t d = r.getVarint(payloadEnd, "index delta");
      if (d >= (j == 0 ? size : size - index - 1))
        throw r.error(at, "event " + std::to_string(events.size()) +
                              " at step " + std::to_string(step) +
                              " has an index out of range for shape " +
                              shapeText(port.train.shape) + " (" +
                              std::to_string(size) + " elements)");
      index = j == 0 ? d : index + 1 + d;
      events.push_back({step, static_cast<uint32_t>(index)});
    }
  }
  if (events.size() != count)
    throw r.error(r.position(), "payload holds " +
                                    std::to_string(events.size()) +
                                    " events, but its header declares " +
                                    std::to_string(count));
}

PortTrace decodePort(Reader &r, size_t p, uint64_t steps, bool onlyPort) {
  PortTrace port;
  r.label = "port " + std::to_string(p);
  uint64_t at = r.position();
  uint32_t kind = r.get<uint32_t>("kind");
  if (kind != kKindSpikes && kind != kKindCurrent)
    throw r.error(at, "kind " + std::to_string(kind) +
                          " is neither 0 (spikes) nor 1 (current)");
  port.kind = kind == kKindSpikes ? image::OutputKind::Spikes
                                  : image::OutputKind::Current;
  at = r.position();
  uint32_t nameBytes = r.get<uint32_t>("name length");
  if (nameBytes > kMaxNameBytes)
    throw r.error(at, "name length " + std::to_string(nameBytes) + " exceeds " +
                          std::to_string(kMaxNameBytes));
  at = r.position();
  port.name = r.getBytes(nameBytes, "name");
  if (std::string problem = nameProblem(port.name); !problem.empty())
    throw r.error(at, problem);
  r.label = portLabel(p, port.name);
  if (port.name.empty() && !onlyPort)
    throw r.error(at, "has no name; only a file with one port may leave it "
                      "unnamed");

  at = r.position();
  uint32_t rank = r.get<uint32_t>("rank");
  if (rank > kMaxRank)
    throw r.error(at, "rank " + std::to_string(rank) + " exceeds " +
                          std::to_string(kMaxRank));
  uint64_t size = 1;
  for (uint32_t d = 0; d < rank; ++d) {
    at = r.position();
    uint32_t dim = r.get<uint32_t>("shape");
    size *= dim;
    if (dim == 0 || size > std::numeric_limits<uint32_t>::max())
      throw r.error(at, "dimension " + std::to_string(d) + " is " +
                            std::to_string(dim) +
                            "; dimensions must be >= 1 and hold at most "
                            "2^32-1 elements");
    port.train.shape.push_back(dim);
  }

  at = r.position();
  if (port.kind == image::OutputKind::Current) {
    uint64_t count = 0;
    if (mulOverflows(steps, size, count) || count > r.remaining() / 8)
      throw r.error(at,
                    "needs " + std::to_string(steps) + " steps x " +
                        std::to_string(size) + " f64 values, more than the " +
                        std::to_string(r.remaining()) + " bytes that remain");
    port.values.resize(count);
    for (double &v : port.values)
      v = r.get<double>("values");
    return port;
  }
  uint64_t count = r.get<uint64_t>("event count");
  uint64_t payload = r.get<uint64_t>("payload length");
  if (payload > r.remaining())
    throw r.error(at + 8, "payload of " + std::to_string(payload) +
                              " bytes is longer than the " +
                              std::to_string(r.remaining()) +
                              " bytes that remain");
  if (count > payload)
    throw r.error(at, "declares " + std::to_string(count) +
                          " events in a payload of " + std::to_string(payload) +
                          " bytes (an event takes at least one byte)");
  decodeEvents(r, r.position() + payload, count, steps, port);
  return port;
}

SpikeFile decode(const std::string &bytes) {
  uint64_t size = bytes.size();
  if (size < 8 || !hasSpikeMagic(bytes)) {
    if (size >= 7 && bytes.compare(0, 7, kSpikeMagic, 7) == 0)
      throw BinaryError{7, "unsupported binary spike format '" +
                               bytes.substr(0, 8) + "' (this snnc reads " +
                               kSpikeMagic + ")"};
    throw BinaryError{0, std::string("not a binary spike file (it does not "
                                     "start with \"") +
                             kSpikeMagic + "\")"};
  }
  uint64_t minimum = kSpikeHeaderBytes + kSpikeTrailerBytes;
  if (size < minimum)
    throw BinaryError{size, "truncated: the file has " + std::to_string(size) +
                                " bytes, but a binary spike file has at "
                                "least " +
                                std::to_string(minimum) +
                                " (header and checksum)"};
  const auto *raw = reinterpret_cast<const uint8_t *>(bytes.data());
  uint32_t version = loadLE<uint32_t>(raw + 8);
  if (version != kSpikeBinaryVersion)
    throw BinaryError{8, "version " + std::to_string(version) +
                             " is not supported (this snnc reads version " +
                             std::to_string(kSpikeBinaryVersion) + ")"};
  uint32_t flags = loadLE<uint32_t>(raw + 12);
  if (flags != 0)
    throw BinaryError{12, "flags " + std::to_string(flags) +
                              " are not 0 (no flags are defined)"};
  uint64_t declared = loadLE<uint64_t>(raw + 16);
  if (declared != size)
    throw BinaryError{
        16, (declared > size ? "truncated: " : "") +
                std::string("the header records ") + std::to_string(declared) +
                " bytes, but the file has " + std::to_string(size)};
  uint64_t end = size - kSpikeTrailerBytes;
  Fnv1a64 hash;
  hash.update(raw, end);
  uint64_t recorded = loadLE<uint64_t>(raw + end);
  if (recorded != hash.value())
    throw BinaryError{end, "checksum mismatch: the trailer records fnv1a64 " +
                               toHex64(recorded) +
                               " but the content hashes "
                               "to " +
                               toHex64(hash.value()) + " (corrupt file)"};

  Reader r(bytes, end);
  r.getBytes(16, "header"); // Magic, version and flags, checked above.
  r.get<uint64_t>("file length");
  SpikeFile file;
  file.steps = r.get<uint64_t>("steps");
  uint32_t ports = r.get<uint32_t>("port count");
  uint64_t at = r.position();
  uint32_t metaBytes = r.get<uint32_t>("metadata length");
  if (metaBytes > 0) {
    std::string text = r.getBytes(metaBytes, "metadata");
    Expected<json> meta = parseJsonLimited(text, "");
    if (!meta)
      throw BinaryError{kSpikeHeaderBytes, "metadata: " + meta.error().what};
    if (!meta->is_object())
      throw BinaryError{kSpikeHeaderBytes, "metadata is not a JSON object"};
    file.metadata = std::move(meta.value());
  }
  // The smallest port record is kind, name length and rank: 12 bytes.
  if (ports > r.remaining() / 12)
    throw BinaryError{at - 4, "port count " + std::to_string(ports) +
                                  " needs more than the " +
                                  std::to_string(r.remaining()) +
                                  " bytes that remain"};
  file.ports.reserve(ports);
  std::set<std::string> names;
  for (uint32_t p = 0; p < ports; ++p) {
    uint64_t start = r.position();
    file.ports.push_back(decodePort(r, p, file.steps, ports == 1));
    if (!names.insert(file.ports.back().name).second)
      throw r.error(start, "repeats the name of an earlier port");
  }
  r.label.clear();
  if (r.remaining() != 0)
    throw BinaryError{r.position(), std::to_string(r.remaining()) +
                                        " unexpected bytes after the last "
                                        "port"};
  return file;
}

} // namespace

bool hasSpikeMagic(const std::string &bytes) {
  return bytes.size() >= 8 && bytes.compare(0, 8, kSpikeMagic, 8) == 0;
}

std::string encodeSpikeBinary(const SpikeFile &file) {
  Writer w;
  w.putBytes(std::string(kSpikeMagic, 8));
  w.put<uint32_t>(kSpikeBinaryVersion);
  w.put<uint32_t>(0);
  w.put<uint64_t>(0); // File length, patched below.
  w.put<uint64_t>(file.steps);
  w.put<uint32_t>(static_cast<uint32_t>(file.ports.size()));
  std::string meta = file.metadata.empty() ? "" : file.metadata.dump();
  w.put<uint32_t>(static_cast<uint32_t>(meta.size()));
  w.putBytes(meta);
  for (const PortTrace &port : file.ports) {
    bool spikes = port.kind == image::OutputKind::Spikes;
    w.put<uint32_t>(spikes ? kKindSpikes : kKindCurrent);
    w.put<uint32_t>(static_cast<uint32_t>(port.name.size()));
    w.putBytes(port.name);
    w.put<uint32_t>(static_cast<uint32_t>(port.train.shape.size()));
    for (uint32_t d : port.train.shape)
      w.put<uint32_t>(d);
    if (!spikes) {
      for (double v : port.values)
        w.put<double>(v);
      continue;
    }
    SpikeTrain sorted = port.train;
    sorted.normalize();
    std::string payload = encodeEvents(sorted.events);
    w.put<uint64_t>(sorted.events.size());
    w.put<uint64_t>(payload.size());
    w.putBytes(payload);
  }
  w.patch<uint64_t>(16, w.out.size() + kSpikeTrailerBytes);
  Fnv1a64 hash;
  hash.update(reinterpret_cast<const uint8_t *>(w.out.data()), w.out.size());
  w.put<uint64_t>(hash.value());
  return std::move(w.out);
}

Expected<SpikeFile> decodeSpikeBinary(const std::string &bytes,
                                      const std::string &source) {
  try {
    return decode(bytes);
  } catch (const BinaryError &e) {
    return ImageError{source,
                      "byte " + std::to_string(e.offset) + ": " + e.what};
  }
}

} // namespace snnc::runtime
