//===- RefEngine.h - The fixed-point golden model ---------------*- C++ -*-===//
//
// `ref` executes an image bit for bit as docs/numerics.md §3 specifies: int32
// state, int16 weights shifted into an int32 ring, the shared stepNeuron()
// of backends/spinnaker2/FixedPoint.h. It is the engine the RTL must match.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_REFENGINE_H
#define SNNC_SPINNAKER2_REFENGINE_H

#include "snnc/runtime/Engine.h"

#include <memory>

namespace snnc::runtime {

namespace detail {
struct EngineData;
}

class RefEngine : public Engine {
public:
  /// `image` must satisfy validateImage() and outlive the engine.
  explicit RefEngine(const image::Image &image);
  ~RefEngine() override;

  const char *name() const override { return "ref"; }
  Expected<RunResult> run(const std::vector<SpikeTrain> &inputs,
                          const RunOptions &options,
                          StepObserver *observer = nullptr) override;

private:
  std::unique_ptr<detail::EngineData> data;
};

} // namespace snnc::runtime

#endif // SNNC_SPINNAKER2_REFENGINE_H
