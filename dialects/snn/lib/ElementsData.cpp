//===- ElementsData.cpp - Read and build dense or blob tensors ------------===//
//
// Reads `dense<...>` and `dense_resource<...>` tensors into vectors, and
// builds them back, choosing a blob for large data.
//
//===----------------------------------------------------------------------===//

#include "snn/ElementsData.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cmath>
#include <cstring>
#include <optional>

using namespace mlir;
using namespace snn;

/// Element count of a static shape, or nullopt when it exceeds
/// kMaxTensorElements (or has a dynamic or negative dimension).
static std::optional<int64_t> boundedNumElements(ShapedType type) {
  if (!type.hasStaticShape())
    return std::nullopt;
  int64_t n = 1;
  for (int64_t d : type.getShape()) {
    if (d < 0 || (d > 0 && n > kMaxTensorElements / d))
      return std::nullopt;
    n *= d;
  }
  return n;
}

/// Refuses to materialise more than kMaxReadElements elements.
static LogicalResult checkReadable(ShapedType type, EmitErrorFn emitError) {
  std::optional<int64_t> n = boundedNumElements(type);
  if (!n || *n > kMaxReadElements)
    return emitError() << type << " has more than " << kMaxReadElements
                       << " elements, the most snnc reads from one tensor";
  return success();
}

/// Returns the raw bytes of a resource-backed tensor, checking their size.
static FailureOr<ArrayRef<char>> blobBytes(DenseResourceElementsAttr attr,
                                           size_t elementBytes,
                                           EmitErrorFn emitError) {
  AsmResourceBlob *blob = attr.getRawHandle().getBlob();
  if (!blob)
    return emitError() << "resource blob '" << attr.getRawHandle().getKey()
                       << "' has no data (missing from dialect_resources)";
  ArrayRef<char> bytes = blob->getData();
  uint64_t expected =
      static_cast<uint64_t>(attr.getType().getNumElements()) * elementBytes;
  if (bytes.size() != expected)
    return emitError() << "resource blob '" << attr.getRawHandle().getKey()
                       << "' holds " << bytes.size() << " bytes but "
                       << attr.getType() << " needs " << expected;
  return bytes;
}

FailureOr<std::vector<float>> snn::readF32(ElementsAttr attr,
                                           EmitErrorFn emitError) {
  ShapedType type = attr.getShapedType();
  if (!type.getElementType().isF32())
    return emitError() << "expected f32 elements, got " << type;
  if (failed(checkReadable(type, emitError)))
    return failure();
  std::vector<float> out;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    out.reserve(type.getNumElements());
    for (float v : dense.getValues<float>())
      out.push_back(v);
    return out;
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    FailureOr<ArrayRef<char>> bytes =
        blobBytes(resource, sizeof(float), emitError);
    if (failed(bytes))
      return failure();
    out.resize(type.getNumElements());
    std::memcpy(out.data(), bytes->data(), bytes->size());
    return out;
  }
  return emitError() << "expected a dense or dense_resource tensor";
}

FailureOr<std::vector<int64_t>>
snn::readInts(ElementsAttr attr, unsigned bitWidth, EmitErrorFn emitError) {
  ShapedType type = attr.getShapedType();
  if (!type.getElementType().isSignlessInteger(bitWidth))
    return emitError() << "expected i" << bitWidth << " elements, got " << type;
  if (failed(checkReadable(type, emitError)))
    return failure();
  std::vector<int64_t> out;
  out.reserve(type.getNumElements());
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    for (const APInt &v : dense.getValues<APInt>())
      out.push_back(v.getSExtValue());
    return out;
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    FailureOr<ArrayRef<char>> bytes =
        blobBytes(resource, bitWidth / 8, emitError);
    if (failed(bytes))
      return failure();
    for (int64_t i = 0, e = type.getNumElements(); i < e; ++i) {
      if (bitWidth == 16) {
        int16_t v;
        std::memcpy(&v, bytes->data() + i * 2, 2);
        out.push_back(v);
      } else if (bitWidth == 32) {
        int32_t v;
        std::memcpy(&v, bytes->data() + i * 4, 4);
        out.push_back(v);
      } else {
        int64_t v;
        std::memcpy(&v, bytes->data() + i * 8, 8);
        out.push_back(v);
      }
    }
    return out;
  }
  return emitError() << "expected a dense or dense_resource tensor";
}

ElementsAttr snn::makeF32(MLIRContext *ctx, ArrayRef<int64_t> shape,
                          ArrayRef<float> data, StringRef blobName) {
  auto type = RankedTensorType::get(shape, Float32Type::get(ctx));
  if (static_cast<int64_t>(data.size()) >= kBlobThreshold)
    return DenseResourceElementsAttr::get(
        type, blobName, HeapAsmResourceBlob::allocateAndCopyInferAlign(data));
  return DenseElementsAttr::get(type, data);
}

ElementsAttr snn::makeInts(MLIRContext *ctx, ArrayRef<int64_t> shape,
                           ArrayRef<int64_t> data, unsigned bitWidth,
                           StringRef blobName) {
  auto type = RankedTensorType::get(shape, IntegerType::get(ctx, bitWidth));
  bool blob = static_cast<int64_t>(data.size()) >= kBlobThreshold;
  if (bitWidth == 16) {
    std::vector<int16_t> narrow(data.begin(), data.end());
    if (blob)
      return DenseResourceElementsAttr::get(
          type, blobName,
          HeapAsmResourceBlob::allocateAndCopyInferAlign(
              ArrayRef<int16_t>(narrow)));
    return DenseElementsAttr::get(type, ArrayRef<int16_t>(narrow));
  }
  if (bitWidth == 32) {
    std::vector<int32_t> narrow(data.begin(), data.end());
    if (blob)
      return DenseResourceElementsAttr::get(
          type, blobName,
          HeapAsmResourceBlob::allocateAndCopyInferAlign(
              ArrayRef<int32_t>(narrow)));
    return DenseElementsAttr::get(type, ArrayRef<int32_t>(narrow));
  }
  if (blob)
    return DenseResourceElementsAttr::get(
        type, blobName, HeapAsmResourceBlob::allocateAndCopyInferAlign(data));
  return DenseElementsAttr::get(type, data);
}

LogicalResult snn::checkElements(ElementsAttr attr, Type elementType,
                                 ArrayRef<int64_t> shape, StringRef what,
                                 EmitErrorFn emitError) {
  ShapedType type = attr.getShapedType();
  if (type.getElementType() != elementType)
    return emitError() << what << " must have " << elementType
                       << " elements, got " << type;
  if (!boundedNumElements(type))
    return emitError() << what << " has type " << type << ", more than "
                       << kMaxTensorElements << " elements";
  if (type.getShape() != shape) {
    InFlightDiagnostic diag = emitError() << what << " has type " << type
                                          << " but must have shape ";
    llvm::interleave(shape, diag, "x");
    return diag;
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr))
    return success(succeeded(blobBytes(
        resource, (elementType.getIntOrFloatBitWidth() + 7) / 8, emitError)));
  if (!isa<DenseElementsAttr>(attr))
    return emitError() << what << " must be a dense or dense_resource tensor";
  return success();
}

LogicalResult snn::checkFiniteF32(ElementsAttr attr, StringRef what,
                                  EmitErrorFn emitError) {
  auto check = [&](int64_t index, float value) -> LogicalResult {
    if (std::isfinite(value))
      return success();
    return emitError() << what << "[" << index << "] is "
                       << (std::isnan(value) ? "NaN" : "infinite")
                       << "; weights must be finite";
  };
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (dense.isSplat())
      return check(0, dense.getSplatValue<float>());
    int64_t index = 0;
    for (float v : dense.getValues<float>())
      if (failed(check(index++, v)))
        return failure();
    return success();
  }
  auto resource = cast<DenseResourceElementsAttr>(attr);
  FailureOr<ArrayRef<char>> bytes =
      blobBytes(resource, sizeof(float), emitError);
  if (failed(bytes))
    return failure();
  for (size_t i = 0, e = bytes->size() / sizeof(float); i < e; ++i) {
    float v;
    std::memcpy(&v, bytes->data() + i * sizeof(float), sizeof(float));
    if (failed(check(i, v)))
      return failure();
  }
  return success();
}
