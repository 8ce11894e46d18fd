//===- UnitDriver.cpp - Drives one crossbar unit through a step -----------===//

#include "UnitDriver.h"

#include "UnitMap.h"

#include <cstdio>

namespace snnc::crossbar::rtl {

namespace {
std::string hex(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}
} // namespace

UnitDriver::UnitDriver(std::unique_ptr<XbarUnitModel> model,
                       const UnitTable &table, AnalogArray &array)
    : model(std::move(model)), table(table), array(array) {
  neuronBound = 16 * uint64_t(table.neurons) + 64;
  packetBound = uint64_t(table.tiles.size()) + 16;
  readBound = 64;
  // A digital read adds one weight per cycle of its driven rows.
  for (const UnitTile &t : table.tiles)
    readBound += t.digital ? uint64_t(t.rowCount) * t.cols + t.cols + 8
                           : uint64_t(table.readCycles) + t.cols + 8;
}

void UnitDriver::tick(const XbarInputs &in) {
  if (tracing)
    model->setTracing(true, traceBase + now);
  model->tick(in);
  ++now;
  ++clocked;
}

image::Status UnitDriver::fail(uint64_t step, const std::string &what) const {
  return image::ImageError{"", "rtl: " + table.label + " step " +
                                   std::to_string(step) + ": " + what};
}

image::Status UnitDriver::check(uint64_t step) const {
  const XbarOutputs &out = model->outputs();
  if (out.errCode == unit::ErrNone)
    return image::Status::success();
  return fail(step, unit::describeError(out.errCode) + " (info " +
                        hex(out.errInfo) + ")");
}

image::Status
UnitDriver::load(const std::vector<std::pair<uint32_t, uint32_t>> &writes) {
  XbarInputs in;
  in.cfgWe = true;
  for (const auto &[address, data] : writes) {
    in.cfgAddr = address;
    in.cfgData = data;
    model->tick(in);
  }
  model->tick(XbarInputs());
  if (image::Status st = check(0); !st)
    return image::ImageError{"", st.error().what + " while loading"};
  return image::Status::success();
}

image::Status UnitDriver::clear() {
  XbarInputs in;
  in.cmdValid = true;
  in.cmd = unit::CmdClear;
  model->tick(in);
  uint64_t limit =
      uint64_t(unit::kRingWords) + unit::kMaxNeurons + unit::kMaxTiles + 64;
  for (uint64_t n = 0; model->outputs().busy; ++n) {
    if (n > limit)
      return fail(0, "the clear did not finish within " +
                         std::to_string(limit) + " cycles");
    model->tick(XbarInputs());
  }
  return check(0);
}

image::Status UnitDriver::neuronPhase(uint64_t step, std::vector<Spike> &spikes,
                                      std::vector<Record> &records) {
  now = 0;
  XbarInputs in;
  in.cmdValid = true;
  in.cmd = unit::CmdNeuron;
  in.cmdStep = static_cast<uint32_t>(step);
  tick(in);
  const XbarInputs idle;
  const XbarOutputs &out = model->outputs();
  while (true) {
    if (image::Status st = check(step); !st)
      return st;
    // The driver takes every spike packet and readout the cycle it shows.
    if (out.spikeValid)
      spikes.push_back({out.spikeKey, now});
    if (out.recValid)
      records.push_back({out.recIdx, out.recV});
    if (!out.busy)
      break;
    if (now > neuronBound)
      return fail(step, "the neuron phase did not finish within " +
                            std::to_string(neuronBound) + " cycles");
    tick(idle);
  }
  return image::Status::success();
}

image::Status UnitDriver::serve(uint64_t step, XbarInputs &in) {
  const XbarOutputs &out = model->outputs();
  // A digital tile is read from the unit's own memory, never the array.
  auto digital = [&](bool asked, uint32_t tile, const char *what) {
    return asked && array.isDigital(tile)
               ? fail(step, std::string("the unit ") + what +
                                " of digital tile " + std::to_string(tile) +
                                ", which has no array")
               : image::Status::success();
  };
  if (image::Status st = digital(out.rowValid, out.rowTile, "drove a row"); !st)
    return st;
  if (image::Status st =
          digital(out.readStart, out.readTile, "sent a read pulse");
      !st)
    return st;
  if (out.rowValid && !array.drive(out.rowTile, out.row))
    return fail(step, "drove row " + std::to_string(out.row) + " of tile " +
                          std::to_string(out.rowTile) +
                          ", which the array does not have");
  if (out.readStart && !array.read(out.readTile, step))
    return fail(step, "read tile " + std::to_string(out.readTile) +
                          " with no row driven");
  in.adcSample = 0;
  if (out.adcReq && !array.sample(out.adcCol, in.adcSample))
    return fail(step, "asked for column " + std::to_string(out.adcCol) +
                          " of tile " + std::to_string(out.readTile) +
                          ", which the array does not have");
  return image::Status::success();
}

image::Status UnitDriver::synapsePhase(uint64_t step,
                                       const std::vector<Arrival> &packets) {
  if (packets.empty())
    return image::Status::success();
  const XbarOutputs &out = model->outputs();
  size_t next = 0;
  uint64_t sincePush = 0;
  XbarInputs in;
  // Packets: each drives the word lines of the tiles it matches. The
  // array sees the unit's outputs once per cycle, after its edge.
  while (true) {
    if (image::Status st = check(step); !st)
      return st;
    bool ready = next < packets.size() && packets[next].cycle <= now;
    if (!out.busy && !ready) {
      if (next == packets.size())
        break;
      // Idle until the next packet arrives: nothing to clock.
      now = packets[next].cycle;
      continue;
    }
    in.pktPush = ready && !out.pktInFull;
    in.pktKey = in.pktPush ? packets[next].key : 0;
    tick(in);
    if (image::Status st = serve(step, in); !st)
      return st;
    if (in.pktPush) {
      ++next;
      sincePush = 0;
    } else if (++sincePush > packetBound * (unit::kFifoDepth + 2)) {
      return fail(step, "packets were not absorbed within " +
                            std::to_string(sincePush) + " cycles");
    }
  }
  // The read: every tile with a driven row, through the ADC interface.
  in = XbarInputs();
  in.cmdValid = true;
  in.cmd = unit::CmdRead;
  in.cmdStep = static_cast<uint32_t>(step);
  tick(in);
  ++readClocked;
  in = XbarInputs();
  if (image::Status st = serve(step, in); !st)
    return st;
  for (uint64_t n = 0;; ++n) {
    if (image::Status st = check(step); !st)
      return st;
    if (!out.busy)
      break;
    if (n > readBound)
      return fail(step, "the tile reads did not finish within " +
                            std::to_string(readBound) + " cycles");
    tick(in);
    ++readClocked;
    if (image::Status st = serve(step, in); !st)
      return st;
  }
  return image::Status::success();
}

} // namespace snnc::crossbar::rtl
