//===- Naming.cpp - NIR node names and a layout-independent node order ----===//
//
// Names come from the ops' NameLocs, from the importer's blob names, or are
// generated from the node's place in a walk of the graph that does not
// depend on the order of ops in the block, so the same network always
// gives the same file.
//
//===----------------------------------------------------------------------===//

#include "ExportItems.h"

#include "snn/SnnOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace snn;
using namespace snnc::nirexport;

/// `text` if it can be an HDF5 link name (and a NIR node name), else "".
static std::string usable(StringRef text) {
  if (text.empty() || text == "." || text == ".." || text.contains('/') ||
      text.contains('\0'))
    return "";
  return text.str();
}

std::string snnc::nirexport::locName(Location loc) {
  auto name = dyn_cast<NameLoc>(loc);
  return name ? usable(name.getName().getValue()) : "";
}

std::string snnc::nirexport::blobName(Operation *op) {
  for (NamedAttribute attr : op->getAttrs())
    if (auto blob = dyn_cast<DenseResourceElementsAttr>(attr.getValue())) {
      StringRef key = blob.getRawHandle().getKey();
      if (key.consume_front("nir_"))
        return usable(key);
    }
  return "";
}

std::vector<int> snnc::nirexport::canonicalOrder(const ItemGraph &graph) {
  const std::vector<Item> &items = graph.items;
  std::vector<int> order;
  std::vector<bool> seen(items.size(), false);
  for (int i : graph.inputs) {
    seen[i] = true;
    order.push_back(i);
  }
  std::vector<std::pair<int, size_t>> stack;
  auto visit = [&](int root) {
    if (seen[root])
      return;
    seen[root] = true;
    stack.push_back({root, 0});
    while (!stack.empty()) {
      auto &[item, next] = stack.back();
      if (next < items[item].inputs.size()) {
        int src = graph.sourceOf(items[item].inputs[next++]);
        if (!seen[src]) {
          seen[src] = true;
          stack.push_back({src, 0});
        }
        continue;
      }
      order.push_back(item);
      stack.pop_back();
    }
  };
  for (int i : graph.outputs)
    visit(i);
  for (size_t i = 0; i < items.size(); ++i)
    visit(static_cast<int>(i));
  return order;
}

/// Names of the Input (or Output) nodes: kept from the locations when they
/// sort in port order, as the importer assigns ports by name.
static std::vector<std::string> ioNames(Location loc, ValueRange values,
                                        StringRef base, bool arguments) {
  std::vector<std::string> names;
  if (arguments) {
    for (Value v : values)
      names.push_back(locName(cast<BlockArgument>(v).getLoc()));
  } else if (auto name = dyn_cast<NameLoc>(loc)) {
    if (auto fused = dyn_cast<FusedLoc>(name.getChildLoc()))
      for (Location part : fused.getLocations())
        names.push_back(locName(part));
    else if (values.size() == 1)
      names.push_back(locName(name));
  }
  bool usable = names.size() == values.size();
  for (size_t i = 0; usable && i < names.size(); ++i)
    usable = !names[i].empty() && (i == 0 || names[i - 1] < names[i]);
  if (usable)
    return names;
  names.clear();
  size_t width = std::to_string(values.size() ? values.size() - 1 : 0).size();
  for (size_t i = 0; i < values.size(); ++i) {
    if (values.size() == 1) {
      names.push_back(base.str());
      break;
    }
    std::string index = std::to_string(i);
    names.push_back(base.str() + "_" + std::string(width - index.size(), '0') +
                    index);
  }
  return names;
}

void snnc::nirexport::nameItems(ItemGraph &graph, NetworkOp network) {
  std::vector<Item> &items = graph.items;
  llvm::StringSet<> taken;
  Block &body = network.getBody().front();
  std::vector<std::string> in =
      ioNames(Location(network.getLoc()), body.getArguments(), "input", true);
  OutputOp output = network.getOutputOp();
  std::vector<std::string> out =
      ioNames(output.getLoc(), output.getOutputs(), "output", false);
  for (auto [item, name] : llvm::zip(graph.inputs, in)) {
    items[item].node.name = name;
    taken.insert(name);
  }
  for (auto [item, name] : llvm::zip(graph.outputs, out)) {
    // An input may already hold the name; outputs then fall back as well.
    if (!taken.insert(name).second) {
      std::string fresh = name;
      for (int k = 1; !taken.insert(fresh).second; ++k)
        fresh = name + "_" + std::to_string(k);
      name = fresh;
    }
    items[item].node.name = name;
  }
  std::vector<int> order = canonicalOrder(graph);
  // Preferred names first, so a generated name never takes one away.
  for (int i : order) {
    Item &item = items[i];
    if (!item.node.name.empty() || item.preferred.empty())
      continue;
    if (taken.insert(item.preferred).second)
      item.node.name = item.preferred;
  }
  int index = 0;
  for (int i : order) {
    Item &item = items[i];
    ++index;
    if (!item.node.name.empty())
      continue;
    std::string base = item.preferred.empty()
                           ? item.kind + "_" + std::to_string(index - 1)
                           : item.preferred;
    std::string name = base;
    for (int k = 1; !taken.insert(name).second; ++k)
      name = base + "_" + std::to_string(k);
    item.node.name = name;
  }
}
