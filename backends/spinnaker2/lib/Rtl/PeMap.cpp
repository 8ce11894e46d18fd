//===- PeMap.cpp - Names of the PE's error codes and counters -------------===//

#include "PeMap.h"

namespace snnc::rtl::pe {

const char *describeError(uint8_t code) {
  switch (code) {
  case ErrNone:
    return "no error";
  case ErrFifoOverflow:
    return "input FIFO overflow (packet pushed while full)";
  case ErrKeyIndex:
    return "packet key indexes past its row table";
  case ErrHeaderAddr:
    return "row header outside the table region";
  case ErrRowBounds:
    return "synaptic row outside the table region";
  case ErrDelay:
    return "row word with delay 0 or beyond the ring";
  case ErrTarget:
    return "row word targets a neuron beyond the slice";
  case ErrWatchdog:
    return "watchdog: no progress within the cycle limit";
  case ErrConfig:
    return "inconsistent or out-of-range configuration register";
  case ErrCfgAddr:
    return "configuration write outside the address map";
  case ErrBusy:
    return "command or load while an engine was running";
  }
  return "unknown error code";
}

const char *counterName(unsigned counter) {
  static const char *const names[NumCounters] = {
      "neuron_updates",     "synaptic_events", "sram_words_read",
      "sram_words_written", "spikes_out",      "packets_in",
      "packets_dropped",    "table_reads",     "ring_add_reads",
      "accumulator_wraps",  "busy_cycles"};
  return counter < NumCounters ? names[counter] : "unknown";
}

} // namespace snnc::rtl::pe
