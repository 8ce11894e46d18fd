//===- Readout.cpp - Writing a trained readout into a network -------------===//

#include "snnc/Pipeline/Readout.h"

#include "snn/InputChecks.h"
#include "snn/SnnOps.h"
#include "snnc/Import/NIR.h"
#include "snnc/Support/InputFile.h"
#include "snnc/Support/OutputFile.h"
#include "snnc/Target/TargetMachine.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

namespace {

/// The projection feeding output `index`'s readout, or null after an error.
Operation *findReadoutProjection(snn::NetworkOp network, uint32_t index) {
  snn::OutputOp output = network.getOutputOp();
  if (index >= output.getNumOperands()) {
    output.emitError() << "the network has " << output.getNumOperands()
                       << " outputs; output " << index
                       << " holds no readout to train";
    return nullptr;
  }
  Operation *readout = output.getOperand(index).getDefiningOp();
  if (!readout ||
      !isa<snn::LIOp, snn::IntegratorOp, snn::DiscreteNeuronOp>(readout) ||
      !isa<snn::CurrentType>(readout->getResult(0).getType())) {
    output.emitError() << "output " << index
                       << " is not an snn.li or snn.integrator readout";
    return nullptr;
  }
  if (readout->getNumOperands() != 1) {
    readout->emitError() << "the readout has " << readout->getNumOperands()
                         << " inputs; snnc fit trains a readout fed by one "
                            "snn.linear or snn.affine";
    return nullptr;
  }
  Operation *projection = readout->getOperand(0).getDefiningOp();
  if (!projection || !isa<snn::LinearOp, snn::AffineOp>(projection)) {
    readout->emitError() << "the readout's input is not an snn.linear or "
                            "snn.affine projection";
    return nullptr;
  }
  return projection;
}

/// `values` as an f32 tensor of `shape` held in a dense_resource blob.
ElementsAttr resourceTensor(MLIRContext *context, ArrayRef<int64_t> shape,
                            ArrayRef<float> values, StringRef name) {
  auto type = RankedTensorType::get(shape, Float32Type::get(context));
  return cast<ElementsAttr>(Attribute(DenseF32ResourceElementsAttr::get(
      type, name, HeapAsmResourceBlob::allocateAndCopyInferAlign(values))));
}

} // namespace

bool snnc::writeTrainedReadout(const std::string &input,
                               const TrainedReadout &readout,
                               const std::string &outputPath,
                               llvm::raw_ostream &diagnostics) {
  bool nir = StringRef(input).ends_with(".nir");
  if (std::string why = snnc::checkInputFile(input); !why.empty()) {
    diagnostics << "snnc fit: " << why << "\n";
    return false;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(input);
  if (!buffer) {
    diagnostics << "snnc fit: cannot read '" << input
                << "': " << buffer.getError().message() << "\n";
    return false;
  }
  if (std::optional<snn::InputProblem> problem =
          nir ? std::nullopt : snn::checkInput((*buffer)->getBuffer())) {
    diagnostics << input << ":" << problem->line << ":" << problem->column
                << ": error: " << problem->message << "\n";
    return false;
  }
  DialectRegistry registry;
  registry.insert<snn::SnnDialect>();
  for (const TargetMachine *machine : targetMachines())
    machine->registerDialects(registry);
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  // Errors name the op and its location; its generic dump adds nothing.
  context.printOpOnDiagnostic(false);
  context.loadAllAvailableDialects();
  // The input's leading comment lines (what wrote it, and how) stay on top.
  std::string header;
  if (!nir)
    for (StringRef rest = (*buffer)->getBuffer(); rest.starts_with("//");) {
      auto [line, tail] = rest.split('\n');
      header += line.str() + "\n";
      rest = tail;
    }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  SourceMgrDiagnosticHandler handler(sourceMgr, &context, diagnostics);
  OwningOpRef<ModuleOp> module =
      nir ? importNIRFile(input, &context)
          : parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return false;
  SmallVector<snn::NetworkOp> networks(module->getOps<snn::NetworkOp>());
  if (networks.size() != 1) {
    diagnostics << "snnc fit: '" << input << "' must hold one network; it has "
                << networks.size() << "\n";
    return false;
  }
  Operation *projection =
      findReadoutProjection(networks.front(), readout.output);
  if (!projection)
    return false;
  auto weightAttr = projection->getAttrOfType<ElementsAttr>("weight");
  auto weightType = cast<ShapedType>(weightAttr.getType());
  if (weightType.getRank() != 2 ||
      weightType.getDimSize(0) != int64_t(readout.classes) ||
      weightType.getDimSize(1) != int64_t(readout.features)) {
    projection->emitError()
        << "the trained readout is " << readout.classes << " x "
        << readout.features << ", but this projection's weight is "
        << weightType;
    return false;
  }

  MLIRContext *ctx = &context;
  ElementsAttr weight =
      resourceTensor(ctx, {int64_t(readout.classes), int64_t(readout.features)},
                     readout.weight, "trained_readout_weight");
  ElementsAttr bias = resourceTensor(ctx, {int64_t(readout.classes)},
                                     readout.bias, "trained_readout_bias");
  OpBuilder builder(projection);
  auto affine = builder.create<snn::AffineOp>(
      projection->getLoc(), projection->getResult(0).getType(),
      projection->getOperand(0), weight, bias);
  // Keep any discardable attributes the projection carried.
  for (NamedAttribute attr : projection->getDiscardableAttrs())
    affine->setAttr(attr.getName(), attr.getValue());
  projection->getResult(0).replaceAllUsesWith(affine.getResult());
  projection->erase();
  if (failed(verify(*module)))
    return false;

  std::string text;
  llvm::raw_string_ostream out(text);
  out << "// " << (nir ? "Imported from " : "") << input
      << " with the readout of output " << readout.output
      << " trained by snnc fit.\n"
      << header;
  module->print(out);
  out << "\n";
  out.flush();
  if (std::string why = writeOutputFile(outputPath, text); !why.empty()) {
    diagnostics << "snnc fit: " << why << "\n";
    return false;
  }
  return true;
}
