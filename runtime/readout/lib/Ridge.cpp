//===- Ridge.cpp - Linear readouts by ridge regression --------------------===//
//
// Both fits work from the centred Gram matrix and cross products, built a
// block of rows at a time (rank updates of the lower triangle), so that the
// features are never copied whole; a fixed block order keeps them
// deterministic.
//
//===----------------------------------------------------------------------===//

#include "snnc/readout/Ridge.h"

#include <Eigen/Dense>

#include <algorithm>

namespace snnc::readout {
namespace {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;
using RowMajor =
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Centred second moments of samples [first, last).
struct Moments {
  Matrix gram;  // features x features
  Matrix cross; // features x classes
  Vector mean;
  Vector targetMean;
};

constexpr size_t kBlockRows = 2048;

Moments moments(const Features &x, const std::vector<uint32_t> &labels,
                size_t classes, size_t first, size_t last) {
  Eigen::Index f = Eigen::Index(x.features), k = Eigen::Index(classes);
  Eigen::Map<const RowMajor> raw(x.values.data() + first * x.features,
                                 Eigen::Index(last - first), f);
  Moments m;
  m.mean = raw.colwise().mean().transpose();
  m.targetMean = Vector::Zero(k);
  for (size_t i = first; i < last; ++i)
    m.targetMean(Eigen::Index(labels[i])) += 1;
  m.targetMean /= double(last - first);
  m.gram = Matrix::Zero(f, f);
  m.cross = Matrix::Zero(f, k);
  for (size_t start = first; start < last; start += kBlockRows) {
    size_t rows = std::min(kBlockRows, last - start);
    Matrix centred =
        raw.middleRows(Eigen::Index(start - first), Eigen::Index(rows))
            .rowwise() -
        m.mean.transpose();
    Matrix targets = -m.targetMean.transpose().replicate(Eigen::Index(rows), 1);
    for (size_t i = 0; i < rows; ++i)
      targets(Eigen::Index(i), Eigen::Index(labels[start + i])) += 1;
    m.gram.selfadjointView<Eigen::Lower>().rankUpdate(centred.transpose());
    m.cross.noalias() += centred.transpose() * targets;
  }
  m.gram = m.gram.selfadjointView<Eigen::Lower>();
  return m;
}

/// The readout whose weights are `w` (features x classes) on moments `m`.
LinearReadout readoutOf(const Matrix &w, const Moments &m, double lambda) {
  LinearReadout out;
  out.classes = size_t(w.cols());
  out.features = size_t(w.rows());
  out.lambda = lambda;
  out.weight.resize(out.classes * out.features);
  out.bias.resize(out.classes);
  for (size_t c = 0; c < out.classes; ++c) {
    for (size_t j = 0; j < out.features; ++j)
      out.weight[c * out.features + j] = w(Eigen::Index(j), Eigen::Index(c));
    out.bias[c] =
        m.targetMean(Eigen::Index(c)) - w.col(Eigen::Index(c)).dot(m.mean);
  }
  return out;
}

/// Moments of the union of two disjoint sample sets of sizes na and nb
/// (Chan et al.'s pairwise update), so that the refit on all samples reuses
/// the Gram matrices already built.
Moments combine(const Moments &a, size_t na, const Moments &b, size_t nb) {
  double n = double(na + nb), wa = double(na) / n, wb = double(nb) / n;
  Vector dx = b.mean - a.mean;
  Vector dy = b.targetMean - a.targetMean;
  double scale = double(na) * double(nb) / n;
  Moments m;
  m.mean = wa * a.mean + wb * b.mean;
  m.targetMean = wa * a.targetMean + wb * b.targetMean;
  m.gram = a.gram + b.gram;
  m.gram.noalias() += scale * dx * dx.transpose();
  m.cross = a.cross + b.cross;
  m.cross.noalias() += scale * dx * dy.transpose();
  return m;
}

/// The ridge solution on moments `m`.
LinearReadout solve(const Moments &m, double lambda) {
  Matrix gram = m.gram;
  gram.diagonal().array() += lambda;
  return readoutOf(gram.ldlt().solve(m.cross), m, lambda);
}

size_t countCorrect(const LinearReadout &readout, const Features &x,
                    const std::vector<uint32_t> &labels, size_t first,
                    size_t last) {
  size_t right = 0;
  for (size_t i = first; i < last; ++i)
    right += readout.predict(&x.values[i * x.features]) == labels[i];
  return right;
}

} // namespace

uint32_t LinearReadout::predict(const double *x) const {
  uint32_t best = 0;
  double bestScore = 0;
  for (size_t c = 0; c < classes; ++c) {
    double score = bias[c];
    for (size_t f = 0; f < features; ++f)
      score += weight[c * features + f] * x[f];
    if (c == 0 || score > bestScore) {
      best = static_cast<uint32_t>(c);
      bestScore = score;
    }
  }
  return best;
}

LinearReadout fitRidge(const Features &x, const std::vector<uint32_t> &labels,
                       size_t classes, double lambda) {
  return solve(moments(x, labels, classes, 0, x.samples), lambda);
}

HeldOutFit fitRidgeHeldOut(const Features &x,
                           const std::vector<uint32_t> &labels, size_t classes,
                           size_t split,
                           const std::vector<double> &relativeLambdas) {
  Moments m = moments(x, labels, classes, 0, split);
  double scale = m.gram.trace() / double(std::max<size_t>(1, x.features));
  if (scale <= 0)
    scale = 1;
  Eigen::SelfAdjointEigenSolver<Matrix> eigen(m.gram);
  const Matrix &q = eigen.eigenvectors();
  // Eigenvalues may come out slightly negative; they are clamped so that
  // every candidate's system stays positive definite.
  Vector values = eigen.eigenvalues().cwiseMax(0.0);
  Matrix projected = q.transpose() * m.cross;

  HeldOutFit fit;
  double best = -1;
  for (size_t i = 0; i < relativeLambdas.size(); ++i) {
    double lambda = relativeLambdas[i] * scale;
    Vector inverse = (values.array() + lambda).inverse().matrix();
    Matrix w = q * (inverse.asDiagonal() * projected);
    LinearReadout candidate = readoutOf(w, m, lambda);
    double score =
        double(countCorrect(candidate, x, labels, split, x.samples)) /
        double(x.samples - split);
    fit.scores.push_back({relativeLambdas[i], lambda, score});
    if (score > best ||
        (score == best && lambda > fit.scores[fit.chosen].lambda)) {
      best = score;
      fit.chosen = i;
    }
  }
  // The Gram matrix grows with the samples; so does the strength, to keep
  // the chosen one relative to the data.
  Moments held = moments(x, labels, classes, split, x.samples);
  fit.readout =
      solve(combine(m, split, held, x.samples - split),
            fit.scores[fit.chosen].lambda * double(x.samples) / double(split));
  return fit;
}

double accuracy(const LinearReadout &readout, const Features &x,
                const std::vector<uint32_t> &labels) {
  if (x.samples == 0)
    return 0;
  return double(countCorrect(readout, x, labels, 0, x.samples)) /
         double(x.samples);
}

} // namespace snnc::readout
