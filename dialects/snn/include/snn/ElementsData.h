//===- ElementsData.h - Read and build dense or blob tensors ----*- C++ -*-===//
//
// Weights and CSR arrays may be `dense<...>` literals or `dense_resource`
// blobs. These helpers read either kind into plain vectors, with a diagnostic
// instead of an assertion when the data is missing or of the wrong type, and
// build new attributes, as blobs once they are large.
//
//===----------------------------------------------------------------------===//

#ifndef SNN_ELEMENTSDATA_H
#define SNN_ELEMENTSDATA_H

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"

#include <functional>

namespace snn {

using EmitErrorFn = llvm::function_ref<mlir::InFlightDiagnostic()>;

/// Tensors with at least this many elements are stored as resource blobs.
inline constexpr int64_t kBlobThreshold = 1024;

/// No tensor attribute may declare more elements than this (its type alone
/// could otherwise overflow element counts).
inline constexpr int64_t kMaxTensorElements = int64_t(1) << 40;

/// readF32/readInts materialise at most this many elements (1 GiB of f32);
/// only a splat can declare more than its file holds, and such a splat is
/// refused rather than expanded.
inline constexpr int64_t kMaxReadElements = int64_t(1) << 28;

/// Reads an f32 tensor. Fails (through `emitError`) when the element type is
/// not f32 or a resource blob has no data.
mlir::FailureOr<std::vector<float>> readF32(mlir::ElementsAttr attr,
                                            EmitErrorFn emitError);
/// Reads an integer tensor of the given bit width (16, 32 or 64), widening to
/// int64_t.
mlir::FailureOr<std::vector<int64_t>>
readInts(mlir::ElementsAttr attr, unsigned bitWidth, EmitErrorFn emitError);

/// Builds an f32 tensor attribute of `shape`: a dense literal when small, a
/// `dense_resource` blob named after `blobName` when large.
mlir::ElementsAttr makeF32(mlir::MLIRContext *ctx,
                           llvm::ArrayRef<int64_t> shape,
                           llvm::ArrayRef<float> data,
                           llvm::StringRef blobName = "snn_f32");
/// Builds an i16, i32 or i64 tensor attribute the same way.
mlir::ElementsAttr makeInts(mlir::MLIRContext *ctx,
                            llvm::ArrayRef<int64_t> shape,
                            llvm::ArrayRef<int64_t> data, unsigned bitWidth,
                            llvm::StringRef blobName = "snn_int");

} // namespace snn

namespace snn {
/// Checks an attribute's element type and shape without reading the data;
/// for a resource blob, also that its data is present and of the right size.
/// `what` names the attribute in the diagnostic ("weight", "bias").
mlir::LogicalResult checkElements(mlir::ElementsAttr attr,
                                  mlir::Type elementType,
                                  llvm::ArrayRef<int64_t> shape,
                                  llvm::StringRef what, EmitErrorFn emitError);

/// Checks that every value of an f32 tensor (already checked by
/// checkElements) is finite, naming the first offending index.
mlir::LogicalResult checkFiniteF32(mlir::ElementsAttr attr,
                                   llvm::StringRef what, EmitErrorFn emitError);
} // namespace snn

#endif // SNN_ELEMENTSDATA_H
