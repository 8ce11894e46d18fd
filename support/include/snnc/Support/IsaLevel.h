//===- IsaLevel.h - Kernels compiled once per x86-64 ISA level --*- C++ -*-===//
//
// The engines' integer kernels give the same result at any vector width, so
// the build compiles each one for every x86-64 level and runs the best the
// CPU has: a portable binary that still uses AVX-512 where it exists. A
// kernel is an always_inline function; IsaClones<Kernel> inlines it into one
// entry point per level, each compiled with that level's target attribute.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_SUPPORT_ISALEVEL_H
#define SNNC_SUPPORT_ISALEVEL_H

#include <cstdint>

namespace snnc::support {

enum class IsaLevel : uint8_t {
  Baseline, // the build's default target
  X86V3,    // x86-64-v3: AVX2
  X86V4,    // x86-64-v4: AVX-512
};

/// True when this build has the level and the CPU can run it.
bool isaSupported(IsaLevel level);

/// The best supported level (looked up once).
IsaLevel bestIsa();

#if defined(__x86_64__) && defined(__GNUC__)
#define SNNC_X86_ISA_LEVELS 1
#endif

template <auto &Kernel> struct IsaClones {
  /// Kernel(args...) as compiled for `level`, which must be supported.
  template <typename... Args> static auto run(IsaLevel level, Args... args) {
    switch (level) {
#ifdef SNNC_X86_ISA_LEVELS
    case IsaLevel::X86V3:
      return x86v3(args...);
    case IsaLevel::X86V4:
      return x86v4(args...);
#endif
    default:
      return Kernel(args...);
    }
  }

  /// The same on bestIsa().
  template <typename... Args> static auto run(Args... args) {
    return run(bestIsa(), args...);
  }

private:
#ifdef SNNC_X86_ISA_LEVELS
  template <typename... Args>
  [[gnu::target("arch=x86-64-v3")]] static auto x86v3(Args... args) {
    return Kernel(args...);
  }
  template <typename... Args>
  [[gnu::target("arch=x86-64-v4")]] static auto x86v4(Args... args) {
    return Kernel(args...);
  }
#endif
};

} // namespace snnc::support

#endif // SNNC_SUPPORT_ISALEVEL_H
