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

} // namespace snnc::hdf5

#endif // SNNC_IMPORT_HDF5HANDLE_H
