//===- Hdf5Handle.h - RAII owner of an HDF5 identifier ----------*- C++ -*-===//
//
// The NIR importer and exporter both talk to the HDF5 C API, whose every
// identifier needs its own close function; this owner makes early returns
// leak-free in both. Include it only where <hdf5.h> is on the include path.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMPORT_HDF5HANDLE_H
#define SNNC_IMPORT_HDF5HANDLE_H

#include <hdf5.h>

namespace snnc::hdf5 {

/// Owns an HDF5 identifier and closes it with the matching function.
class Handle {
public:
  using Closer = herr_t (*)(hid_t);
  Handle(hid_t id, Closer closer) : id(id), closer(closer) {}
  Handle(Handle &&other) : id(other.id), closer(other.closer) { other.id = -1; }
  Handle(const Handle &) = delete;
  Handle &operator=(const Handle &) = delete;
  ~Handle() { close(); }
  explicit operator bool() const { return id >= 0; }
  hid_t get() const { return id; }
  /// Closes now; false when HDF5 reports an error (a writer's failed final
  /// flush). The destructor ignores that error: a reader has nothing to lose.
  bool close() {
    bool ok = id < 0 || closer(id) >= 0;
    id = -1;
    return ok;
  }

private:
  hid_t id;
  Closer closer;
};

/// A dataset-transfer property list whose type-conversion buffer fits
/// `elements` elements of `elementBytes` (at most HDF5's default 1 MiB, at
/// least one element). HDF5 1.10 otherwise zero-fills a fresh 1 MiB
/// conversion buffer, and for strings a background buffer too, on every
/// H5Dread and H5Dwrite that converts types, whatever the dataset's size:
/// for the many scalar strings of a NIR file that was most of the time
/// spent writing it. Pass `get()`, or H5P_DEFAULT when it is invalid.
inline Handle transferFor(hsize_t elements, size_t elementBytes) {
  constexpr hsize_t kDefaultBytes = hsize_t(1) << 20;
  // A variable-length string converts between a 16-byte heap reference and
  // an 8-byte pointer; nothing converts through fewer bytes.
  hsize_t per = elementBytes > 16 ? elementBytes : 16;
  hsize_t bytes = elements > kDefaultBytes / per
                      ? kDefaultBytes
                      : per * (elements ? elements : 1);
  Handle xfer(H5Pcreate(H5P_DATASET_XFER), H5Pclose);
  if (xfer && H5Pset_buffer(xfer.get(), bytes > per ? bytes : per, nullptr,
                            nullptr) < 0)
    xfer.close();
  return xfer;
}

} // namespace snnc::hdf5

#endif // SNNC_IMPORT_HDF5HANDLE_H
