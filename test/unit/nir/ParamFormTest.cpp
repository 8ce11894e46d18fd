//===- ParamFormTest.cpp - NIR values in the wrong form, named as such ----===//
//
// A parameter stored as a string or a group, a shape entry beyond the
// limit, a Flatten dimension out of range and an unknown NIR version are
// refused with a message that says what the value is and what is allowed;
// an unknown dataset (a misspelled optional parameter) is imported with a
// warning naming it.
//
//===----------------------------------------------------------------------===//

#include "ImportFixture.h"

#include <fstream>

using namespace nirtest;

namespace {

using ParamFormTest = ImportTest;

#define EXPECT_FAILS_AT(node, text)                                            \
  do {                                                                         \
    auto module = import(path());                                              \
    EXPECT_FALSE(module);                                                      \
    EXPECT_NE(errors.find(std::string("@") + node + ": "), std::string::npos)  \
        << errors;                                                             \
    EXPECT_NE(errors.find(text), std::string::npos) << errors;                 \
  } while (false)

std::vector<Param> lifParams() {
  return {vec("tau", {0.01, 0.01}), vec("r", {1, 1}), vec("v_leak", {0, 0}),
          vec("v_threshold", {1, 1})};
}

/// Input(2) -> fc -> lif -> Output, lif with `lif` parameters.
void writeNetwork(const std::string &file, std::vector<Param> lif,
                  std::vector<double> inShape = {2}) {
  NirWriter w(file);
  w.node("", "in", "Input",
         {ints("shape", {int64_t(inShape.size())}, inShape)});
  w.node("", "fc", "Linear", {arr("weight", {2, 2}, {1, 0, 0, 1})});
  w.node("", "lif", "LIF", lif);
  w.node("", "out", "Output", {ints("shape", {1}, {2})});
  w.edges("", {{"in", "fc"}, {"fc", "lif"}, {"lif", "out"}});
}

/// Reopens `file` and hands `edit` the group at `group`.
template <typename Edit>
void withGroup(const std::string &file, const char *group, Edit edit) {
  hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(f, 0);
  hid_t g = H5Gopen2(f, group, H5P_DEFAULT);
  ASSERT_GE(g, 0);
  edit(g);
  H5Gclose(g);
  H5Fclose(f);
}

TEST_F(ParamFormTest, RequiredParameterStoredAsString) {
  std::vector<Param> lif = lifParams();
  lif[0] = str("tau", "0.01");
  writeNetwork(path(), lif);
  EXPECT_FAILS_AT("lif", "node 'lif' (LIF): parameter 'tau' is a string "
                         "('0.01'), not a number or numeric array");
}

TEST_F(ParamFormTest, OptionalParameterStoredAsString) {
  // An optional parameter in the wrong form would otherwise silently take
  // its default.
  std::vector<Param> lif = lifParams();
  lif.push_back(str("v_reset", "-0.5"));
  writeNetwork(path(), lif);
  EXPECT_FAILS_AT("lif", "parameter 'v_reset' is a string ('-0.5')");
}

TEST_F(ParamFormTest, ParameterStoredAsGroup) {
  std::vector<Param> lif = lifParams();
  lif.erase(lif.begin() + 1); // r
  writeNetwork(path(), lif);
  withGroup(path(), "/node/nodes/lif", [](hid_t lif) {
    H5Gclose(H5Gcreate2(lif, "r", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  });
  EXPECT_FAILS_AT("lif", "node 'lif' (LIF): parameter 'r' is a group, not a "
                         "numeric array");
}

TEST_F(ParamFormTest, ShapeStoredAsString) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {str("shape", "(2,)")});
    w.node("", "out", "Output");
    w.edges("", {{"in", "out"}});
  }
  EXPECT_FAILS_AT("in", "node 'in' (Input): parameter 'shape' is a string "
                        "('(2,)')");
}

TEST_F(ParamFormTest, ShapeEntryAboveTheLimit) {
  writeNetwork(path(), lifParams(), {2147483648.0});
  EXPECT_FAILS_AT("in", "node 'in' (Input): shape entry 2147483648 exceeds "
                        "the limit of 1073741824 (2^30) per dimension");
}

TEST_F(ParamFormTest, ShapeAboveTheElementLimit) {
  writeNetwork(path(), lifParams(), {65536, 65536});
  EXPECT_FAILS_AT("in", "shape (65536, 65536) has 4294967296 elements, more "
                        "than the limit of 268435456 (2^28)");
}

TEST_F(ParamFormTest, FlattenDimensionOutOfRange) {
  {
    NirWriter w(path());
    w.node("", "in", "Input", {ints("shape", {3}, {2, 2, 2})});
    w.node("", "flat", "Flatten",
           {ints("start_dim", {}, {-100}), ints("end_dim", {}, {-1})});
    w.node("", "fc", "Linear",
           {arr("weight", {1, 8}, std::vector<double>(8, 1))});
    w.node("", "lif", "LIF",
           {vec("tau", {0.01}), vec("r", {1}), vec("v_leak", {0}),
            vec("v_threshold", {1})});
    w.node("", "out", "Output", {ints("shape", {1}, {1})});
    w.edges("",
            {{"in", "flat"}, {"flat", "fc"}, {"fc", "lif"}, {"lif", "out"}});
  }
  EXPECT_FAILS_AT("flat", "node 'flat' (Flatten): 'start_dim' = -100 is "
                          "outside [-3, 2], the dimensions of shape (2, 2, "
                          "2) from 'in'");
}

/// Rewrites the file's `version` dataset.
void setVersion(const std::string &file, const std::string &version) {
  hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  ASSERT_GE(f, 0);
  H5Ldelete(f, "version", H5P_DEFAULT);
  NirWriter::writeString(f, "version", version);
  H5Fclose(f);
}

TEST_F(ParamFormTest, KnownVersionsImport) {
  for (const char *version : {"0.1.1", "0.2.0", "1.0.0", "1.0.4", "1"}) {
    writeNetwork(path(), lifParams());
    setVersion(path(), version);
    EXPECT_TRUE(import(path())) << version << ": " << errors;
  }
}

TEST_F(ParamFormTest, UnknownMajorVersion) {
  writeNetwork(path(), lifParams());
  setVersion(path(), "99.0");
  EXPECT_FALSE(import(path()));
  EXPECT_NE(errors.find("the file is NIR version '99.0', a major version "
                        "snnc does not know; snnc reads NIR versions 0.x and "
                        "1.x"),
            std::string::npos)
      << errors;
}

TEST_F(ParamFormTest, EmptyVersion) {
  writeNetwork(path(), lifParams());
  setVersion(path(), "");
  EXPECT_FALSE(import(path()));
  EXPECT_NE(errors.find("dataset 'version' is empty; snnc reads NIR versions "
                        "0.x and 1.x"),
            std::string::npos)
      << errors;
}

TEST_F(ParamFormTest, VersionThatIsNoNumber) {
  writeNetwork(path(), lifParams());
  setVersion(path(), "latest");
  EXPECT_FALSE(import(path()));
  EXPECT_NE(errors.find("dataset 'version' holds 'latest', which is not a "
                        "NIR version number"),
            std::string::npos)
      << errors;
}

TEST_F(ParamFormTest, MisspelledOptionalParameterWarns) {
  std::vector<Param> lif = lifParams();
  lif.push_back(vec("v_rest", {-0.5, -0.5}));
  writeNetwork(path(), lif);
  auto module = import(path());
  ASSERT_TRUE(module) << errors;
  EXPECT_NE(errors.find("@lif: node 'lif' (LIF): ignores dataset 'v_rest', "
                        "which LIF does not define (its parameters: tau, "
                        "tau_mem, r, v_leak, v_threshold, v_reset)"),
            std::string::npos)
      << errors;
  EXPECT_FALSE(first<snn::LIFOp>(*module).getVResetAttr());
}

TEST_F(ParamFormTest, NIR1GroupsAreNotWarnedAbout) {
  // NIR 1.0 writes input_type, output_type and metadata as groups.
  writeNetwork(path(), lifParams());
  withGroup(path(), "/node/nodes/lif", [](hid_t lif) {
    for (const char *name : {"input_type", "output_type", "metadata"})
      H5Gclose(H5Gcreate2(lif, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
  });
  ASSERT_TRUE(import(path())) << errors;
  EXPECT_EQ(errors, "");
}

TEST_F(ParamFormTest, SamplesImportWithoutWarnings) {
  const char *samples[] = {"two_lif_neurons.nir", "lif_rockpool.nir",
                           "braille_noDelay_bias_zero.nir",
                           "braille_noDelay_bias_zero_subgraph_repaired.nir",
                           "cnn_sinabs.nir"};
  if (!std::ifstream(std::string(SNNC_NIR_SAMPLES) + "/two_lif_neurons.nir"))
    GTEST_SKIP() << "the sample NIR files (../shared/nir) are not beside the "
                    "repository";
  for (const char *sample : samples) {
    EXPECT_TRUE(import(std::string(SNNC_NIR_SAMPLES) + "/" + sample))
        << sample << ": " << errors;
    EXPECT_EQ(errors, "") << sample;
  }
}

} // namespace
