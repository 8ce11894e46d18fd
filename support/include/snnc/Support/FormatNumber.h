//===- FormatNumber.h - Numbers as snnc's messages print them ---*- C++ -*-===//

#ifndef SNNC_SUPPORT_FORMATNUMBER_H
#define SNNC_SUPPORT_FORMATNUMBER_H

#include <string>

namespace snnc {

/// Whole numbers below 10^18 in full ("1867776", "1000000000000"), so a
/// limit reads as the count it is; others with 6 significant digits
/// ("0.00171", "1e+300", "nan").
std::string formatNumber(double value);

} // namespace snnc

#endif // SNNC_SUPPORT_FORMATNUMBER_H
