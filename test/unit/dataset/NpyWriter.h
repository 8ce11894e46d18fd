//===- NpyWriter.h - .npy files for the dataset tests -----------*- C++ -*-===//

#ifndef SNNC_TEST_DATASET_NPYWRITER_H
#define SNNC_TEST_DATASET_NPYWRITER_H

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace snnc::test {

/// A version-1 .npy file of `descr` and `shape` ("(2, 3)") over `data`.
inline std::vector<uint8_t> npy(const std::string &descr,
                                const std::string &shape,
                                const std::vector<uint8_t> &data,
                                bool fortran = false) {
  std::string header = "{'descr': '" + descr +
                       "', 'fortran_order': " + (fortran ? "True" : "False") +
                       ", 'shape': " + shape + ", }";
  while ((10 + header.size() + 1) % 64 != 0)
    header += ' ';
  header += '\n';
  std::vector<uint8_t> b = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  b.push_back(uint8_t(header.size() & 0xff));
  b.push_back(uint8_t(header.size() >> 8));
  b.insert(b.end(), header.begin(), header.end());
  b.insert(b.end(), data.begin(), data.end());
  return b;
}

template <typename T> std::vector<uint8_t> bytesOf(std::vector<T> values) {
  std::vector<uint8_t> b(values.size() * sizeof(T));
  std::memcpy(b.data(), values.data(), b.size());
  return b;
}

} // namespace snnc::test

#endif // SNNC_TEST_DATASET_NPYWRITER_H
