//===- CellLibraryTest.cpp - Cell libraries and the SFQ target model ------===//

#include "snnc/sfq/CellLibrary.h"
#include "snnc/Support/Json.h"
#include "snnc/sfq/TargetModel.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace snnc::sfq;

namespace {

nlohmann::json readFile(const std::string &name) {
  std::string path = std::string(SNNC_SFQ_DIR) + "/" + name;
  FILE *f = fopen(path.c_str(), "rb");
  std::string text;
  char buffer[4096];
  size_t n;
  while (f && (n = fread(buffer, 1, sizeof buffer, f)) > 0)
    text.append(buffer, n);
  if (f)
    fclose(f);
  return *snnc::parseJson(text).value;
}

TEST(CellLibrary, ColdFluxProfileReadsWithTicks) {
  auto lib = loadCellLibrary("coldflux-sfq5ee");
  ASSERT_TRUE(lib) << lib.error().message();
  const CellData &merge = (*lib)[CellKind::Merge];
  EXPECT_EQ(merge.jjs, 7u);
  EXPECT_EQ(*merge.biasUa, 708.0);
  EXPECT_EQ(merge.timing.delay[0], 90u);
  ASSERT_EQ(merge.timing.separations.size(), 4u);
  EXPECT_EQ(merge.timing.separations[1].after, 0);
  EXPECT_EQ(merge.timing.separations[1].on, 1);
  EXPECT_EQ(merge.timing.separations[1].ticks, 23u);
  EXPECT_EQ((*lib)[CellKind::Jtl].timing.delay[0], 35u);
  EXPECT_TRUE(lib->knowsBiasAndArea());
}

TEST(CellLibrary, PylseProfileHasNoNdroAndNoBias) {
  auto lib = loadCellLibrary("pylse");
  ASSERT_TRUE(lib) << lib.error().message();
  EXPECT_FALSE((*lib)[CellKind::Ndro].present);
  EXPECT_EQ((*lib)[CellKind::Jtl].timing.delay[0], 57u);
  EXPECT_FALSE((*lib)[CellKind::Merge].biasUa.has_value());
  EXPECT_FALSE(lib->knowsBiasAndArea());
}

TEST(CellLibrary, MissingFieldIsNamed) {
  nlohmann::json doc = readFile("cells-coldflux-sfq5ee.json");
  doc["cells"]["merge"].erase("bias_ua");
  auto lib = readCellLibrary(doc, "cells.json");
  ASSERT_FALSE(lib);
  EXPECT_EQ(lib.error().message(),
            "cells.json: cell 'merge' has no field 'bias_ua'");
  doc = readFile("cells-coldflux-sfq5ee.json");
  doc["cells"].erase("split");
  lib = readCellLibrary(doc, "cells.json");
  ASSERT_FALSE(lib);
  EXPECT_NE(lib.error().message().find("cell 'split' is missing"),
            std::string::npos);
}

TEST(CellLibrary, BadValuesAreRefused) {
  nlohmann::json doc = readFile("cells-coldflux-sfq5ee.json");
  doc["cells"]["jtl"]["delay_ps"]["q"] = 0.0;
  auto lib = readCellLibrary(doc, "c");
  ASSERT_FALSE(lib);
  EXPECT_NE(lib.error().message().find("at least one 100 fs tick"),
            std::string::npos);
  doc = readFile("cells-coldflux-sfq5ee.json");
  doc["cells"]["merge"]["separations_ps"][0]["on"] = "clk";
  lib = readCellLibrary(doc, "c");
  ASSERT_FALSE(lib);
  EXPECT_NE(lib.error().message().find("the inputs of merge are a, b"),
            std::string::npos);
  doc = readFile("cells-coldflux-sfq5ee.json");
  doc["cells"]["dff"]["jjs"] = -3;
  lib = readCellLibrary(doc, "c");
  ASSERT_FALSE(lib);
  EXPECT_NE(lib.error().message().find("'jjs' is -3"), std::string::npos);
}

TEST(CellLibrary, EveryCounterClassIsPricedOnce) {
  // energy.json is generated from the library; gen_energy.py --check keeps
  // them in sync, and every class the engines count must be priced.
  nlohmann::json energy = readFile("energy.json");
  for (const char *name :
       {"neuron_updates", "synaptic_events", "merge_collisions",
        "pulse_collisions", "setup_violations", "synapse_passes",
        "neuron_fires", "and2_clocks_both"})
    EXPECT_TRUE(energy["events"].contains(name)) << name;
}

TEST(TargetModel, DefaultsAndOverrides) {
  nlohmann::json target = readFile("target.json");
  auto m = readTargetModel(target, nlohmann::json::object());
  ASSERT_TRUE(m) << m.error().message();
  EXPECT_EQ(m->slotTicks(), 1000u);
  EXPECT_EQ(m->inputSpacingTicks(), 102u);
  std::string field;
  auto bad = readTargetModel(target, {{"loop_inductance_ph", 0}}, &field);
  ASSERT_FALSE(bad);
  EXPECT_EQ(field, "loop_inductance_ph");
  EXPECT_NE(bad.error().message().find("is 0 pH"), std::string::npos);
  bad = readTargetModel(target, {{"output_ic_ua", -5}}, &field);
  ASSERT_FALSE(bad);
  EXPECT_EQ(field, "output_ic_ua");
  bad = readTargetModel(target, {{"synapse_mode", "exact"}}, &field);
  ASSERT_FALSE(bad);
  EXPECT_EQ(field, "synapse_mode");
  bad = readTargetModel(target, {{"no_such_field", 1}}, &field);
  ASSERT_FALSE(bad);
  EXPECT_EQ(field, "no_such_field");
}

TEST(TargetModel, NormalQuantileInvertsTheCdf) {
  for (double p : {1e-9, 1e-5, 0.01, 0.3, 0.5, 0.77, 0.99, 0.99999})
    EXPECT_NEAR(normalCdf(normalQuantile(p)), p, 1e-12) << p;
}

TEST(TargetModel, SynapseBiasIsTheNearestCodeAndTheOffsetShiftsIt) {
  nlohmann::json target = readFile("target.json");
  auto m = readTargetModel(target, nlohmann::json::object());
  ASSERT_TRUE(m);
  SynapseBias half = synapseBiasFor(*m, 0.5);
  // I50 = 140 uA lies between codes 127 (139.98) and 128 (140.05).
  EXPECT_TRUE(half.code == 127u || half.code == 128u) << half.code;
  EXPECT_NEAR(half.p, 0.5, 0.013);
  SynapseBias top = synapseBiasFor(*m, 1.0);
  EXPECT_EQ(top.code, 255u);
  EXPECT_NEAR(top.p, normalCdf(4.0), 1e-12);
  EXPECT_EQ(top.threshold, uint32_t(std::round(top.p * 4294967296.0)));
  auto shifted = readTargetModel(target, {{"synapse_bias_offset_ua", -8.0}});
  ASSERT_TRUE(shifted);
  SynapseBias low = synapseBiasFor(*shifted, 1.0);
  EXPECT_EQ(low.code, 255u);
  EXPECT_NEAR(low.p, 0.5, 1e-12);
}

TEST(TargetModel, ThresholdFromLoopInductance) {
  nlohmann::json target = readFile("target.json");
  auto m = readTargetModel(target, nlohmann::json::object());
  ASSERT_TRUE(m);
  double phi0 = 2.067833848e-15;
  EXPECT_EQ(maxTheta(*m, phi0), 24u);
  for (uint64_t theta : {1u, 3u, 24u}) {
    double bias = neuronBiasUa(*m, theta, phi0);
    double fluxon = phi0 / 200e-12 * 1e6;
    EXPECT_EQ(uint64_t(std::ceil((m->outputIcUa - bias) / fluxon - 1e-9)),
              theta);
  }
}

} // namespace
