//===- Svg.h - A minimal writer of standalone SVG documents -----*- C++ -*-===//
//
// The run report's plots are plain SVG 1.1 files with no scripts, fonts or
// external references, so that any browser or XML tool opens them. Numbers
// are printed with a fixed number of decimals (trailing zeros trimmed) and
// text is escaped, so the same figures always give the same bytes and the
// document is well-formed XML whatever the names in an image are.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_TOOLS_SVG_H
#define SNNC_TOOLS_SVG_H

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace snnc::tools::svg {

/// `text` with &, <, >, " and ' replaced by entities, and every byte that
/// does not start a well-formed UTF-8 character XML 1.0 allows (control
/// characters other than tab, newline and return; broken or overlong
/// sequences; surrogates; U+FFFE, U+FFFF) replaced by '?', so that any name
/// becomes valid character data or attribute text.
std::string escape(std::string_view text);

/// `value` rounded to `decimals` places, trailing zeros and a trailing dot
/// removed; "-0" prints as "0" and non-finite values as "0".
std::string number(double value, int decimals = 2);

/// `value` with `digits` significant digits ("%.3g"): "19.6", "0.00321".
std::string significant(double value, int digits = 3);

/// `value` with an SI prefix and `unit`, 3 significant digits: "1.23 mJ",
/// "450 nJ", "0 J".
std::string withPrefix(double value, std::string_view unit);

/// An attribute: name and value (numbers via number()).
struct Attr {
  Attr(std::string_view name, std::string_view value)
      : name(name), value(value) {}
  Attr(std::string_view name, const char *value) : name(name), value(value) {}
  Attr(std::string_view name, const std::string &value)
      : name(name), value(value) {}
  Attr(std::string_view name, double value)
      : name(name), value(number(value)) {}
  Attr(std::string_view name, int value)
      : name(name), value(std::to_string(value)) {}
  Attr(std::string_view name, unsigned value)
      : name(name), value(std::to_string(value)) {}

  std::string_view name;
  std::string value;
};

using Attrs = std::initializer_list<Attr>;

/// Builds one SVG document in memory, element by element.
class Document {
public:
  /// `width` x `height` user units; `scale` sets the displayed size (the
  /// viewBox keeps the user units).
  Document(double width, double height, double scale = 1);

  /// <tag attrs/>.
  void element(std::string_view tag, Attrs attrs);
  /// <tag attrs>text</tag>.
  void element(std::string_view tag, Attrs attrs, std::string_view text);
  /// Opens <tag attrs>; end() closes the innermost open element.
  void begin(std::string_view tag, Attrs attrs = {});
  void end();

  // Shorthands for the shapes the plots draw.
  void rect(double x, double y, double width, double height,
            std::string_view fill, Attrs extra = {});
  void line(double x1, double y1, double x2, double y2, std::string_view stroke,
            double strokeWidth = 1);
  /// Text at (x, y) with `size` px sans-serif; `anchor` start|middle|end.
  void text(double x, double y, std::string_view content, double size = 12,
            std::string_view anchor = "start", Attrs extra = {});

  /// The document, closing any element still open; ends with a newline.
  std::string finish();

private:
  void open(std::string_view tag, Attrs attrs);
  void appendAttrs(Attrs attrs);

  std::string out;
  std::vector<std::string> openTags;
};

} // namespace snnc::tools::svg

#endif // SNNC_TOOLS_SVG_H
