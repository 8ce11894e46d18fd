//===- ImageSections.h - The SFQ target's image section ---------*- C++ -*-===//
//
// sfq.netlist holds the chip: every cell (kind and its two parameters),
// every wire (the input port each output drives), which neuron cell is
// which neuron of which population, the pulse slot and input spacing in
// ticks, the cell library profile the timing comes from, and the total bias
// current (library bias of every cell plus each synapse's and neuron's own)
// that static power is priced on, and the library's timing of every cell
// kind, so that the engines need nothing but the image. The reader refuses a
// netlist that breaks a rule of docs/sfq.md §2, naming the wire.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SFQ_IMAGESECTIONS_H
#define SNNC_SFQ_IMAGESECTIONS_H

#include "snnc/image/Section.h"
#include "snnc/sfq/CellTiming.h"
#include "snnc/sfq/Netlist.h"

#include <array>

#include <string>
#include <vector>

namespace snnc::sfq {

inline constexpr const char *kTargetName = "sfq";
inline constexpr const char *kNetlistSection = "sfq.netlist";

struct NeuronSite {
  uint32_t population = 0;
  uint32_t index = 0;
  bool operator==(const NeuronSite &o) const {
    return population == o.population && index == o.index;
  }
};

struct NetlistSection : image::SectionData {
  Netlist netlist;
  /// One per neuron cell, in netlist order.
  std::vector<NeuronSite> neurons;
  uint64_t slotTicks = 1;
  uint64_t inputSpacingTicks = 0;
  /// Input element e of step s leaves at s x slot + (e x spacing) mod slot
  /// + this phase (docs/sfq.md §1).
  uint64_t inputPhaseTicks = 0;
  std::string cellLibrary;
  /// Sum of every cell's bias current, in nA (rounded).
  uint64_t biasNa = 0;
  /// The library's delays and windows, so that an image runs without the
  /// library it was compiled with; `modelled` is false for kinds the
  /// library lacks (no cell of such a kind may appear).
  TimingTable timing;
  std::array<bool, kNumCellKinds> modelled{};

  std::unique_ptr<image::SectionData> clone() const override;
  bool equals(const image::SectionData &other) const override;
};

/// Registers the codec of sfq.netlist (idempotent).
void registerImageSections();

} // namespace snnc::sfq

#endif // SNNC_SFQ_IMAGESECTIONS_H
