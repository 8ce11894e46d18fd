//===- ImportFixture.h - Shared fixture for the NIR importer tests -*- C++ -*-//
//
// Imports a NIR file into a fresh context, collecting each diagnostic as
// "@<node>: <message>" so tests can check which node it names.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TEST_UNIT_NIR_IMPORTFIXTURE_H
#define SNNC_TEST_UNIT_NIR_IMPORTFIXTURE_H

#include "NirWriter.h"

#include "snnc/Import/NIR.h"

#include "snn/ElementsData.h"
#include "snn/SnnOps.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

namespace nirtest {

class ImportTest : public ::testing::Test {
protected:
  ImportTest()
      : handler(&context, [this](mlir::Diagnostic &diag) {
          if (auto name = mlir::dyn_cast<mlir::NameLoc>(diag.getLocation()))
            errors += "@" + name.getName().str() + ": ";
          errors += diag.str() + "\n";
          return mlir::success();
        }) {}

  /// A fixture path unique to the running test.
  std::string path(const std::string &stem = "net") {
    const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
    return ::testing::TempDir() + "/" + info->test_suite_name() + "_" +
           info->name() + "_" + stem + ".nir";
  }
  mlir::OwningOpRef<mlir::ModuleOp> import(const std::string &file) {
    errors.clear();
    return snnc::importNIRFile(file, &context);
  }
  static std::string print(mlir::ModuleOp module) {
    std::string text;
    llvm::raw_string_ostream os(text);
    module.print(os);
    return text;
  }
  /// The first op of type Op, or null.
  template <typename Op> static Op first(mlir::ModuleOp module) {
    Op found;
    module.walk([&](Op op) {
      if (!found)
        found = op;
    });
    return found;
  }
  template <typename Op> static int count(mlir::ModuleOp module) {
    int n = 0;
    module.walk([&](Op) { ++n; });
    return n;
  }
  static std::string nameOf(mlir::Operation *op) {
    auto loc = mlir::dyn_cast<mlir::NameLoc>(op->getLoc());
    return loc ? loc.getName().str() : "";
  }
  std::vector<float> weights(mlir::ElementsAttr attr) {
    auto data = snn::readF32(
        attr, [&] { return mlir::emitError(mlir::UnknownLoc::get(&context)); });
    return mlir::succeeded(data) ? *data : std::vector<float>();
  }

  mlir::MLIRContext context;
  std::string errors;
  mlir::ScopedDiagnosticHandler handler;
};

} // namespace nirtest

#endif // SNNC_TEST_UNIT_NIR_IMPORTFIXTURE_H
