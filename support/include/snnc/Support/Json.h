//===- Json.h - JSON parsing with snnc's nesting limit ----------*- C++ -*-===//
//
// Every JSON document a user hands snnc (target configs, energy models,
// spike and value files, image manifests) is parsed here, so that none can
// nest deep enough to overflow the recursive code that copies, compares or
// prints nlohmann::json values.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SUPPORT_JSON_H
#define SNNC_SUPPORT_JSON_H

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace snnc {

/// The deepest nesting of arrays and objects snnc reads. Its own files nest
/// fewer than 6 levels; nlohmann::json copies and prints recursively and
/// overflows the stack some 10^5 levels down.
inline constexpr int kMaxJsonDepth = 512;

/// A parsed document, or why there is none.
struct JsonParse {
  std::optional<nlohmann::json> value;
  /// What is wrong ("syntax error while parsing object - ...", "number
  /// overflow parsing '1e999'", the nesting limit), without nlohmann's
  /// exception tag.
  std::string error;
  /// Where, 1-based, when known (else 0).
  unsigned line = 0;
  unsigned column = 0;
};

/// The error of a failed parse, with its place when known:
/// "syntax error while parsing value - invalid literal; last read: '.'
/// (line 1, column 15)".
std::string describeJsonError(const JsonParse &failed);

/// A target-model field's value, written bare (x) or with its provenance
/// ({"value": x, "basis": ..., "source": ...}) as target.json files are.
inline const nlohmann::json &modelFieldValue(const nlohmann::json &field) {
  if (field.is_object() && field.contains("value"))
    return field["value"];
  return field;
}

/// Parses `text`, refusing syntax errors and documents nested deeper than
/// kMaxJsonDepth. Never throws, so code built without exceptions may call it.
JsonParse parseJson(std::string_view text);

} // namespace snnc

#endif // SNNC_SUPPORT_JSON_H
