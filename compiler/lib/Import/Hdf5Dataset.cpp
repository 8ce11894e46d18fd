//===- Hdf5Dataset.cpp - What the NIR importer may read of an HDF5 file ---===//
//
// Links and storage that stay inside the file, and datasets read after
// their declared sizes are checked against the file and snnc's limits.
//
//===----------------------------------------------------------------------===//

#include "Hdf5Dataset.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

using snnc::hdf5::Handle;

namespace snnc::nir {

/// Datasets larger than this are refused (a corrupt header could otherwise
/// make us allocate without bound). `snnc export` writes no larger dense
/// weight (kMaxExportDenseElements), so snnc reads what it writes.
constexpr hssize_t kMaxElements = hssize_t(1) << 24;
constexpr const char *kMaxElementsText = "16777216 (2^24)";
/// Fixed-length strings longer than this are refused.
constexpr size_t kMaxStringBytes = size_t(1) << 20;

/// Dimensions as NIR writes a shape: "(6, 10)".
static std::string dimsText(const std::vector<int64_t> &dims) {
  std::string text = "(";
  for (size_t i = 0; i < dims.size(); ++i)
    text += (i ? ", " : "") + std::to_string(dims[i]);
  return text + ")";
}

/// The innermost message of HDF5's error stack, for a call that just
/// failed (the library's own words: "filter returned failure during
/// read"), or "" when the stack is empty.
static std::string hdf5Error() {
  std::string message;
  auto last = [](unsigned, const H5E_error2_t *error, void *data) -> herr_t {
    if (error->desc && *error->desc)
      *static_cast<std::string *>(data) = error->desc;
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, last, &message);
  return message;
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
static bool isBuiltinFilter(H5Z_filter_t id) {
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

/// The bytes one element of `type` takes in the file. A variable-length
/// string is stored as a 4-byte length and a global-heap id (an address and
/// a 4-byte index); H5Tget_size gives its in-memory size instead.
static hsize_t fileElementSize(hid_t dataset, hid_t type) {
  if (H5Tis_variable_str(type) <= 0)
    return H5Tget_size(type);
  size_t addressBytes = 8, lengthBytes = 8;
  Handle file(H5Iget_file_id(dataset), H5Fclose);
  Handle fcpl(file ? H5Fget_create_plist(file.get()) : -1, H5Pclose);
  if (fcpl)
    H5Pget_sizes(fcpl.get(), &addressBytes, &lengthBytes);
  return 4 + addressBytes + 4;
}

/// Why the extent `dims` (`count` elements of `type`) that `dataset`
/// declares cannot be read, or "". Checked before anything is allocated:
/// HDF5 would otherwise make room for the declared extent and fill it
/// element by element from bytes the file does not hold (a truncated or
/// forged file). Contiguous and compact data must lie within the file and
/// within the storage HDF5 reports for the dataset; chunked data may be
/// compressed (or unwritten), so only the per-dataset element limit bounds
/// it.
static std::string extentProblem(hid_t dataset, hid_t type,
                                 const std::vector<int64_t> &dims,
                                 hssize_t count, hsize_t fileSize) {
  std::string declared = "declares shape " + dimsText(dims) + " = " +
                         std::to_string(count) +
                         (count == 1 ? " element" : " elements");
  if (count > kMaxElements)
    return declared + ", more than the " + kMaxElementsText +
           " snnc reads from one dataset";
  hsize_t element = fileElementSize(dataset, type);
  if (element == 0 || element > kMaxStringBytes)
    return "declares elements of " + std::to_string(element) +
           " bytes; snnc reads elements of 1 to " +
           std::to_string(kMaxStringBytes) + " bytes";
  Handle plist(H5Dget_create_plist(dataset), H5Pclose);
  if (!plist)
    return "has no readable creation properties";
  if (count == 0 || H5Pget_layout(plist.get()) == H5D_CHUNKED)
    return "";
  hsize_t bytes = hsize_t(count) * element;
  declared += " of " + std::to_string(element) + " bytes (" +
              std::to_string(bytes) + " bytes)";
  if (bytes > fileSize)
    return declared + ", but the whole file has only " +
           std::to_string(fileSize) + " bytes";
  hsize_t stored = H5Dget_storage_size(dataset);
  if (bytes > stored)
    return declared + ", but the file stores only " + std::to_string(stored) +
           " bytes for it";
  return "";
}

/// Reads the dimensions of `dataset` into `dims` and its element count
/// into `count`; returns why it cannot, or "".
static std::string readExtent(hid_t dataset, std::vector<int64_t> &dims,
                              hssize_t &count) {
  Handle space(H5Dget_space(dataset), H5Sclose);
  if (!space)
    return "has no readable dataspace";
  int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0)
    return "has no readable dataspace";
  if (rank > 8)
    return "has " + std::to_string(rank) + " dimensions; snnc reads at most 8";
  hsize_t extent[8];
  H5Sget_simple_extent_dims(space.get(), extent, nullptr);
  dims.assign(extent, extent + rank);
  count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0)
    return "has no readable dataspace";
  return "";
}

/// "HDF5 cannot read it: <the library's reason>".
static std::string readFailure() {
  std::string reason = hdf5Error();
  return "cannot be read by HDF5" + (reason.empty() ? "" : ": " + reason);
}

/// Reads all strings of a string dataset (any rank), variable or fixed
/// length. `dims` receives its dimensions. Returns why it cannot, or "".
std::string readStrings(hid_t dataset, hsize_t fileSize,
                        std::vector<std::string> &out,
                        std::vector<int64_t> &dims) {
  Handle type(H5Dget_type(dataset), H5Tclose);
  if (!type)
    return "has no readable type";
  if (H5Tget_class(type.get()) != H5T_STRING)
    return "is not a string";
  hssize_t count = 0;
  if (std::string why = readExtent(dataset, dims, count); !why.empty())
    return why;
  if (std::string why =
          extentProblem(dataset, type.get(), dims, count, fileSize);
      !why.empty())
    return why;
  Handle memType(H5Tcopy(type.get()), H5Tclose);
  Handle space(H5Dget_space(dataset), H5Sclose);
  if (!memType || !space)
    return readFailure();
  htri_t variable = H5Tis_variable_str(type.get());
  if (variable < 0)
    return readFailure();
  if (variable) {
    std::vector<char *> buffer(count, nullptr);
    Handle xfer = snnc::hdf5::transferFor(count, sizeof(char *));
    if (count && H5Dread(dataset, memType.get(), H5S_ALL, H5S_ALL,
                         xfer ? xfer.get() : H5P_DEFAULT, buffer.data()) < 0)
      return readFailure();
    for (char *s : buffer)
      out.emplace_back(s ? s : "");
    if (count)
      H5Dvlen_reclaim(memType.get(), space.get(), H5P_DEFAULT, buffer.data());
    return "";
  }
  size_t size = H5Tget_size(type.get());
  std::vector<char> buffer(size * count + 1, 0);
  Handle xfer = snnc::hdf5::transferFor(count, size);
  if (count && H5Dread(dataset, memType.get(), H5S_ALL, H5S_ALL,
                       xfer ? xfer.get() : H5P_DEFAULT, buffer.data()) < 0)
    return readFailure();
  for (hssize_t i = 0; i < count; ++i) {
    const char *s = buffer.data() + i * size;
    out.emplace_back(s, strnlen(s, size));
  }
  return "";
}

/// Reads a string dataset that must hold one string into `text`.
std::string readOneString(hid_t dataset, hsize_t fileSize, std::string &text) {
  std::vector<std::string> strings;
  std::vector<int64_t> dims;
  if (std::string why = readStrings(dataset, fileSize, strings, dims);
      !why.empty())
    return why;
  if (strings.size() != 1)
    return "holds " + std::to_string(strings.size()) +
           " strings; one is needed";
  text = std::move(strings.front());
  return "";
}

static double shortestFloat(double value) {
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

/// The HDF5 class of a type, in words, for messages.
static std::string className(H5T_class_t cls) {
  switch (cls) {
  case H5T_TIME:
    return "a time";
  case H5T_BITFIELD:
    return "a bitfield";
  case H5T_OPAQUE:
    return "an opaque";
  case H5T_COMPOUND:
    return "a compound";
  case H5T_REFERENCE:
    return "a reference";
  case H5T_ENUM:
    return "an enum";
  case H5T_VLEN:
    return "a variable-length sequence";
  case H5T_ARRAY:
    return "an array";
  default:
    return "an unknown";
  }
}

/// Reads a numeric dataset as doubles. Returns why it cannot, or "".
std::string readArray(hid_t dataset, hsize_t fileSize, Array &out) {
  Handle type(H5Dget_type(dataset), H5Tclose);
  if (!type)
    return "has no readable type";
  H5T_class_t cls = H5Tget_class(type.get());
  if (cls != H5T_INTEGER && cls != H5T_FLOAT)
    return "has " + className(cls) +
           " HDF5 type; NIR parameters are integer or float arrays";
  hssize_t count = 0;
  if (std::string why = readExtent(dataset, out.dims, count); !why.empty())
    return why;
  if (std::string why =
          extentProblem(dataset, type.get(), out.dims, count, fileSize);
      !why.empty())
    return why;
  out.isInteger = cls == H5T_INTEGER;
  out.values.assign(count, 0.0);
  // The conversion buffer must hold an element of the file's type too.
  Handle xfer = snnc::hdf5::transferFor(
      count, std::max(H5Tget_size(type.get()), sizeof(double)));
  if (count && H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL,
                       xfer ? xfer.get() : H5P_DEFAULT, out.values.data()) < 0)
    return readFailure();
  // An f32 0.001 widens to 0.0010000000474974513; keep the decimal the
  // writer meant: the shortest one that rounds to the same f32.
  if (cls == H5T_FLOAT && H5Tget_size(type.get()) == 4)
    for (double &v : out.values)
      v = shortestFloat(v);
  return "";
}

} // namespace snnc::nir
