//===- SnnOps.cpp - Network structure ops ---------------------------------===//
//
// `snn.network` (a function-like op with a graph region) and `snn.output`,
// plus the generated definitions of every snn op.
//
//===----------------------------------------------------------------------===//

#include "snn/SnnOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionImplementation.h"

using namespace mlir;
using namespace snn;

#include "snn/SnnInterfaces.cpp.inc"

#define GET_OP_CLASSES
#include "snn/SnnOps.cpp.inc"

//===----------------------------------------------------------------------===//
// NetworkOp
//===----------------------------------------------------------------------===//

void NetworkOp::build(OpBuilder &builder, OperationState &state, StringRef name,
                      FunctionType type) {
  state.addAttribute(SymbolTable::getSymbolAttrName(),
                     builder.getStringAttr(name));
  state.addAttribute(getFunctionTypeAttrName(state.name), TypeAttr::get(type));
  Region *body = state.addRegion();
  Block *block = new Block();
  body->push_back(block);
  for (Type input : type.getInputs())
    block->addArgument(input, state.location);
}

ParseResult NetworkOp::parse(OpAsmParser &parser, OperationState &result) {
  auto buildType = [](Builder &builder, ArrayRef<Type> inputs,
                      ArrayRef<Type> results,
                      function_interface_impl::VariadicFlag, std::string &) {
    return builder.getFunctionType(inputs, results);
  };
  return function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false,
      getFunctionTypeAttrName(result.name), buildType,
      getArgAttrsAttrName(result.name), getResAttrsAttrName(result.name));
}

void NetworkOp::print(OpAsmPrinter &printer) {
  function_interface_impl::printFunctionOp(
      printer, *this, /*isVariadic=*/false, getFunctionTypeAttrName(),
      getArgAttrsAttrName(), getResAttrsAttrName());
}

// Runs before the body's ops are verified, so a bad port type is reported
// as such rather than as a mismatch at snn.output.
LogicalResult NetworkOp::verify() {
  for (auto [index, type] : llvm::enumerate(getArgumentTypes()))
    if (!isa<SignalType>(type))
      return emitOpError("input #")
             << index << " must be !snn.spikes or !snn.current, got " << type;
  for (auto [index, type] : llvm::enumerate(getResultTypes()))
    if (!isa<SignalType>(type))
      return emitOpError("output #")
             << index << " must be !snn.spikes or !snn.current, got " << type;
  return success();
}

OutputOp NetworkOp::getOutputOp() {
  return cast<OutputOp>(getBody().front().getTerminator());
}

//===----------------------------------------------------------------------===//
// OutputOp
//===----------------------------------------------------------------------===//

LogicalResult OutputOp::verify() {
  auto network = (*this)->getParentOfType<NetworkOp>();
  ArrayRef<Type> declared = network.getResultTypes();
  if (getOutputs().size() != declared.size())
    return emitOpError("network @")
           << network.getSymName() << " declares " << declared.size()
           << " output(s) but snn.output produces " << getOutputs().size();
  for (auto [index, pair] :
       llvm::enumerate(llvm::zip(getOutputs().getTypes(), declared))) {
    auto [produced, expected] = pair;
    if (produced != expected)
      return emitOpError("output #")
             << index << " is " << produced << " but network @"
             << network.getSymName() << " declares " << expected;
  }
  return success();
}
