//===- SnnTypes.h - Spike and current types ---------------------*- C++ -*-===//
//
// Declares `!snn.spikes` and `!snn.current`, and `SignalType`, the C++ view
// that covers both.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_SNNTYPES_H
#define SNN_SNNTYPES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "snn/SnnOpsTypes.h.inc"

namespace snn {

/// Either kind of signal; lets code ask for a shape without caring which.
class SignalType : public mlir::Type {
public:
  using Type::Type;
  static bool classof(mlir::Type type) {
    return llvm::isa<SpikesType, CurrentType>(type);
  }
  llvm::ArrayRef<int64_t> getShape() const;
  int64_t getNumElements() const;
  bool isSpikes() const { return llvm::isa<SpikesType>(*this); }
  /// The same kind of signal with another shape.
  SignalType withShape(llvm::ArrayRef<int64_t> shape) const;
};

/// Formats a shape as "2x34x34" for diagnostics.
std::string formatShape(llvm::ArrayRef<int64_t> shape);

} // namespace snn

#endif // SNN_SNNTYPES_H
