//===- Ridge.h - Linear readouts by ridge regression ------------*- C++ -*-===//
//
// `snnc fit` (issue #13) trains a network's readout on the states a target
// really produces: per-sample features (spike counts or filtered states of
// the readout's source population) and class labels go in, a linear map
// with a bias comes out. Ridge regression onto one-hot targets, with the
// bias unpenalised (features and targets are centred first), solved by
// Eigen's LDLT in a fixed order, so the same data give the same weights
// bit for bit.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_READOUT_RIDGE_H
#define SNNC_READOUT_RIDGE_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace snnc::readout {

/// Row-major samples x features.
struct Features {
  size_t samples = 0;
  size_t features = 0;
  std::vector<double> values;

  double at(size_t sample, size_t feature) const {
    return values[sample * features + feature];
  }
};

struct LinearReadout {
  size_t classes = 0;
  size_t features = 0;
  /// Row-major classes x features.
  std::vector<double> weight;
  std::vector<double> bias;
  double lambda = 0;

  /// The class with the largest score (the lowest index on ties).
  uint32_t predict(const double *features) const;
};

/// Minimises sum over samples of ||W x + b - onehot(label)||^2 +
/// lambda ||W||_F^2 for lambda >= 0. Labels must be below `classes`.
LinearReadout fitRidge(const Features &x, const std::vector<uint32_t> &labels,
                       size_t classes, double lambda);

/// How well one ridge strength did on the held-out samples.
struct LambdaScore {
  /// The strength relative to the mean diagonal of the training Gram
  /// matrix (so that one grid serves features of any scale), and absolute.
  double relative = 0;
  double lambda = 0;
  double holdoutAccuracy = 0;
};

struct HeldOutFit {
  /// Fitted on all samples with the chosen strength.
  LinearReadout readout;
  /// One per candidate, in the order given.
  std::vector<LambdaScore> scores;
  size_t chosen = 0;
};

/// Chooses lambda on held-out data: fits samples [0, split) once per
/// candidate (relative strengths, > 0), scores each on samples [split,
/// samples) by accuracy, picks the best (ties: the stronger), and refits on
/// all samples with it. Needs 0 < split < samples. One eigendecomposition
/// of the training Gram matrix serves every candidate.
HeldOutFit fitRidgeHeldOut(const Features &x,
                           const std::vector<uint32_t> &labels, size_t classes,
                           size_t split,
                           const std::vector<double> &relativeLambdas);

/// Fraction of samples whose predicted class is their label.
double accuracy(const LinearReadout &readout, const Features &x,
                const std::vector<uint32_t> &labels);

} // namespace snnc::readout

#endif // SNNC_READOUT_RIDGE_H
