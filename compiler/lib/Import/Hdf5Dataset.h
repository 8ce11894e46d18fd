//===- Hdf5Dataset.h - What the importer may read of a file -*- C++ -*-===//
//-*-//
//
// The importer reads only what lies inside the NIR file: hard links, and
// datasets whose storage is the file's own, unfiltered or filtered by
// HDF5's built-in filters. Every read checks the dataset's declared extent
// against the file and the per-dataset limits before it allocates.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMPORT_HDF5DATASET_H
#define SNNC_IMPORT_HDF5DATASET_H

#include "Hdf5Graph.h"

#include "snnc/Import/Hdf5Handle.h"

#include <hdf5.h>

#include <string>
#include <vector>

namespace snnc::nir {

/// Why following link `name` of `group` could reach outside the file, or ""
/// when it is a hard link.
std::string linkLeavesFile(hid_t group, const std::string &name);

/// Why reading `dataset` could touch bytes outside the file or run code
/// outside HDF5, or "".
std::string storageLeavesFile(hid_t dataset);

/// Opens dataset `name` of `group` after checking that neither the link
/// nor the storage reaches outside the file; `why` receives the reason it
/// is refused (and is "" when the dataset cannot be opened at all).
hdf5::Handle openDataset(hid_t group, const std::string &name,
                         std::string &why);

/// Reads all strings of a string dataset (any rank), variable or fixed
/// length, into `out` and its dimensions into `dims`. Returns why it
/// cannot, or "".
std::string readStrings(hid_t dataset, hsize_t fileSize,
                        std::vector<std::string> &out,
                        std::vector<int64_t> &dims);

/// Reads a string dataset that must hold one string into `text`.
std::string readOneString(hid_t dataset, hsize_t fileSize, std::string &text);

/// Reads a numeric dataset as doubles. Returns why it cannot, or "".
std::string readArray(hid_t dataset, hsize_t fileSize, Array &out);

} // namespace snnc::nir

#endif // SNNC_IMPORT_HDF5DATASET_H
