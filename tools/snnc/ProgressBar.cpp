//===- ProgressBar.cpp - A one-line progress bar for long runs ------------===//

#include "ProgressBar.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace snnc::tools {

namespace {

/// "0:07", "12:34", "1:02:03".
std::string clockTime(double seconds) {
  uint64_t s = uint64_t(std::max(0.0, std::round(seconds)));
  char buffer[32];
  if (s >= 3600)
    std::snprintf(buffer, sizeof buffer, "%llu:%02llu:%02llu",
                  (unsigned long long)(s / 3600),
                  (unsigned long long)(s / 60 % 60),
                  (unsigned long long)(s % 60));
  else
    std::snprintf(buffer, sizeof buffer, "%llu:%02llu",
                  (unsigned long long)(s / 60), (unsigned long long)(s % 60));
  return buffer;
}

/// "950", "12.3 k", "4.5 M".
std::string rate(double perSecond) {
  char buffer[32];
  if (perSecond >= 1e6)
    std::snprintf(buffer, sizeof buffer, "%.1f M", perSecond / 1e6);
  else if (perSecond >= 1e3)
    std::snprintf(buffer, sizeof buffer, "%.1f k", perSecond / 1e3);
  else
    std::snprintf(buffer, sizeof buffer, "%.0f", perSecond);
  return buffer;
}

} // namespace

std::string formatProgress(const std::string &label, uint64_t done,
                           uint64_t total, double elapsedSeconds,
                           unsigned width, const std::string &unit) {
  done = std::min(done, total);
  double fraction = total ? double(done) / double(total) : 1.0;
  char numbers[160];
  std::string tail;
  std::snprintf(numbers, sizeof numbers, " %3d%%  %llu/%llu %s",
                int(fraction * 100), static_cast<unsigned long long>(done),
                static_cast<unsigned long long>(total), unit.c_str());
  tail = numbers;
  if (elapsedSeconds > 0 && done > 0) {
    double perSecond = double(done) / elapsedSeconds;
    tail += "  " + rate(perSecond) + " " + unit + "/s  ETA " +
            clockTime(double(total - done) / perSecond);
  }
  std::string head = label.empty() ? "" : label + " ";
  // The bar takes what the text leaves, between 10 and 40 columns; with
  // less room than that the text is cut to the width.
  size_t fixed = head.size() + 2 + tail.size();
  size_t bar = width > fixed ? std::min<size_t>(40, width - fixed) : 0;
  std::string line = head;
  if (bar >= 10) {
    size_t filled = size_t(fraction * double(bar));
    line +=
        "[" + std::string(filled, '#') + std::string(bar - filled, '.') + "]";
  }
  line += tail;
  if (line.size() > width)
    line.resize(width);
  return line;
}

ProgressBar::ProgressBar(std::string label, uint64_t totalSteps, unsigned width,
                         std::function<double()> clock,
                         std::function<void(const std::string &)> write,
                         std::string unit)
    : label(std::move(label)), unit(std::move(unit)), total(totalSteps),
      width(width), clock(std::move(clock)), write(std::move(write)) {
  start = this->clock();
  lastCheck = start;
}

ProgressBar::~ProgressBar() { finish(); }

bool ProgressBar::onStep(const runtime::StepInfo &info) {
  uint64_t done = info.step + 1;
  if (done >= nextCheck)
    check(done);
  return true;
}

void ProgressBar::update(uint64_t done) {
  // Callers of update() report rarely; every report may draw.
  nextCheck = 0;
  check(done);
}

void ProgressBar::check(uint64_t done) {
  double now = clock();
  // Aim for a clock read every ~10 ms at the rate seen since the last one.
  double interval = now - lastCheck;
  uint64_t stepsSince = done - lastCheckStep;
  uint64_t stride = 1;
  if (interval > 0)
    stride =
        uint64_t(std::clamp(double(stepsSince) * 0.01 / interval, 1.0, 1e6));
  else
    stride = std::min<uint64_t>(stepsSince * 2 + 1, 1000000);
  nextCheck = done + stride;
  lastCheck = now;
  lastCheckStep = done;
  if (now - start < kShowAfterSeconds || done >= total)
    return;
  // A little slack, so that steps of exactly the redraw period all draw.
  if (drawn && now - lastDraw < 0.95 / kRedrawsPerSecond)
    return;
  write("\r" + formatProgress(label, done, total, now - start, width, unit) +
        "\033[K");
  drawn = true;
  lastDraw = now;
}

void ProgressBar::finish() {
  if (!drawn)
    return;
  write("\r\033[K");
  drawn = false;
}

std::unique_ptr<ProgressBar> makeProgressBar(const std::string &label,
                                             uint64_t steps, bool enabled,
                                             const std::string &unit) {
  if (!enabled || !::isatty(STDERR_FILENO))
    return nullptr;
  unsigned width = 80;
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1)
    width = size.ws_col;
  // One column short of the edge, so the cursor never wraps.
  return std::make_unique<ProgressBar>(
      label, steps, width - 1,
      [] {
        return std::chrono::duration<double>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
      },
      [](const std::string &text) {
        std::fputs(text.c_str(), stderr);
        std::fflush(stderr);
      },
      unit);
}

} // namespace snnc::tools
