//===- Ridge.cpp - Linear readouts by ridge regression --------------------===//

#include "snnc/readout/Ridge.h"

#include <Eigen/Dense>

namespace snnc::readout {

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
  using Matrix = Eigen::MatrixXd;
  using Vector = Eigen::VectorXd;
  size_t n = x.samples, f = x.features;
  Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic,
                                 Eigen::RowMajor>>
      raw(x.values.data(), Eigen::Index(n), Eigen::Index(f));
  Vector mean = raw.colwise().mean().transpose();
  Matrix centred = raw.rowwise() - mean.transpose();
  Matrix targets = Matrix::Zero(Eigen::Index(n), Eigen::Index(classes));
  for (size_t i = 0; i < n; ++i)
    targets(Eigen::Index(i), Eigen::Index(labels[i])) = 1;
  Vector targetMean = targets.colwise().mean().transpose();
  targets.rowwise() -= targetMean.transpose();

  Matrix gram = centred.transpose() * centred;
  gram.diagonal().array() += lambda;
  Matrix w = gram.ldlt().solve(centred.transpose() * targets); // f x classes

  LinearReadout out;
  out.classes = classes;
  out.features = f;
  out.lambda = lambda;
  out.weight.resize(classes * f);
  out.bias.resize(classes);
  for (size_t c = 0; c < classes; ++c) {
    for (size_t j = 0; j < f; ++j)
      out.weight[c * f + j] = w(Eigen::Index(j), Eigen::Index(c));
    out.bias[c] =
        targetMean(Eigen::Index(c)) - w.col(Eigen::Index(c)).dot(mean);
  }
  return out;
}

double accuracy(const LinearReadout &readout, const Features &x,
                const std::vector<uint32_t> &labels) {
  if (x.samples == 0)
    return 0;
  size_t right = 0;
  for (size_t i = 0; i < x.samples; ++i)
    right += readout.predict(&x.values[i * x.features]) == labels[i];
  return double(right) / double(x.samples);
}

} // namespace snnc::readout
