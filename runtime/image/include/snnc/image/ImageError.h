//===- ImageError.h - Errors of chip image reading and writing --*- C++ -*-===//
//
// The image library reports failures as values, never by throwing across
// its API: the runtime and the CLI turn them into messages and exit codes.
// An error names the file it is about (relative to the image directory, or
// the image path itself) so that a user can tell a corrupt table from a
// missing directory.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_IMAGEERROR_H
#define SNNC_IMAGE_IMAGEERROR_H

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace snnc::image {

struct ImageError {
  /// "manifest.json", "synapses.bin", ..., or the image path when the
  /// problem is the directory itself.
  std::string file;
  /// What is wrong, naming the offending element where there is one.
  std::string what;

  /// "file: what" (or just `what` when no file applies).
  std::string message() const {
    return file.empty() ? what : file + ": " + what;
  }
};

/// A value or an ImageError.
template <typename T> class [[nodiscard]] Expected {
public:
  Expected(T value) : storage(std::in_place_index<0>, std::move(value)) {}
  Expected(ImageError error)
      : storage(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return storage.index() == 0; }
  explicit operator bool() const { return ok(); }

  T &value() & {
    assert(ok() && "value() of a failed Expected");
    return std::get<0>(storage);
  }
  const T &value() const & {
    assert(ok() && "value() of a failed Expected");
    return std::get<0>(storage);
  }
  T &&value() && {
    assert(ok() && "value() of a failed Expected");
    return std::get<0>(std::move(storage));
  }
  T &operator*() & { return value(); }
  const T &operator*() const & { return value(); }
  T *operator->() { return &value(); }
  const T *operator->() const { return &value(); }

  const ImageError &error() const {
    assert(!ok() && "error() of a successful Expected");
    return std::get<1>(storage);
  }

private:
  std::variant<T, ImageError> storage;
};

/// Success, or an ImageError.
class [[nodiscard]] Status {
public:
  Status() = default;
  Status(ImageError error) : failure(std::move(error)) {}
  static Status success() { return Status(); }

  bool ok() const { return !failure.has_value(); }
  explicit operator bool() const { return ok(); }
  const ImageError &error() const {
    assert(!ok() && "error() of a successful Status");
    return *failure;
  }

private:
  std::optional<ImageError> failure;
};

} // namespace snnc::image

#endif // SNNC_IMAGE_IMAGEERROR_H
