//===- NirGraph.h - NIR graph records and their HDF5 writer ---*- C++ -*-===//
//
// The exporter first turns a network into these records (one node per NIR
// node, with typed parameter datasets, and an edge list), then writes them
// with the HDF5 C API in the layout of NIR's reference writer.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_EXPORT_NIRGRAPH_H
#define SNNC_EXPORT_NIRGRAPH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snnc::nirexport {

/// One parameter dataset. `dims` empty means a 0-d scalar. Exactly one of
/// the value vectors is used, chosen by `kind`.
struct Dataset {
  enum Kind { F32, F64, I64 };
  std::string name;
  Kind kind = F64;
  std::vector<int64_t> dims;
  std::vector<float> f32;
  std::vector<double> f64;
  std::vector<int64_t> i64;

  static Dataset floats(std::string name, std::vector<int64_t> dims,
                        std::vector<float> values);
  static Dataset doubles(std::string name, std::vector<int64_t> dims,
                         std::vector<double> values);
  static Dataset ints(std::string name, std::vector<int64_t> dims,
                      std::vector<int64_t> values);
  /// A 0-d int64 dataset.
  static Dataset scalar(std::string name, int64_t value);
};

struct Node {
  std::string name;
  std::string type;
  std::vector<Dataset> params;
};

struct Graph {
  std::string version = "1.0.0";
  std::vector<Node> nodes;
  std::vector<std::pair<std::string, std::string>> edges;
};

/// Writes `graph` to `path` through a temporary file in the same directory,
/// renamed into place only after HDF5 has closed it. Returns an empty
/// string on success, else a message naming what failed.
std::string writeGraph(const Graph &graph, llvm::StringRef path);

} // namespace snnc::nirexport

#endif // SNNC_EXPORT_NIRGRAPH_H
