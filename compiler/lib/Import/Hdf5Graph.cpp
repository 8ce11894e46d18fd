//===- Hdf5Graph.cpp - Read and flatten a NIR file with the HDF5 C API ----===//

#include "Hdf5Graph.h"
#include "Hdf5Dataset.h"
#include "Sandbox.h"

#include "snnc/Import/Hdf5Handle.h"
#include "snnc/Support/InputFile.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"

#include <H5PLpublic.h>
#include <hdf5.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <system_error>

#include <unistd.h>

using namespace mlir;
using namespace snnc::nir;
using snnc::hdf5::Handle;

namespace {

/// Nested graphs deeper than this are refused.
constexpr int kMaxDepth = 32;
/// Nodes (leaves and nested graphs, counted after flattening) a NIR file
/// may hold. Each costs an HDF5 group of about a kilobyte, so a file within
/// the limit is already over 100 MB; the bound keeps a forged file from
/// making the importer walk groups without end.
constexpr size_t kMaxNodes = size_t(1) << 17;
constexpr const char *kMaxNodesText = "131072 (2^17)";

/// Identifies an HDF5 object within its file: the address of its object
/// header (an opaque token since HDF5 1.12). Two hard links to one group
/// give the same key.
std::string objectKey(hid_t object) {
#if H5_VERSION_GE(1, 12, 0)
  H5O_info2_t info;
  if (H5Oget_info3(object, &info, H5O_INFO_BASIC) < 0)
    return "";
  return std::string(reinterpret_cast<const char *>(&info.token),
                     sizeof(info.token));
#else
  H5O_info_t info;
  if (H5Oget_info2(object, &info, H5O_INFO_BASIC) < 0)
    return "";
  return std::string(reinterpret_cast<const char *>(&info.addr),
                     sizeof(info.addr));
#endif
}

bool hasLink(hid_t loc, const std::string &name) {
  return H5Lexists(loc, name.c_str(), H5P_DEFAULT) > 0;
}

/// Names of the links in a group, in name order.
bool listLinks(hid_t group, std::vector<std::string> &names) {
  auto collect = [](hid_t, const char *name, const H5L_info_t *,
                    void *data) -> herr_t {
    static_cast<std::vector<std::string> *>(data)->push_back(name);
    return 0;
  };
  hsize_t index = 0;
  return H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, &index, collect,
                    &names) >= 0;
}

/// What an edge endpoint resolves to inside one graph.
struct Scope {
  struct Child {
    size_t node = 0;              // leaf: its index
    std::unique_ptr<Scope> graph; // nested graph
  };
  std::string path; // dotted path of this graph, "" at the top
  std::map<std::string, Child> children;
  std::vector<size_t> inputs, outputs; // Identity nodes of a nested graph
};

class Loader {
public:
  Loader(MLIRContext *context, Graph &graph, hsize_t fileSize)
      : context(context), graph(graph), fileSize(fileSize) {}

  /// Records that `group` is read as `what` (a node's or graph's path, for
  /// messages); fails when it was read before under another name.
  LogicalResult claimGroup(hid_t group, const std::string &what,
                           StringRef node);
  LogicalResult loadGraph(hid_t group, Scope &scope, int depth);

private:
  InFlightDiagnostic error(StringRef node) {
    return emitError(nodeLoc(context, node.empty() ? "node" : node));
  }
  std::string graphName(const Scope &scope) const {
    return scope.path.empty() ? std::string("the top-level graph")
                              : "graph '" + scope.path + "'";
  }
  LogicalResult loadNode(hid_t group, const std::string &name, Scope &scope,
                         int depth);
  LogicalResult loadDataset(hid_t group, const std::string &link,
                            const std::string &full, Node &node);
  FailureOr<size_t> resolve(const Scope &scope, StringRef name, bool source,
                            StringRef edge, const Scope &edgeScope);

  MLIRContext *context;
  Graph &graph;
  hsize_t fileSize;
  /// Every group read so far (graphs, their 'nodes' groups and nodes), by
  /// HDF5 object key: what it was read as, and whether it is a graph still
  /// being read (an enclosing graph of whatever is read now).
  struct Claim {
    std::string what;
    bool open = false;
  };
  std::map<std::string, Claim> groups;
  /// Entries of all 'nodes' groups listed so far.
  size_t nodeCount = 0;
};

} // namespace

Location snnc::nir::nodeLoc(MLIRContext *context, StringRef name) {
  return NameLoc::get(StringAttr::get(context, name));
}

LogicalResult Loader::claimGroup(hid_t group, const std::string &what,
                                 StringRef node) {
  std::string key = objectKey(group);
  if (key.empty())
    return error(node) << what << " is a group HDF5 cannot describe";
  auto [it, added] = groups.try_emplace(key, Claim{what, false});
  if (added)
    return success();
  // NIR's writer (h5py) stores every node once; a second hard link to a
  // group either closes a cycle or shares a subgraph, and n levels of
  // sharing would flatten into 2^n copies.
  if (it->second.open)
    return error(node) << what << " is a hard link back to " << it->second.what
                       << ", which encloses it: the graph contains itself";
  return error(node) << what << " is the same HDF5 group as " << it->second.what
                     << " (a second hard link to it); a NIR file stores "
                        "each node and graph once, and shared groups would "
                        "be copied into the network once per path";
}

LogicalResult Loader::loadDataset(hid_t group, const std::string &link,
                                  const std::string &full, Node &node) {
  std::string why = linkLeavesFile(group, link);
  if (!why.empty())
    return error(full) << "node '" << full << "': '" << link << "' " << why;
  Handle object(H5Oopen(group, link.c_str(), H5P_DEFAULT), H5Oclose);
  if (!object)
    return error(full) << "node '" << full << "': cannot open '" << link << "'";
  H5I_type_t kind = H5Iget_type(object.get());
  if (kind == H5I_GROUP) {
    // NIR 1.0 writes input_type, output_type and metadata as groups.
    node.others[link] = "a group";
    return success();
  }
  if (kind != H5I_DATASET) {
    node.others[link] = "a named HDF5 type";
    return success();
  }
  node.datasets.push_back(link);
  why = storageLeavesFile(object.get());
  if (!why.empty())
    return error(full) << "node '" << full << "': dataset '" << link << "' "
                       << why;
  Handle type(H5Dget_type(object.get()), H5Tclose);
  if (type && H5Tget_class(type.get()) == H5T_STRING) {
    std::vector<std::string> text;
    std::vector<int64_t> dims;
    why = readStrings(object.get(), fileSize, text, dims);
    if (!why.empty())
      return error(full) << "node '" << full << "': dataset '" << link << "' "
                         << why;
    if (text.size() == 1)
      node.strings[link] = text.front();
    else
      node.others[link] =
          "an array of " + std::to_string(text.size()) + " strings";
    return success();
  }
  Array array;
  why = readArray(object.get(), fileSize, array);
  if (!why.empty())
    return error(full) << "node '" << full << "': parameter '" << link << "' "
                       << why;
  node.params[link] = std::move(array);
  return success();
}

LogicalResult Loader::loadNode(hid_t group, const std::string &name,
                               Scope &scope, int depth) {
  std::string full = scope.path.empty() ? name : scope.path + "." + name;
  std::string type;
  if (!hasLink(group, "type"))
    return error(full) << "node '" << full << "' has no 'type' dataset";
  {
    std::string why;
    Handle dataset = openDataset(group, "type", why);
    if (why.empty())
      why = dataset ? readOneString(dataset.get(), fileSize, type)
                    : "cannot be opened";
    if (!why.empty())
      return error(full) << "node '" << full << "': dataset 'type' " << why;
  }
  if (type == "NIRGraph") {
    if (depth >= kMaxDepth)
      return error(full) << "graph '" << full << "' nests deeper than "
                         << kMaxDepth << " levels";
    auto sub = std::make_unique<Scope>();
    sub->path = full;
    if (failed(loadGraph(group, *sub, depth + 1)))
      return failure();
    scope.children[name].graph = std::move(sub);
    return success();
  }
  Node node;
  node.name = full;
  node.topLevel = scope.path.empty();
  node.type = type;
  if (!node.topLevel && (type == "Input" || type == "Output")) {
    node.type = "Identity";
    (type == "Input" ? scope.inputs : scope.outputs)
        .push_back(graph.nodes.size());
  }
  std::vector<std::string> links;
  if (!listLinks(group, links))
    return error(full) << "node '" << full << "': cannot list its datasets";
  for (const std::string &link : links)
    if (link != "type" && failed(loadDataset(group, link, full, node)))
      return failure();
  scope.children[name].node = graph.nodes.size();
  graph.nodes.push_back(std::move(node));
  return success();
}

FailureOr<size_t> Loader::resolve(const Scope &scope, StringRef name,
                                  bool source, StringRef edge,
                                  const Scope &edgeScope) {
  auto it = scope.children.find(name.str());
  if (it != scope.children.end()) {
    if (!it->second.graph)
      return it->second.node;
    const Scope &sub = *it->second.graph;
    const std::vector<size_t> &ports = source ? sub.outputs : sub.inputs;
    if (ports.size() == 1)
      return ports.front();
    return error(sub.path) << "edge " << edge << " in " << graphName(edgeScope)
                           << " connects to graph '" << sub.path
                           << "', which has " << ports.size() << " "
                           << (source ? "Output" : "Input")
                           << " nodes; one is needed";
  }
  for (size_t dot = name.find('.'); dot != StringRef::npos;
       dot = name.find('.', dot + 1)) {
    auto head = scope.children.find(name.take_front(dot).str());
    if (head != scope.children.end() && head->second.graph)
      return resolve(*head->second.graph, name.drop_front(dot + 1), source,
                     edge, edgeScope);
  }
  return error(scope.path.empty() ? name.str() : scope.path + "." + name.str())
         << "edge " << edge << " names node '" << name
         << "', which does not exist in " << graphName(scope);
}

LogicalResult Loader::loadGraph(hid_t group, Scope &scope, int depth) {
  StringRef self = scope.path.empty() ? "node" : StringRef(scope.path);
  std::string key = objectKey(group);
  auto claim = groups.find(key);
  if (claim != groups.end())
    claim->second.open = true;
  if (!hasLink(group, "nodes"))
    return error(self) << graphName(scope) << " has no 'nodes' group";
  if (std::string why = linkLeavesFile(group, "nodes"); !why.empty())
    return error(self) << "'nodes' of " << graphName(scope) << " " << why;
  Handle nodes(H5Gopen2(group, "nodes", H5P_DEFAULT), H5Gclose);
  if (!nodes)
    return error(self) << "cannot read the nodes of " << graphName(scope);
  if (failed(claimGroup(nodes.get(), "the 'nodes' group of " + graphName(scope),
                        self)))
    return failure();
  // Counted before the names are listed: a forged group may hold millions.
  H5G_info_t info;
  if (H5Gget_info(nodes.get(), &info) < 0)
    return error(self) << "cannot read the nodes of " << graphName(scope);
  if (info.nlinks > kMaxNodes - nodeCount) {
    InFlightDiagnostic diag = error(self);
    diag << graphName(scope) << " holds " << info.nlinks << " nodes";
    if (nodeCount)
      diag << " (" << info.nlinks + nodeCount
           << " with the nodes read before it)";
    return diag << ", more than the limit of " << kMaxNodesText
                << " nodes per NIR file";
  }
  nodeCount += info.nlinks;
  std::vector<std::string> names;
  if (!listLinks(nodes.get(), names))
    return error(self) << "cannot read the nodes of " << graphName(scope);
  for (const std::string &name : names) {
    std::string full = scope.path.empty() ? name : scope.path + "." + name;
    if (std::string why = linkLeavesFile(nodes.get(), name); !why.empty())
      return error(full) << "node '" << name << "' of " << graphName(scope)
                         << " " << why;
    Handle child(H5Gopen2(nodes.get(), name.c_str(), H5P_DEFAULT), H5Gclose);
    if (!child)
      return error(full) << "node '" << name << "' of " << graphName(scope)
                         << " is not a group";
    if (failed(claimGroup(child.get(), "node '" + full + "'", full)) ||
        failed(loadNode(child.get(), name, scope, depth)))
      return failure();
  }
  if (claim != groups.end())
    claim->second.open = false;
  if (!hasLink(group, "edges"))
    return success();
  std::string why;
  Handle edges = openDataset(group, "edges", why);
  if (!why.empty())
    return error(self) << "dataset 'edges' of " << graphName(scope) << " "
                       << why;
  std::vector<std::string> ends;
  std::vector<int64_t> dims;
  why = edges ? readStrings(edges.get(), fileSize, ends, dims)
              : "cannot be opened";
  if (!why.empty())
    return error(self) << "dataset 'edges' of " << graphName(scope) << " "
                       << why;
  if (!ends.empty() && (dims.size() != 2 || dims[1] != 2))
    return error(self) << "the edges of " << graphName(scope)
                       << " are not an (N, 2) string array";
  for (size_t i = 0; i + 1 < ends.size(); i += 2) {
    std::string edge = "'" + ends[i] + "' -> '" + ends[i + 1] + "'";
    FailureOr<size_t> from = resolve(scope, ends[i], true, edge, scope);
    if (failed(from))
      return failure();
    FailureOr<size_t> to = resolve(scope, ends[i + 1], false, edge, scope);
    if (failed(to))
      return failure();
    graph.nodes[*to].inputs.push_back(*from);
  }
  return success();
}

static FailureOr<Graph> readGraph(StringRef path, MLIRContext *context);

/// Why `path` cannot be a NIR file before HDF5 sees it, or "": the OS's
/// reason when it cannot be read, and anything but a regular file (a FIFO
/// would block the reader until the probe's alarm, a device never ends).
/// HDF5 reads only what it needs, so a NIR file may be of any size.
static std::string inputFileProblem(StringRef path) {
  if (std::string why = snnc::checkInputFile(
          path.str(), std::numeric_limits<uint64_t>::max());
      !why.empty())
    return why;
  int fd = -1;
  if (std::error_code ec = llvm::sys::fs::openFileForRead(path, fd))
    return "cannot read '" + path.str() + "': " + ec.message();
  ::close(fd);
  return "";
}

FailureOr<Graph> snnc::nir::loadGraph(StringRef path, MLIRContext *context) {
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  if (std::string why = inputFileProblem(path); !why.empty())
    return emitError(fileLoc) << why;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  // A filter id the file names would make HDF5 dlopen a plug-in from
  // HDF5_PLUGIN_PATH; storageLeavesFile refuses such datasets, and this
  // keeps HDF5 from loading code even for one it touches before the check.
  H5PLset_loading_state(0);
  ProbeOutcome probe = probeInChild([&] { (void)readGraph(path, context); });
  if (probe.result == ProbeResult::Crashed)
    return emitError(fileLoc)
           << "'" << path << "' is corrupt: the HDF5 library crashed reading "
           << "it (signal " << probe.signal << ", " << strsignal(probe.signal)
           << ")";
  if (probe.result == ProbeResult::TimedOut)
    return emitError(fileLoc)
           << "'" << path << "' is corrupt or hostile: the HDF5 library did "
           << "not finish reading it within " << kProbeCpuSeconds
           << " s of CPU time";
  return readGraph(path, context);
}

/// The NIR major versions snnc reads: 0 (the published sample files are
/// 0.2.0; NIR 0.1.1 files exist too) and 1 (what `snnc export` writes).
static constexpr unsigned kMaxMajorVersion = 1;
static constexpr const char *kSupportedVersions = "0.x and 1.x";

/// Why `version` names no NIR version snnc reads, or "".
static std::string versionProblem(StringRef version) {
  if (version.empty())
    return "dataset 'version' is empty";
  StringRef major = version.take_while(llvm::isDigit);
  unsigned value = 0;
  if (major.empty() || major.getAsInteger(10, value) ||
      (major.size() < version.size() && version[major.size()] != '.'))
    return "dataset 'version' holds '" + version.str() +
           "', which is not a NIR version number";
  if (value > kMaxMajorVersion)
    return "the file is NIR version '" + version.str() +
           "', a major version snnc does not know";
  return "";
}

static FailureOr<Graph> readGraph(StringRef path, MLIRContext *context) {
  Location fileLoc = FileLineColLoc::get(context, path, 0, 0);
  std::string file = path.str();
  if (H5Fis_hdf5(file.c_str()) <= 0)
    return emitError(fileLoc)
           << "'" << path << "' is not a readable HDF5 (NIR) file";
  Handle handle(H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
  if (!handle)
    return emitError(fileLoc) << "cannot open '" << path << "' as HDF5";
  hsize_t fileSize = 0;
  if (H5Fget_filesize(handle.get(), &fileSize) < 0)
    return emitError(fileLoc)
           << "HDF5 cannot tell the size of '" << path << "'";
  Graph graph;
  if (!hasLink(handle.get(), "version"))
    return emitError(fileLoc)
           << "'" << path << "' has no 'version' dataset: not a NIR file";
  {
    std::string why;
    Handle dataset = openDataset(handle.get(), "version", why);
    if (why.empty())
      why = dataset ? readOneString(dataset.get(), fileSize, graph.version)
                    : "cannot be opened";
    if (!why.empty())
      return emitError(fileLoc) << "dataset 'version' " << why;
  }
  if (std::string why = versionProblem(graph.version); !why.empty())
    return emitError(fileLoc)
           << why << "; snnc reads NIR versions " << kSupportedVersions;
  if (!hasLink(handle.get(), "node"))
    return emitError(fileLoc)
           << "'" << path << "' has no 'node' group: not a NIR file";
  if (std::string why = linkLeavesFile(handle.get(), "node"); !why.empty())
    return emitError(fileLoc) << "group 'node' " << why;
  Handle root(H5Gopen2(handle.get(), "node", H5P_DEFAULT), H5Gclose);
  if (!root)
    return emitError(fileLoc) << "'node' is not a group";
  std::string type;
  if (!hasLink(root.get(), "type"))
    return emitError(nodeLoc(context, "node"))
           << "the top-level node has no 'type' dataset";
  {
    std::string why;
    Handle dataset = openDataset(root.get(), "type", why);
    if (why.empty())
      why = dataset ? readOneString(dataset.get(), fileSize, type)
                    : "cannot be opened";
    if (!why.empty())
      return emitError(nodeLoc(context, "node"))
             << "the top-level node's dataset 'type' " << why;
  }
  if (type != "NIRGraph")
    return emitError(nodeLoc(context, "node"))
           << "the top-level node is a '" << type << "', not a NIRGraph";
  Scope scope;
  Loader loader(context, graph, fileSize);
  if (failed(loader.claimGroup(root.get(), "the top-level graph", "node")) ||
      failed(loader.loadGraph(root.get(), scope, 0)))
    return failure();
  return graph;
}
