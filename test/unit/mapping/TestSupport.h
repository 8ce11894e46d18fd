//===- TestSupport.h - Shared targets and helpers ---------------*- C++ -*-===//

#ifndef SNNC_TEST_UNIT_MAPPING_TESTSUPPORT_H
#define SNNC_TEST_UNIT_MAPPING_TESTSUPPORT_H

#include "snnc/mapping/Mapper.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

namespace snnc::mapping::test {

inline const char *spinnaker2Path() { return SNNC_SPINNAKER2_TARGET; }
inline const char *spinnaker2LayoutPath() { return SNNC_SPINNAKER2_LAYOUT; }

inline nlohmann::json spinnaker2Layout() {
  std::ifstream in(spinnaker2LayoutPath());
  return nlohmann::json::parse(in);
}

inline nlohmann::json spinnaker2Json() {
  std::ifstream in(spinnaker2Path());
  return nlohmann::json::parse(in);
}

/// The SpiNNaker2 model with `overrides` applied as a --target-config.
inline TargetModel
spinnaker2(const nlohmann::json &overrides = nlohmann::json::object()) {
  return targetModelFromJson(spinnaker2Layout(), spinnaker2Json(),
                             overrides.empty() ? nullptr : &overrides,
                             "spinnaker2");
}

/// One chip with a cols x rows grid of single-PE clusters, so that every
/// PE pair has a distinct NoC distance.
inline TargetModel gridChip(int cols, int rows) {
  nlohmann::json o = {
      {"pes_per_chip", cols * rows},
      {"mesh",
       {{"pes_per_qpe", 1},
        {"qpes_per_chip", cols * rows},
        {"chip_mesh", {cols, rows}},
        {"qpe_grid_holes", nlohmann::json::array()}}},
      {"board", {{"chips_per_board", 1}, {"board_chip_coordinates", {{0, 0}}}}},
  };
  return spinnaker2(o);
}

/// `chips` chips in a row along x, each a 2 x 2 grid of single-PE clusters.
inline TargetModel chipRow(int chips) {
  nlohmann::json coords = nlohmann::json::array();
  for (int x = 0; x < chips; ++x)
    coords.push_back({x, 0});
  nlohmann::json o = {
      {"pes_per_chip", 4},
      {"mesh",
       {{"pes_per_qpe", 1},
        {"qpes_per_chip", 4},
        {"chip_mesh", {2, 2}},
        {"qpe_grid_holes", nlohmann::json::array()}}},
      {"board",
       {{"chips_per_board", chips}, {"board_chip_coordinates", coords}}},
  };
  return spinnaker2(o);
}

/// Deterministic pseudo-random numbers for building test graphs.
inline uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

} // namespace snnc::mapping::test

#endif // SNNC_TEST_UNIT_MAPPING_TESTSUPPORT_H
