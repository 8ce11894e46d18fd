//===- PeDriver.cpp - Drives one PE model through a time step -------------===//

#include "PeDriver.h"

#include <cstdio>

namespace snnc::rtl {

namespace {
std::string hex(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}
} // namespace

PeDriver::PeDriver(std::unique_ptr<PeModel> model, std::string label,
                   uint32_t watchdog, uint32_t fifoDepth)
    : model(std::move(model)), label(std::move(label)), watchdog(watchdog),
      fifoDepth(fifoDepth) {}

void PeDriver::tick(const PeInputs &in) {
  if (tracing)
    model->setTracing(true, traceBase + now);
  model->tick(in);
  ++now;
  ++clocked;
}

image::Status PeDriver::check(uint64_t step) const {
  const PeOutputs &out = model->outputs();
  if (out.errCode == pe::ErrNone)
    return image::Status::success();
  return image::ImageError{"", "rtl: " + label + " step " +
                                   std::to_string(step) + ": " +
                                   pe::describeError(out.errCode) + " (info " +
                                   hex(out.errInfo) + ")"};
}

image::Status PeDriver::timeout(uint64_t step, const char *phase) const {
  return image::ImageError{"", "rtl: " + label + " step " +
                                   std::to_string(step) + ": the " + phase +
                                   " made no progress within the watchdog "
                                   "bound of " +
                                   std::to_string(watchdog) + " cycles"};
}

image::Status
PeDriver::load(const std::vector<std::pair<uint32_t, uint32_t>> &writes,
               std::optional<std::pair<uint64_t, uint32_t>> flip) {
  uint32_t crc = pe::kCrcInit;
  PeInputs in;
  in.cfgWe = true;
  for (uint64_t i = 0; i < writes.size(); ++i) {
    in.cfgAddr = writes[i].first;
    in.cfgData = writes[i].second;
    crc = pe::crc32Word(pe::crc32Word(crc, in.cfgAddr), in.cfgData);
    if (flip && flip->first == i)
      in.cfgData ^= flip->second;
    model->tick(in);
  }
  model->tick(PeInputs());
  if (image::Status st = check(0); !st)
    return image::ImageError{"", st.error().what + " while loading tables"};
  const PeOutputs &out = model->outputs();
  if (out.crc != crc)
    return image::ImageError{
        "", "rtl: " + label +
                ": table load failed its CRC-32 check: the PE "
                "received " +
                hex(out.crc) + ", the driver sent " + hex(crc) + " over " +
                std::to_string(writes.size()) + " words"};
  return image::Status::success();
}

image::Status PeDriver::clear() {
  PeInputs in;
  in.cmdValid = true;
  in.cmd = pe::CmdClear;
  model->tick(in);
  uint64_t limit = uint64_t(watchdog) + (uint64_t(1) << 20);
  for (uint64_t n = 0; model->outputs().busy; ++n) {
    if (n > limit)
      return timeout(0, "clear");
    model->tick(PeInputs());
  }
  return check(0);
}

image::Status PeDriver::neuronPhase(uint64_t step, std::vector<Spike> &spikes,
                                    std::vector<Record> &records) {
  now = 0;
  PeInputs in;
  in.cmdValid = true;
  in.cmd = pe::CmdNeuron;
  in.cmdStep = static_cast<uint32_t>(step);
  tick(in);
  const PeInputs idle;
  const PeOutputs &out = model->outputs();
  uint64_t limit = uint64_t(watchdog) + 64;
  while (true) {
    if (image::Status st = check(step); !st)
      return st;
    // The driver always takes the output FIFO's head at the next edge.
    if (out.pktOutValid)
      spikes.push_back({out.pktOutKey, now});
    if (out.recValid)
      records.push_back({out.recIdx, out.recV});
    if (!out.busy)
      break;
    if (now > limit)
      return timeout(step, "neuron phase");
    tick(idle);
  }
  return image::Status::success();
}

image::Status PeDriver::synapsePhase(uint64_t step,
                                     const std::vector<Arrival> &packets) {
  const PeOutputs &out = model->outputs();
  size_t next = 0;
  // Each queued packet may take up to a watchdog period.
  uint64_t bound = (uint64_t(fifoDepth) + 2) * (uint64_t(watchdog) + 64);
  uint64_t sincePush = 0;
  PeInputs in;
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
    if (in.pktPush) {
      ++next;
      sincePush = 0;
    } else if (++sincePush > bound) {
      return timeout(step, "synapse phase");
    }
  }
  return image::Status::success();
}

} // namespace snnc::rtl
