//===- CounterRng.h - Counter-based random streams --------------*- C++ -*-===//
//
// A tiny counter-based generator: draw k of stream (seed, stream, row) is
// mix64(key(seed, stream, row) + k * golden), i.e. a SplitMix64 sequence whose
// start is itself a hash. Any draw can be recomputed from its coordinates
// alone, which is what makes reservoir rows independent of expansion order.
// The generator is pure integer arithmetic, identical on every platform;
// std:: distributions are avoided because their outputs are
// implementation-defined. The two variates the expander's hot loops need
// (exponential and normal, both by ziggurat) live here too, so they inline.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SUPPORT_COUNTERRNG_H
#define SNNC_SUPPORT_COUNTERRNG_H

#include <cmath>
#include <cstdint>

namespace snn::reservoir::detail {

inline constexpr uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

/// SplitMix64 finalizer (Stafford's Mix13): a bijection with full avalanche.
inline constexpr uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// Distinct stream tags keep topology, weights and types decorrelated, and
/// let one change (say, the weight law) leave the others bit-identical.
enum Stream : uint64_t {
  kTypeStream = 0x7479706573ULL,    // "types"
  kTopoStream = 0x746f706fULL,      // "topo"
  kWeightStream = 0x776569676874ULL // "weight"
};

/// Hashes the stream coordinates into a 64-bit key. Nested mixing (rather than
/// xor-ing the fields together) keeps (seed, row) and (seed', row') from
/// colliding when the differences happen to cancel.
inline constexpr uint64_t streamKey(uint64_t seed, uint64_t stream,
                                    uint64_t row) {
  return mix64(mix64(mix64(seed) ^ stream) + row * kGolden);
}

class CounterRng {
public:
  constexpr CounterRng(uint64_t seed, uint64_t stream, uint64_t row)
      : state(streamKey(seed, stream, row)) {}

  /// Next 64 random bits; equal to mix64(key + k * kGolden) for draw k >= 1.
  uint64_t next() {
    state += kGolden;
    return mix64(state);
  }

  /// Random bits of draw `k` without advancing (pure counter access).
  static constexpr uint64_t at(uint64_t seed, uint64_t stream, uint64_t row,
                               uint64_t k) {
    return mix64(streamKey(seed, stream, row) + k * kGolden);
  }

private:
  uint64_t state;
};

/// Uniform on [0, 1) with 53 random bits; exact multiples of 2^-53.
inline double toUnitClosedOpen(uint64_t bits) {
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

/// Uniform on (0, 1): never 0 or 1, so log() is finite and strictly negative.
/// 52 bits plus a half still fit a double's mantissa, so this is exact.
inline double toUnitOpen(uint64_t bits) {
  return (static_cast<double>(bits >> 12) + 0.5) * 0x1.0p-52;
}

/// Exp(1) variates by the 256-layer ziggurat (Marsaglia & Tsang 2000). This
/// is what geometric skipping needs: floor(log(u) / log1p(-p)) is
/// floor(E / -log1p(-p)) with E = -log(u) ~ Exp(1), and drawing E directly
/// costs one random word and a compare ~99% of the time instead of a log,
/// which was over half the cost of a synapse.
class ExpZiggurat {
public:
  static const ExpZiggurat &get() {
    static const ExpZiggurat table;
    return table;
  }

  template <typename Rng> double operator()(Rng &rng) const {
    double shift = 0.0;
    for (;;) {
      uint64_t bits = rng.next();
      unsigned i = bits & 0xff; // Layer and abscissa use disjoint bits.
      double u = toUnitClosedOpen(bits);
      double v = u * x[i];
      if (u < ratio[i])
        return shift + v;
      if (i == 0) {
        // Past kR the density is memoryless: the tail is kR + Exp(1).
        shift += kR;
        continue;
      }
      if (fx[i] + toUnitClosedOpen(rng.next()) * (fx[i + 1] - fx[i]) <
          std::exp(-v))
        return shift + v;
    }
  }

private:
  static constexpr double kR = 7.69711747013104972;  // Start of the tail.
  static constexpr double kV = 3.949659822581572e-3; // Area of each layer.

  ExpZiggurat() {
    x[0] = kV / std::exp(-kR); // Base rectangle plus tail, as one width.
    x[1] = kR;
    for (unsigned i = 2; i < 256; ++i)
      x[i] = -std::log(kV / x[i - 1] + std::exp(-x[i - 1]));
    x[256] = 0.0;
    for (unsigned i = 0; i <= 256; ++i)
      fx[i] = std::exp(-x[i]);
    for (unsigned i = 0; i < 256; ++i)
      ratio[i] = x[i + 1] / x[i];
  }

  double x[257];
  double fx[257];
  double ratio[256];
};

/// Standard normal variates by the 256-layer ziggurat (Marsaglia & Tsang
/// 2000, with Doornik's 2005 fix of drawing the layer and the abscissa from
/// disjoint bits). About 99% of draws cost one random word and a table look-up;
/// Box-Muller would pay a log, a sqrt and a sincos per pair. Rare paths use
/// libm.
class Ziggurat {
public:
  static const Ziggurat &get() {
    static const Ziggurat table;
    return table;
  }

  template <typename Rng> double operator()(Rng &rng) const {
    for (;;) {
      uint64_t bits = rng.next();
      unsigned i = bits & 0xff;
      double u = static_cast<double>(bits >> 11) * 0x1.0p-52 - 1.0; // [-1, 1)
      if (std::fabs(u) < ratio[i])
        return u * x[i];
      if (i == 0)
        return tail(rng, u < 0.0);
      // Wedge: accept under the density between the layer's two edges.
      double v = u * x[i];
      double f0 = std::exp(-0.5 * (x[i] * x[i] - v * v));
      double f1 = std::exp(-0.5 * (x[i + 1] * x[i + 1] - v * v));
      if (f1 + toUnitClosedOpen(rng.next()) * (f0 - f1) < 1.0)
        return v;
    }
  }

private:
  static constexpr double kR = 3.6541528853610088; // Start of the tail.
  static constexpr double kV = 0.00492867323399;   // Area of each layer.

  Ziggurat() {
    double f = std::exp(-0.5 * kR * kR);
    x[0] = kV / f; // The base layer's rectangle-plus-tail as one width.
    x[1] = kR;
    x[256] = 0.0;
    for (unsigned i = 2; i < 256; ++i) {
      x[i] = std::sqrt(-2.0 * std::log(kV / x[i - 1] + f));
      f = std::exp(-0.5 * x[i] * x[i]);
    }
    for (unsigned i = 0; i < 256; ++i)
      ratio[i] = x[i + 1] / x[i];
  }

  /// Marsaglia's exact sampler for the tail beyond kR.
  template <typename Rng> static double tail(Rng &rng, bool negative) {
    double a, b;
    do {
      a = std::log(toUnitOpen(rng.next())) / kR;
      b = std::log(toUnitOpen(rng.next()));
    } while (-2.0 * b < a * a);
    return negative ? a - kR : kR - a;
  }

  double x[257];
  double ratio[256];
};

} // namespace snn::reservoir::detail

#endif // SNNC_SUPPORT_COUNTERRNG_H
