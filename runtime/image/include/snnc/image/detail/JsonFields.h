//===- JsonFields.h - Strict typed access to manifest fields ----*- C++ -*-===//
//
// Each accessor checks presence, type and range, and on failure throws a
// FieldError carrying the JSON path ("populations[2].s_in"), which the
// manifest reader turns into an ImageError. Target section codecs use it
// for the headers of their sections.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_JSONFIELDS_H
#define SNNC_IMAGE_JSONFIELDS_H

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

namespace snnc::image::detail {

struct FieldError {
  std::string what;
};

/// A JSON value and the path it was reached by.
class Field {
public:
  Field(const nlohmann::json &value, std::string path)
      : value(value), path(std::move(path)) {}

  const std::string &where() const { return path; }
  const nlohmann::json &json() const { return value; }

  /// Requires an object whose keys are exactly `keys` (all present).
  void expectKeys(std::initializer_list<const char *> keys) const;
  /// The member `key` of an object; it must exist.
  Field operator[](const char *key) const;
  /// Requires an array; its elements.
  std::vector<Field> elements() const;
  /// Requires an array of exactly `size` elements.
  std::vector<Field> elements(size_t size) const;

  std::string string() const;
  bool boolean() const;
  double number() const;
  uint32_t u32() const;
  uint64_t u64() const;
  int32_t i32() const;
  int64_t i64() const;
  /// One of `names`; returns its position.
  size_t oneOf(std::initializer_list<const char *> names) const;

  [[noreturn]] void fail(const std::string &what) const;

private:
  const nlohmann::json &value;
  std::string path;
};

} // namespace snnc::image::detail

#endif // SNNC_IMAGE_JSONFIELDS_H
