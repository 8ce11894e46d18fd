//===- OutsideFileTest.cpp - NIR import reads nothing outside the file ----===//
//
// HDF5 can store a dataset's bytes in another file (external storage,
// virtual datasets), link to objects in other files (external links) and
// run plug-in filters. Each would let a NIR file from someone else read
// local files into a network; the importer refuses them, naming the node
// and the dataset. The fixtures are written here with the HDF5 C API.
//
//===----------------------------------------------------------------------===//

#include "ImportFixture.h"

#include <fstream>

using namespace nirtest;

namespace {

/// Input(2) -> fc (Linear, identity weight) -> lif -> Output.
class OutsideFileTest : public ImportTest {
protected:
  void writeNetwork() {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {1}, {2})});
    w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
    w.node("", "lif", "LIF",
           {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0}),
            vec("v_threshold", {1, 1})});
    w.node("", "out", "Output", {ints("shape", {1}, {2})});
    w.edges("", {{"in", "fc"}, {"fc", "lif"}, {"lif", "out"}});
  }

  /// A secret beside the fixture: 16 bytes that must never reach a network.
  std::string writeSecret() {
    std::string secret = path("secret");
    std::ofstream(secret, std::ios::binary) << "root:x:0:0:root:";
    return secret;
  }

  /// An HDF5 file holding a 2x2 f32 dataset "/w" of ones.
  std::string writeSource() {
    std::string source = path("source");
    hid_t file =
        H5Fcreate(source.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    hsize_t dims[2] = {2, 2};
    hid_t space = H5Screate_simple(2, dims, nullptr);
    hid_t set = H5Dcreate2(file, "w", H5T_IEEE_F32LE, space, H5P_DEFAULT,
                           H5P_DEFAULT, H5P_DEFAULT);
    double ones[4] = {1, 1, 1, 1};
    H5Dwrite(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, ones);
    H5Dclose(set);
    H5Sclose(space);
    H5Fclose(file);
    return source;
  }

  /// Replaces fc's weight by a 2x2 f32 dataset made with `dcpl`.
  void replaceWeight(hid_t dcpl) {
    withNode("fc", [&](hid_t fc) {
      H5Ldelete(fc, "weight", H5P_DEFAULT);
      hsize_t dims[2] = {2, 2};
      hid_t space = H5Screate_simple(2, dims, nullptr);
      hid_t set = H5Dcreate2(fc, "weight", H5T_IEEE_F32LE, space, H5P_DEFAULT,
                             dcpl, H5P_DEFAULT);
      ASSERT_GE(set, 0);
      H5Dclose(set);
      H5Sclose(space);
    });
  }

  /// Reopens the network and hands `edit` the group of node `name`.
  template <typename Edit> void withNode(const char *name, Edit edit) {
    hid_t file = H5Fopen(path().c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(file, 0);
    hid_t nodes = H5Gopen2(file, "/node/nodes", H5P_DEFAULT);
    hid_t node = H5Gopen2(nodes, name, H5P_DEFAULT);
    edit(node);
    H5Gclose(node);
    H5Gclose(nodes);
    H5Fclose(file);
  }

  /// Imports the fixture and expects a refusal at `node` mentioning `text`.
  void expectRefused(const std::string &node, const std::string &text) {
    auto module = import(path());
    EXPECT_FALSE(module);
    EXPECT_NE(errors.find("@" + node + ": "), std::string::npos) << errors;
    EXPECT_NE(errors.find(text), std::string::npos) << errors;
    EXPECT_EQ(errors.find("root:x"), std::string::npos) << errors;
  }
};

TEST_F(OutsideFileTest, PlainNetworkImports) {
  writeNetwork();
  EXPECT_TRUE(import(path())) << errors;
}

TEST_F(OutsideFileTest, ExternalStorage) {
  writeNetwork();
  std::string secret = writeSecret();
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  ASSERT_GE(H5Pset_external(dcpl, secret.c_str(), 0, 16), 0);
  replaceWeight(dcpl);
  H5Pclose(dcpl);
  expectRefused("fc", "dataset 'weight' is stored outside the file (HDF5 "
                      "external storage in '" +
                          secret + "')");
}

TEST_F(OutsideFileTest, VirtualDataset) {
  writeNetwork();
  std::string source = writeSource();
  hsize_t dims[2] = {2, 2};
  hid_t space = H5Screate_simple(2, dims, nullptr);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  ASSERT_GE(H5Pset_virtual(dcpl, space, source.c_str(), "w", space), 0);
  replaceWeight(dcpl);
  H5Pclose(dcpl);
  H5Sclose(space);
  expectRefused("fc", "dataset 'weight' is an HDF5 virtual dataset");
}

TEST_F(OutsideFileTest, ExternalLinkToAParameter) {
  writeNetwork();
  std::string source = writeSource();
  withNode("fc", [&](hid_t fc) {
    H5Ldelete(fc, "weight", H5P_DEFAULT);
    ASSERT_GE(H5Lcreate_external(source.c_str(), "w", fc, "weight", H5P_DEFAULT,
                                 H5P_DEFAULT),
              0);
  });
  expectRefused("fc", "'weight' is an external link to '" + source + ":w'");
}

TEST_F(OutsideFileTest, ExternalLinkAsANode) {
  writeNetwork();
  std::string source = writeSource();
  hid_t file = H5Fopen(path().c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  ASSERT_GE(H5Lcreate_external(source.c_str(), "/", file, "/node/nodes/x",
                               H5P_DEFAULT, H5P_DEFAULT),
            0);
  H5Fclose(file);
  expectRefused("x", "node 'x' of the top-level graph is an external link");
}

TEST_F(OutsideFileTest, SoftLink) {
  writeNetwork();
  withNode("fc", [&](hid_t fc) {
    H5Ldelete(fc, "weight", H5P_DEFAULT);
    ASSERT_GE(H5Lcreate_soft("/node/nodes/lif/r", fc, "weight", H5P_DEFAULT,
                             H5P_DEFAULT),
              0);
  });
  expectRefused("fc", "'weight' is a soft link");
}

TEST_F(OutsideFileTest, PluginFilter) {
  writeNetwork();
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  hsize_t chunk[2] = {2, 2};
  ASSERT_GE(H5Pset_chunk(dcpl, 2, chunk), 0);
  // LZF (32000) is a plug-in, unknown to this HDF5; optional lets HDF5
  // create the dataset without it.
  ASSERT_GE(H5Pset_filter(dcpl, 32000, H5Z_FLAG_OPTIONAL, 0, nullptr), 0);
  replaceWeight(dcpl);
  H5Pclose(dcpl);
  expectRefused("fc", "dataset 'weight' uses HDF5 filter 32000");
}

TEST_F(OutsideFileTest, BuiltinFiltersImport) {
  writeNetwork();
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  hsize_t chunk[2] = {2, 2};
  ASSERT_GE(H5Pset_chunk(dcpl, 2, chunk), 0);
  ASSERT_GE(H5Pset_shuffle(dcpl), 0);
  ASSERT_GE(H5Pset_deflate(dcpl, 6), 0);
  ASSERT_GE(H5Pset_fletcher32(dcpl), 0);
  withNode("fc", [&](hid_t fc) {
    H5Ldelete(fc, "weight", H5P_DEFAULT);
    hsize_t dims[2] = {2, 2};
    hid_t space = H5Screate_simple(2, dims, nullptr);
    hid_t set = H5Dcreate2(fc, "weight", H5T_IEEE_F32LE, space, H5P_DEFAULT,
                           dcpl, H5P_DEFAULT);
    double eye[4] = {1, 0, 0, 1};
    H5Dwrite(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, eye);
    H5Dclose(set);
    H5Sclose(space);
  });
  H5Pclose(dcpl);
  EXPECT_TRUE(import(path())) << errors;
}

TEST_F(OutsideFileTest, ExternalEdges) {
  writeNetwork();
  std::string secret = writeSecret();
  hid_t file = H5Fopen(path().c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  H5Ldelete(file, "/node/edges", H5P_DEFAULT);
  hsize_t dims[2] = {1, 2};
  hid_t space = H5Screate_simple(2, dims, nullptr);
  hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, 8);
  hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
  H5Pset_external(dcpl, secret.c_str(), 0, 16);
  hid_t set = H5Dcreate2(file, "/node/edges", type, space, H5P_DEFAULT, dcpl,
                         H5P_DEFAULT);
  EXPECT_GE(set, 0);
  H5Dclose(set);
  H5Pclose(dcpl);
  H5Tclose(type);
  H5Sclose(space);
  H5Fclose(file);
  expectRefused("node", "dataset 'edges' of the top-level graph is stored "
                        "outside the file");
}

} // namespace
