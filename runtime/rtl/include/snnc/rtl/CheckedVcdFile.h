//===- CheckedVcdFile.h - A VCD sink that reports write errors --*- C++ -*-===//
//
// Verilator's own VCD file treats a failed write as fatal: it calls
// vl_fatal from inside the trace's flush, which then waits on the lock the
// flush already holds, and the run hangs (a full disk, `--vcd /dev/full`).
// This sink never reports a failure to Verilator: it remembers the first
// error, drops the rest of the waveform, and lets the engine report the
// error with the OS's reason when the trace is closed.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RTL_CHECKEDVCDFILE_H
#define SNNC_RTL_CHECKEDVCDFILE_H

#include "verilated_vcd_c.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace snnc::rtl {

class CheckedVcdFile final : public VerilatedVcdFile {
public:
  ~CheckedVcdFile() override { close(); }

  bool open(const std::string &name) override {
    close();
    fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0)
      fail(errno);
    return fd >= 0;
  }

  void close() override {
    if (fd >= 0 && ::close(fd) != 0)
      fail(errno);
    fd = -1;
  }

  ssize_t write(const char *data, ssize_t length) override {
    // Claiming the whole buffer written keeps Verilator from its fatal
    // path; what was lost is reported by error().
    ssize_t left = length;
    while (left > 0 && fd >= 0 && failure.empty()) {
      ssize_t n = ::write(fd, data, static_cast<size_t>(left));
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0) {
        fail(n < 0 ? errno : ENOSPC);
        break;
      }
      data += n;
      left -= n;
    }
    return length;
  }

  /// The first write, open or close error, with the OS's reason, or "".
  const std::string &error() const { return failure; }

private:
  void fail(int err) {
    if (failure.empty())
      failure = std::strerror(err);
  }

  int fd = -1;
  std::string failure;
};

} // namespace snnc::rtl

#endif // SNNC_RTL_CHECKEDVCDFILE_H
