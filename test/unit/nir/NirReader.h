//===- NirReader.h - Read back what the NIR exporter wrote -------*- C++
//-*-===//
//
// Plain HDF5 C API reads, independent of snnc's importer, so the export
// tests check the file layout itself: node types, parameter datasets (their
// stored type, shape and values) and the edge list.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TEST_UNIT_NIR_NIRREADER_H
#define SNNC_TEST_UNIT_NIR_NIRREADER_H

#include <hdf5.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace nirtest {

/// A dataset as stored: its HDF5 class and size, dimensions and values.
struct Stored {
  bool found = false;
  H5T_class_t cls = H5T_NO_CLASS;
  size_t bytes = 0;
  std::vector<hsize_t> dims;
  std::vector<double> values;
  std::vector<std::string> strings;
};

class NirReader {
public:
  explicit NirReader(const std::string &path) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  }
  NirReader(const NirReader &) = delete;
  NirReader &operator=(const NirReader &) = delete;
  ~NirReader() {
    if (file >= 0)
      H5Fclose(file);
  }
  bool ok() const { return file >= 0; }

  /// Reads the dataset at `path` ("/node/nodes/lif/tau").
  Stored read(const std::string &path) const {
    Stored s;
    if (file < 0 || H5Lexists(file, path.c_str(), H5P_DEFAULT) <= 0)
      return s;
    hid_t set = H5Dopen2(file, path.c_str(), H5P_DEFAULT);
    if (set < 0)
      return s;
    hid_t type = H5Dget_type(set), space = H5Dget_space(set);
    s.found = true;
    s.cls = H5Tget_class(type);
    s.bytes = H5Tget_size(type);
    int rank = H5Sget_simple_extent_ndims(space);
    s.dims.resize(rank);
    H5Sget_simple_extent_dims(space, s.dims.data(), nullptr);
    hssize_t n = H5Sget_simple_extent_npoints(space);
    if (s.cls == H5T_STRING) {
      std::vector<char *> text(n, nullptr);
      if (n &&
          H5Dread(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, text.data()) >= 0) {
        for (char *t : text)
          s.strings.emplace_back(t ? t : "");
        H5Dvlen_reclaim(type, space, H5P_DEFAULT, text.data());
      }
    } else {
      s.values.assign(n, 0.0);
      if (n)
        H5Dread(set, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                s.values.data());
    }
    H5Tclose(type);
    H5Sclose(space);
    H5Dclose(set);
    return s;
  }

  /// Node name -> type of every node of the top-level graph.
  std::map<std::string, std::string> nodeTypes() const {
    std::map<std::string, std::string> types;
    if (file < 0)
      return types;
    hid_t nodes = H5Gopen2(file, "/node/nodes", H5P_DEFAULT);
    if (nodes < 0)
      return types;
    std::vector<std::string> names;
    auto collect = [](hid_t, const char *name, const H5L_info_t *,
                      void *data) -> herr_t {
      static_cast<std::vector<std::string> *>(data)->push_back(name);
      return 0;
    };
    hsize_t index = 0;
    H5Literate(nodes, H5_INDEX_NAME, H5_ITER_INC, &index, collect, &names);
    H5Gclose(nodes);
    for (const std::string &name : names) {
      Stored type = read("/node/nodes/" + name + "/type");
      types[name] = type.strings.empty() ? "" : type.strings.front();
    }
    return types;
  }

  /// The (source, target) edges of the top-level graph.
  std::vector<std::pair<std::string, std::string>> edges() const {
    Stored s = read("/node/edges");
    std::vector<std::pair<std::string, std::string>> out;
    for (size_t i = 0; i + 1 < s.strings.size(); i += 2)
      out.push_back({s.strings[i], s.strings[i + 1]});
    return out;
  }

private:
  hid_t file = -1;
};

} // namespace nirtest

#endif // SNNC_TEST_UNIT_NIR_NIRREADER_H
