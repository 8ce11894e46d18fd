//===- Svg.cpp - A minimal writer of standalone SVG documents -------------===//

#include "Svg.h"

#include <cmath>
#include <cstdio>

namespace snnc::tools::svg {

namespace {

/// Length of the well-formed UTF-8 sequence at text[i] that encodes a
/// character XML 1.0 allows, or 0.
size_t xmlCharLength(std::string_view text, size_t i) {
  unsigned char lead = static_cast<unsigned char>(text[i]);
  if (lead < 0x80)
    return lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r';
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
  if (length == 0 || i + length > text.size())
    return 0;
  uint32_t code = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    unsigned char c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80)
      return 0;
    code = code << 6 | (c & 0x3F);
  }
  static const uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  bool valid = code >= smallest[length] && code <= 0x10FFFF &&
               !(code >= 0xD800 && code <= 0xDFFF) && code != 0xFFFE &&
               code != 0xFFFF;
  return valid ? length : 0;
}

} // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&apos;";
      break;
    default:
      if (size_t length = xmlCharLength(text, i)) {
        out.append(text.substr(i, length));
        i += length;
        continue;
      }
      out += '?';
    }
    ++i;
  }
  return out;
}

std::string number(double value, int decimals) {
  if (!std::isfinite(value))
    return "0";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string s = buffer;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0')
      s.pop_back();
    if (s.back() == '.')
      s.pop_back();
  }
  if (s == "-0")
    s = "0";
  return s;
}

std::string significant(double value, int digits) {
  if (!std::isfinite(value))
    return "0";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return std::string(buffer) == "-0" ? "0" : buffer;
}

std::string withPrefix(double value, std::string_view unit) {
  static const struct {
    double factor;
    const char *prefix;
  } prefixes[] = {{1e12, "T"},  {1e9, "G"},  {1e6, "M"},  {1e3, "k"},
                  {1, ""},      {1e-3, "m"}, {1e-6, "µ"}, {1e-9, "n"},
                  {1e-12, "p"}, {1e-15, "f"}};
  char buffer[64];
  if (!std::isfinite(value) || value == 0) {
    std::snprintf(buffer, sizeof buffer, "0 %.*s", int(unit.size()),
                  unit.data());
    return buffer;
  }
  double magnitude = std::fabs(value);
  const auto *chosen = &prefixes[std::size(prefixes) - 1];
  for (const auto &p : prefixes)
    // 999.5 of a prefix rounds to 1000: print it with the next one up.
    if (magnitude >= p.factor * (1 - 5e-4)) {
      chosen = &p;
      break;
    }
  std::snprintf(buffer, sizeof buffer, "%.3g %s%.*s", value / chosen->factor,
                chosen->prefix, int(unit.size()), unit.data());
  return buffer;
}

Document::Document(double width, double height, double scale) {
  out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
               {"version", "1.1"},
               {"width", width * scale},
               {"height", height * scale},
               {"viewBox", "0 0 " + number(width) + " " + number(height)},
               {"font-family", "sans-serif"}});
  out += ">\n";
  openTags.emplace_back("svg");
}

void Document::appendAttrs(Attrs attrs) {
  for (const Attr &a : attrs) {
    out += ' ';
    out += a.name;
    out += "=\"";
    out += escape(a.value);
    out += '"';
  }
}

void Document::open(std::string_view tag, Attrs attrs) {
  out += '<';
  out += tag;
  appendAttrs(attrs);
}

void Document::element(std::string_view tag, Attrs attrs) {
  open(tag, attrs);
  out += "/>\n";
}

void Document::element(std::string_view tag, Attrs attrs,
                       std::string_view text) {
  open(tag, attrs);
  out += '>';
  out += escape(text);
  out += "</";
  out += tag;
  out += ">\n";
}

void Document::begin(std::string_view tag, Attrs attrs) {
  open(tag, attrs);
  out += ">\n";
  openTags.emplace_back(tag);
}

void Document::end() {
  if (openTags.size() <= 1)
    return; // the root closes in finish()
  out += "</" + openTags.back() + ">\n";
  openTags.pop_back();
}

void Document::rect(double x, double y, double width, double height,
                    std::string_view fill, Attrs extra) {
  open("rect", {{"x", x},
                {"y", y},
                {"width", width},
                {"height", height},
                {"fill", fill}});
  appendAttrs(extra);
  out += "/>\n";
}

void Document::line(double x1, double y1, double x2, double y2,
                    std::string_view stroke, double strokeWidth) {
  element("line", {{"x1", x1},
                   {"y1", y1},
                   {"x2", x2},
                   {"y2", y2},
                   {"stroke", stroke},
                   {"stroke-width", strokeWidth}});
}

void Document::text(double x, double y, std::string_view content, double size,
                    std::string_view anchor, Attrs extra) {
  open("text",
       {{"x", x}, {"y", y}, {"font-size", size}, {"text-anchor", anchor}});
  appendAttrs(extra);
  out += '>';
  out += escape(content);
  out += "</text>\n";
}

std::string Document::finish() {
  while (!openTags.empty()) {
    out += "</" + openTags.back() + ">\n";
    openTags.pop_back();
  }
  std::string result;
  result.swap(out);
  return result;
}

} // namespace snnc::tools::svg
