//===- Json.cpp - JSON parsing with snnc's nesting limit ------------------===//

#include "snnc/Support/Json.h"

#include <algorithm>

using nlohmann::json;

namespace {

struct TooDeep {};

/// nlohmann's message without its "[json.exception.parse_error.101] " tag
/// and "parse error at line 1, column 2: " prefix, which the caller shows
/// as a location.
std::string plainMessage(std::string message) {
  if (message.rfind("[json.exception.", 0) == 0)
    if (size_t end = message.find("] "); end != std::string::npos)
      message.erase(0, end + 2);
  if (message.rfind("parse error at line ", 0) == 0)
    if (size_t end = message.find(": "); end != std::string::npos)
      message.erase(0, end + 2);
  return message;
}

} // namespace

snnc::JsonParse snnc::parseJson(std::string_view text) {
  // nlohmann's parser keeps its own stack; the callback stops it at the
  // limit before a deep value is ever built.
  auto limitDepth = [](int depth, json::parse_event_t, json &) {
    // nlohmann counts the top-level value as depth 0.
    if (depth >= kMaxJsonDepth)
      throw TooDeep{};
    return true;
  };
  try {
    return {json::parse(text.begin(), text.end(), limitDepth), ""};
  } catch (const json::parse_error &e) {
    JsonParse failed{std::nullopt, plainMessage(e.what())};
    // e.byte counts from 1 and may point one past the end.
    size_t offset = std::min<size_t>(e.byte ? e.byte - 1 : 0, text.size());
    std::string_view before = text.substr(0, offset);
    size_t lineStart = before.rfind('\n');
    failed.line = 1 + std::count(before.begin(), before.end(), '\n');
    failed.column =
        lineStart == std::string_view::npos ? offset + 1 : offset - lineStart;
    return failed;
  } catch (const json::exception &e) {
    return {std::nullopt, plainMessage(e.what())};
  } catch (const TooDeep &) {
    return {std::nullopt,
            "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
  }
}

std::string snnc::describeJsonError(const JsonParse &failed) {
  if (!failed.line)
    return failed.error;
  return failed.error + " (line " + std::to_string(failed.line) + ", column " +
         std::to_string(failed.column) + ")";
}
