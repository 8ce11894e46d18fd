//===- Hdf5Graph.cpp - Read and flatten a NIR file with the HDF5 C API ----===//

#include "Hdf5Graph.h"
#include "Sandbox.h"

#include "snnc/Import/Hdf5Handle.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"

#include <H5PLpublic.h>
#include <hdf5.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

using namespace mlir;
using namespace snnc::nir;
using snnc::hdf5::Handle;

namespace {

/// Datasets larger than this are refused (a corrupt header could otherwise
/// make us allocate without bound). `snnc export` writes no larger dense
/// weight (kMaxExportDenseElements), so snnc reads what it writes.
constexpr hssize_t kMaxElements = hssize_t(1) << 24;
/// Nested graphs deeper than this are refused (hard links can form cycles).
constexpr int kMaxDepth = 32;

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

/// Why following link `name` of `group` could reach outside the file, or ""
/// when it is a hard link. External links open other files; soft links are
/// paths that may run through one, and NIR's writer (h5py) makes neither;
/// user-defined link classes run code of their own.
std::string linkLeavesFile(hid_t group, const std::string &name) {
  H5L_info_t info;
  if (H5Lget_info(group, name.c_str(), &info, H5P_DEFAULT) < 0)
    return "is a link HDF5 cannot describe";
  if (info.type == H5L_TYPE_HARD)
    return "";
  if (info.type == H5L_TYPE_SOFT)
    return "is a soft link; snnc follows only hard links, which stay inside "
           "the file";
  if (info.type == H5L_TYPE_EXTERNAL) {
    std::string target = "another file";
    std::vector<char> value(info.u.val_size + 1, 0);
    const char *fileName = nullptr, *objectName = nullptr;
    if (info.u.val_size < (1u << 16) &&
        H5Lget_val(group, name.c_str(), value.data(), info.u.val_size,
                   H5P_DEFAULT) >= 0 &&
        H5Lunpack_elink_val(value.data(), info.u.val_size, nullptr, &fileName,
                            &objectName) >= 0 &&
        fileName && objectName)
      target = "'" + std::string(fileName) + ":" + objectName + "'";
    return "is an external link to " + target +
           "; snnc reads only what is inside the NIR file";
  }
  return "is a user-defined HDF5 link (class " +
         std::to_string(static_cast<int>(info.type)) +
         "); snnc follows only hard links";
}

/// Filters built into HDF5 itself that a NIR writer may use. Any other id
/// needs a plug-in, which HDF5 would load from HDF5_PLUGIN_PATH.
bool isBuiltinFilter(H5Z_filter_t id) {
  return id == H5Z_FILTER_DEFLATE || id == H5Z_FILTER_SHUFFLE ||
         id == H5Z_FILTER_FLETCHER32;
}

/// Why reading `dataset` could touch bytes outside the file or run code
/// outside HDF5, or "": external raw-data files (which may name any local
/// file, /etc/passwd included), virtual datasets (which map other files)
/// and filters other than HDF5's built-in ones.
std::string storageLeavesFile(hid_t dataset) {
  Handle plist(H5Dget_create_plist(dataset), H5Pclose);
  if (!plist)
    return "has no readable creation properties";
  int external = H5Pget_external_count(plist.get());
  if (external < 0)
    return "has unreadable external-storage properties";
  if (external > 0) {
    char fileName[1024] = {0};
    off_t offset = 0;
    hsize_t size = 0;
    std::string where = "another file";
    if (H5Pget_external(plist.get(), 0, sizeof(fileName) - 1, fileName, &offset,
                        &size) >= 0)
      where = "'" + std::string(fileName) + "'";
    return "is stored outside the file (HDF5 external storage in " + where +
           "); snnc reads only what is inside the NIR file";
  }
  if (H5Pget_layout(plist.get()) == H5D_VIRTUAL)
    return "is an HDF5 virtual dataset, which maps data from other files; "
           "snnc reads only what is inside the NIR file";
  int filters = H5Pget_nfilters(plist.get());
  if (filters < 0)
    return "has an unreadable filter pipeline";
  for (int i = 0; i < filters; ++i) {
    unsigned flags = 0, config = 0;
    size_t count = 0;
    char filterName[256] = {0};
    H5Z_filter_t id =
        H5Pget_filter2(plist.get(), static_cast<unsigned>(i), &flags, &count,
                       nullptr, sizeof(filterName) - 1, filterName, &config);
    if (id < 0)
      return "has an unreadable filter pipeline";
    if (!isBuiltinFilter(id))
      return "uses HDF5 filter " + std::to_string(id) +
             (filterName[0] ? " ('" + std::string(filterName) + "')" : "") +
             "; snnc allows only deflate (1), shuffle (2) and fletcher32 (3)";
  }
  return "";
}

/// Opens dataset `name` of `group` after checking that neither the link
/// nor the storage reaches outside the file; `why` receives the reason it
/// is refused (and is "" when the dataset cannot be opened at all).
Handle openDataset(hid_t group, const std::string &name, std::string &why) {
  why = linkLeavesFile(group, name);
  if (!why.empty())
    return Handle(-1, H5Dclose);
  Handle dataset(H5Dopen2(group, name.c_str(), H5P_DEFAULT), H5Dclose);
  if (dataset)
    why = storageLeavesFile(dataset.get());
  return why.empty() ? std::move(dataset) : Handle(-1, H5Dclose);
}

/// False when `dataset` stores fewer bytes than its `count` elements of
/// `type` need: a declared extent the file does not back (a truncated or
/// forged file), which HDF5 would otherwise fill element by element.
/// Chunked datasets may hold compressed or unwritten chunks, so only
/// contiguous and compact ones are checked.
bool storageBacksExtent(hid_t dataset, hid_t type, hssize_t count) {
  Handle plist(H5Dget_create_plist(dataset), H5Pclose);
  if (!plist)
    return false;
  H5D_layout_t layout = H5Pget_layout(plist.get());
  if (layout == H5D_CHUNKED || count == 0)
    return true;
  size_t size = H5Tget_size(type);
  return size && H5Dget_storage_size(dataset) >= hsize_t(count) * size;
}

/// Reads all strings of a string dataset (any rank), variable or fixed
/// length. `dims` receives its dimensions.
bool readStrings(hid_t dataset, std::vector<std::string> &out,
                 std::vector<int64_t> &dims) {
  Handle type(H5Dget_type(dataset), H5Tclose);
  Handle space(H5Dget_space(dataset), H5Sclose);
  if (!type || !space || H5Tget_class(type.get()) != H5T_STRING)
    return false;
  int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0 || rank > 8)
    return false;
  hsize_t extent[8];
  H5Sget_simple_extent_dims(space.get(), extent, nullptr);
  dims.assign(extent, extent + rank);
  hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0 || count > kMaxElements)
    return false;
  Handle memType(H5Tcopy(type.get()), H5Tclose);
  if (!memType)
    return false;
  htri_t variable = H5Tis_variable_str(type.get());
  if (variable < 0)
    return false;
  if (variable) {
    std::vector<char *> buffer(count, nullptr);
    if (count && H5Dread(dataset, memType.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                         buffer.data()) < 0)
      return false;
    for (char *s : buffer)
      out.emplace_back(s ? s : "");
    if (count)
      H5Dvlen_reclaim(memType.get(), space.get(), H5P_DEFAULT, buffer.data());
    return true;
  }
  size_t size = H5Tget_size(type.get());
  if (size == 0 || size > (1u << 20) || size * count > (size_t(1) << 28))
    return false;
  std::vector<char> buffer(size * count + 1, 0);
  if (count && H5Dread(dataset, memType.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                       buffer.data()) < 0)
    return false;
  for (hssize_t i = 0; i < count; ++i) {
    const char *s = buffer.data() + i * size;
    out.emplace_back(s, strnlen(s, size));
  }
  return true;
}

double shortestFloat(double value) {
  float f = static_cast<float>(value);
  if (!std::isfinite(f))
    return value;
  // std::to_chars gives the shortest decimal that reads back as `f` (and is
  // fast enough for the 2^24 values of the largest weight).
  char text[32];
  std::to_chars_result end = std::to_chars(text, text + sizeof(text) - 1, f);
  if (end.ec != std::errc())
    return value;
  *end.ptr = '\0';
  return std::strtod(text, nullptr);
}

/// Reads a numeric dataset as doubles. Returns false for other classes.
bool readArray(hid_t dataset, Array &out) {
  Handle type(H5Dget_type(dataset), H5Tclose);
  Handle space(H5Dget_space(dataset), H5Sclose);
  if (!type || !space)
    return false;
  H5T_class_t cls = H5Tget_class(type.get());
  if (cls != H5T_INTEGER && cls != H5T_FLOAT)
    return false;
  int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0 || rank > 8)
    return false;
  hsize_t extent[8];
  H5Sget_simple_extent_dims(space.get(), extent, nullptr);
  out.dims.assign(extent, extent + rank);
  hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0 || count > kMaxElements ||
      !storageBacksExtent(dataset, type.get(), count))
    return false;
  out.isInteger = cls == H5T_INTEGER;
  out.values.assign(count, 0.0);
  if (count && H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL,
                       H5P_DEFAULT, out.values.data()) < 0)
    return false;
  // An f32 0.001 widens to 0.0010000000474974513; keep the decimal the
  // writer meant: the shortest one that rounds to the same f32.
  if (cls == H5T_FLOAT && H5Tget_size(type.get()) == 4)
    for (double &v : out.values)
      v = shortestFloat(v);
  return true;
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
  Loader(MLIRContext *context, Graph &graph) : context(context), graph(graph) {}

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
  FailureOr<size_t> resolve(const Scope &scope, StringRef name, bool source,
                            StringRef edge, const Scope &edgeScope);

  MLIRContext *context;
  Graph &graph;
};

} // namespace

Location snnc::nir::nodeLoc(MLIRContext *context, StringRef name) {
  return NameLoc::get(StringAttr::get(context, name));
}

LogicalResult Loader::loadNode(hid_t group, const std::string &name,
                               Scope &scope, int depth) {
  std::string full = scope.path.empty() ? name : scope.path + "." + name;
  std::vector<std::string> typeText;
  std::vector<int64_t> dims;
  if (!hasLink(group, "type"))
    return error(full) << "node '" << full << "' has no 'type' dataset";
  {
    std::string why;
    Handle dataset = openDataset(group, "type", why);
    if (!why.empty())
      return error(full) << "node '" << full << "': dataset 'type' " << why;
    if (!dataset || !readStrings(dataset.get(), typeText, dims) ||
        typeText.size() != 1)
      return error(full) << "node '" << full
                         << "': 'type' is not a readable string";
  }
  const std::string &type = typeText.front();
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
  for (const std::string &link : links) {
    if (link == "type")
      continue;
    std::string why = linkLeavesFile(group, link);
    if (!why.empty())
      return error(full) << "node '" << full << "': '" << link << "' " << why;
    Handle object(H5Oopen(group, link.c_str(), H5P_DEFAULT), H5Oclose);
    if (!object)
      return error(full) << "node '" << full << "': cannot open '" << link
                         << "'";
    if (H5Iget_type(object.get()) != H5I_DATASET)
      continue;
    why = storageLeavesFile(object.get());
    if (!why.empty())
      return error(full) << "node '" << full << "': dataset '" << link << "' "
                         << why;
    Handle type(H5Dget_type(object.get()), H5Tclose);
    if (type && H5Tget_class(type.get()) == H5T_STRING) {
      std::vector<std::string> text;
      std::vector<int64_t> textDims;
      if (readStrings(object.get(), text, textDims) && text.size() == 1)
        node.strings[link] = text.front();
      continue;
    }
    Array array;
    if (!readArray(object.get(), array))
      return error(full) << "node '" << full << "': parameter '" << link
                         << "' is not a readable numeric array";
    node.params[link] = std::move(array);
  }
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
  if (!hasLink(group, "nodes"))
    return error(self) << graphName(scope) << " has no 'nodes' group";
  if (std::string why = linkLeavesFile(group, "nodes"); !why.empty())
    return error(self) << "'nodes' of " << graphName(scope) << " " << why;
  Handle nodes(H5Gopen2(group, "nodes", H5P_DEFAULT), H5Gclose);
  std::vector<std::string> names;
  if (!nodes || !listLinks(nodes.get(), names))
    return error(self) << "cannot read the nodes of " << graphName(scope);
  for (const std::string &name : names) {
    if (std::string why = linkLeavesFile(nodes.get(), name); !why.empty())
      return error(scope.path.empty() ? name : scope.path + "." + name)
             << "node '" << name << "' of " << graphName(scope) << " " << why;
    Handle child(H5Gopen2(nodes.get(), name.c_str(), H5P_DEFAULT), H5Gclose);
    if (!child)
      return error(name) << "node '" << name << "' of " << graphName(scope)
                         << " is not a group";
    if (failed(loadNode(child.get(), name, scope, depth)))
      return failure();
  }
  if (!hasLink(group, "edges"))
    return success();
  std::string why;
  Handle edges = openDataset(group, "edges", why);
  if (!why.empty())
    return error(self) << "dataset 'edges' of " << graphName(scope) << " "
                       << why;
  std::vector<std::string> ends;
  std::vector<int64_t> dims;
  if (!edges || !readStrings(edges.get(), ends, dims) ||
      (!ends.empty() && (dims.size() != 2 || dims[1] != 2)))
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

FailureOr<Graph> snnc::nir::loadGraph(StringRef path, MLIRContext *context) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  // A filter id the file names would make HDF5 dlopen a plug-in from
  // HDF5_PLUGIN_PATH; storageLeavesFile refuses such datasets, and this
  // keeps HDF5 from loading code even for one it touches before the check.
  H5PLset_loading_state(0);
  if (probeInChild([&] { (void)readGraph(path, context); }) ==
      ProbeResult::Crashed)
    return emitError(FileLineColLoc::get(context, path, 0, 0))
           << "'" << path
           << "' is corrupt: reading it crashes or hangs the HDF5 library";
  return readGraph(path, context);
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
  Graph graph;
  std::vector<std::string> version;
  std::vector<int64_t> dims;
  if (!hasLink(handle.get(), "version"))
    return emitError(fileLoc)
           << "'" << path << "' has no 'version' dataset: not a NIR file";
  {
    std::string why;
    Handle dataset = openDataset(handle.get(), "version", why);
    if (!why.empty())
      return emitError(fileLoc) << "dataset 'version' " << why;
    if (!dataset || !readStrings(dataset.get(), version, dims) ||
        version.size() != 1)
      return emitError(fileLoc) << "'version' is not a readable string";
  }
  graph.version = version.front();
  if (!hasLink(handle.get(), "node"))
    return emitError(fileLoc)
           << "'" << path << "' has no 'node' group: not a NIR file";
  if (std::string why = linkLeavesFile(handle.get(), "node"); !why.empty())
    return emitError(fileLoc) << "group 'node' " << why;
  Handle root(H5Gopen2(handle.get(), "node", H5P_DEFAULT), H5Gclose);
  if (!root)
    return emitError(fileLoc) << "'node' is not a group";
  std::vector<std::string> type;
  if (!hasLink(root.get(), "type"))
    return emitError(nodeLoc(context, "node"))
           << "the top-level node has no 'type' dataset";
  {
    std::string why;
    Handle dataset = openDataset(root.get(), "type", why);
    if (!why.empty())
      return emitError(nodeLoc(context, "node"))
             << "the top-level node's dataset 'type' " << why;
    if (!dataset || !readStrings(dataset.get(), type, dims) || type.size() != 1)
      return emitError(nodeLoc(context, "node"))
             << "the top-level node's 'type' is not a readable string";
  }
  if (type.front() != "NIRGraph")
    return emitError(nodeLoc(context, "node"))
           << "the top-level node is a '" << type.front()
           << "', not a NIRGraph";
  Scope scope;
  Loader loader(context, graph);
  if (failed(loader.loadGraph(root.get(), scope, 0)))
    return failure();
  return graph;
}
