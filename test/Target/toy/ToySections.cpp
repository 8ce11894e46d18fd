//===- ToySections.cpp - The toy target's own image section ---------------===//
//
// Header: rows and cols of each projection's matrix. File: the matrices'
// float32 weights, one after the other.
//
//===----------------------------------------------------------------------===//

#include "ToySections.h"

#include "snnc/image/detail/JsonFields.h"

#include <cmath>

namespace snnc::toy {

using image::detail::Field;
using image::detail::FieldError;
using nlohmann::json;

std::unique_ptr<image::SectionData> DenseSection::clone() const {
  return std::make_unique<DenseSection>(*this);
}

bool DenseSection::equals(const image::SectionData &other) const {
  const auto *o = dynamic_cast<const DenseSection *>(&other);
  if (!o || o->matrices.size() != matrices.size())
    return false;
  for (size_t k = 0; k < matrices.size(); ++k)
    if (matrices[k].rows != o->matrices[k].rows ||
        matrices[k].cols != o->matrices[k].cols ||
        matrices[k].weight != o->matrices[k].weight)
      return false;
  return true;
}

namespace {

std::vector<std::pair<uint32_t, uint32_t>> readShapes(const json &header,
                                                      size_t projections) {
  Field root(header, "header");
  root.expectKeys({"matrices"});
  std::vector<std::pair<uint32_t, uint32_t>> shapes;
  for (const Field &m : root["matrices"].elements(projections)) {
    m.expectKeys({"rows", "cols"});
    shapes.emplace_back(m["rows"].u32(), m["cols"].u32());
  }
  return shapes;
}

class DenseCodec : public image::SectionCodec {
public:
  std::string name() const override { return kDenseSection; }
  std::string owner() const override { return "toy"; }
  uint32_t version() const override { return 1; }

  json header(const image::Image &,
              const image::SectionData &data) const override {
    json matrices = json::array();
    for (const DenseMatrix &m :
         static_cast<const DenseSection &>(data).matrices)
      matrices.push_back({{"rows", m.rows}, {"cols", m.cols}});
    return {{"matrices", matrices}};
  }

  image::Expected<uint64_t> fileSize(const json &header,
                                     const image::Image &image) const override {
    try {
      uint64_t bytes = 0;
      for (auto [rows, cols] : readShapes(header, image.projections.size()))
        bytes += 4 * uint64_t(rows) * cols; // < 2^66 per matrix: no wrap
      return bytes;                         // for the few a test writes.
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
  }

  void encode(const image::Image &, const image::SectionData &data,
              image::detail::ByteSink &sink) const override {
    image::detail::Encoder out(sink);
    for (const DenseMatrix &m :
         static_cast<const DenseSection &>(data).matrices)
      out.putColumn(m.weight);
  }

  image::Expected<std::unique_ptr<image::SectionData>>
  decode(const json &header, const std::vector<uint8_t> &bytes,
         const image::Image &image) const override {
    auto section = std::make_unique<DenseSection>();
    try {
      for (auto [rows, cols] : readShapes(header, image.projections.size()))
        section->matrices.push_back({rows, cols, {}});
    } catch (const FieldError &e) {
      return image::ImageError{fileName(), e.what};
    }
    image::detail::Decoder in(bytes);
    for (DenseMatrix &m : section->matrices) {
      m.weight.resize(size_t(m.rows) * m.cols);
      in.getColumn(m.weight);
    }
    return std::unique_ptr<image::SectionData>(std::move(section));
  }

  image::Status validate(const image::Image &image,
                         const image::SectionData &data) const override {
    const auto &s = static_cast<const DenseSection &>(data);
    if (s.matrices.size() != image.projections.size())
      return image::ImageError{fileName(), "one matrix per projection"};
    for (size_t k = 0; k < s.matrices.size(); ++k) {
      const DenseMatrix &m = s.matrices[k];
      const image::Projection &q = image.projections[k];
      if (m.rows != image::sourceSize(image, q.source) ||
          m.cols != image.populations[q.target].size ||
          m.weight.size() != size_t(m.rows) * m.cols)
        return image::ImageError{fileName(),
                                 "matrix " + std::to_string(k) +
                                     " does not span its projection's "
                                     "source and target"};
      for (float w : m.weight)
        if (!std::isfinite(w))
          return image::ImageError{fileName(),
                                   "matrix " + std::to_string(k) +
                                       " holds a non-finite weight"};
    }
    return image::Status::success();
  }

  std::vector<std::pair<std::string, std::string>>
  summarize(const image::Image &,
            const image::SectionData &data) const override {
    std::vector<std::pair<std::string, std::string>> rows;
    const auto &s = static_cast<const DenseSection &>(data);
    for (size_t k = 0; k < s.matrices.size(); ++k)
      rows.push_back({"matrix " + std::to_string(k),
                      std::to_string(s.matrices[k].rows) + " x " +
                          std::to_string(s.matrices[k].cols)});
    return rows;
  }
};

} // namespace

void registerToySections() {
  image::registerSectionCodec(std::make_unique<DenseCodec>());
}

} // namespace snnc::toy
