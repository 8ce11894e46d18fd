//===- FloatEngine.h - The unquantized reference semantics ------*- C++ -*-===//
//
// `float` runs the discrete-time equations of docs/numerics.md §2 in IEEE
// double with the images's float parameters and weights, under exactly the
// `ref` timing (same delays, same ring discipline), so that ref versus float
// isolates quantization error. Readout values are in real units.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_FLOATENGINE_H
#define SNNC_SPINNAKER2_FLOATENGINE_H

#include "snnc/runtime/Engine.h"

#include <memory>

namespace snnc::runtime {

namespace detail {
struct EngineData;
}

class FloatEngine : public Engine {
public:
  /// `image` must satisfy validateImage() and outlive the engine.
  explicit FloatEngine(const image::Image &image);
  ~FloatEngine() override;

  const char *name() const override { return "float"; }
  Expected<RunResult> run(const std::vector<SpikeTrain> &inputs,
                          const RunOptions &options,
                          StepObserver *observer = nullptr) override;

private:
  std::unique_ptr<detail::EngineData> data;
};

} // namespace snnc::runtime

#endif // SNNC_SPINNAKER2_FLOATENGINE_H
