//===- HostileFileTest.cpp - NIR files built to exhaust the importer ------===//
//
// Small files that would make a naive reader work without bound: subgraphs
// shared through hard links (2^n copies after flattening), hard-link
// cycles, a node group with more links than the node limit, datasets that
// declare more bytes than the file holds, and inputs that are no regular
// file. Each must be refused at once, naming the node and the limit.
//
//===----------------------------------------------------------------------===//

#include "ImportFixture.h"

#include <chrono>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace nirtest;

namespace {

using HostileFileTest = ImportTest;

/// Expects the import to fail with a diagnostic at `node` containing `text`.
#define EXPECT_FAILS_AT(node, text)                                            \
  do {                                                                         \
    auto module = import(path());                                              \
    EXPECT_FALSE(module);                                                      \
    EXPECT_NE(errors.find(std::string("@") + node + ": "), std::string::npos)  \
        << errors;                                                             \
    EXPECT_NE(errors.find(text), std::string::npos) << errors;                 \
  } while (false)

/// Input(2) -> fc -> lif -> Output, a network that imports.
void writeNetwork(NirWriter &w) {
  w.node("", "in", "Input", {ints("shape", {1}, {2})});
  w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
  w.node("", "lif", "LIF",
         {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0}),
          vec("v_threshold", {1, 1})});
  w.node("", "out", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"in", "fc"}, {"fc", "lif"}, {"lif", "out"}});
}

std::string readBytes(const std::string &file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

/// Replaces every 8-byte little-endian `from` in `file` by `to`; returns
/// how many it replaced. Forges a dataspace the HDF5 API would not write.
int patchU64(const std::string &file, uint64_t from, uint64_t to) {
  std::string bytes = readBytes(file);
  std::string a(8, '\0'), b(8, '\0');
  for (int i = 0; i < 8; ++i) {
    a[i] = static_cast<char>(from >> (8 * i));
    b[i] = static_cast<char>(to >> (8 * i));
  }
  int count = 0;
  for (size_t at = bytes.find(a); at != std::string::npos;
       at = bytes.find(a, at + 8), ++count)
    bytes.replace(at, 8, b);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  return count;
}

TEST_F(HostileFileTest, SubgraphSharedByTwoNodes) {
  {
    NirWriter w(path());
    writeNetwork(w);
    w.subgraph("", "a");
    w.node("a", "input", "Input", {ints("shape", {1}, {2})});
    w.node("a", "output", "Output", {ints("shape", {1}, {2})});
    w.edges("a", {{"input", "output"}});
    ASSERT_GE(H5Lcreate_hard(w.handle(), "/node/nodes/a", w.handle(),
                             "/node/nodes/b", H5P_DEFAULT, H5P_DEFAULT),
              0);
  }
  EXPECT_FAILS_AT("b", "node 'b' is the same HDF5 group as node 'a' (a "
                       "second hard link to it)");
}

TEST_F(HostileFileTest, GraphContainingItself) {
  {
    NirWriter w(path());
    writeNetwork(w);
    w.subgraph("", "a");
    ASSERT_GE(H5Lcreate_hard(w.handle(), "/node/nodes/a", w.handle(),
                             "/node/nodes/a/nodes/loop", H5P_DEFAULT,
                             H5P_DEFAULT),
              0);
  }
  EXPECT_FAILS_AT("a.loop", "node 'a.loop' is a hard link back to node 'a', "
                            "which encloses it");
}

TEST_F(HostileFileTest, RootLinkedFromInside) {
  {
    NirWriter w(path());
    writeNetwork(w);
    ASSERT_GE(H5Lcreate_hard(w.handle(), "/node", w.handle(),
                             "/node/nodes/again", H5P_DEFAULT, H5P_DEFAULT),
              0);
  }
  EXPECT_FAILS_AT("again", "is a hard link back to the top-level graph");
}

// 24 levels, each linking the level below twice: 2^24 subgraph copies once
// flattened, from a file of a few kilobytes. Refused at the second link of
// the deepest level, long before any copy is made.
TEST_F(HostileFileTest, ExponentiallySharedSubgraphs) {
  {
    NirWriter w(path());
    hid_t file = w.handle();
    H5Gclose(H5Gcreate2(file, "pool", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    hid_t pool = H5Gopen2(file, "pool", H5P_DEFAULT);
    NirWriter::makeGraph(pool, "L0");
    for (int level = 1; level < 24; ++level) {
      std::string name = "L" + std::to_string(level);
      std::string below = "/pool/L" + std::to_string(level - 1);
      NirWriter::makeGraph(pool, name);
      for (const char *child : {"/nodes/x", "/nodes/y"})
        ASSERT_GE(H5Lcreate_hard(file, below.c_str(), file,
                                 ("/pool/" + name + child).c_str(), H5P_DEFAULT,
                                 H5P_DEFAULT),
                  0);
    }
    H5Gclose(pool);
    ASSERT_GE(H5Lcreate_hard(file, "/pool/L23", file, "/node/nodes/top",
                             H5P_DEFAULT, H5P_DEFAULT),
              0);
  }
  auto start = std::chrono::steady_clock::now();
  auto module = import(path());
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_FALSE(module);
  std::string deepest = "top";
  for (int level = 23; level > 1; --level)
    deepest += ".x";
  EXPECT_NE(errors.find("@" + deepest + ".y: node '" + deepest +
                        ".y' is the same HDF5 group as node '" + deepest +
                        ".x'"),
            std::string::npos)
      << errors;
  EXPECT_LT(seconds, 10.0);
}

TEST_F(HostileFileTest, MoreNodesThanTheLimit) {
  {
    NirWriter w(path());
    writeNetwork(w);
    // Links are cheap; the limit is checked on the count before any is
    // listed or opened.
    hid_t nodes = H5Gopen2(w.handle(), "/node/nodes", H5P_DEFAULT);
    for (int i = 0; i <= (1 << 17); ++i)
      ASSERT_GE(H5Lcreate_hard(nodes, "fc", nodes,
                               ("copy" + std::to_string(i)).c_str(),
                               H5P_DEFAULT, H5P_DEFAULT),
                0);
    H5Gclose(nodes);
  }
  EXPECT_FAILS_AT("node", "the top-level graph holds 131077 nodes, more "
                          "than the limit of 131072 (2^17) nodes per NIR "
                          "file");
}

// The extent a dataset declares is checked against the file before
// anything is allocated: these forged extents would make HDF5 allocate,
// and fill, hundreds of megabytes from a file of kilobytes.
/// Input(2) -> fc -> Output, fc's weight a (2, 12345) f32 array: its
/// dimension 12345 occurs nowhere else in the file as an 8-byte value.
void writeWideLinear(const std::string &file) {
  NirWriter w(file);
  w.node("", "in", "Input", {ints("shape", {1}, {2})});
  w.node("", "fc", "Linear",
         {arr("weight", {2, 12345}, std::vector<double>(2 * 12345, 0))});
  w.node("", "out", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"in", "fc"}, {"fc", "out"}});
}

TEST_F(HostileFileTest, ExtentBeyondTheFile) {
  writeWideLinear(path());
  ASSERT_GE(patchU64(path(), 12345, 5000000), 1);
  EXPECT_FAILS_AT("fc", "node 'fc': parameter 'weight' declares shape (2, "
                        "5000000) = 10000000 elements of 4 bytes (40000000 "
                        "bytes), but the whole file has only");
}

TEST_F(HostileFileTest, ExtentBeyondTheDatasetsStorage) {
  writeWideLinear(path());
  ASSERT_GE(patchU64(path(), 12345, 12346), 1);
  EXPECT_FAILS_AT("fc", "parameter 'weight' declares shape (2, 12346) = "
                        "24692 elements of 4 bytes (98768 bytes), but the "
                        "file stores only 98760 bytes for it");
}

TEST_F(HostileFileTest, EdgesBeyondTheirStorage) {
  // 4321 edges become 43210: 86420 heap references, 8642 stored (the
  // reproducer slow-import-nir-edges-declared-huge-38KB-1.4GB.nir made
  // HDF5 take 1.4 GB this way).
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    std::vector<std::pair<std::string, std::string>> edges(
        4321, std::make_pair("in", "out"));
    w.edges("", edges);
  }
  ASSERT_GE(patchU64(path(), 4321, 43210), 1);
  EXPECT_FAILS_AT("node", "dataset 'edges' of the top-level graph declares "
                          "shape (43210, 2) = 86420 elements of 16 bytes");
}

TEST_F(HostileFileTest, ChunkedDatasetAboveTheElementLimit) {
  {
    NirWriter w(path());
    writeNetwork(w);
    hid_t fc = H5Gopen2(w.handle(), "/node/nodes/fc", H5P_DEFAULT);
    H5Ldelete(fc, "weight", H5P_DEFAULT);
    // Chunked and never written: the file stays small, and a compressed
    // one could not be checked against the file's size anyway.
    hsize_t dims[1] = {300000000}, chunk[1] = {1 << 16};
    hid_t space = H5Screate_simple(1, dims, nullptr);
    hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(dcpl, 1, chunk);
    H5Pset_deflate(dcpl, 6);
    hid_t set = H5Dcreate2(fc, "weight", H5T_IEEE_F32LE, space, H5P_DEFAULT,
                           dcpl, H5P_DEFAULT);
    ASSERT_GE(set, 0);
    H5Dclose(set);
    H5Pclose(dcpl);
    H5Sclose(space);
    H5Gclose(fc);
  }
  EXPECT_FAILS_AT("fc", "parameter 'weight' declares shape (300000000) = "
                        "300000000 elements, more than the 16777216 (2^24) "
                        "snnc reads from one dataset");
}

TEST_F(HostileFileTest, GzipCompressedWeightImports) {
  {
    NirWriter w(path());
    writeNetwork(w);
    hid_t fc = H5Gopen2(w.handle(), "/node/nodes/fc", H5P_DEFAULT);
    H5Ldelete(fc, "weight", H5P_DEFAULT);
    hsize_t dims[2] = {2, 2}, chunk[2] = {1, 2};
    hid_t space = H5Screate_simple(2, dims, nullptr);
    hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(dcpl, 2, chunk);
    H5Pset_deflate(dcpl, 9);
    hid_t set = H5Dcreate2(fc, "weight", H5T_IEEE_F32LE, space, H5P_DEFAULT,
                           dcpl, H5P_DEFAULT);
    double eye[4] = {1, 0, 0, 1};
    H5Dwrite(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, eye);
    H5Dclose(set);
    H5Pclose(dcpl);
    H5Sclose(space);
    H5Gclose(fc);
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  EXPECT_EQ(weights(first<snn::LinearOp>(*module).getWeight()),
            (std::vector<float>{1, 0, 0, 1}));
}

// The reader sizes HDF5's type-conversion buffer to each dataset; it must
// still hold one element of types wider than a double or a heap reference.
TEST_F(HostileFileTest, WideElementsConvert) {
  {
    NirWriter w(path());
    writeNetwork(w);
    // lif's r as one 32-byte float (long double's bits, padded).
    hid_t lif = H5Gopen2(w.handle(), "/node/nodes/lif", H5P_DEFAULT);
    H5Ldelete(lif, "r", H5P_DEFAULT);
    hid_t wide = H5Tcopy(H5T_NATIVE_LDOUBLE);
    H5Tset_size(wide, 32);
    hid_t space = H5Screate(H5S_SCALAR);
    hid_t set = H5Dcreate2(lif, "r", wide, space, H5P_DEFAULT, H5P_DEFAULT,
                           H5P_DEFAULT);
    long double one = 1;
    H5Dwrite(set, H5T_NATIVE_LDOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, &one);
    H5Dclose(set);
    H5Tclose(wide);
    H5Gclose(lif);
    // fc's type as a fixed-length string of 300 bytes, NUL-padded.
    hid_t fc = H5Gopen2(w.handle(), "/node/nodes/fc", H5P_DEFAULT);
    H5Ldelete(fc, "type", H5P_DEFAULT);
    hid_t text = H5Tcopy(H5T_C_S1);
    H5Tset_size(text, 300);
    set = H5Dcreate2(fc, "type", text, space, H5P_DEFAULT, H5P_DEFAULT,
                     H5P_DEFAULT);
    std::string linear(300, '\0');
    linear.replace(0, 6, "Linear");
    H5Dwrite(set, text, H5S_ALL, H5S_ALL, H5P_DEFAULT, linear.data());
    H5Dclose(set);
    H5Tclose(text);
    H5Sclose(space);
    H5Gclose(fc);
  }
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  EXPECT_TRUE(first<snn::LinearOp>(*module));
  auto r =
      mlir::dyn_cast<mlir::FloatAttr>(first<snn::LIFOp>(*module).getRAttr());
  ASSERT_TRUE(r);
  EXPECT_EQ(r.getValueAsDouble(), 1.0);
}

TEST_F(HostileFileTest, MissingFile) {
  EXPECT_FALSE(import(path("missing")));
  EXPECT_NE(errors.find("cannot read '" + path("missing") +
                        "': No such file or directory"),
            std::string::npos)
      << errors;
}

TEST_F(HostileFileTest, Directory) {
  std::string dir = path("dir");
  ::rmdir(dir.c_str());
  ASSERT_EQ(::mkdir(dir.c_str(), 0700), 0);
  EXPECT_FALSE(import(dir));
  EXPECT_NE(errors.find("cannot read '" + dir + "': it is a directory"),
            std::string::npos)
      << errors;
  ::rmdir(dir.c_str());
}

// A FIFO with no writer used to block the probe until its 30 s alarm.
TEST_F(HostileFileTest, FifoIsRefusedAtOnce) {
  std::string fifo = path("fifo");
  ::unlink(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(import(fifo));
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_NE(errors.find("cannot read '" + fifo + "': it is not a regular file"),
            std::string::npos)
      << errors;
  EXPECT_LT(seconds, 5.0);
  ::unlink(fifo.c_str());
}

TEST_F(HostileFileTest, DeviceIsRefused) {
  EXPECT_FALSE(import("/dev/zero"));
  EXPECT_NE(errors.find("cannot read '/dev/zero': it is not a regular file"),
            std::string::npos)
      << errors;
}

} // namespace
