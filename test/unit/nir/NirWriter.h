//===- NirWriter.h - Write NIR (HDF5) fixtures with the HDF5 C API -*- C++ -*-//
//
// Builds small NIR files node by node, the way NIR's Python writer lays them
// out: /version, /node/{type,nodes,edges}, each node a group with a string
// `type` and numeric parameter datasets.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TEST_UNIT_NIR_NIRWRITER_H
#define SNNC_TEST_UNIT_NIR_NIRWRITER_H

#include <hdf5.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace nirtest {

/// One parameter dataset. `dims` empty means a 0-d scalar.
struct Param {
  std::string name;
  std::vector<int64_t> dims;
  std::vector<double> values;
  enum Kind { F32, F64, I64, STR } kind = F32;
  std::string text; // STR: a scalar string, as h5py writes `str`
};

/// A 1-D f32 array.
inline Param vec(std::string name, std::vector<double> values) {
  int64_t n = static_cast<int64_t>(values.size());
  return {std::move(name), {n}, std::move(values), Param::F32};
}
/// An f32 array of any shape.
inline Param arr(std::string name, std::vector<int64_t> dims,
                 std::vector<double> values) {
  return {std::move(name), std::move(dims), std::move(values), Param::F32};
}
/// A scalar string parameter (a Conv `padding` of "same").
inline Param str(std::string name, std::string text) {
  Param p{std::move(name), {}, {}, Param::STR};
  p.text = std::move(text);
  return p;
}
/// An int64 array (scalar when `dims` is empty).
inline Param ints(std::string name, std::vector<int64_t> dims,
                  std::vector<double> values) {
  return {std::move(name), std::move(dims), std::move(values), Param::I64};
}

class NirWriter {
public:
  /// Creates `path`; `withVersion`/`withRoot` let tests omit them.
  explicit NirWriter(const std::string &path, bool withVersion = true,
                     bool withRoot = true) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (withVersion)
      writeString(file, "version", "0.2.0");
    if (withRoot)
      makeGraph(file, "node");
  }
  NirWriter(const NirWriter &) = delete;
  NirWriter &operator=(const NirWriter &) = delete;
  ~NirWriter() { close(); }
  void close() {
    if (file >= 0)
      H5Fclose(file);
    file = -1;
  }

  /// Adds a node to `graph` ("" for the top level, "sub" or "a/b" nested).
  void node(const std::string &graph, const std::string &name,
            const std::string &type, const std::vector<Param> &params = {}) {
    hid_t g = H5Gcreate2(file, (nodesPath(graph) + "/" + name).c_str(),
                         H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    writeString(g, "type", type);
    for (const Param &p : params)
      writeParam(g, p);
    H5Gclose(g);
  }
  /// Adds a nested NIRGraph `name` to `graph`.
  void subgraph(const std::string &graph, const std::string &name) {
    hid_t parent = H5Gopen2(file, nodesPath(graph).c_str(), H5P_DEFAULT);
    makeGraph(parent, name);
    H5Gclose(parent);
  }
  /// Writes the (N, 2) edge list of `graph`.
  void edges(const std::string &graph,
             const std::vector<std::pair<std::string, std::string>> &list) {
    std::vector<const char *> text;
    for (const auto &[from, to] : list) {
      text.push_back(from.c_str());
      text.push_back(to.c_str());
    }
    hsize_t dims[2] = {list.size(), 2};
    hid_t space = H5Screate_simple(2, dims, nullptr);
    hid_t type = stringType();
    hid_t set = H5Dcreate2(file, (graphPath(graph) + "/edges").c_str(), type,
                           space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    if (!text.empty())
      H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, text.data());
    H5Dclose(set);
    H5Tclose(type);
    H5Sclose(space);
  }

  /// The open file, for tests that forge what the writer would not write.
  hid_t handle() const { return file; }

  /// Writes a scalar variable-length UTF-8 string, as h5py writes `str`.
  static void writeString(hid_t loc, const char *name,
                          const std::string &value) {
    hid_t space = H5Screate(H5S_SCALAR);
    hid_t type = stringType();
    hid_t set = H5Dcreate2(loc, name, type, space, H5P_DEFAULT, H5P_DEFAULT,
                           H5P_DEFAULT);
    const char *text = value.c_str();
    H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &text);
    H5Dclose(set);
    H5Tclose(type);
    H5Sclose(space);
  }
  /// Creates an empty NIRGraph group `name` in `loc`.
  static void makeGraph(hid_t loc, const std::string &name) {
    hid_t g =
        H5Gcreate2(loc, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    writeString(g, "type", "NIRGraph");
    H5Gclose(H5Gcreate2(g, "nodes", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    H5Gclose(g);
  }

private:
  static std::string graphPath(const std::string &graph) {
    std::string path = "/node";
    size_t start = 0;
    while (!graph.empty() && start <= graph.size()) {
      size_t slash = graph.find('/', start);
      if (slash == std::string::npos)
        slash = graph.size();
      path += "/nodes/" + graph.substr(start, slash - start);
      start = slash + 1;
    }
    return path;
  }
  static std::string nodesPath(const std::string &graph) {
    return graphPath(graph) + "/nodes";
  }
  static hid_t stringType() {
    hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    return type;
  }
  static void writeParam(hid_t loc, const Param &p) {
    if (p.kind == Param::STR) {
      writeString(loc, p.name.c_str(), p.text);
      return;
    }
    std::vector<hsize_t> dims(p.dims.begin(), p.dims.end());
    hid_t space = dims.empty() ? H5Screate(H5S_SCALAR)
                               : H5Screate_simple(static_cast<int>(dims.size()),
                                                  dims.data(), nullptr);
    hid_t fileType = p.kind == Param::F32   ? H5T_IEEE_F32LE
                     : p.kind == Param::F64 ? H5T_IEEE_F64LE
                                            : H5T_STD_I64LE;
    hid_t set = H5Dcreate2(loc, p.name.c_str(), fileType, space, H5P_DEFAULT,
                           H5P_DEFAULT, H5P_DEFAULT);
    if (!p.values.empty())
      H5Dwrite(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
               p.values.data());
    H5Dclose(set);
    H5Sclose(space);
  }

  hid_t file = -1;
};

} // namespace nirtest

#endif // SNNC_TEST_UNIT_NIR_NIRWRITER_H
