//===- snnc-opt.cpp - The snnc MLIR optimizer driver ----------------------===//
//
// mlir-opt with only snnc's dialects and passes, for pass-level work and lit.
//
//===----------------------------------------------------------------------===//

#include "snn/SnnDialect.h"
#include "snnc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();
  snnc::registerSnncPasses();

  mlir::DialectRegistry registry;
  registry.insert<snn::SnnDialect, mlir::arith::ArithDialect,
                  mlir::func::FuncDialect>();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "snnc optimizer driver\n", registry));
}
