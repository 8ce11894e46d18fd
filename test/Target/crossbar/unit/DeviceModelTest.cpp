//===- DeviceModelTest.cpp - The crossbar model and its refusals ----------===//

#include "snnc/crossbar/DeviceModel.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace snnc::crossbar;

namespace {

nlohmann::json shipped() {
  return nlohmann::json::parse(defaultTargetModelText());
}

/// The message of refusing `overrides` on the shipped model.
std::string refusal(const nlohmann::json &overrides) {
  snnc::image::Expected<DeviceModel> m = readDeviceModel(shipped(), overrides);
  EXPECT_FALSE(m.ok()) << overrides.dump();
  return m ? "" : m.error().message();
}

TEST(CrossbarDeviceModel, ReadsTheShippedModel) {
  snnc::image::Expected<DeviceModel> m = readDeviceModel(shipped());
  ASSERT_TRUE(m.ok()) << m.error().message();
  EXPECT_EQ(m->tileRows, 256u);
  EXPECT_EQ(m->conductanceLevels, 16u);
  EXPECT_DOUBLE_EQ(m->gMax, 25e-6);
  EXPECT_EQ(m->adcBits, 5u);
  EXPECT_DOUBLE_EQ(m->levelStep(), (25e-6 - 0.5e-6) / 15);
}

TEST(CrossbarDeviceModel, OverridesReplaceFields) {
  snnc::image::Expected<DeviceModel> m = readDeviceModel(
      shipped(), {{"tile_rows", 512}, {"adc_bits", {{"value", 8}}}});
  ASSERT_TRUE(m.ok()) << m.error().message();
  EXPECT_EQ(m->tileRows, 512u);
  EXPECT_EQ(m->adcBits, 8u);
}

TEST(CrossbarDeviceModel, RefusesImpossibleValuesNamingTheField) {
  EXPECT_NE(refusal({{"g_min_s", 30e-6}})
                .find("field 'g_min_s' must be below g_max_s"),
            std::string::npos);
  EXPECT_NE(refusal({{"conductance_levels", 1}})
                .find("field 'conductance_levels' must be at least 2"),
            std::string::npos);
  EXPECT_NE(
      refusal({{"adc_bits", 0}}).find("field 'adc_bits' must lie in [1, 16]"),
      std::string::npos);
  EXPECT_NE(refusal({{"adc_bits", 17}}).find("it is 17"), std::string::npos);
  EXPECT_NE(refusal({{"sigma_program_s", -1e-6}}).find("no negative noise"),
            std::string::npos);
  EXPECT_NE(refusal({{"sigma_read_fraction", -0.1}}).find("no negative noise"),
            std::string::npos);
  EXPECT_NE(
      refusal({{"tile_rows", 100}})
          .find("field 'tile_rows' must be a positive power of two; it is 100"),
      std::string::npos);
  EXPECT_NE(refusal({{"tile_cols", 0}}).find("power of two"),
            std::string::npos);
  EXPECT_NE(refusal({{"tile_rows", -256}}).find("whole number"),
            std::string::npos);
  EXPECT_NE(refusal({{"tile_rows", 2.5}}).find("whole number"),
            std::string::npos);
  EXPECT_NE(refusal({{"tiles", 4}}).find("'tiles' is not a field"),
            std::string::npos);
  EXPECT_NE(refusal({{"g_max_s", "big"}}).find("must be a finite number"),
            std::string::npos);
  EXPECT_NE(refusal({{"tiles_per_chip", 0}}).find("at least 1"),
            std::string::npos);
  EXPECT_NE(
      refusal({{"formed_reservoir", 2}}).find("must be 0 (programmed) or 1"),
      std::string::npos);
  EXPECT_NE(refusal({{"formed_sigma_s", -1e-6}}).find("no negative spread"),
            std::string::npos);
}

TEST(CrossbarEnergyModel, EveryCoefficientHasANumberABasisAndASource) {
  std::ifstream in(SNNC_CROSSBAR_ENERGY_JSON);
  nlohmann::json model = nlohmann::json::parse(in);
  size_t checked = 0;
  for (const char *section : {"events", "static_w", "programming"})
    for (auto &[name, entry] : model.at(section).items()) {
      EXPECT_TRUE(entry.at("value").is_number()) << name;
      EXPECT_GE(entry.at("value").get<double>(), 0) << name;
      std::string basis = entry.at("basis").get<std::string>();
      EXPECT_TRUE(basis == "measured" || basis == "derived" ||
                  basis == "assumed")
          << name;
      EXPECT_GT(entry.at("source").get<std::string>().size(), 20u) << name;
      ++checked;
    }
  EXPECT_GE(checked, 9u);
  // The cell-read coefficient is V^2 t of the shipped target model.
  DeviceModel m = readDeviceModel(shipped()).value();
  EXPECT_DOUBLE_EQ(
      model["events"]["conductance_reads_ns"]["value"].get<double>(),
      m.readVoltage * m.readVoltage * m.readPulse * 1e-9);
}

} // namespace
