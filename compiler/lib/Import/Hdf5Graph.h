//===- Hdf5Graph.h - A NIR file read into plain, flattened records -*- C++ -*-//
//
// The HDF5 layer of the NIR importer: it reads every node's type and
// parameters and flattens nested NIRGraphs into one node list whose names
// carry the graph path ("lif1.lif"). Nothing here knows the snn dialect.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMPORT_HDF5GRAPH_H
#define SNNC_IMPORT_HDF5GRAPH_H

#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/LogicalResult.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace snnc::nir {

/// A numeric dataset: its dimensions (empty for a 0-d scalar) and values.
struct Array {
  std::vector<int64_t> dims;
  std::vector<double> values;
  bool isInteger = false;
};

/// One node after flattening. Nested graphs' own Input/Output nodes become
/// `Identity` nodes that pass their single input through.
struct Node {
  std::string name; // full dotted path
  std::string type;
  llvm::StringMap<Array> params;
  /// Scalar string parameters (a Conv padding of "same" or "valid").
  llvm::StringMap<std::string> strings;
  /// Entries that are neither numeric nor a scalar string, and what they
  /// are ("a group", "an array of 3 strings"), so that a parameter stored
  /// in the wrong form is named as such rather than as missing.
  llvm::StringMap<std::string> others;
  /// The names of all the node's datasets, in name order.
  std::vector<std::string> datasets;
  std::vector<size_t> inputs; // indices of source nodes, one per edge
  bool topLevel = true;
};

struct Graph {
  std::string version;
  std::vector<Node> nodes;
};

/// Reads `path`; on failure emits diagnostics through `context`.
mlir::FailureOr<Graph> loadGraph(llvm::StringRef path,
                                 mlir::MLIRContext *context);

/// The NameLoc diagnostics about node `name` point at.
mlir::Location nodeLoc(mlir::MLIRContext *context, llvm::StringRef name);

} // namespace snnc::nir

#endif // SNNC_IMPORT_HDF5GRAPH_H
