//===- XbarOps.td - The crossbar target's ops --------------*- tablegen -*-===//
//
// The chip, its slices, projections and tiles. Each op verifies what it can
// alone (counts, block sizes within the tile, conductance blobs of the
// block's shape, finite and >= 0); the chip verifies what ties them together
// (blocks inside their projection, nodes inside the chip and unique).
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_CROSSBAR_XBAROPS_TD
#define SNNC_CROSSBAR_XBAROPS_TD

include "snnc/crossbar/Dialect/XbarDialect.td"
include "mlir/IR/OpBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/SymbolInterfaces.td"

def Xbar_NonNegative : ConfinedAttr<I64Attr, [IntNonNegative]>;
def Xbar_Positive : ConfinedAttr<I64Attr, [IntPositive]>;

def Xbar_ChipOp : Xbar_Op<"chip", [IsolatedFromAbove, SingleBlock,
                                   NoTerminator]> {
  let summary = "a network lowered onto one crossbar chip";
  let description = [{
    The lowered form of the `snn.network` named `network`: the chip's tile
    geometry and mesh, its ADC settings (bits, the current of one code step
    in amperes at the model's full scale of `rows` rows of full weight,
    columns sharing one ADC), and in its body the network's
    slices, projections and tiles. After xbar-map-tiles it also records the
    programming figures of the whole chip.

    ```mlir
    xbar.chip @net tiles 256 x 256 chip 128 mesh 16
        adc 5 bits lsb 9.8e-06 rows 32 columns_per_adc 8 {
      xbar.slice "input0" (0) input first 0 count 4 node 3
      xbar.slice "lif0" (1) first 0 count 2 node 4
      xbar.projection 0 "input0->lif0" rows 4 cols 2 scale 40000.0
          rms_error 0.0 max_error 0.0
      xbar.tile 0 projection 0 delay 1 rows 0 + 4 cols 0 + 2 node 4
          synapses 8 adc_rows 4 g_plus dense<...> : tensor<4x2xf32>
          g_minus dense<...> : tensor<4x2xf32>
    }
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$network,
                       Xbar_Positive:$tile_rows,
                       Xbar_Positive:$tile_cols,
                       Xbar_Positive:$tiles_per_chip,
                       Xbar_Positive:$mesh_cols,
                       ConfinedAttr<I64Attr, [IntMinValue<1>,
                                              IntMaxValue<16>]>:$adc_bits,
                       F64Attr:$adc_lsb,
                       Xbar_Positive:$adc_full_scale_rows,
                       Xbar_Positive:$columns_per_adc,
                       OptionalAttr<Xbar_NonNegative>:$programmed_cells,
                       OptionalAttr<Xbar_NonNegative>:$program_pulses,
                       OptionalAttr<Xbar_NonNegative>:$formed_cells,
                       OptionalAttr<Xbar_NonNegative>:$saved_pulses);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $network `tiles` $tile_rows `x` $tile_cols `chip` $tiles_per_chip
    `mesh` $mesh_cols `adc` $adc_bits `bits` `lsb` $adc_lsb `rows`
    $adc_full_scale_rows `columns_per_adc` $columns_per_adc
    attr-dict-with-keyword $body
  }];
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let skipDefaultBuilders = 1;
  let builders = [OpBuilder<(ins "llvm::StringRef":$network,
      "int64_t":$tileRows, "int64_t":$tileCols, "int64_t":$tilesPerChip,
      "int64_t":$meshCols, "int64_t":$adcBits, "double":$adcLsb,
      "int64_t":$adcFullScaleRows, "int64_t":$columnsPerAdc)>];
}

def Xbar_SliceOp : Xbar_Op<"slice", [HasParent<"ChipOp">]> {
  let summary = "a slice of a population or input port, and its node";
  let description = [{
    Neurons (or input elements) [first, first + count) of the population
    `population`, numbered `index` as every target numbers them (input
    ports first, then every `snn.neuron`). A population slice sits in the
    digital periphery of mesh node `node`, beside the tile that computes
    its input; an input slice's spikes enter the mesh at its node. The node
    is absent until xbar-place.
  }];
  let arguments = (ins StrAttr:$population, Xbar_NonNegative:$index,
                       UnitAttr:$input, Xbar_NonNegative:$first,
                       Xbar_Positive:$count,
                       OptionalAttr<Xbar_NonNegative>:$node);
  let assemblyFormat = [{
    $population `(` $index `)` (`input` $input^)? `first` $first
    `count` $count (`node` $node^)? attr-dict
  }];
}

def Xbar_ProjectionOp : Xbar_Op<"projection", [HasParent<"ChipOp">]> {
  let summary = "a projection's shape, scale and weight error";
  let description = [{
    Projection `index` of the network (in image order), a `rows` x `cols`
    matrix (presynaptic elements x postsynaptic neurons). A weight w is held
    as (G+ - G-) x `scale` (weight units per siemens); `rms_error` and
    `max_error` are |w - (G+ - G-) scale| over its synapses, from the
    conductance levels and programming noise. `formed` marks a reservoir
    whose weights the formed devices gave (nothing programmed).
  }];
  let arguments = (ins Xbar_NonNegative:$index, StrAttr:$name,
                       Xbar_Positive:$rows, Xbar_Positive:$cols,
                       F64Attr:$scale, F64Attr:$rms_error,
                       F64Attr:$max_error, UnitAttr:$formed);
  let assemblyFormat = [{
    $index $name `rows` $rows `cols` $cols `scale` $scale
    `rms_error` $rms_error `max_error` $max_error (`formed` $formed^)?
    attr-dict
  }];
  let hasVerifier = 1;
}

def Xbar_TileOp : Xbar_Op<"tile", [HasParent<"ChipOp">]> {
  let summary = "one physical tile: a block of a projection at one delay";
  let description = [{
    Tile `index` of the chip, at mesh node `node`, holds rows
    [row_first, row_first + row_count) x columns [col_first, col_first +
    col_count) of projection `projection` for the synapses of delay
    `delay` steps. `synapses` counts its cells holding a nonzero weight.
    `adc_rows` is the full scale of the tile's ADCs in rows of full weight
    (a power of two, at most the model's adc_full_scale_rows): its code
    step is the chip's `lsb` x adc_rows / adc_full_scale_rows.
    `g_plus` and `g_minus` are the programmed conductances of the block
    (f32 siemens, row_count x col_count, row-major); large blocks are
    `dense_resource` blobs.
  }];
  let arguments = (ins Xbar_NonNegative:$index,
                       Xbar_NonNegative:$projection, Xbar_Positive:$delay,
                       Xbar_NonNegative:$row_first, Xbar_Positive:$row_count,
                       Xbar_NonNegative:$col_first, Xbar_Positive:$col_count,
                       Xbar_NonNegative:$node, Xbar_NonNegative:$synapses,
                       Xbar_Positive:$full_scale_rows,
                       ElementsAttr:$g_plus, ElementsAttr:$g_minus);
  let assemblyFormat = [{
    $index `projection` $projection `delay` $delay `rows` $row_first `+`
    $row_count `cols` $col_first `+` $col_count `node` $node `synapses`
    $synapses `adc_rows` $full_scale_rows attr-dict `g_plus` $g_plus
    `g_minus` $g_minus
  }];
  let hasVerifier = 1;
}

def Xbar_DigitalTileOp
    : Xbar_Op<"digital_tile", [HasParent<"ChipOp">]> {
  let summary = "a block of a readout projection in a periphery's weight memory";
  let description = [{
    Tile `index` of the chip's tile order, like `xbar.tile`, but digital:
    with digital readouts (target field `digital_readout`), a projection
    into a non-spiking population is not put on an array; its block of
    rows [row_first, row_first + row_count) x columns [col_first,
    col_first + col_count) at delay `delay` sits in the weight memory of
    the periphery at mesh node `node` as int16 `weights` (row-major), each
    worth the projection's `scale`. A read adds the weights of the rows
    that spiked, exactly: no ADC, no device noise, and it takes none of
    the chip's array tiles.

        xbar.digital_tile 9 projection 2 delay 1 rows 0 + 256 cols 0 + 10
            node 3 synapses 2560 weights dense_resource<xbar_weights>
            : tensor<256x10xi16>
  }];
  let arguments = (ins Xbar_NonNegative:$index,
                       Xbar_NonNegative:$projection, Xbar_Positive:$delay,
                       Xbar_NonNegative:$row_first, Xbar_Positive:$row_count,
                       Xbar_NonNegative:$col_first, Xbar_Positive:$col_count,
                       Xbar_NonNegative:$node, Xbar_NonNegative:$synapses,
                       ElementsAttr:$weights);
  let assemblyFormat = [{
    $index `projection` $projection `delay` $delay `rows` $row_first `+`
    $row_count `cols` $col_first `+` $col_count `node` $node `synapses`
    $synapses attr-dict `weights` $weights
  }];
  let hasVerifier = 1;
}

#endif // SNNC_CROSSBAR_XBAROPS_TD
