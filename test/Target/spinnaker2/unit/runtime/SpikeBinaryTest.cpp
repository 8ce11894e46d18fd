//===- SpikeBinaryTest.cpp - The binary spike file: round trip, corruption ===//
//
// Corrupt files are built byte by byte from the layout in docs/formats.md,
// with an FNV-1a written here from its definition, so that the tests check
// the documented format and not the encoder against itself.
//
//===----------------------------------------------------------------------===//

#include "snnc/runtime/SpikeBinary.h"
#include "snnc/runtime/SpikeFile.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

#include <unistd.h>

using namespace snnc::image;
using namespace snnc::runtime;

namespace {

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

uint64_t fnv1a(const std::string &bytes, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; ++i) {
    h ^= static_cast<uint8_t>(bytes[i]);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// Little-endian bytes of a file under construction.
struct Bytes {
  std::string b;
  Bytes &u32(uint32_t v) {
    for (int i = 0; i < 4; ++i)
      b.push_back(static_cast<char>(v >> (8 * i)));
    return *this;
  }
  Bytes &u64(uint64_t v) {
    for (int i = 0; i < 8; ++i)
      b.push_back(static_cast<char>(v >> (8 * i)));
    return *this;
  }
  Bytes &raw(const std::string &s) {
    b += s;
    return *this;
  }
  Bytes &varint(uint64_t v) {
    while (v >= 0x80) {
      b.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    b.push_back(static_cast<char>(v));
    return *this;
  }
  /// Header of `ports` ports over `steps` steps, no metadata.
  static Bytes header(uint64_t steps, uint32_t ports) {
    Bytes h;
    h.raw("SNNCSPK1").u32(1).u32(0).u64(0).u64(steps).u32(ports).u32(0);
    return h;
  }
  /// A spike port's fixed part.
  Bytes &spikePort(const std::string &name, std::vector<uint32_t> shape,
                   uint64_t events, uint64_t payload) {
    u32(0).u32(static_cast<uint32_t>(name.size())).raw(name);
    u32(static_cast<uint32_t>(shape.size()));
    for (uint32_t d : shape)
      u32(d);
    return u64(events).u64(payload);
  }
  /// Patches the file length and appends the checksum.
  std::string finish() {
    std::string out = b;
    uint64_t size = out.size() + 8;
    for (int i = 0; i < 8; ++i)
      out[16 + i] = static_cast<char>(size >> (8 * i));
    uint64_t h = fnv1a(out, out.size());
    for (int i = 0; i < 8; ++i)
      out.push_back(static_cast<char>(h >> (8 * i)));
    return out;
  }
};

std::string errorOf(const std::string &bytes) {
  Expected<SpikeFile> f = decodeSpikeBinary(bytes, "x.spk");
  return f ? "(decoded)" : f.error().message();
}

/// Rewrites the checksum after a deliberate edit.
std::string rehash(std::string bytes) {
  size_t end = bytes.size() - 8;
  uint64_t h = fnv1a(bytes, end);
  for (int i = 0; i < 8; ++i)
    bytes[end + i] = static_cast<char>(h >> (8 * i));
  return bytes;
}

SpikeFile sampleFile() {
  SpikeFile f;
  f.steps = 300;
  PortTrace a;
  a.name = "cue";
  a.train.shape = {4, 50};
  a.train.events = {{0, 0},   {0, 1},   {0, 199}, {1, 5},
                    {129, 3}, {129, 4}, {299, 0}};
  PortTrace b;
  b.name = "silent";
  b.train.shape = {7};
  PortTrace c;
  c.name = "readout \xc3\xa9"; // UTF-8 names survive.
  c.kind = OutputKind::Current;
  c.train.shape = {2};
  for (uint64_t t = 0; t < f.steps; ++t) {
    c.values.push_back(std::sin(double(t)) * 1e-3);
    c.values.push_back(-double(t) / 3);
  }
  c.values[0] = std::numeric_limits<double>::quiet_NaN();
  c.values[1] = -0.0;
  c.values[2] = std::numeric_limits<double>::denorm_min();
  c.values[3] = -std::numeric_limits<double>::infinity();
  f.ports = {a, b, c};
  f.metadata = {{"encoding", {{"coding", "rate"}, {"seed", 7}}}};
  return f;
}

TEST(SpikeBinary, RoundTripIsBitExact) {
  SpikeFile f = sampleFile();
  ASSERT_TRUE(validateSpikeFile(f, "x"));
  std::string bytes = encodeSpikeBinary(f);
  EXPECT_TRUE(hasSpikeMagic(bytes));
  Expected<SpikeFile> back = decodeSpikeBinary(bytes, "x.spk");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, f); // Values compare bit for bit, NaN included.
  EXPECT_EQ(encodeSpikeBinary(*back), bytes);
  // parseSpikeFile tells the forms apart by content.
  Expected<SpikeFile> detected = parseSpikeFile(bytes, "no-extension");
  ASSERT_TRUE(detected) << detected.error().message();
  EXPECT_EQ(*detected, f);
}

TEST(SpikeBinary, EventsCostAboutOneBytePerEventWhenDense) {
  SpikeFile f;
  f.steps = 100;
  PortTrace p;
  p.name = "in";
  p.train.shape = {100};
  for (uint64_t t = 0; t < 100; ++t)
    for (uint32_t j = 0; j < 100; j += 2)
      p.train.events.push_back({t, j});
  f.ports = {p};
  std::string bytes = encodeSpikeBinary(f);
  // 5000 events: one byte each plus two per step, 40 + 8 + 32 framing.
  EXPECT_EQ(bytes.size(),
            5000u + 200u + 40u + 8u + 4u + 4u + 2u + 4u + 4u + 8u + 8u);
  Expected<SpikeFile> back = decodeSpikeBinary(bytes, "x");
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, f);
}

TEST(SpikeBinary, FilesOfBothFormsReadBackEqual) {
  SpikeFile f = sampleFile();
  f.ports[2].values[0] = 0.5; // JSON spells NaN and -inf as null.
  f.ports[2].values[3] = 1e300;
  std::string dir = std::filesystem::temp_directory_path() /
                    ("snnc-spk-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (const char *name : {"/a.spk", "/a.bin", "/a.json", "/a.txt"}) {
    std::string path = dir + name;
    SpikeFormat format = spikeFormatForPath(path);
    EXPECT_EQ(format == SpikeFormat::Binary,
              contains(name, ".spk") || contains(name, ".bin"));
    ASSERT_TRUE(writeSpikeFile(f, path, format));
    Expected<SpikeFile> back = readSpikeFile(path);
    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(*back, f) << name;
  }
  std::filesystem::remove_all(dir);
}

TEST(SpikeBinary, HandBuiltFileDecodesAsDocumented) {
  // Steps 10; port "in" [8]: events (2,1) (2,3) (2,4) (7,0).
  Bytes b = Bytes::header(10, 1);
  Bytes payload;
  payload.varint(2).varint(2).varint(1).varint(1).varint(0); // step 2
  payload.varint(4).varint(0).varint(0);                     // step 7
  b.spikePort("in", {8}, 4, payload.b.size()).raw(payload.b);
  Expected<SpikeFile> f = decodeSpikeBinary(b.finish(), "x");
  ASSERT_TRUE(f) << f.error().message();
  ASSERT_EQ(f->ports.size(), 1u);
  std::vector<SpikeEvent> want = {{2, 1}, {2, 3}, {2, 4}, {7, 0}};
  EXPECT_EQ(f->ports[0].train.events, want);
  EXPECT_EQ(f->steps, 10u);
}

TEST(SpikeBinary, TruncationAndFramingErrors) {
  std::string good = encodeSpikeBinary(sampleFile());
  EXPECT_TRUE(contains(errorOf(good.substr(0, 30)),
                       "x.spk: byte 30: truncated: the file has 30 bytes"));
  EXPECT_TRUE(contains(errorOf(good.substr(0, good.size() - 10)),
                       "byte 16: truncated: the header records"));
  EXPECT_TRUE(contains(errorOf(good + "xx"), "but the file has"));
  std::string magic = good;
  magic[0] = 'X';
  EXPECT_TRUE(contains(errorOf(magic), "not a binary spike file"));
  Expected<SpikeFile> neither = parseSpikeFile(magic, "x.spk");
  ASSERT_FALSE(neither);
  EXPECT_TRUE(contains(neither.error().message(),
                       "neither JSON (which starts with '{') nor binary"));
  std::string future = good;
  future[7] = '2';
  EXPECT_TRUE(contains(errorOf(future), "unsupported binary spike format "
                                        "'SNNCSPK2'"));
  std::string version = good;
  version[8] = 2;
  EXPECT_TRUE(contains(errorOf(version), "byte 8: version 2 is not supported"));
  std::string flags = good;
  flags[12] = 1;
  EXPECT_TRUE(contains(errorOf(flags), "byte 12: flags 1 are not 0"));
  std::string flipped = good;
  flipped[60] ^= 0x10;
  EXPECT_TRUE(contains(errorOf(flipped), "checksum mismatch"));
  EXPECT_TRUE(contains(errorOf(""), "not a binary spike file"));
}

TEST(SpikeBinary, StructuralErrorsNameTheByteAndField) {
  auto port = [](std::vector<uint32_t> shape, uint64_t count,
                 const Bytes &payload, uint64_t steps = 10) {
    Bytes b = Bytes::header(steps, 1);
    b.spikePort("in", shape, count, payload.b.size()).raw(payload.b);
    return errorOf(b.finish());
  };
  Bytes ok;
  ok.varint(0).varint(0).varint(3);
  EXPECT_EQ(port({8}, 1, ok), "(decoded)");

  // Index out of range: 8 in a port of 8, and 3 + 1 + 4 past it.
  Bytes index;
  index.varint(0).varint(0).varint(8);
  std::string e = port({8}, 1, index);
  EXPECT_TRUE(contains(e, "port 0 'in' event 0 at step 0 has an index out of "
                          "range for shape [8] (8 elements)"))
      << e;
  EXPECT_TRUE(contains(e, "x.spk: byte ")) << e;
  Bytes delta;
  delta.varint(0).varint(1).varint(3).varint(4);
  EXPECT_TRUE(contains(port({8}, 2, delta), "out of range"));
  // A step past the window, directly and by accumulated gaps.
  Bytes late;
  late.varint(10).varint(0).varint(0);
  EXPECT_TRUE(contains(port({8}, 1, late), "lies past the file's 10 steps"));
  Bytes gaps;
  gaps.varint(5).varint(0).varint(0).varint(4).varint(0).varint(0);
  EXPECT_TRUE(contains(port({8}, 2, gaps), "event 1 lies past"));
  // Counts that disagree with the payload.
  EXPECT_TRUE(contains(port({8}, 2, ok), "payload holds 1 events, but its "
                                         "header declares 2"));
  Bytes group;
  group.varint(0).varint(2).varint(0).varint(0).varint(0);
  EXPECT_TRUE(contains(port({8}, 2, group), "claims more events than the 2"));
  // Non-canonical and oversized varints.
  Bytes overlong;
  overlong.varint(0).varint(0).raw(std::string("\x83\x00", 2));
  EXPECT_TRUE(contains(port({8}, 1, overlong), "over-long varint"));
  Bytes huge;
  huge.varint(0).varint(0).raw(std::string(9, '\xff') + "\x02");
  EXPECT_TRUE(contains(port({8}, 1, huge), "does not fit 64 bits"));
  Bytes cut;
  cut.varint(0).varint(0).raw("\x83");
  EXPECT_TRUE(contains(port({8}, 1, cut), "cut off by the end"));
  // Shapes.
  EXPECT_TRUE(contains(port({8, 0}, 1, ok), "dimension 1 is 0"));
  EXPECT_TRUE(contains(port({65536, 65536}, 1, ok), "at most 2^32-1"));
}

TEST(SpikeBinary, HugeCountsAreRefusedBeforeAllocating) {
  // Each of these would ask for terabytes if believed.
  Bytes events = Bytes::header(10, 1);
  events.spikePort("in", {8}, uint64_t(1) << 60, 3).raw(std::string(3, 0));
  EXPECT_TRUE(contains(errorOf(events.finish()),
                       "declares 1152921504606846976 events in a payload of "
                       "3 bytes"));
  Bytes payload = Bytes::header(10, 1);
  payload.spikePort("in", {8}, 1, uint64_t(1) << 62);
  EXPECT_TRUE(contains(errorOf(payload.finish()),
                       "payload of 4611686018427387904 bytes is longer"));
  Bytes ports = Bytes::header(10, 0xffffffffu);
  EXPECT_TRUE(contains(errorOf(ports.finish()),
                       "byte 32: port count 4294967295 needs more"));
  Bytes values = Bytes::header(uint64_t(1) << 40, 1);
  values.u32(1).u32(1).raw("r").u32(1).u32(1000);
  EXPECT_TRUE(contains(errorOf(values.finish()),
                       "needs 1099511627776 steps x 1000 f64 values"));
  Bytes name = Bytes::header(10, 1);
  name.u32(0).u32(0x7fffffff).u32(0);
  EXPECT_TRUE(contains(errorOf(name.finish()), "name length 2147483647"))
      << errorOf(name.finish());
  Bytes rank = Bytes::header(10, 1);
  rank.u32(0).u32(1).raw("r").u32(1u << 30);
  EXPECT_TRUE(contains(errorOf(rank.finish()), "rank 1073741824 exceeds"));
  Bytes meta;
  meta.raw("SNNCSPK1").u32(1).u32(0).u64(0).u64(1).u32(0).u32(1u << 31);
  EXPECT_TRUE(contains(errorOf(meta.finish()), "truncated metadata"));
}

TEST(SpikeBinary, PortAndMetadataErrors) {
  Bytes kind = Bytes::header(10, 1);
  kind.u32(7).u32(0).u32(0);
  EXPECT_TRUE(contains(errorOf(kind.finish()), "port 0 kind 7 is neither"));
  Bytes twice = Bytes::header(10, 2);
  twice.spikePort("in", {1}, 0, 0).spikePort("in", {1}, 0, 0);
  EXPECT_TRUE(contains(errorOf(twice.finish()),
                       "port 1 'in' repeats the name of an earlier port"));
  Bytes unnamed = Bytes::header(10, 2);
  unnamed.spikePort("a", {1}, 0, 0).spikePort("", {1}, 0, 0);
  EXPECT_TRUE(contains(errorOf(unnamed.finish()), "port 1 has no name"));
  Bytes utf8 = Bytes::header(10, 1);
  utf8.spikePort("\xff", {1}, 0, 0);
  EXPECT_TRUE(contains(errorOf(utf8.finish()), "not valid UTF-8"));
  Bytes extra = Bytes::header(10, 1);
  extra.spikePort("a", {1}, 0, 0).raw("zz");
  EXPECT_TRUE(contains(errorOf(extra.finish()),
                       "2 unexpected bytes after the last port"));
  for (const char *text : {"{", "[1]", "{\"a\": nan}"}) {
    Bytes m;
    m.raw("SNNCSPK1").u32(1).u32(0).u64(0).u64(1).u32(0);
    m.u32(static_cast<uint32_t>(std::string(text).size())).raw(text);
    std::string e = errorOf(m.finish());
    EXPECT_TRUE(contains(e, "byte 40: metadata")) << e;
  }
}

TEST(SpikeBinary, WriterRefusesWhatReadersRefuse) {
  SpikeFile f = sampleFile();
  f.ports[0].train.events.push_back({0, 0}); // Out of order.
  Status s = writeSpikeFile(f, "/nonexistent/x.spk", SpikeFormat::Binary);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(s.error().message(),
                       "port 0 'cue' event 7 (step 0, index 0) is not after "
                       "the event before it"));
  f = sampleFile();
  f.ports[2].values.pop_back();
  s = validateSpikeFile(f, "x");
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(s.error().message(), "holds 599 values, not steps x "
                                            "size = 300 x 2"));
  f = sampleFile();
  f.ports[0].train.events.back().step = 300;
  EXPECT_FALSE(validateSpikeFile(f, "x"));
  f = sampleFile();
  f.ports[1].name = "cue";
  EXPECT_FALSE(validateSpikeFile(f, "x"));
}

} // namespace
