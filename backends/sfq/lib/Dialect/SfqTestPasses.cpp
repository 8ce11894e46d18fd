//===- SfqTestPasses.cpp - Test passes of the sfq dialect -----------------===//
//
// sfq-roundtrip-netlist: every circuit goes to a Netlist and back, so that
// lit can check that the conversion loses nothing the netlist holds and
// that a rebuilt circuit prints stably.
//
//===----------------------------------------------------------------------===//

#include "snnc/sfq/Dialect/SfqTestPasses.h"

#include "snnc/sfq/Dialect/NetlistConversion.h"

#include "mlir/IR/Verifier.h"

namespace snnc::sfq {
#define GEN_PASS_DEF_SFQROUNDTRIPNETLIST
#include "snnc/sfq/Dialect/SfqTestPasses.h.inc"
} // namespace snnc::sfq

using namespace mlir;
using namespace snnc::sfq;

namespace {

struct RoundtripNetlistPass
    : snnc::sfq::impl::SfqRoundtripNetlistBase<RoundtripNetlistPass> {
  void runOnOperation() override;
  LogicalResult roundtrip(CircuitOp circuit);
};

} // namespace

void RoundtripNetlistPass::runOnOperation() {
  SmallVector<CircuitOp> circuits(getOperation().getOps<CircuitOp>());
  for (CircuitOp circuit : circuits)
    if (failed(roundtrip(circuit)))
      return signalPassFailure();
}

LogicalResult RoundtripNetlistPass::roundtrip(CircuitOp circuit) {
  FailureOr<Netlist> netlist = buildNetlist(circuit);
  if (failed(netlist))
    return failure();
  OpBuilder builder(circuit);
  CircuitOp rebuilt =
      buildCircuit(*netlist, builder, circuit.getLoc(), circuit.getSymName(),
                   circuit.getSlotTicks(), circuit.getLibrary());
  if (IntegerAttr seed = circuit.getSeedAttr())
    rebuilt.setSeedAttr(seed);
  circuit.erase();
  // The pass manager would verify too, but only after the comparison
  // below has read a circuit that might be broken.
  if (failed(verify(rebuilt)))
    return failure();
  FailureOr<Netlist> again = buildNetlist(rebuilt);
  if (failed(again))
    return failure();
  if (!(*again == *netlist))
    return rebuilt.emitOpError(
        "has another netlist than the circuit it was built from");
  return success();
}
