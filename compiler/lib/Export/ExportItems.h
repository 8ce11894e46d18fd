//===- ExportItems.h - NIR nodes in the making, and their names -*- C++ -*-===//
//
// While the exporter walks a network it collects one item per NIR node:
// the node's datasets and where its inputs come from. Naming and the order
// of nodes and edges in the file are decided on these items.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_EXPORT_EXPORTITEMS_H
#define SNNC_EXPORT_EXPORTITEMS_H

#include "NirGraph.h"

#include "snn/SnnOps.h"

#include <functional>

namespace snnc::nirexport {

/// Where an item's input comes from: another item, or a value to resolve.
struct Source {
  mlir::Value value;
  int item = -1;
};

/// One NIR node in the making.
struct Item {
  Node node;
  std::vector<Source> inputs;
  /// The name the node should keep (from a NameLoc or a blob), if any.
  std::string preferred;
  /// Prefix of a generated name.
  std::string kind;
};

struct ItemGraph {
  std::vector<Item> items;
  /// The Input and Output items, in port order.
  std::vector<int> inputs, outputs;
  /// The item an input comes from.
  std::function<int(const Source &)> sourceOf;
};

/// The name a NameLoc gives an op, if it is usable as an HDF5 link name;
/// else "".
std::string locName(mlir::Location loc);

/// The NIR name the importer encoded in a weight blob ("nir_<name>"), or "".
std::string blobName(mlir::Operation *op);

/// Items in an order that depends only on the graph, not on where ops sit
/// in the block: the inputs, then depth-first from the outputs through
/// inputs in operand order, then anything no output reads.
std::vector<int> canonicalOrder(const ItemGraph &graph);

/// Names every item: Input and Output nodes after the network's argument
/// and output locations when those sort in port order (else input_0, ...),
/// other nodes by their preferred name, else `<kind>_<k>` with k their place
/// in canonicalOrder; clashes get a suffix _1, _2, ...
void nameItems(ItemGraph &graph, snn::NetworkOp network);

} // namespace snnc::nirexport

#endif // SNNC_EXPORT_EXPORTITEMS_H
