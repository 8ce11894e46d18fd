//===- ProgressBar.h - A one-line progress bar for long runs ----*- C++ -*-===//
//
// `snnc run` draws a bar on stderr only when stderr is a terminal and the
// run has already taken a while (kShowAfterSeconds), so short runs, pipes,
// logs and tests see nothing. The observer reads the clock only every few
// steps, adapting the stride to the step rate, and redraws at most
// kRedrawsPerSecond times a second, so it costs nothing measurable in the
// step loop.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_PROGRESSBAR_H
#define SNNC_TOOLS_PROGRESSBAR_H

#include "snnc/runtime/Engine.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace snnc::tools {

/// The bar's line, at most `width` columns: a label, the bar, the percent,
/// steps done/total, steps per second and the time left, e.g.
/// "ref [#########.........]  45%  4500/10000 steps  9.1 k steps/s  ETA 0:01"
std::string formatProgress(const std::string &label, uint64_t done,
                           uint64_t total, double elapsedSeconds,
                           unsigned width, const std::string &unit = "steps");

class ProgressBar : public runtime::StepObserver {
public:
  static constexpr double kShowAfterSeconds = 1.0;
  static constexpr double kRedrawsPerSecond = 10;

  /// `clock` returns seconds from any fixed origin; `write` receives the
  /// terminal output (carriage returns and erase-line sequences included).
  ProgressBar(std::string label, uint64_t totalSteps, unsigned width,
              std::function<double()> clock,
              std::function<void(const std::string &)> write,
              std::string unit = "steps");
  ~ProgressBar() override;

  bool onStep(const runtime::StepInfo &info) override;
  /// Reports progress directly (`done` of the total), for work that is not
  /// a step loop: `snnc eval` counts samples.
  void update(uint64_t done);
  /// Erases the bar if it was drawn; called by the destructor too.
  void finish();

  /// Whether anything has been drawn.
  bool shown() const { return drawn; }

private:
  void check(uint64_t done);

  std::string label;
  std::string unit;
  uint64_t total;
  unsigned width;
  std::function<double()> clock;
  std::function<void(const std::string &)> write;
  double start;
  double lastDraw = 0;
  double lastCheck = 0;
  uint64_t lastCheckStep = 0;
  uint64_t nextCheck = 1;
  bool drawn = false;
};

/// A bar on stderr for a run of `steps` (counted in `unit`), or null when
/// `enabled` is false or stderr is not a terminal.
std::unique_ptr<ProgressBar> makeProgressBar(const std::string &label,
                                             uint64_t steps, bool enabled,
                                             const std::string &unit = "steps");

} // namespace snnc::tools

#endif // SNNC_TOOLS_PROGRESSBAR_H
