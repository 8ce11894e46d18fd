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
///  - slice key masks are contiguous high ones, keys have no bit outside
///    their mask, and the clear bits can number every element of the slice;
///    the key blocks of all slices (input and population) are disjoint;
///  - spiking == isSpikingModel(model); s_in, s_v are positive and finite;
///  - one float and one fixed record per neuron; float parameters finite;
///    decay_q, syn_decay_q in [0, 2^16]; gain_m, syn_gain_m >= 0; gain_s,
///    syn_gain_s in [0, 62];
///  - slices tile each input port and each population in order; every
///    slice, of either kind, is on a distinct PE below chips * pesPerChip;
///    sliceOfPe is exactly the inverse map under the global numbering
///    (input slices first, see listSlices());
///  - projections name existing sources and targets; shift in [0, 16];
///    scale == target s_in * 2^shift exactly; maxDelay in [1, 65535]; errors
///    finite and >= 0; kind is procedural exactly when the storage is;
///  - stored: rowPtr has source size + 1 entries, starts at 0, never
///    decreases and ends at the synapse count; targets < target size;
///    weightQ in [-32767, 32767]; weights finite; delays in [1, maxDelay];
///  - procedural: the spec passes snn::reservoir::validate, its size equals
///    the source and target sizes, and its delay equals maxDelay;
///  - one router table per chip; wordsPerRoute fits links + PEs exactly;
///    every route index is in its pool; (key & ~mask) == 0; route bits past
///    links + PEs are clear;
///  - outputs read existing populations, as spikes exactly when they spike.
Status validateImage(const Image &image);

} // namespace snnc::image

#endif // SNNC_IMAGE_VALIDATE_H
