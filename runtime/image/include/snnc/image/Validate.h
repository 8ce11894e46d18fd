//===- Validate.h - Invariants of a chip image ------------------*- C++ -*-===//
//
// One definition of a well-formed image, shared by the writer (which refuses
// to write a malformed Image, so compiler bugs surface at compile time) and
// the reader (which refuses to hand one to an engine). Engines may rely on
// every invariant listed here without re-checking it.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_IMAGE_VALIDATE_H
#define SNNC_IMAGE_VALIDATE_H

#include "snnc/image/Image.h"
#include "snnc/image/ImageError.h"

namespace snnc::image {

/// Returns the first violated invariant; the error names the file of the
/// image the offending element is stored in. The invariants:
///  - dt > 0 and finite; the target model and report are JSON objects
///    holding no non-finite number;
///  - indices of inputs and outputs strictly increase;
///  - every shape is non-empty with a product equal to its size >= 1;
///  - spiking == isSpikingModel(model);
///  - one record per neuron; its parameters finite;
///  - slices tile each input port and each population in order; every
///    slice, of either kind, is on a distinct PE below chips * pesPerChip;
///    sliceOfPe is exactly the inverse map under the global numbering
///    (input slices first, see listSlices());
///  - projections name existing sources and targets; maxDelay in
///    [1, 65535]; errors finite and >= 0; kind is procedural exactly when
///    the storage is;
///  - stored: rowPtr has source size + 1 entries, starts at 0, never
///    decreases and ends at the synapse count; targets < target size;
///    weights finite; delays in [1, maxDelay];
///  - procedural: the spec passes snn::reservoir::validate, its size equals
///    the source and target sizes, and its delay equals maxDelay;
///  - outputs read existing populations, as spikes exactly when they spike;
///  - the layout has a non-empty grid, one site in it per local PE, at
///    least the placed chips, and a neighbour entry (-1 or a chip) per chip
///    and link;
///  - target sections: each has a registered codec owned by the image's
///    target, every section that target requires is present, and each
///    passes its codec's validate().
Status validateImage(const Image &image);

} // namespace snnc::image

#endif // SNNC_IMAGE_VALIDATE_H
