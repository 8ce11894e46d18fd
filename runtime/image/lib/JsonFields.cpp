//===- JsonFields.cpp - Strict typed access to manifest fields ------------===//

#include "snnc/image/detail/JsonFields.h"

#include <limits>

namespace snnc::image::detail {

namespace {

const char *typeName(const nlohmann::json &v) {
  if (v.is_number_unsigned() || v.is_number_integer())
    return "an integer";
  if (v.is_number_float())
    return "a fractional number";
  return v.type_name();
}

} // namespace

void Field::fail(const std::string &what) const {
  throw FieldError{(path.empty() ? std::string("top level") : path) + ": " +
                   what};
}

void Field::expectKeys(std::initializer_list<const char *> keys) const {
  if (!value.is_object())
    fail(std::string("expected an object, got ") + typeName(value));
  for (const char *key : keys)
    if (!value.contains(key))
      fail(std::string("missing key '") + key + "'");
  for (auto it = value.begin(); it != value.end(); ++it) {
    bool known = false;
    for (const char *key : keys)
      known |= it.key() == key;
    if (!known)
      fail("unknown key '" + it.key() + "'");
  }
}

Field Field::operator[](const char *key) const {
  if (!value.is_object())
    fail(std::string("expected an object, got ") + typeName(value));
  auto it = value.find(key);
  if (it == value.end())
    fail(std::string("missing key '") + key + "'");
  return Field(*it, path.empty() ? key : path + "." + key);
}

std::vector<Field> Field::elements() const {
  if (!value.is_array())
    fail(std::string("expected an array, got ") + typeName(value));
  std::vector<Field> result;
  result.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i)
    result.emplace_back(value[i], path + "[" + std::to_string(i) + "]");
  return result;
}

std::vector<Field> Field::elements(size_t size) const {
  std::vector<Field> result = elements();
  if (result.size() != size)
    fail("expected " + std::to_string(size) + " elements, got " +
         std::to_string(result.size()));
  return result;
}

std::string Field::string() const {
  if (!value.is_string())
    fail(std::string("expected a string, got ") + typeName(value));
  return value.get<std::string>();
}

bool Field::boolean() const {
  if (!value.is_boolean())
    fail(std::string("expected true or false, got ") + typeName(value));
  return value.get<bool>();
}

double Field::number() const {
  if (!value.is_number())
    fail(std::string("expected a number, got ") + typeName(value));
  return value.get<double>();
}

uint64_t Field::u64() const {
  if (value.is_number_unsigned())
    return value.get<uint64_t>();
  if (value.is_number_integer())
    fail("expected an unsigned integer, got " +
         std::to_string(value.get<int64_t>()));
  fail(std::string("expected an unsigned integer, got ") + typeName(value));
}

uint32_t Field::u32() const {
  uint64_t v = u64();
  if (v > std::numeric_limits<uint32_t>::max())
    fail(std::to_string(v) + " does not fit in 32 bits");
  return static_cast<uint32_t>(v);
}

int64_t Field::i64() const {
  if (value.is_number_unsigned()) {
    uint64_t v = value.get<uint64_t>();
    if (v > uint64_t(std::numeric_limits<int64_t>::max()))
      fail(std::to_string(v) + " does not fit in a signed 64-bit integer");
    return static_cast<int64_t>(v);
  }
  if (value.is_number_integer())
    return value.get<int64_t>();
  fail(std::string("expected an integer, got ") + typeName(value));
}

int32_t Field::i32() const {
  int64_t v = i64();
  if (v < std::numeric_limits<int32_t>::min() ||
      v > std::numeric_limits<int32_t>::max())
    fail(std::to_string(v) + " does not fit in 32 bits");
  return static_cast<int32_t>(v);
}

size_t Field::oneOf(std::initializer_list<const char *> names) const {
  std::string s = string();
  size_t i = 0;
  std::string list;
  for (const char *name : names) {
    if (s == name)
      return i;
    list += (i++ ? ", " : "") + std::string(name);
  }
  fail("'" + s + "' is not one of " + list);
}

} // namespace snnc::image::detail
