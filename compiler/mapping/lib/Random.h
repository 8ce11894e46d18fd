//===- Random.h - Portable RNG, exp and log ---------------------*- C++ -*-===//
//
// Placement must give the same result for a seed on every platform, so it
// cannot use std::mt19937 distributions (implementation-defined) or libm's
// exp (last-ulp differences flip annealing decisions). xoshiro256** seeded by
// splitmix64 and a range-reduced Taylor exp use only integer arithmetic and
// correctly rounded IEEE operations; the library is built with
// -ffp-contract=off so no FMA contraction changes the rounding.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_MAPPING_LIB_RANDOM_H
#define SNNC_MAPPING_LIB_RANDOM_H

#include <cmath>
#include <cstdint>

namespace snnc::mapping::detail {

inline uint64_t splitmix64(uint64_t &state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class Rng {
public:
  explicit Rng(uint64_t seed) {
    uint64_t sm = seed;
    for (uint64_t &word : s)
      word = splitmix64(sm);
  }

  uint64_t next() {
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }

  /// Uniform in [0, n), n > 0 (Lemire's multiply-shift with rejection).
  uint32_t below(uint32_t n) {
    uint64_t m = (next() >> 32) * n;
    uint32_t low = static_cast<uint32_t>(m);
    if (low < n) {
      uint32_t threshold = static_cast<uint32_t>(-n) % n;
      while (low < threshold) {
        m = (next() >> 32) * n;
        low = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

  /// Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s[4];
};

/// exp(x) from +, *, /, floor and ldexp only (all exact or correctly rounded),
/// so every platform returns the same bits. Relative error < 1e-15.
inline double detExp(double x) {
  if (x < -745.0)
    return 0.0;
  if (x > 709.0)
    return HUGE_VAL;
  const double invLn2 = 1.4426950408889634;
  const double ln2Hi = 6.93147180369123816490e-01;
  const double ln2Lo = 1.90821492927058770002e-10;
  double k = std::floor(x * invLn2 + 0.5);
  double r = (x - k * ln2Hi) - k * ln2Lo;
  // |r| <= 0.35: 14 Taylor terms are well below double precision.
  double term = 1.0, sum = 1.0;
  for (int i = 1; i <= 14; ++i) {
    term = term * r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

/// log(x) for x > 0 with the same guarantee as detExp.
inline double detLog(double x) {
  if (!(x > 0))
    return -HUGE_VAL;
  int e = 0;
  double m = std::frexp(x, &e); // x = m * 2^e, m in [0.5, 1)
  if (m < 0.7071067811865476) {
    m *= 2;
    --e;
  }
  // ln m = 2 atanh(z), z = (m - 1) / (m + 1), |z| < 0.172.
  double z = (m - 1) / (m + 1), z2 = z * z, term = z, sum = 0;
  for (int i = 0; i < 24; ++i) {
    sum += term / (2 * i + 1);
    term *= z2;
  }
  return 2 * sum + e * 0.6931471805599453;
}

} // namespace snnc::mapping::detail

#endif // SNNC_MAPPING_LIB_RANDOM_H
