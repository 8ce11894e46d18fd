//===- NirFloatEngine.h - NIR's discrete-time semantics in double -*- C++ -*-//
//
// `nir` runs an image the way NIR's discrete-time frameworks run the graph
// it came from (docs/nir.md, "The nir engine"): the forward-Euler neuron
// update of docs/numerics.md §2 with the strict threshold v > v_threshold,
// in IEEE double with the image's float parameters and weights, but with
// NIR's timing instead of the chip's: within a step, populations are
// updated in the data-flow order of the graph, so a spike crosses every
// feed-forward projection in the step it is emitted in; an explicit delay of
// D seconds adds round(D/dt) steps; a projection that closes a loop reads
// the previous step's spikes. The `float` engine instead gives every
// synapse one more step, as the chip does. Event counters and PE loads
// count the same events as the other engines.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SPINNAKER2_NIRFLOATENGINE_H
#define SNNC_SPINNAKER2_NIRFLOATENGINE_H

#include "snnc/runtime/Engine.h"

#include <memory>

namespace snnc::runtime {

namespace detail {
struct EngineData;
struct NirSchedule;
} // namespace detail

class NirFloatEngine : public Engine {
public:
  /// `image` must satisfy validateImage() and outlive the engine. run()
  /// refuses an image discretized with rule=exact: NIR's reference
  /// equations are integrated by forward Euler.
  explicit NirFloatEngine(const image::Image &image);
  ~NirFloatEngine() override;

  const char *name() const override { return "nir"; }
  Expected<RunResult> run(const std::vector<SpikeTrain> &inputs,
                          const RunOptions &options,
                          StepObserver *observer = nullptr) override;

  /// Populations in the order each step updates them.
  const std::vector<uint32_t> &updateOrder() const;
  /// True when projection `q` closes a loop: its spikes without explicit
  /// delay reach the target one step later.
  bool isRecurrent(uint32_t q) const;

private:
  std::unique_ptr<detail::EngineData> data;
  std::unique_ptr<detail::NirSchedule> schedule;
};

} // namespace snnc::runtime

#endif // SNNC_SPINNAKER2_NIRFLOATENGINE_H
