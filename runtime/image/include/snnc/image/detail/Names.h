//===- Names.h - Formatting of names and numbers in messages ----*- C++ -*-===//
//
// Error messages and the summary refer to elements the same way everywhere:
// by name when they have one, by index otherwise.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_DETAIL_NAMES_H
#define SNNC_IMAGE_DETAIL_NAMES_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace snnc::image::detail {

/// "population 'exc'", or "population #3" when the name is empty.
std::string describe(const char *what, size_t index, const std::string &name);

/// "0x0001f000".
std::string hex32(uint32_t value);

/// The shortest decimal that reads back as `value`; "nan", "inf", "-inf".
std::string formatDouble(double value);

/// "[10, 10]"; "[]" for a scalar.
std::string formatShape(const std::vector<uint32_t> &shape);

/// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF),
/// which is what the JSON writer and parser accept.
bool isValidUtf8(const std::string &text);

} // namespace snnc::image::detail

#endif // SNNC_IMAGE_DETAIL_NAMES_H
