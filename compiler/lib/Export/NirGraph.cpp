//===- NirGraph.cpp - Write NIR records with the HDF5 C API, atomically ---===//

#include "NirGraph.h"

#include "snnc/Support/OutputFile.h"

#include "snnc/Import/Hdf5Handle.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <hdf5.h>

#include <unistd.h>

using namespace snnc::nirexport;
using snnc::hdf5::Handle;

namespace {

/// A dataset of `kind` whose values live in the vector `field`.
template <typename T>
Dataset makeDataset(std::string name, Dataset::Kind kind,
                    std::vector<int64_t> dims, std::vector<T> Dataset::*field,
                    std::vector<T> values) {
  Dataset d;
  d.name = std::move(name);
  d.kind = kind;
  d.dims = std::move(dims);
  d.*field = std::move(values);
  return d;
}

} // namespace

Dataset Dataset::floats(std::string name, std::vector<int64_t> dims,
                        std::vector<float> values) {
  return makeDataset(std::move(name), F32, std::move(dims), &Dataset::f32,
                     std::move(values));
}

Dataset Dataset::doubles(std::string name, std::vector<int64_t> dims,
                         std::vector<double> values) {
  return makeDataset(std::move(name), F64, std::move(dims), &Dataset::f64,
                     std::move(values));
}

Dataset Dataset::ints(std::string name, std::vector<int64_t> dims,
                      std::vector<int64_t> values) {
  return makeDataset(std::move(name), I64, std::move(dims), &Dataset::i64,
                     std::move(values));
}

Dataset Dataset::scalar(std::string name, int64_t value) {
  return ints(std::move(name), {}, {value});
}

namespace {

/// Variable-length UTF-8 strings, as h5py writes `str` values; -1 on error.
hid_t stringType() {
  hid_t type = H5Tcopy(H5T_C_S1);
  if (type >= 0 && (H5Tset_size(type, H5T_VARIABLE) < 0 ||
                    H5Tset_cset(type, H5T_CSET_UTF8) < 0)) {
    H5Tclose(type);
    return -1;
  }
  return type;
}

class Writer {
public:
  explicit Writer(hid_t file) : file(file) {}

  std::string write(const Graph &graph);

private:
  bool writeString(hid_t loc, const char *name, const std::string &value);
  bool writeDataset(hid_t loc, const Dataset &d);
  bool writeEdges(hid_t loc, const Graph &graph);

  hid_t file;
};

bool Writer::writeString(hid_t loc, const char *name,
                         const std::string &value) {
  Handle space(H5Screate(H5S_SCALAR), H5Sclose);
  Handle type(stringType(), H5Tclose);
  if (!space || !type)
    return false;
  Handle set(H5Dcreate2(loc, name, type.get(), space.get(), H5P_DEFAULT,
                        H5P_DEFAULT, H5P_DEFAULT),
             H5Dclose);
  const char *text = value.c_str();
  Handle xfer = snnc::hdf5::transferFor(1, sizeof(text));
  return set && H5Dwrite(set.get(), type.get(), H5S_ALL, H5S_ALL,
                         xfer ? xfer.get() : H5P_DEFAULT, &text) >= 0;
}

bool Writer::writeDataset(hid_t loc, const Dataset &d) {
  std::vector<hsize_t> dims(d.dims.begin(), d.dims.end());
  Handle space(dims.empty() ? H5Screate(H5S_SCALAR)
                            : H5Screate_simple(static_cast<int>(dims.size()),
                                               dims.data(), nullptr),
               H5Sclose);
  if (!space)
    return false;
  hid_t fileType = d.kind == Dataset::F32   ? H5T_IEEE_F32LE
                   : d.kind == Dataset::F64 ? H5T_IEEE_F64LE
                                            : H5T_STD_I64LE;
  hid_t memType = d.kind == Dataset::F32   ? H5T_NATIVE_FLOAT
                  : d.kind == Dataset::F64 ? H5T_NATIVE_DOUBLE
                                           : H5T_NATIVE_INT64;
  const void *data = d.kind == Dataset::F32   ? (const void *)d.f32.data()
                     : d.kind == Dataset::F64 ? (const void *)d.f64.data()
                                              : (const void *)d.i64.data();
  size_t count = d.kind == Dataset::F32   ? d.f32.size()
                 : d.kind == Dataset::F64 ? d.f64.size()
                                          : d.i64.size();
  Handle set(H5Dcreate2(loc, d.name.c_str(), fileType, space.get(), H5P_DEFAULT,
                        H5P_DEFAULT, H5P_DEFAULT),
             H5Dclose);
  if (!set)
    return false;
  if (count == 0)
    return true;
  Handle xfer = snnc::hdf5::transferFor(count, H5Tget_size(memType));
  return H5Dwrite(set.get(), memType, H5S_ALL, H5S_ALL,
                  xfer ? xfer.get() : H5P_DEFAULT, data) >= 0;
}

bool Writer::writeEdges(hid_t loc, const Graph &graph) {
  std::vector<const char *> text;
  text.reserve(graph.edges.size() * 2);
  for (const auto &[from, to] : graph.edges) {
    text.push_back(from.c_str());
    text.push_back(to.c_str());
  }
  hsize_t dims[2] = {graph.edges.size(), 2};
  Handle space(H5Screate_simple(2, dims, nullptr), H5Sclose);
  Handle type(stringType(), H5Tclose);
  if (!space || !type)
    return false;
  Handle set(H5Dcreate2(loc, "edges", type.get(), space.get(), H5P_DEFAULT,
                        H5P_DEFAULT, H5P_DEFAULT),
             H5Dclose);
  if (!set)
    return false;
  if (text.empty())
    return true;
  Handle xfer = snnc::hdf5::transferFor(text.size(), sizeof(const char *));
  return H5Dwrite(set.get(), type.get(), H5S_ALL, H5S_ALL,
                  xfer ? xfer.get() : H5P_DEFAULT, text.data()) >= 0;
}

std::string Writer::write(const Graph &graph) {
  if (!writeString(file, "version", graph.version))
    return "cannot write the 'version' dataset";
  Handle root(H5Gcreate2(file, "node", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
              H5Gclose);
  if (!root || !writeString(root.get(), "type", "NIRGraph"))
    return "cannot write the top-level 'node' group";
  Handle nodes(
      H5Gcreate2(root.get(), "nodes", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
      H5Gclose);
  if (!nodes)
    return "cannot create the 'nodes' group";
  for (const Node &node : graph.nodes) {
    Handle group(H5Gcreate2(nodes.get(), node.name.c_str(), H5P_DEFAULT,
                            H5P_DEFAULT, H5P_DEFAULT),
                 H5Gclose);
    if (!group || !writeString(group.get(), "type", node.type))
      return "cannot write node '" + node.name + "'";
    for (const Dataset &d : node.params)
      if (!writeDataset(group.get(), d))
        return "cannot write parameter '" + d.name + "' of node '" + node.name +
               "'";
  }
  if (!writeEdges(root.get(), graph))
    return "cannot write the edge list";
  return "";
}

} // namespace

std::string snnc::nirexport::writeGraph(const Graph &graph,
                                        llvm::StringRef path) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  // The one output writer: a temporary beside the destination, renamed
  // into place (or copied through a device), never over an input or link.
  snnc::PendingOutput out(path.str());
  if (!out.ok())
    return out.error();
  std::string error;
  {
    Handle file(
        H5Fcreate(out.path().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
        H5Fclose);
    if (!file)
      error = "HDF5 cannot create '" + out.path() + "'";
    else
      error = Writer(file.get()).write(graph);
    if (error.empty() && !file.close())
      error =
          "HDF5 cannot finish writing '" + path.str() + "' (is the disk full?)";
  }
  if (error.empty())
    error = out.commit();
  return error;
}
